"""Text running over a ruled table cell's border stays that cell's text, in both PDF readers.

An aerospace purchase order walk had the last quality code of an order line
("Q15") run 8 pt past the table's right edge: its middle lay outside every
cell, it became a one-word paragraph the segmenter dropped, the row read
"(Quality codes: Q01 Q05 Q07 Q09 Q12)" and ``reqx compare`` reported a wrong
change. Each PDF is built here with fpdf2, whose ``cell`` does not clip its
text, and read by both PDF readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.reading.layout import PageWord
from extractor.reading.table_cells import cell_words
from extractor.segmenting import segment
from extractor.types import Block, Box, Document

LEFT = 20.0  # mm
WIDTHS = (12.0, 28.0, 22.0, 37.0)  # Item | Description | Qty | Quality codes
HEADERS = ("Item", "Description", "Qty", "Quality codes")
ROWS: list[tuple[str, str, str, str]] = [
    # the last cell runs past the table's right edge (the walk's order line 30)
    ("30", "Housing, sensor", "80", "Q01 Q05 Q07 Q09 Q12 Q15"),
    # ... by more than a word: "Q21" lies wholly outside the table
    ("40", "Spacer, 17-4PH H1025", "60", "Q03 Q05 Q07 Q12 Q15 Q18 Q21"),
    # the middle cell runs on into the next one (its last word's middle lies there)
    ("50", "Cable clamp, HA-3305-002", "300", "Q05 Q07"),
    # the next cell's right-aligned number runs back over the border: it stays the Qty
    ("60", "Bolt", "1,250,000,000,000", "Q05"),
]
PT = 72 / 25.4
RIGHT_EDGE = (LEFT + sum(WIDTHS)) * PT


def order_pdf(path: Path) -> Path:
    """A ruled order-line table drawn cell by cell, nothing wrapped or clipped."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(LEFT, 20)
    pdf.cell(0, 6, "Order lines")
    pdf.set_y(30)
    for cells in [HEADERS, *ROWS]:
        pdf.set_x(LEFT)
        for column, (width, text) in enumerate(zip(WIDTHS, cells, strict=True)):
            align = "R" if column == 2 else "L"
            pdf.cell(width, 7, text, border=1, align=align)
        pdf.ln(7)
    pdf.set_x(LEFT)
    pdf.ln(6)
    pdf.set_x(LEFT)
    pdf.cell(0, 6, "Supplier shall confirm every order line within 3 working days.")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    path = str(order_pdf(tmp_path_factory.mktemp("overflow") / "order.pdf"))
    return {
        reader: read_document(path, reader=reader)  # type: ignore[arg-type]
        for reader in ("pdfplumber", "fast")
    }


def _rows(document: Document) -> list[Block]:
    return [block for block in document.pages[0].blocks if block.kind == "table_row"]


def _word_boxes(block: Block, text: str) -> list[tuple[float, float]]:
    found = [word for word in block.words if block.text[word.start : word.end] == text]
    return [(word.box.x0, word.box.x1) for word in found]


