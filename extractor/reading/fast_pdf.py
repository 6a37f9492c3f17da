"""Read a PDF into a Document with pypdfium2: the fast reader for batch runs over archives.

pdfplumber (``pdf.py``) stays the default reader and the reference; it costs
about 95 ms a page here. PDFium reads the text layer about a hundred times
faster and gives each character's box, so this module groups characters into
words itself (the way pdfplumber's ``extract_words`` does: a word ends at
whitespace, at a gap wider than ``_X_TOLERANCE``, at a jump of baseline or at
a change of font or size) and hands ``layout.PageWord``s to the same
backend-neutral code the pdfplumber reader uses: ``layout`` orders lines and
removes furniture, ``paged_blocks`` builds the Blocks, ``ocr`` reads scans.

Ruled tables: on a page whose vector paths could form a grid,
``fast_pdf_tables`` turns PDFium's paths into the edges pdfplumber would see
and runs pdfplumber's own table finder on them, so tables come out as the
reference reads them without parsing the page a second time.

Only this module touches pypdfium2's text API. Coordinates become PDF points
with the origin at the top left of the crop box, as pdfplumber gives them.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import math
import re
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c

from extractor.errors import (
    CorruptDocument,
    EncryptedDocument,
    ExtractorError,
    TooLarge,
)
from extractor.reading.fast_pdf_tables import may_have_table, page_paths, plain_call, read_tables
from extractor.reading.layout import PageWord

# The pdfplumber reader's page assembly is shared on purpose: the fast reader
# must build pages, furniture and tables exactly as the reference does.
from extractor.reading.pdf import (
    _BOLD_FONT,
    _DINGBAT_FONT,
    _METADATA_KEYS,
    _SYMBOL_BULLETS,
    MAX_PAGE_CHARACTERS,
    _build_pages,
    _join_split_words,
    _RawPage,
    _read_bytes,
    check_pages,
    is_diagonal,
    note_scan,
    page_word,
    soft_hyphens,
    turned_page_words,
)
from extractor.reading.pdf_damage import (
    damaged_page_reason,
    unopenable_reason,
    unreadable_reason,
)
from extractor.reading.turned_text import rotated_direction, turn_box, words_read_level
from extractor.types import Document

__all__ = ["read_pdf_fast"]

_X_TOLERANCE = 3.0  # points; pdfplumber's default gap that still joins two characters
_Y_TOLERANCE = 3.0
_LIGATURES = {
    "ﬀ": "ff",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬆ": "st",
    "ﬅ": "st",
    "\ufffe": "-",  # PDFium's mark for a hyphen it judged to break a word at a line end
}
_PDFIUM_PASSWORD_ERROR = 4
_FONT_NAME_BYTES = 256
# a run of characters between PDFium's spaces (and between unpaired surrogates it cannot map)
_RUN = re.compile(r"[^\s\x00\ud800-\udfff]+")
_DEFAULT_DESCENT = -0.2  # of the font size, when the font gives none


def read_pdf_fast(
    path: str, *, password: str | None = None, max_pages: int | None = None, ocr: bool = True
) -> Document:
    """Read ``path`` like ``pdf.read_pdf`` does, with PDFium instead of pdfplumber.

    Same Document shape and the same errors: ``UnsupportedFormat``,
    ``CorruptDocument``, ``EncryptedDocument``, ``TooLarge``, ``NoTextLayer``
    and ``EmptyDocument``.
    """
    data = _read_bytes(path)
    warnings: list[str] = []
    with _open(path, data, password) as pdf:
        count = len(pdf)
        if max_pages is not None and count > max_pages:
            raise TooLarge(path, f"{count} pages, more than the limit of {max_pages}")
        metadata = {
            key: value
            for key, value in pdf.get_metadata_dict().items()
            if key in _METADATA_KEYS and isinstance(value, str) and value.strip()
        }
        with _collector_paused():
            raw_pages = [_read_page(path, pdf, index) for index in range(count)]
    check_pages(path, data, password, raw_pages, ocr, MAX_PAGE_CHARACTERS, warnings)
    with _collector_paused():
        pages = tuple(_build_pages(raw_pages))
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="pdf",
        pages=pages,
        metadata=metadata,
        warnings=tuple(warnings),
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while words, lines and blocks are made.

    A 50-page contract makes some hundred thousand small objects (words,
    boxes, lines), none of them in reference cycles; the collector walked
    them again and again and cost about a tenth of the read. It is switched
    back on afterwards unless someone else had switched it off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- opening ---------------------------------------------------------------


@contextmanager
def _open(path: str, data: bytes, password: str | None) -> Iterator[Any]:
    """PDFium's document, its errors turned into ours; always closed."""
    try:
        pdf = pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError as error:
        if error.err_code == _PDFIUM_PASSWORD_ERROR:
            reason = "wrong password" if password else "password protected; give a password"
            raise EncryptedDocument(path, reason) from None
        raise CorruptDocument(path, unopenable_reason(data, error)) from None
    try:
        yield pdf
    except ExtractorError:
        raise
    except Exception as error:
        raise CorruptDocument(path, unreadable_reason(error)) from None
    finally:
        pdf.close()


