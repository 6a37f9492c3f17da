"""A schedule's clauses numbered "S2.2", "S2.3", read by both PDF readers.

An IT services walk: "S2.3 The Supplier shall certify ..." ran on into S2.2 (clause S2.2,
"S2.3" left in its text) when S2.2's last line ended a sentence near the right margin.
The PDF is written here with fpdf2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

CLAUSES = [
    (
        "S2.1",
        "The Supplier shall deliver an exit plan within three months of the Effective Date and"
        " update it every year thereafter.",
    ),
    (
        "S2.2",
        "During the exit period the Supplier shall transfer all configuration documentation,"
        " runbooks and knowledge articles to the Customer or its replacement supplier in the"
        " formats the Customer asks for.",
    ),
    (
        "S2.3",
        "The Supplier shall certify in writing the deletion of all Customer Data within thirty"
        " days of the end of the exit period.",
    ),
]


def schedule_pdf(path: Path) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 8, "SCHEDULE 2 - EXIT", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for number, text in CLAUSES:
        # set line by line: each clause's last line ends its sentence near the margin, so
        # only the number tells where the next clause starts
        words, line = f"{number} {text}".split(), ""
        lines = []
        for word in words:
            if pdf.get_string_width(f"{line} {word}".strip()) > 170:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        for written in lines:
            pdf.cell(0, 5, written, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(schedule_pdf(tmp_path_factory.mktemp("schedule") / "msa.pdf"))


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_each_schedule_clause_keeps_its_number(path: str, reader: str) -> None:
    statements = segment(read_document(path, reader=reader))  # type: ignore[arg-type]
    assert [(s.clause, s.text) for s in statements] == CLAUSES
