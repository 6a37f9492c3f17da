"""The audit log's hash chain: each event's hash covers its content and the hash before it.

The database refuses to change or delete audit rows (migrations 0001 and 0007),
but whoever can write the SQLite file can drop those triggers, and nothing
stops them editing entries beside the log. So every event gets a chain hash,
SHA-256 of the previous event's chain hash and a canonical serialisation of
the event (``content``), kept in ``audit_chain``: an event edited, deleted or
inserted afterwards no longer recomputes (``verifying``), and a head written
down outside the database also shows a chain recomputed from scratch.

Every audit row is written through ``append_events``, so chain order is id order.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Connection

from extractor.register.database import as_utc, json_encoder
from extractor.register.models import AuditChainRow, AuditRow

GENESIS = "0" * 64
"""What the first event's hash is chained to."""
EVENT_FIELDS = ("at", "actor", "action", "entry_id", "document_id", "before", "after")
_CHAIN_LOCK = 0x72657163  # PostgreSQL advisory lock key of the chain's head ("reqc")

_AUDIT = cast(Table, AuditRow.__table__)
_CHAIN = cast(Table, AuditChainRow.__table__)


@dataclass(frozen=True)
class ChainHead:
    """How many events the audit log holds, and the chain hash of the last one chained."""

    events: int
    head: str


@functools.lru_cache(maxsize=64)
def utc_text(moment: datetime) -> str:
    """``moment`` as UTC ISO text; naive means UTC (SQLite hands datetimes back naive).

    Cached: a bulk decision writes 20,000 events with one time.
    """
    return as_utc(moment).astimezone(timezone.utc).isoformat(timespec="microseconds")


def _event_time(value: Any) -> str:
    """The one value of an event JSON has no form for: its time, as UTC text."""
    if isinstance(value, datetime):
        return utc_text(value)
    raise TypeError(f"an audit value must be JSON, not {type(value).__name__}")


_encode = json_encoder(sort_keys=True, separators=(",", ":"), default=_event_time)


def content(event_id: int, event: Mapping[Any, Any]) -> str:
    """The event as hashed: its id and ``EVENT_FIELDS`` as JSON with sorted keys, no
    spaces, ASCII only, its time as UTC ISO text with microseconds.

    The same for an event about to be written and for the row read back, on
    SQLite and PostgreSQL alike. The id is in it too, so a hash can only stand
    for the row it was written for.
    """
    return _encode({**{name: event[name] for name in EVENT_FIELDS}, "id": event_id})


def link(previous: str, event_id: int, event: Mapping[Any, Any]) -> str:
    """The chain hash of an event: SHA-256 of the hash before it and the event's content."""
    return _hashed(previous, content(event_id, event))


def _hashed(previous: str, serialised: str) -> str:
    return hashlib.sha256((previous + serialised).encode("ascii")).hexdigest()


def append_events(connection: Connection, events: Sequence[MutableMapping[str, Any]]) -> None:
    """Write ``events`` (each with every field of ``EVENT_FIELDS``) to the audit log, each
    chained after the head; each event is given its ``id``.

    Call it once per transaction, after the transaction's other writes. The
    ids are drawn and the head read only once this transaction holds the right
    to write, so two writers cannot both chain from one head (``_new_ids``).
    """
    if not events:
        return
    ids = _new_ids(connection, len(events))
    previous = connection.scalar(
        select(_CHAIN.c.chain_hash)
        .where(_CHAIN.c.event_id < ids[0])
        .order_by(_CHAIN.c.event_id.desc())
        .limit(1)
    )
    previous = previous or GENESIS
    chained = []
    for event_id, event in zip(ids, events, strict=True):
        # the log's columns exactly (else the insert fails): link() without a copy of each;
        # copying 20,000 events cost 16 ms of a bulk confirm
        event["id"] = event_id
        previous = _hashed(previous, _encode(event))
        chained.append((event_id, previous))
    connection.execute(insert(_AUDIT), events)
    _insert_chain(connection, chained)


def _insert_chain(connection: Connection, chained: list[tuple[int, str]]) -> None:
    """The chain's rows, below SQLAlchemy's work per row (two plain columns): SQLite's own
    executemany (40% of a Core insert's time for 20,000), on PostgreSQL one INSERT of two
    arrays (70%; most of the rest is the foreign key's check)."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "INSERT INTO audit_chain (event_id, chain_hash) SELECT * FROM"
                " unnest(CAST(:ids AS integer[]), CAST(:hashes AS varchar[]))"
            ),
            {"ids": [event_id for event_id, _ in chained], "hashes": [h for _, h in chained]},
        )
    else:
        connection.exec_driver_sql(
            "INSERT INTO audit_chain (event_id, chain_hash) VALUES (?, ?)", chained
        )


def _new_ids(connection: Connection, count: int) -> list[int]:
    """``count`` new audit ids, in order, once no other writer can append before them.

    PostgreSQL: an advisory lock held to the end of the transaction, taken
    before the ids are drawn from the sequence, so id order is chain order
    (and READ COMMITTED then sees the head committed last). SQLite: its one
    write lock; pysqlite begins a transaction only before a write, so one that
    has not written yet begins with ``BEGIN IMMEDIATE``. (A deferred
    transaction that read the head and then wrote would fail with
    SQLITE_BUSY_SNAPSHOT once another writer had committed meanwhile.)
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
        drawn = connection.scalars(
            text(
                "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))"
                " FROM generate_series(1, :count)"
            ),
            {"count": count},
        )
        return sorted(int(value) for value in drawn)
    if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    last = connection.scalar(select(func.max(_AUDIT.c.id))) or 0
    return list(range(last + 1, last + 1 + count))


def stored_head(connection: Connection) -> ChainHead:
    """The number of events and the chain hash stored last: what the app shows beside the
    trail. ``verifying`` recomputes it; this only reads it."""
    events = connection.scalar(select(func.count()).select_from(_AUDIT)) or 0
    head = connection.scalar(
        select(_CHAIN.c.chain_hash).order_by(_CHAIN.c.event_id.desc()).limit(1)
    )
    return ChainHead(int(events), head or GENESIS)
