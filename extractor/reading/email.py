"""E-mail reader (placeholder until the real one lands)."""

from __future__ import annotations

from collections.abc import Callable

from extractor.errors import DocumentError
from extractor.types import Document


def read_email(
    path: str, data: bytes, *, read_attachment: Callable[[bytes, str], Document]
) -> Document:
    """Not yet implemented."""
    raise DocumentError(path, "e-mail reading is not implemented yet")
