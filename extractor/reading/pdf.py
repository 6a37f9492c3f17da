"""Read a PDF into a Document with pdfplumber: words, tables, OCR of scanned pages.

Only this module touches pdfplumber. Per page it calls ``extract_words`` once
(and ``find_tables`` only where ruling lines make a table possible), turns the
words into ``layout.PageWord``s and leaves the rest to plain Python:
``layout`` orders lines and removes page furniture, ``paged_blocks`` builds
the Blocks, ``ocr`` reads pages that have no text layer.

Tables: only ruled tables (found by ``find_tables`` on pages with enough
ruling lines) with at least two rows and two columns become ``table_row``
blocks; a one-column frame or a boxed paragraph (EDGAR filings box whole
sections) is read as ordinary text. A table whose first row is not a header
borrows the headers of the previous table when the column count matches (a
table continued on the next page), else its rows render without headers.
Known limits: only two-column layouts are handled; a paragraph running on
to the next page becomes two blocks (Blocks belong to one page).
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extractor.errors import (
    CorruptDocument,
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    ExtractorError,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
    error_detail,
)
from extractor.reading import ocr as ocr_engine
from extractor.reading.layout import (
    Line,
    PageWord,
    Rule,
    body_size,
    drop_line_numbers,
    enough_rules_for_grid,
    group_lines,
    order_lines,
    remove_furniture,
)
from extractor.reading.paged_blocks import (
    build_blocks,
    cell_text,
    english_words,
    line_pitch,
    table_row_block,
)
from extractor.reading.pdf_damage import (
    damaged_page_reason,
    damaged_streams_reason,
    damaged_streams_warning,
    undecodable_streams,
    unopenable_reason,
    unreadable_reason,
)
from extractor.reading.table_cells import cell_words
from extractor.reading.tables import (
    HEADER_WORDS,
    is_clause_table,
    keeps_second_header,
    stacked_headers,
)
from extractor.reading.turned_text import page_turn, unturn_box, words_read_level
from extractor.types import Block, Box, Document, Page

__all__ = ["read_pdf"]

_BOLD_FONT = re.compile(r"bold|black|heavy|demi|semibold|,b\b|-b\b", re.IGNORECASE)
# Symbol and Wingdings bullets arrive as private-use characters; the segmenter knows "•"
# Fonts of pictures, not letters: Wingdings' "þ" is a ticked box, "§" a square bullet.
_DINGBAT_FONT = re.compile(r"wingdings|webdings|dingbats", re.IGNORECASE)
_SYMBOL_BULLETS = str.maketrans(dict.fromkeys("\uf0b7\uf0a7\uf06e\uf076\uf0d8\uf0fc", "•"))
_SOFT_HYPHEN = "\u00ad"
_WORD_PUNCTUATION = ".,;:!?()[]{}'\"“”‘’"
_SCANNED_MAX_CHARS = 20  # a page with fewer characters than this and a big image is a scan
_SCANNED_MIN_IMAGE_SHARE = 0.25  # ... where the image covers this share of the page
# A scan with a few lines stamped over it (a running header, a footer, a Bates number)
# is a scan too: an image over most of the page, under this many characters of text,
# all of it in the top or bottom band of the page, where no body text is.
_STAMPED_MIN_IMAGE_SHARE = 0.6
_STAMPED_MAX_CHARS = 400
_STAMP_BAND = 0.12  # top and bottom share of the page height
# text turned further than 10 degrees off the page's axes (sin 10° = 0.17) is a watermark
# or a stamp drawn across the body ("DRAFT" at 45°), never a line of the text
_DIAGONAL_SINE = 0.17
# characters turned by a right angle, read as scattered letters: a page with this many,
# and this share of its characters, warns
_SIDEWAYS_MIN_CHARS = 40
_SIDEWAYS_MIN_SHARE = 0.25
_METADATA_KEYS = ("Title", "Author", "Subject", "Creator", "Producer", "CreationDate")


@dataclass
class _Table:
    top: float
    rows: list[list[list[PageWord]]]  # rows -> cells -> words
    # per cell: "left" when the cell to its left spans it, "above" when the cell above
    # does (merged down), else "" (``_covered``)
    covered: list[list[str]] = field(default_factory=list)


@dataclass
class _RawPage:
    number: int
    width: float
    height: float
    words: list[PageWord] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    scanned: bool = False
    stamped: bool = False  # a scan with text stamped over it: OCR adds to that text
    ocr: bool = False
    characters_refused: int = 0  # more characters than any page of text holds: not read
    sideways: int = 0  # characters turned by a right angle: read as scattered letters
    turn: int = 0  # degrees the page was turned clockwise so that its text runs level


def read_pdf(
    path: str, *, password: str | None = None, max_pages: int | None = None, ocr: bool = True
) -> Document:
    """Read ``path`` into a ``Document(kind="pdf")``: one Page per page, Blocks in reading order.

    Raises ``UnsupportedFormat`` (not a PDF), ``CorruptDocument`` (damaged),
    ``EncryptedDocument`` (no or wrong password), ``TooLarge`` (over
    ``max_pages``), ``NoTextLayer`` (only scanned pages and no OCR) and
    ``EmptyDocument`` (no text at all).
    """
    data = _read_bytes(path)
    warnings: list[str] = []
    with _open(path, data, password) as pdf:
        if max_pages is not None and len(pdf.pages) > max_pages:
            raise TooLarge(path, f"{len(pdf.pages)} pages, more than the limit of {max_pages}")
        metadata = {
            key: value
            for key, value in pdf.metadata.items()
            if key in _METADATA_KEYS and isinstance(value, str) and value.strip()
        }
        counts = _character_counts(data, password)
        raw_pages = [
            _refused_page(page, counts[index])
            if counts.get(index, 0) > MAX_PAGE_CHARACTERS
            else _guarded(path, _read_page, page)
            for index, page in enumerate(pdf.pages)
        ]
    check_pages(path, data, password, raw_pages, ocr, MAX_PAGE_CHARACTERS, warnings)
    pages = _build_pages(raw_pages)
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="pdf",
        pages=tuple(pages),
        metadata=metadata,
        warnings=tuple(warnings),
    )


# --- opening ---------------------------------------------------------------


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise DocumentError(path, f"cannot read the file ({error.strerror})") from error
    if b"%PDF-" not in data[:1024]:
        raise UnsupportedFormat(path, "not a PDF (no %PDF header)")
    return data


@contextmanager
def _open(path: str, data: bytes, password: str | None) -> Iterator[Any]:
    """pdfplumber's PDF, its errors turned into ours; always closed."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect):
            reason = "wrong password" if password else "password protected; give a password"
            raise EncryptedDocument(path, reason) from None
        if isinstance(cause, PDFEncryptionError):
            raise EncryptedDocument(path, f"unsupported encryption ({cause})") from None
        raise CorruptDocument(path, unopenable_reason(data, cause)) from None
    except Exception as error:  # pdfminer raises anything on damaged files
        raise CorruptDocument(path, unopenable_reason(data, error)) from None
    try:
        with pdf:
            yield pdf
    except ExtractorError:
        raise
    except Exception as error:
        raise CorruptDocument(path, unreadable_reason(error)) from None


