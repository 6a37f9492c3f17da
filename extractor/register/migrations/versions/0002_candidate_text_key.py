"""Candidates get a key of their normalised text, to find earlier decisions on the same text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Existing candidates get their key here, in batches, so a register made before
this revision finds its earlier decisions too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.register.same_text import text_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    op.add_column("candidates", sa.Column("text_key", sa.String(64), nullable=True))
    candidates = sa.table(
        "candidates",
        sa.column("id", sa.String),
        sa.column("text", sa.Text),
        sa.column("text_key", sa.String),
    )
    connection = op.get_bind()
    last = ""
    while True:
        rows = connection.execute(
            sa.select(candidates.c.id, candidates.c.text)
            .where(candidates.c.id > last)
            .order_by(candidates.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            candidates.update()
            .where(candidates.c.id == sa.bindparam("row_id"))
            .values(text_key=sa.bindparam("key")),
            [{"row_id": row_id, "key": text_key(text)} for row_id, text in rows],
        )
        last = rows[-1][0]
    op.create_index("ix_candidates_text_key", "candidates", ["text_key"])


def downgrade() -> None:
    op.drop_index("ix_candidates_text_key", table_name="candidates")
    with op.batch_alter_table("candidates") as table:
        table.drop_column("text_key")
