"""The batch ledger: one SQLite row per document content, committed after its output is durable.

Keyed by the sha256 of the content, so a re-run skips what is recorded and
two copies of one file are processed once. The worker writes a document's
part file and renames it into place before the row is committed here; a kill
between the two only means the document is done again and its part file
replaced by an identical one, so nothing is lost and nothing is doubled.

A second table holds the source as it is now: each file's path and content
hash, as of the run that last listed it. Once a run has listed the whole
source, files no longer there are forgotten, so the outputs describe the
source as it is (a changed file's old content, a deleted or renamed file's
old path drop out) while every content's work stays in ``documents`` and is
never done again.
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
from typing import Any

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
);
CREATE TABLE IF NOT EXISTS files (
    doc TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    run INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_content ON files (sha256, run);
CREATE TABLE IF NOT EXISTS runs (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
)
"""

# One row per file of the source: its document's row, and the file first listed with its
# content (the one whose name the statements carry; the others are copies of it). Before
# any run of this code listed the whole source (an output folder of an older version), a
# document no file names yet stands for itself.
_CURRENT = """
SELECT f.doc, COALESCE(
    (SELECT c.doc FROM files c WHERE c.sha256 = d.sha256 AND c.doc = d.doc),
    (SELECT c.doc FROM files c WHERE c.sha256 = d.sha256 ORDER BY c.run DESC, c.rowid LIMIT 1)
), d.*
FROM files f JOIN documents d ON d.sha256 = f.sha256
UNION ALL
SELECT d.doc, d.doc, d.*
FROM documents d
WHERE ? AND NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = d.sha256)
ORDER BY 1
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
            self._db.executescript(_SCHEMA)

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

    def begin_run(self) -> int:
        """The number of this run, for ``see`` and ``listed``."""
        with self._writing():
            run = self._value("run") + 1
            self._db.execute("INSERT OR REPLACE INTO runs VALUES ('run', ?)", (run,))
        return run

    def see(self, doc: str, sha256: str, run: int) -> str | None:
        """Note a file of this run's listing; the file listed before it with its content, if any."""
        row = self._db.execute(
            "SELECT doc FROM files WHERE sha256 = ? AND run = ? ORDER BY rowid LIMIT 1",
            (sha256, run),
        ).fetchone()
        with self._writing():
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (_storable(doc), sha256, run)
            )
        return None if row is None else str(row[0])

    def listed(self, run: int) -> int:
        """The whole source was listed in ``run``: forget files not seen; how many were."""
        with self._writing():
            gone = self._db.execute("DELETE FROM files WHERE run < ?", (run,)).rowcount
            self._db.execute("INSERT OR REPLACE INTO runs VALUES ('listed', ?)", (run,))
        return int(gone)

    def current(self) -> Iterator[tuple[str, str, DocumentResult]]:
        """(file, the file first listed with its content, its document) for each file, by name."""
        legacy = self._value("listed") == 0
        for file, first, *row in self._db.execute(_CURRENT, (legacy,)):
            yield str(file), str(first), _result(row)

    def _value(self, key: str) -> int:
        row = self._db.execute("SELECT value FROM runs WHERE key = ?", (key,)).fetchone()
        return 0 if row is None else int(row[0])

    def results(self, status: str | None = None) -> Iterator[DocumentResult]:
        """Recorded documents by name, streamed from the database."""
        query = "SELECT * FROM documents"
        params: tuple[str, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            params = (status,)
        for row in self._db.execute(query + " ORDER BY doc, sha256", params):
            yield _result(row)

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


def _result(row: Any) -> DocumentResult:
    sha256, doc, state, pages, statements, labels, seconds, reason, part = row
    return DocumentResult(
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
