"""Run a batch: feed the source's documents to workers, record each result, write the outputs.

Workers are ``Sandbox`` child processes, either driven here (``workers``
processes on this machine) or inside the workers of a Dask cluster
(``scheduler``). Either way this process only hashes the source's files,
skips what the ledger already holds, commits one ledger row per result and
updates the progress bar: nothing grows with the length of the run but the
ledger on disk.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from extractor.batch.ledger import Ledger
from extractor.batch.outputs import write_outputs
from extractor.batch.sandbox import Sandbox
from extractor.batch.sources import ArchiveLimits, content_hash, count_documents, list_documents
from extractor.batch.work import DocumentResult, Settings, Task

__all__ = ["BatchOptions", "BatchReport", "run_batch"]

SETTINGS_NAME = "batch.json"
WORKER_LOG = "workers.log"


@dataclass(frozen=True)
class BatchOptions:
    """One batch run: where from, where to, how."""

    source: str
    out_dir: str
    output_format: str = "jsonl"
    reader: str = "pdfplumber"
    classify: bool = True
    max_pages: int | None = None
    ocr: bool = True
    model_path: str | None = None
    workers: int = 1
    scheduler: str | None = None
    time_limit: float = 300.0
    retry_failed: bool = False
    progress: bool = True
    recycle_after: int = 2000  # documents per child before a fresh one: spaCy's vocabulary grows
    limits: ArchiveLimits = field(default_factory=ArchiveLimits)


@dataclass
class BatchReport:
    """What one run did; ``failed`` counts every failed document of the source, old and new."""

    documents: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    outputs: dict[str, Path] = field(default_factory=dict)


def run_batch(options: BatchOptions) -> BatchReport:
    """Process every document of ``options.source`` not yet in the ledger of ``options.out_dir``.

    Raises ``DocumentError`` when the source cannot be listed (missing, not a
    folder or ZIP, an archive over its limits) and ``ValueError`` when the
    output folder was made with another output format.
    """
    out_dir = Path(options.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _check_format(out_dir, options.output_format)
    settings = Settings(
        out_dir=str(out_dir.resolve()),
        output_format=options.output_format,
        reader=options.reader,
        classify=options.classify,
        max_pages=options.max_pages,
        ocr=options.ocr,
        model_path=options.model_path,
    )
    total = count_documents(options.source, options.limits)
    report = BatchReport(documents=total)
    start = time.monotonic()
    with Ledger(out_dir) as ledger, _Progress(total, options.progress) as progress:
        in_flight: set[str] = set()

        def record(result: DocumentResult) -> None:
            ledger.record(result)
            in_flight.discard(result.sha256)
            report.processed += 1
            report.pages += result.pages
            report.failed += result.status == "failed"
            progress.advance(result.pages)

        def feed() -> Iterator[Task]:
            for document in list_documents(options.source, options.limits):
                sha256 = content_hash(document, options.limits.max_member_bytes)
                status = ledger.status(sha256)
                if (
                    sha256 in in_flight
                    or status == "done"
                    or (status == "failed" and not options.retry_failed)
                ):
                    report.skipped += 1
                    report.failed += status == "failed"
                    progress.advance(0)
                    continue
                task = Task(document, sha256)
                if document.refused:
                    record(DocumentResult.failed(task, document.refused))
                    continue
                in_flight.add(sha256)
                yield task

        if options.scheduler:
            from extractor.batch.cluster import run_on_dask

            run_on_dask(options.scheduler, feed(), settings, options.time_limit, record)
        else:
            _run_local(feed(), settings, options, record, str(out_dir / WORKER_LOG))
        report.outputs = write_outputs(out_dir, ledger, options.output_format)
    report.seconds = time.monotonic() - start
    return report


def _run_local(
    tasks: Iterator[Task],
    settings: Settings,
    options: BatchOptions,
    record: Callable[[DocumentResult], None],
    log_path: str,
) -> None:
    """Keep ``options.workers`` sandboxes busy until the tasks run out."""
    pending = next(tasks, None)
    if pending is None:
        return  # everything is in the ledger already: no worker needs to start
    sandboxes = [Sandbox(settings, log_path=log_path) for _ in range(max(1, options.workers))]
    exhausted = False
    try:
        while True:
            for sandbox in sandboxes:
                if exhausted or not sandbox.ready or sandbox.busy:
                    continue
                if options.recycle_after and sandbox.done >= options.recycle_after:
                    sandbox.restart()
                    continue
                task, pending = pending or next(tasks, None), None
                if task is None:
                    exhausted = True
                    break
                sandbox.submit(task)
            if exhausted and not any(sandbox.busy for sandbox in sandboxes):
                return
            by_fileno = {sandbox.fileno: sandbox for sandbox in sandboxes}
            for ready in wait(list(by_fileno), timeout=_next_deadline(sandboxes, options)):
                result = by_fileno[ready].collect()  # type: ignore[index]
                if result is not None:
                    record(result)
            for sandbox in sandboxes:
                if sandbox.overdue(options.time_limit):
                    record(sandbox.time_out(options.time_limit))
    finally:
        for sandbox in sandboxes:
            sandbox.close()


def _next_deadline(sandboxes: list[Sandbox], options: BatchOptions) -> float:
    now = time.monotonic()
    waits = [sandbox.started + options.time_limit - now for sandbox in sandboxes if sandbox.busy]
    return max(0.01, min(waits, default=1.0))


def _check_format(out_dir: Path, output_format: str) -> None:
    """One output folder, one format: parts of two formats would not concatenate."""
    path = out_dir / SETTINGS_NAME
    if path.exists():
        recorded = json.loads(path.read_text(encoding="utf-8")).get("format")
        if recorded != output_format:
            raise ValueError(
                f"{out_dir} holds a {recorded} batch; use --format {recorded} or another folder"
            )
        return
    path.write_text(json.dumps({"format": output_format}) + "\n", encoding="utf-8")


class _Progress:
    """tqdm's bar over documents, with pages/s; silent when switched off."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.pages = 0
        self.start = time.monotonic()
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def advance(self, pages: int) -> None:
        self.pages += pages
        if self._bar is None:
            return
        elapsed = max(time.monotonic() - self.start, 1e-9)
        self._bar.set_postfix_str(f"{self.pages / elapsed:.1f} pages/s", refresh=False)
        self._bar.update(1)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
