"""Pick the reader a file needs from its content, and guard the way in.

The extension is never trusted: ``sniff.detect_format`` looks at the bytes. Size
and emptiness are checked before any parser sees the file, so a huge or empty
upload fails fast with a clear reason.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import replace
from pathlib import PurePath
from typing import Literal

from extractor.errors import DocumentError, EmptyDocument, TooLarge, too_much_text
from extractor.reading.calendar import read_calendar
from extractor.reading.docx import read_docx
from extractor.reading.email import read_email, read_outlook, read_winmail
from extractor.reading.sniff import detect_format
from extractor.reading.spreadsheet import looks_delimited, read_csv, read_xlsx
from extractor.reading.text import read_text
from extractor.types import Document

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
# Text of one document (attachments count on their own). A 2,000-page contract
# holds about 6 million characters.
MAX_TEXT_CHARS = 10_000_000
# "pdfplumber" is the reference PDF reader; "fast" (pypdfium2) is for batch runs over archives
PdfReader = Literal["pdfplumber", "fast"]
# An attached e-mail may carry attachments of its own; stop somewhere.
_MAX_NESTING = 3


def read_document(
    path: str,
    *,
    password: str | None = None,
    max_pages: int | None = None,
    ocr: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reader: PdfReader = "pdfplumber",
) -> Document:
    """Read a PDF, DOCX, e-mail (.eml or Outlook .msg) or text file, whatever its name says.

    ``reader="fast"`` reads PDFs with pypdfium2 (``fast_pdf``) instead of pdfplumber.

    Raises a ``DocumentError`` subclass naming ``path`` and the reason when the
    file is missing, empty, too large, of another format, damaged or encrypted.
    """
    data = load_bytes(path, max_bytes=max_bytes)
    return _read(data, path, password, max_pages, ocr, max_bytes, 0, on_disk=True, reader=reader)


def read_document_bytes(
    data: bytes,
    path: str,
    *,
    password: str | None = None,
    max_pages: int | None = None,
    ocr: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reader: PdfReader = "pdfplumber",
) -> Document:
    """Like ``read_document`` for content already in memory; ``path`` names it in results."""
    return _read(data, path, password, max_pages, ocr, max_bytes, 0, on_disk=False, reader=reader)


def load_bytes(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or a ``DocumentError`` saying why they cannot be had."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(path, "is a directory, not a file")
        if info.st_size > max_bytes:
            raise TooLarge(
                path, f"the file has {_size(info.st_size)}, over the {_size(max_bytes)} limit"
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except PermissionError:
        raise DocumentError(path, "permission denied: the file cannot be opened") from None
    except OSError as error:
        raise DocumentError(path, f"cannot be opened: {error.strerror or error}") from None
    _check_size(path, data, max_bytes)
    return data


def _check_size(path: str, data: bytes, max_bytes: int) -> None:
    if not data:
        raise EmptyDocument(path, "the file is empty (0 bytes)")
    if len(data) > max_bytes:
        raise TooLarge(path, f"the file has more than the {_size(max_bytes)} limit")


def _read(
    data: bytes,
    path: str,
    password: str | None,
    max_pages: int | None,
    ocr: bool,
    max_bytes: int,
    depth: int,
    *,
    on_disk: bool,
    reader: PdfReader = "pdfplumber",
) -> Document:
    _check_size(path, data, max_bytes)
    kind = detect_format(path, data)
    suffix = PurePath(path.split("#")[-1]).suffix.lower()
    rows_named_a_workbook = False
    if kind == "pdf":
        document = _read_pdf(data, path, password, max_pages, ocr, on_disk=on_disk, reader=reader)
    elif kind == "docx":
        document = read_docx(path, data)
    elif kind == "xlsx":
        document = read_xlsx(path, data)
    elif kind == "calendar":
        document = read_calendar(path, data)
    elif kind in ("email", "msg", "tnef"):

        def read_attachment(content: bytes, name: str) -> Document:
            if depth + 1 >= _MAX_NESTING:
                raise DocumentError(name, "attachments nested too deeply")
            return _read(
                content,
                name,
                None,
                max_pages,
                ocr,
                max_bytes,
                depth + 1,
                on_disk=False,
                reader=reader,
            )

        read_mail = {"msg": read_outlook, "tnef": read_winmail}.get(kind, read_email)
        document = read_mail(path, data, read_attachment=read_attachment)
    elif suffix in (".csv", ".tsv") or (
        rows_named_a_workbook := _rows_named_a_workbook(suffix, data)
    ):
        # text by content; rows of cells by its name, or by its rows when it was named a
        # workbook (an IT services walk's ";" export saved as .xlsx: one 4,689-character
        # statement)
        document = read_csv(path, data)
    else:
        document = read_text(path, data, max_chars=MAX_TEXT_CHARS)
    _check_text_size(document)
    mislabelled = _name_says_otherwise(path, kind)
    if mislabelled and rows_named_a_workbook:
        mislabelled = "named like an Excel workbook but it is a CSV export; read as its rows"
    if mislabelled:
        document = replace(document, warnings=(*document.warnings, mislabelled))
    return document


_NAMED_KINDS = {
    ".pdf": ("pdf", "a PDF"),
    ".docx": ("docx", "a Word document"),
    ".xlsx": ("xlsx", "an Excel workbook"),
    ".doc": ("doc", "a Word 97-2003 document"),
    # a logistics walk's .xlsx saved as ".xls" was read without a word
    ".xls": ("xls", "an Excel 97-2003 workbook"),
    ".msg": ("msg", "an Outlook e-mail"),
}
_KIND_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "email": "an e-mail",
    "msg": "an Outlook e-mail",
    "tnef": "an Outlook winmail.dat",
    "calendar": "a calendar invitation",
    "text": "text",
}


def _rows_named_a_workbook(suffix: str, data: bytes) -> bool:
    """A delimited text export saved under a workbook's name."""
    return suffix in (".xlsx", ".xls") and looks_delimited(data)


