"""`reqx register import` and `reqx register export` run as a user runs them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.register import ENV_VAR, EntryFilter, RegisterError, open_register
from extractor.register.commands import _ProgressBar
from extractor.types import MAX_STATEMENT_CHARS

from .helpers import CONTRACT_LINES, extraction_records, make_extraction, write_statement_file

SHA = "a" * 64


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv(ENV_VAR, raising=False)
    return CliRunner()


def test_import_a_file_twice_adds_nothing_the_second_time(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    statements = write_statement_file(tmp_path / "contract.jsonl", make_extraction())
    first = runner.invoke(cli, ["register", "import", str(statements), "--db", db_url])
    second = runner.invoke(cli, ["register", "import", str(statements), "--db", db_url])
    assert first.exit_code == 0, first.output
    assert first.output.startswith(f"{len(CONTRACT_LINES)} new candidates from 1 document")
    assert second.output.startswith("0 new candidates from 1 document (0 new)")
    with open_register(db_url) as register:
        assert register.counts().by_status == {"candidate": len(CONTRACT_LINES)}


def test_import_a_batch_folder(runner: CliRunner, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    (batch / "part-2").mkdir(parents=True)
    write_statement_file(batch / "statements-1.jsonl", make_extraction("a.pdf"))
    write_statement_file(
        batch / "part-2" / "statements.jsonl", make_extraction("b.docx"), make_extraction("a.pdf")
    )
    (batch / "ledger.jsonl").write_text('{"sha256": "x", "status": "done"}\n', encoding="utf-8")
    (batch / "summary.csv").write_text("doc,pages\n", encoding="utf-8")
    database = tmp_path / "register.db"
    result = runner.invoke(cli, ["register", "import", str(batch), "--db", str(database)])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and "ledger.jsonl" in result.stderr
    assert f"{2 * len(CONTRACT_LINES)} new candidates from 3 documents (2 new)" in result.stdout
    with open_register(str(database)) as register:
        kinds = sorted(document.kind for document in register.documents())
    assert kinds == ["docx", "pdf"]


def test_import_names_the_bad_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    good = json.dumps({"sha256": SHA, "index": 0, "text": "ok"})
    bad.write_text(f"{good}\nnot json\n", encoding="utf-8")
    result = runner.invoke(cli, ["register", "import", str(bad), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1
    assert f"{bad}:2: not JSON" in result.stderr
    assert result.stdout.startswith("1 new candidate from")


SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


@pytest.mark.parametrize(
    ("sample", "what"),
    [
        ("food_purchase_order_terms.pdf", "a PDF document"),
        ("it_statement_of_work.docx", "a Word document"),
        ("electronics_customer_email.eml", "an e-mail"),
        ("electronics_customer_email.msg", "an Outlook e-mail"),
    ],
)
def test_import_of_a_document_says_to_read_it_first(
    runner: CliRunner, tmp_path: Path, sample: str, what: str
) -> None:
    """A PDF given to `register import` was named line by line as "not JSON" (620 lines)."""
    database = tmp_path / "r.db"
    result = runner.invoke(
        cli, ["register", "import", str(SAMPLES / sample), "--db", str(database)]
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr  # one line, no line-by-line noise
    assert f"{sample}: {what}, not statements: read it first (`reqx extract" in result.stderr
    assert "nothing done" in result.stderr
    with open_register(str(database)) as register:
        assert register.documents() == []


def test_import_of_a_folder_of_documents_says_to_batch_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "contracts"
    folder.mkdir()
    shutil.copy(SAMPLES / "food_purchase_order_terms.pdf", folder)
    result = runner.invoke(cli, ["register", "import", str(folder), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1
    assert "no statement files" in result.stderr and "run `reqx batch` over it" in result.stderr


def test_import_refuses_half_a_character_naming_the_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        f'{{"doc": "a.txt", "sha256": "{SHA}", "index": 0, "text": "bad \\ud800 text"}}\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["register", "import", str(bad), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1
    assert f"{bad}:1: holds a lone surrogate escape" in result.stderr
    assert "Traceback" not in result.output


def test_export_confirmed_by_default_and_all_on_request(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the default register is ./register.db
    statements = write_statement_file(tmp_path / "contract.jsonl", make_extraction())
    assert runner.invoke(cli, ["register", "import", str(statements)]).exit_code == 0
    with open_register() as register:
        entry = register.get_entry("REQ-0005")
        register.confirm(entry.ref, version=entry.version, actor="ann")
    confirmed = runner.invoke(cli, ["register", "export", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(confirmed.stdout_bytes.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ["REQ-0005"]
    assert rows[0]["text"].startswith("'=")
    out = tmp_path / "all.json"
    every = runner.invoke(
        cli, ["register", "export", "--format", "json", "--status", "all", "--out", str(out)]
    )
    assert every.exit_code == 0, every.output
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(CONTRACT_LINES)


def test_export_of_a_missing_database_folder_fails_clearly(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(
        cli, ["register", "export", "--db", str(tmp_path / "nowhere" / "register.db")]
    )
    assert result.exit_code == 1
    assert "nowhere" in result.stderr and "does not exist" in result.stderr


def test_import_can_decide_the_next_order_as_the_last_one_was(
    runner: CliRunner, tmp_path: Path
) -> None:
    database = str(tmp_path / "r.db")
    first = write_statement_file(tmp_path / "po-1.jsonl", make_extraction("po-1.pdf"))
    assert runner.invoke(cli, ["register", "import", str(first), "--db", database]).exit_code == 0
    with open_register(database) as register:
        register.confirm("REQ-0001", version=1, actor="ann")
        register.reject("REQ-0004", version=1, actor="ann")
    second = write_statement_file(tmp_path / "po-2.jsonl", make_extraction("po-2.pdf"))
    result = runner.invoke(
        cli,
        ["register", "import", str(second), "--db", database, "--by", "bot", "--decide-as-before"],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "2 candidates decided as their text was decided before, in po-2.pdf"
    )
    with open_register(database) as register:
        statuses = [e.status for e in register.iter_entries() if e.document_name == "po-2.pdf"]
        history = register.history(1 + len(CONTRACT_LINES))
    assert statuses == ["confirmed", "candidate", "candidate", "rejected", "candidate", "candidate"]
    assert (history[-1].action, history[-1].actor) == ("same_as_earlier", "bot")


def test_import_of_a_revision_supersedes_the_earlier_entries_it_decides_as_before(
    runner: CliRunner, tmp_path: Path
) -> None:
    database = str(tmp_path / "r.db")
    first = write_statement_file(tmp_path / "rev-a.jsonl", make_extraction("rev-a.pdf"))
    assert runner.invoke(cli, ["register", "import", str(first), "--db", database]).exit_code == 0
    with open_register(database) as register:
        owned = register.set_owner("REQ-0001", "M. Byrne", version=1, actor="ann")
        register.confirm(owned.ref, version=owned.version, actor="ann")
        register.reject("REQ-0004", version=1, actor="ann")
    second = write_statement_file(tmp_path / "rev-b.jsonl", make_extraction("rev-b.pdf"))
    alone = runner.invoke(cli, ["register", "import", str(second), "--db", database, "--revision"])
    assert alone.exit_code != 0 and "--revision goes with --decide-as-before" in alone.stderr
    result = runner.invoke(
        cli,
        [
            *("register", "import", str(second), "--db", database, "--by", "bot"),
            *("--decide-as-before", "--revision"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        "2 candidates decided as their text was decided before: 2 in rev-b.pdf",
        "1 earlier entry superseded by them, no longer in force: 1 in rev-a.pdf",
    ]
    with open_register(database) as register:
        old, new = register.get_entry(1), register.get_entry(1 + len(CONTRACT_LINES))
    assert (old.superseded_by, new.status, new.owner) == (new.ref, "confirmed", "M. Byrne")


def test_import_of_a_revision_decides_only_the_imported_documents(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    """The walk's problem 3: an unrelated order's waiting candidates were decided in the
    importer's name and superseded a third document's confirmed entries."""
    quotation = write_statement_file(tmp_path / "q.jsonl", make_extraction("quotation.pdf"))
    order = write_statement_file(tmp_path / "po.jsonl", make_extraction("po-4711.pdf"))
    rev_a, rev_b = (
        _spec_file(tmp_path / f"{revision}.jsonl", f"spec-{revision}.pdf") for revision in "ab"
    )
    for statements in (quotation, order, rev_a):
        imported = runner.invoke(cli, ["register", "import", str(statements), "--db", db_url])
        assert imported.exit_code == 0, imported.output
    lines = len(CONTRACT_LINES)
    quoted, ordered, spec_a = 1, 1 + lines, 1 + 2 * lines  # the first clause in each
    with open_register(db_url) as register:
        register.confirm(quoted, version=1, actor="ann")  # the order still waits for review
        register.confirm(spec_a, version=1, actor="ann")
    result = runner.invoke(
        cli,
        [
            *("register", "import", str(rev_b), "--db", db_url, "--by", "bernd"),
            *("--decide-as-before", "--revision"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        "1 candidate decided as their text was decided before: 1 in spec-b.pdf",
        "1 earlier entry superseded by them, no longer in force: 1 in spec-a.pdf",
    ]
    with open_register(db_url) as register:
        spec_b = register.get_entry(1 + 3 * lines)
        assert register.get_entry(ordered).status == "candidate"
        assert register.get_entry(ordered).updated_by != "bernd"
        assert register.get_entry(quoted).superseded_by == ""
        assert register.get_entry(spec_a).superseded_by == spec_b.ref
        decided_by_bernd = {
            e.entry_ref
            for e in register.iter_audit()
            if e.actor == "bernd" and e.action in ("same_as_earlier", "supersede")
        }
    assert spec_b.status == "confirmed"
    assert decided_by_bernd == {spec_b.ref, register_ref(spec_a)}


def register_ref(entry_id: int) -> str:
    return f"REQ-{entry_id:04d}"


def _spec_file(path: Path, name: str) -> Path:
    """A specification's statements: the contract's clauses worded so no order has them."""
    records = extraction_records(make_extraction(name))
    path.write_text(
        "".join(json.dumps({**r, "text": f"Spec TS-300: {r['text']}"}) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def test_import_decides_as_before_only_in_the_imported_documents(
    runner: CliRunner, tmp_path: Path
) -> None:
    database = str(tmp_path / "r.db")
    first = write_statement_file(tmp_path / "po-1.jsonl", make_extraction("po-1.pdf"))
    waiting = write_statement_file(tmp_path / "po-2.jsonl", make_extraction("po-2.pdf"))
    for statements in (first, waiting):
        assert (
            runner.invoke(cli, ["register", "import", str(statements), "--db", database]).exit_code
            == 0
        )
    with open_register(database) as register:
        register.confirm("REQ-0001", version=1, actor="ann")
    third = write_statement_file(tmp_path / "po-3.jsonl", make_extraction("po-3.pdf"))
    result = runner.invoke(
        cli, ["register", "import", str(third), "--db", database, "--decide-as-before"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "1 candidate decided as their text was decided before, in po-3.pdf"
    )
    with open_register(database) as register:
        assert register.get_entry(1 + len(CONTRACT_LINES)).status == "candidate"
        assert register.get_entry(1 + 2 * len(CONTRACT_LINES)).status == "confirmed"


def test_audit_trail_export_from_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    database = str(tmp_path / "r.db")
    statements = write_statement_file(tmp_path / "po.jsonl", make_extraction("po.pdf"))
    assert (
        runner.invoke(cli, ["register", "import", str(statements), "--db", database]).exit_code == 0
    )
    with open_register(database) as register:
        register.confirm("REQ-0002", version=1, actor="ann")
    result = runner.invoke(cli, ["register", "audit", "--format", "json", "--db", database])
    assert result.exit_code == 0, result.output
    events = json.loads(result.output)
    assert [e["action"] for e in events] == ["upload"] + ["import"] * len(CONTRACT_LINES) + [
        "confirm"
    ]
    assert events[-1]["entry"] == "REQ-0002" and events[-1]["after"] == {"status": "confirmed"}
    out = tmp_path / "audit.csv"
    written = runner.invoke(cli, ["register", "audit", "--out", str(out), "--db", database])
    assert written.exit_code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbfevent,at,actor")


def test_audit_fails_when_decided_entries_have_no_decision_in_the_trail(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    """The walk's problem 2: after the trail was emptied, ``register audit`` wrote only its
    header and exited 0 while 20 entries stood confirmed; a status set behind reqx's back
    went unnoticed too."""
    from sqlalchemy import create_engine, text

    statements = write_statement_file(tmp_path / "po.jsonl", make_extraction("po.pdf"))
    assert (
        runner.invoke(cli, ["register", "import", str(statements), "--db", db_url]).exit_code == 0
    )
    with open_register(db_url) as register:
        register.confirm("REQ-0001", version=1, actor="ann")
        register.confirm("REQ-0002", version=1, actor="ann")
        register.reject("REQ-0004", version=1, actor="ann")
    clean = runner.invoke(cli, ["register", "audit", "--format", "json", "--db", db_url])
    assert clean.exit_code == 0 and not clean.stderr
    engine = create_engine(db_url)
    with engine.begin() as connection:  # as the walk did with psql and sqlite3
        connection.execute(text("UPDATE entries SET status = 'rejected' WHERE id IN (2, 3)"))
    engine.dispose()
    result = runner.invoke(cli, ["register", "audit", "--format", "json", "--db", db_url])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1 + len(CONTRACT_LINES) + 3  # written as found
    assert result.stderr.startswith(
        "reqx: error: the audit trail records no decision for 2 of the 4 confirmed or rejected "
        "entries (REQ-0002, REQ-0003): the trail was emptied or the entries were changed "
        "outside reqx"
    )


def test_audit_of_an_emptied_trail_fails(runner: CliRunner, tmp_path: Path) -> None:
    import sqlite3

    database = tmp_path / "r.db"
    statements = write_statement_file(tmp_path / "po.jsonl", make_extraction("po.pdf"))
    assert (
        runner.invoke(cli, ["register", "import", str(statements), "--db", str(database)]).exit_code
        == 0
    )
    with open_register(str(database)) as register:
        register.confirm_where(EntryFilter(), actor="ann")
    connection = sqlite3.connect(database)  # a trail emptied behind reqx's back
    with connection:
        connection.execute("DROP TRIGGER audit_log_no_delete")
        connection.execute("DELETE FROM audit_log")
    connection.close()
    out = tmp_path / "audit.csv"
    result = runner.invoke(cli, ["register", "audit", "--out", str(out), "--db", str(database)])
    assert result.exit_code == 1
    assert out.read_bytes() == b"\xef\xbb\xbfevent,at,actor,action,entry,document,before,after\r\n"
    assert f"no decision for {len(CONTRACT_LINES)} of the {len(CONTRACT_LINES)}" in result.stderr
    assert "REQ-0001, REQ-0002, REQ-0003, REQ-0004, REQ-0005 and 1 more" in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_deciding_as_before_shows_a_progress_bar_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _ProgressBar("deciding as before", unit="entry") as bar:
        for done, total in [(0, 6), (4, 6), (0, 5), (5, 5)]:  # a retry after a conflict
            bar.report(done, total)
    shown = terminal.getvalue()
    assert "deciding as before" in shown and "5/5" in shown
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with _ProgressBar("deciding as before", unit="entry") as bar:
        bar.report(0, 6)
        bar.report(6, 6)
    assert piped.getvalue() == ""


@pytest.mark.parametrize("command", ["export", "audit"])
def test_export_from_a_mistyped_register_path_is_an_error_not_an_empty_file(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    typo = tmp_path / "registr.db"
    result = runner.invoke(cli, ["register", command, "--db", str(typo)])
    assert result.exit_code == 1
    assert f"{typo}: no register there (the file does not exist)" in result.stderr
    assert result.stdout == ""
    assert not typo.exists()


def test_importing_the_classified_run_after_an_unlabelled_one_adds_labels(
    runner: CliRunner, tmp_path: Path
) -> None:
    from extractor.records import to_record, write_jsonl

    labelled = make_extraction("po.pdf")
    database = str(tmp_path / "r.db")
    first = tmp_path / "un.jsonl"  # as `reqx extract --no-classify` writes it
    with first.open("w", encoding="utf-8") as out:
        write_jsonl([to_record(statement) for statement in labelled.statements], out)
    second = write_statement_file(tmp_path / "la.jsonl", labelled)
    assert runner.invoke(cli, ["register", "import", str(first), "--db", database]).exit_code == 0
    result = runner.invoke(cli, ["register", "import", str(second), "--db", database])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == f"{len(CONTRACT_LINES)} candidates imported before without a label got one"
    with open_register(database) as register:
        labels = [entry.label for entry in register.iter_entries()]
    assert labels == [line[1] for line in CONTRACT_LINES]


def test_a_malformed_database_url_is_one_error_line_without_the_password(
    runner: CliRunner,
) -> None:
    url = "postgresql://postgres:hunter2@[::1:5499/postgres"
    for command in (["export"], ["audit"]):
        result = runner.invoke(cli, ["register", *command, "--db", url])
        assert result.exit_code == 1
        assert result.stderr.startswith("reqx: error: not a usable database URL: (unparsable")
        assert len(result.stderr.splitlines()) == 1 and "hunter2" not in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_query_string_password_is_not_in_the_error(runner: CliRunner) -> None:
    url = "postgresql://127.0.0.1:1/postgres?user=postgres&password=secretpw"
    result = runner.invoke(cli, ["register", "export", "--db", url])
    assert result.exit_code == 1
    assert "password=***" in result.stderr and "secretpw" not in result.stderr


@pytest.mark.parametrize("url", ["sqlite:///", "sqlite://"])
def test_import_into_a_register_in_memory_is_refused(
    runner: CliRunner, tmp_path: Path, url: str
) -> None:
    """It said "6 new candidates" and lost them all when the command ended."""
    statements = write_statement_file(tmp_path / "contract.jsonl", make_extraction())
    result = runner.invoke(cli, ["register", "import", str(statements), "--db", url])
    assert result.exit_code == 1
    assert "new candidates" not in result.stdout
    assert "must be a file" in result.stderr and "memory" in result.stderr


def _line(record: dict[str, Any], **changes: Any) -> str:
    return json.dumps({**record, **changes})


def test_an_import_stopped_by_a_full_disk_says_what_is_in_and_what_is_not(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor.register import service

    statements = write_statement_file(
        tmp_path / "two.jsonl", make_extraction("a.pdf"), make_extraction("b.pdf")
    )
    original = service.Register.add_document

    def full_at_b(self, document, candidates, **kwargs):  # type: ignore[no-untyped-def]
        if document.name == "b.pdf":
            raise RegisterError("b.pdf: could not import (database or disk is full)")
        return original(self, document, candidates, **kwargs)

    monkeypatch.setattr(service.Register, "add_document", full_at_b)
    database = str(tmp_path / "register.db")
    result = runner.invoke(cli, ["register", "import", str(statements), "--db", database])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "reqx: error: b.pdf: could not import (database or disk is full); the documents before"
        " it are in the register, it and those after it are not: run the same import again"
    )
    with open_register(database) as register:
        assert [document.name for document in register.documents()] == ["a.pdf"]


def test_import_names_at_most_twenty_bad_lines(runner: CliRunner, tmp_path: Path) -> None:
    good = extraction_records(make_extraction("po.pdf"))
    statements = tmp_path / "junk.jsonl"
    statements.write_text("\n".join(["{not json"] * 25 + [_line(good[0])]) + "\n")
    database = str(tmp_path / "register.db")
    result = runner.invoke(cli, ["register", "import", str(statements), "--db", database])
    assert result.exit_code == 1
    assert result.stderr.count("reqx: skipped ") == 20
    assert result.stderr.splitlines()[-1] == (
        "reqx: error: 25 lines skipped (the first 20 named above), the rest imported"
    )
    assert result.stdout.startswith("1 new candidate from 1 document")


def test_import_skips_each_bad_line_naming_why_and_imports_the_others(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    """A wrong type was a ValueError traceback, a null text the word "None", a 5 MB text
    one entry, and one line that is no JSON cost the whole file."""
    good = extraction_records(make_extraction("po.pdf"))
    other = extraction_records(make_extraction("bad.pdf"))[0]
    lines = [
        _line(good[0]),
        _line(other, page="abc"),
        _line(other, confidence="high"),
        _line(other, text=None),
        _line(other, text="x" * (MAX_STATEMENT_CHARS + 1)),
        "{not json",
        "[]",
        _line(other, boxes=[{"page": "x"}]),
        _line(other, index=-5),
        _line(other, sha256="not-a-hash"),
        _line(good[1], text="y" * MAX_STATEMENT_CHARS),
        "",
        _line(good[2]),
    ]
    statements = tmp_path / "mixed.jsonl"
    statements.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["register", "import", str(statements), "--db", db_url])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stdout.startswith("3 new candidates from 1 document")
    reasons = {
        2: '"page" is not a page number',
        3: '"confidence" is not a number from 0 to 1',
        4: '"text" is not a string',
        5: f'"text" has {MAX_STATEMENT_CHARS + 1:,} characters',
        6: "not JSON",
        7: "not a JSON object",
        8: '"boxes" is not a list of boxes',
        9: '"index" is not a position',
        10: '"sha256" is not a SHA-256',
    }
    for number, reason in reasons.items():
        assert f"reqx: skipped {statements}:{number}: {reason}" in result.stderr
    assert result.stderr.splitlines()[-1] == "reqx: error: 9 lines skipped, the rest imported"
    with open_register(db_url) as register:
        assert [document.name for document in register.documents()] == ["po.pdf"]
        texts = [entry.text for entry in register.iter_entries()]
    assert texts == [good[0]["text"], "y" * MAX_STATEMENT_CHARS, good[2]["text"]]


def test_import_records_refuses_a_record_it_cannot_keep(tmp_path: Path) -> None:
    record = extraction_records(make_extraction())[0]
    with open_register(str(tmp_path / "r.db")) as register:
        with pytest.raises(RegisterError, match='statement record 2: "page" is not a page'):
            register.import_records([record, {**record, "index": 9, "page": "abc"}])
        assert register.counts().total == 0


def _without_root_privileges(command: list[str]) -> list[str]:
    """``command`` run so that file permissions bind it.

    Tests run as root, whom chmod does not stop; instead of skipping there,
    root runs the command without the capabilities that let it write anywhere
    (setpriv drops them from the bounding set). Skipped only without setpriv.
    """
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    drop = [setpriv or "setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    if setpriv is None or subprocess.run([*drop, "true"], check=False).returncode != 0:
        pytest.skip("running as root, and setpriv cannot drop root's right to write anywhere")
    return [*drop, *command]


def _reqx(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "extractor", *arguments]


def _run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "PYTHONPATH": str(root)}
    environment.pop(ENV_VAR, None)
    options = {"stdout": subprocess.PIPE, **options}
    return subprocess.run(
        command, env=environment, text=True, stderr=subprocess.PIPE, timeout=120, **options
    )


def test_export_from_a_register_in_a_read_only_folder(tmp_path: Path) -> None:
    """It failed: "cannot open the register (unable to open database file)"."""
    folder = tmp_path / "archive"
    folder.mkdir()
    database = folder / "register.db"
    statements = write_statement_file(tmp_path / "po.jsonl", make_extraction("po.pdf"))
    with open_register(str(database)) as register:
        register.import_path(statements, actor="ann")
    folder.chmod(0o555)
    try:
        exported = _run(
            _without_root_privileges(
                _reqx(
                    "register",
                    "export",
                    "--status",
                    "all",
                    "--format",
                    "json",
                    "--db",
                    str(database),
                )
            )
        )
        imported = _run(
            _without_root_privileges(
                _reqx("register", "import", str(statements), "--db", str(database))
            )
        )
    finally:
        folder.chmod(0o755)
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)) == len(CONTRACT_LINES)
    assert sorted(path.name for path in folder.iterdir()) == ["register.db"]
    assert imported.returncode == 1
    assert "or its folder is not writable" in imported.stderr


def test_export_to_a_full_disk_is_one_error_line(tmp_path: Path) -> None:
    """`reqx register export > /dev/full` ended in an OSError traceback."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    database = tmp_path / "register.db"
    with open_register(str(database)) as register:
        register.import_extractions([make_extraction()], actor="ann")
    with open("/dev/full", "w") as full:
        result = _run(
            _reqx("register", "export", "--status", "all", "--db", str(database)), stdout=full
        )
    assert result.returncode == 1
    assert result.stderr == "reqx: error: standard output: cannot write (No space left on device)\n"


