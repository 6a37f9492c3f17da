"""run_batch and ``reqx batch`` end to end, with real worker processes."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from extractor.batch import BatchOptions, run_batch
from extractor.cli import cli
from extractor.records import FIELDS
from extractor.register.importing import statement_files

from .helpers import contract_text


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


def test_batch_writes_outputs_and_resumes(mixed_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    options = BatchOptions(
        str(mixed_folder), str(out), workers=2, reader="fast", classify=True, progress=False
    )
    report = run_batch(options)
    # 8 files, of which one is a copy of another: 7 contents, the corrupt PDF fails
    assert (report.documents, report.processed, report.skipped) == (8, 7, 1)
    assert report.failed == 1
    assert [(Path(name).name, reason[:21]) for name, reason in report.failures] == [
        ("corrupt.pdf", "the PDF is incomplete")
    ]
    assert [(Path(a).name, Path(b).name) for a, b in report.duplicates] == [
        ("contract_00000.txt", "copy_of_contract_0.txt")
    ]
    records = read_jsonl(out / "statements.jsonl")
    assert records and all(list(record) == list(FIELDS) for record in records)
    assert all(
        record["label"] in {"specified", "implied", "statutory", "none"} for record in records
    )
    keys = [(record["sha256"], record["index"]) for record in records]
    assert len(keys) == len(set(keys))
    summary = {Path(row["doc"]).name: row for row in read_csv(out / "summary.csv")}
    assert set(summary) == {
        "copy_of_contract_0.txt",  # listed first: the copy names the shared content
        "contract_00000.txt",  # the copy: a row of its own that names the first
        "contract_00001.txt",
        "contract_00002.txt",
        "contract_00003.txt",
        "corrupt.pdf",
        "table.pdf",
        "two_columns.pdf",
    }
    copy = summary["contract_00000.txt"]
    assert Path(copy["duplicate_of"]).name == "copy_of_contract_0.txt"
    assert (copy["status"], copy["statements"]) == ("done", "0")
    assert sum(int(row["statements"]) for row in summary.values()) == len(
        read_jsonl(out / "statements.jsonl")
    )
    assert summary["two_columns.pdf"]["status"] == "done"
    assert summary["two_columns.pdf"]["pages"] == "1"
    assert int(summary["contract_00001.txt"]["statements"]) == 4
    labelled = sum(int(summary["contract_00001.txt"][label]) for label in ("specified", "none"))
    assert (
        labelled
        + int(summary["contract_00001.txt"]["implied"])
        + int(summary["contract_00001.txt"]["statutory"])
        == 4
    )
    errors = read_csv(out / "errors.csv")
    assert [Path(row["file"]).name for row in errors] == ["corrupt.pdf"]
    assert "the PDF is incomplete" in errors[0]["reason"]
    assert "<svg" in (out / "summary.html").read_text(encoding="utf-8")
    # the register imports the statements file and nothing else of the folder
    assert statement_files(out)[0] == [out / "statements.jsonl"]

    again = run_batch(options)
    assert (again.processed, again.skipped, again.failed) == (0, 8, 1)
    assert read_jsonl(out / "statements.jsonl") == records


def test_a_file_over_the_time_limit_is_killed_and_the_run_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    # thousands of statements: far more than a tenth of a second of work
    (source / "a_long.txt").write_text(
        "\n\n".join(contract_text(n, sentences=8) for n in range(1500)), encoding="utf-8"
    )
    (source / "b_short.txt").write_text(contract_text(1), encoding="utf-8")
    options = BatchOptions(
        str(source), str(tmp_path / "out"), classify=False, time_limit=0.5, progress=False
    )
    report = run_batch(options)
    assert (report.processed, report.failed) == (2, 1)
    rows = {Path(row["doc"]).name: row for row in read_csv(tmp_path / "out" / "summary.csv")}
    assert rows["a_long.txt"]["status"] == "failed"
    assert "time limit; give a larger --time-limit" in rows["a_long.txt"]["reason"]
    assert rows["b_short.txt"]["status"] == "done"  # a fresh worker took the next file


def test_cli_on_a_zip_with_parquet_output(tmp_path: Path) -> None:
    archive = tmp_path / "contracts.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", contract_text(1))
        out.writestr("sub/b.txt", contract_text(2))
        out.writestr("../evil.txt", contract_text(3))
        out.writestr("/abs.txt", contract_text(4))
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(archive),
            "--out",
            str(tmp_path / "out"),
            "--format",
            "parquet",
            "--no-classify",
            "--no-progress",
        ],
    )
    assert result.exit_code == 1, result.output  # two members refused
    table = pq.read_table(tmp_path / "out" / "statements.parquet")
    assert table.column_names == list(FIELDS)
    docs = set(table.column("doc").to_pylist())
    assert docs == {f"{archive}#a.txt", f"{archive}#sub/b.txt"}
    assert table.num_rows == 8
    errors = read_csv(tmp_path / "out" / "errors.csv")
    assert sorted(row["reason"].split(" in ")[0] for row in errors) == ["'..'", "absolute path"]
    again = CliRunner().invoke(
        cli, ["batch", str(archive), "--out", str(tmp_path / "out"), "--no-progress"]
    )
    assert again.exit_code == 2  # a usage error: nothing was read
    assert "holds a parquet batch" in again.output


def test_a_source_that_is_no_folder_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    single = tmp_path / "one.txt"
    single.write_text(contract_text(1), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(single), "--out", str(out)])
    assert result.exit_code == 2
    assert f"{single}: not a folder or a ZIP archive" in result.stderr
    assert not out.exists()


def test_warnings_of_documents_read_go_into_the_summary(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "cover.txt").write_text("PURCHASE ORDER\n", encoding="utf-8")
    (source / "export.pdf").write_text(contract_text(1), encoding="utf-8")
    out = tmp_path / "out"
    report = run_batch(BatchOptions(str(source), str(out), classify=False, progress=False))
    assert report.failed == 0
    reasons = {Path(row["doc"]).name: row["reason"] for row in read_csv(out / "summary.csv")}
    assert reasons == {
        "cover.txt": "no statements found",
        "export.pdf": "named like a PDF but it is text; read as text",
    }


def test_the_cli_names_failed_files_and_copies(mixed_folder: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    options = ["--out", out, "--no-classify", "--no-progress"]
    result = CliRunner().invoke(cli, ["batch", str(mixed_folder), *options])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(
        line.startswith("reqx: failed: ") and "corrupt.pdf: the PDF is incomplete" in line
        for line in lines
    )
    assert any(
        "contract_00000.txt: the same content as " in line
        and line.endswith("copy_of_contract_0.txt, read once")
        for line in lines
    )


def test_the_register_imports_a_parquet_batch_folder(tmp_path: Path) -> None:
    from extractor.register import open_register

    source = tmp_path / "source"
    source.mkdir()
    for number in (1, 2):
        (source / f"po-{number}.txt").write_text(contract_text(number), encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(
        str(source), str(out), output_format="parquet", classify=False, progress=False
    )
    run_batch(options)
    result = CliRunner().invoke(
        cli, ["register", "import", str(out), "--db", str(tmp_path / "r.db"), "--by", "ops"]
    )
    assert result.exit_code == 0, result.output
    assert "8 new candidates from 2 documents (2 new)" in result.stdout
    with open_register(str(tmp_path / "r.db")) as register:
        names = sorted(document.name for document in register.documents())
    assert [Path(name).name for name in names] == ["po-1.txt", "po-2.txt"]


def test_a_password_opens_the_encrypted_pdfs_of_an_archive(tmp_path: Path) -> None:
    import shutil

    source = tmp_path / "source"
    source.mkdir()
    documents = Path(__file__).resolve().parent.parent / "documents" / "pdf"
    shutil.copy(documents / "encrypted.pdf", source / "price_list.pdf")
    (source / "terms.txt").write_text(contract_text(1), encoding="utf-8")
    out = str(tmp_path / "out")
    options = ["--out", out, "--no-classify", "--no-progress"]
    first = CliRunner().invoke(cli, ["batch", str(source), *options])
    assert first.exit_code == 1
    assert "price_list.pdf: password protected" in first.stderr
    again = CliRunner().invoke(
        cli, ["batch", str(source), *options, "--retry-failed", "--password", "s3cret"]
    )
    assert again.exit_code == 0, again.stderr
    assert "s3cret" not in again.stderr + again.stdout
    rows = {
        Path(row["doc"]).name: row["status"] for row in read_csv(tmp_path / "out" / "summary.csv")
    }
    assert rows == {"price_list.pdf": "done", "terms.txt": "done"}


def test_progress_into_a_log_file_is_plain_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``2> night.log``: a tqdm bar there was one endless line of carriage returns."""
    import re

    import extractor.batch.runner as runner

    monkeypatch.setattr(runner, "STATUS_EVERY", 0.0)  # a line per document
    source = tmp_path / "source"
    source.mkdir()
    for number in range(3):
        (source / f"po-{number}.txt").write_text(contract_text(number), encoding="utf-8")
    out = str(tmp_path / "out")
    result = CliRunner().invoke(cli, ["batch", str(source), "--out", out, "--no-classify"])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.stderr
    status = [line for line in result.stderr.splitlines() if " documents, " in line]
    assert len(status) == 4  # three documents and the end
    pattern = (
        r"reqx: \d\d:\d\d:\d\d \d/3 documents, 0 failed in this run, 0 pages, [\d.]+ doc/s, ETA "
    )
    assert all(re.match(pattern, line) for line in status), status
    assert status[-1].startswith("reqx: ") and " 3/3 documents" in status[-1]


