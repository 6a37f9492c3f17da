"""Fill a new candidates column from each candidate's text, for migrations that add one;
record the unrelated document pairs again, for migrations that change what decides them.

Batches of rows keyed by id, so a register of any size is filled without
holding it in memory; the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

from extractor.register.related import record_unrelated

_BATCH = 1000


def candidate_texts(connection: Connection) -> Iterator[list[tuple[str, str]]]:
    """Every candidate's (id, text), a batch at a time, in id order."""
    candidates = sa.table("candidates", sa.column("id", sa.String), sa.column("text", sa.Text))
    last = ""
    while True:
        rows = connection.execute(
            sa.select(candidates.c.id, candidates.c.text)
            .where(candidates.c.id > last)
            .order_by(candidates.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        yield [(row_id, text) for row_id, text in rows]
        last = rows[-1][0]


def fill_from_text(column: str, compute: Callable[[str], str | None]) -> None:
    """Set ``candidates.<column>`` to ``compute(text)`` on every existing candidate."""
    candidates = sa.table("candidates", sa.column("id", sa.String), sa.column(column))
    connection = op.get_bind()
    for rows in candidate_texts(connection):
        connection.execute(
            candidates.update()
            .where(candidates.c.id == sa.bindparam("row_id"))
            .values({column: sa.bindparam("value")}),
            [{"row_id": row_id, "value": compute(text)} for row_id, text in rows],
        )


def record_unrelated_for_every_document() -> None:
    """``related.record_unrelated`` for each document, in id order (0011 made the table,
    0012 changed the keys it is worked out from)."""
    connection = op.get_bind()
    documents = sa.table("documents", sa.column("id", sa.Integer))
    for (document_id,) in connection.execute(
        sa.select(documents.c.id).order_by(documents.c.id)
    ).all():
        record_unrelated(connection, document_id)
