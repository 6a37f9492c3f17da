"""Marks on a page that are not its text: watermarks, stamps over scans, margin line numbers.

Each PDF is built here with fpdf2 and read by both PDF readers, which must
give the same statements.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import ocr as ocr_engine
from extractor.reading.fast_pdf import read_pdf_fast
from extractor.reading.layout import PageWord, drop_line_numbers
from extractor.reading.pdf import read_pdf
from extractor.segmenting import segment
from extractor.types import Document

READERS: dict[str, Callable[..., Document]] = {"pdfplumber": read_pdf, "fast": read_pdf_fast}

# clause, lines as set on the page
CLAUSES = [
    ("1.1", ["The Contractor shall deliver the pumps to the site in Leeds",
             "within six weeks of the purchase order."]),
    ("1.2", ["The Contractor shall provide a commissioning engineer for",
             "two days at no extra charge."]),
    ("1.3", ["Each pump shall be tested at the works before it is",
             "packed, and the test sheet sent with it."]),
    ("2.1", ["The Employer shall pay each invoice within thirty days",
             "of its receipt by the accounts office."]),
    ("2.2", ["Either party may end this contract on ninety days",
             "written notice to the other party."]),
    ("2.3", ["The Contractor shall keep the drawings confidential",
             "and return them when the work is done."]),
]  # fmt: skip
EXPECTED = [(clause, " ".join(lines)) for clause, lines in CLAUSES]


def contract_pdf(path: Path, *, watermark: str = "", line_numbers: bool = False) -> Path:
    """A two-page contract, lines in Helvetica 10 pt, 16 pt apart down the middle of A4."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    for page in range(2):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        y, number = 260.0, 0
        for clause, lines in CLAUSES[3 * page : 3 * page + 3]:
            for i, line in enumerate(lines):
                number += 1
                if i == 0:
                    pdf.text(72, y, clause)
                pdf.text(100, y, line)
                if line_numbers:
                    pdf.set_font("Helvetica", "", 7)
                    pdf.text(40, y, str(number))
                    pdf.set_font("Helvetica", "", 10)
                y += 16
            y += 8
        if watermark:
            pdf.set_text_color(200, 200, 200)
            pdf.set_font("Helvetica", "B", 110)
            with pdf.rotation(45, x=pdf.w / 2, y=pdf.h / 2):
                width = pdf.get_string_width(watermark)
                pdf.text(pdf.w / 2 - width / 2, pdf.h / 2 + 40, watermark)
            pdf.set_text_color(0)
    pdf.output(str(path))
    return path


def statements(document: Document) -> list[tuple[str, str]]:
    return [(statement.clause, statement.text) for statement in segment(document)]


@pytest.mark.parametrize("reader", READERS)
def test_a_diagonal_watermark_is_not_read_as_text(tmp_path: Path, reader: str) -> None:
    """ "DRAFT" in 110 pt at 45° over the clauses: its letters had landed inside sentences."""
    document = READERS[reader](str(contract_pdf(tmp_path / "draft.pdf", watermark="DRAFT")))
    assert statements(document) == EXPECTED
    assert "DRAFT" not in " ".join(block.text for page in document.pages for block in page.blocks)


SCANNED_CLAUSES = [
    "3.1 The Buyer shall inspect each delivery within five working days.",
    "3.2 The Seller shall replace any damaged goods at its own cost.",
]


def stamped_scan_pdf(path: Path) -> Path:
    """Page 1 text; page 2 a full-page scan of two clauses with a header and a Bates number
    stamped over it as text, as PDF tools stamp them."""
    from PIL import Image, ImageDraw, ImageFont

    scan = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(scan)
    for i, line in enumerate(SCANNED_CLAUSES):
        draw.text((150, 400 + 90 * i), line, fill=0, font=ImageFont.load_default(size=34))
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    for page in (1, 2):
        pdf.add_page()
        if page == 2:
            pdf.image(scan, x=0, y=0, w=pdf.w, h=pdf.h)
        pdf.set_font("Helvetica", "", 8)
        pdf.text(72, 40, f"Supply Agreement SA-7 - Page {page} of 2")
        pdf.text(440, 810, f"ACME-00041{page}")
        if page == 1:
            pdf.set_font("Helvetica", "", 10)
            pdf.text(72, 200, "2.1 The Seller shall pack the goods on pallets.")
    pdf.output(str(path))
    return path


@pytest.mark.skipif(not ocr_engine.ocr_available(), reason="tesseract is not installed")
@pytest.mark.parametrize("reader", READERS)
def test_a_scan_with_a_stamped_header_is_read_by_ocr(tmp_path: Path, reader: str) -> None:
    """79 characters of stamp had made the scan pass for a page of text: its clauses were lost."""
    document = READERS[reader](str(stamped_scan_pdf(tmp_path / "stamped.pdf")))
    assert document.pages[1].ocr and not document.pages[0].ocr
    assert document.warnings == ("page 2 read by OCR from a scan: check the text against the page",)
    found = [(s.page, s.clause, s.text) for s in segment(document)]
    assert found == [
        (1, "2.1", "The Seller shall pack the goods on pallets."),
        *[(2, line[:3], line[4:]) for line in SCANNED_CLAUSES],
    ]