def _guarded(path: str, read: Any, page: Any) -> _RawPage:
    """Read one page; a library error on a damaged page becomes CorruptDocument."""
    try:
        return read(page)
    except ExtractorError:
        raise
    except Exception as error:
        raise CorruptDocument(path, damaged_page_reason(page.page_number, error)) from None


def check_pages(
    path: str,
    data: bytes,
    password: str | None,
    raw_pages: list[_RawPage],
    ocr: bool,
    limit: int,
    warnings: list[str],
) -> None:
    """What both readers do with the pages read: OCR the scans, warn of sideways text,
    pages too dense to read and damaged streams, and refuse a file with no text."""
    _ocr_scanned_pages(path, data, password, raw_pages, ocr, warnings)
    _note_sideways_pages(raw_pages, warnings)
    _note_refused_pages(path, raw_pages, warnings, limit)
    _note_damaged_streams(path, data, raw_pages, warnings)
    if not any(raw.words or raw.tables for raw in raw_pages):
        if any(raw.scanned for raw in raw_pages):
            raise NoTextLayer(path, scanned_without_text(ocr))
        raise EmptyDocument(path, "the PDF holds no text")


# --- pages too dense to be text ----------------------------------------------

MAX_PAGE_CHARACTERS = 100_000
"""More than any page of text holds (a dense A4 page in 6 pt: about 20,000): a page of
a million one-letter text objects took 97 s and 2.3 GB in pdfplumber, 35 s and 1.1 GB
in PDFium, for nothing a reviewer could read."""


