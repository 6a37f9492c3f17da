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
