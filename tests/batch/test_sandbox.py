"""The worker child process: a document whose worker dies is one failed document."""

from __future__ import annotations

import os
import signal
from multiprocessing.connection import wait
from pathlib import Path

from extractor.batch.sandbox import Sandbox
from extractor.batch.sources import SourceDocument
from extractor.batch.work import Settings, Task

from .helpers import contract_text


def ready(sandbox: Sandbox) -> None:
    while not sandbox.ready:
        assert wait([sandbox.fileno], timeout=120), "the worker did not start"
        sandbox.collect()


def test_a_worker_that_dies_fails_its_document_and_is_replaced(tmp_path: Path) -> None:
    long_file = tmp_path / "long.txt"
    long_file.write_text("\n\n".join(contract_text(n, 8) for n in range(1500)), encoding="utf-8")
    short_file = tmp_path / "short.txt"
    short_file.write_text(contract_text(7), encoding="utf-8")
    sandbox = Sandbox(Settings(out_dir=str(tmp_path / "out"), classify=False))
    try:
        ready(sandbox)
        first_child = sandbox.pid
        sandbox.submit(Task(SourceDocument(str(long_file), str(long_file)), "a" * 64))
        os.kill(first_child, signal.SIGKILL)  # as a crash in a native library would
        result = sandbox.collect()
        assert result is not None and result.status == "failed"
        assert result.reason == "the worker process died on this file (signal 9)"
        ready(sandbox)
        assert sandbox.pid != first_child
        sandbox.submit(Task(SourceDocument(str(short_file), str(short_file)), "b" * 64))
        assert wait([sandbox.fileno], timeout=60)
        done = sandbox.collect()
        assert done is not None and (done.status, done.statements) == ("done", 4)
    finally:
        sandbox.close()