@pytest.mark.parametrize("reader", READERS)
def test_without_ocr_a_stamped_scan_warns(
    tmp_path: Path, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_engine, "ocr_available", lambda: False)
    document = READERS[reader](str(stamped_scan_pdf(tmp_path / "stamped.pdf")))
    assert document.warnings == (
        "page 2 is a scanned image with only a header or footer as text and no OCR engine"
        " (install tesseract-ocr): only that text was read",
    )


@pytest.mark.parametrize("reader", READERS)
def test_line_numbers_in_the_margin_are_not_read_as_text(tmp_path: Path, reader: str) -> None:
    """Numbers 1, 2, 3 ... left of every line (7 pt): they had opened every statement."""
    document = READERS[reader](str(contract_pdf(tmp_path / "lines.pdf", line_numbers=True)))
    assert statements(document) == EXPECTED


def test_hanging_clause_numbers_are_not_line_numbers() -> None:
    """Bare numbers in the margin, one per three-line paragraph, count paragraphs: they stay,
    also beside line numbers further left, which go."""
    words = []
    for clause in range(1, 7):
        top = 100.0 + 50 * clause
        words.append(PageWord(str(clause), 40, top, 46, top + 10))
        for line in range(3):
            words += [
                PageWord("The", 72, top + 14 * line, 90, top + 14 * line + 10),
                PageWord("text.", 94, top + 14 * line, 120, top + 14 * line + 10),
            ]
    assert drop_line_numbers(words) == words
    lines = [word for word in words if word.text == "The"]
    numbered = [PageWord(str(i), 20, w.top, 26, w.bottom) for i, w in enumerate(lines, 1)]
    assert drop_line_numbers(words + numbered) == words


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs a TrueType font that maps U+00AD")
@pytest.mark.parametrize("reader", READERS)
def test_a_soft_hyphen_at_a_line_end_joins_the_word(tmp_path: Path, reader: str) -> None:
    """ "segre" + U+00AD, then "gated": pdfplumber's reader had read "segre\u00ad gated"."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.set_font("DejaVu", "", 10)
    pdf.text(72, 100, "4.1 Rejected goods shall be segre\u00ad")
    pdf.text(72, 114, "gated and marked in red.")
    pdf.output(str(tmp_path / "soft.pdf"))
    document = READERS[reader](str(tmp_path / "soft.pdf"))
    assert statements(document) == [
        ("4.1", "Rejected goods shall be segregated and marked in red.")
    ]


def sideways_pdf(path: Path) -> Path:
    """Page 1 upright clauses; page 2 a table of clauses set sideways (turned 90°)."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(72, 100, "1.1 The Contractor shall deliver the pumps to the site in Leeds.")
    pdf.add_page()
    with pdf.rotation(90, x=300, y=420):
        for i, (clause, lines) in enumerate(CLAUSES):
            pdf.text(150, 300 + 16 * i, f"{clause} {lines[0]}")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_page_of_sideways_text_is_read_turned_level(tmp_path: Path, reader: str) -> None:
    """Text turned by a right angle had come out as scattered letters, then with a
    warning; the page is now read turned level (more in test_turned_pages.py)."""
    document = READERS[reader](str(sideways_pdf(tmp_path / "sideways.pdf")))
    assert document.warnings == ()
    text = " ".join(s.text for s in segment(document) if s.page == 2)
    for _, lines in CLAUSES:
        assert lines[0] in text


@pytest.mark.parametrize("reader", READERS)
def test_a_diagonal_watermark_does_not_warn(tmp_path: Path, reader: str) -> None:
    document = READERS[reader](str(contract_pdf(tmp_path / "draft.pdf", watermark="DRAFT")))
    assert document.warnings == ()


