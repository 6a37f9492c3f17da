"""Why a PDF could not be opened, in words a reviewer can act on.

Both PDF readers fail on damaged files with their library's own wording
("PSEOF: Unexpected EOF", "Failed to load document (PDFium: Data format
error)", or a dump of a font dictionary). The commonest damage in a customer
archive is a file cut short by an interrupted download or copy, and the file
itself shows that: a PDF ends with ``%%EOF``. So that case gets a plain reason,
and any other keeps a short library detail for whoever reports it.
"""

from __future__ import annotations

import logging
import re
import zlib

from extractor.errors import error_detail

# The last part of a file in which a PDF's end marker is looked for: writers
# may add a little white space or junk after it.
_END_WINDOW = 2048

# pdfminer logs what it skips in a damaged file ("Not adding object 7 to
# xref ...") as warnings; with no logging set up Python prints them raw on
# stderr between our own messages. Our errors say what matters; a program
# that configures logging still receives them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def is_cut_short(data: bytes) -> bool:
    """True when the bytes lack the ``%%EOF`` marker every complete PDF ends with."""
    return b"%%EOF" not in data[-_END_WINDOW:]


def unopenable_reason(data: bytes, error: BaseException) -> str:
    """The reason a PDF that the library refused to open is shown with."""
    if is_cut_short(data):
        return (
            "the PDF is incomplete: it stops before the end marker every PDF has, "
            "as after an interrupted download or copy; fetch it again"
        )
    return f"the PDF is damaged and cannot be opened ({error_detail(error)})"


def damaged_page_reason(number: int, error: BaseException) -> str:
    """The reason for one page the library could not read."""
    return f"page {number} is damaged ({error_detail(error)})"


def unreadable_reason(error: BaseException) -> str:
    """The reason for a PDF that opened but broke while its pages were read."""
    return f"the PDF is damaged and cannot be read ({error_detail(error)})"


# A stream's dictionary ends right before its ``stream`` keyword; the dictionary
# starts after the object header "N G obj" (at most this far back, for a
# sane file) and the data ends at ``endstream``.
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_OBJECT_HEADER = re.compile(rb"\d+\s+\d+\s+obj\b")
_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)(?![\d\s]*R\b)")
_DICTIONARY_WINDOW = 4096
# Flate applied last when written, so first to undo: ``[/ASCII85Decode /FlateDecode]``
# holds ASCII85 text, which zlib would call damaged.
_FLATE_FIRST = re.compile(rb"/Filter\s*(?:\[\s*)?/FlateDecode\b")


def undecodable_streams(data: bytes) -> tuple[int, int]:
    """How many of the file's Flate-compressed text and font streams fail to decompress.

    Returns (failed, checked). Both PDF libraries read around a damaged stream
    without a word: a purchase order with flipped bytes in its content streams
    gave 3 of its 56 statements in one reader and 10 in the other, with no
    warning. zlib checks every stream's Adler-32 sum, so damage inside one is
    seen. Images are skipped (big, and no text in them) and so are encrypted
    files (their streams are not plain zlib).
    """
    if b"/Encrypt" in data:
        return 0, 0
    failed = checked = 0
    for match in _STREAM_START.finditer(data):
        header = data.rfind(b" obj", max(0, match.start() - _DICTIONARY_WINDOW), match.start())
        dictionary = data[header if header >= 0 else max(0, match.start() - 512) : match.start()]
        if not _FLATE_FIRST.search(dictionary) or b"/Image" in dictionary:
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        length = _DIRECT_LENGTH.search(dictionary)
        if length and start + int(length.group(1)) <= end:
            end = start + int(length.group(1))
        checked += 1
        decompressor = zlib.decompressobj()
        try:
            decompressor.decompress(data[start:end])
            decompressor.flush()
        except zlib.error:
            failed += 1
            continue
        if not decompressor.eof:
            failed += 1
    return failed, checked


def damaged_streams_warning(failed: int, checked: int) -> str:
    """The warning for a PDF that was read although some of its streams are damaged."""
    return (
        f"the PDF is damaged: {failed} of its {checked} compressed text and font parts"
        " cannot be decoded, so text may be missing or garbled; get an undamaged copy"
    )


def damaged_streams_reason(failed: int, checked: int) -> str:
    """The reason for a damaged PDF of which no text could be read."""
    return (
        f"the PDF is damaged: {failed} of its {checked} compressed text and font parts"
        " cannot be decoded and no text could be read; get an undamaged copy"
    )
