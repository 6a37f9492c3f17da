"""OCR with the real tesseract on an image we draw, plus the paths around it."""

from __future__ import annotations

import io
import os

import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.reading import ocr, read_document_bytes
from extractor.reading.ocr import ocr_available, ocr_image
from extractor.segmenting import segment


def drawn_text(text: str) -> Image.Image:
    image = Image.new("L", (900, 200), 255)
    ImageDraw.Draw(image).text((60, 70), text, fill=0, font=ImageFont.load_default(size=40))
    return image


def test_tesseract_is_available_here() -> None:
    assert ocr_available()


def test_unavailable_without_the_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    assert not ocr_available()


def test_ocr_image_reads_words_and_scales_boxes_to_points() -> None:
    words = ocr_image(drawn_text("Deliver the pumps"), scale=2.0)
    assert [w.text for w in words] == ["Deliver", "the", "pumps"]
    first = words[0]
    assert first.x0 == pytest.approx(30, abs=3)  # 60 px at 2 px per point
    assert 30 <= first.top <= 60 and first.bottom <= 70
    assert first.x1 < words[1].x0 < words[2].x0


def test_tesseract_runs_single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str | None] = []

    def fake_image_to_data(image: Image.Image, **kwargs: object) -> dict[str, list[object]]:
        seen.append(os.environ.get("OMP_THREAD_LIMIT"))
        return {"text": [], "conf": [], "left": [], "top": [], "width": [], "height": []}

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setattr(pytesseract, "image_to_data", fake_image_to_data)
    assert ocr_image(drawn_text("x"), scale=1.0) == []
    assert seen == ["1"]
    assert "OMP_THREAD_LIMIT" not in os.environ


def test_tesseract_failure_is_a_runtime_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(image: Image.Image, **kwargs: object) -> None:
        raise pytesseract.TesseractError(1, "broken")

    monkeypatch.setattr(pytesseract, "image_to_data", failing)
    with pytest.raises(RuntimeError, match="tesseract failed"):
        ocr_image(drawn_text("x"), scale=1.0)


def test_a_page_scanned_askew_keeps_each_clause_on_its_line() -> None:
    """An energy walk's scanned letter of intent, a little askew: "2." was cut off its
    clause and "... bond of 10 % of the" read under clause 1."""
    image = Image.new("L", (1700, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    lines = [
        "1. The Contractor shall start mobilisation within 10 days of this letter.",
        "2. The Contractor shall provide a performance bond of 10 % of the",
        "Contract Price within 28 days of the Letter of Intent.",
        "3. This letter is governed by the laws of Ireland.",
    ]
    for row, line in enumerate(lines):
        x = 100 if line[0].isdigit() else 140
        draw.text((x, 120 + 110 * row), line, fill=0, font=font)
    askew = image.rotate(0.8, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    scan = io.BytesIO()
    askew.save(scan, "PDF", resolution=200.0)
    document = read_document_bytes(scan.getvalue(), "letter-of-intent.pdf")
    statements = segment(document)
    assert [(s.clause, s.text) for s in statements] == [
        ("1", "The Contractor shall start mobilisation within 10 days of this letter."),
        (
            "2",
            "The Contractor shall provide a performance bond of 10 % of the Contract Price"
            " within 28 days of the Letter of Intent.",
        ),
        ("3", "This letter is governed by the laws of Ireland."),
    ]
