"""Turn extractions and ``reqx extract`` / ``reqx batch`` JSON lines into register input.

Each candidate gets a content-hash id (document hash, position, text), which is
what makes a second import of the same document add nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, get_args

from extractor.errors import RegisterError
from extractor.records import (
    LONE_SURROGATE,
    is_unicode_text,
    json_object_line,
    mail_details,
    text_too_long,
)
from extractor.types import LABELS, BlockKind, Statement

if TYPE_CHECKING:
    from extractor.pipeline import Extraction

ANNOTATION_FIELDS = (
    "party",
    "cues",
    "laws",
    "standards",
    "dates",
    "quantities",
    "changes",
    "ocr",
)
REQUIRED_FIELDS = ("sha256", "index", "text")
_KINDS_BY_SUFFIX = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".eml": "email",
    ".msg": "email",
}
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
MAX_CLAUSE_CHARS = 100
"""The longest clause number the register keeps (its ``candidates.clause`` column)."""
_STRING_LISTS = ("cues", "laws", "standards", "dates", "quantities", "changes")
_BOX_FIELDS = ("x0", "top", "x1", "bottom")


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """A document about to enter the register."""

    sha256: str
    name: str
    kind: str
    pages: int | None = None
    details: Mapping[str, str] | None = None  # an e-mail's sender and sent_at


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


def statement_candidate_id(statement: Statement) -> str:
    """The id of the candidate ``statement`` is, or becomes, in the register: a statement
    read again from a registered document (Compare revisions) finds its entry by it."""
    return CandidateInput(position=statement.index, text=statement.text).candidate_id(
        statement.sha256
    )


def from_extraction(extraction: Extraction) -> tuple[DocumentInput, list[CandidateInput]]:
    """The register input for one extracted document (labelled when it was classified)."""
    from extractor.records import to_record

    document = extraction.document
    items = extraction.classified or extraction.statements
    candidates = [_candidate_from_record(to_record(item)) for item in items]
    pages = document.page_count or None
    details = mail_details(document) or None
    return DocumentInput(document.sha256, document.path, document.kind, pages, details), candidates


def from_records(
    records: Iterable[Mapping[str, Any]],
) -> list[tuple[DocumentInput, list[CandidateInput]]]:
    """Group statement records (``extractor.records`` fields) by document, in first-seen order.

    A record the register cannot keep (see ``register_record``) is a ``RegisterError``.
    """
    grouped: dict[str, tuple[str, list[CandidateInput]]] = {}
    mail: dict[str, dict[str, str]] = {}  # the mail's sender and date, from its records
    for number, given in enumerate(records, 1):
        try:
            record = register_record(given)
        except ValueError as error:
            raise RegisterError(f"statement record {number}: {error}") from None
        sha256 = str(record["sha256"])
        name = str(record.get("doc") or sha256)
        grouped.setdefault(sha256, (name, []))[1].append(_candidate_from_record(record))
        if sha256 not in mail and (record.get("sender") or record.get("sent_at")):
            mail[sha256] = {
                key: str(record[key]) for key in ("sender", "sent_at") if record.get(key)
            }
    result = []
    for sha256, (name, candidates) in grouped.items():
        pages = max((c.page for c in candidates if c.page is not None), default=None)
        document = DocumentInput(sha256, name, guess_kind(name), pages, mail.get(sha256))
        result.append((document, candidates))
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


def register_record(value: Mapping[str, Any]) -> dict[str, Any]:
    """``value`` checked as a statement record the register can keep; ValueError says why not.

    The register keeps what it imports for good and its audit trail points at
    it: a page "abc" or a confidence "high" must not stop an import half-way,
    nor a null text become the word "None", nor a text longer than any the
    reader makes (``reqx classify`` refuses those too) become one entry.
    """
    if not is_statement_record(value):
        raise ValueError(f"not a statement record (needs {', '.join(REQUIRED_FIELDS)})")
    for name, problem_of in _FIELD_CHECKS.items():
        problem = problem_of(value.get(name))
        if problem:
            raise ValueError(f'"{name}" {problem}')
    too_long = text_too_long(value["text"])
    if too_long:
        raise ValueError(too_long)
    if not is_unicode_text(dict(value)):
        raise ValueError(LONE_SURROGATE)
    return {**value, "sha256": value["sha256"].lower()}


def _is_whole(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _is_number(value: Any) -> bool:
    """A finite JSON number (JSON's true and false are no numbers here; Python's NaN is none)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _sha256_problem(value: Any) -> str | None:
    if isinstance(value, str) and _SHA256.fullmatch(value):
        return None
    return "is not a SHA-256 (64 hexadecimal digits)"


