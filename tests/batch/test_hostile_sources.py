"""Sources a tester found hostile: repeated member names, names that are not UTF-8, links out."""

from __future__ import annotations

import csv
import json
import os
import warnings
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.batch import BatchOptions, run_batch
from extractor.batch.sources import ArchiveLimits, content_hash, list_documents, read_source_bytes
from extractor.cli import cli
from extractor.errors import TooLarge

from .helpers import contract_text

FIRST = "The Supplier shall deliver the first copy of the terms."
SECOND = "The Purchaser shall pay the second copy of the terms."


def statement_texts(out: Path) -> dict[str, list[str]]:
    """Statement texts of a batch output folder by document name."""
    texts: dict[str, list[str]] = {}
    for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts.setdefault(record["doc"], []).append(record["text"])
    return texts


def error_rows(out: Path) -> dict[str, str]:
    with (out / "errors.csv").open(encoding="utf-8", newline="") as rows:
        return {row["file"]: row["reason"] for row in csv.DictReader(rows)}


def zip_with_repeated_name(path: Path) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(path, "w") as out:
            out.writestr("dup.txt", FIRST)
            out.writestr("dup.txt", SECOND)
            out.writestr("dup.txt (2)", contract_text(7))  # a member really named like that
    return path


def zip_with_non_utf8_name(path: Path) -> Path:
    """A member whose name claims UTF-8 (flag 0x800) but holds the byte 0xff."""
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("caf\u00e9.txt", contract_text(1))  # written as UTF-8, flag set
        out.writestr("ok.txt", contract_text(2))
    data = path.read_bytes()
    assert data.count(b"caf\xc3\xa9") == 2  # the local header and the central directory
    path.write_bytes(data.replace(b"caf\xc3\xa9", b"caf\xff\xfe"))
    with pytest.raises(UnicodeDecodeError):
        zipfile.ZipFile(path)  # what zipfile alone makes of it
    return path


def test_two_members_of_one_name_are_two_documents(tmp_path: Path) -> None:
    archive = zip_with_repeated_name(tmp_path / "dups.zip")
    documents = list(list_documents(archive))
    names = [document.name.split("#", 1)[1] for document in documents]
    assert names == ["dup.txt", "dup.txt (3)", "dup.txt (2)"]
    assert [read_source_bytes(document).decode() for document in documents] == [
        FIRST,
        SECOND,
        contract_text(7),
    ]
    assert len({content_hash(document) for document in documents}) == 3


def test_a_batch_over_repeated_names_reads_both_and_resumes(tmp_path: Path) -> None:
    archive = zip_with_repeated_name(tmp_path / "dups.zip")
    out = tmp_path / "out"
    options = BatchOptions(str(archive), str(out), classify=False, progress=False)
    report = run_batch(options)
    assert (report.documents, report.processed, report.skipped, report.failed) == (3, 3, 0, 0)
    texts = statement_texts(out)
    assert texts[f"{archive}#dup.txt"] == [FIRST]
    assert texts[f"{archive}#dup.txt (3)"] == [SECOND]
    assert len(texts[f"{archive}#dup.txt (2)"]) == 4
    again = run_batch(options)
    assert (again.processed, again.skipped) == (0, 3)
    assert statement_texts(out) == texts


def test_a_member_name_that_is_not_utf8_is_read_under_a_readable_name(tmp_path: Path) -> None:
    archive = zip_with_non_utf8_name(tmp_path / "names.zip")
    documents = list(list_documents(archive))
    assert [document.name for document in documents] == [
        f"{archive}#caf\ufffd\ufffd.txt",
        f"{archive}#ok.txt",
    ]
    assert read_source_bytes(documents[0]).decode() == contract_text(1)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(archive), "--out", str(out), "--no-classify", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "2 documents: 2 read" in result.stderr
    texts = statement_texts(out)
    assert sorted(texts) == [f"{archive}#caf\ufffd\ufffd.txt", f"{archive}#ok.txt"]
    assert all(len(statements) == 4 for statements in texts.values())


