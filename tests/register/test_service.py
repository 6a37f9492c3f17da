"""The register's API on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from extractor.register import (
    ConflictError,
    EntryFilter,
    NotFound,
    Register,
    RegisterError,
    open_register,
)
from extractor.register.dropped import Dropped, part_of
from extractor.register.service import changed_in_part_by

from .conftest import PostgresServer
from .helpers import CONTRACT_LINES, make_extraction


def test_import_is_idempotent(db_url: str) -> None:
    with open_register(db_url) as register:
        first = register.import_extractions([make_extraction()], actor="ann")
        second = register.import_extractions([make_extraction()], actor="bob")
        entries = register.list_entries(limit=100)
        documents = register.documents()
    assert (first.documents_added, first.entries_added) == (1, len(CONTRACT_LINES))
    assert (second.documents_known, second.entries_added) == (1, 0)
    assert second.candidates_skipped == len(CONTRACT_LINES)
    assert entries.total == len(CONTRACT_LINES)
    assert [entry.ref for entry in entries.items][:2] == ["REQ-0001", "REQ-0002"]
    assert len(documents) == 1 and documents[0].uploaded_by == "ann"
    assert documents[0].pages == 2 and documents[0].kind == "pdf"


def test_entry_keeps_its_source(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        entry = register.get_entry("REQ-0002")
        candidate = register.get_candidate(entry.candidate_id or "")
    assert entry.text == CONTRACT_LINES[1][0]
    assert (entry.label, entry.status, entry.confidence) == ("statutory", "candidate", 0.97)
    assert (entry.document_name, entry.page, entry.clause) == ("contract.pdf", 1, "4.2")
    assert entry.section == "Delivery and Compliance"
    assert entry.laws == ("REACH", "RoHS")
    assert entry.boxes[0]["x0"] == 72.0
    assert candidate.laws == ("REACH", "RoHS") and candidate.position == 1


def test_decisions_are_saved_and_audited(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        entry = register.get_entry("REQ-0003")
        entry = register.relabel(entry.ref, "specified", version=entry.version, actor="ann")
        entry = register.edit_text(
            entry.ref, "Packaging must stop corrosion.", version=entry.version, actor="ann"
        )
        entry = register.set_owner(entry.ref, "Quality", version=entry.version, actor="ann")
        entry = register.set_due_date(
            entry.ref, date(2030, 1, 31), version=entry.version, actor="ann"
        )
        entry = register.add_note(
            entry.ref, "Checked with logistics", version=entry.version, actor="bob"
        )
        entry = register.confirm(entry.ref, version=entry.version, actor="bob")
        history = register.history("REQ-0003")
    assert (entry.status, entry.label, entry.owner) == ("confirmed", "specified", "Quality")
    assert entry.text == "Packaging must stop corrosion."
    assert entry.due_date == date(2030, 1, 31)
    assert entry.notes.endswith("bob] Checked with logistics")
    assert entry.version == 7 and entry.updated_by == "bob"
    actions = [event.action for event in history]
    assert actions == [
        "import",
        "relabel",
        "edit_text",
        "set_owner",
        "set_due_date",
        "note",
        "confirm",
    ]
    assert history[1].before == {"label": "implied"} and history[1].after == {"label": "specified"}
    assert history[4].after == {"due_date": "2030-01-31"}
    assert history[-1].actor == "bob"


def test_second_reviewer_gets_a_conflict_and_can_reload(db_url: str) -> None:
    with open_register(db_url) as first, open_register(db_url) as second:
        first.import_extractions([make_extraction()], actor="ann")
        seen_by_ann = first.get_entry("REQ-0001")
        seen_by_bob = second.get_entry("REQ-0001")
        first.confirm(seen_by_ann.ref, version=seen_by_ann.version, actor="ann")
        with pytest.raises(ConflictError) as conflict:
            second.reject(seen_by_bob.ref, version=seen_by_bob.version, actor="bob")
        assert "REQ-0001 was changed by ann" in conflict.value.message
        assert "reload" in conflict.value.message
        assert second.get_entry("REQ-0001").status == "confirmed"  # nothing overwritten
        reloaded = second.get_entry("REQ-0001")
        rejected = second.reject(reloaded.ref, version=reloaded.version, actor="bob")
        assert rejected.status == "rejected"
        assert [event.actor for event in second.history(1)] == ["ann", "ann", "bob"]


def test_unchanged_save_writes_no_audit_row(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        entry = register.get_entry(1)
        same = register.relabel(1, entry.label or "none", version=entry.version, actor="ann")
        assert same.version == entry.version
        assert len(register.history(1)) == 1


def test_bad_changes_are_refused(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        entry = register.get_entry(1)
        with pytest.raises(RegisterError, match="unknown label"):
            register.relabel(1, "mandatory", version=entry.version, actor="ann")
        with pytest.raises(RegisterError, match="cannot be empty"):
            register.edit_text(1, "  ", version=entry.version, actor="ann")
        with pytest.raises(RegisterError, match="reviewer's name"):
            register.confirm(1, version=entry.version, actor=" ")
        with pytest.raises(NotFound, match="REQ-0099"):
            register.get_entry("REQ-0099")
        with pytest.raises(NotFound, match="not a register reference"):
            register.history("ABC")
        assert register.get_entry(1).version == entry.version


def test_filters_search_and_paging(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions(
            [make_extraction("a.pdf"), make_extraction("b.pdf")], actor="ann"
        )
        b_id = next(doc.id for doc in register.documents() if doc.name == "b.pdf")
        statutory = register.list_entries(EntryFilter(labels=("statutory",)))
        confident = register.list_entries(EntryFilter(min_confidence=0.9, max_confidence=0.95))
        in_b = register.list_entries(EntryFilter(document_ids=(b_id,), text="reach"))
        literal = register.list_entries(EntryFilter(text="100%"))
        by_ref = register.list_entries(EntryFilter(text="REQ-0007"))
        by_clause = register.list_entries(EntryFilter(text="4.6"))
        page = register.list_entries(offset=10, limit=5)
        best = register.list_entries(sort="confidence_desc", limit=1)
    assert statutory.total == 4
    assert {entry.confidence for entry in confident.items} == {0.93}
    assert in_b.total == 1 and in_b.items[0].document_name == "b.pdf"
    assert literal.total == 0  # % is matched literally, not as a wildcard
    assert [entry.ref for entry in by_ref.items] == ["REQ-0007"]
    assert by_clause.total == 2
    assert [entry.ref for entry in page.items] == ["REQ-0011", "REQ-0012"]
    assert page.total == 12 and not page.has_more
    assert best.items[0].confidence == 0.97 and best.has_more


def test_search_finds_owners_and_notes_whatever_the_case_of_any_letter(db_url: str) -> None:
    """A walk: "Ortiz" (an owner) and "96.5" (in a note) found nothing; "KRÜGER" missed
    "Krüger" (SQLite folds ASCII letters only)."""
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("a.pdf")], actor="ann")
        first = register.get_entry(1)
        first = register.set_owner(1, "M. Ortiz", version=first.version, actor="ann")
        register.add_note(1, "Cpk 96.5 agreed", version=first.version, actor="ann")
        second = register.get_entry(2)
        register.edit_text(2, "Ship to Herr Krüger.", version=second.version, actor="ann")
        found = {
            text: [entry.ref for entry in register.list_entries(EntryFilter(text=text)).items]
            for text in ("ortiz", "96.5", "KRÜGER", "krüger", "STRASSE")
        }
    assert found == {
        "ortiz": ["REQ-0001"],
        "96.5": ["REQ-0001"],
        "KRÜGER": ["REQ-0002"],
        "krüger": ["REQ-0002"],
        "STRASSE": [],
    }


def test_a_search_for_a_req_number_finds_that_entry_alone(db_url: str) -> None:
    """A medical-device walk: "REQ-0331" also found the entry whose note named REQ-0331
    ("search found 2 in queue"). A bare number is still searched as text too, and a clause
    the customer numbered "REQ-0004" in its own matrix is found by that name."""
    from extractor.register import CandidateInput, DocumentInput

    with open_register(db_url) as register:
        register.import_extractions([make_extraction("a.pdf")], actor="ann")
        second = register.get_entry(2)
        register.add_note(2, "Changed in part by REQ-0001", version=second.version, actor="ann")
        register.edit_text(3, "Ship 1 pallet a week.", version=1, actor="ann")
        register.add_document(
            DocumentInput("m" * 64, "matrix.xlsx", "xlsx"),
            [CandidateInput(position=0, text="The pump shall run dry.", clause="req-0004")],
            actor="ann",
        )
        found = {
            text: [entry.ref for entry in register.list_entries(EntryFilter(text=text)).items]
            for text in ("REQ-0001", "req-1", " REQ-0001 ", "REQ-0004", "1", "by REQ-0001")
        }
    assert found.pop("1")[:3] == ["REQ-0001", "REQ-0002", "REQ-0003"]  # a quantity too
    assert found == {
        "REQ-0001": ["REQ-0001"],
        "req-1": ["REQ-0001"],
        " REQ-0001 ": ["REQ-0001"],
        "REQ-0004": ["REQ-0004", "REQ-0007"],
        "by REQ-0001": ["REQ-0002"],  # words around it: a search of the notes
    }


def test_an_e_mails_sender_and_date_come_with_its_entries(db_url: str) -> None:
    from extractor.register import CandidateInput, DocumentInput

    details = {"sender": "Dana Okafor <d.okafor@corvid.example>", "sent_at": "2026-02-03T09:15"}
    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("e" * 64, "glove.eml", "email", None, details),
            [CandidateInput(position=0, text="Make the keys at least 15 mm.")],
            actor="ann",
        )
        register.add_document(
            DocumentInput("f" * 64, "terms.txt", "text"),
            [CandidateInput(position=0, text="Invoices go to the plant.")],
            actor="ann",
        )
        mail, terms = register.list_entries(EntryFilter()).items
    assert (mail.sender, mail.sent_at) == (details["sender"], details["sent_at"])
    assert (terms.sender, terms.sent_at) == ("", "")


def test_statements_read_again_find_their_entries(db_url: str) -> None:
    import dataclasses

    extraction = make_extraction("po.pdf")
    with open_register(db_url) as register:
        register.import_extractions([extraction], actor="ann")
        again = list(extraction.statements)
        edited = dataclasses.replace(again[1], text=again[1].text + " Changed.")
        found = register.entries_of_statements([again[0], edited, *again[2:4]])
        nothing = register.entries_of_statements([])
    assert sorted(entry.ref for entry in found.values()) == ["REQ-0001", "REQ-0003", "REQ-0004"]
    assert nothing == {}


def test_a_requirement_replaced_by_a_later_revision_is_no_longer_in_force(db_url: str) -> None:
    """A walk: "98 %" of revision A and "95 %" of revision B were both confirmed, and the
    export listed both as in force."""
    from extractor.register import CandidateInput, DocumentInput
    from extractor.register.exporting import export_bytes

    with open_register(db_url) as register:
        for name, share in (("rev-a.txt", 98), ("rev-b.txt", 95)):
            register.add_document(
                DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "txt"),
                [CandidateInput(position=0, text=f"Yield shall be at least {share} %.")],
                actor="ann",
            )
            register.confirm(register.list_entries().items[-1].ref, version=1, actor="ann")
        old = register.supersede("REQ-0001", "REQ-0002", version=2, actor="bo")
        with pytest.raises(RegisterError, match="cannot supersede itself"):
            register.supersede("REQ-0002", "REQ-0002", version=2, actor="bo")
        with pytest.raises(NotFound):
            register.supersede("REQ-0002", "REQ-0099", version=2, actor="bo")
        confirmed = export_bytes(register, "json")
        everything = export_bytes(register, "json", status="all")
        history = register.history("REQ-0001")
    assert (old.status, old.superseded_by) == ("confirmed", "REQ-0002")
    assert [entry["id"] for entry in json.loads(confirmed)] == ["REQ-0002"]
    assert [entry["superseded_by"] for entry in json.loads(everything)] == ["REQ-0002", None]
    assert (history[-1].action, history[-1].actor, history[-1].after) == (
        "supersede",
        "bo",
        {"superseded_by": "REQ-0002"},  # a walk found the database id 2 here
    )


def test_the_superseding_entry_takes_over_owner_due_date_and_notes_it_has_none_of(
    db_url: str,
) -> None:
    """As ``decide_revision_as_before`` does for clauses repeated as they were: the walk
    found the changed clauses, superseded one by one, without an owner."""
    from extractor.register import CandidateInput, DocumentInput

    with open_register(db_url) as register:
        for name, hours in (("rev-a.txt", 24), ("rev-b.txt", 48)):
            register.add_document(
                DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "txt"),
                [CandidateInput(position=0, text=f"Spares shall ship within {hours} hours.")],
                actor="ann",
            )
        old = register.update(
            "REQ-0001",
            version=1,
            actor="ann",
            status="confirmed",
            owner="Logistics",
            due_date=date(2027, 3, 1),
            notes="old note",
        )
        new = register.update("REQ-0002", version=1, actor="bo", status="confirmed", notes="mine")
        with pytest.raises(ConflictError):  # a stale copy of the old entry: nothing changes
            register.supersede(old.ref, new.ref, version=old.version - 1, actor="bo")
        assert register.get_entry(new.ref).version == new.version
        register.supersede(old.ref, new.ref, version=old.version, actor="bo")
        after = register.get_entry(new.ref)
        history = register.history(new.ref)
    assert (after.owner, after.due_date, after.notes) == ("Logistics", date(2027, 3, 1), "mine")
    assert (history[-1].action, history[-1].before, history[-1].after) == (
        "take_over",
        {"owner": "", "due_date": None},
        {"owner": "Logistics", "due_date": "2027-03-01", "replaces": ["REQ-0001"]},
    )


def test_counts_by_status_keep_superseded_entries_apart_as_the_confirmed_export_does(
    db_url: str,
) -> None:
    """A walk: the Register's "By status" counted an entry out of force as confirmed."""
    from extractor.register.exporting import export_bytes

    with open_register(db_url) as register:
        register.import_extractions([make_extraction("rev-a.pdf")], actor="ann")
        register.import_extractions([make_extraction("rev-b.pdf")], actor="ann")
        for number in (1, 2, 1 + len(CONTRACT_LINES)):
            register.confirm(number, version=1, actor="ann")
        register.supersede(1, 1 + len(CONTRACT_LINES), version=2, actor="ann")
        counts = register.counts()
        confirmed = json.loads(export_bytes(register, "json"))
        filtered = register.counts(EntryFilter(statuses=("confirmed",)))
    assert counts.by_status == {
        "candidate": 2 * len(CONTRACT_LINES) - 3,
        "confirmed": 2,
        "superseded": 1,
    }
    assert counts.total == 2 * len(CONTRACT_LINES)
    assert len(confirmed) == counts.by_status["confirmed"]
    assert filtered.by_status == {"confirmed": 2, "superseded": 1}
    # the states as the chart shows them filter the same way (a re-walk: no Status choice
    # listed the superseded entries the chart counted)
    with open_register(db_url) as register:
        superseded = register.counts(EntryFilter(shown_states=("superseded",)))
        in_force = register.counts(EntryFilter(shown_states=("confirmed",)))
        both = register.counts(EntryFilter(shown_states=("candidate", "superseded")))
    assert superseded.by_status == {"superseded": 1}
    assert in_force.by_status == {"confirmed": 2}
    assert both.by_status == {"candidate": 2 * len(CONTRACT_LINES) - 3, "superseded": 1}


