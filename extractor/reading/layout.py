"""Page geometry without a PDF library: words -> lines, column order, furniture removal.

Everything here works on our own small value types (``PageWord``, ``Line``), so
any PDF backend (pdfplumber today, pypdfium2 or OCR output tomorrow) can reuse
it: the backend turns its words into ``PageWord``s and calls these functions.
Coordinates are PDF points with the origin at the top left of the page.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

__all__ = [
    "Line",
    "PageWord",
    "drop_line_numbers",
    "find_furniture",
    "find_gutter",
    "group_lines",
    "is_page_number",
    "normalise_furniture_text",
    "order_lines",
    "remove_furniture",
]


@dataclass(frozen=True, slots=True)
class PageWord:
    """One word as a PDF backend (or OCR) found it on a page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool = False
    size: float = 0.0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    """Words on one baseline, left to right; ``column`` is 0 (full width), 1 or 2.

    ``mark``: the small footnote mark left out at the line's start ("1" of "¹ A fire
    test certificate ..."), so the block it opens can still be told a footnote.
    """

    words: tuple[PageWord, ...]
    page: int = 1
    column: int = 0
    mark: str = ""

    @cached_property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        return max(word.x1 for word in self.words)

    @cached_property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @cached_property
    def size(self) -> float:
        """The largest font size on the line (0 when the backend gives none)."""
        return max(word.size for word in self.words)

    @cached_property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)


# --- lines -----------------------------------------------------------------


def group_lines(words: Iterable[PageWord], *, page: int = 1, column: int = 0) -> list[Line]:
    """Group words into lines, top to bottom, each line left to right.

    A word joins a line when its vertical middle lies within half a line
    height of the line's first word; the reference does not drift, so
    neighbouring baselines never chain into one line.
    """
    ordered = sorted(words, key=lambda word: (word.middle, word.x0))
    groups: list[list[PageWord]] = []
    for word in ordered:
        if groups:
            first = groups[-1][0]
            tolerance = max(first.height, word.height) * 0.5
            if abs(word.middle - first.middle) <= tolerance:
                groups[-1].append(word)
                continue
        groups.append([word])
    lines = []
    for group in groups:
        ordered = sorted(group, key=lambda word: word.x0)
        mark = ordered[0].text if len(ordered) > 1 and _opens_with_mark(ordered) else ""
        lines.append(Line(superscripts_marked(ordered), page, column, mark))
    lines.sort(key=lambda line: line.top)
    return lines


_MARKER = re.compile(r"[0-9]{1,3}|[*†‡]")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PUNCTUATION = re.compile(r"[.,;:)\]]+")
_RAISED_CHARACTERS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹*†‡")
# set between a unit and a "2" or "3" raised after it ("240 µm" and a raised "3"): the
# unit's power, or a note's mark when the document has a note "3" (the segmenter tells);
# an invisible character, gone from the statements, and "12 m³" typed so stays a power
RAISED_AFTER_UNIT = "\u2060"
_UNIT_END = re.compile(r"(?<![^\W\d_])[kcdmµμn]?m$")
_SMALLER = 0.8  # a superscript is set at most this share of its neighbour's size
_RAISED = 0.15  # and its bottom stands this share of that size above the neighbour's


def body_size(words: Iterable[PageWord]) -> float:
    """The font size most of ``words``' characters are set in (0 for none): headings are
    larger."""
    sizes: dict[float, int] = {}
    for word in words:
        sizes[word.size] = sizes.get(word.size, 0) + len(word.text)
    return max(sizes, key=lambda size: sizes[size]) if sizes else 0.0


def superscripts_marked(words: Sequence[PageWord]) -> tuple[PageWord, ...]:
    """A line's words with raised small numbers written as superscripts.

    Read as words, "12 m" with a raised "3" became "12 m 3", and a footnote
    reference "(Incoterms 2020)" with its raised "1" became "(Incoterms 2020) 1":
    a wrong quantity and a stray number in the statement. They now read "12 m³"
    and "(Incoterms 2020)¹". The raised number that opens a footnote is its
    marker, not its text, and is left out.
    """
    if len(words) < 2 or len({word.size for word in words}) < 2:
        return tuple(words)  # most lines: all in one size, so nothing raised and smaller
    if _opens_with_mark(words):
        words = words[1:]
    marked: list[PageWord] = [words[0]]
    for word in words[1:]:
        previous = marked[-1]
        if _is_superscript(word, previous):
            joiner = RAISED_AFTER_UNIT if _UNIT_END.search(previous.text) else ""
            text = previous.text + joiner + word.text.translate(SUPERSCRIPT_DIGITS)
        elif (
            _PUNCTUATION.fullmatch(word.text)
            and previous.text[-1] in _RAISED_CHARACTERS
            and word.x0 - previous.x1 < 1.0
        ):
            text = previous.text + word.text  # "m²" "." set in the text's size again
        else:
            marked.append(word)
            continue
        marked[-1] = replace(previous, text=text, x1=max(previous.x1, word.x1))
    return tuple(marked)


def _is_superscript(word: PageWord, neighbour: PageWord) -> bool:
    return (
        _MARKER.fullmatch(word.text) is not None
        and 0 < word.size <= _SMALLER * neighbour.size
        and neighbour.bottom - word.bottom >= _RAISED * neighbour.size
        and word.x0 - neighbour.x1 < 0.5 * neighbour.size  # set against the word it marks
    )


