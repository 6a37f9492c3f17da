"""The batch ledger: one SQLite row per document content, committed after its output is durable.

Keyed by the sha256 of the content, so a re-run skips what is recorded and
two copies of one file are processed once. The worker writes a document's
part file and renames it into place before the row is committed here; a kill
between the two only means the document is done again and its part file
replaced by an identical one, so nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from extractor.batch.work import AGAIN, DocumentResult, OutputUnwritable

__all__ = ["LEDGER_NAME", "Ledger"]

LEDGER_NAME = "ledger.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    pages INTEGER NOT NULL,
    statements INTEGER NOT NULL,
    labels TEXT NOT NULL,
    seconds REAL NOT NULL,
    reason TEXT NOT NULL,
    part TEXT
)
"""


class Ledger:
    """What a batch output folder already holds, safe against a kill at any moment."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LEDGER_NAME
        with self._writing():
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL: a commit survives a killed process (not a power cut, where the last rows
            # may roll back); a lost row only means the document is done again, its part
            # file replaced by an identical one, so no fsync per document is needed here
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A full or read-only disk under the ledger stops the run with one line."""
        try:
            yield
        except sqlite3.Error as error:
            problem = _write_problem(error, self.path.parent)
            if problem is None:
                raise
            advice = AGAIN if problem.endswith("full") else ""
            raise OutputUnwritable(f"{self.path}: {problem} ({error}){advice}") from None

    def forget_missing_parts(self, out_dir: Path) -> list[str]:
        """Drop the rows of done documents whose part file is gone; they are read again.

        A part deleted by hand ("cleaning up" parts/) used to crash every later
        run when the outputs were built.
        """
        rows = self._db.execute("SELECT sha256, doc, part FROM documents WHERE status = 'done'")
        missing = [(sha, doc) for sha, doc, part in rows if part and not (out_dir / part).exists()]
        with self._writing():
            for sha256, _ in missing:
                self._db.execute("DELETE FROM documents WHERE sha256 = ?", (sha256,))
        return [doc for _, doc in missing]

    def entry(self, sha256: str) -> tuple[str, str] | None:
        """(status, file name) recorded for this content, or None."""
        row = self._db.execute(
            "SELECT status, doc FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def record(self, result: DocumentResult) -> None:
        """Commit one document's row (a retried failure is replaced)."""
        with self._writing():
            self._db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    result.sha256,
                    _storable(result.name),
                    result.status,
                    result.pages,
                    result.statements,
                    json.dumps(result.labels, sort_keys=True),
                    round(result.seconds, 4),
                    _storable(result.reason),
                    result.part,
                ),
            )

    def results(self, status: str | None = None) -> Iterator[DocumentResult]:
        """Recorded documents by name, streamed from the database."""
        query = "SELECT * FROM documents"
        params: tuple[str, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            params = (status,)
        for row in self._db.execute(query + " ORDER BY doc, sha256", params):
            sha256, doc, state, pages, statements, labels, seconds, reason, part = row
            yield DocumentResult(
                name=doc,
                sha256=sha256,
                status=state,
                pages=pages,
                statements=statements,
                labels=json.loads(labels),
                seconds=seconds,
                reason=reason,
                part=part,
            )

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT status, COUNT(*) FROM documents GROUP BY status")
        return {str(status): int(count) for status, count in rows}

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _storable(text: str) -> str:
    """Text SQLite can store: a lone surrogate (a file name's byte that is not UTF-8) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 8, 10, 13
_NEARLY_FULL = 1024 * 1024  # bytes free: SQLite says "disk I/O error" when it cannot grow -shm


def _write_problem(error: sqlite3.Error, folder: Path) -> str | None:
    """What a ledger write error means: a full or read-only disk, another I/O error, or None."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary == _SQLITE_FULL or "disk is full" in text:
        return "the output disk is full"
    if primary == _SQLITE_READONLY or "readonly database" in text:
        return "the output folder is not writable"
    if primary == _SQLITE_IOERR or "disk I/O error" in text:
        try:
            space = os.statvfs(folder)
        except OSError:
            return "the ledger cannot be written"
        if space.f_bavail * space.f_frsize < _NEARLY_FULL:
            return "the output disk is full"
        return "the ledger cannot be written"
    return None
