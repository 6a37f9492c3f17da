"""Notes set in small type at the end of a section, not at the page's foot.

A browser-printed valve specification put each section's notes under its last clause,
each opening with a small raised mark: "¹ A fire test certificate ..." for clause 3.5's
"ISO 10497¹". The layout left the mark out, so the note was read as a statement of its
own, with no clause, and a note carried over to the next page took the section of the
heading above it there. Clause 4.3.1's "240 µm" with the raised mark "3" read "240 µm³".
Each PDF is written here with fpdf2 and read by both PDF readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment
from extractor.types import Statement

FILLER = (
    "Valves shall be suitable for operation by an electric actuator, and each valve shall"
    " carry a stainless steel nameplate with its tag number fixed to the body."
)


def _raised(pdf: FPDF, mark: str, height: float) -> None:
    pdf.char_vpos = "SUP"
    pdf.write(height, mark)
    pdf.char_vpos = "LINE"


def _heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_x(25)
    pdf.cell(0, 6, text)
    pdf.ln(9)
    pdf.set_font("Helvetica", "", 10)


def _clause(pdf: FPDF, number: str, text: str, mark: str = "") -> None:
    y = pdf.get_y()
    pdf.set_xy(25, y)
    pdf.cell(20, 6, number)
    pdf.set_left_margin(45)
    pdf.set_xy(45, y)
    pdf.write(6, text)
    if mark:
        _raised(pdf, mark, 6)
        pdf.write(6, ".")
    pdf.set_left_margin(25)
    pdf.ln(9)


def _note(pdf: FPDF, mark: str, text: str) -> None:
    pdf.set_font("Helvetica", "", 5.5)  # the mark small and raised: centred in a low cell
    pdf.set_x(25)
    pdf.cell(2, 2, mark)
    pdf.set_font("Helvetica", "", 8)
    pdf.write(4, text)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 10)


def section_notes_pdf(path: Path) -> Path:
    """Page 1: section 3 with its note under clause 3.6, section 4 up to clause 4.3.2;
    page 2: the notes of section 4, then section 5."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(25, 25)
    pdf.add_page()
    pdf.set_y(30)
    _heading(pdf, "3 DESIGN")
    _clause(pdf, "3.4", FILLER)
    _clause(pdf, "3.5", "The valve design shall be fire type-tested to API 607 or ISO 10497", "1")
    _clause(pdf, "3.6", FILLER)
    _note(
        pdf,
        "1",
        "A fire test certificate issued for another pressure class is acceptable only where"
        " it covers the valve size and seat design offered.",
    )
    _heading(pdf, "4 MATERIALS")
    _clause(pdf, "4.1", FILLER)
    _clause(
        pdf,
        "4.2",
        "Elastomers shall be qualified for rapid gas decompression to NORSOK M-710 or ISO 23936-2",
        "2",
    )
    _heading(pdf, "4.3 External coating")
    _clause(
        pdf,
        "4.3.1",
        "External surfaces shall be coated to ISO 12944-5 for corrosivity category C4, with a"
        " total dry film thickness of not less than 240 µm",
        "3",
    )
    _clause(pdf, "4.3.2", "The paint store on site shall hold no more than 12 m³ of coating.")
    pdf.add_page()
    pdf.set_y(30)
    _note(
        pdf,
        "2",
        "ISO 23936-2 is accepted only where the qualification covers the cross-section of"
        " seal actually used.",
    )
    _note(pdf, "3", "Stainless steel parts and machined flange faces shall not be painted.")
    _heading(pdf, "5 INSPECTION AND TESTING")
    _clause(pdf, "5.1", "Each valve shall be pressure tested in accordance with API 6D.")
    _clause(pdf, "5.2", FILLER)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def statements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Statement]]:
    path = str(section_notes_pdf(tmp_path_factory.mktemp("notes") / "spec.pdf"))
    return {
        reader: segment(read_document(path, reader=reader))  # type: ignore[arg-type]
        for reader in ("pdfplumber", "fast")
    }


def _one(statements: list[Statement], words: str) -> Statement:
    (found,) = [s for s in statements if words in s.text]
    return found


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_note_at_its_sections_end_reads_under_the_clause_carrying_its_mark(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    note = _one(statements[reader], "fire test certificate")
    assert (note.clause, note.section, note.page) == ("3.5", "3 DESIGN", 1)
    assert note.text.startswith("A fire test certificate")
    # read where it stands: before the next section's clauses
    order = [s.clause for s in statements[reader]]
    assert order.index("4.1") > statements[reader].index(note)


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_notes_carried_over_to_the_next_page_keep_their_clauses_section(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    seal = _one(statements[reader], "cross-section of seal")
    assert (seal.clause, seal.section, seal.page) == ("4.2", "4 MATERIALS", 2)
    assert seal.text.startswith("ISO 23936-2 is accepted")
    paint = _one(statements[reader], "shall not be painted")
    assert (paint.clause, paint.section) == ("4.3.1", "4.3 External coating")
    inspection = _one(statements[reader], "pressure tested")
    assert (inspection.clause, inspection.section) == ("5.1", "5 INSPECTION AND TESTING")


@pytest.mark.parametrize("reader", ["pdfplumber", "fast"])
def test_a_notes_mark_after_a_unit_is_no_power_of_the_unit(
    statements: dict[str, list[Statement]], reader: str
) -> None:
    coating = _one(statements[reader], "dry film thickness")
    assert coating.text.endswith("not less than 240 µm.")
    assert _one(statements[reader], "paint store").text.endswith("12 m³ of coating.")