def _character_counts(data: bytes, password: str | None) -> dict[int, int]:
    """Characters on each page (by index) as PDFium counts them, before pdfplumber parses any.

    PDFium counts a page about fifty times faster than pdfplumber reads it, so
    a page no reader should parse is found for about 2% of the reading time.
    A file PDFium cannot open is left to pdfplumber's own errors: no counts.
    """
    counts: dict[int, int] = {}
    try:
        pdf = pypdfium2.PdfDocument(data, password=password)
    except Exception:
        return counts
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                counts[index] = textpage.count_chars()
                textpage.close()
            finally:
                page.close()
    except Exception:
        pass  # a damaged page: pdfplumber reads it or names the damage
    finally:
        pdf.close()
    return counts


def _refused_page(page: Any, characters: int) -> _RawPage:
    raw = _RawPage(page.page_number, float(page.width), float(page.height))
    raw.characters_refused = characters
    page.close()
    return raw


def _note_refused_pages(
    path: str, raw_pages: Sequence[_RawPage], warnings: list[str], limit: int
) -> None:
    """Warn of each page refused as too dense; refuse the file when nothing else was read."""
    refused = [raw for raw in raw_pages if raw.characters_refused]
    if not refused:
        return
    reasons = [
        f"page {raw.number} holds {raw.characters_refused:,} characters, more than"
        f" {limit:,}, which no page of text has; it was not read"
        for raw in refused
    ]
    if not any(raw.words or raw.tables for raw in raw_pages):
        raise TooLarge(path, reasons[0])
    warnings.extend(reasons)


def _note_sideways_pages(raw_pages: Sequence[_RawPage], warnings: list[str]) -> None:
    """Warn of each page whose text is mostly turned by a right angle.

    Neither reader turns such text back: a landscape table on a portrait page,
    or a page turned by /Rotate that one of the readers sees sideways, comes
    out as scattered letters ("C 4 4 4 S o . . t 2 1 ..."), which had passed
    without a word.
    """
    for raw in raw_pages:
        if raw.ocr or raw.sideways < _SIDEWAYS_MIN_CHARS:
            continue
        characters = sum(len(word.text) for word in raw.words) + sum(
            len(word.text)
            for table in raw.tables
            for row in table.rows
            for cell in row
            for word in cell
        )
        if raw.sideways >= _SIDEWAYS_MIN_SHARE * max(characters, 1):
            warnings.append(
                f"page {raw.number} has text set sideways ({raw.sideways:,} characters), which"
                " is read as scattered letters: its statements may be garbled"
            )


def _note_damaged_streams(
    path: str, data: bytes, raw_pages: Sequence[_RawPage], warnings: list[str]
) -> None:
    """Warn when compressed streams are damaged; a damaged file with no text is corrupt.

    Both libraries skip what they cannot decode without a word, so the text
    read can be a fraction of the document's and must not pass as the whole.
    """
    failed, checked = undecodable_streams(data)
    if not failed:
        return
    if not any(raw.words or raw.tables for raw in raw_pages):
        raise CorruptDocument(path, damaged_streams_reason(failed, checked))
    warnings.append(damaged_streams_warning(failed, checked))


# --- one page --------------------------------------------------------------


def _read_page(page: Any) -> _RawPage:
    """One page's words and ruled tables; the page's parsed objects are freed afterwards.

    pdfplumber keeps every character of a page as a dict (two dozen attributes
    each) until the page is closed; holding all pages' characters at once made
    the garbage collector walk hundreds of thousands of live objects again and
    again, which cost more than our own work on the words.
    """
    try:
        return _read_open_page(page)
    finally:
        page.close()


