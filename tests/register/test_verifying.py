"""Tamper evidence: the audit log's hash chain and ``reqx register verify``.

An ISO 9001 auditor changed entries, candidates and documents of a SQLite
register with the sqlite3 shell, and dropped the audit log's triggers to edit
and delete its rows; nothing noticed. Here the same is done with Python's
sqlite3 on the file, and ``verify`` must name what was changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from extractor.cli import cli
from extractor.register import (
    ENV_VAR,
    CandidateInput,
    DocumentInput,
    EntryFilter,
    Register,
    open_register,
)
from extractor.register.chain import GENESIS, _new_ids, link
from extractor.register.database import _alembic_config
from extractor.register.models import AuditRow
from extractor.register.verifying import ExpectedHead

from .helpers import CONTRACT_LINES, make_extraction

LINES = len(CONTRACT_LINES)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv(ENV_VAR, raising=False)
    return CliRunner()


def _sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()  # as helpers.make_extraction has it


def _use(register: Register) -> None:
    """Every kind of write reqx makes: an unlabelled import labelled by a later one,
    single decisions (one with a reason), a bulk confirm, a revision decided as before
    (supersede, take over), a repeat order decided as before, a supersede from a card, a
    finished contract review and a split.

    spec-a.pdf is REQ-0001 to 0006, spec-b.pdf (its revision) 0007 to 0012, po-3.pdf
    0013 to 0018, po-4.pdf 0019 to 0024, and REQ-0025 is split off REQ-0016.
    """
    unlabelled = [CandidateInput(position=i, text=t) for i, (t, *_) in enumerate(CONTRACT_LINES)]
    register.add_document(DocumentInput(_sha("spec-a.pdf"), "spec-a.pdf", "pdf", 2), unlabelled)
    register.import_extractions([make_extraction("spec-a.pdf")], actor="ann")
    first = register.confirm("REQ-0001", version=2, actor="ann", label="specified")
    first = register.set_owner(first.ref, "Logistics", version=first.version, actor="ann")
    first = register.set_due_date(first.ref, date(2026, 4, 15), version=first.version, actor="ann")
    register.add_note(first.ref, "Call before shipping.", version=first.version, actor="bo")
    register.relabel("REQ-0003", "specified", version=2, actor="bo")
    edited = register.edit_text(
        "REQ-0005", "Links in documents are ignored.", version=2, actor="bo"
    )
    register.reject(edited.ref, version=edited.version, actor="bo")
    rejected = register.reject("REQ-0004", version=2, actor="bo")
    register.reopen(rejected.ref, version=rejected.version, actor="bo")
    register.confirm_where(EntryFilter(labels=("statutory",)), actor="bo")
    register.import_extractions([make_extraction("spec-b.pdf")], actor="ann")
    register.decide_revision_as_before(EntryFilter(document_ids=(2,)), actor="ann")
    register.import_extractions([make_extraction("po-3.pdf")], actor="ann")
    register.apply_earlier_decisions(EntryFilter(document_ids=(3,)), actor="ann")
    in_force = register.list_entries(EntryFilter(statuses=("confirmed",), in_force=True)).items
    register.supersede(in_force[0].ref, in_force[-1].ref, version=in_force[0].version, actor="bo")
    register.update("REQ-0015", version=1, actor="bo", label="specified", reason="a drawing note")
    register.import_extractions([make_extraction("po-4.pdf")], actor="ann")
    register.confirm_where(EntryFilter(document_ids=(4,)), actor="bo")
    register.finish_review(4, outcome="accepted", actor="bo")
    register.split(
        "REQ-0016", ["Ohio law governs.", "Courts of Ohio decide."], version=1, actor="bo"
    )


def _events(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(text("SELECT count(*) FROM audit_log")) or 0)
    finally:
        engine.dispose()


def test_a_register_in_use_verifies_clean(db_url: str) -> None:
    with open_register(db_url) as register:
        _use(register)
        actions = {event.action for event in register.iter_audit()}
        found = register.verify()
        head = register.chain_head()
    assert found.problems == ()
    assert found.ok
    assert actions >= {
        "upload",
        "import",
        "label_found",
        "confirm",
        "set_owner",
        "set_due_date",
        "note",
        "relabel",
        "edit_text",
        "reject",
        "reopen",
        "bulk_confirm",
        "same_as_earlier",
        "supersede",
        "take_over",
        "review_finished",
        "split",
        "split_off",
    }
    assert (found.entries, found.candidates, found.documents) == (4 * LINES + 1, 4 * LINES, 4)
    assert found.events == head.events == _events(db_url)
    assert found.head == head.head != GENESIS


def test_an_empty_register_verifies_clean(tmp_path: Path) -> None:
    with open_register(str(tmp_path / "register.db")) as register:
        found = register.verify()
    assert (found.ok, found.events, found.head) == (True, 0, GENESIS)


def test_the_head_recomputes_with_json_and_hashlib_alone(tmp_path: Path) -> None:
    """The chain as the README states it, so an auditor can recompute it without reqx:
    SHA-256 of the previous hash and the event as JSON with sorted keys, the time in UTC."""
    path = tmp_path / "register.db"
    with open_register(str(path)) as register:
        _use(register)
        expected = register.chain_head().head
    head = "0" * 64
    with _sqlite3_shell(path) as connection:
        rows = connection.execute(
            "SELECT id, at, actor, action, entry_id, document_id, before, after "
            "FROM audit_log ORDER BY id"
        )
        for event_id, at, actor, action, entry_id, document_id, before, after in rows:
            event = {
                "id": event_id,
                "at": datetime.fromisoformat(at).replace(tzinfo=UTC).isoformat(),
                "actor": actor,
                "action": action,
                "entry_id": entry_id,
                "document_id": document_id,
                "before": json.loads(before) if before else None,
                "after": json.loads(after) if after else None,
            }
            serialised = json.dumps(event, sort_keys=True, separators=(",", ":"))
            head = hashlib.sha256((head + serialised).encode()).hexdigest()
    assert head == expected


@pytest.fixture
def used(tmp_path: Path) -> Path:
    """A SQLite register after ``_use``, closed: the file an auditor opens in the sqlite3 shell."""
    path = tmp_path / "register.db"
    with open_register(str(path)) as register:
        _use(register)
    return path


@contextmanager
def _sqlite3_shell(path: Path) -> Iterator[sqlite3.Connection]:
    """The file opened as the sqlite3 shell opens it: no foreign keys, no reqx."""
    connection = sqlite3.connect(path)
    try:
        yield connection
        connection.commit()
    finally:
        connection.close()


def _tamper(path: Path, change: Callable[[sqlite3.Connection], list[str]]) -> list[str]:
    with _sqlite3_shell(path) as connection:
        return change(connection)


def _event_id(connection: sqlite3.Connection, entry_id: int, action: str) -> int:
    found = connection.execute(
        "SELECT max(id) FROM audit_log WHERE entry_id = ? AND action = ?", (entry_id, action)
    ).fetchone()[0]
    assert found is not None
    return int(found)


def _entry_text(connection: sqlite3.Connection) -> list[str]:
    connection.execute("UPDATE entries SET text = 'Deliveries within 90 days.' WHERE id = 13")
    return ['REQ-0013: its text is "Deliveries within 90 days.", but by the audit trail']


def _entry_text_far_in(connection: sqlite3.Connection) -> list[str]:
    """A logistics walk: a hand edit far into a text was shown cut off before it, twice
    alike ("... on site …" and "... on site …")."""
    (text,) = connection.execute("SELECT text FROM entries WHERE id = 13").fetchone()
    assert text.index("30 days") > 40
    edited = text.replace("30 days", "30 weeks")
    connection.execute("UPDATE entries SET text = ? WHERE id = 13", (edited,))
    return ['REQ-0013: its text is "…', "30 weeks", 'but by the audit trail "…', "30 days"]


def _candidate_text(connection: sqlite3.Connection) -> list[str]:
    connection.execute(
        "UPDATE candidates SET text = 'Parts need not comply with REACH.' "
        "WHERE id = (SELECT candidate_id FROM entries WHERE id = 2)"
    )
    return [
        "(REQ-0002): its id is not the hash of its document's SHA-256, position and text",
        'REQ-0002: its candidate\'s text is "Parts need not comply with REACH."',
    ]


def _audit_after(connection: sqlite3.Connection) -> list[str]:
    event = _event_id(connection, 1, "confirm")
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute(
        'UPDATE audit_log SET after = \'{"status": "rejected"}\' WHERE id = ?', (event,)
    )
    return [f"event {event}: its chain hash does not follow from its content", "REQ-0001: its"]


def _audit_deleted(connection: sqlite3.Connection) -> list[str]:
    event = _event_id(connection, 3, "relabel")
    connection.execute("DROP TRIGGER audit_log_no_delete")
    connection.execute("DELETE FROM audit_log WHERE id = ?", (event,))
    return [
        f"event {event}: is gone from the audit log",
        f"event {event + 1}: its chain hash does not follow from its content and the hash of "
        f"event {event - 1}",
        'REQ-0003: its label is "specified", but by the audit trail "implied"',
    ]


def _audit_inserted(connection: sqlite3.Connection) -> list[str]:
    connection.execute(
        "INSERT INTO audit_log (at, actor, action, entry_id, document_id, before, after) "
        "VALUES ('2026-11-29 10:00:00.000000', 'eve', 'confirm', 14, 3, "
        '\'{"status": "candidate"}\', \'{"status": "rejected"}\')'
    )
    event = connection.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    return [f"event {event}: has no chain hash", 'REQ-0014: its status is "confirmed"']


def _document_name(connection: sqlite3.Connection) -> list[str]:
    connection.execute("UPDATE documents SET name = 'spec-z.pdf' WHERE id = 1")
    return ['document 1 "spec-z.pdf": its name is not "spec-a.pdf", as uploaded (event 1)']


def _entry_deleted(connection: sqlite3.Connection) -> list[str]:
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM entries WHERE id = 18")
    return ["REQ-0018: has events in the audit trail but is not in the register"]


@pytest.mark.parametrize(
    "change",
    [
        _entry_text,
        _entry_text_far_in,
        _candidate_text,
        _audit_after,
        _audit_deleted,
        _audit_inserted,
        _document_name,
        _entry_deleted,
    ],
)
def test_verify_names_what_was_changed_in_the_file(
    runner: CliRunner, used: Path, change: Callable[[sqlite3.Connection], list[str]]
) -> None:
    clean = runner.invoke(cli, ["register", "verify", "--db", str(used)])
    named = _tamper(used, change)
    result = runner.invoke(cli, ["register", "verify", "--db", str(used)])
    assert clean.exit_code == 0, clean.output
    assert result.exit_code == 1
    for problem in named:
        assert problem in result.stdout, result.stdout
    assert "the register was changed outside reqx" in result.stderr


def test_a_chain_recomputed_whole_is_caught_only_against_a_head_kept_elsewhere(
    runner: CliRunner, used: Path
) -> None:
    """Someone with write access changes a decision, entry and event alike, and recomputes
    every chain hash: the register is consistent again, but no longer ends in the head
    written down before."""
    before = runner.invoke(cli, ["register", "verify", "--db", str(used)])
    count, head = before.stdout.split("\n")[0].removeprefix("audit chain: ").split(" events, head ")
    expect = f"{count}:{head}"
    with _sqlite3_shell(used) as connection:
        event = _event_id(connection, 1, "confirm")
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute(
            "UPDATE audit_log SET after = json_set(after, '$.status', 'rejected') WHERE id = ?",
            (event,),
        )
        connection.execute("UPDATE entries SET status = 'rejected' WHERE id = 1")
    _recompute_the_chain(used)
    rewritten = runner.invoke(cli, ["register", "verify", "--db", str(used)])
    expected = runner.invoke(cli, ["register", "verify", "--db", str(used), "--expect", expect])
    assert before.exit_code == 0, before.output
    assert rewritten.exit_code == 0, rewritten.output  # consistent: nothing to see without a head
    assert expected.exit_code == 1
    assert f"audit chain: its first {count} events no longer end in the expected head" in (
        expected.stdout
    )


def _recompute_the_chain(path: Path) -> None:
    """What an insider would do: drop the chain's triggers and hash every event anew (the
    scheme is no secret)."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP TRIGGER audit_chain_no_delete"))
            connection.execute(text("DELETE FROM audit_chain"))
            rows = connection.execute(AuditRow.__table__.select().order_by(AuditRow.id)).all()
            head = GENESIS
            for row in rows:
                head = link(head, row.id, row._mapping)
                connection.execute(
                    text("INSERT INTO audit_chain VALUES (:id, :hash)"),
                    {"id": row.id, "hash": head},
                )
    finally:
        engine.dispose()


