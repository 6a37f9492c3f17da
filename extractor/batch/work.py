"""Process one document of a batch: read, extract, classify, write its part file.

Runs inside a worker process (``sandbox``): the classifier is loaded once per
process, and every failure of a document, ours or a library's, becomes a
``DocumentResult`` with status "failed" and a reason, never an exception.
"""

from __future__ import annotations

import errno
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.batch.parts import part_path, write_part
from extractor.batch.sources import SourceDocument, read_source_bytes, shown_name
from extractor.errors import DocumentError, EncryptedDocument, ExtractorError, unexpected_reason

__all__ = [
    "AGAIN",
    "UNWRITTEN",
    "DocumentResult",
    "DocumentWorker",
    "OutputUnwritable",
    "Settings",
    "Task",
    "output_problem",
]

# The status of a document whose part could not be written (the output disk is full,
# read-only): never recorded in the ledger, it stops the run and is read again next time.
UNWRITTEN = "unwritten"

_FULL = "the output disk is full"
_NOT_WRITABLE = "the output folder is not writable"
_OUTPUT_ERRORS = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EROFS: _NOT_WRITABLE,
    errno.EACCES: _NOT_WRITABLE,
    errno.EPERM: _NOT_WRITABLE,
}
AGAIN = "; free space there and run the same command again (what was done is kept)"


class OutputUnwritable(ValueError):
    """The output folder cannot be written: the run cannot start or has to stop.

    Not a fault of any document: nothing is recorded as failed for it, and the
    same command run again once the folder is writable goes on where it stopped.
    """


def output_problem(error: OSError) -> str | None:
    """What an error writing the output folder means for the run, or None for other errors."""
    problem = _OUTPUT_ERRORS.get(error.errno or 0)
    if problem is None:
        return None
    if error.strerror:
        problem += f" ({error.strerror.lower()})"
    return problem + (AGAIN if problem.startswith(_FULL) else "")


@dataclass(frozen=True, slots=True)
class Settings:
    """How every document of one batch run is processed."""

    out_dir: str
    output_format: str = "jsonl"  # or "parquet"
    reader: str = "pdfplumber"  # or "fast"
    classify: bool = True
    max_pages: int | None = None
    ocr: bool = True
    model_path: str | None = None
    password: str | None = field(default=None, repr=False)  # for encrypted PDFs; never logged


@dataclass(frozen=True, slots=True)
class Task:
    document: SourceDocument
    sha256: str


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the ledger, the summary CSV and the error log record for one document."""

    name: str
    sha256: str
    status: str  # "done" or "failed" (or UNWRITTEN, which the runner stops on)
    pages: int = 0
    statements: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    reason: str = ""
    part: str | None = None

    @classmethod
    def failed(cls, task: Task, reason: str, seconds: float = 0.0) -> DocumentResult:
        return cls(task.document.name, task.sha256, "failed", seconds=seconds, reason=reason)


class DocumentWorker:
    """Holds what is costly to load (spaCy, the model) for the documents of one process."""

    def __init__(self, settings: Settings) -> None:
        from extractor.nlp import get_nlp

        self.settings = settings
        self.classifier: Any = _load_classifier(settings) if settings.classify else None
        get_nlp()  # loaded now, so the first document's time limit is not spent on it

    def run(self, task: Task) -> DocumentResult:
        start = time.perf_counter()
        try:
            return self._run(task, start)
        except EncryptedDocument as error:
            reason = error.reason
            if reason.endswith("give a password"):  # a PDF: the batch opens it with --password
                reason += " with --password (and --retry-failed, once it has failed)"
            elif reason.startswith("wrong password"):
                reason += " (the one given with --password)"
            return DocumentResult.failed(task, reason, time.perf_counter() - start)
        except DocumentError as error:
            return DocumentResult.failed(task, error.reason, time.perf_counter() - start)
        except Exception as error:  # a library bug on one file must not stop the batch
            reason = unexpected_reason(error)
            return DocumentResult.failed(task, reason, time.perf_counter() - start)

    def _run(self, task: Task, start: float) -> DocumentResult:
        from extractor.pipeline import documents_of, extract_document
        from extractor.reading import read_document, read_document_bytes
        from extractor.records import mail_details, to_record

        settings = self.settings
        options: dict[str, Any] = {
            "max_pages": settings.max_pages,
            "ocr": settings.ocr,
            "reader": settings.reader,
            "password": settings.password,
        }
        source = task.document
        if source.refused:  # the runner records these itself; never read one here
            raise DocumentError(source.name, source.refused)
        if source.member is None:
            document = read_document(source.path, **options)
        else:
            document = read_document_bytes(read_source_bytes(source), source.name, **options)
        records: list[dict[str, Any]] = []
        pages = 0
        notes: list[str] = []  # warnings of a document that was read: the summary's "reason"
        for part in documents_of(document):
            extraction = extract_document(part, self.classifier)
            pages += part.page_count
            items = extraction.classified or extraction.statements
            mail = mail_details(part)
            for item in items:
                record = to_record(item, mail)
                record["doc"] = _named(record["doc"], document.path, source.name)
                records.append(record)
            where = "" if part.path == document.path else f"{part.path}: "
            where = _named(where, document.path, source.name)
            notes.extend(where + warning for warning in extraction.document.warnings)
        if not records:
            notes.append("no statements found")
        path = part_path(Path(settings.out_dir), task.sha256, settings.output_format)
        try:
            write_part(path, records, settings.output_format)
        except OSError as error:
            problem = output_problem(error)
            if problem is None:
                raise
            reason = f"{shown_name(str(path.parent.parent))}: {problem}"
            return DocumentResult(source.name, task.sha256, UNWRITTEN, reason=reason)
        labels = Counter(str(record["label"]) for record in records if record["label"])
        return DocumentResult(
            name=source.name,
            sha256=task.sha256,
            status="done",
            pages=pages,
            statements=len(records),
            labels=dict(labels),
            seconds=time.perf_counter() - start,
            reason="; ".join(notes),
            part=str(path.relative_to(settings.out_dir)),
        )


def _named(value: str, path: str, name: str) -> str:
    """A record's document (or an attachment's, "path#mail.pdf") under the file's shown name.

    A file is read by its absolute path, possibly with bytes that are not
    UTF-8; records name it as the source listing does.
    """
    if path != name and value.startswith(path):
        return name + value[len(path) :]
    return value


def _load_classifier(settings: Settings) -> Any:
    from extractor.classifying import load_default_classifier, load_model

    try:
        if settings.model_path:
            return load_model(Path(settings.model_path))
        return load_default_classifier()
    except ExtractorError:
        return None  # the runner checked the model before starting; unlabelled output then
