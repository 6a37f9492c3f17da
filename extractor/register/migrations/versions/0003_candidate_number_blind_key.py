"""Candidates get a key of their text with the numbers left out, to find changed clauses.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Existing candidates get their key here, in batches, as 0002 did for ``text_key``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.register.migrations.backfill import fill_from_text
from extractor.register.same_text import number_blind_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("candidates", sa.Column("number_blind_key", sa.String(64), nullable=True))
    fill_from_text("number_blind_key", number_blind_key)
    op.create_index("ix_candidates_number_blind_key", "candidates", ["number_blind_key"])


def downgrade() -> None:
    op.drop_index("ix_candidates_number_blind_key", table_name="candidates")
    with op.batch_alter_table("candidates") as table:
        table.drop_column("number_blind_key")