def test_audit_rows_of_older_registers_name_the_superseding_entry_by_reference(
    db_url: str,
) -> None:
    """Registers written before recorded ``{"superseded_by": 91}``; it reads as REQ-0091."""
    from extractor.register import CandidateInput, DocumentInput
    from extractor.register.exporting import export_audit_bytes

    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("e" * 64, "rev-a.txt", "txt"),
            [CandidateInput(position=0, text="Yield shall be at least 98 %.")],
            actor="ann",
        )
    engine = create_engine(db_url)
    with engine.begin() as connection:  # as the earlier code wrote it
        connection.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, entry_id, document_id, before, after)"
                " VALUES (:at, 'bo', 'supersede', 1, 1, :before, :after)"
            ),
            {
                "at": datetime(2026, 1, 5, tzinfo=timezone.utc),
                "before": json.dumps({"superseded_by": None}),
                "after": json.dumps({"superseded_by": 91}),
            },
        )
    engine.dispose()
    with open_register(db_url) as register:
        last = register.history("REQ-0001")[-1]
        exported = json.loads(export_audit_bytes(register, "json"))
    assert (last.before, last.after) == ({"superseded_by": None}, {"superseded_by": "REQ-0091"})
    assert exported[-1]["after"] == {"superseded_by": "REQ-0091"}


