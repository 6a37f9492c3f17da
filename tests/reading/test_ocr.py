"""OCR with the real tesseract on an image we draw, plus the paths around it."""

from __future__ import annotations

import os

import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.reading import ocr
from extractor.reading.ocr import ocr_available, ocr_image


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
