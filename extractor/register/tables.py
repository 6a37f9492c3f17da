"""The register's tables as the linking modules read them, and the lookup they share.

``reworded``, ``dropped`` and ``related`` query the register with SQLAlchemy Core
on the import's own connection, without the ORM: plain tables naming the columns
they read. They are declared once here, so that one query can join them, and so
is the one question all three ask: which documents hold a document's statements.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

KEYS_PER_QUERY = 500
"""Values bound in one ``IN (...)``: well below SQLite's and PostgreSQL's limits."""

candidates = sa.table(
    "candidates",
    sa.column("id", sa.String),
    sa.column("document_id", sa.Integer),
    sa.column("clause", sa.String),
    sa.column("section", sa.Text),
    sa.column("text", sa.Text),
    sa.column("text_key", sa.String),
    sa.column("number_blind_key", sa.String),
)
documents = sa.table(
    "documents", sa.column("id", sa.Integer), sa.column("name", sa.Text), sa.column("sent_at")
)
candidate_words = sa.table(
    "candidate_words", sa.column("candidate_id", sa.String), sa.column("word", sa.String)
)
reworded_links = sa.table(
    "reworded_links",
    sa.column("candidate_id", sa.String),
    sa.column("earlier_id", sa.String),
    sa.column("similarity", sa.Float),
)
unrelated = sa.table(
    "unrelated_documents", sa.column("document_id", sa.Integer), sa.column("other_id", sa.Integer)
)
entries = sa.table(
    "entries",
    sa.column("id", sa.Integer),
    sa.column("candidate_id", sa.String),
    sa.column("document_id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("superseded_by", sa.Integer),
)


def blind_keys_of(connection: Connection, document_id: int) -> list[str]:
    """A document's statements as ``number_blind_key`` gives them, each once, sorted: what
    finds its revisions, its business and the clauses it dropped."""
    return sorted(
        {
            str(key)
            for key in connection.scalars(
                sa.select(candidates.c.number_blind_key).where(
                    candidates.c.document_id == document_id,
                    candidates.c.number_blind_key.is_not(None),
                )
            )
        }
    )


def documents_sharing(
    connection: Connection, blind_keys: Sequence[str], where: Any = None
) -> Counter[int]:
    """How many of ``blind_keys`` (``number_blind_key``, distinct) each document holds, by
    id: the document holding most of a document's is its likely previous revision."""
    sharing: Counter[int] = Counter()
    for start in range(0, len(blind_keys), KEYS_PER_QUERY):
        chunk = list(blind_keys[start : start + KEYS_PER_QUERY])
        for other_document, count in connection.execute(
            sa.select(
                candidates.c.document_id,
                sa.func.count(sa.func.distinct(candidates.c.number_blind_key)),
            )
            .where(candidates.c.number_blind_key.in_(chunk), sa.true() if where is None else where)
            .group_by(candidates.c.document_id)
        ):
            sharing[int(other_document)] += int(count)
    return sharing


def other_documents(document_id: int, imported_before: bool) -> Any:
    """The other documents' candidates: all of them, or those imported before this one."""
    if imported_before:
        return candidates.c.document_id < document_id
    return candidates.c.document_id != document_id