def test_text_quoted_from_earlier_mails_can_be_left_out_of_a_listing(db_url: str) -> None:
    """A reply repeats the earlier message; the queue can hide what it quotes from it."""
    import dataclasses

    extraction = make_extraction("re-order.eml")
    quoted = {1, 2}  # the second and third statements sit in the quoted earlier message
    statements = tuple(
        dataclasses.replace(s, kind="quoted") if s.index in quoted else s
        for s in extraction.statements
    )
    classified = tuple(
        dataclasses.replace(c, statement=statements[n]) for n, c in enumerate(extraction.classified)
    )
    extraction = dataclasses.replace(extraction, statements=statements, classified=classified)
    with open_register(db_url) as register:
        register.import_extractions([extraction], actor="ann")
        only_copy = register.list_entries(EntryFilter(include_quoted=False))
        register.import_extractions([make_extraction("order.eml")], actor="ann")  # the original
        everything = register.list_entries(EntryFilter())
        own_words = register.list_entries(EntryFilter(include_quoted=False))
        counted = register.counts(EntryFilter(include_quoted=False))
    assert only_copy.total == len(CONTRACT_LINES)  # nowhere else: the quotes stay
    assert everything.total == 2 * len(CONTRACT_LINES)
    assert [e.kind for e in everything.items[:4]] == ["paragraph", "quoted", "quoted", "paragraph"]
    assert own_words.total == 2 * len(CONTRACT_LINES) - len(quoted)
    assert "quoted" not in {entry.kind for entry in own_words.items}
    assert counted.total == own_words.total