def _read_open_page(page: Any) -> _RawPage:
    raw = _RawPage(page.page_number, float(page.width), float(page.height))
    source, raw.sideways = _without_diagonal_text(page)
    found = None
    if 2 * raw.sideways > len(source.chars):  # most of its text runs up or down the page
        found = turned_page_words([_with_direction(char) for char in source.chars], raw)
    if found is None:
        found = source.extract_words(extra_attrs=["fontname", "size"], use_text_flow=False)
    words = _join_split_words([page_word(word) for word in found])
    note_scan(raw, words, lambda: _largest_image_share(page))
    if words and not raw.turn and _may_have_table(page):
        raw.tables, words = _extract_tables(page, words)
    raw.words = words
    return raw


def turned_page_words(chars: list[dict[str, Any]], raw: _RawPage) -> list[dict[str, Any]] | None:
    """The words of a page whose text runs up or down it, read turned level; ``raw``
    takes the turned page's size and what is still sideways. None when no right-angle
    turn makes most of the text level."""
    turn = page_turn(chars)
    if not turn:
        return None
    turned = words_read_level(chars, raw.width, raw.height, turn)
    raw.turn, raw.width, raw.height, raw.sideways = (
        turned.turn,
        turned.width,
        turned.height,
        turned.sideways,
    )
    return turned.words


def _with_direction(char: dict[str, Any]) -> dict[str, Any]:
    """A pdfplumber character as ``turned_text`` takes it: its baseline's direction,
    and its font size (pdfminer's ``size`` of a turned character is its advance)."""
    a, b = char["matrix"][:2]
    size = char["x1"] - char["x0"] if abs(b) > abs(a) else char["bottom"] - char["top"]
    return {**char, "a": a, "b": b, "size": size}


def page_word(word: dict[str, Any]) -> PageWord:
    """A pdfplumber word dict as the layout code's word."""
    fontname = word.get("fontname") or ""
    return PageWord(
        _word_text(word["text"], fontname),
        float(word["x0"]),
        float(word["top"]),
        float(word["x1"]),
        float(word["bottom"]),
        bold=_is_bold(fontname),
        size=round(float(word.get("size") or 0.0), 1),
    )


def is_diagonal(a: float, b: float) -> bool:
    """Does a baseline running along (a, b) lie more than 10 degrees off the page's axes?

    A watermark ("DRAFT" in 90 pt at 45°) drawn over the body is such text:
    read as words, its letters landed inside sentences ("The Supplier D
    shall ...") and, as tall words, merged lines of different clauses. Text
    turned by a right angle (a landscape table, a margin note) and italic
    (slanted, not turned) are not diagonal.
    """
    length = math.hypot(a, b)
    return length > 0 and min(abs(a), abs(b)) > _DIAGONAL_SINE * length


def _without_diagonal_text(page: Any) -> tuple[Any, int]:
    """The page without its diagonal characters (``is_diagonal``): a watermark is not text.

    And how many of the characters left are turned by a right angle (as pdfplumber
    sees the page, its /Rotate applied): they come out as scattered letters.
    """
    if not any(char["matrix"][1] for char in page.chars):
        return page, 0  # nothing turned at all: most pages, decided without a filter
    source = page.filter(
        lambda obj: obj.get("object_type") != "char" or not is_diagonal(*obj["matrix"][:2])
    )
    return source, sum(not char["upright"] for char in source.chars)


