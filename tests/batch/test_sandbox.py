"""The worker child process: a document whose worker dies is one failed document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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


PARENT_SCRIPT = """
import sys, time
from extractor.batch.sandbox import Sandbox
from extractor.batch.sources import SourceDocument
from extractor.batch.work import Settings, Task
from multiprocessing.connection import wait
out, stuck = sys.argv[1], sys.argv[2]
sandbox = Sandbox(Settings(out_dir=out, classify=False))
while not sandbox.ready:
    wait([sandbox.fileno], timeout=120)
    sandbox.collect()
sandbox.submit(Task(SourceDocument(stuck, stuck), "c" * 64))
print(sandbox.pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent that may never reap it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\\nState:\\tZ" not in status


def test_a_worker_stops_when_its_batch_is_killed(tmp_path: Path) -> None:
    """kill -9 of the batch cannot stop its children: a worker busy on (here: stuck in) a
    document ran on alone, with nobody left to enforce the time limit."""
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # opening it for reading waits for a writer that never comes
    child = 0
    with subprocess.Popen(
        [sys.executable, "-c", PARENT_SCRIPT, str(tmp_path / "out"), str(stuck)],
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:
        try:
            assert parent.stdout is not None
            child = int(parent.stdout.readline())
            time.sleep(0.5)
            assert _alive(child)  # stuck on the document
            parent.kill()
            parent.wait()
            deadline = time.monotonic() + 10
            while _alive(child) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not _alive(child)
        finally:
            parent.kill()
            if child and _alive(child):
                os.kill(child, signal.SIGKILL)