def _name_says_otherwise(path: str, kind: str) -> str:
    """A warning when a file named .pdf, .docx, .doc or .msg turned out to be something else.

    It is read for what it is, but the reviewer should know: a "contract.pdf"
    that is a plain-text export has no pages to show, and may not be the
    signed document at all.
    """
    named = _NAMED_KINDS.get(PurePath(path.split("#")[-1]).suffix.lower())
    if named is None or named[0] == kind:
        return ""
    return f"named like {named[1]} but it is {_KIND_NAMES[kind]}; read as {_KIND_NAMES[kind]}"


def _check_text_size(document: Document) -> None:
    """Refuse a document with more text than any contract holds, before the slow stages.

    A million one-line statements (21 MB of text) took minutes to segment and
    label, with nothing for the reviewer to see; a clear refusal is better.
    """
    chars = sum(len(block.text) for page in document.pages for block in page.blocks)
    if chars > MAX_TEXT_CHARS:
        raise too_much_text(document.path, chars, MAX_TEXT_CHARS)


def _read_pdf(
    data: bytes,
    path: str,
    password: str | None,
    max_pages: int | None,
    ocr: bool,
    *,
    on_disk: bool,
    reader: PdfReader = "pdfplumber",
) -> Document:
    """Hand the file to the PDF reader, through a temporary file when it is only in memory."""
    try:
        if reader == "fast":
            from extractor.reading.fast_pdf import read_pdf_fast as read_pdf
        else:
            from extractor.reading.pdf import read_pdf
    except ImportError:
        raise DocumentError(path, "PDF reading is not available in this installation") from None
    if on_disk:
        return read_pdf(path, password=password, max_pages=max_pages, ocr=ocr)
    name = PurePath(path.split("#")[-1]).name or "attachment.pdf"
    with tempfile.TemporaryDirectory(prefix="reqx-") as folder:
        temporary = os.path.join(folder, name)
        with open(temporary, "wb") as handle:
            handle.write(data)
        try:
            document = read_pdf(temporary, password=password, max_pages=max_pages, ocr=ocr)
        except DocumentError as error:
            raise type(error)(path, error.reason) from None
    return replace(document, path=path, sha256=hashlib.sha256(data).hexdigest())


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    return f"{count} bytes"
