"""Compare a reader's output with the expected file written beside each test document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.types import Document

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"


def summarise(document: Document) -> dict[str, Any]:
    """The parts of a Document an expected file records."""
    return {
        "name": document.path.replace("\\", "/").split("/")[-1],
        "kind": document.kind,
        "metadata": dict(document.metadata),
        "warnings": list(document.warnings),
        "attachments": [summarise(attachment) for attachment in document.attachments],
        "blocks": [
            {"kind": block.kind, "level": block.level, "text": block.text}
            for page in document.pages
            for block in page.blocks
        ],
    }


def load_expected(document_path: Path) -> dict[str, Any]:
    expected_path = document_path.with_name(document_path.name + ".expected.json")
    return json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.fixture
def documents() -> Path:
    return DOCUMENTS


@pytest.fixture
def small_caps_pdf(tmp_path: Path) -> Path:
    """A heading in small capitals ("S" 12 pt + "YSTEM" 9 pt, "T" + "ESTING") and a plain line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_xy(20, 20)
    for capital, rest in (("S", "YSTEM "), ("T", "ESTING")):
        pdf.set_font("Helvetica", "", 12)
        pdf.write(6, capital)
        pdf.set_font("Helvetica", "", 9)
        pdf.write(6, rest)
    pdf.set_xy(20, 40)
    pdf.set_font("Helvetica", "", 10)
    pdf.write(6, "A Bc stays apart.")
    path = tmp_path / "small_caps.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture
def quotes_in_another_font_pdf(tmp_path: Path) -> Path:
    """Apostrophes and quotes set in another font than their words, as some filings do.

    pdfplumber splits a word where the font changes: the reader must not read
    "Provider ' s" or '( " Agreement " )'. Below, a line whose spaced marks stay apart.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_xy(20, 20)
    pieces = [
        ("The Service Provider", "Helvetica"), ("'", "Times"), ("s staff (the ", "Helvetica"),
        ('"', "Times"), ("Agreement", "Helvetica"), ('"', "Times"), (") apply.", "Helvetica"),
    ]  # fmt: skip
    for text, font in pieces:
        pdf.set_font(font, "", 11)
        pdf.write(6, text)
    pdf.set_xy(20, 40)
    pdf.set_font("Helvetica", "", 11)
    pdf.write(6, "Prices - as quoted - are firm ( see below ).")
    path = tmp_path / "quotes.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture
def small_caps_kerned_pdf(tmp_path: Path) -> Path:
    """Small capitals as a real filing sets them: kerned, with hyphens, brackets, apostrophes.

    Each piece is (text, size, shift left in mm before it): "I" overlaps
    "NVERTER" by kerning; "BI-ANNUALLY", "(PER" and "MANUFACTURER'S" change
    size inside the word. Below them, a plain line whose words must stay apart.
    """
    from fpdf import FPDF

    pieces = [
        ("I", 12, 0.0), ("NVERTER ", 9, 0.25),
        ("B", 12, 0.0), ("I", 9, 0.0), ("-A", 12, 0.0), ("NNUALLY ", 9, 0.0),
        ("(P", 12, 0.0), ("ER ", 9, 0.0),
        ("M", 12, 0.0), ("ANUFACTURER", 9, 0.0), ("'", 12, 0.0), ("S", 9, 0.0),
    ]  # fmt: skip
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_xy(20, 20)
    for text, size, shift in pieces:
        pdf.set_font("Helvetica", "", size)
        pdf.set_x(pdf.get_x() - shift)
        pdf.write(6, text)
    pdf.set_xy(20, 40)
    pdf.set_font("Helvetica", "", 10)
    pdf.write(6, "Check the A-frame (B) at 2 sites.")
    path = tmp_path / "small_caps_kerned.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture
def dingbat_bullets_pdf(tmp_path: Path) -> Path:
    """Two lines that open with a tick drawn in ZapfDingbats, as checklists in filings do."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    lines = ["Clean the inverter air vents every six months.", "Check the torque marks yearly."]
    for number, line in enumerate(lines):
        pdf.set_xy(20, 20 + 8 * number)
        pdf.set_font("ZapfDingbats", "", 10)
        pdf.write(6, "4")  # a tick in ZapfDingbats
        pdf.set_font("Helvetica", "", 10)
        pdf.write(6, "  " + line)
    path = tmp_path / "dingbats.pdf"
    pdf.output(str(path))
    return path
