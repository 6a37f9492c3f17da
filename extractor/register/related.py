"""Which documents of a register belong together: the same order, tender or project.

A register holds the contracts of many customers. "The Employer shall pay each
undisputed invoice within 30 days of receipt" in an energy tender says nearly
what "Buyer shall pay correct invoices within sixty (60) days of receipt" says
in a pharmaceutical order, and a walk found the tender's clause offered as
replacing the order's. Documents of one business name the same order, tender,
project or part numbers ("4500187321", "NVP-2026-014", "ALT-QA-0427"), or
repeat each other's statements (a quotation and its order); two documents that
both name such numbers, none of them shared, and share fewer than
``SHARED_STATEMENTS`` statements, are unrelated, and a statement of one does
not change a requirement of the other.

A document naming no such number (a terse mail) stays related to every one:
the rule only keeps apart what the documents themselves say is apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from extractor.register.tables import (
    blind_keys_of,
    candidates,
    documents,
    documents_sharing,
    unrelated,
)

SHARED_STATEMENTS = 3
"""Statements in common (numbers aside) that make two documents related whatever they name."""

# An order, tender, project, document or part number: letters joined to three digits or
# more ("PO-4500187321", "NVP-2026-014", "HA-2210-101"), or six digits or more alone.
# Standards ("ISO 9001", "EN 10204") are written with a space and are no such number.
_IDENTIFIER = re.compile(
    r"(?<![\w-])(?:[A-Z]{1,8}[-/]?)+\d{3,}(?:[-/.]?[A-Z0-9]+)*"
    r"|(?<![\w.,/-])\d{6,}(?![\w/-]|[.,]\d)"
)


_LONG_DIGITS = re.compile(r"\d{6,}")


def identifiers(texts: Iterable[str]) -> set[str]:
    """The order, tender, project and part numbers written in ``texts``, upper-cased; a
    number's long run of digits alone too ("PO-4500187321" is also "4500187321")."""
    found = {match.group().upper() for text in texts for match in _IDENTIFIER.finditer(text)}
    return found | {digits for each in found for digits in _LONG_DIGITS.findall(each)}


def unrelated_documents(
    connection: Connection, document_id: int, others: Sequence[int]
) -> set[int]:
    """Those of ``others`` that belong to another business than ``document_id``."""
    others = [other for other in dict.fromkeys(others) if other != document_id]
    if not others:
        return set()
    apart = _naming_other_numbers(connection, document_id, others)
    if not apart:
        return set()
    return apart - _sharing_statements(connection, document_id, sorted(apart))


def record_unrelated(connection: Connection, document_id: int) -> int:
    """Store which documents holding a statement of ``document_id`` (numbers aside)
    belong to another business, both ways round in ``unrelated_documents``; returns how
    many there are.

    "Next meeting: 12 May 2027" in one customer's minutes and "Next meeting: 3 June
    2027" in another's, or two revision tables' "A | <date> | First issue", are one
    clause with other numbers to ``number_blind_key``: what asks "was this said
    before, or differently?" of thousands of candidates at once (the queue's
    "Differs", an upload's new statements) reads this table rather than working it
    out per pair. Called whenever a document gains candidates; the answer depends on
    the two documents alone, so later imports do not change it.
    """
    sharing = documents_sharing(
        connection, blind_keys_of(connection, document_id), candidates.c.document_id != document_id
    )
    few = sorted(other for other, count in sharing.items() if count < SHARED_STATEMENTS)
    apart = _naming_other_numbers(connection, document_id, few)
    connection.execute(
        unrelated.delete().where(
            (unrelated.c.document_id == document_id) | (unrelated.c.other_id == document_id)
        )
    )
    if apart:
        connection.execute(
            unrelated.insert(),
            [
                pair
                for other in sorted(apart)
                for pair in (
                    {"document_id": document_id, "other_id": other},
                    {"document_id": other, "other_id": document_id},
                )
            ],
        )
    return len(apart)


def _naming_other_numbers(
    connection: Connection, document_id: int, others: Sequence[int]
) -> set[int]:
    """Those of ``others`` naming order, tender or part numbers, none of them this
    document's, while this document names some."""
    if not others:
        return set()
    named = _named(connection, [document_id, *others])
    mine = named.get(document_id, set())
    if not mine:
        return set()
    return {other for other in others if named.get(other) and not named[other] & mine}


def _named(connection: Connection, document_ids: Sequence[int]) -> dict[int, set[str]]:
    """Each document's numbers: in its statements, their sections (a mail's subject) and
    its file name."""
    found: dict[int, set[str]] = {document_id: set() for document_id in document_ids}
    for document_id, text, section in connection.execute(
        sa.select(candidates.c.document_id, candidates.c.text, candidates.c.section).where(
            candidates.c.document_id.in_(list(document_ids))
        )
    ):
        found[int(document_id)] |= identifiers([str(text), str(section or "")])
    for document_id, name in connection.execute(
        sa.select(documents.c.id, documents.c.name).where(documents.c.id.in_(list(document_ids)))
    ):
        found[int(document_id)] |= identifiers([str(name)])
    return found


def _sharing_statements(
    connection: Connection, document_id: int, others: Sequence[int]
) -> set[int]:
    """Those of ``others`` holding ``SHARED_STATEMENTS`` of this document's statements."""
    sharing = documents_sharing(
        connection,
        blind_keys_of(connection, document_id),
        candidates.c.document_id.in_(list(others)),
    )
    return {other for other, count in sharing.items() if count >= SHARED_STATEMENTS}
