"""Numbers written in words are left out of ``number_blind_key`` too: the keys are filled again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

"within ninety (90) days" decided in one order and "within sixty (60) days" in the
next were two clauses to the register, so the change was not flagged.
"""

from __future__ import annotations

from extractor.register.migrations.backfill import fill_from_text
from extractor.register.same_text import number_blind_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fill_from_text("number_blind_key", number_blind_key)


def downgrade() -> None:
    """The older keys are not kept; 0003's function is gone, so they stay as they are."""