def superscripts_pdf(path: Path) -> Path:
    """Raised small numbers: a footnote reference, cubic and square metres, a footnote."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()

    def line(x: float, y: float, runs: list[tuple[str, float, float]]) -> None:
        for text, size, rise in runs:
            pdf.set_font("Helvetica", "", size)
            pdf.text(x, y - rise, text)
            x += pdf.get_string_width(text)

    reference = [("1.3 Deliveries shall be made FCA (Incoterms 2020)", 10, 0), ("1", 6, 3.5),
                 (" and title shall pass on delivery.", 10, 0)]  # fmt: skip
    line(72, 200, reference)
    metres = [("1.4 The tank shall hold 12 m", 10, 0), ("3", 6, 3.5),
              (" and the floor shall be 40 m", 10, 0), ("2", 6, 3.5), (".", 10, 0)]  # fmt: skip
    line(72, 216, metres)
    line(72, 700, [("1", 6, 0.5), (" Incoterms 2020 means the rules published by the ICC.", 8, 0)])
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_raised_small_numbers_read_as_superscripts(tmp_path: Path, reader: str) -> None:
    """They had read "12 m 3" (a wrong quantity), "(Incoterms 2020) 1 and" and
    "1 Incoterms 2020 means" (a footnote's marker taken for its text). The footnote,
    its small mark left out of its text, reads under the clause carrying the mark."""
    document = READERS[reader](str(superscripts_pdf(tmp_path / "sup.pdf")))
    assert statements(document) == [
        ("1.3", "Deliveries shall be made FCA (Incoterms 2020)¹ and title shall pass on delivery."),
        ("1.4", "The tank shall hold 12 m³ and the floor shall be 40 m²."),
        ("1.3", "Incoterms 2020 means the rules published by the ICC."),
    ]


def _word(text: str, x0: float, size: float = 10.0, bottom: float = 110.0) -> PageWord:
    return PageWord(text, x0, bottom - size, x0 + 6 * len(text), bottom, size=size)


def test_numbers_of_the_text_size_or_not_raised_stay_as_they_are() -> None:
    from extractor.reading.layout import superscripts_marked

    same_size = [_word("clause", 0), _word("3", 38)]
    assert superscripts_marked(same_size) == tuple(same_size)
    small_on_the_baseline = [_word("m", 0), _word("3", 6, size=6)]
    assert superscripts_marked(small_on_the_baseline) == tuple(small_on_the_baseline)
    raised_but_apart = [_word("m", 0), _word("3", 40, size=6, bottom=106)]
    assert superscripts_marked(raised_but_apart) == tuple(raised_but_apart)
    raised = [_word("m", 0), _word("3", 6, size=6, bottom=106)]
    # an invisible joiner tells the segmenter the "3" was raised after a unit (a note's
    # mark when the document has a note "3"); the statements do not show it
    assert [word.text for word in superscripts_marked(raised)] == ["m\u2060³"]
    raised_after_a_word = [_word("ISO", 0), _word("3", 18, size=6, bottom=106)]
    assert [word.text for word in superscripts_marked(raised_after_a_word)] == ["ISO³"]


PARTS = [("Part A - Instructions", 3), ("Part B - Specification", 3), ("Part C - Conditions", 2),
         ("Part D - Annexes", 2)]  # fmt: skip


ITEMS = [("compressor", "leak tested"), ("condenser fan", "balanced"), ("heater bank",
          "insulation tested"), ("control panel", "function tested"), ("damper", "cycled"),
          ("filter frame", "measured"), ("drain pan", "sealed"), ("duct flange", "drilled"),
          ("sensor", "calibrated"), ("harness", "continuity tested"), ("gasket", "fitted"),
          ("inverter", "load tested"), ("valve", "pressure tested")]  # fmt: skip


def tender_pdf(path: Path) -> Path:
    """Ten pages, each headed 'Acme Rail Ltd - ITT 0147' left and its part's name right, the
    last clause of each page running on to the next."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    clause = 0
    for part, pages in PARTS:
        for _ in range(pages):
            pdf.add_page()
            pdf.set_font("Helvetica", "", 9)
            pdf.text(60, 38, "Acme Rail Ltd - ITT 0147 - HVAC Units")
            pdf.text(535 - pdf.get_string_width(part), 38, part)
            pdf.set_font("Helvetica", "", 10)
            y = 90.0
            if clause:  # the rest of the clause the page before broke off
                pdf.text(85, y, "training and support of every Unit under the Contract.")
                y += 30
            for _ in range(14):  # down to the foot of the page
                clause += 1
                pdf.text(60, y, f"{clause}.")
                part_name, check = ITEMS[clause % len(ITEMS)]
                pdf.text(85, y, f"The Supplier shall provide the {part_name} of unit {clause} to")
                pdf.text(85, y + 14, f"the drawings, {check} as the Purchaser requires.")
                y += 44
            pdf.text(60, y, f"{clause + 1}.")
            spare = ITEMS[clause % len(ITEMS)][0]
            pdf.text(85, y, f"The Supplier shall keep {spare} spares for thirty years, with")
            clause += 1
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_running_header_naming_its_part_on_the_right_is_dropped(
    tmp_path: Path, reader: str
) -> None:
    """A walk's 153-page tender: the header's part name changes with each part, so the line as
    a whole was on too few pages to be furniture; it became 122 statements of its own and
    was glued into 27 clauses broken by a page end."""
    document = READERS[reader](str(tender_pdf(tmp_path / "tender.pdf")))
    texts = [statement.text for statement in segment(document)]
    assert not [text for text in texts if "Acme Rail" in text or "Part " in text]
    joined = [text for text in texts if text.endswith("with training and support of every Unit"
                                                      " under the Contract.")]  # fmt: skip
    assert len(joined) == 9  # the clause each page end broke, read whole
    assert all(text.startswith("The Supplier shall keep") for text in joined)
