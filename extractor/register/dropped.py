"""Confirmed requirements of a previous revision that a new revision no longer holds.

ISO 9001 8.2.3.1 e asks for a review of requirements that differ from those
expressed before, and a clause a revision leaves out differs most of all: an
IT services walk's SOW revision 2 dropped an assumption about the customer's
environment, and its upload said only what was new. The register knows the
previous revision (the document imported before that holds the largest share
of the new one's statements, numbers aside, as ``reworded`` finds it) and which
of its statements the new one repeats, with other numbers or reworded; the
confirmed requirements left over are the ones to withdraw, or to ask about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from extractor.register.reworded import (
    REVISION_SHARE,
    REVISION_WORDS_COSINE,
    Wording,
    cosine,
    wording,
)
from extractor.register.tables import (
    KEYS_PER_QUERY,
    blind_keys_of,
    candidates,
    documents_sharing,
    entries,
    other_documents,
    reworded_links,
)

MIN_STATEMENTS = 5
"""A document shorter than this (a mail repeating a clause or two) is nobody's revision."""


@dataclass(frozen=True, slots=True)
class Dropped:
    """The previous revision of a document, and its confirmed entries in force that the
    document does not hold, even with other numbers or in other words."""

    previous_id: int
    entry_ids: tuple[int, ...]


def previous_revision(connection: Connection, document_id: int) -> int | None:
    """The document imported before ``document_id`` that is its previous revision, if any.

    It holds ``REVISION_SHARE`` of this document's statements (numbers aside), and
    this document holds that share of its own: a mail quoting three clauses of a
    contract is not the contract's revision, nor is the contract the mail's.
    """
    keys = blind_keys_of(connection, document_id)
    if len(keys) < MIN_STATEMENTS:
        return None
    sharing = documents_sharing(connection, keys, other_documents(document_id, True))
    for other, count in sorted(sharing.items(), key=lambda item: (-item[1], -item[0])):
        if count < REVISION_SHARE * len(keys):
            return None
        if count >= REVISION_SHARE * len(blind_keys_of(connection, other)):
            return other
    return None


def dropped_requirements(connection: Connection, document_id: int) -> Dropped | None:
    """What ``document_id`` leaves out of its previous revision's confirmed requirements."""
    if not _any_confirmed(connection):
        return None  # a fresh register, or a batch run's: nothing to lose, no queries
    previous = previous_revision(connection, document_id)
    if previous is None:
        return None
    in_force = connection.execute(
        sa.select(entries.c.id, candidates.c.id, candidates.c.text, candidates.c.number_blind_key)
        .join(candidates, candidates.c.id == entries.c.candidate_id)
        .where(
            entries.c.document_id == previous,
            entries.c.status == "confirmed",
            entries.c.superseded_by.is_(None),
        )
        .order_by(entries.c.id)
    ).all()
    if not in_force:
        return None
    rows = connection.execute(
        sa.select(candidates.c.id, candidates.c.text, candidates.c.number_blind_key).where(
            candidates.c.document_id == document_id
        )
    ).all()
    keys = {row.number_blind_key for row in rows}
    linked = _linked_from(connection, [row.id for row in rows])
    wordings = [wording(row.text) for row in rows]
    left = tuple(
        entry_id
        for entry_id, candidate_id, text, key in in_force
        if key not in keys
        and candidate_id not in linked
        and not _reworded_in(wording(text), wordings)
    )
    return Dropped(previous, left) if left else None


def _reworded_in(earlier: Wording, later: Sequence[Wording]) -> bool:
    """Said again in other words: half the content words or more in common."""
    return any(cosine(other, earlier) >= REVISION_WORDS_COSINE for other in later)


def _linked_from(connection: Connection, candidate_ids: Sequence[str]) -> set[str]:
    """The earlier statements these candidates reword with another value (their links)."""
    found: set[str] = set()
    for start in range(0, len(candidate_ids), KEYS_PER_QUERY):
        chunk = list(candidate_ids[start : start + KEYS_PER_QUERY])
        found.update(
            str(earlier)
            for earlier in connection.scalars(
                sa.select(reworded_links.c.earlier_id).where(
                    reworded_links.c.candidate_id.in_(chunk)
                )
            )
        )
    return found


def _any_confirmed(connection: Connection) -> bool:
    return (
        connection.scalar(
            sa.select(entries.c.id)
            .where(entries.c.status == "confirmed", entries.c.superseded_by.is_(None))
            .limit(1)
        )
        is not None
    )
