"""Footnotes in a PDF: read under the clause that carries their mark, without the mark.

A 153-page tender walk found clause 3.1.6.3's footnote ("1 The Supplier shall carry
out the exterior noise measurement ...") as a candidate of its own, but with its "1"
in the text, the section of the heading above it on the page ("3.2.1 Climate") and no
clause: nothing on the card tied it to 3.1.6.3, whose text ends "EN ISO 3095¹". Each
PDF is written here with fpdf2 and read by both PDF readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment
from extractor.types import Statement

FILLER = (
    "The Unit shall be designed for a service life of 35 years in the climate of the route"
    " and shall be maintained only at the intervals of the maintenance plan agreed."
)


def _clause(pdf: FPDF, number: str, text: str, mark: str = "") -> None:
    y = pdf.get_y()
    pdf.set_xy(25, y)
    pdf.cell(20, 6, number)
    pdf.set_xy(45, y)
    pdf.write(6, text)
    if mark:
        pdf.char_vpos = "SUP"
        pdf.write(6, mark)
        pdf.char_vpos = "LINE"
        pdf.write(6, ".")
    pdf.ln(10)


def _footnote(pdf: FPDF, mark: str, text: str, y: float) -> None:
    pdf.set_font("Helvetica", "", 7)
    pdf.set_xy(25, y)
    pdf.multi_cell(160, 3.5, f"{mark} {text}")
    pdf.set_font("Helvetica", "", 10)


def footnoted_pdf(path: Path) -> Path:
    """Page 1: clause 3.1.6.3 with a raised "1", a heading below it, a paragraph running
    over to page 2, and the footnote at the page's foot; page 2: the paragraph's end."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(25, 30)
    pdf.cell(0, 6, "3.1.6 Noise")
    pdf.ln(10)
    pdf.set_font("Helvetica", "", 10)
    _clause(pdf, "3.1.6.3", "The exterior noise shall not exceed 62 dB(A) to EN ISO 3095", "1")
    for number in ("3.1.6.4", "3.1.6.5", "3.1.6.6"):
        _clause(pdf, number, FILLER)
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_x(25)
    pdf.cell(0, 6, "3.2.1 Climate")
    pdf.ln(10)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(25, pdf.get_y())
    pdf.multi_cell(
        160,
        6,
        "3.2.1.1 The Unit shall operate without loss of function from -35 °C to +40 °C and"
        " shall survive storage at -45 °C without damage, for which the Supplier shall",
    )
    _footnote(
        pdf,
        "1",
        "The Supplier shall carry out the exterior noise measurement on a test track agreed"
        " with the Purchaser and shall submit the report within four weeks.",
        272,
    )
    pdf.add_page()
    pdf.set_xy(25, 30)
    pdf.multi_cell(160, 6, "submit a storage procedure before the first delivery.")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def statements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Statement]]:
    path = str(footnoted_pdf(tmp_path_factory.mktemp("footnotes") / "spec.pdf"))
    return {
        reader: segment(read_document(path, reader=reader))  # type: ignore[arg-type]
        for reader in ("pdfplumber", "fast")
    }


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_footnote_reads_under_the_clause_carrying_its_mark(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    (note,) = [s for s in statements[reader] if "test track" in s.text]
    assert (note.clause, note.section, note.page) == ("3.1.6.3", "3.1.6 Noise", 1)
    assert note.text.startswith("The Supplier shall carry out")
    assert note.boxes[0].x0 > 25 * 72 / 25.4 + 3  # the highlight leaves the mark out


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_paragraph_over_the_page_break_is_whole_though_a_footnote_ends_the_page(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    (storage,) = [s for s in statements[reader] if "storage at -45" in s.text]
    assert storage.clause == "3.2.1.1"
    assert storage.text.endswith("submit a storage procedure before the first delivery.")
    assert {box.page for box in storage.boxes} == {1, 2}
