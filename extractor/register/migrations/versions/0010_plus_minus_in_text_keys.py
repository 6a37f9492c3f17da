"""A tolerance typed "+/-" is the same text as one typed "±": both keys are filled again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28

``extractor.normalising.normalise`` now reads "+/-" and "+-" as "±", so the
clause of an order typed "2.00 mm +/- 0.10 mm" meets the decision taken on
"2.00 mm ± 0.10 mm" in the last one (a medical-device walk found them two
clauses). Keys stored before were made without it.
"""

from __future__ import annotations

from extractor.register.migrations.backfill import fill_from_text
from extractor.register.same_text import number_blind_key, text_key

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fill_from_text("text_key", text_key)
    fill_from_text("number_blind_key", number_blind_key)


def downgrade() -> None:
    """The older keys are not kept; keys made by this normalising stay as they are."""
