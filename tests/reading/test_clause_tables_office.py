"""Compliance matrices outside PDF: DOCX, XLSX, CSV and Markdown rows that list clauses.

A tender walk found the PDF matrix's rows read as their clauses (``test_clause_tables_pdf``)
while the same matrix sent as a Word table or a spreadsheet still read "3.1.2.1: The net
cooling ... (C/PC/NC: C)", with no clause: a compliance list could not sort them, and the
register could not know the row as the clause it had already. Each file is written here.
"""

from __future__ import annotations

import io

import docx
from openpyxl import Workbook

from extractor.reading import read_document_bytes
from extractor.segmenting import segment

NET = "The net cooling capacity of the saloon Unit shall be not less than 38 kW."
HEADERS = ["Clause", "Requirement", "C/PC/NC", "Comment"]
ROWS = [
    ["3.1.2.1", NET, "C", ""],
    ["3.1.2.2", "The Unit shall weigh less than 850 kg.", "PC", "820 kg with option H"],
    ["C.18.1", "The Defects Liability Period shall be 24 months from Acceptance.", "", ""],
]
EXPECTED = [
    ("3.1.2.1", f"{NET} (C/PC/NC: C)"),
    (
        "3.1.2.2",
        "The Unit shall weigh less than 850 kg. (C/PC/NC: PC) (Comment: 820 kg with option H)",
    ),
    ("C.18.1", "The Defects Liability Period shall be 24 months from Acceptance."),
]
# a delivery schedule numbered like clauses, with no clause text: a table still
SCHEDULE = [["Item", "Description", "Qty"], ["1.1", "Saloon Unit, first article", "1"]]


def _docx(rows: list[list[str]]) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for values in rows:
        book.active.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows: list[list[str]]) -> bytes:
    return "".join(",".join(f'"{cell}"' for cell in row) + "\r\n" for row in rows).encode()


def _markdown(rows: list[list[str]]) -> bytes:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows[1:]]
    return ("\n".join(lines) + "\n").encode()


WRITERS = {"matrix.docx": _docx, "matrix.xlsx": _xlsx, "matrix.csv": _csv, "matrix.md": _markdown}


def _read(name: str, rows: list[list[str]]) -> list[tuple[str, str]]:
    data = WRITERS[name](rows)
    return [(s.clause, s.text) for s in segment(read_document_bytes(data, name))]


def test_matrix_rows_keep_their_clause_in_every_format() -> None:
    for name in WRITERS:
        assert _read(name, [HEADERS, *ROWS]) == EXPECTED, name


def test_numbered_rows_without_clause_text_stay_table_rows() -> None:
    for name in WRITERS:
        assert _read(name, SCHEDULE) == [("", "1.1: Saloon Unit, first article (Qty: 1)")], name


QUESTIONNAIRE = [
    ["Q-ID", "Question", "Evidence required"],
    ["Q1.1", "Is your quality management system certified to ISO 13485:2016?", "Yes"],
    ["Q1.2", "Are quality records kept for at least 10 years?", "No"],
    ["Q2.1", "Do you calibrate gauges at defined intervals?", "Yes"],
]


def test_a_questionnaires_ids_are_its_clauses_in_every_format() -> None:
    """A medical-device walk: a supplier self-assessment's "Q1.1" rows kept no clause."""
    for name in WRITERS:
        found = _read(name, QUESTIONNAIRE)
        assert [clause for clause, _ in found] == ["Q1.1", "Q1.2", "Q2.1"], name
        assert found[0][1] == (
            "Is your quality management system certified to ISO 13485:2016?"
            " (Evidence required: Yes)"
        ), name


def test_identifiers_of_no_series_stay_a_table() -> None:
    rows = [
        ["Part", "Note", "Qty"],
        ["AB7", "Keep dry at all times.", "4"],
        ["CD9", "Fragile.", "1"],
    ]
    for name in WRITERS:
        assert [clause for clause, _ in _read(name, rows)] == ["", ""], name
