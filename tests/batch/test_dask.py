"""``--scheduler``: the same batch on a Dask LocalCluster of two worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.batch import BatchOptions, run_batch

from .helpers import write_contracts

distributed = pytest.importorskip("distributed")


@pytest.fixture
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # any free port: two test runs at once must not collide
    ) as cluster:
        yield cluster.scheduler_address


def test_batch_on_a_local_cluster(tmp_path: Path, scheduler: str) -> None:
    source = tmp_path / "source"
    write_contracts(source, 6)
    (source / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a PDF")
    options = BatchOptions(
        str(source), str(tmp_path / "out"), scheduler=scheduler, classify=False, progress=False
    )
    report = run_batch(options)
    assert (report.processed, report.failed) == (7, 1)
    lines = (tmp_path / "out" / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 6 * 4
    assert len({(r["sha256"], r["index"]) for r in records}) == len(records)
    again = run_batch(options)
    assert (again.processed, again.skipped) == (0, 7)


def test_ctrl_c_on_a_cluster_run_leaves_outputs_and_resumes(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.batch.runner as runner

    source = tmp_path / "source"
    write_contracts(source, 12)
    options = BatchOptions(
        str(source), str(tmp_path / "out"), scheduler=scheduler, classify=False, progress=False
    )
    real_record = runner.Ledger.record
    seen: list[str] = []

    def record_then_interrupt(ledger, result):  # type: ignore[no-untyped-def]
        real_record(ledger, result)
        seen.append(result.name)
        if len(seen) == 2:
            raise KeyboardInterrupt  # as Ctrl-C arrives in the client

    monkeypatch.setattr(runner.Ledger, "record", record_then_interrupt)
    report = run_batch(options)
    assert report.interrupted and report.processed == 1  # the second was recorded, then Ctrl-C
    lines = (tmp_path / "out" / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    assert len({json.loads(line)["doc"] for line in lines}) == 2
    monkeypatch.setattr(runner.Ledger, "record", real_record)
    again = run_batch(options)
    assert (again.processed, again.skipped) == (10, 2)


def test_a_relative_source_is_found_by_workers_running_elsewhere(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers started in another folder: a relative SOURCE failed every document."""
    here = tmp_path / "here"
    write_contracts(here / "contracts", 3)
    monkeypatch.chdir(here)  # the client's folder only; the workers keep theirs
    options = BatchOptions(
        "contracts", str(tmp_path / "out"), scheduler=scheduler, classify=False, progress=False
    )
    report = run_batch(options)
    assert (report.processed, report.failed) == (3, 0), report.failures
    lines = (tmp_path / "out" / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    docs = {json.loads(line)["doc"] for line in lines}
    assert docs == {f"contracts/contract_0000{n}.txt" for n in range(3)}  # named as given
