"""Which cell of a ruled table each word belongs to, text running over a cell's border included.

A word belongs to the cell its middle lies in, as before. A word set over a
border needs more: an aerospace purchase order walk had the last quality code
of an order line ("Q15", x 552-566) run 8 pt past the table's right edge
(x 558). Its middle lay outside every cell, so it left the row, became a
one-word paragraph the segmenter dropped, and the row read "(Quality codes:
Q01 Q05 Q07 Q09 Q12)"; ``reqx compare`` then reported a change that was not.
Generated documents overflow cells often, so here:

* a word on a row's band that overlaps only one cell is that cell's, wherever
  its middle is (it runs past the table's left or right edge);
* a word over the border between two cells is the cell's it starts in when
  its text is set flush left there (left-aligned text runs on to the right),
  else the cell its middle lies in;
* words wholly past the table's edge that carry on, a word space apart, the
  text of a cell that already runs to the edge are that cell's too.

Only geometry of our own ``PageWord``s: both PDF readers assign cells here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from extractor.reading.layout import PageWord

__all__ = ["Bbox", "cell_words"]

Bbox = tuple[float, float, float, float]  # x0, top, x1, bottom
_Cell = tuple[int, Bbox]  # column index, box

# a word space is under this share of the words' height (a space is about 0.28 em)
_WORD_GAP = 0.6
# text set flush left starts within this many points of its cell's left border
# (cell padding: fpdf2 2.8 pt, Word 5.4 pt, reportlab 6 pt)
_CELL_PADDING = 10.0


def cell_words(
    words: Sequence[PageWord], rows: Sequence[Sequence[Bbox | None]], taken: set[int]
) -> list[list[list[int]]]:
    """The indices of the words in each cell of each row (rows -> cells -> indices).

    Words already in ``taken`` are skipped, and every word given a cell is added
    to it; a word on two rows' bands goes to the first, as before.
    """
    found: list[list[list[int]]] = []
    for row in rows:
        cells = [(column, _floats(bbox)) for column, bbox in enumerate(row) if bbox is not None]
        in_row: list[list[int]] = [[] for _ in row]
        top, bottom = _band(cells)
        for i, word in enumerate(words):
            if i in taken or not top <= word.middle <= bottom:
                continue
            column = _cell_of(word, cells, words)
            if column is not None:
                in_row[column].append(i)
                taken.add(i)
        _carry_on_past_edges(words, cells, in_row, taken)
        found.append(in_row)
    return found


def _floats(bbox: Bbox) -> Bbox:
    x0, top, x1, bottom = (float(value) for value in bbox)
    return x0, top, x1, bottom


def _band(cells: Sequence[_Cell]) -> tuple[float, float]:
    """The top and bottom of a row's band (empty when the row has no cells)."""
    if not cells:
        return math.inf, -math.inf
    return min(box[1] for _, box in cells), max(box[3] for _, box in cells)


def _cell_of(word: PageWord, cells: Sequence[_Cell], words: Sequence[PageWord]) -> int | None:
    """The column of the cell ``word`` belongs to in this row, or None when it is not the row's."""
    band = [(column, box) for column, box in cells if box[1] <= word.middle <= box[3]]
    centre = (word.x0 + word.x1) / 2
    by_middle = next((column for column, box in band if box[0] <= centre <= box[2]), None)
    over = [(column, box) for column, box in band if word.x0 < box[2] and word.x1 > box[0]]
    if len(over) < 2:
        return by_middle if by_middle is not None or not over else over[0][0]
    start = next(((column, box) for column, box in over if box[0] <= word.x0 < box[2]), None)
    if start is None:
        return by_middle if by_middle is not None else over[0][0]
    if by_middle is None or by_middle == start[0]:
        return start[0]  # from inside a cell past the table's edge
    return start[0] if _flush_left(word, start[1], words) else by_middle


def _flush_left(word: PageWord, box: Bbox, words: Sequence[PageWord]) -> bool:
    """Whether the run of text ending in ``word`` starts at the cell's left border (its padding).

    Left-aligned text too long for its cell runs on over the right border;
    right-aligned text of the next cell running back over it starts further in.
    """
    start = _run_start(word, words)
    return box[0] - 1.0 <= start.x0 <= box[0] + _CELL_PADDING


def _run_start(word: PageWord, words: Sequence[PageWord]) -> PageWord:
    """The first word of the run ending in ``word``: words on its line a word space apart."""
    first = word
    while (before := _word_before(first, words)) is not None:
        first = before
    return first


def _word_before(word: PageWord, words: Sequence[PageWord]) -> PageWord | None:
    return next(
        (other for other in words if other is not word and _follows(other, word)),
        None,
    )


def _follows(before: PageWord, after: PageWord) -> bool:
    """``after`` carries on ``before``'s line a word space to its right."""
    gap = after.x0 - before.x1
    height = max(before.height, after.height)
    same_line = abs(after.middle - before.middle) <= 0.5 * height
    return same_line and 0.0 <= gap <= _WORD_GAP * height and before.x0 < after.x0


def _carry_on_past_edges(
    words: Sequence[PageWord], cells: Sequence[_Cell], in_row: list[list[int]], taken: set[int]
) -> None:
    """Give a cell the words wholly past the table's edge that carry on its text."""
    if not cells:
        return
    left = min(box[0] for _, box in cells)
    right = max(box[2] for _, box in cells)
    top, bottom = _band(cells)
    outside = [
        i
        for i, word in enumerate(words)
        if i not in taken and top <= word.middle <= bottom and (word.x0 >= right or word.x1 <= left)
    ]
    if not outside:
        return
    column_of = {i: column for column, cell in enumerate(in_row) for i in cell}
    for i in sorted(outside, key=lambda i: words[i].x0):  # rightwards, each carrying the next
        if words[i].x0 >= right:
            _join_run(i, words, column_of, _follows)
    for i in sorted(outside, key=lambda i: -words[i].x1):  # leftwards
        if words[i].x1 <= left and i not in column_of:
            _join_run(i, words, column_of, lambda anchor, word: _follows(word, anchor))
    for i in outside:
        if i in column_of:
            in_row[column_of[i]].append(i)
            taken.add(i)


def _join_run(
    i: int,
    words: Sequence[PageWord],
    column_of: dict[int, int],
    carries: Callable[[PageWord, PageWord], bool],
) -> None:
    """Put word ``i`` in the cell of a word of the row whose text it carries on."""
    for j, column in list(column_of.items()):
        if carries(words[j], words[i]):
            column_of[i] = column
            return
