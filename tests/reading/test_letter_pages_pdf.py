"""A counsel's two-page letter read by both PDF readers, on a PDF laid out here with fpdf2.

Page 1 closes with the firm's footer (address, telephone, web) in small print that no
other page repeats; page 2 opens with the continuation heading US letters carry
(addressee, date, page number). A medical-device walk's letter had the footer read into
the sentence running on to page 2, and the addressee and date as the section of every
statement on page 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

READERS = ("pdfplumber", "fast")
FOOTER = (
    "Harwell & Byrne LLP | 200 Clarendon Street, 9th Floor, Boston, MA 02116 | "
    "T 617.555.0101 | harwellbyrne.example"
)
BODY_PAGE_1 = (
    "We write on behalf of our client, Merrow Instruments, Inc., regarding the Supply "
    "Agreement dated as of March 3, 2026 between Merrow and your company. Article 5 of the "
    "Agreement requires the Supplier to keep every lot traceable to its resin batch and "
    "to notify Merrow of any change of resin grade before it ships a lot made with it. "
    "Merrow has learnt that lots shipped in October were moulded from a grade that it "
    "never approved. Section 9.2 of the Agreement requires the Supplier to hold the "
    "records of each lot for ten years and to make them available to Merrow within five "
    "business days of its request, which Merrow now makes for every lot shipped since "
    "August 1, 2026 and the resin certificates"
)
RUNS_ON = "that go with them, sorted by lot."
PAGE_2 = [
    "Please confirm in writing by December 4, 2026 which grade each of those lots was made from.",
    "Nothing in this letter waives any of Merrow's rights under the Agreement.",
]


def counsel_letter(path: Path) -> Path:
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 15, "November 20, 2026", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.multi_cell(0, 15, "Dear Ms. Okafor:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_y(pdf.h - 300)
    pdf.multi_cell(0, 15, BODY_PAGE_1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 7)
    pdf.text(110, pdf.h - 45, FOOTER)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9.5)
    pdf.set_y(44)
    for line in ("Ms. Adaeze Okafor", "November 20, 2026", "Page 2"):
        pdf.cell(0, 12, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(100)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 15, RUNS_ON, new_x="LMARGIN", new_y="NEXT")
    for paragraph in PAGE_2:
        pdf.ln(8)
        pdf.multi_cell(0, 15, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_footer_on_one_page_only_is_not_read_into_the_sentence(
    tmp_path: Path, reader: str
) -> None:
    document = read_document(str(counsel_letter(tmp_path / "letter.pdf")), reader=reader)  # type: ignore[arg-type]
    texts = [s.text for s in segment(document)]
    assert not any("Clarendon" in text or "harwellbyrne" in text for text in texts)
    assert any(
        text.endswith("the resin certificates that go with them, sorted by lot.") for text in texts
    )


@pytest.mark.parametrize("reader", READERS)
def test_the_continuation_heading_is_no_section_nor_statement(tmp_path: Path, reader: str) -> None:
    document = read_document(str(counsel_letter(tmp_path / "letter.pdf")), reader=reader)  # type: ignore[arg-type]
    statements = segment(document)
    on_page_2 = [s for s in statements if s.page == 2 and s.text in PAGE_2]
    assert [s.text for s in on_page_2] == PAGE_2
    assert [s.section for s in on_page_2] == ["", ""]
    assert not any(s.text.startswith("Ms. Adaeze Okafor") for s in statements)


def amendment_with_continuation_page(path: Path) -> Path:
    """Page 1 a list under item 4; page 2 opens with the form's continuation header."""
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_y(600)
    for line in (
        "4. Section C is revised as follows:",
        "a. Paragraph C.3.1 is revised so that the help desk shall open at 0600.",
        "b. Paragraph C.3.2 is revised so that urgent calls shall be answered in ten minutes.",
    ):
        pdf.multi_cell(0, 15, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.text(72, 38, "Solicitation No. W912-27-Q-0033 - Amendment 0002 SF 30 Continuation")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_y(64)
    for line in (
        "c. Paragraph C.5.1 is revised so that the Contractor shall report every Monday.",
        "5. All other terms of the solicitation remain unchanged.",
    ):
        pdf.multi_cell(0, 15, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_forms_continuation_header_on_a_later_page_is_furniture(
    tmp_path: Path, reader: str
) -> None:
    # a federal amendment's page 2 header became the section of page 2 and closed the list
    # it broke: item "h." under "4." came out as clause "(h)"
    path = amendment_with_continuation_page(tmp_path / "amendment.pdf")
    statements = segment(read_document(str(path), reader=reader))  # type: ignore[arg-type]
    found = {s.text: (s.clause, s.section) for s in statements}
    assert not any("Continuation" in text for text in found)
    weekly = "Paragraph C.5.1 is revised so that the Contractor shall report every Monday."
    assert found[weekly][0] == "4(c)"
    assert "Continuation" not in found[weekly][1]
