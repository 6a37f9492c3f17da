"""Run the stages on one file: read -> segment -> annotate -> (classify).

The library entry point that the CLI, the app and batch runs share, so the
three can never disagree about what a file contains.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from extractor.language import language_warning
from extractor.types import ClassifiedStatement, Document, Statement

NO_STATEMENTS = (
    "The file holds no readable sentences: only headings or a signature, an empty message,"
    " or a scan whose text OCR could not read."
)
"""Why a file read without error gave no statements (said by the app and ``reqx extract``)."""

if TYPE_CHECKING:
    from extractor.reading.dispatch import PdfReader


class Classifier(Protocol):
    """Anything that labels statements in context (see ``extractor.classifying``)."""

    def classify(
        self, statements: list[Statement], from_email: bool = False
    ) -> list[ClassifiedStatement]: ...


@dataclass(frozen=True, slots=True)
class Extraction:
    """One document's statements, labelled when a classifier was given."""

    document: Document
    statements: tuple[Statement, ...]
    classified: tuple[ClassifiedStatement, ...] = ()


def documents_of(document: Document) -> Iterator[Document]:
    """The document, then its attachments (and theirs), depth first."""
    yield document
    for attachment in document.attachments:
        yield from documents_of(attachment)


def extract_document(document: Document, classifier: Classifier | None = None) -> Extraction:
    """Segment and annotate a document that was already read (attachments not included)."""
    from extractor.annotating import annotate
    from extractor.segmenting import segment

    statements = tuple(annotate(segment(document)))
    classified: tuple[ClassifiedStatement, ...] = ()
    if classifier:
        classified = tuple(
            classifier.classify(list(statements), from_email=document.kind == "email")
        )
        warning = language_warning(statement.text for statement in statements)
        if warning:
            document = replace(document, warnings=(*document.warnings, warning))
    return Extraction(document, statements, classified)


def extract_file(
    path: str,
    *,
    classifier: Classifier | None = None,
    password: str | None = None,
    max_pages: int | None = None,
    ocr: bool = True,
    reader: PdfReader = "pdfplumber",
) -> list[Extraction]:
    """Read one file and return an Extraction for it and for each readable attachment.

    Raises ``DocumentError`` (with the file and the reason) when the file itself
    cannot be read; an unreadable attachment is only a warning on its e-mail.
    ``reader``: the PDF reader, pdfplumber or the app's fast one (pypdfium2).
    """
    from extractor.reading import read_document

    document = read_document(path, password=password, max_pages=max_pages, ocr=ocr, reader=reader)
    return [extract_document(part, classifier) for part in documents_of(document)]


def extract_bytes(
    data: bytes,
    name: str,
    *,
    classifier: Classifier | None = None,
    reader: PdfReader = "pdfplumber",
) -> list[Extraction]:
    """Like ``extract_file`` for content already in memory (an upload); ``name`` names it."""
    from extractor.reading import read_document_bytes

    document = read_document_bytes(data, name, reader=reader)
    return [extract_document(part, classifier) for part in documents_of(document)]
