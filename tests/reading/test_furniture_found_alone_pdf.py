"""Page furniture no other page repeats as it is, on PDFs laid out here with fpdf2.

Three walks' contracts had portrait pages whose running header ran its right-aligned
part into its title, and one landscape page where the same header, set wider, read in
full below the narrower top band: it matched no other page's and became a statement.
A logistics walk's one-page transport order kept its footer, "... Page 1 of 1".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

READERS = ("pdfplumber", "fast")
TITLE = "Ardmore Process Controls GmbH / Kestrel Circuit Assembly Ltd - Services Agreement"
PORTRAIT_HEADER = f"{TITLE} APC-"  # the portrait pages' header, its end cut off
LANDSCAPE_HEADER = f"{TITLE} APC-LGL-MSA-27-03 | Execution version"
CLAUSES = [
    ("The Supplier shall build to the drawings.", "Each lot shall carry a label."),
    ("Deliveries are made FCA Shannon.", "The Buyer shall pay within 60 days."),
    ("Records are kept for ten years.", "Audits are announced two weeks ahead."),
    ("Prices are fixed for the first year.", "Tooling remains the Buyer's property."),
    ("Changes need written approval.", "Irish law governs this Agreement."),
]


def agreement(path: Path) -> Path:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    for page in range(1, 6):
        landscape = page == 4
        pdf.add_page(orientation="L" if landscape else "P")
        pdf.set_font("Helvetica", "", 8)
        pdf.text(65, 60, LANDSCAPE_HEADER if landscape else PORTRAIT_HEADER)
        pdf.text(65, pdf.h - 40, f"Strictly confidential - Page {page} of 5")
        pdf.set_font("Helvetica", "", 10)
        first, second = CLAUSES[page - 1]
        pdf.text(65, 140, f"{page}.1 {first}")
        pdf.text(65, 160, f"{page}.2 {second}")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_header_read_in_full_on_a_landscape_page_is_no_statement(
    tmp_path: Path, reader: str
) -> None:
    document = read_document(str(agreement(tmp_path / "msa.pdf")), reader=reader)
    texts = [statement.text for statement in segment(document)]
    assert not [text for text in texts if "Ardmore" in text or "confidential" in text]
    assert len(texts) == 10


def one_page_order(path: Path) -> Path:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(65, 140, "1. Collect 12 pallets at Unit 4, Castlebrook, on 14 April 2026.")
    pdf.text(65, 160, "2. Keep the goods at +2 to +8 degrees C during transport.")
    pdf.set_font("Helvetica", "", 7)
    footer = "Marrowfield Health & Food Distribution Ltd, 22 Tanner Row, Northampton NN1 4LD"
    pdf.text(65, pdf.h - 30, f"{footer}  Page 1 of 1")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_footer_with_its_page_counter_is_furniture_on_a_one_page_order(
    tmp_path: Path, reader: str
) -> None:
    document = read_document(str(one_page_order(tmp_path / "order.pdf")), reader=reader)
    texts = [statement.text for statement in segment(document)]
    assert texts == [
        "Collect 12 pallets at Unit 4, Castlebrook, on 14 April 2026.",
        "Keep the goods at +2 to +8 degrees C during transport.",
    ]


def browser_printed_minutes(path: Path) -> Path:
    """One page printed by a browser with its header and footer left on: the date and
    time with the page's title over it, its address and page count under it."""
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.text(24, 22, "11/28/26, 9:11 PM")
    pdf.text(260, 22, "Service Review Minutes April 2026")
    pdf.text(24, pdf.h - 18, "file:///C:/Users/dokoro/minutes.html")
    pdf.text(pdf.w - 40, pdf.h - 18, "1/1")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(34, 140, "Brightwave must send the draft improvement register before the next review.")
    pdf.text(34, 160, "Seven P2 Incidents were logged, of which two breached the target.")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_browsers_print_header_and_footer_are_furniture(tmp_path: Path, reader: str) -> None:
    """An IT services walk's minutes, printed from a browser: "11/28/26, 9:11 PM Service
    Review Minutes April 2026" and "file:///.../minutes.html 1/1" were statements."""
    path = browser_printed_minutes(tmp_path / "minutes.pdf")
    texts = [statement.text for statement in segment(read_document(str(path), reader=reader))]
    assert texts == [
        "Brightwave must send the draft improvement register before the next review.",
        "Seven P2 Incidents were logged, of which two breached the target.",
    ]