def _opens_with_mark(words: Sequence[PageWord]) -> bool:
    """A small number opening a line: a footnote's marker, raised or not."""
    word, following = words[0], words[1]
    return _MARKER.fullmatch(word.text) is not None and 0 < word.size <= _SMALLER * following.size


# --- columns ---------------------------------------------------------------

_GUTTER_MIN_WIDTH = 7.0  # points; a real gutter is wider than any word space
_GUTTER_MAX_CROSSING = 0.15  # share of lines allowed to cross it (titles, footers)
_GUTTER_MIN_SPLIT = 0.4  # share of lines that must have words on both sides
_GUTTER_MIN_ROWS = 4  # lines with words on both sides, at least, whatever the share
# lines with a bold word on the left of the band and a plain one on its right: a form's
# labels beside their values, when this share of the lines with words on both sides
_LABEL_SHARE = 0.3
_EDGE_ALIGN = 1.5  # points; words starting this close to each other share a left edge
_BANDS_TRIED = 2  # empty bands tried for a gutter, widest first
_EDGES_TRIED = 3  # candidate right-column edges inside the band, leftmost first
_FURNITURE_GAP = 2.0  # a footer stands this many of its line heights below the text


def find_gutter(lines: Sequence[Line], page_width: float) -> tuple[float, float] | None:
    """Find the empty vertical band between two text columns, if the page has one.

    The band must lie near the middle of the page, be crossed by few lines,
    have words on both sides on many lines, and both sides must read like
    running text (a table of contents or a form with values on the right is
    not two columns).
    """
    if len(lines) < 6 or page_width <= 0:
        return None
    lo, hi = int(page_width * 0.3), int(page_width * 0.7)
    changes = [0] * (hi - lo + 2)  # +1 where a line's covered run starts, -1 after it ends
    for line in lines:
        reach = -1  # words of a line may overlap: count each point once per line
        for word in line.words:
            start, end = max(int(word.x0), lo, reach + 1), min(math.ceil(word.x1), hi)
            if start <= end:
                changes[start - lo] += 1
                changes[end - lo + 1] -= 1
                reach = end
    coverage = list(itertools.accumulate(changes[:-1]))
    limit = _GUTTER_MAX_CROSSING * len(lines)
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for i, count in enumerate([*coverage, len(lines) + 1]):
        if count <= limit:
            if run_start is None:
                run_start = i
        elif run_start is not None:
            if i - run_start >= _GUTTER_MIN_WIDTH:
                runs.append((run_start, i))
            run_start = None
    # the widest band first; the next ones when it is no gutter: beside a form's labels
    # ("Payment Terms" over "Incoterms") the widest empty band lay between a label and
    # its value, and the gutter between the two columns of fields was narrower
    runs.sort(key=lambda run: run[0] - run[1])
    for first, last in runs[:_BANDS_TRIED]:
        band = (float(lo + first), float(lo + last))
        for edge in _column_edges(lines, band):
            gutter = _gutter_left_of(lines, band, edge)
            if gutter is not None and _looks_like_columns(lines, gutter):
                return gutter
        if _looks_like_columns(lines, band):
            return band
    return None


def _column_edges(lines: Sequence[Line], band: tuple[float, float]) -> list[float]:
    """Where the right column may start inside a band few lines cross, left to right.

    The band is where few words are; it can be wider than the gutter. Clause
    numbers hanging in the right column's margin ("3.4" at the column's edge,
    its text indented) lie in it, and so does all of a short right column
    (the last page's). The right column's edge is where words that open a
    line's right part (after a gutter-wide gap) start together on two lines
    or more; the band's own end comes last. Only the leftmost few are tried:
    a form or a table without rules may align words at many places.
    """
    starts: list[float] = []
    for line in lines:
        previous_end = -math.inf
        for word in line.words:
            if band[0] <= word.x0 < band[1] and word.x0 - previous_end >= _GUTTER_MIN_WIDTH:
                starts.append(word.x0)
            previous_end = max(previous_end, word.x1)
    starts.sort()
    edges = [
        x
        for i, x in enumerate(starts)
        if (i == 0 or x - starts[i - 1] > _EDGE_ALIGN)  # the first of a group
        and i + 1 < len(starts)
        and starts[i + 1] - x <= _EDGE_ALIGN  # that has a second member
    ]
    return [*edges[:_EDGES_TRIED], band[1]]


def _gutter_left_of(
    lines: Sequence[Line], band: tuple[float, float], edge: float
) -> tuple[float, float] | None:
    """The gutter that ends at ``edge``: from the last left-column word to the edge.

    Lines with a word reaching into the gutter's narrowest width before the
    edge (a title, a footer set across the page) cross it and do not count.
    """
    if edge - band[0] < _GUTTER_MIN_WIDTH:
        return None
    start = band[0]
    for line in lines:
        if any(w.x1 > edge - _GUTTER_MIN_WIDTH and w.x0 < edge for w in line.words):
            continue
        start = max([start, *(w.x1 for w in line.words if w.x1 <= edge)])
    return (start, edge)


