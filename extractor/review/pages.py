"""Draw a PDF page with a statement's boxes marked, for the reviewer to check it at its source.

Rendering the page is the slow part, so it is separate from marking: the app
caches ``render_page`` per document hash and page, and ``highlight`` (PIL only)
draws each candidate's boxes on a copy. pdfplumber objects stay in this module.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import CorruptDocument, EncryptedDocument

POINTS_PER_INCH = 72
DEFAULT_RESOLUTION = 100
HIGHLIGHT_FILL = (255, 214, 0, 90)
HIGHLIGHT_OUTLINE = (214, 40, 40, 255)
CLOSE_UP_CONTEXT = 30  # points of the page kept above and below the statement (two lines)
INK_LEVEL = 128  # grey darker than this is print; a light watermark is not
INK_MARGIN = 6  # points of paper kept left of the text's left edge


@dataclass(frozen=True, slots=True)
class PageImage:
    """A rendered page as PNG bytes, and pixels per PDF point (to place boxes on it)."""

    png: bytes
    scale: float
    width: int
    height: int


def render_page(
    path: Path,
    page_number: int,
    resolution: int = DEFAULT_RESOLUTION,
    password: str | None = None,
) -> PageImage:
    """Page ``page_number`` (1-based) of the PDF at ``path`` as a PNG (``password`` for a
    protected one)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path, password=password or "") as pdf:
            if not 1 <= page_number <= len(pdf.pages):
                raise CorruptDocument(
                    str(path), f"has no page {page_number} (it has {len(pdf.pages)})"
                )
            picture = pdf.pages[page_number - 1].to_image(resolution=resolution)
            image = picture.original.convert("RGB")
    except PdfminerException as error:
        if isinstance(error.args[0] if error.args else None, PDFPasswordIncorrect):
            reason = "wrong password" if password else "password protected; give its password"
            raise EncryptedDocument(str(path), reason) from None
        raise CorruptDocument(str(path), f"cannot draw page {page_number} ({error})") from None
    except (PDFSyntaxError, OSError, ValueError) as error:
        raise CorruptDocument(str(path), f"cannot draw page {page_number} ({error})") from None
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return PageImage(buffer.getvalue(), resolution / POINTS_PER_INCH, image.width, image.height)


def highlight(page: PageImage, boxes: Iterable[Mapping[str, Any]], page_number: int) -> bytes:
    """The page PNG with the boxes that lie on ``page_number`` filled and outlined."""
    from PIL import Image, ImageDraw

    base = Image.open(io.BytesIO(page.png)).convert("RGBA")
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for box in boxes:
        if int(box.get("page", page_number)) != page_number:
            continue
        rectangle = [
            float(box["x0"]) * page.scale - 2,
            float(box["top"]) * page.scale - 2,
            float(box["x1"]) * page.scale + 2,
            float(box["bottom"]) * page.scale + 2,
        ]
        draw.rectangle(rectangle, fill=HIGHLIGHT_FILL, outline=HIGHLIGHT_OUTLINE, width=2)
    marked = Image.alpha_composite(base, layer).convert("RGB")
    buffer = io.BytesIO()
    marked.save(buffer, format="PNG")
    return buffer.getvalue()


def close_up(
    marked_png: bytes,
    page: PageImage,
    boxes: Iterable[Mapping[str, Any]],
    page_number: int,
    context: float = CLOSE_UP_CONTEXT,
) -> bytes | None:
    """The marked page cut to the statement and a line or two around it, at full size.

    A whole page drawn beside the statement is too small to read; the close-up
    lets a reviewer read the statement at its source, with what stands around
    it. None when no box lies on ``page_number``.
    """
    from PIL import Image

    on_page = [box for box in boxes if int(box.get("page", page_number)) == page_number]
    if not on_page:
        return None
    image = Image.open(io.BytesIO(marked_png))
    turn = reading_turn(on_page)
    runs = [on_page] if turn else column_runs(on_page)
    crops = []
    for run in runs:
        area = close_up_area(image, page, run, context)
        if area is not None:
            crops.append(image.crop(area))
    if not crops:
        return None
    crop = crops[0] if len(crops) == 1 else _stacked(crops)
    if turn:
        crop = crop.rotate(turn, expand=True)
    buffer = io.BytesIO()
    crop.save(buffer, format="PNG")
    return buffer.getvalue()


