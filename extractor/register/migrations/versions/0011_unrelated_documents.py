"""Documents of different businesses are kept as pairs, so no "Differs" joins them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28

Walks with several customers in one register found revision tables' "A |
<date> | First issue" and minutes' "Next meeting: <date>" marked as differing
from another customer's: the same clause with other numbers, to
``number_blind_key``. ``related.record_unrelated`` now stores which documents
belong to other businesses when a document is imported; existing registers get
the pairs here, document by document.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.register.migrations.backfill import record_unrelated_for_every_document

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unrelated_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_unrelated_documents_document_id_documents",
        ),
        sa.ForeignKeyConstraint(
            ["other_id"], ["documents.id"], name="fk_unrelated_documents_other_id_documents"
        ),
        sa.PrimaryKeyConstraint("document_id", "other_id", name="pk_unrelated_documents"),
    )
    record_unrelated_for_every_document()


def downgrade() -> None:
    op.drop_table("unrelated_documents")
