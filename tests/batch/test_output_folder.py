"""The output folder an operator found hostile: inside the source, read-only, its disk full."""

from __future__ import annotations

import csv
import errno
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.batch import BatchOptions, run_batch
from extractor.batch.sources import list_documents
from extractor.batch.work import UNWRITTEN, DocumentWorker, Settings, Task
from extractor.cli import cli

from .helpers import contract_text, write_contracts


def summary_docs(out: Path) -> list[str]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as rows:
        return [row["doc"] for row in csv.DictReader(rows)]


def batch_cli(source: Path, out: Path, *more: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["batch", str(source), "--out", str(out), "--no-classify", "--no-progress", *more]
    )


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    """Mount small tmpfs file systems (root only), unmounted after the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted: list[Path] = []

    def mount(folder: Path, options: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


# --- an output folder inside the source folder ------------------------------------------


def test_an_output_folder_inside_the_source_is_not_read(tmp_path: Path) -> None:
    source = tmp_path / "r2"
    write_contracts(source, 2)
    out = source / "out"
    first = batch_cli(source, out)
    assert first.exit_code == 0, first.output
    assert "r2/out, the output folder, is inside the source folder" in first.stderr
    assert "2 documents: 2 read" in first.stderr
    again = batch_cli(source, out)
    assert again.exit_code == 0, again.output
    assert "2 documents: 0 read; 2 done before" in again.stderr
    assert [Path(doc).name for doc in summary_docs(out)] == [
        "contract_00000.txt",
        "contract_00001.txt",
    ]
    # the same folder named through a link is still the output folder
    os.symlink(out, tmp_path / "link")
    assert len(list(list_documents(source, skip=str(tmp_path / "link")))) == 2


def test_an_output_folder_that_is_the_source_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "src"
    write_contracts(source, 1)
    result = batch_cli(source, source)
    assert result.exit_code == 2
    assert "is the source folder itself; give an --out folder outside it" in result.stderr
    assert sorted(path.name for path in source.iterdir()) == ["contract_00000.txt"]


# --- a read-only output folder -----------------------------------------------------------


def test_a_read_only_output_folder_is_one_line_and_exit_2(tmp_path: Path, tmpfs) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    write_contracts(source, 1)
    readonly = tmpfs(tmp_path / "romnt", "ro,size=1m")
    result = batch_cli(source, readonly / "out")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        f"reqx: error: {readonly / 'out'}: the output folder is not writable"
        " (read-only file system)"
    ]


def test_a_finished_run_on_read_only_storage_is_one_line(tmp_path: Path, tmpfs) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    write_contracts(source, 1)
    mount = tmpfs(tmp_path / "mnt", "size=4m")
    out = mount / "run"
    assert batch_cli(source, out).exit_code == 0
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    result = batch_cli(source, out)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.strip() == (
        f"reqx: error: {out}: the output folder is not writable (read-only file system)"
    )


def test_an_output_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without root: the OS call that makes the folder refuses, as on a read-only mount."""
    source = tmp_path / "src"
    write_contracts(source, 1)
    real_mkdir = os.mkdir

    def read_only(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "out" in str(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    result = batch_cli(source, tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"reqx: error: {tmp_path / 'out'}: the output folder is not writable"
        " (read-only file system)"
    )


# --- a full output disk ------------------------------------------------------------------


def test_a_full_parts_disk_stops_the_run_and_fails_nothing(tmp_path: Path, tmpfs) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    source.mkdir()
    for number in range(6):  # about 14 kB of records each: two fit in 32 kB
        text = "\n\n".join(contract_text(number * 100 + n) for n in range(12))
        (source / f"po_{number}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    parts = tmpfs(out / "parts", "size=32k")
    result = batch_cli(source, out)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"reqx: error: {out.resolve()}/parts: the output disk is full")
    assert "free space there and run the same command again" in lines[0]
    assert "bug" not in result.stderr
    subprocess.run(["mount", "-o", "remount,size=4m", str(parts)], check=True)
    again = batch_cli(source, out)  # no --retry-failed: nothing was recorded as failed
    assert again.exit_code == 0, again.output
    assert "errors.csv lists 0 files" in again.stderr
    with (out / "summary.csv").open(encoding="utf-8", newline="") as rows:
        assert sorted(row["status"] for row in csv.DictReader(rows)) == ["done"] * 6


def test_a_full_ledger_disk_is_one_line_not_a_traceback(tmp_path: Path, tmpfs) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    write_contracts(source, 2)
    out = tmpfs(tmp_path / "small", "size=1m") / "out"
    tmpfs(out / "parts", "size=4m")  # the parts have room; the ledger's disk has none
    assert batch_cli(source, out).exit_code == 0
    write_contracts(source, 30, start=2)
    filler = os.open(out.parent / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(filler, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(filler)
    result = batch_cli(source, out)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "the output disk is full" in lines[0]
    (out.parent / "filler").unlink()
    again = batch_cli(source, out)
    assert again.exit_code == 0, again.output
    assert len(summary_docs(out)) == 32


def test_a_worker_says_the_disk_is_full_instead_of_failing_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without root: fsync of the part file raises ENOSPC at the OS-call level."""
    from extractor.batch.sources import SourceDocument

    path = tmp_path / "a.txt"
    path.write_text(contract_text(1), encoding="utf-8")
    worker = DocumentWorker(Settings(out_dir=str(tmp_path / "out"), classify=False))

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = worker.run(Task(SourceDocument(str(path), str(path)), "ab" * 32))
    assert result.status == UNWRITTEN
    assert "the output disk is full (no space left on device)" in result.reason
    assert "bug" not in result.reason


# --- a part file removed by hand ---------------------------------------------------------


def test_a_missing_part_file_is_read_again_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "src"
    write_contracts(source, 3)
    out = tmp_path / "out"
    options = BatchOptions(str(source), str(out), classify=False, progress=False)
    run_batch(options)
    before = (out / "statements.jsonl").read_text(encoding="utf-8")
    victim = next((out / "parts").glob("*/*.part"))
    victim.unlink()  # a colleague "cleans up"
    report = run_batch(options)
    assert report.processed == 1 and report.failed == 0
    assert len(report.parts_missing) == 1
    assert victim.exists()
    assert (out / "statements.jsonl").read_text(encoding="utf-8") == before
    assert len([json.loads(line) for line in before.splitlines()]) == 12
