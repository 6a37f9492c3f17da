"""A purchase order's header: two columns of bold "Label:" fields, read by both PDF readers.

An aerospace walk: the fields of each column ("PO Number: ... Order date: ... Supplier:
... Ship to: ... Payment terms: ...") ran together into one statement per column, so the
payment terms were labelled with the buyer's name and the Incoterms with the currency.
The PDF is written here with fpdf2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

LEFT = [
    ("PO Number:", ["4500-77821"]),
    ("Order date:", ["2026-02-09"]),
    ("Supplier:", ["Tallowmere Precision Components LLC", "88 Foundry Lane, Dayton, OH 45402"]),
    ("Ship to:", ["Halcyon Aerosystems, Dock 4", "1400 Ridgeline Parkway, Wichita, KS"]),
    ("Payment terms:", ["Net 60 days from receipt of invoice"]),
]
RIGHT = [
    ("Revision:", ["A"]),
    ("Revision date:", ["2026-02-09"]),
    ("Supplier code:", ["V-20931"]),
    ("Buyer:", ["Marisa Delacroix"]),
    ("Currency:", ["USD"]),
    ("Incoterms:", ["FCA Dayton (Incoterms 2020)"]),
    ("DPAS rating:", ["DO-A1"]),
]


ACKNOWLEDGE = (
    "Supplier shall acknowledge this order in writing within 3 working days of receipt,"
    " confirming price, quantity and need date of each line."
)


def header_pdf(path: Path) -> Path:
    pdf = FPDF(format="letter", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    for x, fields in ((50, LEFT), (370, RIGHT)):
        y = 90.0
        for label, lines in fields:
            for number, value in enumerate(lines):
                if number == 0:
                    pdf.set_font("Helvetica", "B", 10)
                    pdf.set_xy(x, y)
                    pdf.cell(pdf.get_string_width(label) + 3, 14, label)
                pdf.set_font("Helvetica", "", 10)
                pdf.set_xy(x + 90, y)
                pdf.cell(0, 14, value)
                y += 16
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(50, 240)
    pdf.multi_cell(500, 13, ACKNOWLEDGE)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(header_pdf(tmp_path_factory.mktemp("header") / "po.pdf"))


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_each_header_field_is_a_statement_of_its_own(path: str, reader: str) -> None:
    statements = segment(read_document(path, reader=reader))  # type: ignore[arg-type]
    assert [s.text for s in statements] == [
        "PO Number: 4500-77821",
        "Order date: 2026-02-09",
        "Supplier: Tallowmere Precision Components LLC 88 Foundry Lane, Dayton, OH 45402",
        "Ship to: Halcyon Aerosystems, Dock 4 1400 Ridgeline Parkway, Wichita, KS",
        "Payment terms: Net 60 days from receipt of invoice",
        "Revision: A",
        "Revision date: 2026-02-09",
        "Supplier code: V-20931",
        "Buyer: Marisa Delacroix",
        "Currency: USD",
        "Incoterms: FCA Dayton (Incoterms 2020)",
        "DPAS rating: DO-A1",
        ACKNOWLEDGE,
    ]
