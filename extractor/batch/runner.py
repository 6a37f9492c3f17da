"""Run a batch: feed the source's documents to workers, record each result, write the outputs.

Workers are ``Sandbox`` child processes, either driven here (``workers``
processes on this machine) or inside the workers of a Dask cluster
(``scheduler``). Either way this process only hashes the source's files,
skips what the ledger already holds, commits one ledger row per result and
updates the progress bar: nothing grows with the length of the run but the
ledger on disk, and the names of the files that failed or repeat another's
content, which the terminal lists at the end.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from extractor.batch.ledger import Ledger
from extractor.batch.outputs import write_outputs
from extractor.batch.parts import PARTS_DIR
from extractor.batch.sandbox import Sandbox
from extractor.batch.sources import (
    ArchiveLimits,
    check_source,
    content_hash,
    count_documents,
    list_documents,
    shown_name,
)
from extractor.batch.work import (
    UNWRITTEN,
    DocumentResult,
    OutputUnwritable,
    Settings,
    Task,
    output_problem,
)

__all__ = ["BatchOptions", "BatchReport", "run_batch"]

SETTINGS_NAME = "batch.json"
LOCK_NAME = "batch.lock"
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
    password: str | None = field(default=None, repr=False)  # for the source's encrypted PDFs
    recycle_after: int = 1000  # documents per child before a fresh one: spaCy caches grow
    limits: ArchiveLimits = field(default_factory=ArchiveLimits)


@dataclass
class BatchReport:
    """What one run did.

    ``documents`` counts the files of the source; ``processed`` those read in
    this run; ``skipped`` those done before or failed before (``not_retried``
    of them), and copies of a file listed before them (``duplicates``);
    ``failed`` every file of the source, as it is now, whose content failed,
    in this run or before: the rows of ``errors.csv``.
    """

    documents: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    not_retried: int = 0
    gone: int = 0  # files of earlier runs no longer in the source: left out of the outputs
    pages: int = 0
    seconds: float = 0.0
    first_result: float | None = None  # seconds from the start: after the workers loaded
    last_result: float | None = None
    outputs: dict[str, Path] = field(default_factory=dict)
    # This run's failures, (file, reason), and files whose content another file of the
    # source already had this run, (file, the first file): they are read once.
    failures: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C; the outputs hold what was done
    skipped_folder: str | None = None  # the output folder, inside the source: not read
    parts_missing: list[str] = field(default_factory=list)  # done before, part file gone

    @property
    def steady_rate(self) -> float | None:
        """Documents per second between the first and the last result (start-up left out)."""
        if self.first_result is None or self.last_result is None or self.processed < 2:
            return None
        span = self.last_result - self.first_result
        return (self.processed - 1) / span if span > 0 else None


def run_batch(options: BatchOptions) -> BatchReport:
    """Process every document of ``options.source`` not yet in the ledger of ``options.out_dir``.

    Raises ``DocumentError`` when the source cannot be listed (missing, not a
    folder or ZIP, an archive over its limits), ``OutputUnwritable`` when the
    output folder cannot be written (read-only, or its disk full: then the run
    stops, and the same command goes on once there is space) and ``ValueError``
    when the output folder was made with another output format or is the source.
    """
    # Every check that can refuse the run comes before the output folder is made,
    # so a run that cannot start leaves nothing behind (no batch.json, no lock).
    check_source(options.source)
    out_dir = Path(options.out_dir)
    skip = _output_inside(options.source, out_dir)
    total = count_documents(options.source, options.limits, skip=skip)  # a bad archive: here
    source = os.path.realpath(options.source)
    _check_settings(out_dir, options.output_format, source)
    with _writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(out_dir):
        _check_settings(out_dir, options.output_format, source)  # another run may have begun
        with _writing(out_dir):
            _record_settings(out_dir, options.output_format, source)
        return _run(options, out_dir, total, skip)


@contextmanager
def _writing(out_dir: Path) -> Iterator[None]:
    """An output folder that cannot be written (read-only, full) as one line, not a traceback."""
    try:
        yield
    except OSError as error:
        problem = output_problem(error)
        if problem is None:
            raise
        raise OutputUnwritable(f"{shown_name(str(out_dir))}: {problem}") from None


def _output_inside(source: str, out_dir: Path) -> str | None:
    """The output folder when it lies inside the source folder: the listing skips it.

    Otherwise the run reads its own ledger, part files and outputs as contracts,
    and they grow on every run. An output folder that is the source folder
    itself is refused: skipping it would leave nothing to read.
    """
    if not os.path.isdir(source):
        return None
    inside, out = os.path.realpath(source), os.path.realpath(out_dir)
    if out == inside:
        raise ValueError(
            f"{shown_name(str(out_dir))} is the source folder itself; give an --out folder"
            " outside it"
        )
    return out if os.path.commonpath([inside, out]) == inside else None


def _run(options: BatchOptions, out_dir: Path, total: int, skip: str | None) -> BatchReport:
    _remove_stale_temporaries(out_dir)
    settings = Settings(
        out_dir=str(out_dir.resolve()),
        output_format=options.output_format,
        reader=options.reader,
        classify=options.classify,
        max_pages=options.max_pages,
        ocr=options.ocr,
        model_path=options.model_path,
        password=options.password,
    )
    report = BatchReport(documents=total, skipped_folder=str(out_dir) if skip else None)
    start = time.monotonic()
    with Ledger(out_dir) as ledger, _Progress(total, options.progress) as progress:
        report.parts_missing = ledger.forget_missing_parts(out_dir)
        run = ledger.begin_run()

        def record(result: DocumentResult) -> None:
            if result.status == UNWRITTEN:  # not the document's fault: stop, record nothing
                raise OutputUnwritable(result.reason)
            ledger.record(result)
            report.last_result = time.monotonic() - start
            if report.first_result is None:
                report.first_result = report.last_result
            report.processed += 1
            report.pages += result.pages
            if result.status == "failed":
                report.failures.append((result.name, result.reason))
            progress.advance(result.pages, failed=result.status == "failed")

        def feed() -> Iterator[Task]:
            for document in list_documents(options.source, options.limits, skip=skip):
                sha256 = content_hash(document, options.limits.max_member_bytes)
                first = ledger.see(document.name, sha256, run)
                if first is not None:  # a copy of a file listed before: read once, even retried
                    report.duplicates.append((document.name, first))
                    report.skipped += 1
                    progress.advance(0)
                    continue
                known = ledger.entry(sha256)
                status = known[0] if known else None
                if status == "done" or (status == "failed" and not options.retry_failed):
                    report.skipped += 1
                    report.not_retried += status == "failed"
                    progress.advance(0)
                    continue
                task = Task(document, sha256)
                if document.refused:
                    record(DocumentResult.failed(task, document.refused))
                    continue
                yield task
            report.gone = ledger.listed(run)  # the whole source is listed: forget the rest

        try:
            if options.scheduler:
                from extractor.batch.cluster import run_on_dask

                run_on_dask(options.scheduler, feed(), settings, options.time_limit, record)
            else:
                _run_local(feed(), settings, options, record, str(out_dir / WORKER_LOG))
        except KeyboardInterrupt:
            # Ctrl-C: what is in the ledger goes into the outputs now, not at the next run.
            report.interrupted = True
        with _writing(out_dir):
            report.outputs, totals = write_outputs(out_dir, ledger, options.output_format)
        report.failed = totals["files:failed"]  # the rows of errors.csv
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
    queue = _TaskQueue(tasks)
    if queue.empty():
        return  # everything is in the ledger already: no worker needs to start
    sandboxes = [Sandbox(settings, log_path=log_path) for _ in range(max(1, options.workers))]

    def give_work(sandbox: Sandbox) -> None:
        if not sandbox.ready or sandbox.busy or queue.empty():
            return
        if options.recycle_after and sandbox.done >= options.recycle_after:
            sandbox.restart()  # it says "ready" again once loaded
            return
        task = queue.pop()
        if task is not None:
            sandbox.submit(task)

    try:
        while not queue.empty() or any(sandbox.busy for sandbox in sandboxes):
            by_fileno = {sandbox.fileno: sandbox for sandbox in sandboxes}
            for ready in wait(list(by_fileno), timeout=_next_deadline(sandboxes, options)):
                sandbox = by_fileno[ready]  # type: ignore[index]
                result = sandbox.collect()
                give_work(sandbox)  # before the ledger commit, so the worker never waits on it
                if result is not None:
                    record(result)
            for sandbox in sandboxes:
                if sandbox.overdue(options.time_limit):
                    record(sandbox.time_out(options.time_limit))
                give_work(sandbox)
    except (KeyboardInterrupt, OutputUnwritable):
        for sandbox in sandboxes:
            sandbox.kill()  # mid-document: stop now, the document is read again next run
        raise
    finally:
        for sandbox in sandboxes:
            sandbox.close()


class _TaskQueue:
    """The task iterator with one task of look-ahead, so "no more work" is known in advance."""

    def __init__(self, tasks: Iterator[Task]) -> None:
        self._tasks = tasks
        self._next = next(tasks, None)

    def empty(self) -> bool:
        return self._next is None

    def pop(self) -> Task | None:
        task, self._next = self._next, next(self._tasks, None)
        return task


def _next_deadline(sandboxes: list[Sandbox], options: BatchOptions) -> float:
    now = time.monotonic()
    waits = [sandbox.started + options.time_limit - now for sandbox in sandboxes if sandbox.busy]
    return max(0.01, min(waits, default=1.0))


@contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """One run at a time per output folder; a second one is refused, not interleaved."""
    import fcntl

    with _writing(out_dir):
        lock = open(out_dir / LOCK_NAME, "w")  # noqa: SIM115 - closed below
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ValueError(f"{out_dir} is in use by another batch run") from None
        yield


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Part files a killed run left half written (never renamed into place)."""
    parts = out_dir / PARTS_DIR
    if parts.is_dir():
        for stale in parts.glob("*/*.tmp"):
            stale.unlink(missing_ok=True)


