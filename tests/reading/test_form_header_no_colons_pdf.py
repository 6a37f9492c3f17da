"""A purchase order's header of bold labels without colons, in two columns of fields under
the buyer's letterhead, read by both PDF readers (a PDF laid out here with fpdf2).

A medical-device walk's order set "PO Number  4500187332 ... Ship To  <address>", the
values of each column at one left edge. The widest empty band lay between the right
column's labels and their values, so the labels were read with the left column; the
values of the right column ran together into one statement ("... MA 01752 Net 45 days
... USD"), and the left column's fields, read after the letterhead's address as if it
were a signature, were dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

LEFT = [
    ("Order No", ["7700031942"]),
    ("Order Date", ["March 9, 2027"]),
    ("Revision", ["1"]),
    ("Buyer", ["Dana Okonkwo, Category Buyer"]),
    ("Buyer e-mail", ["dokonkwo@halvard-medical.example"]),
    ("Vendor", ["Brightline Polymers LLC, 880 Canal", "Street, Dayton, OH 45402"]),
]
RIGHT = [
    ("Deliver To", ["Halvard Medical, Dock 2, 15 Ridge", "Road, Nashua, NH 03060"]),
    ("Payment Terms", ["Net 60 days from receipt of a", "correct invoice"]),
    ("Incoterms", ["FCA Dayton, OH (Incoterms 2020)"]),
    ("Currency", ["USD"]),
]
NOTE = "Each lot shall be shipped with its certificate of conformance and its inspection report."


def order_header(path: Path) -> Path:
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.text(45, 50, "HALVARD MEDICAL, INC.")
    pdf.text(430, 50, "PURCHASE ORDER")
    pdf.set_font("Helvetica", "", 8)
    pdf.text(45, 66, "15 Ridge Road, Nashua, NH 03060 | Tel (603) 555-0142")
    for label_x, value_x, fields in ((45, 136, LEFT), (315, 394, RIGHT)):
        y = 92.0
        for label, lines in fields:
            pdf.set_font("Helvetica", "B", 9)
            pdf.text(label_x, y, label)
            pdf.set_font("Helvetica", "", 9)
            for line in lines:
                pdf.text(value_x, y, line)
                y += 14
    pdf.set_font("Helvetica", "", 9)
    pdf.text(45, 220, NOTE)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_each_field_is_read_with_its_label(tmp_path: Path, reader: str) -> None:
    document = read_document(str(order_header(tmp_path / "po.pdf")), reader=reader)  # type: ignore[arg-type]
    texts = [s.text for s in segment(document)]
    assert texts == [
        "Order No: 7700031942",
        "Order Date: March 9, 2027",
        "Revision: 1",
        "Buyer: Dana Okonkwo, Category Buyer",
        "Buyer e-mail: dokonkwo@halvard-medical.example",
        "Vendor: Brightline Polymers LLC, 880 Canal Street, Dayton, OH 45402",
        "Deliver To: Halvard Medical, Dock 2, 15 Ridge Road, Nashua, NH 03060",
        "Payment Terms: Net 60 days from receipt of a correct invoice",
        "Incoterms: FCA Dayton, OH (Incoterms 2020)",
        "Currency: USD",
        NOTE,
    ]
