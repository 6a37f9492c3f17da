"""Render one table row as a sentence-like line that still says what each cell is.

A requirement table row such as [Tensile strength | min 500 MPa | ASTM E8] under
the headers [Property | Requirement | Test method] only makes sense with its
headers, so the row becomes "Tensile strength: min 500 MPa (Test method: ASTM E8)".
Every reader (PDF, DOCX, Markdown) renders rows here, so a table reads the same
whichever file it came in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["render_row", "row_pieces"]


def row_pieces(headers: Sequence[str], cells: Sequence[str]) -> list[tuple[str, int | None]]:
    """The rendered row as pieces: (text, index of the cell it shows, or None for glue).

    The PDF reader needs the pieces to map each cell's words to their place in
    the rendered text; ``render_row`` only joins them.
    """
    cells = [" ".join(cell.split()) for cell in cells]
    filled = [i for i, cell in enumerate(cells) if cell]
    pieces: list[tuple[str, int | None]] = []
    if not filled:
        return pieces
    if not headers or len(cells) == 1:
        for n, i in enumerate(filled):
            if n:  # a key/value row ("Due date", "30 June 2024") reads "key: value"
                pieces.append((": " if (n, i) == (1, 1) and filled[0] == 0 else "; ", None))
            pieces.append((cells[i], i))
        return pieces
    headers = [" ".join(header.split()) for header in headers]

    def labelled(i: int, before: str = "", after: str = "") -> list[tuple[str, int | None]]:
        header = headers[i] if i < len(headers) else ""
        label = f"{before}{header}: " if header else before
        return [(label, None), (cells[i], i), (after, None)]

    rest = filled[1:]
    if filled[0] == 0:
        pieces.append((cells[0], 0))
        if rest and rest[0] == 1 and not _assigns_roles(cells, rest):
            pieces += [(": ", None), (cells[1], 1)]
            rest = rest[1:]
    else:
        pieces += labelled(filled[0])
    for i in rest:
        pieces += labelled(i, " (", ")")
    return [piece for piece in pieces if piece[0]]


# A responsibility (RACI) matrix: each column is a party, each cell its role. The
# second column's header names a party there, not "the value", so it is kept.
_ROLE_WORD = re.compile(r"^(?:responsible|accountable|consulted|informed)\b", re.IGNORECASE)
_ROLE_LETTERS = re.compile(r"^[RACIS](?:\s*[/,+]\s*[RACIS])*$")


def _assigns_roles(cells: Sequence[str], filled: Sequence[int]) -> bool:
    """The row gives parties their roles: a role word opens a cell, or two cells are
    role letters ("R", "A/C"; one letter alone may be a class or a grade)."""
    if any(_ROLE_WORD.match(cells[i]) for i in filled):
        return True
    return sum(1 for i in filled if _ROLE_LETTERS.match(cells[i])) >= 2


def render_row(headers: Sequence[str], cells: Sequence[str]) -> str:
    """Render one table row so it reads as a statement and keeps its column headers.

    With headers [Property, Requirement, Test method] and cells [Tensile
    strength, min 500 MPa, ASTM E8] this gives "Tensile strength: min 500 MPa
    (Test method: ASTM E8)": the first cell, a colon, the second cell, then
    each further non-empty cell in parentheses as "Header: value". When the
    first cell is empty, the first filled cell leads as "Header: value".
    Without headers (``headers`` empty) a row whose first two cells are filled
    reads "first: second" (a key/value table), and further filled cells follow
    after "; "; a one-column row is just its cell.
    """
    return "".join(text for text, _ in row_pieces(headers, cells))
