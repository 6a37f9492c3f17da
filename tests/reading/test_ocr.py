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


def test_clause_numbers_hanging_in_the_margin_are_all_read() -> None:
    """A browser-printed agreement, scanned: tesseract's page layout dropped some
    numbers standing apart from their text ("5.1" to "5.3", "5.9", "6.1"), so their
    clauses came out unnumbered. Here it drops "5.4"; the margin is read again."""
    image = Image.new("L", (2480, 1800), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=34)
    rows = [
        ("5.", "DELIVERY, PACKING AND RISK"),
        (
            "5.1",
            "Unless the Order states otherwise, the Supplier shall deliver the Products DAP to",
        ),
        ("", "the Delivery Point between 07:30 and 15:30 on a Business Day."),
        ("5.2", "Time of delivery is of the essence of each Order."),
        (
            "5.3",
            "Each consignment shall be accompanied by a delivery note stating the Order number,",
        ),
        ("", "the Customer's item codes and the quantity delivered."),
        ("5.4", "Wooden crates and pallets shall be heat-treated and marked to ISPM 15."),
        ("5.5", "Risk in the Products passes to the Customer on delivery."),
        ("6.", "DOCUMENTATION"),
        ("6.1", "The Supplier shall provide the Documentation listed in Schedule 2 in English."),
    ]
    top = 150
    for number, text in rows:
        if number:
            draw.text((280, top), number, fill=0, font=font)
        draw.text((420, top), text, fill=0, font=font)
        top += 120 if len(number) == 2 else 80
    askew = image.rotate(0.3, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    scan = io.BytesIO()
    askew.save(scan, "PDF", resolution=300.0)
    statements = segment(read_document_bytes(scan.getvalue(), "scanned-terms.pdf"))
    assert [s.clause for s in statements] == ["5.1", "5.2", "5.3", "5.4", "5.5", "6.1"]
    assert statements[3].text == (
        "Wooden crates and pallets shall be heat-treated and marked to ISPM 15."
    )


def test_a_page_without_a_margin_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = pytesseract.image_to_data

    def counting(image: Image.Image, **kwargs: object) -> object:
        calls.append(str(kwargs.get("config", "")))
        return real(image, **kwargs)

    monkeypatch.setattr(pytesseract, "image_to_data", counting)
    words = ocr_image(drawn_text("Deliver the pumps"), scale=2.0)
    assert [w.text for w in words] == ["Deliver", "the", "pumps"]
    assert calls == [""]
