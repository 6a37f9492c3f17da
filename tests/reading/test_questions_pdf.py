"""Questions and answers in a solicitation amendment, read by both PDF readers (a PDF
laid out here with fpdf2): "Q1 ...?" over "A1 ...", each line running to the margin.

A federal walk's amendment had "Q2 Is the incumbent's staffing level available?" read
into answer A1 and "A5 No. ..." into question Q5, so each carried the wrong number.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

QUESTIONS = [
    "Will the Government provide the floor plans of all four buildings in an editable format?",
    "May the site manager of the facilities task also lead the help desk during the first year?",
    "Is the incumbent's staffing level for the help desk and the facilities task available?",
    "Must the help desk personnel hold a clearance on the first day of the performance period?",
]
ANSWER = (
    "The Contractor shall propose its own staffing for both tasks and shall name each key "
    "person in its proposal together with the qualifications of that person and the dates "
    "on which that person is available to start work"
)


def _full_line(pdf: FPDF, words: list[str], width: float) -> str:
    """As many of ``words`` as fill the line, ended by a full stop."""
    line = ""
    for word in words:
        trial = f"{line} {word}".strip()
        if pdf.get_string_width(trial + ".") > width:
            break
        line = trial
    return line + "."


def questions_pdf(path: Path) -> tuple[Path, list[tuple[str, str]]]:
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    width = pdf.w - 144
    pairs = []
    y = 90.0
    for number, question in enumerate(QUESTIONS, 1):
        answer = _full_line(pdf, ["No.", *ANSWER.split()], width - pdf.get_string_width("A1 "))
        pairs.append((question, answer))
        for text in (f"Q{number} {question}", f"A{number} {answer}"):
            pdf.text(72, y, text)
            y += 13
    pdf.output(str(path))
    return path, pairs


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_each_question_and_answer_keeps_its_number(tmp_path: Path, reader: str) -> None:
    path, pairs = questions_pdf(tmp_path / "qa.pdf")
    document = read_document(str(path), reader=reader)  # type: ignore[arg-type]
    found = [(s.clause, s.text) for s in segment(document)]
    for number, (question, _) in enumerate(pairs, 1):
        assert (f"Q{number}", question) in found
        assert [clause for clause, text in found if text.startswith("No.")][number - 1] == (
            f"A{number}"
        )