def _index_problem(value: Any) -> str | None:
    return None if _is_whole(value, 0) else "is not a position (a whole number from 0)"


def _text_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return "is not a string"
    return None if value.strip() else "is empty"


def _page_problem(value: Any) -> str | None:
    if value is None or _is_whole(value, 1):
        return None
    return "is not a page number (a whole number from 1, or null)"


def _confidence_problem(value: Any) -> str | None:
    if value is None or (_is_number(value) and 0 <= value <= 1):
        return None
    return "is not a number from 0 to 1 (or null)"


def _label_problem(value: Any) -> str | None:
    return None if value is None or value in LABELS else f"is not one of {', '.join(LABELS)}"


def _kind_problem(value: Any) -> str | None:
    kinds = get_args(BlockKind)
    return None if value is None or value in kinds else f"is not one of {', '.join(kinds)}"


def _is_box(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and _is_whole(value.get("page"), 1)
        and all(_is_number(value.get(name)) for name in _BOX_FIELDS)
    )


def _boxes_problem(value: Any) -> str | None:
    if value is None or (isinstance(value, list) and all(_is_box(box) for box in value)):
        return None
    return "is not a list of boxes ({page, x0, top, x1, bottom})"


def _optional_text(longest: int | None = None) -> Callable[[Any], str | None]:
    def problem(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            return "is not a string"
        if longest is not None and len(value) > longest:
            return f"has {len(value):,} characters, over {longest}"
        return None

    return problem


def _string_list_problem(value: Any) -> str | None:
    if value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return None
    return "is not a list of strings"


def _flag_problem(value: Any) -> str | None:
    return None if value is None or isinstance(value, bool) else "is not true or false"


_FIELD_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "sha256": _sha256_problem,
    "index": _index_problem,
    "text": _text_problem,
    "doc": _optional_text(),
    "page": _page_problem,
    "confidence": _confidence_problem,
    "label": _label_problem,
    "kind": _kind_problem,
    "boxes": _boxes_problem,
    "clause": _optional_text(MAX_CLAUSE_CHARS),
    "section": _optional_text(),
    "party": _optional_text(),
    "sender": _optional_text(),
    "sent_at": _optional_text(),
    **{name: _string_list_problem for name in _STRING_LISTS},
    "ocr": _flag_problem,
}
"""What each field of a statement record may hold (``extractor.records.to_record`` writes them)."""


def read_statement_file(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The good records of a JSON-lines (or Parquet) statement file, and each line skipped.

    As ``reqx classify`` does, one bad line costs only itself: it is named with
    its number and why ("file.jsonl:7: "page" is not a page number ..."), and
    the other lines are still imported.
    """
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path)
    records, skipped = [], []
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, 1):
                try:
                    record = json_object_line(raw, number)
                    if record is not None:
                        records.append(register_record(record))
                except ValueError as error:
                    skipped.append(f"{path}:{number}: {error}")
    except OSError as error:
        raise RegisterError(f"{path}: cannot read ({error.strerror or error})") from None
    return records, skipped


def _read_parquet(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of a ``reqx batch --format parquet`` statements file, checked like JSON lines."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(path).to_pylist()
    except (OSError, pa.ArrowException) as error:
        raise RegisterError(f"{path}: cannot read as Parquet ({error})") from None
    records, skipped = [], []
    for number, row in enumerate(rows, 1):
        try:
            records.append(register_record(row))
        except ValueError as error:
            skipped.append(f"{path}: row {number}: {error}")
    return records, skipped


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
        raise RegisterError(
            f"{path}: no statement files (JSON lines or Parquet) in this folder; to read the"
            " documents in it, run `reqx batch` over it and import the folder that writes"
        )
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
