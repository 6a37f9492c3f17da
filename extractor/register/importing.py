"""Turn extractions and ``reqx extract`` / ``reqx batch`` JSON lines into register input.

Each candidate gets a content-hash id (document hash, position, text), which is
what makes a second import of the same document add nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from extractor.errors import RegisterError
from extractor.records import LONE_SURROGATE, is_unicode_text
from extractor.types import LABELS

if TYPE_CHECKING:
    from extractor.pipeline import Extraction

ANNOTATION_FIELDS = ("party", "cues", "laws", "standards", "dates", "quantities", "ocr")
REQUIRED_FIELDS = ("sha256", "index", "text")
_KINDS_BY_SUFFIX = {".pdf": "pdf", ".docx": "docx", ".eml": "email"}


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """A document about to enter the register."""

    sha256: str
    name: str
    kind: str
    pages: int | None = None


@dataclass(frozen=True, slots=True)
class CandidateInput:
    """One statement about to enter the register as a candidate."""

    position: int
    text: str
    label: str | None = None
    confidence: float | None = None
    page: int | None = None
    boxes: tuple[Mapping[str, Any], ...] = ()
    clause: str = ""
    section: str = ""
    kind: str = "paragraph"
    annotations: Mapping[str, Any] = field(default_factory=dict)

    def candidate_id(self, document_sha256: str) -> str:
        """Same document, same place, same words: same id, however often it is imported."""
        key = f"{document_sha256}\x1f{self.position}\x1f{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()


def from_extraction(extraction: Extraction) -> tuple[DocumentInput, list[CandidateInput]]:
    """The register input for one extracted document (labelled when it was classified)."""
    from extractor.records import to_record

    document = extraction.document
    items = extraction.classified or extraction.statements
    candidates = [_candidate_from_record(to_record(item)) for item in items]
    pages = document.page_count or None
    return DocumentInput(document.sha256, document.path, document.kind, pages), candidates


def from_records(
    records: Iterable[Mapping[str, Any]],
) -> list[tuple[DocumentInput, list[CandidateInput]]]:
    """Group statement records (``extractor.records`` fields) by document, in first-seen order."""
    grouped: dict[str, tuple[str, list[CandidateInput]]] = {}
    for record in records:
        sha256 = str(record["sha256"])
        name = str(record.get("doc") or sha256)
        grouped.setdefault(sha256, (name, []))[1].append(_candidate_from_record(record))
    result = []
    for sha256, (name, candidates) in grouped.items():
        pages = max((c.page for c in candidates if c.page is not None), default=None)
        result.append((DocumentInput(sha256, name, guess_kind(name), pages), candidates))
    return result


def guess_kind(name: str) -> str:
    """The document kind from its name (the part after ``#`` for an e-mail attachment)."""
    suffix = PurePosixPath(name.rsplit("#", 1)[-1]).suffix.lower()
    return _KINDS_BY_SUFFIX.get(suffix, "text")


def _candidate_from_record(record: Mapping[str, Any]) -> CandidateInput:
    label = record.get("label")
    confidence = record.get("confidence")
    page = record.get("page")
    return CandidateInput(
        position=int(record["index"]),
        text=str(record["text"]),
        label=str(label) if label in LABELS else None,
        confidence=float(confidence) if confidence is not None else None,
        page=int(page) if page is not None else None,
        boxes=tuple(dict(box) for box in record.get("boxes") or ()),
        clause=str(record.get("clause") or ""),
        section=str(record.get("section") or ""),
        kind=str(record.get("kind") or "paragraph"),
        annotations={name: record[name] for name in ANNOTATION_FIELDS if name in record},
    )


def is_statement_record(value: Any) -> bool:
    return isinstance(value, dict) and all(name in value for name in REQUIRED_FIELDS)


def read_statement_file(path: Path) -> list[dict[str, Any]]:
    """Every record of a JSON-lines (or Parquet) statement file.

    A bad line is an error naming the file and the line.
    """
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path)
    records = []
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as error:
                    raise RegisterError(f"{path}:{number}: not JSON ({error})") from None
                if not is_statement_record(record):
                    wanted = ", ".join(REQUIRED_FIELDS)
                    raise RegisterError(f"{path}:{number}: not a statement record (needs {wanted})")
                if not is_unicode_text(record):
                    raise RegisterError(f"{path}:{number}: {LONE_SURROGATE}")
                records.append(record)
    except (OSError, UnicodeDecodeError) as error:
        raise RegisterError(f"{path}: cannot read ({error})") from None
    return records


def _read_parquet(path: Path) -> list[dict[str, Any]]:
    """The rows of a ``reqx batch --format parquet`` statements file, checked like JSON lines."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(path).to_pylist()
    except (OSError, pa.ArrowException) as error:
        raise RegisterError(f"{path}: cannot read as Parquet ({error})") from None
    for number, record in enumerate(rows, 1):
        if not is_statement_record(record):
            wanted = ", ".join(REQUIRED_FIELDS)
            raise RegisterError(f"{path}: row {number}: not a statement record (needs {wanted})")
    return rows


def _parquet_has_statements(path: Path) -> bool:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        names = set(pq.read_schema(path).names)
    except (OSError, pa.ArrowException):
        return False
    return all(name in names for name in REQUIRED_FIELDS)


def statement_files(path: Path) -> tuple[list[Path], list[str]]:
    """The JSON-lines statement files at ``path`` (a file, or a batch output folder).

    In a folder, ``*.jsonl`` files whose first record is not a statement (a
    ledger, an error log) are left out and named in the second list.
    """
    if path.is_file():
        return [path], []
    if not path.is_dir():
        raise RegisterError(f"{path}: no such file or folder")
    chosen, skipped = [], []
    for candidate in sorted([*path.rglob("*.jsonl"), *path.rglob("*.parquet")]):
        if candidate.suffix == ".parquet":
            holds_statements = _parquet_has_statements(candidate)
        else:
            holds_statements = _first_record_is_statement(candidate)
        if holds_statements:
            chosen.append(candidate)
        else:
            skipped.append(f"{candidate}: not statement records")
    if not chosen:
        raise RegisterError(f"{path}: no statement files (JSON lines or Parquet) in this folder")
    return chosen, skipped


def _first_record_is_statement(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    return is_statement_record(json.loads(line))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False
