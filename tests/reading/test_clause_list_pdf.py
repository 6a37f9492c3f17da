"""A solicitation's list of FAR clauses incorporated by reference, set without ruling in
three columns (number, title, date), read by both PDF readers (laid out here with fpdf2).

A real solicitation's 60 rows ran into four long statements: the rows were lines of
one paragraph to the readers, its column headings "Clause Title Date" took the first
row as a heading, a title ending in a full stop was cut from its date, and the last
row of a page ran on into the first of the next.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

ROWS = [
    ("52.202-1", "Definitions", "November 2013"),
    ("52.203-3", "Gratuities", "April 1984"),
    ("52.204-4", "Printed or Copied Double-Sided on Postconsumer Fiber Content Paper.", "May 2011"),
    (
        "52.209-6",
        "Protecting the Government's Interest When Subcontracting With Contractors",
        "October 2015",
    ),
    ("52.215-2", "Audit and Records--Negotiation", "October 2010"),
    ("52.232-25", "Prompt Payment", "January 2017"),
    ("52.232-38", "Submission of Electronic Funds Transfer Information with", "July 2013"),
    ("52.233-1", "Disputes", "May 2014"),
    ("52.249-2", "Termination for Convenience of the Government (Fixed-Price)", "April 2012"),
]
WRAPPED = "Debarred, Suspended, or Proposed for Debarment"  # the second line of 52.209-6
NEXT_PAGE = [("52.249-8", "Default (Fixed-Price Supply and Service)", "April 1984")]
INTRO = (
    "This contract incorporates one or more clauses by reference, with the same force and "
    "effect as if they were given in full text."
)


def clause_list_pdf(path: Path) -> Path:
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.text(54, 80, "I.1 52.252-1 CLAUSES INCORPORATED BY REFERENCE (FEB 1998)")
    pdf.set_font("Helvetica", "", 10)
    pdf.text(54, 104, INTRO)
    pdf.set_font("Helvetica", "B", 10)
    pdf.text(54, 128, "Clause")
    pdf.text(115, 128, "Title")
    pdf.text(470, 128, "Date")
    pdf.set_font("Helvetica", "", 10)
    y = 140.0
    for number, title, date in ROWS:
        pdf.text(54, y, number)
        pdf.text(115, y, title)
        pdf.text(470, y, date)
        y += 12
        if number == "52.209-6":
            pdf.text(115, y, WRAPPED)
            y += 12
        if number == "52.232-38":
            pdf.text(170, y, "Offer")
            y += 12
    pdf.add_page()
    for number, title, date in NEXT_PAGE:
        pdf.text(54, 80, number)
        pdf.text(115, 80, title)
        pdf.text(470, 80, date)
    pdf.text(54, 110, "The Contractor shall comply with the clauses listed above.")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_each_clause_of_the_list_is_a_statement_of_its_own(tmp_path: Path, reader: str) -> None:
    document = read_document(str(clause_list_pdf(tmp_path / "clauses.pdf")), reader=reader)  # type: ignore[arg-type]
    statements = segment(document)
    rows = [s for s in statements if s.clause.startswith("52.2") and s.clause != "52.252-1"]
    assert [s.clause for s in rows] == [number for number, _, _ in ROWS + NEXT_PAGE]
    by_clause = {s.clause: s.text for s in rows}
    assert by_clause["52.202-1"] == "52.202-1 Definitions November 2013"
    assert by_clause["52.204-4"] == (
        "52.204-4 Printed or Copied Double-Sided on Postconsumer Fiber Content Paper. May 2011"
    )
    assert WRAPPED in by_clause["52.209-6"]
    assert by_clause["52.232-38"].endswith("July 2013 Offer")  # the title's short last line
    assert by_clause["52.249-2"].endswith("April 2012")
    assert [s.page for s in rows][-1] == 2
    # the column headings are no section: the list stays under the clause naming it
    assert {s.section for s in rows} == {
        "I.1 52.252-1 CLAUSES INCORPORATED BY REFERENCE (FEB 1998)"
    }
    assert INTRO in [s.text for s in statements]
    assert statements[-1].text == "The Contractor shall comply with the clauses listed above."


def test_a_sentence_citing_a_clause_at_a_line_start_runs_on(tmp_path: Path) -> None:
    """ "... in accordance with FAR" over "52.233-1 Disputes (May 2014)." is one sentence."""
    pdf = FPDF(unit="pt", format="Letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(54, 80, "The Government and the Contractor shall resolve claims in accordance with")
    pdf.text(54, 92, "52.233-1 Disputes, May 2014")
    path = tmp_path / "cited.pdf"
    pdf.output(str(path))
    statements = segment(read_document(str(path)))
    assert [s.text for s in statements] == [
        "The Government and the Contractor shall resolve claims in accordance with"
        " 52.233-1 Disputes, May 2014"
    ]