def test_a_mails_statements_extracted_then_imported_keep_its_sender(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The app kept a mail's sender and date; `reqx extract` / `reqx batch` records and
    `register import` lost them, so a batch-imported request named no one."""
    mail = (
        Path(__file__).resolve().parents[1] / "documents" / "email" / "thread_with_quoted_reply.eml"
    )
    extracted = runner.invoke(cli, ["extract", str(mail), "--no-classify"])
    assert extracted.exit_code == 0, extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    sender = "Anna Berg <anna.berg@harbour.example>"
    own = [r for r in records if r["doc"] == str(mail) and r["kind"] != "quoted"]
    quoted = [r for r in records if r["kind"] == "quoted"]
    attached = [r for r in records if "#" in r["doc"]]
    assert own and quoted and attached
    assert {(r["sender"], r["sent_at"]) for r in own + attached} == {
        (sender, "2024-03-01T09:30:00+00:00")
    }
    assert {(r["sender"], r["sent_at"]) for r in quoted} == {("", "")}  # someone else wrote it
    statements = tmp_path / "mail.jsonl"
    statements.write_text(extracted.stdout, encoding="utf-8")
    database = tmp_path / "r.db"
    result = runner.invoke(cli, ["register", "import", str(statements), "--db", str(database)])
    assert result.exit_code == 0, result.stderr
    with open_register(str(database)) as register:
        entries = list(register.iter_entries())
    assert {e.sender for e in entries if e.kind != "quoted"} == {sender}


DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


def test_import_can_keep_the_files_read_for_the_apps_pages(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walk: documents imported from the command line had no page image in the app."""
    from extractor.review.store import DocumentStore

    monkeypatch.chdir(tmp_path)
    kept_in = tmp_path / "kept"
    monkeypatch.setenv("EXTRACTOR_DOCUMENTS_DIR", str(kept_in))
    shutil.copy(DOCUMENTS / "email" / "thread_with_quoted_reply.eml", "mail.eml")
    extracted = runner.invoke(cli, ["extract", "mail.eml"])
    assert extracted.exit_code == 0
    Path("mail.jsonl").write_text(extracted.stdout, encoding="utf-8")
    documents = {(r["doc"], r["sha256"]) for r in map(json.loads, extracted.stdout.splitlines())}
    assert {name for name, _ in documents} == {
        "mail.eml",
        "mail.eml#inspection_requirements.pdf",
        "mail.eml#delivery_addresses.txt",
    }

    plain = runner.invoke(cli, ["register", "import", "mail.jsonl", "--db", "r.db"])
    assert plain.exit_code == 0 and not kept_in.exists()  # only when asked
    kept = runner.invoke(cli, ["register", "import", "mail.jsonl", "--db", "r.db", "--keep-files"])
    assert kept.exit_code == 0, kept.output
    assert f"3 document files kept for the app's pages in {kept_in}" in kept.stdout
    store = DocumentStore(kept_in)
    for _, sha256 in documents:  # the attachments taken out of the mail, as an upload does
        found = store.path_for(sha256)
        assert found is not None and hashlib.sha256(found.read_bytes()).hexdigest() == sha256


def test_keep_files_names_what_it_could_not_keep(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EXTRACTOR_DOCUMENTS_DIR", str(tmp_path / "kept"))
    shutil.copy(DOCUMENTS / "email" / "thread_with_quoted_reply.eml", "mail.eml")
    Path("order.txt").write_text("The Supplier shall ship 40 pallets by 3 May.\n", "utf-8")
    Path("gone.txt").write_text("Parts must be packed in VCI bags.\n", "utf-8")
    extracted = runner.invoke(cli, ["extract", "order.txt", "gone.txt", "mail.eml"])
    Path("s.jsonl").write_text(extracted.stdout, encoding="utf-8")
    Path("gone.txt").unlink()
    Path("order.txt").write_text("The Supplier shall ship 60 pallets by 3 May.\n", "utf-8")
    mail = Path("mail.eml").read_bytes()
    Path("mail.eml").write_bytes(mail.replace(b"Subject:", b"X-Note: edited\nSubject:", 1))
    result = runner.invoke(cli, ["register", "import", "s.jsonl", "--db", "r.db", "--keep-files"])
    assert result.exit_code == 0, result.output
    assert "reqx: not kept: gone.txt: no such file" in result.stderr
    assert "reqx: not kept: order.txt: the file has changed since it was read" in result.stderr
    assert "reqx: not kept: mail.eml: the file has changed" in result.stderr
    # the attachments inside the edited mail are still the bytes that were read
    assert "2 document files kept" in result.stdout


def test_import_says_how_many_differ_from_an_earlier_document(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tender walk: the app's upload said what differs, a command-line import did not."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("1. The Supplier shall deliver within 30 days.\n\n2. Pack in VCI.\n")
    Path("b.txt").write_text("1. The Supplier shall deliver within 45 days.\n\n2. Pack in VCI.\n")
    for name in ("a", "b"):
        extracted = runner.invoke(cli, ["extract", f"{name}.txt"])
        Path(f"{name}.jsonl").write_text(extracted.stdout, encoding="utf-8")
    first = runner.invoke(cli, ["register", "import", "a.jsonl", "--db", "r.db"])
    assert "differ" not in first.stdout
    second = runner.invoke(cli, ["register", "import", "b.jsonl", "--db", "r.db"])
    assert second.exit_code == 0
    assert "1 candidate of these documents differs from an earlier document" in second.stdout


def test_relink_finds_changes_worded_anew_again(runner: CliRunner, tmp_path: Path) -> None:
    """`reqx register relink`: a register imported with an older reqx gets today's links."""
    from extractor.register import CandidateInput, DocumentInput

    database = tmp_path / "register.db"
    with open_register(str(database)) as register:
        for sha, name, sent, line in (
            ("a", "order.eml", "2026-02-10", "Delivery terms: FCA Tamworth (Incoterms 2020)."),
            ("b", "mail.eml", "2026-02-20", "The delivery terms are DAP Kassel, not FCA Tamworth."),
        ):
            register.add_document(
                DocumentInput(sha * 64, name, "email", None, {"sent_at": sent}),
                [CandidateInput(position=0, text=line, label="specified", confidence=0.9)],
            )
        with register._engine.begin() as connection:  # as an older reqx left it
            connection.exec_driver_sql("DELETE FROM reworded_links")
    result = runner.invoke(cli, ["register", "relink", "--db", str(database)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 statement pair worded anew with another value, among 2 documents\n"
    missing = runner.invoke(cli, ["register", "relink", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "no register there" in missing.output


def test_withdraw_names_what_it_withdrew_and_what_it_refused(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    statements = write_statement_file(tmp_path / "rev-a.jsonl", make_extraction("rev-a.pdf"))
    runner.invoke(cli, ["register", "import", str(statements), "--db", db_url])
    with open_register(db_url) as register:
        register.confirm(1, version=1, actor="ann")
        register.confirm(3, version=1, actor="ann")
    refs = ["REQ-0001", "REQ-0002", "req-3"]
    reason = ["--reason", "dropped in revision B", "--by", "bob"]
    result = runner.invoke(cli, ["register", "withdraw", *refs, "--db", db_url, *reason])
    assert result.exit_code == 1
    assert result.stdout == "withdrawn, no longer in force: REQ-0001, REQ-0003\n"
    assert "not withdrawn: REQ-0002 is candidate" in result.stderr
    assert "1 entry not withdrawn" in result.stderr
    with open_register(db_url) as register:
        statuses = [register.get_entry(n).status for n in (1, 2, 3)]
        reasons = [register.history(n)[-1].after for n in (1, 3)]
    assert statuses == ["withdrawn", "candidate", "withdrawn"]
    assert reasons == [{"status": "withdrawn", "reason": "dropped in revision B"}] * 2


def test_withdraw_wants_a_reason(runner: CliRunner, db_url: str, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["register", "withdraw", "REQ-0001", "--db", db_url])
    assert result.exit_code == 2 and "--reason" in result.stderr


def test_an_empty_export_says_why(runner: CliRunner, db_url: str, tmp_path: Path) -> None:
    """An aerospace walk: nothing confirmed gave a header-only file, exit 0, not a word."""
    statements = write_statement_file(tmp_path / "po.jsonl", make_extraction("po.pdf"))
    runner.invoke(cli, ["register", "import", str(statements), "--db", db_url])
    out = tmp_path / "register.csv"
    result = runner.invoke(cli, ["register", "export", "--db", db_url, "--out", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1  # the header
    assert result.stderr == (
        "reqx: the export is empty: no confirmed entries in force (the register holds"
        f" {len(CONTRACT_LINES)} candidates)\n"
    )
    with open_register(db_url) as register:
        register.confirm(1, version=1, actor="ann")
    result = runner.invoke(cli, ["register", "export", "--db", db_url, "--out", str(out)])
    assert result.exit_code == 0 and result.stderr == ""


def test_import_names_the_document_a_file_repeats_word_for_word(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    first = write_statement_file(tmp_path / "a.jsonl", make_extraction("rev-a.pdf"))
    copy = write_statement_file(tmp_path / "b.jsonl", make_extraction("rev-a-protected.pdf"))
    runner.invoke(cli, ["register", "import", str(first), "--db", db_url])
    result = runner.invoke(cli, ["register", "import", str(copy), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert (
        "rev-a-protected.pdf holds word for word the statements of rev-a.pdf: the same document"
        " in another file?"
    ) in result.stdout
    again = runner.invoke(cli, ["register", "import", str(copy), "--db", db_url])
    assert "word for word" not in again.stdout  # nothing new imported: nothing to say


def test_import_names_the_confirmed_requirements_a_revision_leaves_out(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    first = write_statement_file(tmp_path / "a.jsonl", make_extraction("rev-a.pdf"))
    runner.invoke(cli, ["register", "import", str(first), "--db", db_url])
    with open_register(db_url) as register:
        for entry in register.iter_entries():
            register.confirm(entry.ref, version=entry.version, actor="ann")
    records = extraction_records(make_extraction("rev-b.pdf"))
    del records[2]  # "Packaging must protect the parts ..." (REQ-0003) is gone
    second = tmp_path / "b.jsonl"
    second.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(cli, ["register", "import", str(second), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert (
        "rev-b.pdf leaves out 1 confirmed requirement of rev-a.pdf, its previous revision, not"
        " even with other numbers or in other words: REQ-0003; if the revision drops them:"
        " reqx register withdraw REF... --reason"
    ) in result.stdout
