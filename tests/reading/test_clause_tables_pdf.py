"""Compliance and verification matrices in a PDF: rows that repeat a clause read as that clause.

A tender's annex lists every clause again, one table row each (number, text,
columns for the tenderer to fill). Read as "3.1.2.1: <text>" with no clause,
none of its rows was known as the clause already in the register, and the
reviewer decided every requirement twice (a 153-page tender walk: 568 and
492 rows). Each PDF is built here with fpdf2 and read by both PDF readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.reading.tables import is_clause_row, is_clause_table
from extractor.register.same_text import text_key
from extractor.segmenting import segment
from extractor.types import Statement

CLAUSES = [
    ("3.1.2.1", "The net cooling capacity of the saloon Unit shall be not less than 38 kW."),
    (
        "3.1.2.2",
        "The Units will be fitted by the Integrator at its works. The Supplier shall support"
        " the Integrator during commissioning.",
    ),
    ("C.18.1", "The Defects Liability Period shall be 24 months from Acceptance."),
]
SENTENCES = [
    ("3.1.2.1", "The net cooling capacity of the saloon Unit shall be not less than 38 kW."),
    ("3.1.2.2", "The Units will be fitted by the Integrator at its works."),
    ("3.1.2.2", "The Supplier shall support the Integrator during commissioning."),
    ("C.18.1", "The Defects Liability Period shall be 24 months from Acceptance."),
]
COMPLIANCE_HEADERS = ["Clause", "Requirement", "C/PC/NC", "Comment"]
VERIFICATION_HEADERS = ["Clause", "Subject", "Method"]
VERIFICATION = [("3.1.2.1", "The net cooling capacity of ...", "T, A")]
LOTS_HEADERS = ["Lot", "Description", "Qty"]
LOTS = [("1", "Saloon Units as listed in Annex 2.", "96")]
REVISIONS_HEADERS = ["Issue", "Change", "Date"]
REVISIONS = [("1.1", "First issue", "2026-09-14"), ("1.2", "Clause 3.1.2.1 revised", "2026-10-01")]


def _table(pdf: FPDF, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = (22, 100, 24, 24)[: len(headers)]
    with pdf.table(col_widths=widths, width=sum(widths), text_align="LEFT") as table:
        for cells in [headers, *rows]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(8)


def tender_pdf(path: Path) -> Path:
    """The clauses with hanging numbers on page 1; the annex tables on page 2."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.set_y(30)
    for number, text in CLAUSES:
        y = pdf.get_y()
        pdf.set_xy(25, y)
        pdf.cell(25, 5, number)
        pdf.set_xy(52, y)
        pdf.multi_cell(130, 5, text)
        pdf.ln(4)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.set_y(25)
    _table(pdf, COMPLIANCE_HEADERS, [(number, text, "", "") for number, text in CLAUSES])
    _table(pdf, VERIFICATION_HEADERS, VERIFICATION)
    _table(pdf, LOTS_HEADERS, LOTS)
    _table(pdf, REVISIONS_HEADERS, REVISIONS)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def statements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Statement]]:
    path = str(tender_pdf(tmp_path_factory.mktemp("matrix") / "tender.pdf"))
    return {
        reader: segment(read_document(path, reader=reader))  # type: ignore[arg-type]
        for reader in ("pdfplumber", "fast")
    }


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_compliance_matrix_rows_are_the_clauses_again(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    found = statements[reader]
    body = [(s.clause, s.text) for s in found if s.page == 1]
    assert body == SENTENCES
    matrix = [(s.clause, s.text) for s in found if s.page == 2][: len(SENTENCES)]
    assert matrix == SENTENCES  # number as the clause, one statement per sentence
    keys = {(clause, text_key(text)) for clause, text in body}
    assert all((clause, text_key(text)) in keys for clause, text in matrix)


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_matrix_row_with_more_cells_keeps_them_and_its_clause(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    row = statements[reader][-4]
    assert (row.clause, row.text, row.kind) == (
        "3.1.2.1",
        "The net cooling capacity of ... (Method: T, A)",
        "table_row",
    )
    assert row.boxes[0].x0 > 25 * 72 / 25.4 + 22 * 72 / 25.4 - 1  # the text, not its number


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_tables_of_other_numbers_stay_tables(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    rest = [(s.clause, s.text) for s in statements[reader][-3:]]
    assert rest == [
        ("", "1: Saloon Units as listed in Annex 2. (Qty: 96)"),  # a lot number
        ("", "1.1: First issue (Date: 2026-09-14)"),  # an issue number, no clause text
        ("", "1.2: Clause 3.1.2.1 revised (Date: 2026-10-01)"),
    ]


def test_what_a_clause_row_is() -> None:
    assert is_clause_row(["3.1.2.1", "The Unit shall weigh under 850 kg.", ""])
    assert is_clause_row(["A.3.2", "Tenders shall be returned by 30 October.", "C"])
    assert not is_clause_row(["3.1", "Cooling", ""])  # a heading row
    assert not is_clause_row(["1", "The Unit shall weigh under 850 kg."])  # a count, maybe
    assert not is_clause_row(["3.1.2", "net cooling capacity in kW at the design point."])
    rows = [["3.1", "Cooling", ""], ["3.1.1", "The Unit shall cool the saloon.", ""]]
    assert is_clause_table(rows)
    assert not is_clause_table([*rows, ["Total", "Three clauses are listed.", ""]])
