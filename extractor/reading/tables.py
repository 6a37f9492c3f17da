"""Render one table row as a sentence-like line that still says what each cell is.

A requirement table row such as [Tensile strength | min 500 MPa | ASTM E8] under
the headers [Property | Requirement | Test method] only makes sense with its
headers, so the row becomes "Tensile strength: min 500 MPa (Test method: ASTM E8)".
Every reader (PDF, DOCX, Markdown) renders rows here, so a table reads the same
whichever file it came in.

A compliance or verification matrix lists clauses: [3.1.2.1 | The net cooling
capacity ... shall be ... | R]. Its rows are the clauses again, so a row reads
as the clause does ("3.1.2.1" then the text, the other cells after it), and the
segmenter keeps the number as the clause and the text as the clause's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractor.lexicons import word_list
from extractor.types import Block

__all__ = [
    "CLAUSE_NUMBER",
    "ENDS_CLAUSE",
    "HEADER_WORDS",
    "clause_row_block",
    "clause_row_pieces",
    "first_row_is_header",
    "is_clause_row",
    "is_clause_table",
    "is_matrix_row",
    "is_series",
    "keeps_second_header",
    "names_columns",
    "render_row",
    "row_pieces",
    "stacked_headers",
]

# A cell holding only a clause number, written as the segmenter knows one: "2.1", "3.",
# "4)", "(a)", "b)", "(iv)", "C.5.3". A bare "3" may as well be a quantity or a row count.
CLAUSE_NUMBER = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\(?[a-z]{1,2}\)|\([ivxlc]{1,6}\)"
    r"|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)$"
)
ENDS_CLAUSE = re.compile(r"[.!?;:][\"'”’)\]]*$")
_OPENS_SENTENCE = re.compile(r"^[\"'“‘(\[]?[A-Z]")


def row_pieces(
    headers: Sequence[str], cells: Sequence[str], *, keep_second_header: bool = False
) -> list[tuple[str, int | None]]:
    """The rendered row as pieces: (text, index of the cell it shows, or None for glue).

    The PDF reader needs the pieces to map each cell's words to their place in
    the rendered text; ``render_row`` only joins them. ``keep_second_header``: the
    table's second column names its value in every row (``keeps_second_header``).
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
    rest = filled[1:]
    if filled[0] == 0:
        pieces.append((cells[0], 0))
        if (
            rest
            and rest[0] == 1
            and not keep_second_header
            and _value_needs_no_header(headers[1] if len(headers) > 1 else "", cells[1])
            and not _assigns_roles(cells, rest)
        ):
            pieces += [(": ", None), (cells[1], 1)]
            rest = rest[1:]
    else:
        pieces += _labelled(headers, cells, filled[0])
    for i in rest:
        pieces += _labelled(headers, cells, i, " (", ")")
    return [piece for piece in pieces if piece[0]]


# Column names that only say "the value" ("Tensile strength" | "min 500 MPa" under
# "Property" | "Requirement"): the value reads after a colon without them. Any other
# name says which value it is ("Saloon Unit" | "Cab Unit": "38" alone was whose?).
_VALUE_COLUMNS = frozenset(
    [
        "",
        "requirement",
        "requirements",
        "required",
        "required value",
        "specified value",
        "specification",
        "value",
        "values",
        "description",
        "details",
        "detail",
        "text",
        "title",
        "content",
        "contents",
        "answer",
        "response",
        "definition",
        "meaning",
        "explanation",
        "limit",
        "target",
        "setting",
        "data",
        "information",
        "comment",
        "comments",
        "remarks",
        "notes",
        "note",
        "name",
        "item",
        "provision",
        "clause text",
        "requirement text",
        "statement",
        "entry",
        "term",
        "terms",
    ]
)


# Column names of a unit: the second cell under one is what the values are in.
_UNIT_COLUMNS = frozenset(
    ["unit", "units", "uom", "unit of measure", "unit of measurement", "dimension", "einheit"]
)
_MARK = re.compile(r"^(?:[RACIS](?:\s*[/,+]\s*[RACIS])*|[xX✓✔✗✘]|[-–—])$")
# a quantity: "+35", "≥ 38", "12", "max. 25 kg"
_QUANTITY = re.compile(
    r"^(?:(?:min|max|approx|ca)\.?\s*|[+\-\u2212\u00b1\u2265\u2264<>~\u2248]\s*)?\d",
    re.IGNORECASE,
)


