"""Entries can be superseded: the requirement a later revision replaced is no longer in force.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

"98 %" confirmed in revision A and "95 %" in revision B were both confirmed
entries, and the register's export listed both as in force.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("entries", sa.Column("superseded_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entries") as table:
        table.drop_column("superseded_by")