def test_requirements_first_puts_confident_nones_last(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        queue = register.list_entries(sort="requirements_first")
    shown = [(entry.label, entry.confidence) for entry in queue.items]
    assert shown == [
        ("statutory", 0.97),
        ("specified", 0.93),
        ("statutory", 0.85),
        ("implied", 0.71),
        ("none", 0.88),
        ("none", 0.52),
    ]


def test_bulk_actions_and_counts(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        stale = register.get_entry("REQ-0002")
        confirmed = register.confirm_where(
            EntryFilter(statuses=("candidate",), labels=("statutory",), min_confidence=0.9),
            actor="ann",
        )
        rejected = register.reject_where(
            EntryFilter(statuses=("candidate",), labels=("none",)), actor="ann"
        )
        again = register.reject_where(EntryFilter(labels=("none",)), actor="ann")
        counts = register.counts()
        with pytest.raises(ConflictError):
            register.reject(stale.ref, version=stale.version, actor="bob")
        history = register.history("REQ-0002")
    assert (confirmed, rejected, again) == (1, 2, 0)
    assert counts.by_status == {"candidate": 3, "confirmed": 1, "rejected": 2}
    assert counts.by_label == {"specified": 1, "statutory": 2, "implied": 1, "none": 2}
    assert counts.by_document == {"contract.pdf": 6} and counts.total == 6
    assert [event.action for event in history] == ["import", "bulk_confirm"]
    # an auditor filtering the trail by document finds bulk decisions too
    assert history[-1].document_id == history[0].document_id is not None


def test_audit_log_is_append_only_in_the_database(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        total = register.audit_log().total
    engine = create_engine(db_url)
    try:
        for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
                connection.execute(text(statement))
    finally:
        engine.dispose()
    with open_register(db_url) as register:
        log = register.audit_log(limit=1000)
    assert log.total == total == 1 + len(CONTRACT_LINES)
    assert {event.actor for event in log.items} == {"ann"}
    assert log.items[-1].action == "upload"


@pytest.mark.parametrize("table", ["audit_log", "entries", "documents"])
def test_postgresql_refuses_to_truncate_the_audit_log(postgres_url: str, table: str) -> None:
    """The walk's problem 2: ``TRUNCATE audit_log CASCADE`` had wiped the whole trail;
    a TRUNCATE of a table the trail refers to, with CASCADE, empties it too."""
    with open_register(postgres_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        total = register.audit_log().total
    engine = create_engine(postgres_url)
    try:
        for statement in (f"TRUNCATE {table} CASCADE", f"TRUNCATE {table}"):
            with pytest.raises(DBAPIError), engine.begin() as connection:
                connection.execute(text(statement))
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {table} CASCADE"))
    finally:
        engine.dispose()
    with open_register(postgres_url) as register:
        assert register.audit_log().total == total == 1 + len(CONTRACT_LINES)


def test_simultaneous_saves_one_wins_one_conflicts(db_url: str) -> None:
    """Two reviewers press save at the same moment, ten times over: never both succeed."""
    import threading

    def save(
        barrier: threading.Barrier,
        register: Register,
        entry_id: int,
        version: int,
        who: str,
        status: str,
        outcomes: dict[str, str],
    ) -> None:
        barrier.wait()
        try:
            register.update(entry_id, version=version, actor=who, status=status)
            outcomes[who] = "saved"
        except ConflictError:
            outcomes[who] = "conflict"

    with open_register(db_url) as register:
        for salt in range(2):
            register.import_extractions([make_extraction(salt=str(salt))], actor="ann")
    for entry_id in range(1, 11):
        with open_register(db_url) as ann, open_register(db_url) as bob:
            loaded = ann.get_entry(entry_id)
            barrier = threading.Barrier(2)
            outcomes: dict[str, str] = {}
            threads = [
                threading.Thread(
                    target=save,
                    args=(barrier, register, entry_id, loaded.version, who, status, outcomes),
                )
                for register, who, status in ((ann, "ann", "confirmed"), (bob, "bob", "rejected"))
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            final = ann.get_entry(entry_id)
            winner = "ann" if outcomes["ann"] == "saved" else "bob"
            assert sorted(outcomes.values()) == ["conflict", "saved"]
            assert final.version == loaded.version + 1 and final.updated_by == winner
            assert [event.actor for event in ann.history(entry_id)] == ["ann", winner]


def test_a_vanished_database_is_a_register_error(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    import psycopg

    name = postgres_url.rsplit("/", 1)[1]
    with open_register(postgres_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        admin = f"host={postgres_server.host} port={postgres_server.port} user=postgres"
        with psycopg.connect(admin + " dbname=postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        with pytest.raises(RegisterError, match=name):
            register.list_entries()


def test_reviewed_statements_are_the_decisions_in_context(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        assert register.reviewed_statements() == []  # nothing decided yet
        entry = register.get_entry("REQ-0003")
        entry = register.relabel(entry.ref, "specified", version=entry.version, actor="ann")
        entry = register.edit_text(
            entry.ref, "Packaging must stop corrosion.", version=entry.version, actor="ann"
        )
        register.confirm(entry.ref, version=entry.version, actor="ann")
        rejected = register.get_entry("REQ-0005")
        register.reject(rejected.ref, version=rejected.version, actor="ann")
        reviewed = register.reviewed_statements()
    assert [(item.text, item.label) for item in reviewed] == [
        ("Packaging must stop corrosion.", "specified"),  # the reviewer's text and label
        (CONTRACT_LINES[4][0], "none"),  # a rejected candidate is not a requirement
    ]
    first = reviewed[0]
    with open_register(db_url) as register:  # the next order repeats the terms, decided as before
        register.import_extractions([make_extraction("po-2.pdf")], actor="ann")
        register.apply_earlier_decisions(EntryFilter(), actor="ann")
        again = register.reviewed_statements()
        assert register.counts().by_status["rejected"] == 2
    assert again == reviewed  # the same text and label count once
    assert first.context_before == CONTRACT_LINES[1][0]
    assert first.context_after == CONTRACT_LINES[3][0]
    assert first.section == "Delivery and Compliance"
    assert first.document_kind == "pdf" and len(first.document_sha256) == 64


def test_entries_can_be_picked_by_number(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        picked = register.list_entries(EntryFilter(entry_ids=(2, 5)))
        with_label = register.list_entries(EntryFilter(entry_ids=(2, 5), labels=("none",)))
    assert [entry.ref for entry in picked.items] == ["REQ-0002", "REQ-0005"]
    assert [entry.ref for entry in with_label.items] == ["REQ-0005"]


def test_neighbours_are_the_statements_found_around_each_entry(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("a.pdf")], actor="ann")
        register.import_extractions([make_extraction("b.pdf")], actor="ann")
        first, second = register.get_entry(1), register.get_entry(2)
        last_of_b = register.get_entry(2 * len(CONTRACT_LINES))
        second = register.edit_text(second.ref, "Edited.", version=second.version, actor="ann")
        found = register.neighbours([first, second, last_of_b])
    lines = [text for text, *_ in CONTRACT_LINES]
    assert found[1] == ("", lines[1])  # as found, not as edited since
    assert found[2] == (lines[0], lines[2])
    assert found[2 * len(CONTRACT_LINES)] == (lines[-2], "")  # never a neighbour from a.pdf


def test_labels_found_later_fill_candidates_imported_without_them(db_url: str) -> None:
    """A batch run with --no-classify imported first, then the classified run of the same files."""
    from extractor.register import CandidateInput, DocumentInput

    texts = [line[0] for line in CONTRACT_LINES[:3]]
    document = DocumentInput("d" * 64, "po.pdf", "pdf", 1)

    def candidates(labelled: bool) -> list[CandidateInput]:
        return [
            CandidateInput(
                position=i,
                text=text,
                label=CONTRACT_LINES[i][1] if labelled else None,
                confidence=CONTRACT_LINES[i][2] if labelled else None,
                page=1,
            )
            for i, text in enumerate(texts)
        ]

    with open_register(db_url) as register:
        register.add_document(document, candidates(False), actor="batch")
        first = register.get_entry(1)
        register.relabel(first.ref, "implied", version=first.version, actor="ann")  # a reviewer's
        report = register.add_document(document, candidates(True), actor="batch")
        again = register.add_document(document, candidates(True), actor="batch")
        entries = {e.id: e for e in register.iter_entries()}
        history = register.history(2)
    assert (report.entries_added, report.candidates_skipped, report.labels_added) == (0, 3, 2)
    assert again.labels_added == 0
    assert entries[1].label == "implied"  # the reviewer's label stands
    assert (entries[2].label, entries[2].confidence) == (CONTRACT_LINES[1][1], CONTRACT_LINES[1][2])
    assert entries[2].found_label == CONTRACT_LINES[1][1]
    assert (history[-1].action, history[-1].after) == ("label_found", {"label": "statutory"})


def test_the_last_event_number_moves_with_every_change(db_url: str) -> None:
    with open_register(db_url) as register:
        empty = register.last_event()
        register.import_extractions([make_extraction()], actor="ann")
        imported = register.last_event()
        entry = register.get_entry(1)
        register.confirm(entry.ref, version=entry.version, actor="ann")
        decided = register.last_event()
        register.list_entries(EntryFilter())
        read = register.last_event()
    assert empty == 0 < imported < decided == read


def test_a_confirmed_requirement_a_revision_dropped_can_be_withdrawn(db_url: str) -> None:
    """An automotive walk: revision B dropped clause 5.6 (a resident engineer) and the
    register could only reject it, as if it had never been a requirement."""
    from extractor.register.compliance import compliance_records
    from extractor.register.exporting import export_bytes

    with open_register(db_url) as register:
        register.import_extractions([make_extraction("rev-a.pdf")], actor="ann")
        register.confirm(1, version=1, actor="ann", label="specified")
        register.confirm(2, version=1, actor="ann")
        saved = register.withdraw(1, version=2, actor="bob", reason="dropped in rev-b.pdf")
        history = register.history(1)
        in_force = json.loads(export_bytes(register, "json"))
        listed = compliance_records(register)
        counts = register.counts()
        reviews = {review.name: review for review in register.document_reviews()}
        verified = register.verify()
        reopened = register.reopen(1, version=saved.version, actor="bob")
    assert (saved.status, saved.label, saved.version) == ("withdrawn", "specified", 3)
    assert history[-1].action == "withdraw" and history[-1].actor == "bob"
    assert history[-1].before == {"status": "confirmed"}
    assert history[-1].after == {"status": "withdrawn", "reason": "dropped in rev-b.pdf"}
    assert [record["id"] for record in in_force] == ["REQ-0002"]
    assert [record["id"] for record in listed] == ["REQ-0002"]
    assert counts.by_status["withdrawn"] == 1
    assert (reviews["rev-a.pdf"].withdrawn, reviews["rev-a.pdf"].confirmed) == (1, 1)
    assert verified.ok, verified.problems
    assert reopened.status == "candidate"


@pytest.mark.parametrize(
    ("status", "reason", "refused"),
    [
        ("candidate", "dropped in rev B", "REQ-0001 is candidate: only a confirmed requirement"),
        ("rejected", "dropped in rev B", "REQ-0001 is rejected: only a confirmed requirement"),
        ("superseded", "dropped in rev B", "REQ-0001 is superseded by REQ-0002: only"),
        ("confirmed", "  ", "REQ-0001: say why it is withdrawn"),
    ],
)
def test_only_a_confirmed_requirement_in_force_is_withdrawn_and_with_a_reason(
    db_url: str, status: str, reason: str, refused: str
) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("rev-a.pdf")], actor="ann")
        if status == "rejected":
            register.reject(1, version=1, actor="ann")
        elif status in ("confirmed", "superseded"):
            register.confirm(1, version=1, actor="ann")
        if status == "superseded":
            register.confirm(2, version=1, actor="ann")
            register.supersede(1, 2, version=2, actor="ann")
        before = register.get_entry(1)
        with pytest.raises(RegisterError) as caught:
            register.withdraw(1, version=before.version, actor="bob", reason=reason)
        after = register.get_entry(1)
    assert str(caught.value).startswith(refused)
    assert after == before


@pytest.mark.parametrize("status", ["candidate", "rejected", "withdrawn"])
def test_only_a_confirmed_entry_or_a_waiting_requirement_is_superseded(
    db_url: str, status: str
) -> None:
    """An aerospace walk named a waiting order line in "It also replaces": it sat in the
    queue marked superseded, out of force the moment it was confirmed. A waiting entry
    labelled none is no requirement to replace."""
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("rev-a.pdf")], actor="ann")
        register.confirm(2, version=1, actor="ann")
        if status == "candidate":
            register.relabel(1, "none", version=1, actor="ann")
        if status == "rejected":
            register.reject(1, version=1, actor="ann")
        elif status == "withdrawn":
            register.confirm(1, version=1, actor="ann")
            register.withdraw(1, version=2, actor="ann", reason="dropped")
        before = register.get_entry(1)
        with pytest.raises(RegisterError) as caught:
            register.supersede(1, 2, version=before.version, actor="bob")
        after = register.get_entry(1)
    labelled = ", labelled none" if status == "candidate" else ""
    assert str(caught.value) == (
        f"REQ-0001 is {status}{labelled}, not a requirement in force: only a confirmed entry,"
        " or a waiting requirement, is superseded"
    )
    assert (after.status, after.version, after.superseded_by) == (
        before.status,
        before.version,
        "",
    )


def test_a_waiting_requirement_replaced_is_confirmed_out_of_force(db_url: str) -> None:
    """A construction walk: revision P02's clause was confirmed as replacing P01's, still
    waiting; the link was refused and, once P01's was confirmed, both were in force."""
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("rev-a.pdf")], actor="ann")
        register.confirm(2, version=1, actor="ann")
        register.supersede(1, 2, version=1, actor="bob")
        after = register.get_entry(1)
        (event,) = [e for e in register.history(1) if e.action == "supersede"]
        waiting = register.count_entries(EntryFilter(statuses=("candidate",)))
    assert (after.status, after.superseded_by, after.version) == ("confirmed", "REQ-0002", 2)
    assert event.before == {"status": "candidate", "superseded_by": None}
    assert event.after is not None and event.after["status"] == "confirmed"
    assert waiting == len(make_extraction("rev-a.pdf").statements) - 2


def test_a_change_in_part_keeps_both_in_force_and_is_noted_on_the_earlier(db_url: str) -> None:
    """An aerospace walk: a mail moving one order line's date could only supersede the
    whole line, and its quantity, price and quality codes left the register in force."""
    from extractor.register.compliance import compliance_records

    with open_register(db_url) as register:
        register.import_extractions([make_extraction("po.pdf")], actor="ann")
        register.import_extractions([make_extraction("mail.eml")], actor="ann")
        register.confirm(1, version=1, actor="ann")
        register.confirm(1 + len(CONTRACT_LINES), version=1, actor="ann")
        changed = register.change_in_part(1, 1 + len(CONTRACT_LINES), actor="bob")
        history = register.history(1)
        listed = [record["id"] for record in compliance_records(register)]
        with pytest.raises(RegisterError) as waiting:
            register.change_in_part(2, 1 + len(CONTRACT_LINES), actor="bob")
        with pytest.raises(RegisterError) as itself:
            register.change_in_part(1, 1, actor="bob")
    later = f"REQ-{1 + len(CONTRACT_LINES):04d}"
    assert (changed.status, changed.superseded_by) == ("confirmed", "")
    assert f"UTC, bob] Changed in part by {later} (mail.eml): " in changed.notes
    assert history[-1].action == "change_in_part"
    assert history[-1].after["reason"] == f"changed in part by {later}"
    assert listed[:1] == ["REQ-0001"] and later in listed
    assert str(waiting.value).startswith("REQ-0002 is candidate, not a requirement in force")
    assert str(itself.value) == "REQ-0001 cannot change itself"


def test_an_entry_replacing_one_changed_in_part_takes_its_notes_but_not_the_change(
    db_url: str,
) -> None:
    """A machined-parts walk: after REQ-0001 was changed in part and then superseded, its
    "Changed in part by ..." note was carried to the entry replacing it."""
    later = 1 + len(CONTRACT_LINES)
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("po.pdf")], actor="ann")
        register.import_extractions([make_extraction("mail.eml")], actor="ann")
        register.confirm(1, version=1, actor="ann")
        register.confirm(later, version=1, actor="ann")
        noted = register.add_note(1, "Checked with the buyer.", version=2, actor="ann")
        changed = register.change_in_part(1, later, actor="bob")
        register.import_extractions([make_extraction("rev-b.pdf")], actor="ann")
        new = register.list_entries(EntryFilter(statuses=("candidate",))).items[-1]
        register.confirm(new.ref, version=new.version, actor="ann")
        register.supersede(1, new.ref, version=changed.version, actor="ann")
        replacing = register.get_entry(new.ref)
    assert noted.version == 3
    assert "Checked with the buyer." in replacing.notes
    assert "Changed in part by" not in replacing.notes


def test_a_document_in_another_file_is_named_by_the_one_it_repeats(db_url: str) -> None:
    """An aerospace walk: a protected copy of revision A (other bytes, same statements)
    added 55 candidates with no word that it was revision A again."""
    lines = [line for line, *_ in CONTRACT_LINES]
    with open_register(db_url) as register:
        _add(register, "rev-a.pdf", lines)
        copy = _add(register, "rev-a-protected.pdf", [lines[1], *lines])  # one said twice: same set
        more = _add(register, "rev-b.pdf", [*lines, "Parts shall be packed in VCI bags."])
        fewer = _add(register, "extract.pdf", lines[:-1])
        short = _add(register, "note.pdf", lines[:2])
        found = register.same_statements([copy, more, fewer, short])
    assert found == {copy: ["rev-a.pdf"]}


REVISION_A_LINES = [
    "The Supplier shall deliver 500 brackets by 1 March 2027.",
    "Parts shall be packed in VCI bags.",
    "Each delivery shall carry a certificate of conformity to EN 10204 3.1.",
    "The customer's assembly line runs three shifts, seven days a week.",
    "Invoices will be paid within 30 days of receipt.",
    "The Supplier shall keep inspection records for ten years.",
    "Drawings are sent with the order.",
]


def test_a_revision_names_the_confirmed_requirements_it_leaves_out(db_url: str) -> None:
    """An IT services walk: SOW revision 2 dropped an assumption about the customer's
    environment, and its upload said only what was new; Compare alone showed it."""
    revision_b = [
        REVISION_A_LINES[0].replace("500", "600"),  # the same clause with another number
        "All parts shall be packed in VCI bags with desiccant.",  # reworded
        REVISION_A_LINES[2],
        # the assumption (REQ-0004) is gone
        REVISION_A_LINES[4],
        REVISION_A_LINES[5].replace("ten", "fifteen"),
        "The Supplier shall mark each bag with the part number.",
    ]
    with open_register(db_url) as register:
        first = _add(register, "sow-rev1.pdf", REVISION_A_LINES)
        assert register.dropped_by([first]) == {}  # nothing before it
        for entry in register.iter_entries():
            if entry.ref != "REQ-0007":  # the drawings line stays a candidate
                register.confirm(entry.ref, version=entry.version, actor="ann")
        register.withdraw("REQ-0005", version=2, actor="ann", reason="paid on delivery now")
        second = _add(register, "sow-rev2.pdf", revision_b)
        mail = _add(register, "mail.eml", [REVISION_A_LINES[1], "Please confirm by Friday."])
        other = _add(
            register, "other-order.pdf", [f"Line {n}: bolt M{n}, 100 pcs." for n in range(6)]
        )
        found = register.dropped_by([second, mail, other])
    # not REQ-0005 (withdrawn before) nor REQ-0007 (never confirmed)
    assert found == {second: Dropped(first, (4,))}


def _add(register: Register, name: str, texts: list[str]) -> int:
    """A document of ``texts`` (unlabelled), its id."""
    from extractor.register import CandidateInput, DocumentInput

    register.add_document(
        DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "pdf", 1, None),
        [CandidateInput(position=i, text=t) for i, t in enumerate(texts)],
        actor="ann",
    )
    return next(d.id for d in register.documents() if d.name == name)


