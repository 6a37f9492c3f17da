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
