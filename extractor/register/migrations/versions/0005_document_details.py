"""Documents keep an e-mail's sender and date, so a requirement shows who asked and when.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

Documents imported before have none (NULL); an e-mail imported again does not
change its row (the same bytes are one document).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as table:
        table.drop_column("details")