def test_verify_prints_the_head_and_checks_an_expected_one(runner: CliRunner, used: Path) -> None:
    result = runner.invoke(cli, ["register", "verify", "--db", str(used)])
    first, second = result.stdout.splitlines()[:2]
    count, head = first.removeprefix("audit chain: ").split(" events, head ")
    events = int(count.replace(",", ""))
    assert result.exit_code == 0, result.output
    assert events == _events(f"sqlite:///{used}") and len(head) == 64
    assert second == "checked: 25 entries against their events, 24 candidates, 4 documents"
    for expect in (f"{count}:{head}", head[:16], f"{events}:{head[:20].upper()}"):
        good = runner.invoke(cli, ["register", "verify", "--db", str(used), "--expect", expect])
        assert good.exit_code == 0, good.output
        assert "expected head: the chain still passes through" in good.stdout
    with open_register(str(used)) as register:  # one more event: the old head stays on the way
        register.relabel("REQ-0009", "specified", version=1, actor="bo")
    later = runner.invoke(cli, ["register", "verify", "--db", str(used), "--expect", head[:16]])
    fewer = runner.invoke(
        cli, ["register", "verify", "--db", str(used), "--expect", f"{events + 5}:{head}"]
    )
    wrong = runner.invoke(cli, ["register", "verify", "--db", str(used), "--expect", "3f2a"])
    assert later.exit_code == 0, later.output
    assert fewer.exit_code == 1
    assert f"holds {events + 1} events, fewer than the {events + 5}" in fewer.stdout
    assert wrong.exit_code == 2 and "16 to 64 hex digits" in wrong.output


