"""OCR of scanned pages with tesseract: an image in, ``PageWord``s in PDF points out.

Only this module imports pytesseract. Tesseract runs with OMP_THREAD_LIMIT=1:
its OpenMP threads fight each other on small machines and make it several
times slower.
"""

from __future__ import annotations

import os
import shutil
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from extractor.reading.layout import PageWord

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["OCR_DPI", "ocr_available", "ocr_image", "ocr_pdf_page"]

OCR_DPI = 300
_MIN_CONFIDENCE = 30.0  # tesseract's 0-100 word confidence; below this it is mostly noise


def ocr_available() -> bool:
    """True when pytesseract imports and the tesseract binary is on PATH."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return shutil.which("tesseract") is not None


@contextmanager
def _single_thread() -> Iterator[None]:
    previous = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = previous


def ocr_image(image: Image, *, scale: float, language: str = "eng") -> list[PageWord]:
    """Words tesseract reads in ``image``, boxes divided by ``scale`` (pixels per point).

    Raises ``RuntimeError`` when tesseract fails; the caller turns that into a
    warning about the page.
    """
    import pytesseract

    with _single_thread():
        try:
            data = pytesseract.image_to_data(
                image, lang=language, output_type=pytesseract.Output.DICT
            )
        except (pytesseract.TesseractError, OSError) as error:
            raise RuntimeError(f"tesseract failed: {error}") from error
    kept = [
        i
        for i, text in enumerate(data["text"])
        if text.strip() and float(data["conf"][i]) >= _MIN_CONFIDENCE
    ]
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i in kept:
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(i)
    words: list[PageWord] = []
    for members in lines.values():
        # a page scanned askew drifts a few points up or down along a line: each word
        # takes its tesseract line's height, or the layout cut "2." off its clause (an
        # energy walk's letter of intent read "... bond of 10 % of the" under clause 1)
        top = statistics.median(data["top"][i] for i in members) / scale
        bottom = statistics.median(data["top"][i] + data["height"][i] for i in members) / scale
        for i in members:
            left = data["left"][i] / scale
            right = left + data["width"][i] / scale
            words.append(PageWord(data["text"][i].strip(), left, top, right, bottom))
    return words


def ocr_pdf_page(data: bytes, index: int, *, password: str | None = None) -> list[PageWord]:
    """Render page ``index`` (0-based) of a PDF at ``OCR_DPI`` with pypdfium2 and OCR it."""
    import pypdfium2

    scale = OCR_DPI / 72
    document = pypdfium2.PdfDocument(data, password=password)
    try:
        page = document[index]
        try:
            image = page.render(scale=scale).to_pil()
        finally:
            page.close()
    finally:
        document.close()
    return ocr_image(image, scale=scale)
