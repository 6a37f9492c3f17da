"""A ruled table whose header is set over two rows names each column by both.

An IT walk's SLA table had "Target times" spanning "Response" | "Resolution",
with "Priority", "Description" and "Hours of cover" merged down over both header
rows. Read from the first row alone, a PDF gave no header at all (a spanned
column left a header cell empty), and the second header row was a statement.
The PDF is built here with fpdf2 and read by both PDF readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

ROWS = [
    ("P1", "Critical: a store cannot trade", "15 minutes", "4 hours", "24x7"),
    ("P2", "High: a function is degraded", "30 minutes", "12 hours", "24x7"),
]


def _sla_pdf(path: Path, two_rows: bool = True) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, "2.1 The Supplier shall meet the times in Table 2.")
    pdf.ln(4)
    with pdf.table(col_widths=(20, 60, 30, 30, 30), num_heading_rows=2 if two_rows else 1) as table:
        header = table.row()
        if two_rows:
            header.cell("Priority", rowspan=2)
            header.cell("Description", rowspan=2)
            header.cell("Target times", colspan=2)
            header.cell("Hours of cover", rowspan=2)
            below = table.row()
            below.cell("Response")
            below.cell("Resolution")
        else:
            for name in ("Priority", "Description", "Response", "Resolution", "Hours of cover"):
                header.cell(name)
        for cells in ROWS:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_header_over_two_rows_names_each_column_by_both(tmp_path: Path, reader: str) -> None:
    document = read_document(str(_sla_pdf(tmp_path / "sla.pdf")), reader=reader)  # type: ignore[arg-type]
    rows = [s.text for s in segment(document) if s.kind == "table_row"]
    assert rows == [
        "P1: Critical: a store cannot trade (Target times Response: 15 minutes)"
        " (Target times Resolution: 4 hours) (Hours of cover: 24x7)",
        "P2: High: a function is degraded (Target times Response: 30 minutes)"
        " (Target times Resolution: 12 hours) (Hours of cover: 24x7)",
    ]


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_header_of_one_row_keeps_the_first_row_of_data(tmp_path: Path, reader: str) -> None:
    document = read_document(str(_sla_pdf(tmp_path / "sla.pdf", two_rows=False)), reader=reader)  # type: ignore[arg-type]
    rows = [s.text for s in segment(document) if s.kind == "table_row"]
    assert rows[0] == (
        "P1: Critical: a store cannot trade (Response: 15 minutes) (Resolution: 4 hours)"
        " (Hours of cover: 24x7)"
    )
    assert len(rows) == 2