SOLICITATION = [
    ("C.1", "C.1 SCOPE", "The Contractor shall staff the help desk from 0700 to 1700."),
    ("C.2", "C.2 RESPONSE", "Priority 1 incidents shall be acknowledged within 15 minutes."),
    ("C.3", "C.3 REPORTS", "The Contractor shall deliver a monthly status report."),
    ("C.4", "C.4 SURVEYS", "The Contractor shall run a customer survey each quarter."),
    ("C.5", "C.5 TRAINING", "Help desk staff shall complete ITIL 4 Foundation training."),
    ("C.6", "C.6 HANDOVER", "The Contractor shall hand over all tickets at the end."),
    ("H.3", "H.3 INSURANCE", "The Contractor shall carry general liability insurance."),
    ("H.4", "H.4 WAGES", "Wage Determination No. 2015-4281 applies to this contract."),
    ("", "SECTION I - CONTRACT CLAUSES", "52.222-41 Service Contract Labor Standards."),
    ("", "SECTION I - CONTRACT CLAUSES", "52.222-26 Equal Opportunity."),
    ("", "SECTION I - CONTRACT CLAUSES", "52.222-54 Employment Eligibility Verification."),
    ("I.9", "I.9 DRUG-FREE", "Employees with privileged access are subject to drug testing."),
]


