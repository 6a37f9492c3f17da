"""A table header wrapped mid-word in a narrow column reads as the word it is.

A logistics walk's transport order (generated, as many are, by a tool that breaks
a word that does not fit its cell) read "(Temperat ure: +2/+8 °C)" in every row.
The PDF is built here with fpdf2 and read by both PDF readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.reading.layout import PageWord
from extractor.reading.pdf import header_text
from extractor.segmenting import segment

HEADERS = ["Line", "Product", "Temperature", "Deliver with in"]
ROWS = [("10", "Infant formula 800 g", "+15/+25 °C", "Greyfield Wholesale, Leeds")]


def _order_pdf(path: Path) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.set_font("DejaVu", "", 9)
    pdf.set_y(30)
    pdf.multi_cell(0, 5, "The carrier shall keep each line at its temperature.")
    pdf.ln(4)
    with pdf.table(col_widths=(12, 50, 17, 24), width=103, text_align="LEFT") as table:
        header = table.row()
        for cell in HEADERS:
            header.cell(cell)
        for cells in ROWS:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_header_broken_mid_word_is_joined_again(tmp_path: Path, reader: str) -> None:
    document = read_document(str(_order_pdf(tmp_path / "order.pdf")), reader=reader)  # type: ignore[arg-type]
    rows = [s.text for s in segment(document) if s.kind == "table_row"]
    assert rows == [
        "10: Infant formula 800 g (Temperature: +15/+25 °C)"
        " (Deliver with in: Greyfield Wholesale, Leeds)"
    ]


def _cell(*lines: str) -> list[PageWord]:
    words = []
    for row, line in enumerate(lines):
        x = 0.0
        for text in line.split():
            words.append(PageWord(text, x, 10.0 * row, x + 5 * len(text), 10.0 * row + 8))
            x += 5 * len(text) + 3
    return words


def test_header_text_joins_only_a_broken_word() -> None:
    assert header_text(_cell("Temperat", "ure")) == "Temperature"
    assert header_text(_cell("Tempera", "ture")) == "Temperature"  # "tempera" is a paint
    assert header_text(_cell("Deliver with", "in 2 days")) == "Deliver with in 2 days"
    assert header_text(_cell("Qty", "ordered")) == "Qty ordered"
    assert header_text(_cell("Temperat ure")) == "Temperat ure"  # one line: as written