def _join_split_words(words: list[PageWord]) -> list[PageWord]:
    """Glue pieces of one word that ``extract_words`` split where the font changed.

    It splits a word where the font size or name changes, so text in small
    capitals (capitals and a smaller run) came out as "S YSTEM T ESTING",
    "BI -A NNUALLY", "MANUFACTURER ’ S", and an apostrophe or quote taken from
    another font as "Provider ’ s" or "“ Agreement ”". Pieces are joined when
    they touch (under half a point apart, or overlapping by kerning), sit on
    one baseline, and either change size holding no lower-case letter, or one
    of the two pieces is punctuation only; ordinary words never touch.
    """
    joined: list[PageWord] = []
    tail = None  # the last piece glued onto ``joined[-1]``
    for word in words:
        last = joined[-1] if joined else None
        if last is not None and tail is not None and _continues_word(last, tail, word):
            joined[-1] = PageWord(
                last.text + word.text,
                last.x0,
                min(last.top, word.top),
                word.x1,
                max(last.bottom, word.bottom),
                bold=last.bold,
                size=max(last.size, word.size),  # the capitals' size is the text's size
            )
        else:
            joined.append(word)
        tail = word
    return joined


def _continues_word(last: PageWord, tail: PageWord, word: PageWord) -> bool:
    """Does ``word`` continue ``last``, whose final piece was ``tail``?"""
    gap = word.x0 - last.x1
    if not -0.25 * min(word.size or 1.0, tail.size or 1.0) <= gap <= 0.5:
        return False
    if abs(word.bottom - last.bottom) > 0.25 * max(last.height, word.height):
        return False
    if _is_punctuation(tail.text) or _is_punctuation(word.text):
        return True  # "Provider" + "’" + "s", in two fonts
    if not (0 < word.size != tail.size > 0):
        return False
    pieces = last.text + word.text
    return not any(char.islower() for char in pieces) and any(char.isalpha() for char in pieces)


def _is_punctuation(text: str) -> bool:
    return bool(text) and not any(char.isalnum() for char in text) and text != "•"


def _word_text(text: str, fontname: str) -> str:
    """A word as text: a dingbat (a box or tick drawn in Wingdings) reads as a bullet."""
    if _is_dingbat_font(fontname):
        return "•"
    text = text.translate(_SYMBOL_BULLETS)
    return soft_hyphens(text) if _SOFT_HYPHEN in text else text


def soft_hyphens(text: str) -> str:
    """A word's soft hyphens (U+00AD, where a word may break): at its end a line-end
    hyphen, as PDFium reads it ("segre-" + "gated" is then joined like any broken
    word); inside it, nothing. Kept, "segre\u00ad" + "gated" read "segre\u00ad gated"."""
    if text.endswith(_SOFT_HYPHEN):
        return text.replace(_SOFT_HYPHEN, "") + "-"
    return text.replace(_SOFT_HYPHEN, "")


@functools.lru_cache(maxsize=256)
def _is_dingbat_font(fontname: str) -> bool:
    return bool(_DINGBAT_FONT.search(fontname))


@functools.lru_cache(maxsize=256)
def _is_bold(fontname: str) -> bool:
    """A document uses a handful of fonts: decide each once, not once per word."""
    return bool(_BOLD_FONT.search(fontname))


def _largest_image_share(page: Any) -> float:
    """The share of the page the largest image covers."""
    area = float(page.width) * float(page.height)
    largest = 0.0
    for image in page.images:
        width = float(image["x1"]) - float(image["x0"])
        height = float(image["bottom"]) - float(image["top"])
        largest = max(largest, width * height)
    return largest / area if area else 0.0


def note_scan(raw: _RawPage, words: Sequence[PageWord], image_share: Callable[[], float]) -> None:
    """Mark ``raw`` scanned when its text layer holds (almost) nothing but an image.

    A page with an image over a quarter of it and under 20 characters is a
    scan. So is a page whose image covers most of it and whose few lines of
    text (under 400 characters) all sit in the top or bottom band: a header,
    footer or Bates number stamped over a scan by a PDF tool. Its 79
    characters of stamp had made a scanned page of four clauses pass for a
    page of text, and the clauses were lost without a word; such a page is
    ``stamped``, and OCR adds the image's words to the stamp's. ``image_share``
    (the share of the page its largest image covers) is asked only of a page
    with so little text: looking through a page's objects costs time.
    """
    if len(words) >= _STAMPED_MAX_CHARS:
        return  # a page of text: every word has a character at least
    characters = sum(len(word.text) for word in words)
    if characters < _SCANNED_MAX_CHARS:
        raw.scanned = image_share() >= _SCANNED_MIN_IMAGE_SHARE
        return
    if characters >= _STAMPED_MAX_CHARS or image_share() < _STAMPED_MIN_IMAGE_SHARE:
        return
    band = _STAMP_BAND * raw.height
    if all(word.bottom <= band or word.top >= raw.height - band for word in words):
        raw.scanned = raw.stamped = True