def _add_clauses(register: Register, name: str, rows: list[tuple[str, str, str]]) -> int:
    """A document of (clause, section, text) rows, all specified; its id."""
    from extractor.register import CandidateInput, DocumentInput

    register.add_document(
        DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "pdf", 1, None),
        [
            CandidateInput(
                position=i, text=t, clause=c, section=s, label="specified", confidence=0.9
            )
            for i, (c, s, t) in enumerate(rows)
        ],
        actor="ann",
    )
    return next(d.id for d in register.documents() if d.name == name)


def test_a_revision_of_one_part_leaves_the_other_parts_as_they_were(db_url: str) -> None:
    """A federal walk: a revised Section C alone (C.4 dropped) was said to leave out the
    solicitation's insurance, wage and labour-law clauses of Sections H and I, and deciding
    it as before said to withdraw them too; only C.6 is left out of the part it revises."""
    with open_register(db_url) as register:
        first = _add_clauses(register, "solicitation.pdf", SOLICITATION)
        for entry in register.iter_entries():
            register.confirm(entry.ref, version=entry.version, actor="ann")
        second = _add_clauses(register, "revised-section-c.docx", SOLICITATION[:5])
        found = register.dropped_by([second])
        outcome = register.decide_revision_as_before(
            EntryFilter(document_ids=(second,)), actor="bob"
        )
    assert found == {second: Dropped(first, (6,))}
    assert (outcome.decided, outcome.superseded) == (5, 5)
    assert outcome.left_in_force == {first: ("REQ-0006",)}