def _settings(out_dir: Path) -> dict[str, Any]:
    path = out_dir / SETTINGS_NAME
    if not path.exists():
        return {}
    recorded = json.loads(path.read_text(encoding="utf-8"))
    return recorded if isinstance(recorded, dict) else {}


def _check_settings(out_dir: Path, output_format: str, source: str) -> None:
    """One output folder, one format and one source.

    Parts of two formats would not concatenate; two sources would be merged
    into one statements file, summary and chart without a word. A folder made
    before the source was recorded takes the source of its next run.
    """
    recorded = _settings(out_dir)
    shown = shown_name(str(out_dir))
    if recorded and recorded.get("format") != output_format:
        kind = recorded.get("format")
        raise ValueError(f"{shown} holds a {kind} batch; use --format {kind} or another folder")
    earlier = recorded.get("source")
    if isinstance(earlier, str) and earlier != source:
        raise ValueError(
            f"{shown} holds a batch of {shown_name(earlier)}, not of {shown_name(source)};"
            " give this source an --out folder of its own (if the source was moved, set"
            f' "source" in {shown}/{SETTINGS_NAME} to its new place)'
        )


def _record_settings(out_dir: Path, output_format: str, source: str) -> None:
    recorded = _settings(out_dir)
    if recorded.get("source") == source and recorded.get("format") == output_format:
        return
    recorded.update(format=output_format, source=source)  # ASCII JSON: any file name fits
    path = out_dir / SETTINGS_NAME
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(recorded) + "\n", encoding="utf-8")
    os.replace(temporary, path)


