"""A hash chain over the audit log (``extractor/register/chain.py``), append-only as the log.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29

An ISO 9001 auditor changed entries, candidates and documents in a SQLite
register with the sqlite3 shell, and dropped the audit log's triggers to edit
its rows, all unnoticed. Each event now gets a chain hash in a table of its
own: the log's rows stay as they are (its triggers refuse UPDATE), and the
events already there are chained here in id order, a batch at a time.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.register.chain import GENESIS, link

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

APPEND_ONLY_MESSAGE = "audit_chain is append-only"
_BATCH = 1000


def upgrade() -> None:
    op.create_table(
        "audit_chain",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("chain_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_audit_chain"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["audit_log.id"], name="fk_audit_chain_event_id_audit_log"
        ),
    )
    _chain_existing_events()
    _forbid_chain_changes()


def _chain_existing_events() -> None:
    """Chain hashes for the events an older reqx wrote, oldest first."""
    connection = op.get_bind()
    audit_log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("entry_id", sa.Integer),
        sa.column("document_id", sa.Integer),
        sa.column("before", sa.JSON),
        sa.column("after", sa.JSON),
    )
    audit_chain = sa.table(
        "audit_chain", sa.column("event_id", sa.Integer), sa.column("chain_hash", sa.String)
    )
    previous, last = GENESIS, 0
    while True:
        rows = connection.execute(
            sa.select(audit_log).where(audit_log.c.id > last).order_by(audit_log.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        chained = []
        for row in rows:
            previous = link(previous, row.id, row._mapping)
            chained.append({"event_id": row.id, "chain_hash": previous})
        connection.execute(sa.insert(audit_chain), chained)
        last = rows[-1].id


def _forbid_chain_changes() -> None:
    """The database refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) of chain hashes."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_chain_no_{event.lower()} BEFORE {event} ON audit_chain "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_chain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain "
            "FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change()"
        )
        op.execute(
            "CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_refuse_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_chain_no_truncate ON audit_chain")
        op.execute("DROP TRIGGER audit_chain_append_only ON audit_chain")
        op.execute("DROP FUNCTION audit_chain_refuse_change()")
    op.drop_table("audit_chain")  # SQLite drops the table's triggers with it