def test_expected_heads_are_read_as_verify_prints_them() -> None:
    head = "3F2A" * 16
    assert ExpectedHead.parse(f" 12,345:{head}") == ExpectedHead(head.lower(), 12345)
    assert ExpectedHead.parse(head[:16]) == ExpectedHead(head[:16].lower())
    for bad in ("3f2a", f"many:{head}", "z" * 64, head + "0"):
        with pytest.raises(ValueError):
            ExpectedHead.parse(bad)


def test_text_planted_in_the_register_is_quoted_not_obeyed(runner: CliRunner, used: Path) -> None:
    """A terminal must not run an escape sequence, nor a line break fake a line of output."""
    with _sqlite3_shell(used) as connection:
        connection.execute(
            "UPDATE entries SET text = ? WHERE id = 2", ("\x1b[2J\nREQ-0002: fine\u202e",)
        )
    result = runner.invoke(cli, ["register", "verify", "--db", str(used)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert 'its text is "\\u001b[2J\\nREQ-0002: fine\\u202e"' in result.stdout
    assert "\nREQ-0002: fine" not in result.stdout


def test_the_chain_cannot_be_changed_through_reqx_s_connection(db_url: str) -> None:
    """As the audit log itself: the database refuses to update, delete or empty the chain."""
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
    engine = create_engine(db_url)
    statements = ["UPDATE audit_chain SET chain_hash = 'x'", "DELETE FROM audit_chain"]
    if engine.dialect.name == "postgresql":
        statements.append("TRUNCATE audit_chain")
    try:
        for statement in statements:
            refused = pytest.raises(DBAPIError, match="audit_chain is append-only")
            with refused, engine.begin() as connection:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_a_register_made_before_the_chain_gets_one_and_verifies_clean(db_url: str) -> None:
    """Migration 0009 chains the events an older reqx wrote, as reqx chains them now."""
    with open_register(db_url) as register:
        _use(register)
        head = register.chain_head()
    engine = create_engine(db_url)
    config = _alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0008")
    finally:
        engine.dispose()
    with open_register(db_url) as register:
        found = register.verify()
    assert found.problems == ()
    assert (found.events, found.head) == (head.events, head.head)


def test_events_an_older_reqx_wrote_replay_to_their_entries(db_url: str) -> None:
    """Import events written before migration 0006 have no ``superseded_by``; a supersede
    written before the references recorded the database id (2), not "REQ-0002"."""
    engine = create_engine(db_url)
    config = _alembic_config()
    now = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    sha = "a" * 64
    texts = ("Parts shall be packed in crates.", "Parts shall be packed in boxes.")
    ids = [CandidateInput(position=i, text=t).candidate_id(sha) for i, t in enumerate(texts)]
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0008")
            _older_register(connection, now, sha, texts, ids)
    finally:
        engine.dispose()
    with open_register(db_url) as register:
        found = register.verify()
        old = register.get_entry("REQ-0001")
    assert found.problems == ()
    assert (found.events, old.superseded_by) == (6, "REQ-0002")


def _older_register(
    connection: Connection, now: datetime, sha: str, texts: tuple[str, str], ids: list[str]
) -> None:
    run = connection.execute
    run(
        text(
            "INSERT INTO documents (id, sha256, name, kind, pages, uploaded_by, uploaded_at)"
            " VALUES (1, :sha, 'old.pdf', 'pdf', 1, 'ann', :now)"
        ),
        {"sha": sha, "now": now},
    )
    for number, (candidate, statement) in enumerate(zip(ids, texts, strict=True), 1):
        run(
            text(
                "INSERT INTO candidates (id, document_id, position, text, label, confidence,"
                " page, boxes, clause, section, kind, annotations, imported_at) VALUES"
                " (:id, 1, :position, :text, 'specified', 0.9, 1, '[]', '', '', 'paragraph',"
                " '{}', :now)"
            ),
            {"id": candidate, "position": number - 1, "text": statement, "now": now},
        )
        run(
            text(
                "INSERT INTO entries (id, candidate_id, document_id, text, label, confidence,"
                " status, page, clause, boxes, owner, due_date, notes, created_at, updated_at,"
                " updated_by, version, superseded_by) VALUES (:id, :candidate, 1, :text,"
                " 'specified', 0.9, 'confirmed', 1, '', '[]', '', NULL, '', :now, :now, 'ann',"
                " 2, :by)"
            ),
            {
                "id": number,
                "candidate": candidate,
                "text": statement,
                "now": now,
                "by": 2 if number == 1 else None,
            },
        )
    imported = {"label": "specified", "status": "candidate", "owner": "", "due_date": None}
    events = [
        ("upload", None, None, {"name": "old.pdf", "sha256": sha}),
        ("import", 1, None, {**imported, "text": texts[0], "notes": ""}),
        ("import", 2, None, {**imported, "text": texts[1], "notes": ""}),
        ("confirm", 1, {"status": "candidate"}, {"status": "confirmed"}),
        ("confirm", 2, {"status": "candidate"}, {"status": "confirmed"}),
        ("supersede", 1, {"superseded_by": None}, {"superseded_by": 2}),
    ]
    for action, entry_id, before, after in events:
        run(
            text(
                "INSERT INTO audit_log (at, actor, action, entry_id, document_id, before, after)"
                " VALUES (:now, 'ann', :action, :entry, 1, :before, :after)"
            ),
            {
                "now": now,
                "action": action,
                "entry": entry_id,
                "before": json.dumps(before),
                "after": json.dumps(after),
            },
        )


def test_writers_deciding_at_once_leave_one_chain(db_url: str) -> None:
    """Reviewers and a bulk action saving at the same moment, on one register: every
    event chained after the one before it, none twice."""
    with open_register(db_url) as register:
        for number in range(4):
            register.import_extractions([make_extraction(f"po-{number}.pdf")], actor="ann")
        before = _events(db_url)
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def decide(document: int) -> None:
        try:
            with open_register(db_url) as register:
                start.wait()
                if document == 3:
                    register.confirm_where(EntryFilter(document_ids=(4,)), actor="bulk")
                    return
                for entry in register.list_entries(EntryFilter(document_ids=(document + 1,))).items:
                    saved = register.set_owner(entry.ref, "QA", version=entry.version, actor="a")
                    register.confirm(saved.ref, version=saved.version, actor="a")
        except BaseException as error:  # each thread's failure is the finding
            failures.append(error)

    threads = [threading.Thread(target=decide, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with open_register(db_url) as register:
        found = register.verify()
    assert failures == []
    assert found.problems == ()
    assert found.events == before + 3 * 2 * LINES + LINES


def test_processes_deciding_at_once_on_one_sqlite_file_leave_one_chain(tmp_path: Path) -> None:
    """The app and a batch import's --decide-as-before are separate processes on one file."""
    path = tmp_path / "register.db"
    with open_register(str(path)) as register:
        for number in range(3):
            register.import_extractions([make_extraction(f"po-{number}.pdf")], actor="ann")
        before = _events(f"sqlite:///{path}")
    root = Path(__file__).resolve().parents[2]
    at = time.time() + 3  # every child starts deciding at this moment, after its imports
    child = (
        "import sys, time\n"
        "from extractor.register import EntryFilter, open_register\n"
        "document = int(sys.argv[2])\n"
        "with open_register(sys.argv[1]) as register:\n"
        "    entries = register.list_entries(EntryFilter(document_ids=(document,))).items\n"
        "    time.sleep(max(0, float(sys.argv[3]) - time.time()))\n"
        "    for entry in entries:\n"
        "        saved = register.set_owner(entry.ref, 'QA', version=entry.version, actor='a')\n"
        "        register.reject(saved.ref, version=saved.version, actor='a')\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", child, str(path), str(document), str(at)],
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        for document in (1, 2, 3)
    ]
    errors = [process.communicate(timeout=120)[1].decode() for process in processes]
    with open_register(str(path)) as register:
        found = register.verify()
    assert [process.returncode for process in processes] == [0, 0, 0], errors
    assert found.problems == ()
    assert found.events == before + 3 * 2 * LINES


def test_on_sqlite_the_head_is_read_holding_the_write_lock(tmp_path: Path) -> None:
    """A transaction that has not written yet takes SQLite's write lock before the ids and
    the head are read: another writer then waits, and cannot chain from the same head."""
    path = tmp_path / "register.db"
    with open_register(str(path)) as register:
        register.import_extractions([make_extraction()], actor="ann")
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM entries"))  # read, nothing written
            _new_ids(connection, 1)
            with _sqlite3_shell(path) as other:
                other.execute("PRAGMA busy_timeout = 0")
                with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                    other.execute("BEGIN IMMEDIATE")
            connection.rollback()
    finally:
        engine.dispose()
