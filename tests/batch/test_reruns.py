"""Runs into an output folder that already holds a run: another source, a changed source,
earlier failures, copies. The outputs must describe the source as it is now."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from extractor.batch import BatchOptions, run_batch
from extractor.cli import cli

from .helpers import contract_text, write_contracts

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as lines:
        return list(csv.DictReader(lines))


def batch_cli(source: Path, out: Path, *more: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["batch", str(source), "--out", str(out), "--no-classify", "--no-progress", *more]
    )


def docs_in_statements(out: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)["doc"]
        counts[doc] = counts.get(doc, 0) + 1
    return counts


def test_another_source_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_contracts(first, 2)
    write_contracts(second, 2, start=5)
    out = tmp_path / "out"
    assert batch_cli(first, out).exit_code == 0
    before = (out / "statements.jsonl").read_text(encoding="utf-8")
    refused = batch_cli(second, out)
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        f"reqx: error: {out} holds a batch of {first}, not of {second}; give this source an"
        f' --out folder of its own (if the source was moved, set "source" in'
        f" {out}/batch.json to its new place)"
    )
    assert (out / "statements.jsonl").read_text(encoding="utf-8") == before
    # the same source named another way (relative, with a trailing slash) is the same
    again = CliRunner().invoke(
        cli, ["batch", f"{first}/", "--out", str(out), "--no-classify", "--no-progress"]
    )
    assert again.exit_code == 0, again.output


def test_an_output_folder_of_an_older_version_takes_its_next_source(tmp_path: Path) -> None:
    source = tmp_path / "src"
    write_contracts(source, 2)
    out = tmp_path / "out"
    assert batch_cli(source, out).exit_code == 0
    (out / "batch.json").write_text('{"format": "jsonl"}\n', encoding="utf-8")  # as before
    again = batch_cli(source, out)
    assert again.exit_code == 0, again.output
    assert "0 read; 2 done before" in again.stderr
    assert json.loads((out / "batch.json").read_text(encoding="utf-8")) == {
        "format": "jsonl",
        "source": str(source),
    }


def test_earlier_failures_not_retried_are_counted_and_reasons_name_the_option(
    tmp_path: Path,
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(DOCUMENTS / "pdf" / "encrypted.pdf", source / "price_list.pdf")
    (source / "terms.txt").write_text(contract_text(1), encoding="utf-8")
    out = tmp_path / "out"
    first = batch_cli(source, out)
    assert first.exit_code == 1
    assert "price_list.pdf: password protected; give a password with --password" in first.stderr
    again = batch_cli(source, out, "--password", "s3cret")  # forgot --retry-failed
    assert again.exit_code == 1
    assert (
        "reqx: 1 file failed in earlier runs and was not retried; add --retry-failed"
        in again.stderr
    )
    assert "2 documents: 0 read; 1 done before, 1 failed before" in again.stderr
    retried = batch_cli(source, out, "--password", "s3cret", "--retry-failed")
    assert retried.exit_code == 0, retried.output
    assert "not retried" not in retried.stderr


def test_copies_are_named_in_the_summary_and_counts_agree(tmp_path: Path) -> None:
    source = tmp_path / "src"
    write_contracts(source / "a", 2)
    shutil.copy(source / "a" / "contract_00000.txt", source / "b_copy.txt")
    (source / "c_empty.txt").write_bytes(b"")
    (source / "d_zero.docx").write_bytes(b"")  # the same (empty) content: a failed copy
    out = tmp_path / "out"
    result = batch_cli(source, out)
    assert result.exit_code == 1
    summary = {Path(row["doc"]).name: row for row in rows(out / "summary.csv")}
    assert set(summary) == {
        "contract_00000.txt",
        "contract_00001.txt",
        "b_copy.txt",
        "c_empty.txt",
        "d_zero.docx",
    }
    # the files of a folder are listed before its subfolders': b_copy.txt comes first
    assert Path(summary["contract_00000.txt"]["duplicate_of"]).name == "b_copy.txt"
    assert summary["b_copy.txt"]["duplicate_of"] == ""
    assert Path(summary["d_zero.docx"]["duplicate_of"]).name == "c_empty.txt"
    assert summary["d_zero.docx"]["status"] == "failed"
    errors = [Path(row["file"]).name for row in rows(out / "errors.csv")]
    assert errors == ["c_empty.txt", "d_zero.docx"]
    assert "5 documents: 2 read, 1 failed; 2 copies of another file (read once)" in result.stderr
    chart = (out / "summary.html").read_text(encoding="utf-8")
    assert ">failed</text>" in chart and "2 files are copies" in chart
    again = batch_cli(source, out)  # the same counts however the copies were met
    assert (
        "5 documents: 0 read; 2 done before, 1 failed before (not retried), 2 copies of"
        " another file (read once)" in again.stderr
    )
    retried = batch_cli(source, out, "--retry-failed")  # the empty content is read once
    assert "5 documents: 0 read, 1 failed" in retried.stderr
    assert [Path(row["file"]).name for row in rows(out / "errors.csv")] == errors


def test_outputs_follow_changed_deleted_and_renamed_files(tmp_path: Path) -> None:
    source = tmp_path / "src"
    write_contracts(source, 3)
    out = tmp_path / "out"
    options = BatchOptions(str(source), str(out), classify=False, progress=False)
    run_batch(options)
    changed, deleted, renamed = (source / f"contract_0000{n}.txt" for n in range(3))
    changed.write_text(contract_text(0) + "\n5. The Supplier shall ship by sea.\n", "utf-8")
    deleted.unlink()
    renamed.rename(source / "renamed.txt")
    report = run_batch(options)
    assert report.processed == 1  # only the changed file: the renamed one is known content
    assert report.gone == 2
    assert report.duplicates == []  # a renamed file is no copy of a file that is gone
    assert docs_in_statements(out) == {str(changed): 5, str(source / "renamed.txt"): 4}
    summary = [(Path(row["doc"]).name, row["statements"]) for row in rows(out / "summary.csv")]
    assert summary == [("contract_00000.txt", "5"), ("renamed.txt", "4")]
    renamed.write_text(contract_text(2), encoding="utf-8")  # back under its old name
    run_batch(options)
    assert docs_in_statements(out)[str(renamed)] == 4


def test_terminal_counts_of_one_are_singular() -> None:
    from types import SimpleNamespace

    from extractor.cli import _batch_counts, _counted

    report = SimpleNamespace(
        documents=1, processed=1, failures=[], duplicates=[], skipped=0, not_retried=0
    )
    assert _batch_counts(report) == "1 document: 1 read"
    assert (_counted(1, "page"), _counted(9, "page"), _counted(0, "file")) == (
        "1 page",
        "9 pages",
        "0 files",
    )
