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

from extractor.register.migrations.backfill import fill_from_text
from extractor.register.same_text import text_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("candidates", sa.Column("text_key", sa.String(64), nullable=True))
    fill_from_text("text_key", text_key)
    op.create_index("ix_candidates_text_key", "candidates", ["text_key"])


def downgrade() -> None:
    op.drop_index("ix_candidates_text_key", table_name="candidates")
    with op.batch_alter_table("candidates") as table:
        table.drop_column("text_key")