STATUS_EVERY = 60.0  # seconds between plain status lines when stderr is no terminal


class _Progress:
    """tqdm's bar over documents, with pages/s, on a terminal; silent when switched off.

    When stderr is a file (``2> night.log``) a bar is one endless line of
    carriage returns, so a plain status line is written every ``STATUS_EVERY``
    seconds instead, and one at the end.
    """

    def __init__(self, total: int, enabled: bool) -> None:
        self.pages = 0
        self.count = 0
        self.failed = 0
        self.total = total
        self.start = time.monotonic()
        self._last_line = self.start
        self._bar: Any = None
        self._lines = enabled and not _is_terminal(sys.stderr)
        if enabled and not self._lines:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def advance(self, pages: int, *, failed: bool = False) -> None:
        self.pages += pages
        self.count += 1
        self.failed += failed
        if self._lines:
            now = time.monotonic()
            if now - self._last_line >= STATUS_EVERY:
                self._last_line = now
                self._status_line(now)
        if self._bar is None:
            return
        elapsed = max(time.monotonic() - self.start, 1e-9)
        self._bar.set_postfix_str(f"{self.pages / elapsed:.1f} pages/s", refresh=False)
        self._bar.update(1)

    def _status_line(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.count / elapsed
        left = max(self.total - self.count, 0)
        eta = _clock(left / rate) if rate > 0 else "unknown"
        sys.stderr.write(
            f"reqx: {time.strftime('%H:%M:%S')} {self.count}/{self.total} documents,"
            f" {self.failed} failed in this run, {self.pages} pages, {rate:.1f} doc/s,"
            f" ETA {eta}\n"
        )
        sys.stderr.flush()

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
        if self._lines and exc[0] is None:
            self._status_line(time.monotonic())


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    minutes, second = divmod(round(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours:02d}:{minute:02d}:{second:02d}"