def _looks_like_columns(lines: Sequence[Line], gutter: tuple[float, float]) -> bool:
    """Both sides of the gutter read like columns of running text.

    Many lines have words on both sides; or, on a page whose right column is
    short (the last page's), a few lines do, few lines cross the gutter and
    the left column's lines fill it up to the gutter.
    """
    left_ends: list[float] = []
    right_sizes: list[int] = []
    left_only_ends: list[float] = []
    crossing = labels = fields = 0
    for line in lines:
        left = [w for w in line.words if w.x1 <= gutter[0]]
        right = [w for w in line.words if w.x0 >= gutter[1]]
        if len(left) + len(right) != len(line.words):
            crossing += 1
        elif left and right:
            left_ends.append(max(w.x1 for w in left))
            right_sizes.append(len(right))
            labels += left[-1].bold and not right[0].bold
            fields += left[0].bold and right[0].bold and not right[-1].bold
        elif left:
            left_only_ends.append(max(w.x1 for w in left))
    if len(left_ends) < _GUTTER_MIN_ROWS or (
        labels >= _GUTTER_MIN_ROWS - 1 and labels >= _LABEL_SHARE * len(left_ends)
    ):
        # bold on the left of the band, plain on the right: a form's labels beside their
        # values ("Payment Terms   Net 45 days ..."), not two columns of text
        return False
    if fields >= _GUTTER_MIN_ROWS - 1:
        # "PO Number  4500187332      Ship To  Corvane Surgical ...": bold labels open lines
        # on both sides, values after them; a form's two columns of fields, however short
        return True
    left_start = min(line.x0 for line in lines)
    fill = gutter[0] - 0.3 * (gutter[0] - left_start)
    if len(left_ends) < _GUTTER_MIN_SPLIT * len(lines):
        short_right_column = crossing <= _GUTTER_MAX_CROSSING * len(lines) and (
            _median(left_only_ends) >= fill
        )
        if not short_right_column:
            return False
    return _median(left_ends) >= fill and _median(right_sizes) >= 3