def _may_have_table(page: Any) -> bool:
    """Cheap test before the expensive ``find_tables``: enough ruling lines for a grid."""

    def rules(objects: list[dict[str, Any]]) -> list[Rule]:
        return [(item["x0"], item["top"], item["x1"], item["bottom"]) for item in objects]

    return enough_rules_for_grid(rules(page.lines), rules(page.rects))


def _extract_tables(page: Any, words: list[PageWord]) -> tuple[list[_Table], list[PageWord]]:
    """Ruled tables as rows of cells of words; the words left over for paragraphs.

    ``table_cells`` decides each word's cell, text running over a border included.
    """
    tables: list[_Table] = []
    taken: set[int] = set()
    for found in page.find_tables():
        rows = [[cell for cell in row.cells] for row in found.rows]
        columns = max((len(row) for row in rows), default=0)
        if len(rows) < 2 or columns < 2:
            continue  # a boxed paragraph or a one-column frame: its text reads as paragraphs
        table_rows = [
            [_reading_order([words[i] for i in cell]) for cell in row]
            for row in cell_words(words, rows, taken)
        ]
        tables.append(_Table(float(found.bbox[1]), table_rows, _covered(rows)))
    left = [word for i, word in enumerate(words) if i not in taken]
    return tables, left


def _covered(rows: Sequence[Sequence[Any]]) -> list[list[str]]:
    """Which missing cells (None) of a found table a spanning cell covers, and from where.

    The table finder gives a cell spanning columns or rows once, where it starts,
    and None for the grid cells it covers: "left" when the nearest cell to the left
    reaches over the column, "above" when the nearest cell above reaches down over
    the row, else "" (a cell with no borders of its own).
    """
    starts: dict[int, float] = {}
    for row in rows:
        for column, bbox in enumerate(row):
            if bbox is not None:
                starts[column] = min(starts.get(column, bbox[0]), float(bbox[0]))
    found: list[list[str]] = []
    for r, row in enumerate(rows):
        tops = [float(bbox[1]) for bbox in row if bbox is not None]
        top = min(tops) if tops else None
        marks: list[str] = []
        for column, bbox in enumerate(row):
            mark = ""
            if bbox is None:
                left = next((row[k] for k in range(column - 1, -1, -1) if row[k]), None)
                above = next(
                    (
                        rows[k][column]
                        for k in range(r - 1, -1, -1)
                        if column < len(rows[k]) and rows[k][column]
                    ),
                    None,
                )
                if left is not None and column in starts and left[2] > starts[column] + 1:
                    mark = "left"
                elif above is not None and top is not None and above[3] > top + 1:
                    mark = "above"
            marks.append(mark)
        found.append(marks)
    return found


def _reading_order(words: list[PageWord]) -> list[PageWord]:
    return [word for line in group_lines(words) for word in line.words]


# --- OCR -------------------------------------------------------------------


def scanned_without_text(ocr: bool) -> str:
    """Why a PDF of scanned pages gave no text, and what to do about it."""
    if not ocr:
        return "no page has a text layer, and OCR is switched off (run without --no-ocr)"
    if not ocr_engine.ocr_available():
        return "no page has a text layer, and no OCR engine is installed (install tesseract-ocr)"
    return "no page has a text layer, and OCR found no text on them (a blank or unreadable scan)"