def test_a_whole_revision_still_names_a_part_it_dropped(db_url: str) -> None:
    """A revision saying most of the solicitation again, without its Section H: H is gone."""
    kept = [row for row in SOLICITATION if not row[0].startswith("H")]
    with open_register(db_url) as register:
        first = _add_clauses(register, "solicitation.pdf", SOLICITATION)
        for entry in register.iter_entries():
            register.confirm(entry.ref, version=entry.version, actor="ann")
        second = _add_clauses(register, "solicitation-rev1.pdf", kept)
        found = register.dropped_by([second])
    assert found == {second: Dropped(first, (7, 8))}


def test_a_statement_belongs_to_its_clause_s_first_number_or_its_section() -> None:
    assert part_of("C.3.1.2", "C.3 Tasks") == part_of("c.9", "") == "clause C"
    assert part_of("5.3(a)", "") == part_of("Article 5", "") == "clause 5"
    assert part_of("(h)", "Item 4") == part_of("", "ITEM  4") == "section item 4"
    assert part_of(None, None) == "section "


def test_a_revision_saying_a_clause_again_keeps_the_change_made_to_part_of_it(
    db_url: str,
) -> None:
    """A federal walk: an amendment's answer changed part of C.9.2; the revised work
    statement, decided as before, repeated C.9.2 word for word and superseded it, and the
    compliance list lost the answer's link."""
    work = SOLICITATION[:5]
    answer = [("A7", "ANSWERS", "Badges may be carried in a pocket inside Building 221.")]
    answer += [
        ("A" + str(n), "ANSWERS", f"Question {n} is answered in the Q&A log.") for n in range(4)
    ]
    with open_register(db_url) as register:
        _add_clauses(register, "solicitation.pdf", work)
        _add_clauses(register, "amendment-0001.pdf", answer)
        for ref in ("REQ-0001", "REQ-0006"):
            register.confirm(ref, version=1, actor="ann")
        register.change_in_part("REQ-0001", "REQ-0006", actor="ann")
        revised = _add_clauses(register, "revised-sow.docx", work)
        register.decide_revision_as_before(EntryFilter(document_ids=(revised,)), actor="bob")
        replacing = register.get_entry("REQ-0011")
        replaced = register.get_entry("REQ-0001")
    assert replaced.superseded_by == "REQ-0011"
    assert changed_in_part_by(replacing.notes) == ["REQ-0006"]


