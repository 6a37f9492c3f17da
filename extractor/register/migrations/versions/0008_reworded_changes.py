"""Reworded changes: documents keep their sending time, candidates their change cue, content
words and links to the earlier statements they reword with another value.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28

A walk over a six-week customer e-mail thread found 1 of its 10 changed
requirements marked: in e-mail a change is worded anew ("600 instead of 500",
"level B" for "level C"), which ``number_blind_key`` cannot find, and
"earlier" meant uploaded earlier, not sent earlier. Existing registers get
all four here, document by document in upload order.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.register.migrations.backfill import candidate_texts, fill_from_text
from extractor.register.reworded import add_words, link_document, sent_at

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _first_change_cue(text: str) -> str | None:
    from extractor.annotating import change_cues

    found = change_cues(text)
    return found[0][:64] if found else None


def upgrade() -> None:
    op.add_column("documents", sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("candidates", sa.Column("change_cue", sa.String(64), nullable=True))
    op.add_column("candidates", sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "candidate_words",
        sa.Column("candidate_id", sa.String(64), nullable=False),
        sa.Column("word", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name="fk_candidate_words_candidate_id_candidates",
        ),
        sa.PrimaryKeyConstraint("candidate_id", "word", name="pk_candidate_words"),
    )
    op.create_index("ix_candidate_words_word", "candidate_words", ["word"])
    op.create_table(
        "reworded_links",
        sa.Column("candidate_id", sa.String(64), nullable=False),
        sa.Column("earlier_id", sa.String(64), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name="fk_reworded_links_candidate_id_candidates",
        ),
        sa.ForeignKeyConstraint(
            ["earlier_id"], ["candidates.id"], name="fk_reworded_links_earlier_id_candidates"
        ),
        sa.PrimaryKeyConstraint("candidate_id", "earlier_id", name="pk_reworded_links"),
    )
    op.create_index("ix_reworded_links_earlier_id", "reworded_links", ["earlier_id"])
    fill_from_text("change_cue", _first_change_cue)
    connection = op.get_bind()
    documents = sa.table(
        "documents",
        sa.column("id", sa.Integer),
        sa.column("details", sa.JSON),
        sa.column("sent_at", sa.DateTime(timezone=True)),
    )
    candidates = sa.table(
        "candidates",
        sa.column("id", sa.String),
        sa.column("document_id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("sent_at", sa.DateTime(timezone=True)),
    )
    dated = [
        {"row_id": document_id, "value": moment}
        for document_id, details in connection.execute(
            sa.select(documents.c.id, documents.c.details)
        )
        if (moment := sent_at((details or {}).get("sent_at")))
    ]
    if dated:
        connection.execute(
            documents.update()
            .where(documents.c.id == sa.bindparam("row_id"))
            .values(sent_at=sa.bindparam("value")),
            dated,
        )
        connection.execute(
            candidates.update()
            .where(candidates.c.document_id == sa.bindparam("row_id"))
            .values(sent_at=sa.bindparam("value")),
            dated,
        )
    for rows in candidate_texts(connection):
        add_words(connection, rows)
    for (document_id,) in connection.execute(
        sa.select(documents.c.id).order_by(documents.c.id)
    ).all():
        ids = connection.scalars(
            sa.select(candidates.c.id).where(candidates.c.document_id == document_id)
        ).all()
        link_document(connection, document_id, list(ids))


def downgrade() -> None:
    op.drop_index("ix_reworded_links_earlier_id", table_name="reworded_links")
    op.drop_table("reworded_links")
    op.drop_index("ix_candidate_words_word", table_name="candidate_words")
    op.drop_table("candidate_words")
    with op.batch_alter_table("candidates") as table:
        table.drop_column("change_cue")
        table.drop_column("sent_at")
    with op.batch_alter_table("documents") as table:
        table.drop_column("sent_at")