# --- one page --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where the crop box sits, to turn PDF user space into top-left points."""

    left: float
    top: float


def _read_page(path: str, pdf: Any, index: int) -> _RawPage:
    try:
        page = pdf[index]
    except Exception as error:
        raise CorruptDocument(path, damaged_page_reason(index + 1, error)) from None
    try:
        left, bottom, right, top = page.get_bbox()
        frame = _Frame(float(left), float(top))
        raw = _RawPage(index + 1, float(right - left), float(top - bottom))
        area = raw.width * raw.height
        rotation = page.get_rotation()
        textpage = page.get_textpage()
        try:
            characters = textpage.count_chars()
            if characters > MAX_PAGE_CHARACTERS:
                raw.characters_refused = characters
            else:
                words, raw.sideways = _words(textpage, frame)
                if rotation or (
                    raw.sideways and 2 * raw.sideways > sum(map(len, (w.text for w in words)))
                ):
                    words = _words_as_shown(textpage, frame, raw, rotation) or words
                raw.words = _join_split_words(words)
        finally:
            textpage.close()
        note_scan(raw, raw.words, lambda: _largest_image_share(page, area))
        if raw.words and not rotation and not raw.turn:
            paths = page_paths(page)
            if may_have_table(paths):
                raw.tables, raw.words = read_tables(paths, raw, frame.left, frame.top)
        return raw
    except ExtractorError:
        raise
    except Exception as error:
        raise CorruptDocument(path, damaged_page_reason(index + 1, error)) from None
    finally:
        page.close()


def _words(textpage: Any, frame: _Frame) -> tuple[list[PageWord], int]:
    """Characters grouped into words as pdfplumber's ``extract_words`` groups them.

    PDFium gives the text with a space wherever it sees a word gap, so each
    run of non-space characters is a word candidate; reading the boxes of only
    its first and last characters is what makes this reader fast. A run whose
    ends belong to different text objects (a font change inside, maybe) or do not
    sit on one baseline in order is read character by character.
    """
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    if count <= 0:
        return [], 0
    text = _page_text(handle, count)
    reader = _CharReader(handle, frame)
    # the per-word path, inlined: two boxes, one text object, one PageWord
    address, box, box_bytes = reader.address, reader.box_ref, reader.box_bytes
    objects, unpack = reader.objects, _RECT.unpack_from
    words: list[PageWord] = []
    append = words.append
    for match in _RUN.finditer(text):
        start, end = match.span()
        if _LOOSE_CHAR_BOX(address, start, box):
            x0, _, x1, box_bottom = unpack(box_bytes)
            obj = _TEXT_OBJECT(address, start)
            last = end - 1
            if last != start:
                # the last character: same text object, same baseline, not left of the first
                if not _LOOSE_CHAR_BOX(address, last, box):
                    words.extend(_words_of_run(reader.char, text, start, end))
                    continue
                last_x0, _, x1, last_bottom = unpack(box_bytes)
                if (
                    last_x0 < x0
                    or not -_Y_TOLERANCE <= last_bottom - box_bottom <= _Y_TOLERANCE
                    or _TEXT_OBJECT(address, last) != obj
                ):
                    words.extend(_words_of_run(reader.char, text, start, end))
                    continue
            known = objects.get(obj)
            if known is None:
                known = reader.read_object(obj, start, box_bottom)
            style, shift, left = known
            if style.turned:
                if style.diagonal:
                    continue  # a watermark across the page, not text
                reader.sideways += end - start
            bottom = shift - box_bottom
            word = match.group()
            if style.dingbats:
                word = "•"
            elif not word.isascii():
                word = _plain(word)
            append(
                PageWord(
                    word,
                    x0 - left,
                    bottom - style.size,
                    x1 - left,
                    bottom,
                    style.bold,
                    style.rounded_size,
                )
            )
        else:
            words.extend(_words_of_run(reader.char, text, start, end))
    return words, reader.sideways


def _words_as_shown(
    textpage: Any, frame: _Frame, raw: _RawPage, rotation: int
) -> list[PageWord] | None:
    """The words of a page turned by /Rotate or set sideways, as the pdfplumber reader
    finds them: on the page as shown (PDFium's boxes ignore /Rotate), turned so that
    most of its text runs level. None when the page holds no such text.

    Rare, so read character by character: a box and a matrix each.
    """
    chars = _shown_characters(textpage, frame, raw, rotation)
    if rotation % 180:
        raw.width, raw.height = raw.height, raw.width
    found = turned_page_words(chars, raw)
    if found is None and rotation:
        level = words_read_level(chars, raw.width, raw.height, 0)
        found, raw.sideways = level.words, level.sideways
    if found is None:
        return None
    return [page_word(word) for word in found]