def column_runs(boxes: Sequence[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """The statement's boxes in runs of one column each, in reading order.

    A statement that runs from the foot of the left column to the head of the right
    one had one close-up spanning the whole page between them, its start too small to
    read (a pharmaceutical walk's order terms); each part is cut on its own now.
    """
    runs: list[list[Mapping[str, Any]]] = [[boxes[0]]]
    for before, box in itertools.pairwise(boxes):
        line = max(_height(before), 1.0)
        went_up = float(box["top"]) < float(before["top"]) - 2 * line
        went_right = float(box["x0"]) > float(before["x1"]) + 4 * line
        if went_up and went_right:
            runs.append([])
        runs[-1].append(box)
    return runs


def _stacked(crops: Sequence[Any]) -> Any:
    """Close-ups one above the other, a thin rule between them."""
    from PIL import Image, ImageDraw

    gap = 6
    width = max(crop.width for crop in crops)
    height = sum(crop.height for crop in crops) + gap * (len(crops) - 1)
    sheet = Image.new(crops[0].mode, (width, height), "white")
    draw = ImageDraw.Draw(sheet)
    top = 0
    for n, crop in enumerate(crops):
        if n:
            draw.line([(0, top - gap // 2), (width, top - gap // 2)], fill="gray", width=1)
        sheet.paste(crop, (0, top))
        top += crop.height + gap
    return sheet


def close_up_area(
    image: Any, page: PageImage, boxes: Sequence[Mapping[str, Any]], context: float
) -> tuple[int, int, int, int] | None:
    """The close-up's box in the page image's pixels (left, top, right, bottom), or None.

    The statement's boxes start at its text, not at its clause number, which a
    hanging indent sets up to 30 mm further left ("3.1.2.2" had shown as
    ".2.2"): the box reaches left to the page's print on the close-up's lines
    (``_print_left``), and at least 2 * ``context`` points.
    """
    left = min(float(box["x0"]) for box in boxes) - 2 * context
    right = max(float(box["x1"]) for box in boxes) + context / 2
    top = min(float(box["top"]) for box in boxes) - context
    bottom = max(float(box["bottom"]) for box in boxes) + context
    area = (
        max(0, int(left * page.scale)),
        max(0, int(top * page.scale)),
        min(image.width, int(right * page.scale) + 1),
        min(image.height, int(bottom * page.scale) + 1),
    )
    if area[2] <= area[0] or area[3] <= area[1]:
        return None
    if reading_turn(boxes):
        return area  # its lines run up or down the page: left is not where they start
    printed = _print_left(image, area)
    if printed is not None:
        area = (max(0, min(area[0], printed - int(INK_MARGIN * page.scale))), *area[1:])
    return area


def _print_left(image: Any, area: tuple[int, int, int, int]) -> int | None:
    """The leftmost printed pixel left of ``area`` on its rows: a clause number, the
    text's margin (or, on a two-column page, the left column)."""
    if area[0] <= 0:
        return None
    band = image.crop((0, area[1], area[0], area[3])).convert("L")
    ink = band.point(lambda level: 255 if level < INK_LEVEL else 0).getbbox()
    return None if ink is None else int(ink[0])


def reading_turn(boxes: Sequence[Mapping[str, Any]]) -> int:
    """How far to turn a close-up (degrees counter-clockwise) so that its text reads level.

    A statement on a page set sideways, or turned by /Rotate, runs up or down
    the page: its close-up was a tall strip to be read with the head on one
    side. Its words' boxes are taller than wide, and follow each other down
    (turn 90) or up (turn -90) the page.
    """
    if len(boxes) < 2:
        return 0
    tall = [box for box in boxes if _height(box) > 2 * _width(box)]
    if 2 * len(tall) <= len(boxes):
        return 0
    first, second = tall[0], tall[1]
    if abs(float(first["x0"]) - float(second["x0"])) > min(_width(first), _width(second)):
        return 0  # the first two words are on different lines: no direction to read
    return 90 if float(second["top"]) > float(first["top"]) else -90


def _height(box: Mapping[str, Any]) -> float:
    return float(box["bottom"]) - float(box["top"])


def _width(box: Mapping[str, Any]) -> float:
    return float(box["x1"]) - float(box["x0"])