def _ocr_scanned_pages(
    path: str,
    data: bytes,
    password: str | None,
    raw_pages: list[_RawPage],
    enabled: bool,
    warnings: list[str],
) -> None:
    scanned = [raw for raw in raw_pages if raw.scanned]
    if not scanned:
        return
    available = enabled and ocr_engine.ocr_available()
    read = []
    for raw in scanned:
        if not available:
            why = "OCR is switched off" if not enabled else "no OCR engine (install tesseract-ocr)"
            if raw.stamped:
                warnings.append(
                    f"page {raw.number} is a scanned image with only a header or footer as text"
                    f" and {why}: only that text was read"
                )
            else:
                warnings.append(f"page {raw.number} has no text layer and {why}")
            continue
        try:
            words = ocr_engine.ocr_pdf_page(data, raw.number - 1, password=password)
        except Exception as error:  # rendering or tesseract failed on this page only
            detail = error_detail(error)
            warnings.append(f"page {raw.number} could not be OCR'd ({detail})")
            continue
        if raw.stamped:
            words = [*raw.words, *_not_overlapping(words, raw.words)]
        raw.words, raw.tables, raw.ocr = words, [], True
        read.append(raw.number)
    if read:
        # an IT services walk: a scan read by OCR was said nowhere but in each record's
        # "ocr" field; OCR misreads digits and names, so the reviewer checks the text
        pages = f"page {read[0]}" if len(read) == 1 else f"{len(read)} pages"
        warnings.append(f"{pages} read by OCR from a scan: check the text against the page")


def _not_overlapping(found: Sequence[PageWord], kept: Sequence[PageWord]) -> list[PageWord]:
    """The OCR words that overlap no word of the text layer (which OCR reads again)."""
    return [
        word
        for word in found
        if not any(
            word.x0 < other.x1
            and other.x0 < word.x1
            and word.top < other.bottom
            and other.top < word.bottom
            for other in kept
        )
    ]


# --- pages and blocks --------------------------------------------------------


def _body_size(raw_pages: Sequence[_RawPage]) -> float:
    """The font size most of the document's characters are set in: headings are larger."""
    return body_size(word for raw in raw_pages for word in raw.words)


def _build_pages(raw_pages: Sequence[_RawPage]) -> list[Page]:
    lines: list[list[Line]] = [
        order_lines(
            drop_line_numbers(raw.words), raw.width, page=raw.number, page_height=raw.height
        )
        for raw in raw_pages
    ]
    lines = remove_furniture(lines, [raw.height for raw in raw_pages])
    body_size = _body_size(raw_pages)
    document_pitch = line_pitch([line for page_lines in lines for line in page_lines])
    vocabulary = {
        word.text.strip(_WORD_PUNCTUATION).lower() for raw in raw_pages for word in raw.words
    }
    headers: list[str] = []
    pages: list[Page] = []
    for raw, page_lines in zip(raw_pages, lines, strict=True):
        blocks = build_blocks(
            page_lines,
            page=raw.number,
            body_size=body_size,
            document_pitch=document_pitch,
            vocabulary=vocabulary,
            ocr=raw.ocr,
        )
        for table in raw.tables:
            rows, headers = _table_blocks(table, headers, raw.number)
            blocks = _insert_at(blocks, rows, table.top)
        width, height = raw.width, raw.height
        if raw.turn:
            width, height = height, width
            blocks = [_turned_back(block, raw.turn, width, height) for block in blocks]
        pages.append(Page(raw.number, tuple(blocks), width, height, raw.ocr))
    return pages


def _turned_back(block: Block, turn: int, width: float, height: float) -> Block:
    """A block read on a turned page, its words' boxes where the page itself has them."""
    return replace(
        block,
        words=tuple(
            replace(
                word,
                box=Box(
                    word.box.page,
                    *unturn_box(
                        (word.box.x0, word.box.top, word.box.x1, word.box.bottom),
                        turn,
                        width,
                        height,
                    ),
                ),
            )
            for word in block.words
        ),
    )


