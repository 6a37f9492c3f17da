"""Kill a real ``reqx batch`` run mid-way, run it again: every document exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from .helpers import write_contracts

DOCUMENTS = 40


def ledger_rows(out: Path) -> int:
    path = out / "ledger.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the table is not created yet


def batch_command(source: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "extractor",
        "batch",
        str(source),
        "--out",
        str(out),
        "--workers",
        "2",
        "--no-classify",
        "--no-progress",
    ]


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    source, out = tmp_path / "source", tmp_path / "out"
    write_contracts(source, DOCUMENTS)
    run = subprocess.Popen(
        batch_command(source, out),
        start_new_session=True,  # its own process group: the kill takes the workers too
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while ledger_rows(out) < 5 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    recorded = ledger_rows(out)
    assert 5 <= recorded < DOCUMENTS, "the kill came too late to test anything"
    assert not (out / "statements.jsonl").exists()

    finished = subprocess.run(batch_command(source, out), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert f"{DOCUMENTS - recorded} read; {recorded} done before" in finished.stderr

    records = [json.loads(line) for line in (out / "statements.jsonl").read_text().splitlines()]
    per_document = Counter(record["doc"] for record in records)
    assert len(per_document) == DOCUMENTS
    for doc in per_document:
        indexes = sorted(record["index"] for record in records if record["doc"] == doc)
        assert indexes == list(range(4)), doc  # each statement once, none missing
    with sqlite3.connect(out / "ledger.sqlite") as db:
        rows = db.execute("SELECT status, COUNT(*) FROM documents GROUP BY status").fetchall()
    assert rows == [("done", DOCUMENTS)]
    assert not list((out / "parts").glob("*/*.tmp"))


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_soon_and_leaves_outputs_of_what_was_done(tmp_path: Path) -> None:
    """Ctrl-C in a terminal signals the whole process group, as here."""
    source, out = tmp_path / "source", tmp_path / "out"
    write_contracts(source, DOCUMENTS)
    run = subprocess.Popen(
        batch_command(source, out),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # a suite started in the background ("pytest &") inherits SIGINT ignored, as a
        # shell sets it for background jobs, and so would the run: Ctrl-C reaches a
        # foreground terminal's job with SIGINT as it was
        preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 120
    while ledger_rows(out) < 5 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGINT)
    interrupted_at = time.monotonic()
    _, stderr = run.communicate(timeout=60)
    stopped_in = time.monotonic() - interrupted_at
    recorded = ledger_rows(out)
    assert 5 <= recorded < DOCUMENTS, "the interrupt came too late to test anything"
    assert run.returncode == 130, stderr
    assert "reqx: interrupted;" in stderr and "Run the same command again" in stderr
    assert stopped_in < 4, "a busy worker was waited for instead of stopped"
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text().splitlines()]
    assert len({record["doc"] for record in records}) == recorded

    finished = subprocess.run(batch_command(source, out), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text().splitlines()]
    assert len({record["doc"] for record in records}) == DOCUMENTS
