"""The item a table row opens with stays in ``number_blind_key``: another part is another row.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29

An EDGAR-style walk's amendment replaced the agreement's Schedule A; its row
"CSI-2212: Cannula housing, 12 mm, ..." was shown as differing from the
agreement's "CSI-2210: Cannula housing, 5 mm, ...", the same row to a key that
left every number out. ``same_text.number_blind_key`` now keeps the part, CLIN,
line or row id a row opens with. Keys stored before are made again, and so are
the pairs of documents of different businesses, which count statements in
common by that key.
"""

from __future__ import annotations

from extractor.register.migrations.backfill import (
    fill_from_text,
    record_unrelated_for_every_document,
)
from extractor.register.same_text import number_blind_key

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fill_from_text("number_blind_key", number_blind_key)
    record_unrelated_for_every_document()


def downgrade() -> None:
    """The older keys are not kept; keys made with the row's item stay as they are."""
