"""A letter of nomination read by both PDF readers, on a PDF laid out here with fpdf2.

The letter names its conditions in a numbered list after a sentence that ends
"... subject to the following conditions:"; its address block has "Attn.".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

READERS = ("pdfplumber", "fast")

ADDRESS = (
    "Brenntal Bremsentechnik GmbH\nAttn. Mr. Jonas Feldkamp, Key Account Manager\n"
    "Industriestrasse 12\n73430 Aalen, Germany"
)
LEAD = (
    "This nomination is based on your quotation Q-BB-26-1147 of 12 November 2026 and is "
    "subject to the following conditions:"
)
CONDITIONS = [
    "The piece price of EUR 41.85 (DDP Zwickau, incl. packaging) is fixed until 31 December 2029.",
    "Tooling costs of EUR 1,240,000 are paid in two instalments: 50 % at tool order and 50 % "
    "after PPAP approval.",
    "The supplier shall sign the quality agreement within 4 weeks of this letter.",
]


def nomination_letter(path: Path) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Valmora Automotive AG", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(
        0, 4.5, "Purchasing Chassis\n08058 Zwickau, Germany", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(6)
    pdf.multi_cell(0, 4.5, ADDRESS, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(6)
    paragraphs = [
        "We are pleased to inform you that you have been selected as supplier of the front "
        "brake caliper assembly.",
        LEAD,
        *(f"{n}. {text}" for n, text in enumerate(CONDITIONS, 1)),
        "Please confirm your acceptance by returning a signed copy by 16 December 2026.",
    ]
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_the_lead_in_stays_before_the_conditions_it_introduces(tmp_path: Path, reader: str) -> None:
    # condition 2 has no sentence opener or modal: the lead-in was glued to it
    # ("... subject to the following conditions Tooling costs ..."), after condition 1
    document = read_document(str(nomination_letter(tmp_path / "letter.pdf")), reader=reader)  # type: ignore[arg-type]
    found = [(s.clause, s.text) for s in segment(document)]
    start = found.index(("", LEAD))
    assert found[start + 1 : start + 4] == [(str(n), t) for n, t in enumerate(CONDITIONS, 1)]


@pytest.mark.parametrize("reader", READERS)
def test_an_address_with_attn_is_not_cut(tmp_path: Path, reader: str) -> None:
    document = read_document(str(nomination_letter(tmp_path / "letter.pdf")), reader=reader)  # type: ignore[arg-type]
    texts = [s.text for s in segment(document)]
    assert not any(text.endswith("Attn.") for text in texts)


SHORT_PARAGRAPHS = [
    "Kestrel Fine Foods Ltd, FAO Grainne O'Leary, Unit 4, Fenbridge Industrial Estate,"
    " Wisbech PE13 2RT",
    "5 May 2026",
    "Our ref: BB/PUR/2026/077 - Caramelised onion chutney, 2.5 kg tub",
    "Dear Grainne,",
    "Thank you for the samples of the caramelised onion chutney, which our development chefs"
    " liked very much.",
    "The chutney will be used in our 140 cafes on toasted sandwiches held on a heated counter"
    " at up to 70 C for up to 2 hours.",
    "Our kitchens have no blast chillers, and opened tubs are kept in reach-in fridges at up"
    " to 8 C for up to 5 days.",
    "Each tub must be supplied with a tamper-evident lid and a label stating the opened"
    " shelf life in days.",
    "We would need delivery in mixed pallets to our chilled hub in Warrington, Tuesdays and"
    " Fridays, maximum 1.2 m pallet height.",
    "Please quote for 1,800 tubs per month with a 12-month fixed price.",
]


def letter_of_short_paragraphs(path: Path) -> Path:
    """Paragraphs of one or two lines, 4.5 mm between lines and 6.3 mm between paragraphs:
    more gaps between paragraphs than lines within them (as the walk's letter had)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(19, 20, 30)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for paragraph in SHORT_PARAGRAPHS:
        pdf.multi_cell(0, 4.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.8)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_letter_of_short_paragraphs_is_read_paragraph_by_paragraph(
    tmp_path: Path, reader: str
) -> None:
    """A food walk: the addressee, date, reference, greeting and first sentence of a letter
    were one statement; with more paragraph gaps than line gaps on the page, the gap
    between paragraphs had been taken for the usual distance between lines."""
    path = letter_of_short_paragraphs(tmp_path / "letter.pdf")
    document = read_document(str(path), reader=reader)  # type: ignore[arg-type]
    texts = [s.text for s in segment(document)]
    # greeting and sentences each on its own; address, date and reference line none of them
    assert texts[-7:] == SHORT_PARAGRAPHS[-7:]
