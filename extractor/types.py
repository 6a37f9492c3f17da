"""The plain, frozen dataclasses that flow between the stages.

document -> page -> block -> statement -> classified statement -> register entry.
Library objects (pdfplumber pages, python-docx paragraphs, email messages, spaCy
docs) never leave the module that reads them: they become these types at the
boundary, so every later stage is testable with hand-made values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Label = Literal["specified", "implied", "statutory", "none"]
LABELS: tuple[Label, ...] = ("specified", "implied", "statutory", "none")

DocumentKind = Literal["pdf", "docx", "xlsx", "email", "text"]

MAX_STATEMENT_CHARS = 20_000  # far beyond any real sentence (a long clause is ~4,000)

BlockKind = Literal[
    "paragraph",  # running text: one or more sentences
    "heading",  # a heading the reader is sure of (DOCX style, e-mail subject)
    "list_item",  # a bullet or numbered list item
    "table_row",  # one table row, already rendered as "Header: cell; ..."
    "quoted",  # quoted text of an earlier e-mail in a reply
    "signature",  # signature or address block the reader recognised
]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page, in PDF points, origin at the top left (pdfplumber's)."""

    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        """The smallest box covering both (same page)."""
        return Box(
            self.page,
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a block's text: where it sits in the text, and on the page."""

    start: int  # character offsets into Block.text
    end: int
    box: Box


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of layout: a paragraph, list item, table row or heading.

    The segmenter splits blocks into statements; ``words`` (paged input only)
    lets it map each statement back to boxes on the page.
    """

    text: str
    page: int | None = None  # 1-based; None where the input has no pages
    kind: BlockKind = "paragraph"
    words: tuple[Word, ...] = ()
    ocr: bool = False
    style: str = ""  # reader's hint, e.g. a DOCX style name or "bold"
    level: int = 0  # nesting depth of list items, when the reader knows it


@dataclass(frozen=True, slots=True)
class Page:
    """One page (or the single pseudo-page of unpaged input)."""

    number: int | None  # 1-based; None for unpaged input
    blocks: tuple[Block, ...]
    width: float = 0.0
    height: float = 0.0
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A file as read: pages of blocks, plus what the reader learned about it."""

    path: str  # as given by the caller
    sha256: str
    kind: DocumentKind
    pages: tuple[Page, ...]
    metadata: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # e.g. "page 4 has no text layer and OCR is unavailable"
    attachments: tuple[Document, ...] = ()

    @property
    def paged(self) -> bool:
        return any(page.number is not None for page in self.pages)

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.paged else 0


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the spaCy annotation components found in one statement."""

    cues: tuple[str, ...] = ()  # deontic cues as written, lower-cased: "shall", "must not"
    negated: bool = False
    party: str = ""  # the obliged party where the text names one
    laws: tuple[str, ...] = ()  # cited laws and regulations
    standards: tuple[str, ...] = ()  # cited standards
    dates: tuple[str, ...] = ()  # dates and durations
    quantities: tuple[str, ...] = ()  # quantities with units
    # words stating a change to what was asked before: "instead of", "moved to", "no longer"
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence, clause or list item that stands on its own."""

    doc: str  # the path as given
    sha256: str
    index: int  # 0-based position in the document's statements
    text: str
    page: int | None = None
    boxes: tuple[Box, ...] = ()
    clause: str = ""
    section: str = ""
    kind: BlockKind = "paragraph"
    ocr: bool = False
    annotations: Annotations = field(default_factory=Annotations)


@dataclass(frozen=True, slots=True)
class ClassifiedStatement:
    """A statement with the classifier's label and its confidence."""

    statement: Statement
    label: Label
    confidence: float
    scores: Mapping[str, float] = field(default_factory=dict)
