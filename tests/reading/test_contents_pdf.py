"""A table of contents with dot leaders, read by both PDF readers, gives no statements."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

ENTRIES = [  # (indent in mm, title, page)
    (0, "1. Scope of Supply", 2),
    (0, "2. Ordering", 2),
    (0, "3. Delivery and Risk", 2),
    (0, "4. Ending the Agreement", 2),
    (10, "Annex A - Price List", 3),
    (10, "Annex B - Contacts of the Parties", 3),
]
CLAUSES = [
    ("1.1", "The Maker shall supply the valves listed in Annex A."),
    ("2.1", "The Customer shall place each order in writing."),
    ("3.1", "Risk in the valves passes to the Customer on delivery."),
    ("4.1", "Either party may end this agreement on six months' notice."),
]


def contents_pdf(path: Path, numbered: bool = True) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(25, 30, "TABLE OF CONTENTS")
    pdf.set_font("Helvetica", "", 11)
    for row, (indent, title, page) in enumerate(ENTRIES):
        y = 45 + 7 * row
        number_x = 185 - pdf.get_string_width(str(page))
        leader = title + " "
        while pdf.get_string_width(leader + ".") < number_x - 27 - indent:
            leader += "."
        pdf.text(25 + indent, y, leader)
        if numbered:
            pdf.text(number_x, y, str(page))
    pdf.add_page()
    for row, (number, text) in enumerate(CLAUSES):
        pdf.text(25, 30 + 8 * row, f"{number} {text}")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_contents_entry_with_an_indented_second_entry_is_no_statement(
    tmp_path: Path, reader: str
) -> None:
    # the annex entries, indented, are read as the second and third lines of
    # entry 4's block; that block was too long for one contents line and gave
    # statements like "3 Annex A - Price List ....." under clause 4
    document = read_document(str(contents_pdf(tmp_path / "contents.pdf")), reader=reader)  # type: ignore[arg-type]
    found = [(statement.clause, statement.text) for statement in segment(document)]
    assert found == CLAUSES


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_contents_entries_with_dot_leaders_but_no_page_numbers_are_no_statements(
    tmp_path: Path, reader: str
) -> None:
    """An automotive walk: a specification's contents without page numbers gave nine
    statements per revision ("1 Scope and purpose ........")."""
    path = contents_pdf(tmp_path / "contents.pdf", numbered=False)
    document = read_document(str(path), reader=reader)  # type: ignore[arg-type]
    assert [(s.clause, s.text) for s in segment(document)] == CLAUSES


HEADER = "Acme Rail Ltd - ITT 0147 - HVAC Units"
LONG_ENTRIES = [
    (0 if n % 4 == 0 else 8, f"{n // 4 + 1}.{n % 4} Entry {n}", 3 + n // 8) for n in range(44)
]
OPENING = "The Purchaser runs a fleet of 24 units of Class 521"
TENDER_CLAUSES = [
    ("1.1", "The Supplier shall supply the units listed in Annex A."),
    ("1.2", "The Supplier shall deliver the units within 40 weeks."),
]


def _entry(pdf: FPDF, y: float, indent: float, title: str, page: int) -> None:
    number_x = 185 - pdf.get_string_width(str(page))
    leader = title + " "
    while pdf.get_string_width(leader + ".") < number_x - 27 - indent:
        leader += "."
    pdf.text(25 + indent, y, leader)
    pdf.text(number_x, y, str(page))


def contents_over_pages_pdf(path: Path) -> Path:
    """Contents over two pages under a header set on them only (too few pages to be
    furniture), then the text: an opening sentence ending in a number, and clauses."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for page, entries in enumerate((LONG_ENTRIES[:30], LONG_ENTRIES[30:])):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.text(25, 12, HEADER)
        pdf.text(170, 12, "Contents")
        pdf.set_font("Helvetica", "B", 14)
        if page == 0:
            pdf.text(25, 30, "CONTENTS")
        pdf.set_font("Helvetica", "", 11)
        for row, (indent, title, number) in enumerate(entries):
            _entry(pdf, 45 + 7 * row, indent, title, number)
    for page in range(4):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        if page == 0:
            pdf.text(25, 30, OPENING)
            for row, (number, text) in enumerate(TENDER_CLAUSES):
                pdf.text(25, 45 + 8 * row, f"{number} {text}")
        else:
            pdf.text(
                25, 45, f"{page + 1}.1 The Supplier shall keep the records of part {page + 1}."
            )
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_contents_over_two_pages_under_a_header_left_in_give_no_statements(
    tmp_path: Path, reader: str
) -> None:
    # a tender walk: the header over the second contents page ended the contents,
    # and its entries (with dot leaders) became 76 statements
    path = str(contents_over_pages_pdf(tmp_path / "contents.pdf"))
    document = read_document(path, reader=reader)  # type: ignore[arg-type]
    found = [(statement.page, statement.text) for statement in segment(document)]
    assert not [text for page, text in found if page <= 2 and text != f"{HEADER} Contents"]
    assert [text for page, text in found if page == 3] == [
        OPENING,
        *[text for _, text in TENDER_CLAUSES],
    ]
