"""An agreement's cover page: its centred title lines are no statements.

A browser-printed master supply agreement opened with a title page of centred lines:
the title, what it covers, its reference, "CALDERWICK ENERGY PLC" / "and" / "ARDENNE
FLOW SYSTEMS LIMITED" and "Execution version, 12 March 2026". All but the title came
out as statements, and the first party's name, read as a heading, was the section of
the parties' clauses two pages on. A sentence on a cover page stays a statement. Each
PDF is written here with fpdf2 and read by both PDF readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment
from extractor.types import Statement

COVER = [
    ("MASTER SUPPLY AGREEMENT", "B", 18, 60),
    ("for Centrifugal Pumps, Isolation Valves and Associated Spare Parts", "", 12, 10),
    ("Agreement reference CE-MSA-2026-014", "", 12, 18),
    ("CALDERWICK ENERGY PLC", "", 12, 18),
    ("and", "", 12, 2),
    ("ARDENNE FLOW SYSTEMS LIMITED", "", 12, 2),
    ("Execution version, 12 March 2026", "", 12, 30),
]
MADE = (
    "This Agreement is made on 12 March 2026 between Calderwick Energy plc and Ardenne"
    " Flow Systems Limited."
)


def cover_pdf(path: Path, sentence: bool = False) -> Path:
    """Page 1 the cover (with ``sentence`` centred under it); page 2 the parties and
    clause 1."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(25, 25)
    pdf.add_page()
    pdf.set_y(20)
    for text, style, size, space in COVER:
        pdf.ln(space)
        pdf.set_font("Times", style, size)
        pdf.cell(0, 8, text, align="C")
        pdf.ln(8)
    if sentence:
        pdf.ln(20)
        pdf.set_font("Times", "", 12)
        pdf.multi_cell(0, 7, MADE, align="C")
    pdf.add_page()
    pdf.set_y(25)
    pdf.set_font("Times", "", 11.5)
    pdf.multi_cell(0, 6.5, "THIS AGREEMENT is made on 12 March 2026 between:")
    pdf.ln(2)
    for number, party in (
        ("(1)", "CALDERWICK ENERGY PLC, a company incorporated in England and Wales under"
         " company number 04417723 (the \"Customer\"); and"),
        ("(2)", "ARDENNE FLOW SYSTEMS LIMITED, a company incorporated in England and Wales"
         " under company number 06120985 (the \"Supplier\")."),
    ):  # fmt: skip
        y = pdf.get_y()
        pdf.set_xy(25, y)
        pdf.cell(12, 6.5, number)
        pdf.set_xy(37, y)
        pdf.multi_cell(0, 6.5, party)
        pdf.ln(2)
    pdf.ln(4)
    pdf.set_font("Times", "B", 11.5)
    pdf.cell(0, 6.5, "1. DEFINITIONS AND INTERPRETATION")
    pdf.ln(9)
    pdf.set_font("Times", "", 11.5)
    pdf.multi_cell(
        0,
        6.5,
        "1.1 The Supplier shall supply the Products described in Schedule 1 in accordance"
        " with each Order and the Specification referred to in it.",
    )
    pdf.output(str(path))
    return path


def _read(path: Path) -> dict[str, list[Statement]]:
    return {
        reader: segment(read_document(str(path), reader=reader))  # type: ignore[arg-type]
        for reader in ("pdfplumber", "fast")
    }


@pytest.fixture(scope="module")
def agreement(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Statement]]:
    return _read(cover_pdf(tmp_path_factory.mktemp("cover") / "msa.pdf"))


@pytest.fixture(scope="module")
def with_sentence(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Statement]]:
    return _read(cover_pdf(tmp_path_factory.mktemp("cover") / "msa.pdf", sentence=True))


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_cover_pages_lines_are_no_statements(
    agreement: dict[str, list[Statement]], reader: str
) -> None:
    assert [s.text for s in agreement[reader] if s.page == 1] == []


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_the_parties_clauses_are_under_the_title_not_a_partys_name(
    agreement: dict[str, list[Statement]], reader: str
) -> None:
    parties = [s for s in agreement[reader] if s.clause in ("(1)", "(2)")]
    assert len(parties) == 2
    assert {s.section for s in parties} == {"MASTER SUPPLY AGREEMENT"}
    (supply,) = [s for s in agreement[reader] if s.clause == "1.1"]
    assert supply.section == "1. DEFINITIONS AND INTERPRETATION"


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_sentence_on_a_cover_page_stays_a_statement(
    with_sentence: dict[str, list[Statement]], reader: str
) -> None:
    assert [s.text for s in with_sentence[reader] if s.page == 1] == [MADE]