def header_text(cell: Sequence[PageWord]) -> str:
    """A header cell's words, a word broken at a line end without a hyphen joined again.

    A narrow column's header wraps where the cell ends, mid-word in some
    generators: a logistics walk's transport order read "(Temperat ure: +2/+8 °C)"
    on every line. The halves are joined when together they are an English word
    and one of them alone is not ("Tempera" + "ture"; "with" + "in" stay apart).
    """
    words = [word.text for word in cell]
    for i in range(len(cell) - 1, 0, -1):
        before, after = cell[i - 1], cell[i]
        if after.top < before.bottom - 0.3 * before.height:
            continue  # the same line
        stem, tail = words[i - 1], words[i]
        if not (stem.isalpha() and tail[:1].islower()):
            continue
        bare = tail.rstrip(".,;:!?)]")
        if not bare.isalpha():
            continue
        known = english_words()
        if f"{stem}{bare}".lower() in known and not (
            stem.lower() in known and bare.lower() in known
        ):
            words[i - 1 : i + 1] = [stem + tail]
    return " ".join(words)


def _table_blocks(
    table: _Table, previous_headers: list[str], page: int
) -> tuple[list[Block], list[str]]:
    """Row blocks of a table, and the headers a continuation on the next page may reuse.

    The first row is the header row when every cell is filled, short (at most
    six words) and either bold or free of digits. A table without such a row
    but with as many columns as the previous table continues it and borrows
    its headers; otherwise rows are rendered without headers. A compliance or
    verification matrix (``tables.is_clause_table``) gives its clauses' rows as
    the clauses they repeat.
    """
    texts = [[cell_text(cell) for cell in row] for row in table.rows]
    first = table.rows[0]
    first_text = _spanned_names(table, 0, [header_text(cell) for cell in first], [])
    is_header = (
        len(table.rows) > 1
        and len(first_text) > 1
        and all(first_text)
        and all(len(text.split()) <= 6 for text in first_text)
        and (
            all(word.bold for cell in first for word in cell)
            or not any(ch.isdigit() for text in first_text for ch in text)
        )
    )
    if is_header:
        names = [first_text]
        while len(names) < len(table.rows) - 1 and (
            more := _more_header(table, len(names), names[-1])
        ):
            names.append(more)
        # a name spanning columns names each only over a second row naming them apart
        headers = stacked_headers(names) if len(names) > 1 else [header_text(c) for c in first]
        body = table.rows[len(names) :]
    elif previous_headers and len(previous_headers) == len(first_text):
        headers, body = previous_headers, table.rows
    else:
        headers, body = [], table.rows
    clauses = is_clause_table(texts[len(texts) - len(body) :])
    keep = keeps_second_header(headers, texts[len(texts) - len(body) :])
    blocks = [
        block
        for row in body
        if (
            block := table_row_block(
                headers, row, page=page, clauses=clauses, keep_second_header=keep
            )
        )
    ]
    return blocks, headers


def _spanned_names(table: _Table, row: int, names: list[str], above: list[str]) -> list[str]:
    """A header row's names per column: a cell spanning columns names each of them, a
    cell merged down from the row above keeps that row's name."""
    covered = table.covered[row] if row < len(table.covered) else []
    shown: list[str] = []
    for column, name in enumerate(names):
        mark = covered[column] if column < len(covered) else ""
        if not name and mark == "left" and shown:
            name = shown[-1]
        elif not name and mark == "above" and column < len(above):
            name = above[column]
        shown.append(name)
    return shown


def _more_header(table: _Table, row: int, above: list[str]) -> list[str] | None:
    """The names of a header's next row, when the header goes on over it: a header
    cell is merged down over it (an SLA table's "Priority" beside "Target times"
    spanning "Response" | "Resolution"), and its own cells are short and hold no
    digits, as column names do. None when the row is the table's first of data."""
    covered = table.covered[row] if row < len(table.covered) else []
    own = [cell_text(cell) for cell in table.rows[row]]
    if "above" not in covered or not any(own):
        return None
    if any(len(text.split()) > HEADER_WORDS or any(ch.isdigit() for ch in text) for text in own):
        return None
    return _spanned_names(table, row, [header_text(cell) for cell in table.rows[row]], above)


def _insert_at(blocks: list[Block], rows: list[Block], top: float) -> list[Block]:
    """Put a table's rows before the first block that starts below the table's top."""
    for i, block in enumerate(blocks):
        if block.words and block.words[0].box.top > top:
            return [*blocks[:i], *rows, *blocks[i:]]
    return [*blocks, *rows]
