"""OCR of scanned pages with tesseract: an image in, ``PageWord``s in PDF points out.

Only this module imports pytesseract. Tesseract runs with OMP_THREAD_LIMIT=1:
its OpenMP threads fight each other on small machines and make it several
times slower.
"""

from __future__ import annotations

import os
import re
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
    data = _tesseract(image, language, "")
    lines = _lines(data)
    words: list[PageWord] = []
    for line in lines:
        for i in line.members:
            left = data["left"][i] / scale
            right = left + data["width"][i] / scale
            words.append(
                PageWord(
                    data["text"][i].strip(), left, line.top / scale, right, line.bottom / scale
                )
            )
    words += _margin_numbers(image, data, lines, scale, language)
    return words


class _Line:
    """One tesseract line: its words (indices into its data) and its height in pixels.

    A page scanned askew drifts a few points up or down along a line: each word
    takes its line's median height, or the layout cut "2." off its clause (an
    energy walk's letter of intent read "... bond of 10 % of the" under clause 1).
    """

    def __init__(self, data: dict[str, list], members: list[int]) -> None:
        self.members = members
        self.left = min(data["left"][i] for i in members)
        self.top = statistics.median(data["top"][i] for i in members)
        self.bottom = statistics.median(data["top"][i] + data["height"][i] for i in members)


def _tesseract(image: Image, language: str, config: str) -> dict[str, list]:
    import pytesseract

    with _single_thread():
        try:
            return pytesseract.image_to_data(
                image, lang=language, config=config, output_type=pytesseract.Output.DICT
            )
        except (pytesseract.TesseractError, OSError) as error:
            raise RuntimeError(f"tesseract failed: {error}") from error


def _lines(data: dict[str, list]) -> list[_Line]:
    kept = [
        i
        for i, text in enumerate(data["text"])
        if text.strip() and float(data["conf"][i]) >= _MIN_CONFIDENCE
    ]
    grouped: dict[tuple[int, int, int], list[int]] = {}
    for i in kept:
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        grouped.setdefault(key, []).append(i)
    return [_Line(data, members) for members in grouped.values()]


# a clause number as it hangs in a margin: "5.1", "5.", "12.3.4", "(b)", "A.2"; tesseract
# reads a scanned full stop as a comma or colon now and then ("5,2", "5:5")
_MARGIN_NUMBER = re.compile(
    r"\d{1,3}(?:[.,:]\d{1,3}){1,3}\.?|\d{1,3}\.|\([a-z]{1,3}\)|[A-Z]\.\d{1,2}(?:\.\d{1,2})*"
)
_MISREAD_POINT = re.compile(r"(?<=\d)[,:](?=\d)")


def _margin_numbers(
    image: Image, data: dict[str, list], lines: list[_Line], scale: float, language: str
) -> list[PageWord]:
    """Clause numbers hanging in the margin that the page's reading missed.

    Tesseract's page layout often drops a short number standing apart from its
    text: a browser-printed agreement, scanned, lost "5.1", "5.2", "5.3", "5.9"
    and the section numbers "5." and "6." (8 of 16) while it read "5.4" to "5.8".
    The strip left of the text column, read again as one block, finds them; each
    joins the line of text it stands beside, and only a number-shaped word where
    that line has none is added, so nothing read before changes.
    """
    starts = sorted(line.left for line in lines if len(line.members) >= 3)
    if len(starts) < 3:
        return []
    body_left = statistics.median(starts)
    heights = [line.bottom - line.top for line in lines]
    gap = statistics.median(heights) / 2
    if body_left - gap < 2 * gap:
        return []
    body = [line for line in lines if line.left >= body_left - gap]
    numbered = [line for line in lines if line.left < body_left - gap]
    strip = image.crop((0, 0, int(body_left - gap), image.height))
    found = _tesseract(strip, language, "--psm 6")
    words: list[PageWord] = []
    for i, text in enumerate(found["text"]):
        text = text.strip()
        if float(found["conf"][i]) < _MIN_CONFIDENCE or not _MARGIN_NUMBER.fullmatch(text):
            continue
        middle = found["top"][i] + found["height"][i] / 2
        beside = [line for line in body if line.top <= middle <= line.bottom]
        if len(beside) != 1 or any(other.top <= middle <= other.bottom for other in numbered):
            continue
        line = beside[0]
        left = found["left"][i] / scale
        words.append(
            PageWord(
                _MISREAD_POINT.sub(".", text),
                left,
                line.top / scale,
                left + found["width"][i] / scale,
                line.bottom / scale,
            )
        )
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