def test_an_amendment_restating_one_clause_leaves_the_rest_of_its_article(db_url: str) -> None:
    """An EDGAR-style walk: an amendment restating clause 3.6 in full, taken as a revision,
    was said to leave the agreement's other clauses in force, to withdraw or replace."""
    words = ["forecasts", "safety stock", "consignment", "buffer", "allocation"]
    agreement = [
        (f"3.{n}", "ARTICLE 3", f"Supplier shall manage {w}.") for n, w in enumerate(words)
    ]
    words = ["pallets", "labels", "carriers", "invoices"]
    agreement += [
        (f"7.{n}", "ARTICLE 7", f"Supplier shall check {w}.") for n, w in enumerate(words)
    ]
    amendment = [
        ("1", "AMENDMENT", "Section 3.4 is deleted and replaced as follows:"),
        ("2", "AMENDMENT", agreement[3][2]),  # 3.4 said again, numbers aside
        ("3", "AMENDMENT", "The lead time in Section 7.2 is changed from 12 to 8 weeks."),
        ("4", "AMENDMENT", "Except as amended here, the Agreement remains in full force."),
        ("5", "AMENDMENT", "This Amendment may be signed in counterparts."),
    ]
    with open_register(db_url) as register:
        first = _add_clauses(register, "agreement.pdf", agreement)
        for entry in register.iter_entries():
            register.confirm(entry.ref, version=entry.version, actor="ann")
        second = _add_clauses(register, "amendment-1.pdf", amendment)
        outcome = register.decide_revision_as_before(
            EntryFilter(document_ids=(second,)), actor="bob"
        )
    assert (outcome.decided, outcome.superseded) == (1, 1)
    assert outcome.left_in_force == {}
    assert first


def test_a_requirement_confirmed_after_a_revision_dropping_it_was_imported_is_named(
    db_url: str,
) -> None:
    """A valve specification walk: revision B was uploaded before revision A's candidates
    were reviewed, so its upload named nothing it leaves out; the clause B dropped,
    confirmed afterwards, was named only when B was uploaded a second time."""
    from extractor.review.decisions import dropped_later_lines

    revision_b = [*REVISION_A_LINES[:3], *REVISION_A_LINES[4:]]  # the assumption is gone
    with open_register(db_url) as register:
        first = _add(register, "spec-rev-a.pdf", REVISION_A_LINES)
        second = _add(register, "spec-rev-b.pdf", revision_b)
        assert register.dropped_by([second]) == {}  # nothing of A confirmed yet
        kept = register.get_entry("REQ-0003")
        register.confirm(kept.ref, version=kept.version, actor="ann")
        assert register.dropped_later([kept.ref]) == {}  # B says it again
        dropped = register.get_entry("REQ-0004")
        register.confirm(dropped.ref, version=dropped.version, actor="ann")
        assert register.dropped_later(["REQ-0003", "REQ-0004"]) == {second: Dropped(first, (4,))}
        assert dropped_later_lines(register, ["REQ-0004"]) == [
            "spec-rev-b.pdf, a later revision of spec-rev-a.pdf imported before this"
            " requirement was confirmed, leaves out REQ-0004, not even with other numbers or in"
            " other words. If the revision drops it, withdraw it with the revision as the"
            " reason (status confirmed, 'Withdraw'); if not, ask the customer"
        ]
        # as B's upload says it now, and no more once it is withdrawn
        assert register.dropped_by([second]) == {second: Dropped(first, (4,))}
        now = register.get_entry("REQ-0004")
        register.withdraw(now.ref, version=now.version, actor="ann", reason="not in rev B")
        assert register.dropped_later(["REQ-0004"]) == {}
        # B's own requirements: no later revision leaves them out
        own = register.get_entry("REQ-0008")
        assert own.document_id == second
        register.confirm(own.ref, version=own.version, actor="ann")
        assert register.dropped_later([own.ref]) == {}
        assert register.verify().ok