def _value_needs_no_header(header: str, value: str) -> bool:
    """Whether the second cell reads right after a colon, without its column's header.

    Text does ("Housing: Flatness", "T01: Visual inspection"), and so does any value
    under a header that only says "the value" (see ``_VALUE_COLUMNS``). A quantity or
    a mark keeps its header, which may be all that tells whose or in what unit it is
    ("(Saloon Unit: ≥ 38) (Cab Unit: ≥ 5.5)", "OP1 (Outside temp. (°C): +35)",
    "Sterilisation (Customer: R) (Supplier: -)").
    """
    name = " ".join(header.lower().split()).rstrip(".:")
    if name in _VALUE_COLUMNS:
        return True
    if name in _UNIT_COLUMNS:
        # "Amine value: mg KOH/g (Min: 310)" read as if the value were the unit; a unit
        # is never the first cell's value (a chemicals walk's specification table)
        return False
    # a mark ("R", "A/C", "X", "-") says nothing without its column: "Sterilisation (Customer:
    # R) (Supplier: -)", where "Sterilisation: R" had lost whose the R was
    return not (_QUANTITY.match(value) or _MARK.match(value))


def keeps_second_header(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> bool:
    """Whether a table's rows all name their second column: when one row's value there
    needs its name (a quantity, a mark), the others keep it too, so that the rows of one
    column read alike. An aerospace walk's retention table gave "FAI reports (AS9102):
    Life of part plus 10 years" above "Material certifications (Retention period: 10
    years after final payment)".
    """
    if len(headers) < 2:
        return False
    header = " ".join(headers[1].split())
    if header.lower().rstrip(".:") in _VALUE_COLUMNS:
        return False
    values = [" ".join(row[1].split()) for row in rows if len(row) > 1 and row[1].strip()]
    return any(not _value_needs_no_header(header, value) for value in values)


def _labelled(
    headers: Sequence[str], cells: Sequence[str], i: int, before: str = "", after: str = ""
) -> list[tuple[str, int | None]]:
    """A cell under its column's name: "(Test method: ASTM E8)"."""
    header = headers[i] if i < len(headers) else ""
    label = f"{before}{header}: " if header else before
    return [(label, None), (cells[i], i), (after, None)]


def _is_sentence(text: str) -> bool:
    """A clause's text: three words or more, opening in capitals and ending as a clause does.

    "First issue" or "Cooling" in a revision or heading row is no clause text.
    """
    return len(text.split()) >= 3 and bool(_OPENS_SENTENCE.match(text) and ENDS_CLAUSE.search(text))


# "Q1.1", "IS-01", "PS-004": a row's own identifier, as questionnaires and requirement
# lists number their rows
IDENTIFIER = re.compile(r"^(?P<prefix>[A-Z]{1,5}[-_]?)(?P<number>\d{1,4}(?:\.\d{1,3})*)$")
MIN_SERIES = 3


def is_series(numbers: Iterable[str]) -> bool:
    """Whether identifiers' numbers ("1.1", "1.2", "2.1") number a series: at least three
    distinct, two of them in a row. Alone, "M8" or "IP67" are a size and a class."""
    found = {tuple(int(part) for part in number.split(".")) for number in numbers}
    return len(found) >= MIN_SERIES and any((*each[:-1], each[-1] + 1) in found for each in found)


def is_clause_row(cells: Sequence[str]) -> bool:
    """A matrix row naming a clause: its number (or identifier) in the first cell, its text
    in the second."""
    cells = [" ".join(cell.split()) for cell in cells]
    numbered = bool(CLAUSE_NUMBER.match(cells[0]) or IDENTIFIER.match(cells[0])) if cells else False
    return len(cells) >= 2 and numbered and _is_sentence(cells[1])


def is_matrix_row(cells: Sequence[str]) -> bool:
    """A clause table's row (``is_clause_table``) read as the clause it lists: a clause row,
    or a row of the table's identifier series whose text is no sentence but which fills
    other cells ("TDS-07" | "Sample size per lot (pieces)" | "20" under "TDS-01" |
    "Parts shall be coated ..."): its id is its clause as its siblings' are (a chemicals
    walk's TDS-07 had none)."""
    if is_clause_row(cells):
        return True
    cells = [" ".join(cell.split()) for cell in cells]
    return (
        len(cells) >= 3
        and bool(IDENTIFIER.match(cells[0]))
        and bool(cells[1])
        and sum(1 for cell in cells if cell) >= 3
    )


def is_clause_table(rows: Sequence[Sequence[str]]) -> bool:
    """A table of clauses: every first cell written is a clause number, or all are
    identifiers of one series ("Q1.1", "Q1.2", ...), and a row is a clause.

    A table whose first column holds anything else (a part number, "1" of a
    delivery lot, a name) stays a table, whatever its second column says.
    """
    firsts = [" ".join(row[0].split()) for row in rows if row and row[0].strip()]
    numbered = all(CLAUSE_NUMBER.match(first) for first in firsts) or _one_series(firsts)
    return numbered and any(is_clause_row(row) for row in rows)


def _one_series(firsts: Sequence[str]) -> bool:
    """Identifiers with one prefix, at least three, two of them in a row ("Q1.1", "Q1.2")."""
    found = [IDENTIFIER.match(first) for first in firsts]
    if not all(found) or len({match["prefix"] for match in found if match}) != 1:
        return False
    return is_series(match["number"] for match in found if match)


def clause_row_pieces(headers: Sequence[str], cells: Sequence[str]) -> list[tuple[str, int | None]]:
    """A clause row as the page would set the clause: "3.1.2.1 The net cooling ...".

    The other cells the row fills follow as ``row_pieces`` shows them
    ("(Method: T)"); a matrix with only the number and the text filled gives
    the clause's own words, which the register then knows as the same text.
    """
    cells = [" ".join(cell.split()) for cell in cells]
    pieces: list[tuple[str, int | None]] = [(cells[0], 0), (" ", None), (cells[1], 1)]
    headers = [" ".join(header.split()) for header in headers]
    for i in range(2, len(cells)):
        if cells[i]:
            pieces += (
                _labelled(headers, cells, i, " (", ")")
                if headers
                else [("; ", None), (cells[i], i)]
            )
    return [piece for piece in pieces if piece[0]]


def clause_row_block(headers: Sequence[str], cells: Sequence[str]) -> Block:
    """A clause table's row, for readers without word positions (DOCX, spreadsheets, text).

    With only the number and the text filled, a paragraph opening with the
    number: read sentence by sentence as the clause itself is, so the register
    knows it as the same text. With more cells filled ("(C/PC/NC: C)"), one
    table row marked ``style="clause"``, whose number the segmenter keeps as its
    clause. The PDF readers do the same with boxes (``paged_blocks``).
    """
    text = "".join(piece for piece, _ in clause_row_pieces(headers, cells))
    if sum(1 for cell in cells if cell.strip()) > 2:
        return Block(text=text, kind="table_row", style="clause")
    return Block(text=text, kind="paragraph", style="table")


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


def names_columns(cells: Sequence[str]) -> bool:
    """A first row of column names ("Item" | "Instruction"): a header though not marked one.

    Only words that name a column count, so that the first row of a key/value
    table ("Supplier" | "Acme Ltd") stays a row of its own.
    """
    names = [" ".join(cell.lower().rstrip(".:").split()) for cell in cells if cell]
    return len(names) >= 2 and all(name in word_list("column_headers") for name in names)


HEADER_WORDS = 6
"""Words a column name has at most ("Response", "Hours of cover"): a header row's cells
are this short, so a row of longer cells under the header is data."""


def stacked_headers(rows: Sequence[Sequence[str]]) -> list[str]:
    """The column names of a header set over one row or more: each column's names
    top-down, a name merged down over rows (so repeated) said once.

    An SLA table's "Target times" spans "Response" | "Resolution" beside
    "Priority" merged down over both rows: its columns are "Priority", "Target
    times Response", "Target times Resolution". Read from the top row alone, a row
    gave "(Target times: 30 minutes) (12 hours)": which was the response time?
    Each row gives a name per column, a cell spanning columns naming each of them.
    """
    width = max((len(row) for row in rows), default=0)
    names: list[str] = []
    for column in range(width):
        parts: list[str] = []
        for row in rows:
            name = " ".join(row[column].split()) if column < len(row) else ""
            if name and (not parts or parts[-1] != name):
                parts.append(name)
        names.append(" ".join(parts))
    return names


def first_row_is_header(rows: Sequence[Sequence[str]], marked: bool) -> bool:
    """Whether a table's first row names its columns, as every reader decides it.

    A table of three columns or more has one; a narrower one only when its
    first row is marked so (a Word header row, HTML ``th`` cells, all bold) or
    made of column names. A one-row table has none: its row is data.
    """
    width = max((len(row) for row in rows), default=0)
    return len(rows) > 1 and (width >= 3 or marked or names_columns(rows[0]))


def render_row(
    headers: Sequence[str], cells: Sequence[str], *, keep_second_header: bool = False
) -> str:
    """Render one table row so it reads as a statement and keeps its column headers.

    With headers [Property, Requirement, Test method] and cells [Tensile
    strength, min 500 MPa, ASTM E8] this gives "Tensile strength: min 500 MPa
    (Test method: ASTM E8)": the first cell, a colon, the second cell, then
    each further non-empty cell in parentheses as "Header: value". A second
    cell holding a quantity keeps its header too, unless the header only says
    "the value" ([Parameter, Saloon Unit, Cab Unit] gives "Cooling (Saloon
    Unit: 38) (Cab Unit: 5.5)"). When the
    first cell is empty, the first filled cell leads as "Header: value".
    Without headers (``headers`` empty) a row whose first two cells are filled
    reads "first: second" (a key/value table), and further filled cells follow
    after "; "; a one-column row is just its cell.
    """
    return "".join(
        text for text, _ in row_pieces(headers, cells, keep_second_header=keep_second_header)
    )
