"""``reqx register verify``: does the register still hold what reqx wrote, and only that?

The database refuses to change the audit log, but whoever can write the SQLite
file (or owns the server) can drop those triggers, and can change entries,
candidates and documents beside the log. Each is checked against what cannot
be changed unseen:

- the chain (``chain.py``): every event has its hash, and each hash recomputes
  from the event's content and the hash before it;
- entries against the trail: replaying an entry's events (the event that made
  it, ``import``, holds every decided field, later events the fields they
  changed) gives the entry as it is;
- candidates against their content: a candidate's id is the hash of its
  document's SHA-256, its position and its text;
- documents against their ``upload`` event (name and SHA-256).

A register rewritten whole, chain recomputed, passes all of these: only a head
written down outside the database (``ExpectedHead``) shows it. The tables are
read a batch at a time, in one snapshot.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, cast

from sqlalchemy import Row, exists, select
from sqlalchemy.engine import Connection

from extractor.register.chain import GENESIS, link
from extractor.register.importing import CandidateInput
from extractor.register.models import (
    AuditChainRow,
    AuditRow,
    CandidateRow,
    DocumentRow,
    EntryRow,
)
from extractor.register.service import DECIDED_FIELDS, _decided, _readable
from extractor.register.views import format_ref

BATCH = 2000
SHOWN_CHARS = 60
"""How much of a value from the database a message quotes."""
SHORTEST_HEAD = 16
"""Hex digits of a head an auditor must give at least (64 bits: no forging a match)."""
_HEAD = re.compile(rf"[0-9a-f]{{{SHORTEST_HEAD},64}}")
_IMPORTED_WITHOUT = {"superseded_by": None}
"""Decided fields that import events written before them (migration 0006) lack."""


@dataclass(frozen=True)
class Problem:
    """One thing that does not hold: what (``event 17``, ``REQ-0012``) and why."""

    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"


@dataclass(frozen=True)
class ExpectedHead:
    """A chain head written down earlier: after its first ``events`` events (or anywhere,
    when not given), the chain must still have this hash."""

    head: str
    events: int | None = None

    @classmethod
    def parse(cls, given: str) -> ExpectedHead:
        """``3f2a...`` or ``12345:3f2a...`` (``12,345`` too), as ``verify`` prints them."""
        count, colon, head = given.strip().rpartition(":")
        head = head.strip().lower()
        if not _HEAD.fullmatch(head):
            raise ValueError(
                f"{given!r}: a chain head is {SHORTEST_HEAD} to 64 hex digits, "
                "optionally after the number of events and a colon (12345:3f2a...)"
            )
        if not colon:
            return cls(head)
        digits = count.strip().replace(",", "").replace("_", "")
        if not digits.isdigit():
            raise ValueError(f"{given!r}: {count!r} is not a number of events")
        return cls(head, int(digits))


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found: the chain recomputed (events, head), what was checked, and
    every problem (none: the register holds what reqx wrote)."""

    events: int
    head: str
    entries: int
    candidates: int
    documents: int
    problems: tuple[Problem, ...]
    expect_met: bool | None = None  # None: no head was expected

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Findings:
    problems: list[Problem] = field(default_factory=list)

    def add(self, subject: str, message: str) -> None:
        self.problems.append(Problem(subject, message))


@dataclass
class _Chain:
    """The chain as walked: its events, head, and each document's upload event."""

    events: int = 0
    head: str = GENESIS
    uploads: dict[int, Row[Any]] = field(default_factory=dict)
    expect_met: bool | None = None


def verify(connection: Connection, expect: ExpectedHead | None = None) -> Verification:
    """Check the chain, then entries, candidates and documents against it (module docstring)."""
    found = _Findings()
    with _one_snapshot(connection):
        _deleted_events(connection, found)
        chain = _walk_chain(connection, expect, found)
        entries = _check_entries(connection, found)
        candidates = _check_candidates(connection, found)
        documents = _check_documents(connection, chain.uploads, found)
    return Verification(
        chain.events,
        chain.head,
        entries,
        candidates,
        documents,
        tuple(found.problems),
        chain.expect_met,
    )


@contextmanager
def _one_snapshot(connection: Connection) -> Iterator[None]:
    """Every table as of one moment, while reviewers go on deciding: else an entry decided
    between reading its events and reading it would look changed."""
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield
        return
    connection.exec_driver_sql("BEGIN")  # pysqlite begins a transaction only to write
    try:
        yield
    finally:
        connection.rollback()


def _batches(
    connection: Connection, query: Any, key: Any, start: Any
) -> Iterator[Sequence[Row[Any]]]:
    """The rows of ``query`` in order of the unique column ``key``, ``BATCH`` at a time."""
    last = start
    while True:
        rows = connection.execute(query.where(key > last).order_by(key).limit(BATCH)).all()
        if not rows:
            return
        yield rows
        last = getattr(rows[-1], key.key)