def test_a_run_that_cannot_start_leaves_nothing_behind(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for number in range(3):
            out.writestr(f"{number}.txt", contract_text(number))
    out = tmp_path / "out"
    options = BatchOptions(
        str(archive), str(out), progress=False, limits=ArchiveLimits(max_members=2)
    )
    with pytest.raises(TooLarge, match="3 members"):
        run_batch(options)
    assert not out.exists()
    out.mkdir()  # an existing, empty output folder stays empty
    with pytest.raises(TooLarge):
        run_batch(options)
    assert list(out.iterdir()) == []


def test_links_out_of_the_source_folder_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("The Secret shall never be read by the batch.", encoding="utf-8")
    source = tmp_path / "source"
    (source / "sub").mkdir(parents=True)
    (source / "terms.txt").write_text(contract_text(1), encoding="utf-8")
    os.symlink(secret, source / "passwd.txt")  # a file outside
    os.symlink(secret.parent, source / "linked")  # a folder outside
    os.symlink("../terms.txt", source / "sub" / "same.txt")  # a file inside: fine
    os.symlink("..", source / "sub" / "up")  # a loop
    out = tmp_path / "out"
    report = run_batch(BatchOptions(str(source), str(out), classify=False, progress=False))
    assert "never be read" not in (out / "statements.jsonl").read_text(encoding="utf-8")
    assert sorted(Path(name).name for name, _ in report.failures) == ["linked", "passwd.txt"]
    reasons = error_rows(out)
    assert (
        f"symbolic link to {secret}, outside the source folder"
        in reasons[str(source / "passwd.txt")]
    )
    assert [(Path(a).name, Path(b).name) for a, b in report.duplicates] == [
        ("same.txt", "terms.txt")
    ]
    assert report.processed == 3  # terms.txt and the two links refused; same.txt is a copy


def test_a_file_name_that_is_not_utf8_is_read_and_the_run_goes_on(tmp_path: Path) -> None:
    """A Latin-1 name from an old share stopped the whole run at the ledger write (exit 2)."""
    source = tmp_path / "r1"
    source.mkdir()
    (source / "ok.txt").write_text(contract_text(1), encoding="utf-8")
    raw = os.fsencode(source)
    with open(raw + b"/caf\xe9.txt", "wb") as latin:
        latin.write(contract_text(2).encode())
    with open(raw + b"/caf\xe8.txt", "wb") as other:  # shown alike: the second gets " (2)"
        other.write(contract_text(3).encode())
    with open(raw + b"/new\nline \xe9\x1b[31m.txt", "wb") as hostile:
        hostile.write(b"")  # empty: fails, and its name is printed
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(source), "--out", str(out), "--no-classify", "--no-progress"]
    )
    assert result.exit_code == 1, result.output  # the empty file failed, the rest was read
    assert "4 documents: 3 read, 1 failed" in result.stderr
    texts = statement_texts(out)
    assert sorted(texts) == [
        f"{source}/caf\ufffd.txt",
        f"{source}/caf\ufffd.txt (2)",
        f"{source}/ok.txt",
    ]
    assert all(len(statements) == 4 for statements in texts.values())
    hostile_name = f"{source}/new\nline \ufffd\x1b[31m.txt"
    assert list(error_rows(out)) == [hostile_name]  # CSV quotes it; nothing else changed
    failed = [line for line in result.stderr.splitlines() if line.startswith("reqx: failed:")]
    assert failed == [
        f"reqx: failed: {source}/new\\x0aline \ufffd\\x1b[31m.txt: "
        + failed[0].split(".txt: ", 1)[1]
    ]
    again = CliRunner().invoke(
        cli, ["batch", str(source), "--out", str(out), "--no-classify", "--no-progress"]
    )
    assert "4 documents: 0 read; 3 done before, 1 failed before (not retried)" in again.stderr
