"""Candidates get a key of their text with the numbers left out, to find changed clauses.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Existing candidates get their key here, in batches, as 0002 did for ``text_key``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.register.same_text import number_blind_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    op.add_column("candidates", sa.Column("number_blind_key", sa.String(64), nullable=True))
    candidates = sa.table(
        "candidates",
        sa.column("id", sa.String),
        sa.column("text", sa.Text),
        sa.column("number_blind_key", sa.String),
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
            .values(number_blind_key=sa.bindparam("key")),
            [{"row_id": row_id, "key": number_blind_key(text)} for row_id, text in rows],
        )
        last = rows[-1][0]
    op.create_index("ix_candidates_number_blind_key", "candidates", ["number_blind_key"])


def downgrade() -> None:
    op.drop_index("ix_candidates_number_blind_key", table_name="candidates")
    with op.batch_alter_table("candidates") as table:
        table.drop_column("number_blind_key")
