"""Decide a file's format from its bytes, because file names lie.

A DOCX saved as ``.pdf`` or an e-mail saved as ``.txt`` is common in customer
archives; the extension is only used to word error messages. Anything that is
not a PDF, DOCX, XLSX, e-mail (.eml, Outlook's .msg: a compound file holding a
message's property streams, or a winmail.dat: Outlook's TNEF stream), calendar
invitation (.ics, read for its human fields) or text file raises ``UnsupportedFormat`` naming
what it seems to be, so the user knows what to convert it to.
"""

from __future__ import annotations

import io
import re
import shlex
import zipfile
from pathlib import Path
from typing import Literal

from extractor.errors import CorruptDocument, EncryptedDocument, UnsupportedFormat
from extractor.reading.outlook import is_outlook_message
from extractor.reading.tnef import is_tnef

# The reader a file needs; an Outlook .msg and a winmail.dat become documents of kind
# "email", a calendar invitation (.ics) one of kind "text".
FileFormat = Literal["pdf", "docx", "xlsx", "email", "msg", "tnef", "calendar", "text"]

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# PDF readers accept junk before the header; so do we, within the first KB.
_PDF_HEADER_WINDOW = 1024
_TEXT_PROBE_BYTES = 64 * 1024
# ... after white space, or where an object follows: a text that mentions "%PDF-" is text.
_PDF_OBJECT = re.compile(rb"\d+[ \t\r\n]+\d+[ \t\r\n]+obj\b")

# Formats we recognise only to name them in the error message.
_BINARY_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
)

# Other ZIP-based formats, by a member only they have.
_ZIP_FORMATS: tuple[tuple[str, str], ...] = (
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (save it as DOCX or PDF)"),
)

# Stream names in a compound file directory, stored as UTF-16LE.
_CFB_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CFB_WORD = "WordDocument".encode("utf-16-le")
_CFB_EXCEL = "Workbook".encode("utf-16-le")
_CFB_POWERPOINT = "PowerPoint Document".encode("utf-16-le")

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$")
_MAIL_HEADERS = frozenset(
    {
        "from",
        "to",
        "cc",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "received",
        "return-path",
        "reply-to",
        "in-reply-to",
        "references",
        "content-type",
        "sender",
        "delivered-to",
        "x-mailer",
    }
)
_MAIL_ANCHORS = frozenset({"from", "received", "message-id", "mime-version", "return-path"})


def detect_format(path: str, data: bytes) -> FileFormat:
    """The reader ``data`` needs, or an error saying what the file seems to be.

    ``path`` is only used in error messages. ``data`` must not be empty.
    """
    head = data[:_PDF_HEADER_WINDOW]
    if PDF_MAGIC in head:
        before = head[: head.index(PDF_MAGIC)]
        if not before.strip() or _PDF_OBJECT.search(data):
            return "pdf"
    if data.startswith(ZIP_MAGICS):
        return _detect_zip(path, data)
    if data.startswith(CFB_MAGIC):
        if is_outlook_message(data, path):
            return "msg"
        raise _compound_file_error(path, data)
    if is_tnef(data):
        return "tnef"
    text = decode_probe(data[:_TEXT_PROBE_BYTES])
    if text is None:
        raise UnsupportedFormat(
            path, f"not a PDF, DOCX, XLSX, e-mail or text file: it is {_name_binary(data)}"
        )
    if looks_like_email(text):
        return "email"
    if is_calendar(text):
        return "calendar"
    markup = _name_markup(text)
    if markup:
        raise UnsupportedFormat(path, f"not a PDF, DOCX, XLSX, e-mail or text file: it is {markup}")
    return "text"


def _name_binary(data: bytes) -> str:
    for magic, name in _BINARY_MAGICS:
        if data.startswith(magic):
            return name
    return "binary data of an unknown format"


def _detect_zip(path: str, data: bytes) -> FileFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        if b"word/document.xml" in data or b"[Content_Types].xml" in data:
            raise CorruptDocument(
                path, "a damaged DOCX: the ZIP container is truncated or broken"
            ) from None
        raise CorruptDocument(path, "a damaged ZIP archive: it cannot be opened") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    for member, name in _ZIP_FORMATS:
        if member in names:
            raise UnsupportedFormat(
                path, f"not a PDF, DOCX, XLSX, e-mail or text file: it is {name}"
            )
    raise UnsupportedFormat(path, _file_archive_reason(path))


def _file_archive_reason(path: str) -> str:
    """What to do with a ZIP archive of other files: it is no document, its members are.

    ``reqx batch`` reads an archive's members (one on disk: an e-mail's attachment or
    an archive's member, "x.eml#docs.zip", is not a path it can be given).
    """
    reason = (
        "not a PDF, DOCX, XLSX, e-mail or text file: it is a ZIP archive of other files,"
        " not a Word document or workbook; unpack it and give its files one by one"
    )
    if "#" in path:
        return reason
    return f"{reason}, or read them all with `reqx batch {shlex.quote(path)} --out FOLDER`"