def test_a_mails_records_name_its_sender_and_date(tmp_path: Path) -> None:
    """Batch records carry the sender the app's cards show (quoted text aside), so that
    `register import` of a batch folder keeps who asked and when."""
    source = tmp_path / "mail"
    source.mkdir()
    mail = (
        Path(__file__).resolve().parents[1] / "documents" / "email" / "thread_with_quoted_reply.eml"
    )
    shutil.copy(mail, source / "thread.eml")
    out = tmp_path / "out"
    run_batch(BatchOptions(str(source), str(out), workers=1, classify=False, progress=False))
    records = read_jsonl(out / "statements.jsonl")
    senders = {(r["kind"] == "quoted", r["sender"], r["sent_at"]) for r in records}
    assert senders == {
        (False, "Anna Berg <anna.berg@harbour.example>", "2024-03-01T09:30:00+00:00"),
        (True, "", ""),
    }


def test_reqx_batch_reads_outlook_mails_and_their_attachments(tmp_path: Path) -> None:
    email = Path(__file__).resolve().parent.parent / "documents" / "email"
    source = tmp_path / "mail"
    source.mkdir()
    shutil.copy(email / "thread_with_quoted_reply.msg", source / "reply.msg")
    shutil.copy(email / "latin1.msg", source / "pruefberichte.doc")  # named like a Word file
    out = tmp_path / "out"
    options = ["--out", str(out), "--no-classify", "--no-progress"]
    result = CliRunner().invoke(cli, ["batch", str(source), *options])
    assert result.exit_code == 0, result.output
    summary = {Path(row["doc"]).name: row for row in read_csv(out / "summary.csv")}
    assert {name: row["status"] for name, row in summary.items()} == {
        "reply.msg": "done",
        "pruefberichte.doc": "done",
    }
    assert "named like a Word 97-2003 document" in summary["pruefberichte.doc"]["reason"]
    records = read_jsonl(out / "statements.jsonl")
    docs = {Path(record["doc"]).name for record in records}
    assert {"reply.msg", "reply.msg#inspection_requirements.pdf", "pruefberichte.doc"} <= docs
    sent = [r for r in records if r["doc"].endswith("reply.msg#inspection_requirements.pdf")]
    assert all(r["sender"] == "Anna Berg <anna.berg@harbour.example>" for r in sent)


def test_a_zip_in_the_source_folder_is_read_member_by_member_and_resumed(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "a.txt").write_text(contract_text(1), encoding="utf-8")
    archive = source / "old.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("2027/b.txt", contract_text(2))
        out.writestr("2027/copy_of_a.txt", contract_text(1))
    out_dir = tmp_path / "out"
    options = BatchOptions(str(source), str(out_dir), classify=False, progress=False)
    report = run_batch(options)
    assert report.failed == 0 and report.documents == 3
    docs = {row["doc"] for row in read_jsonl(out_dir / "statements.jsonl")}
    assert docs == {str(source / "a.txt"), f"{archive}#2027/b.txt"}
    assert report.duplicates == [(f"{archive}#2027/copy_of_a.txt", str(source / "a.txt"))]
    again = run_batch(options)
    assert again.processed == 0 and again.skipped == 3
