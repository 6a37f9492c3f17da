"""The SQLite ledger and atomic part files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.batch.ledger import LEDGER_NAME, Ledger
from extractor.batch.parts import part_path, read_part, write_part
from extractor.batch.work import DocumentResult
from extractor.records import FIELDS


def record(index: int, text: str) -> dict:
    values = {name: None for name in FIELDS}
    values.update(
        doc="a.txt",
        sha256="ab" * 32,
        index=index,
        page=1,
        boxes=[{"page": 1, "x0": 1.0, "top": 2.0, "x1": 3.0, "bottom": 4.0}],
        text=text,
        cues=["shall"],
        laws=[],
        standards=[],
        dates=[],
        quantities=[],
        ocr=False,
        label="specified",
        confidence=0.9,
    )
    return values


def test_ledger_records_and_streams_results(tmp_path: Path) -> None:
    done = DocumentResult("b.txt", "1" * 64, "done", 2, 3, {"specified": 2, "none": 1}, 0.5)
    failed = DocumentResult("a.pdf", "2" * 64, "failed", reason="damaged")
    with Ledger(tmp_path) as ledger:
        assert ledger.entry("1" * 64) is None
        ledger.record(done)
        ledger.record(failed)
    assert (tmp_path / LEDGER_NAME).is_file()
    with Ledger(tmp_path) as ledger:  # a real file: the rows survive reopening
        assert ledger.entry("1" * 64) == ("done", "b.txt")
        assert ledger.entry("2" * 64) == ("failed", "a.pdf")
        assert [r.name for r in ledger.results()] == ["a.pdf", "b.txt"]
        assert list(ledger.results("done")) == [done]
        assert ledger.counts() == {"done": 1, "failed": 1}
        ledger.record(DocumentResult("a.pdf", "2" * 64, "done"))  # a retried failure
        assert ledger.counts() == {"done": 2}


@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
def test_part_round_trip_leaves_no_temporary(tmp_path: Path, output_format: str) -> None:
    path = part_path(tmp_path, "ab" * 32, output_format)
    records = [record(0, "The Supplier shall ship."), record(1, "The Buyer shall pay.")]
    write_part(path, records, output_format)
    assert list(read_part(path, output_format)) == records
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert not path.name.endswith(".jsonl")  # parts are not picked up by register import


def test_empty_part_is_still_written(tmp_path: Path) -> None:
    path = part_path(tmp_path, "cd" * 32, "parquet")
    write_part(path, [], "parquet")
    assert list(read_part(path, "parquet")) == []
