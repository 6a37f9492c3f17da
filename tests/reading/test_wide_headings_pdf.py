"""Section headings as wide as the clauses under them, on a PDF laid out here with fpdf2.

An electronics walk's agreement set "8. SOURCING AND REGULATORY COMPLIANCE" in bold
over clauses no wider than itself; neither line was short, so the heading was glued
to clause 8.1 ("SOURCING AND ... COMPLIANCE 8.1 Kestrel shall ...", clause "8") and
the clauses kept the section before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

READERS = ("pdfplumber", "fast")
SECTIONS = [
    ("5.", "TRACEABILITY", "5.1", "Each assembly shall bear a unique serial number in a label."),
    (
        "6.",
        "ENVIRONMENTAL, SOURCING AND REGULATORY COMPLIANCE",
        "6.1",
        "Kestrel shall ensure that all Products comply with Directive 2011/65/EU (RoHS).",
    ),
    ("7.", "SHORT HEADING", "7.1", "Kestrel shall deliver FCA Shannon."),
    (
        "8.",
        "DELIVERY, PACKAGING, LABELLING AND SHIPPING DOCUMENTS",
        "8.1",
        "Kestrel shall pack all assemblies in ESD bags and label each bag.",
    ),
]


def agreement(path: Path) -> Path:
    """Bold headings and clauses whose number hangs in a cell of its own, as the walk's."""
    pdf = FPDF(format="A4")
    pdf.set_margins(22, 18, 22)
    pdf.add_page()
    for number, title, clause, text in SECTIONS:
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, f"{number} {title}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font("Helvetica", "", 10.5)
        pdf.cell(11, 5.6, clause)
        pdf.multi_cell(0, 5.6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_bold_heading_as_wide_as_its_clause_heads_it(tmp_path: Path, reader: str) -> None:
    document = read_document(str(agreement(tmp_path / "msa.pdf")), reader=reader)
    found = [(s.clause, s.section, s.text) for s in segment(document)]
    assert found == [
        (clause, f"{number} {title}", text) for number, title, clause, text in SECTIONS
    ]


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_large_title_wrapped_to_two_lines_is_one_section(tmp_path: Path, reader: str) -> None:
    """A chemicals walk's RFQ: a 14 pt title over two lines stood a 14 pt line apart,
    further than the body's pitch, so each line was a heading and the section of every
    statement was "for brake caliper programme BCX-9"."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(63, 200, "Request for Quotation RFQ-2027-0412 - Coated fasteners")
    pdf.text(63, 219, "for brake caliper programme BCX-9")
    pdf.set_font("Helvetica", "", 10)
    pdf.text(63, 250, "Dear Sir or Madam,")
    pdf.text(63, 275, "Your quotation must reach us by 15 May 2027 through the supplier portal.")
    pdf.text(63, 289, "Late quotations will not be considered in the award of this business.")
    pdf.text(
        63, 303, "Quote prices in EUR per 1,000 pieces, valid for twelve months from the date."
    )
    path = tmp_path / "rfq.pdf"
    pdf.output(str(path))
    statements = segment(read_document(str(path), reader=reader))  # type: ignore[arg-type]
    assert {s.section for s in statements} == {
        "Request for Quotation RFQ-2027-0412 - Coated fasteners for brake caliper programme BCX-9"
    }