def _shown_characters(
    textpage: Any, frame: _Frame, raw: _RawPage, rotation: int
) -> list[dict[str, Any]]:
    """Each character's box and baseline direction on the page as /Rotate shows it."""
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    text = _page_text(handle, count) if count > 0 else ""
    reader = _CharReader(handle, frame)
    matrix = pdfium_c.FS_MATRIX()
    chars: list[dict[str, Any]] = []
    for index, char in enumerate(text):
        # spaces are kept: they part words, as pdfplumber's extractor parts them
        if not _LOOSE_CHAR_BOX(reader.address, index, reader.box_ref):
            continue
        left, top, right, bottom = _RECT.unpack_from(reader.box_bytes)
        _CHAR_MATRIX(reader.address, index, ctypes.byref(matrix))
        if is_diagonal(matrix.a, matrix.b):
            continue  # a watermark across the page, not text
        obj = _TEXT_OBJECT(reader.address, index)
        known = reader.objects.get(obj) or reader.read_object(obj, index, bottom)
        style = known[0]
        x0, shown_top, x1, shown_bottom = turn_box(
            (left - frame.left, frame.top - top, right - frame.left, frame.top - bottom),
            rotation,
            raw.width,
            raw.height,
        )
        a, b = rotated_direction(matrix.a, matrix.b, rotation)
        chars.append(
            {
                "text": char,
                "x0": x0,
                "top": shown_top,
                "x1": x1,
                "bottom": shown_bottom,
                "a": a,
                "b": b,
                "fontname": style.font,
                "size": style.size,
            }
        )
    return chars


def _page_text(handle: Any, count: int) -> str:
    """The text page's characters, one Python character per PDFium index."""
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(handle, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "surrogatepass")
    if len(text) != count:  # a surrogate pair became one character: keep PDFium's indices
        text = "".join(map(chr, buffer[:count]))
    return text


def _words_of_run(
    char: Callable[[int], _Char | None], text: str, start: int, end: int
) -> Iterator[PageWord]:
    """One run read character by character, split where pdfplumber would split it."""
    chars: list[str] = []
    current: _Char | None = None
    x1 = 0.0
    for index in range(start, end):
        found = char(index)
        if found is None or found[4].diagonal:
            continue
        if current is not None and (
            found[4] is not current[4]
            or found[0] - x1 > _X_TOLERANCE
            or found[0] < current[0] - _X_TOLERANCE
            or abs(found[1] - current[1]) > _Y_TOLERANCE
        ):
            yield _word("".join(chars), current, x1)
            chars, current = [], None
        if current is None:
            current = found
        x1 = max(x1, found[2]) if chars else found[2]
        chars.append(text[index])
    if current is not None:
        yield _word("".join(chars), current, x1)


# One character's box in top-left points (x0, top, x1, bottom), the style of
# its text object and that object's address. A plain tuple: the reader makes
# two for most words, and a tuple costs the least to make and to read.
_Char = tuple[float, float, float, float, "_Style", int | None]