def _walk_chain(connection: Connection, expect: ExpectedHead | None, found: _Findings) -> _Chain:
    """Recompute the chain in id order, naming each event whose hash does not follow.

    ``head`` is recomputed from the events alone (what ``expect`` is checked
    against); each event is checked against the hash stored before it, so one
    changed event is named once, not with every event after it.
    """
    chain = _Chain()
    stored, previous_id, expect_met = GENESIS, 0, expect is None
    query = select(AuditRow.__table__, AuditChainRow.chain_hash).outerjoin(
        AuditChainRow, AuditChainRow.event_id == AuditRow.id
    )
    for rows in _batches(connection, query, AuditRow.id, 0):
        for row in rows:
            recomputed = link(chain.head, row.id, row._mapping)
            if row.chain_hash is None:
                found.add(f"event {row.id}", "has no chain hash: it was added outside reqx")
            else:
                expected = recomputed
                if stored != chain.head:  # an event before was changed or has no hash
                    expected = link(stored, row.id, row._mapping)
                if row.chain_hash != expected:
                    found.add(f"event {row.id}", _broken_link(previous_id))
                stored, previous_id = row.chain_hash, row.id
            chain.head = recomputed
            chain.events += 1
            if not expect_met and expect is not None:
                expect_met = _meets(expect, chain.events, chain.head)
            if row.action == "upload" and row.document_id is not None:
                chain.uploads.setdefault(row.document_id, row)
    if expect is not None:
        chain.expect_met = expect_met
        if not expect_met:
            found.add("audit chain", _unmet(expect, chain.events))
    return chain


def _broken_link(previous_id: int) -> str:
    before = f"the hash of event {previous_id}" if previous_id else "the start of the chain"
    return (
        f"its chain hash does not follow from its content and {before}: it was changed, "
        "or an event between them was deleted"
    )


def _meets(expect: ExpectedHead, events: int, head: str) -> bool:
    return (expect.events is None or expect.events == events) and head.startswith(expect.head)


def _unmet(expect: ExpectedHead, events: int) -> str:
    if expect.events is None:
        return f"no event has the expected head {expect.head}: the trail was rewritten since"
    if events < expect.events:
        return (
            f"holds {events:,} events, fewer than the {expect.events:,} of the expected head: "
            "events were deleted"
        )
    return (
        f"its first {expect.events:,} events no longer end in the expected head {expect.head}: "
        "the trail was rewritten since"
    )


def _deleted_events(connection: Connection, found: _Findings) -> None:
    """Chain hashes whose event is gone: deleted with the triggers dropped (the sqlite3
    shell does not enforce the foreign key)."""
    orphans = (
        select(AuditChainRow.event_id)
        .where(~exists().where(AuditRow.id == AuditChainRow.event_id))
        .order_by(AuditChainRow.event_id)
    )
    for event_id in connection.scalars(orphans):
        found.add(
            f"event {event_id}", "is gone from the audit log, but its chain hash is there: deleted"
        )


def _check_entries(connection: Connection, found: _Findings) -> int:
    """Each entry as its events replay, a batch of entries and their events at a time."""
    query = select(
        EntryRow.id,
        *(getattr(EntryRow, name) for name in DECIDED_FIELDS),
        EntryRow.document_id,
        CandidateRow.text.label("candidate_text"),
    ).outerjoin(CandidateRow, CandidateRow.id == EntryRow.candidate_id)
    checked = last = 0
    for entries in _batches(connection, query, EntryRow.id, 0):
        events = _events_of_entries(connection, last, entries[-1].id)
        for entry in entries:
            _check_entry(entry, events.pop(entry.id, ()), found)
        _without_entry(events, found)
        checked += len(entries)
        last = entries[-1].id
    _without_entry(_events_of_entries(connection, last, None), found)
    return checked


def _events_of_entries(
    connection: Connection, after: int, upto: int | None
) -> dict[int, list[Row[Any]]]:
    """The events of the entries numbered after ``after`` up to ``upto``, by entry, oldest
    first."""
    query = select(AuditRow.entry_id, AuditRow.document_id, AuditRow.before, AuditRow.after).where(
        AuditRow.entry_id > after
    )
    if upto is not None:
        query = query.where(AuditRow.entry_id <= upto)
    rows = connection.execute(query.order_by(AuditRow.entry_id, AuditRow.id))
    return {entry_id: list(events) for entry_id, events in groupby(rows, lambda r: r.entry_id)}


def _without_entry(events: Mapping[int, Sequence[Row[Any]]], found: _Findings) -> None:
    for entry_id in sorted(events):
        found.add(format_ref(entry_id), "has events in the audit trail but is not in the register")