def _median(values: Sequence[float]) -> float:
    return sorted(values)[len(values) // 2] if values else -math.inf


def order_lines(
    words: Sequence[PageWord], page_width: float, *, page: int = 1, page_height: float = 0.0
) -> list[Line]:
    """Lines of a page in reading order: on a two-column page, left column then right.

    Lines that cross the gutter (a title, a footer) stay where they are and
    close the column section above them. So does a line with words on both
    sides that stands apart at the top or bottom of the page (in the
    furniture bands, when ``page_height`` is known): a running header or
    footer whose space falls in the gutter. Read as two halves, a footer's
    left half had ended the left column and was read into the sentence
    running on at the top of the right one. A page with no gutter over its
    whole height may still set a part of it in two columns between text
    across the page (``_column_sections``).
    """
    rows = group_lines(words, page=page)
    apart = _rows_apart(rows, page_height)
    # a running header and footer set apart cross the gutter but are not the page's text:
    # with a heading across and a table below the columns as well, they had been one
    # line too many to cross it (a construction walk's subcontract read across)
    body = [row for i, row in enumerate(rows) if i not in apart]
    gutter = find_gutter(body, page_width)
    if gutter is not None:
        return _in_columns(rows, range(len(rows)), gutter, apart, page)
    ordered: list[Line] = []
    done = 0
    for section, section_gutter in _column_sections(rows, page_width):
        ordered.extend(rows[done : section.start])
        ordered.extend(_in_columns(rows, section, section_gutter, apart, page))
        done = section.stop
    ordered.extend(rows[done:])
    return ordered


def _in_columns(
    rows: Sequence[Line],
    section: range,
    gutter: tuple[float, float],
    apart: set[int],
    page: int,
) -> list[Line]:
    """The rows of ``section`` read left column first, rows crossing the gutter in place."""
    ordered: list[Line] = []
    run: list[int] = []
    for i in section:
        row = rows[i]
        crossing = any(w.x1 > gutter[0] and w.x0 < gutter[1] for w in row.words)
        if crossing or (i in apart and _across(row, gutter)):
            ordered.extend(_run_in_columns(rows, run, gutter, page))
            ordered.append(row)
            run = []
        else:
            run.append(i)
    ordered.extend(_run_in_columns(rows, run, gutter, page))
    return ordered


def _run_in_columns(
    rows: Sequence[Line], run: Sequence[int], gutter: tuple[float, float], page: int
) -> list[Line]:
    """Consecutive rows no line crosses, left column first; the last line of a
    paragraph across the page above them and a heading over the text across the
    page below them stay where they are (``_ends_text_above``, ``_heading_below``)."""
    if not run:
        return []
    begin, end = run[0], run[-1] + 1
    head = rows[begin : begin + 1] if _ends_text_above(rows, begin, end, gutter) else []
    begin += len(head)
    while _heading_below(rows, begin, end, gutter):
        end -= 1
    columns = rows[begin:end]
    left = [w for row in columns for w in row.words if w.x1 <= gutter[0]]
    right = [w for row in columns for w in row.words if w.x0 >= gutter[1]]
    return [
        *head,
        *group_lines(left, page=page, column=1),
        *group_lines(right, page=page, column=2),
        *rows[end : run[-1] + 1],
    ]


def _column_sections(
    rows: Sequence[Line], page_width: float
) -> list[tuple[range, tuple[float, float]]]:
    """Runs of rows set in two columns on a page that is not two columns throughout.

    A guideline may open with a title and a paragraph across the page, set
    its next sections in two columns and go on across the page below: the
    full-width lines cross any gutter on too many of the page's lines for
    ``find_gutter``, and the columns were read across (a left line, then the
    right line beside it). Lines that run across the middle of the page with
    no gutter-wide gap part the page into runs; each run with a gutter is
    read as columns.
    """
    sections: list[tuple[range, tuple[float, float]]] = []
    start = 0
    for stop in [*(i for i, row in enumerate(rows) if _spans_middle(row, page_width)), len(rows)]:
        gutter = find_gutter(rows[start:stop], page_width) if stop - start >= 6 else None
        if gutter is not None:
            sections.append((range(start, stop), gutter))
        start = stop + 1
    return sections


def _spans_middle(row: Line, page_width: float) -> bool:
    """A line across the middle of the page with no gap a gutter could be in."""
    lo, hi = page_width * 0.3, page_width * 0.7
    if row.x0 > lo or row.x1 < hi:
        return False
    return not any(
        b.x0 - a.x1 >= _GUTTER_MIN_WIDTH and a.x1 < hi and b.x0 > lo
        for a, b in itertools.pairwise(row.words)
    )


def _across(row: Line, gutter: tuple[float, float]) -> bool:
    """A row with words on both sides of the gutter (or across it)."""
    return row.x0 < gutter[0] and row.x1 > gutter[1]


def _ends_text_above(
    rows: Sequence[Line], first: int, end: int, gutter: tuple[float, float]
) -> bool:
    """Whether the first row of a column run ends the paragraph across the page above.

    It stands left of the gutter, closer to that paragraph than to the row
    below it: read into the left column, "deliveries." was cut off its
    sentence ("It applies to all series and spare part").
    """
    row = rows[first]
    if first == 0 or first + 1 >= end or row.x1 > gutter[0] or not _across(rows[first - 1], gutter):
        return False
    return row.top - rows[first - 1].bottom < rows[first + 1].top - row.bottom


def _heading_below(rows: Sequence[Line], begin: int, end: int, gutter: tuple[float, float]) -> bool:
    """Whether the last row of a column run is a heading over the text across the page below.

    It stands left of the gutter, under the last line of the right column,
    apart from the column above and close to the text below ("4 Delivery
    windows" after two columns whose right one is shorter): read in the
    left column, it had become the section of the right column's clauses.
    """
    if end - begin < 2 or end >= len(rows) or not _across(rows[end], gutter):
        return False
    last = rows[end - 1]
    if last.x1 > gutter[0] or not any(
        w.x0 >= gutter[1] for row in rows[begin : end - 1] for w in row.words
    ):
        return False
    gap_above = last.top - rows[end - 2].bottom
    return gap_above > max(2 * (rows[end].top - last.bottom), last.height)


def _rows_apart(rows: Sequence[Line], page_height: float) -> set[int]:
    """Rows in the page's top or bottom band set apart from the text by a wide gap.

    At most ``_EDGE_LINES`` rows at each end: a header above the first wide
    gap, a footer below the last one.
    """
    if page_height <= 0:
        return set()
    apart: set[int] = set()
    for i in range(min(_EDGE_LINES, len(rows) - 1)):
        row, below = rows[i], rows[i + 1]
        if row.bottom > page_height * _BAND:
            break
        if below.top - row.bottom >= _FURNITURE_GAP * row.height:
            apart.update(range(i + 1))
            break
    for i in range(len(rows) - 1, max(len(rows) - 1 - _EDGE_LINES, 0), -1):
        row, above = rows[i], rows[i - 1]
        if row.top < page_height * (1 - _BAND):
            break
        if row.top - above.bottom >= _FURNITURE_GAP * row.height:
            apart.update(range(i, len(rows)))
            break
    return apart


# --- page furniture --------------------------------------------------------

_ROMAN = r"[ivxlcdm]+"
_PAGE_NUMBER = re.compile(
    rf"""^(?:
        [-–—]?\s*(?:\d{{1,4}}|{_ROMAN})\s*[-–—]?           # 3, - 3 -, -iii-
      | (?:page|pg\.?|p\.)\s*(?:\d{{1,4}}|{_ROMAN})       # Page 3, p. 3, page iii
            (?:\s*(?:of|/)\s*\d{{1,4}})?                  # ... of 50
      | \d{{1,4}}\s*(?:of|/)\s*\d{{1,4}}                  # 3 of 50, 3/50
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_ARABIC_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*[-–—])?$", re.IGNORECASE)
# "... Northampton NN1 4LD    Page 1 of 1": a footer by its page counter, on a one-page order
# too, where no other page repeats it (a logistics walk's footer became a statement)
_PAGE_OF = re.compile(
    r"(?:^|\s)page\s+\d{1,4}\s+of\s+\d{1,4}\s*$|^page\s+\d{1,4}\s+of\s+\d{1,4}\s", re.I
)
# what a browser prints over and under a page unless told not to: the date and time with
# the page's title ("11/28/26, 9:11 PM Service Review Minutes"), and its address with the
# page count ("file:///C:/minutes.html 1/1"); a one-page print repeats on no other page
_BROWSER_STAMP = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?(?:\s|$)"
    r"|^(?:file|https?)://\S+(?:\s+\d{1,4}/\d{1,4})?$|^about:blank(?:\s+\d{1,4}/\d{1,4})?$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_ROMAN_TOKEN = re.compile(rf"\b{_ROMAN}\b")
_SPACES = re.compile(r"\s+")

_BAND = 0.09  # top and bottom share of the page height where furniture lives
_EDGE_LINES = 3  # first and last lines of a page count as furniture candidates too
_REPEAT_SHARE = 0.4  # a line repeated on this share of pages (and >= 2) is furniture
# an edge line outside the bands needs more: repeated on half the pages and on at least
# three (all of them in a shorter document), so a body sentence that happens to end two
# pages of a four-page document is not taken for a floating footer
_EDGE_REPEAT_SHARE = 0.5
_EDGE_REPEAT_MIN = 3


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number: 3, - 3 -, Page 3 of 50, p. 3, iii."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def normalise_furniture_text(text: str) -> str:
    """The text a running header or footer keeps from page to page (numbers blanked)."""
    text = _DIGITS.sub("#", text.lower())
    text = _ROMAN_TOKEN.sub("#", text)
    return _SPACES.sub(" ", text).strip()


def _in_band(line: Line, height: float) -> bool:
    return height > 0 and (line.bottom <= height * _BAND or line.top >= height * (1 - _BAND))


def _candidates(lines: Sequence[Line], height: float) -> list[bool]:
    """Lines that may be furniture: in the top or bottom band, or among the edge lines.

    Edge lines matter because EDGAR pages end wherever the text ends, so their
    footers float up the page, and a banner may open one page and close the next.
    """
    last = len(lines) - _EDGE_LINES
    return [i < _EDGE_LINES or i >= last or _in_band(line, height) for i, line in enumerate(lines)]


def find_furniture(
    pages: Sequence[Sequence[Line]], heights: Sequence[float]
) -> set[tuple[int, int]]:
    """(page index, line index) of every running header, footer, banner and page number.

    A header, footer or banner is a line near the top or bottom of the page
    whose normalised text (numbers blanked) shows up there on many pages; a
    page number is a line there that is nothing but a page number. Lines in
    the top and bottom bands (by position) need the text on 40% of the pages,
    at least two. Edge lines outside the bands (EDGAR's floating footers) count
    only as an unbroken run from the page's first or last line, so body text is
    never cut out of the middle, and need more evidence: the text on half the
    pages and at least three (every page of a shorter document).
    """
    heights = [heights[p] if p < len(heights) else 0.0 for p in range(len(pages))]
    keys: list[dict[int, str]] = []  # the candidate lines' normalised texts, by page and line
    pages_with: dict[str, set[int]] = defaultdict(set)
    numbers_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for p, lines in enumerate(pages):
        on_page = {
            i: normalise_furniture_text(lines[i].text)
            for i, is_candidate in enumerate(_candidates(lines, heights[p]))
            if is_candidate
        }
        keys.append(on_page)
        for i, key in on_page.items():
            pages_with[key].add(p)
            numbers_of[key].add(tuple(_DIGITS.findall(lines[i].text)))
    body = _templated_body(keys, numbers_of)
    in_band_needed = max(2, math.ceil(_REPEAT_SHARE * len(pages)))
    edge_needed = max(
        in_band_needed,
        min(len(pages), max(_EDGE_REPEAT_MIN, math.ceil(_EDGE_REPEAT_SHARE * len(pages)))),
    )

    def looks_like_furniture(p: int, i: int, needed: int) -> bool:
        if is_page_number(pages[p][i].text):
            return True
        key = keys[p][i]  # only candidate lines are asked about
        return key not in body and len(pages_with[key]) >= needed

    furniture: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            if _in_band(line, heights[p]) and (
                looks_like_furniture(p, i, in_band_needed)
                or _PAGE_OF.search(line.text)
                or _BROWSER_STAMP.search(line.text)
            ):
                furniture.add((p, i))
        furniture.update((p, i) for i in _lone_page_numbers(lines))
        edge = min(_EDGE_LINES, len(lines))
        for run in (range(edge), range(len(lines) - 1, len(lines) - 1 - edge, -1)):
            for i in run:
                if (p, i) not in furniture and not looks_like_furniture(p, i, edge_needed):
                    break
                furniture.add((p, i))
    furniture.update(_furniture_set_elsewhere(pages, furniture, in_band_needed))
    furniture.update(_headers_by_part(pages, heights, furniture, body, in_band_needed))
    furniture.update(_headers_set_otherwise(pages, furniture, body))
    furniture.update(_continuation_headers(pages))
    furniture.update(_contact_footers(pages, heights, furniture))
    return furniture


_HEADING_BLOCK_LINES = 4  # a letter's continuation heading: addressee, date, page
_HEADING_BLOCK_WORDS = 8  # each of its lines short


def _continuation_headers(
    pages: Sequence[Sequence[Line]],
) -> set[tuple[int, int]]:
    """A later page's heading of a few short lines that holds its page number, or
    that says the page continues a form ("... SF 30 Continuation").

    A letter's second page opens "Mr. Daniel R. Whitcomb / November 2, 2026 /
    Page 2" (a medical-device walk's counsel letter): only the page number read
    as furniture, and the addressee and date became the section of every
    statement below. Set as a block of its own (tight lines, a blank line
    before the body), the lines from the page's top down to the page number go.
    """
    found: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        if p == 0:
            continue
        below = lines[1] if len(lines) > 1 else None
        if (
            lines
            and _CONTINUATION.search(lines[0].text)
            and (below is None or below.top - lines[0].bottom >= lines[0].height)
        ):
            # "Solicitation No. N68714-26-Q-0417 - Amendment 0001 SF 30 Continuation" over a
            # federal amendment's page 2 only: it was the section of page 2, and closed the
            # list it broke ("h." lost its "4.")
            found.add((p, 0))
            continue
        for i, line in enumerate(lines[:_HEADING_BLOCK_LINES]):
            if not is_page_number(line.text):
                continue
            below = lines[i + 1] if i + 1 < len(lines) else None
            if i > 0 and _set_apart_as_block(lines[: i + 1], below):
                found.update((p, j) for j in range(i + 1))
            break
    return found


_CONTINUATION = re.compile(r"\bcontinuation(?:\s+(?:sheet|page))?\s*$|\(continued\)\s*$", re.I)


def _set_apart_as_block(block: Sequence[Line], below: Line | None) -> bool:
    """Short lines set close together, with a blank line between them and ``below``."""
    if any(len(line.words) > _HEADING_BLOCK_WORDS for line in block):
        return False
    tight = all(
        lower.top - upper.bottom < 0.8 * upper.height for upper, lower in itertools.pairwise(block)
    )
    return tight and (below is None or below.top - block[-1].bottom >= block[-1].height)


# "Ashby & Pruett LLP | One Federal Street ... | T 617.555.0190 | ashbypruett.example"
_CONTACT_SIGNS = (
    re.compile(r"\s[|•·]\s"),
    re.compile(r"(?:\+\d|\b(?:T|Tel|Phone|Fax|F)\b\.?:?)\s*[\d(][\d .()/-]{6,}\d", re.I),
    re.compile(r"@|\bwww\.|\b[a-z0-9-]+\.(?:com|org|net|example|[a-z]{2})(?:/\S*)?(?:\s|$)", re.I),
)
_SMALL_PRINT = 0.8  # a letterhead's footer is set at most this share of the body size


def _contact_footers(
    pages: Sequence[Sequence[Line]],
    heights: Sequence[float],
    furniture: set[tuple[int, int]],
) -> set[tuple[int, int]]:
    """A letterhead's footer on one page only: small print at the foot, contact details.

    A counsel letter's first page closed with "Ashby & Pruett LLP | One Federal
    Street ... | T 617.555.0190 | ashbypruett.example", which no other page
    repeats, and it was read into the sentence running on to page 2. The last
    lines of a page, in the bottom band, set smaller than the body, a blank
    line below the text, with two signs of contact details (separators, a
    telephone number, a web or e-mail address), are furniture. A footnote has
    none of these signs, so it stays.
    """
    found: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        kept = [i for i in range(len(lines)) if (p, i) not in furniture]
        if len(kept) < 2:
            continue
        size = body_size(word for line in lines for word in line.words)
        footer: list[int] = []
        for k in range(len(kept) - 1, max(len(kept) - 1 - _EDGE_LINES, 0), -1):
            line, above = lines[kept[k]], lines[kept[k - 1]]
            if not _in_band(line, heights[p]) or not 0 < line.size <= _SMALL_PRINT * size:
                break
            if sum(bool(sign.search(line.text)) for sign in _CONTACT_SIGNS) < 2:
                break
            footer.append(kept[k])
            if line.top - above.bottom >= above.height:  # the blank line above the footer
                found.update((p, i) for i in footer)
                break
    return found


_SAME_START_CHARS = 24  # a header set otherwise still opens with this much of its text ...
_SAME_START_SHARE = 0.5  # ... and half the shorter of the two


def _shared_start(first: str, second: str) -> int:
    """How many characters the two texts open with alike."""
    alike = itertools.takewhile(lambda pair: pair[0] == pair[1], zip(first, second, strict=False))
    return sum(1 for _ in alike)


def _headers_set_otherwise(
    pages: Sequence[Sequence[Line]],
    furniture: set[tuple[int, int]],
    body: set[str],
) -> set[tuple[int, int]]:
    """A page's first or last line (the lines already found aside) that opens with a
    running header or footer found on other pages, however it ends.

    Three walks' contracts had a landscape page whose header, set wider, read in full
    ("... Manufacturing Services Agreement APC-LGL-MSA-27-03") while the portrait
    pages' one ran its right-aligned part into its title; it matched no other page,
    lay below the landscape page's narrower top band, and became a statement.
    """
    known = {
        normalise_furniture_text(pages[p][i].text)
        for p, i in furniture
        if not is_page_number(pages[p][i].text)
    }
    known = {key for key in known if len(key) >= _SAME_START_CHARS}
    if not known:
        return set()
    found: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        kept = [i for i in range(len(lines)) if (p, i) not in furniture]
        for i in kept[:1] + kept[-1:]:
            key = normalise_furniture_text(lines[i].text)
            if key in body:
                continue
            for other in known:
                shared = _shared_start(key, other)
                if shared >= _SAME_START_CHARS and shared >= _SAME_START_SHARE * min(
                    len(key), len(other)
                ):
                    found.add((p, i))
                    break
    return found


# Words this many line heights apart are separate pieces of a line: a header's title set
# left and its part or chapter name set right, with the page between them empty.
_PIECE_GAP_HEIGHTS = 4.0


def _line_pieces(line: Line) -> list[str]:
    """The line's pieces set apart by wide gaps, each normalised as furniture text."""
    gap = _PIECE_GAP_HEIGHTS * max(line.height, 1.0)
    pieces: list[list[str]] = [[line.words[0].text]]
    for before, word in itertools.pairwise(line.words):
        if word.x0 - before.x1 > gap:
            pieces.append([])
        pieces[-1].append(word.text)
    return [normalise_furniture_text(" ".join(piece)) for piece in pieces]


def _headers_by_part(
    pages: Sequence[Sequence[Line]],
    heights: Sequence[float],
    furniture: set[tuple[int, int]],
    body: set[str],
    needed: int,
) -> set[tuple[int, int]]:
    """A running header or footer whose one side names the part it is in.

    "Acme Rail Ltd - ITT 0147        Part B - Specification": the title repeats on
    every page, the part name only on that part's pages, so the line as a whole
    was on too few pages to be taken for furniture and its text was read into
    the clauses it broke. The outermost line of a page's top or bottom band
    (the lines already found aside), set in pieces far apart, is furniture when
    its first or last piece is found so on enough pages.
    """
    outermost: list[tuple[int, int]] = []
    for p, lines in enumerate(pages):
        kept = [i for i in range(len(lines)) if (p, i) not in furniture]
        for i in kept[:1] + kept[-1:]:
            if _in_band(lines[i], heights[p]) and len(lines[i].words) > 1:
                outermost.append((p, i))
    pieces_of = {(p, i): _line_pieces(pages[p][i]) for p, i in outermost}
    pages_with: dict[str, set[int]] = defaultdict(set)
    for (p, _), pieces in pieces_of.items():
        if len(pieces) > 1:
            for piece in (pieces[0], pieces[-1]):
                pages_with[piece].add(p)
    return {
        (p, i)
        for (p, i), pieces in pieces_of.items()
        if len(pieces) > 1
        and normalise_furniture_text(pages[p][i].text) not in body
        and max(len(pages_with[pieces[0]]), len(pages_with[pieces[-1]])) >= needed
    }


_MAX_VARYING_NUMBERS = 2  # "Page 3 of 50", "ABC-000123 page 3": a footer's own counters
_MAX_SAME_ON_A_PAGE = 2  # a banner may open and close a page


def _templated_body(
    keys: Sequence[Mapping[int, str]], numbers_of: Mapping[str, set[tuple[str, ...]]]
) -> set[str]:
    """Normalised texts that repeat like furniture but are body: a schedule's or price
    list's lines, the same words with other numbers on every page.

    A running header or footer is on a page once (twice for a banner at top and
    bottom), and only its page counters change; a delivery schedule repeats its
    line several times a page (at its top and foot too), with lot, quantity and
    date changing. Without this, every line of such a document was taken for
    furniture and dropped. ``keys``: each page's candidate lines, normalised.
    """
    body = {
        key for key, found in numbers_of.items() if _varying_numbers(found) > _MAX_VARYING_NUMBERS
    }
    for on_page in keys:
        counts = Counter(on_page.values())
        body.update(key for key, count in counts.items() if count > _MAX_SAME_ON_A_PAGE)
    return body


def _varying_numbers(found: set[tuple[str, ...]]) -> int:
    """How many number positions take more than one value among lines of one text."""
    widest = max((len(numbers) for numbers in found), default=0)
    return sum(
        len({numbers[i] for numbers in found if len(numbers) > i}) > 1 for i in range(widest)
    )


_RUN_LINES = 4  # the longest footer (in lines) looked for where it is set differently


def _run_key(lines: Sequence[Line]) -> str:
    """A run of lines as one text, spaces and line breaks ignored (they differ page to page)."""
    return _SPACES.sub("", normalise_furniture_text(" ".join(line.text for line in lines)))


def _furniture_set_elsewhere(
    pages: Sequence[Sequence[Line]], furniture: set[tuple[int, int]], needed: int
) -> set[tuple[int, int]]:
    """A multi-line footer where one page sets it otherwise: higher up, or broken differently.

    An EDGAR filing's confidentiality legend closes every page but opens the
    first, under "Exhibit 10.14", with its lines broken elsewhere; line by line
    it matches nothing. Runs of furniture lines are compared as whole texts,
    and a run of lines near a page's top or bottom with the same text, found
    on enough pages, is furniture too.
    """
    pages_with: dict[str, set[int]] = defaultdict(set)
    for p, lines in enumerate(pages):
        i = 0
        while i < len(lines):
            if (p, i) not in furniture:
                i += 1
                continue
            end = i
            while end < len(lines) and (p, end) in furniture:
                end += 1
            for first in range(i, end):  # and its parts: a page number may sit above it
                for last in range(first + 2, min(end, first + _RUN_LINES) + 1):
                    pages_with[_run_key(lines[first:last])].add(p)
            i = end
    known = {key for key, found in pages_with.items() if len(found) >= needed}
    if not known:
        return set()
    found: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        # runs that start among the first lines, or end among the last ones
        edge = _EDGE_LINES + 1
        starts = set(range(min(edge, len(lines)))) | set(
            range(max(0, len(lines) - edge - (_RUN_LINES - 1)), len(lines))
        )
        for start in sorted(starts):
            for length in range(2, _RUN_LINES + 1):
                run = range(start, start + length)
                if run.stop > len(lines) or any((p, i) in furniture for i in run):
                    break
                if _run_key(lines[run.start : run.stop]) in known:
                    found.update((p, i) for i in run)
                    break
    return found


def _lone_page_numbers(lines: Sequence[Line]) -> list[int]:
    """Mid-page page numbers: EDGAR text exhibits keep the old page breaks inside a page.

    Only a centred line that stands apart from the lines around it and reads
    as an arabic page number ("2", "- 2 -", "Page 2") counts.
    """
    if len(lines) < 3:
        return []
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    centre, width = (left + right) / 2, right - left
    found = []
    for i in range(1, len(lines) - 1):
        line, above, below = lines[i], lines[i - 1], lines[i + 1]
        if not _ARABIC_PAGE_NUMBER.match(line.text.strip()):
            continue
        centred = abs((line.x0 + line.x1) / 2 - centre) <= 0.08 * width
        apart = min(line.top - above.bottom, below.top - line.bottom) >= line.height
        if centred and apart:
            found.append(i)
    return found


def remove_furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[list[Line]]:
    """The pages' lines without headers, footers, banners and page numbers."""
    furniture = find_furniture(pages, heights)
    return [
        [line for i, line in enumerate(lines) if (p, i) not in furniture]
        for p, lines in enumerate(pages)
    ]


_LEFT_EDGE = operator.attrgetter("x0")
_LINE_NUMBERS_MIN = 5  # fewer bare numbers in the margin are something else
_LINE_NUMBERS_REGULAR = 0.8  # share of neighbouring numbers one step apart
_LINE_NUMBERS_DENSITY = 0.7  # they count at least this share of the text lines they span


def _is_number(word: PageWord) -> bool:
    return word.text.isascii() and word.text.isdigit()


def drop_line_numbers(words: Sequence[PageWord]) -> Sequence[PageWord]:
    """A page's words without the line numbers in its left margin (pleading paper, drafts).

    Line numbers are bare numbers (digits, no dot) left of every other word on
    the page, the leftmost column of them, at least five, counting up down the
    page by one step (every line, or every fifth); and they count lines: from
    the first to the last, the numbers rise by about as many as there are text
    lines between them. Read as text, "1", "2", ... opened every line, went
    into every statement and hid the clause numbers behind them. Hanging
    clause numbers ("1" in the margin, its text indented) count paragraphs, not
    lines, and stay.
    """
    if not words or not _is_number(min(words, key=_LEFT_EDGE)):
        return words  # line numbers would be the page's leftmost words: most pages stop here
    numbers = [word for word in words if _is_number(word)]
    if len(numbers) < _LINE_NUMBERS_MIN or len(numbers) == len(words):
        return words
    text = [word for word in words if not _is_number(word)]
    text_left = min(word.x0 for word in text)
    margin = sorted(
        (word for word in numbers if word.x1 < text_left - 2 and len(word.text) <= 3),
        key=lambda word: word.top,
    )
    if margin:  # the leftmost column of them (hanging clause numbers may stand to its right)
        leftmost = min(margin, key=lambda word: word.x0)
        margin = [word for word in margin if word.x0 < leftmost.x1 and word.x1 > leftmost.x0]
    if len(margin) < _LINE_NUMBERS_MIN:
        return words
    values = [int(word.text) for word in margin]
    steps = [b - a for a, b in itertools.pairwise(values)]
    step = Counter(steps).most_common(1)[0][0]
    if step <= 0 or steps.count(step) < _LINE_NUMBERS_REGULAR * len(steps):
        return words
    first, last = margin[0].top, margin[-1].bottom
    rows = [line for line in group_lines(text) if first <= line.words[0].middle <= last]
    if values[-1] - values[0] < _LINE_NUMBERS_DENSITY * (len(rows) - 1):
        return words  # fewer numbers than lines: they number paragraphs
    dropped = {id(word) for word in margin}
    return [word for word in words if id(word) not in dropped]


Rule = tuple[float, float, float, float]  # x0, top, x1, bottom


def enough_rules_for_grid(lines: Sequence[Rule], rects: Sequence[Rule]) -> bool:
    """Cheap test before an expensive table search: enough ruling lines for a grid.

    Thin rectangles count as rules; a larger rectangle counts as two of each.
    Both PDF readers use it, so they look for tables on the same pages.
    """
    horizontal = vertical = 0
    for x0, top, x1, bottom in lines:
        if abs(top - bottom) < 1:
            horizontal += 1
        elif abs(x0 - x1) < 1:
            vertical += 1
    for x0, top, x1, bottom in rects:
        width, height = x1 - x0, bottom - top
        if height < 3 <= width:
            horizontal += 1
        elif width < 3 <= height:
            vertical += 1
        elif width >= 3 and height >= 3:
            horizontal += 2
            vertical += 2
    return horizontal >= 3 and vertical >= 2
