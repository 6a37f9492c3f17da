"""Reading: any supported file in, one ``Document`` of pages and blocks out.

``read_document`` sniffs the content to pick the PDF, DOCX, e-mail or text
reader; the library objects each reader uses stay inside its module.
"""

from __future__ import annotations

from extractor.reading.dispatch import DEFAULT_MAX_BYTES, read_document, read_document_bytes
from extractor.reading.sniff import detect_format

__all__ = ["DEFAULT_MAX_BYTES", "detect_format", "read_document", "read_document_bytes"]
