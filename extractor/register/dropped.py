"""Confirmed requirements of a previous revision that a new revision no longer holds.

ISO 9001 8.2.3.1 e asks for a review of requirements that differ from those
expressed before, and a clause a revision leaves out differs most of all: an
IT services walk's SOW revision 2 dropped an assumption about the customer's
environment, and its upload said only what was new. The register knows the
previous revision (the document imported before that holds the largest share
of the new one's statements, numbers aside, as ``reworded`` finds it) and which
of its statements the new one repeats, with other numbers or reworded; the
confirmed requirements left over are the ones to withdraw, or to ask about.

A document that says only part of its previous revision again (a solicitation's
Section C revised on its own, an amendment's changed pages) leaves the other
parts as they were: only the parts it says anything of count (``revised_parts``).

A revision uploaded before its previous revision was reviewed finds no confirmed
requirement to name: those confirmed afterwards are named as they are confirmed
(``dropped_later``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
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

PARTIAL_REVISION = 0.6
"""A document saying again less than this share of its previous revision's statements
revises part of it; what it does not touch stays as it was. A federal walk's revised
Section C (a third of the solicitation) was said to leave out the solicitation's
insurance, wage determination and labour-law clauses of Sections H and I: withdraw them."""

# a clause's first number or letter: "C" of "C.3.1.2", "5" of "5.3(a)", "12" of "Article 12"
_TOP_OF_CLAUSE = re.compile(
    r"\s*(?:(?:article|section|clause|art\.)\s+)?([a-z]{1,2}|\d{1,3})(?=[.\-\s(]|$)", re.I
)


def part_of(clause: str | None, section: str | None) -> str:
    """The part of a document a statement belongs to: its clause's first number or letter,
    else its section heading (a clause list's row, a sub-item "(h)", a form)."""
    match = _TOP_OF_CLAUSE.match(clause or "")
    if match is not None:
        return f"clause {match.group(1).upper()}"
    return f"section {' '.join((section or '').lower().split())}"


def revised_parts(connection: Connection, document_id: int, previous: int) -> frozenset[str] | None:
    """The parts of ``previous`` that ``document_id`` says again (half of their statements
    or more), or None when it says again ``PARTIAL_REVISION`` of all of it (a whole
    revision, whose dropped parts are dropped)."""
    rows = connection.execute(
        sa.select(candidates.c.clause, candidates.c.section, candidates.c.number_blind_key).where(
            candidates.c.document_id == previous
        )
    ).all()
    said = set(blind_keys_of(connection, document_id))
    keys = {row.number_blind_key for row in rows}
    if not keys or len(keys & said) >= PARTIAL_REVISION * len(keys):
        return None
    # a part counts as revised when half of its statements are said again: an amendment
    # restating clause 3.6 in full leaves the rest of Article 3 as it was (an EDGAR-style
    # walk's amendment was said to leave 20 clauses of the agreement in force, to withdraw)
    total: Counter[str] = Counter()
    again: Counter[str] = Counter()
    for row in rows:
        part = part_of(row.clause, row.section)
        total[part] += 1
        again[part] += row.number_blind_key in said
    return frozenset(part for part, count in again.items() if 2 * count >= total[part] > 0)


def parts_revised_by(
    connection: Connection, previous: int, revisions: Collection[int]
) -> frozenset[str] | None:
    """The parts of ``previous`` that any of ``revisions`` says again (``revised_parts``),
    or None when one of them revises it whole, or none is known."""
    others = set(revisions) - {previous}
    if not others:
        return None  # no revision known: every entry left in force is named
    found: set[str] = set()
    for revision in sorted(others):
        parts = revised_parts(connection, revision, previous)
        if parts is None:
            return None
        found |= parts
    return frozenset(found)


def in_parts(parts: frozenset[str] | None, clause: str | None, section: str | None) -> bool:
    """Whether a statement lies in ``parts`` (None: the whole document)."""
    return parts is None or part_of(clause, section) in parts


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


def dropped_later(connection: Connection, entry_ids: Iterable[int]) -> dict[int, Dropped]:
    """Of ``entry_ids``, the confirmed requirements in force that a later revision of their
    document leaves out, by that revision's id (its ``Dropped`` naming only these).

    A valve specification walk uploaded revision B before anyone had reviewed revision
    A: B's upload had no confirmed requirement of A to name, and A's clause VS-5.6
    (radiography of body castings), which B drops, confirmed afterwards, stood in force
    without a word until B was uploaded again.

    The documents' statements are read once, as keys, for all the entries' documents (a
    bulk confirm's may be hundreds): a later document holding every one of a document's
    entries, as a repeat order does, is set aside without a query; those left are asked
    ``previous_revision`` and ``dropped_requirements`` as an upload is.
    """
    wanted = sorted(set(entry_ids))
    own: dict[int, set[str]] = defaultdict(set)  # document -> the entries' keys
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        for document_id, key in connection.execute(
            sa.select(entries.c.document_id, candidates.c.number_blind_key)
            .join(candidates, candidates.c.id == entries.c.candidate_id)
            .where(
                entries.c.id.in_(wanted[start : start + KEYS_PER_QUERY]),
                entries.c.status == "confirmed",
                entries.c.superseded_by.is_(None),
            )
        ):
            if document_id is not None and key is not None:
                own[int(document_id)].add(str(key))
    if not own:
        return {}
    keys_of = {document_id: set(blind_keys_of(connection, document_id)) for document_id in own}
    every = sorted(set().union(*keys_of.values()))
    held: dict[int, set[str]] = defaultdict(set)  # later document -> the keys it holds of them
    holders: dict[str, set[int]] = defaultdict(set)
    for start in range(0, len(every), KEYS_PER_QUERY):
        for document_id, key in connection.execute(
            sa.select(candidates.c.document_id, candidates.c.number_blind_key).where(
                candidates.c.number_blind_key.in_(every[start : start + KEYS_PER_QUERY]),
                candidates.c.document_id > min(own),
            )
        ):
            held[int(document_id)].add(str(key))
            holders[str(key)].add(int(document_id))
    found: dict[int, Dropped] = {}
    chosen = set(wanted)
    previous: dict[int, int | None] = {}
    for document_id, own_keys in sorted(own.items()):
        keys = keys_of[document_id]
        sharing = set().union(*(holders[key] for key in keys))
        for later in sorted(other for other in sharing if other > document_id):
            its = held[later]
            if own_keys <= its or len(keys & its) < REVISION_SHARE * len(keys):
                continue  # it says all of them again, or it is no revision of this document
            if later not in previous:
                previous[later] = previous_revision(connection, later)
            if previous[later] != document_id:
                continue  # a revision of another document that repeats this one's clauses
            dropped = dropped_requirements(connection, later)
            if dropped is not None and dropped.previous_id == document_id:
                mine = tuple(entry_id for entry_id in dropped.entry_ids if entry_id in chosen)
                if mine:
                    found[later] = Dropped(document_id, mine)
    return found


def dropped_requirements(connection: Connection, document_id: int) -> Dropped | None:
    """What ``document_id`` leaves out of its previous revision's confirmed requirements."""
    if not _any_confirmed(connection):
        return None  # a fresh register, or a batch run's: nothing to lose, no queries
    previous = previous_revision(connection, document_id)
    if previous is None:
        return None
    in_force = connection.execute(
        sa.select(
            entries.c.id,
            candidates.c.id,
            candidates.c.text,
            candidates.c.number_blind_key,
            candidates.c.clause,
            candidates.c.section,
        )
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
    parts = revised_parts(connection, document_id, previous)
    left = tuple(
        entry_id
        for entry_id, candidate_id, text, key, clause, section in in_force
        if key not in keys
        and candidate_id not in linked
        and in_parts(parts, clause, section)
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
