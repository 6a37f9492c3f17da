"""Register input made with the project's own types and record writer, as ``reqx extract`` does."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extractor.pipeline import Extraction
from extractor.records import to_record, write_jsonl
from extractor.register import Register
from extractor.types import Annotations, Box, ClassifiedStatement, Document, Label, Page, Statement

CONTRACT_LINES: list[tuple[str, Label, float, tuple[str, ...]]] = [
    ("The Supplier shall deliver the parts within 30 days of the order.", "specified", 0.93, ()),
    ("All parts shall comply with REACH and RoHS.", "statutory", 0.97, ("REACH", "RoHS")),
    ("Packaging must protect the parts from corrosion in transit.", "implied", 0.71, ()),
    ("This Agreement is governed by the laws of Ohio.", "none", 0.88, ()),
    ('=HYPERLINK("http://example.invalid","click")', "none", 0.52, ()),
    (
        "The Supplier shall keep records for 10 years per 21 CFR 820.",
        "statutory",
        0.85,
        ("21 CFR 820",),
    ),
]


def make_extraction(name: str = "contract.pdf", salt: str = "") -> Extraction:
    """A classified extraction of a small two-page contract (content hash from its text)."""
    sha256 = hashlib.sha256((name + salt).encode()).hexdigest()
    statements = []
    classified = []
    for index, (text, label, confidence, laws) in enumerate(CONTRACT_LINES):
        page = 1 + index // 3
        statement = Statement(
            doc=name,
            sha256=sha256,
            index=index,
            text=text,
            page=page,
            boxes=(Box(page, 72.0, 100.0 + 20 * index, 500.0, 112.0 + 20 * index),),
            clause=f"4.{index + 1}",
            section="Delivery and Compliance",
            annotations=Annotations(cues=("shall",), laws=laws),
        )
        statements.append(statement)
        classified.append(ClassifiedStatement(statement, label, confidence))
    document = Document(
        path=name,
        sha256=sha256,
        kind="pdf",
        pages=(Page(1, ()), Page(2, ())),
    )
    return Extraction(document, tuple(statements), tuple(classified))


def extraction_records(extraction: Extraction) -> list[dict[str, Any]]:
    return [to_record(item) for item in extraction.classified]


def write_statement_file(path: Path, *extractions: Extraction) -> Path:
    """A JSON-lines file exactly as ``reqx extract --format jsonl`` writes it."""
    with path.open("w", encoding="utf-8") as out:
        for extraction in extractions:
            write_jsonl(extraction_records(extraction), out)
    return path


# -- documents of our own, read by the real pipeline ---------------------------------------


def word_document(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word file: ``paragraphs``, then one table whose first row names its columns."""
    import io

    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def text_document(*paragraphs: str) -> bytes:
    """A plain-text file, one paragraph per statement."""
    return "\n\n".join(paragraphs).encode()


def mail(body: str, sent: str, subject: str = "Contract N68714-26-Q-0931") -> bytes:
    """An .eml sent at ``sent`` (as a Date header writes it)."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Dana Whitlock <dana.whitlock@example.mil>"
    message["To"] = "contracts@example.com"
    message["Subject"] = subject
    message["Date"] = sent
    message.set_content(body)
    return bytes(message)


def import_file(register: Register, name: str, data: bytes) -> None:
    """Read, segment and import one file, as ``reqx extract`` and ``register import`` do."""
    from extractor.pipeline import extract_bytes

    register.import_extractions(extract_bytes(data, name), actor="ann")