def _check_entry(entry: Row[Any], events: Sequence[Row[Any]], found: _Findings) -> None:
    ref = format_ref(entry.id)
    if not events:
        found.add(ref, "has no event in the audit trail: it was added outside reqx")
        return
    imported, replayed = _replay(events)
    if imported is None:
        found.add(ref, "has no event in the audit trail that made it (an import)")
        return
    current = _decided(cast(EntryRow, entry))  # a row of the entry's columns reads the same
    for name in DECIDED_FIELDS:
        if current[name] != replayed.get(name):
            now, trail = _shown_apart(current[name], replayed.get(name))
            found.add(ref, f"its {name} is {now}, but by the audit trail {trail}")
    if entry.document_id != imported.document_id:
        found.add(ref, "belongs to another document than the one it was imported from")
    text = (imported.after or {}).get("text")
    if entry.candidate_text is not None and entry.candidate_text != text:
        now, imported_as = _shown_apart(entry.candidate_text, text)
        found.add(
            ref,
            f"its candidate's text is {now}, but it was imported as {imported_as}",
        )


def _replay(events: Sequence[Row[Any]]) -> tuple[Row[Any] | None, dict[str, Any]]:
    """The event that made the entry, and its decided fields as its events leave them.

    The making event has nothing before (an ``import``: every decided field after);
    any other event, the fields it changed.
    """
    imported: Row[Any] | None = None
    replayed: dict[str, Any] = {}
    for event in events:
        after = _readable(event.after) or {}
        if event.before is None:
            imported, replayed = event, {**_IMPORTED_WITHOUT}
        elif imported is None:
            continue
        replayed.update((name, after[name]) for name in DECIDED_FIELDS if name in after)
    return imported, replayed


def _check_candidates(connection: Connection, found: _Findings) -> int:
    """Each candidate's id recomputed from its document's SHA-256, position and text."""
    query = (
        select(
            CandidateRow.id,
            CandidateRow.position,
            CandidateRow.text,
            DocumentRow.sha256,
            EntryRow.id.label("entry_id"),
        )
        .outerjoin(DocumentRow, DocumentRow.id == CandidateRow.document_id)
        .outerjoin(EntryRow, EntryRow.candidate_id == CandidateRow.id)
    )
    checked = 0
    for candidates in _batches(connection, query, CandidateRow.id, ""):
        for row in candidates:
            content_id = CandidateInput(position=row.position, text=row.text).candidate_id(
                row.sha256 or ""
            )
            if row.sha256 is None or content_id != row.id:
                entry = f" ({format_ref(row.entry_id)})" if row.entry_id else ""
                found.add(
                    f"candidate {_clean(row.id[:12])}{entry}",
                    "its id is not the hash of its document's SHA-256, position and text: "
                    "one of them was changed",
                )
        checked += len(candidates)
    return checked


def _check_documents(connection: Connection, uploads: dict[int, Row[Any]], found: _Findings) -> int:
    """Each document's name and SHA-256 against its upload event."""
    query = select(DocumentRow.id, DocumentRow.name, DocumentRow.sha256)
    checked = 0
    for documents in _batches(connection, query, DocumentRow.id, 0):
        for document in documents:
            subject = f"document {document.id} {_shown(document.name)}"
            upload = uploads.pop(document.id, None)
            if upload is None:
                found.add(subject, "has no upload event in the audit trail")
                continue
            recorded = upload.after or {}
            for name in ("name", "sha256"):
                if recorded.get(name) != getattr(document, name):
                    found.add(
                        subject,
                        f"its {name} is not {_shown(recorded.get(name))}, as uploaded "
                        f"(event {upload.id})",
                    )
        checked += len(documents)
    for document_id, upload in sorted(uploads.items()):
        found.add(
            f"document {document_id}",
            f"was uploaded (event {upload.id}) but is not in the register",
        )
    return checked


def _shown(value: Any) -> str:
    """A value from the database as a message quotes it: as JSON, shortened."""
    quoted = _clean(json.dumps(value, ensure_ascii=False)[: SHOWN_CHARS + 1])
    return quoted if len(quoted) <= SHOWN_CHARS else quoted[: SHOWN_CHARS - 1] + "…"


def _shown_apart(first: Any, second: Any) -> tuple[str, str]:
    """Two values as ``_shown`` quotes them; two long texts from a little before where they
    part. A logistics walk's hand-edited "... on site one day a week" and the trail's "...
    on site three days a week" were both cut to the same first 60 characters."""
    if not (isinstance(first, str) and isinstance(second, str)):
        return _shown(first), _shown(second)
    alike = next(
        (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
        min(len(first), len(second)),
    )
    start = first.rfind(" ", 0, max(0, alike - SHOWN_CHARS // 3)) + 1  # at a word
    if start < SHOWN_CHARS // 3:
        return _shown(first), _shown(second)
    return _shown("…" + first[start:]), _shown("…" + second[start:])


def _clean(text: str) -> str:
    """``text`` with control, format and separator characters escaped: a terminal must not
    obey an escape sequence planted in the register, nor a line break start a fake line."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text
    )