def _compound_file_error(path: str, data: bytes) -> Exception:
    """Office's old container: a password-protected DOCX, or a legacy binary file."""
    if _CFB_ENCRYPTED in data:
        return EncryptedDocument(
            path,
            "a password-protected Office document; open it in Word, remove the password "
            "(File > Info > Protect Document) and save it again",
        )
    if _CFB_WORD in data:
        return UnsupportedFormat(
            path, "a legacy Word 97-2003 .doc file; open it in Word and save it as .docx or PDF"
        )
    if _CFB_EXCEL in data:
        return UnsupportedFormat(path, "a legacy Excel .xls workbook, not a document")
    if _CFB_POWERPOINT in data:
        return UnsupportedFormat(path, "a legacy PowerPoint .ppt file, not a document")
    return EncryptedDocument(
        path,
        "an OLE compound file: a password-protected Office document or a legacy .doc; "
        "remove the password or save it as .docx or PDF",
    )


def decode_probe(data: bytes) -> str | None:
    """The text ``data`` decodes to, or None when it is binary.

    A probe may cut a UTF-8 sequence at its end, so a short tail is tolerated.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return utf16_without_mark(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            text = data[: error.start].decode("utf-8-sig", errors="replace")
        else:
            text = data.decode("cp1252", errors="replace")
    # form feeds (page breaks) and vertical tabs (Word's line breaks) are text too
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 100):
        return None
    return text


def utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark, told by its zero bytes: Latin text
    has a zero in every other byte, on the same side (odd bytes: little-endian)."""
    even, odd = data[0::2], data[1::2]
    if len(odd) < 8:
        return None
    for zeros, letters, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.02 * len(letters):
            try:
                text = data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f\v")
            return text if controls <= max(2, len(text) // 100) else None
    return None


def looks_like_email(text: str) -> bool:
    """True when ``text`` opens with an RFC 822 header block naming a sender or relay."""
    lines = text.lstrip("\ufeff").splitlines()
    if lines and lines[0].startswith("From "):  # an mbox separator line
        lines = lines[1:]
    names: set[str] = set()
    for line in lines[:200]:
        if not line.strip():
            break
        if line[0] in " \t" and names:  # a folded header continues
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(match.group(1).lower())
    known = names & _MAIL_HEADERS
    return len(known) >= 2 and bool(known & _MAIL_ANCHORS)


def is_calendar(text: str) -> bool:
    """True for text that opens as an iCalendar object (.ics, RFC 5545)."""
    return text.lstrip("\ufeff \t\r\n")[:15].upper().startswith("BEGIN:VCALENDAR")


def _name_markup(text: str) -> str:
    """Name text formats we do not read as plain text, or return ""."""
    start = text.lstrip("\ufeff \t\r\n")[:100].lower()
    if start.startswith("{\\rtf"):
        return "an RTF document (save it as DOCX or PDF)"
    if start.startswith(("<!doctype html", "<html")):
        return "an HTML page (save it as PDF or text)"
    if start.startswith("<?xml"):
        return "an XML file"
    return ""


def document_kind_name(path: Path) -> str:
    """What kind of document ``path`` holds ("a PDF document", "an e-mail"), or "" when it
    may be JSON lines: for the commands that take JSON lines, so that a contract given to them is
    named as such rather than each of its lines as "not JSON" (a PDF gave 620 such lines)."""
    try:
        with path.open("rb") as file:
            head = file.read(_TEXT_PROBE_BYTES)
    except OSError:
        return ""  # the command names the file and why it cannot be read
    return document_kind_of(head, path)


def document_kind_of(head: bytes, path: Path | None = None) -> str:
    """``document_kind_name`` for the first bytes of a file (standard input's, say);
    ``path``, when there is one, tells Word from Excel by the ZIP's parts."""
    suffix = path.suffix.lower() if path is not None else ""
    if PDF_MAGIC in head[:_PDF_HEADER_WINDOW]:
        return "a PDF document"
    if head.startswith(ZIP_MAGICS):
        return (
            _zip_kind_name(path) if path is not None else "a ZIP file (a Word or Excel document?)"
        )
    if head.startswith(CFB_MAGIC):
        return "an Outlook e-mail" if suffix == ".msg" else "an Office 97-2003 file"
    text = decode_probe(head)
    if text is None:
        return "a binary file"
    opening = text.lstrip("\ufeff \t\r\n")
    if not opening or opening.startswith("{"):
        return ""  # JSON lines, or nothing to tell
    # JSON lines open with "{"; a contract saved as text does not
    return "an e-mail" if looks_like_email(text) else "a text document"


def _zip_kind_name(path: Path) -> str:
    """A Word document or an Excel workbook by its parts, whatever its name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return "a ZIP file"
    if "word/document.xml" in names:
        return "a Word document"
    if "xl/workbook.xml" in names:
        return "an Excel workbook"
    return "a ZIP file"