def test_the_overflowing_words_are_past_the_edge_as_drawn(
    documents: dict[str, Document],
) -> None:
    """The PDF does what the test needs: Q15 straddles the edge, Q21 lies past it."""
    first, second = _rows(documents["pdfplumber"])[:2]
    (q15,) = _word_boxes(first, "Q15")
    assert q15[0] < RIGHT_EDGE < (q15[0] + q15[1]) / 2
    (q21,) = _word_boxes(second, "Q21")
    assert q21[0] > RIGHT_EDGE
    third, fourth = _rows(documents["pdfplumber"])[2:]
    border = (LEFT + sum(WIDTHS[:2])) * PT  # between Description and Qty
    (part,) = _word_boxes(third, "HA-3305-002")
    assert part[0] < border < (part[0] + part[1]) / 2
    (number,) = _word_boxes(fourth, "1,250,000,000,000")
    assert number[0] < border < (number[0] + number[1]) / 2


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_row_keeps_the_words_its_cells_run_over_their_borders(
    documents: dict[str, Document], reader: str
) -> None:
    assert [row.text for row in _rows(documents[reader])] == [
        "30: Housing, sensor (Qty: 80) (Quality codes: Q01 Q05 Q07 Q09 Q12 Q15)",
        "40: Spacer, 17-4PH H1025 (Qty: 60) (Quality codes: Q03 Q05 Q07 Q12 Q15 Q18 Q21)",
        "50: Cable clamp, HA-3305-002 (Qty: 300) (Quality codes: Q05 Q07)",
        "60: Bolt (Qty: 1,250,000,000,000) (Quality codes: Q05)",
    ]


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_no_overflowing_word_is_left_to_the_running_text(
    documents: dict[str, Document], reader: str
) -> None:
    blocks = documents[reader].pages[0].blocks
    others = [block.text for block in blocks if block.kind != "table_row"]
    assert others == [
        "Order lines",
        "Supplier shall confirm every order line within 3 working days.",
    ]


def test_both_readers_give_the_same_statements_with_boxes_over_the_overflow(
    documents: dict[str, Document],
) -> None:
    found = {reader: segment(document) for reader, document in documents.items()}
    pairs = list(zip(found["pdfplumber"], found["fast"], strict=True))
    assert all(ours.text == fast.text for ours, fast in pairs)
    assert all(_near(ours.boxes, fast.boxes) for ours, fast in pairs)
    rows = [s for s in found["pdfplumber"] if s.kind == "table_row"]
    assert rows[0].text.endswith("Q12 Q15)")
    assert max(box.x1 for box in rows[0].boxes) > RIGHT_EDGE + 1  # Q15's box, past the edge
    assert max(box.x1 for box in rows[1].boxes) > RIGHT_EDGE + 10  # Q21's


def _near(ours: Sequence[Box], theirs: Sequence[Box]) -> bool:
    """The same boxes within a point: the readers' boxes differ by fractions of one."""

    def sides(box: Box) -> tuple[float, ...]:
        return box.x0, box.top, box.x1, box.bottom

    return len(ours) == len(theirs) and all(
        abs(a - b) <= 1.0
        for one, other in zip(ours, theirs, strict=True)
        for a, b in zip(sides(one), sides(other), strict=True)
    )


def _word(text: str, x0: float, x1: float) -> PageWord:
    return PageWord(text, x0, 100.0, x1, 108.0, size=8.0)


def _cells(words: Sequence[PageWord], row: Sequence[tuple[float, float]]) -> list[list[str]]:
    boxes = [(x0, 96.0, x1, 112.0) for x0, x1 in row]
    (found,) = cell_words(words, [boxes], set())
    return [[words[i].text for i in cell] for cell in found]


def test_a_word_over_an_inner_border_goes_where_its_text_starts_flush_left() -> None:
    row = [(50.0, 100.0), (100.0, 150.0)]
    # "Cable HA-3305-002" set flush left in the first cell, its last word's middle in the second
    words = [_word("Cable", 53.0, 75.0), _word("HA-3305-002", 77.0, 130.0)]
    assert _cells(words, row) == [["Cable", "HA-3305-002"], []]
    # a number set flush right in the second cell, running back over the border: stays there
    words = [_word("Bolt", 53.0, 70.0), _word("1,250,000,000", 90.0, 147.0)]
    assert _cells(words, row) == [["Bolt"], ["1,250,000,000"]]


def test_words_beside_a_table_that_carry_on_no_cell_stay_outside() -> None:
    row = [(50.0, 100.0), (100.0, 150.0)]
    # a note set apart from the table's edge, and one on a cell whose text ends well inside
    words = [_word("Q01", 103.0, 115.0), _word("note", 160.0, 175.0), _word("x", 151.0, 154.0)]
    assert _cells(words, row) == [[], ["Q01"]]
