"""A purchase order's front page over small-print terms, read by both PDF readers.

A medical-device walk: the terms overleaf, in 6.5 points, set the document's body size and
line pitch; the front page, in 9 points, was then cut one line per block and its short
lines ("Incoterms DAP Minneapolis", "Payment terms 60 days net") read as headings that gave
no statement. The PDF is written here with fpdf2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

TERMS = (
    "The Supplier shall deliver the goods on the date stated in the order and shall inform"
    " the Buyer at once of any delay, stating its reason and the expected new date. "
)


def order_pdf(path: Path) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_xy(20, 30)
    for label, value in (("Incoterms", "DAP Minneapolis, MN (Incoterms 2020)"),
                         ("Payment terms", "60 days net from receipt of invoice")):  # fmt: skip
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(40, 6, label)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(20)
    pdf.ln(6)
    pdf.set_x(20)
    pdf.multi_cell(
        120,
        5,
        "1. Parts shall be manufactured and inspected to Product Specification PS-20417"
        " Rev. D and Quality Agreement QA-BPL-0042 Rev. 02.",
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "", 6.5)
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 2.6, TERMS * 30)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(order_pdf(tmp_path_factory.mktemp("order") / "order.pdf"))


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_the_front_page_reads_as_fields_and_whole_items(path: str, reader: str) -> None:
    front = [s for s in segment(read_document(path, reader=reader)) if s.page == 1]  # type: ignore[arg-type]
    assert [(s.clause, s.text) for s in front] == [
        ("", "Incoterms: DAP Minneapolis, MN (Incoterms 2020)"),
        ("", "Payment terms: 60 days net from receipt of invoice"),
        (
            "1",
            "Parts shall be manufactured and inspected to Product Specification PS-20417"
            " Rev. D and Quality Agreement QA-BPL-0042 Rev. 02.",
        ),
    ]