# PDFium's functions called with their arguments as given (plain addresses and
# byref boxes): ctypes then skips the argument checks of pypdfium2's bindings,
# which cost more than the call itself on the per-character path.
_LOOSE_CHAR_BOX = plain_call(pdfium_c.FPDFText_GetLooseCharBox)
_TEXT_OBJECT = plain_call(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_CHAR_ORIGIN = plain_call(pdfium_c.FPDFText_GetCharOrigin)
_CHAR_MATRIX = plain_call(pdfium_c.FPDFText_GetMatrix)
_FONT_SIZE = plain_call(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_OBJECT_FONT = plain_call(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_FONT_DESCENT = plain_call(pdfium_c.FPDFFont_GetDescent)
_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom


class _CharReader:
    """Reads character boxes from a PDFium text page.

    The style, and how far the baseline sits above the bottom of PDFium's
    loose box, are read once per text object: after that a character costs
    two calls into PDFium.
    """

    def __init__(self, handle: Any, frame: _Frame) -> None:
        self._handle = handle
        self.address = ctypes.c_void_p(ctypes.cast(handle, ctypes.c_void_p).value)
        self._frame = frame
        self._box = pdfium_c.FS_RECTF()
        self.box_ref = ctypes.byref(self._box)
        self.box_bytes = memoryview(self._box).cast("B")
        self.objects: dict[int | None, tuple[_Style, float, float]] = {}
        self._distinct: dict[_Style, _Style] = {}
        self._fonts: dict[int, tuple[str, float]] = {}
        self.sideways = 0  # characters turned by a right angle, read one by one

    def char(self, index: int) -> _Char | None:
        if not _LOOSE_CHAR_BOX(self.address, index, self.box_ref):
            return None
        left, _, right, box_bottom = _RECT.unpack_from(self.box_bytes)
        obj = _TEXT_OBJECT(self.address, index)
        known = self.objects.get(obj)
        if known is None:
            known = self.read_object(obj, index, box_bottom)
        style, shift, frame_left = known
        if style.sideways:
            self.sideways += 1
        # pdfminer's box: from the descent below the baseline, one font size high
        bottom = shift - box_bottom
        return (left - frame_left, bottom - style.size, right - frame_left, bottom, style, obj)

    def read_object(
        self, obj: int | None, index: int, box_bottom: float
    ) -> tuple[_Style, float, float]:
        """The style of text object ``obj`` (drawing character ``index``), read once.

        With it come what turns a box bottom into a top-left bottom (its
        baseline's offset) and the frame's left edge.
        """
        x, y = ctypes.c_double(), ctypes.c_double()
        if not _CHAR_ORIGIN(self.address, index, ctypes.byref(x), ctypes.byref(y)):
            y.value = box_bottom
        # equal styles are one object, so a word split over text objects stays one word
        fresh = _style(self._handle, self.address, index, obj, self._fonts)
        style = self._distinct.setdefault(fresh, fresh)
        baseline_above_box = y.value - box_bottom
        shift = self._frame.top - baseline_above_box - style.descent
        known = self.objects[obj] = (style, shift, self._frame.left)
        return known


@dataclass(frozen=True, slots=True)
class _Style:
    """What a text object's characters share: boldness, size on the page, descent in points."""

    bold: bool
    size: float
    descent: float
    font: str = ""
    rounded_size: float = 0.0  # the size a PageWord carries, as the pdfplumber reader rounds it
    dingbats: bool = False  # a font of pictures: its words read as a bullet
    diagonal: bool = False  # turned off the page's axes: a watermark, left out
    sideways: bool = False  # turned by a right angle: read as scattered letters
    turned: bool = False  # diagonal or sideways: the one check on the per-word path


def _plain(text: str) -> str:
    """Ligatures spelt out and symbol bullets mapped as the pdfplumber reader maps them."""
    text = "".join(_LIGATURES.get(char, char) for char in text).translate(_SYMBOL_BULLETS)
    return soft_hyphens(text) if "\u00ad" in text else text


def _word(text: str, first: _Char, x1: float) -> PageWord:
    x0, top, _, bottom, style, _ = first
    if style.dingbats:
        text = "•"
    elif not text.isascii():
        text = _plain(text)
    return PageWord(text, x0, top, x1, bottom, bold=style.bold, size=style.rounded_size)


def _style(
    textpage: Any,
    address: ctypes.c_void_p,
    index: int,
    text_object: int | None,
    fonts: dict[int, tuple[str, float]],
) -> _Style:
    """The style of ``text_object``, which draws character ``index``; read once per object.

    Name and descent belong to the font and are read once per font (``fonts``).
    """
    matrix = pdfium_c.FS_MATRIX()
    _CHAR_MATRIX(address, index, ctypes.byref(matrix))
    scale = math.hypot(matrix.c, matrix.d) or 1.0
    size = float(_FONT_SIZE(address, index)) * scale
    font_address = (_OBJECT_FONT(ctypes.c_void_p(text_object)) or 0) if text_object else 0
    known = fonts.get(font_address)
    if known is None:
        known = fonts[font_address] = _font(textpage, index, font_address)
    font, descent = known
    bold = bool(_BOLD_FONT.search(font))
    dingbats = bool(_DINGBAT_FONT.search(font))
    diagonal = is_diagonal(matrix.a, matrix.b)
    sideways = not diagonal and abs(matrix.b) > abs(matrix.a)
    return _Style(
        bold,
        size,
        descent * size,
        f"{font}/{size:.1f}",
        round(size, 1),
        dingbats,
        diagonal,
        sideways,
        diagonal or sideways,
    )


def _font(textpage: Any, index: int, font_address: int) -> tuple[str, float]:
    """A font's name and its descent as a share of the font size."""
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name, _FONT_NAME_BYTES, ctypes.byref(flags))
    descent = ctypes.c_float()
    if not font_address or not _FONT_DESCENT(
        ctypes.c_void_p(font_address), ctypes.c_float(1.0), ctypes.byref(descent)
    ):
        descent.value = _DEFAULT_DESCENT
    return name.value.decode("utf-8", "replace"), descent.value


def _largest_image_share(page: Any, area: float) -> float:
    """The share of the page the largest image covers."""
    largest = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = image.get_bounds()
        largest = max(largest, (right - left) * (top - bottom))
    return largest / area if area else 0.0
