"""PostgreSQL refuses TRUNCATE on the audit log too, not only UPDATE and DELETE of its rows.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

An ISO 9001 walk wiped the whole trail of a PostgreSQL register with
``TRUNCATE audit_log CASCADE``: row triggers do not fire on TRUNCATE. A
statement trigger BEFORE TRUNCATE does, also when the audit log is emptied
by a TRUNCATE ... CASCADE of a table it refers to (``entries``,
``documents``). SQLite has no TRUNCATE (its ``DELETE FROM`` without WHERE is
refused by migration 0001's trigger).
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # audit_log_refuse_change() (migration 0001) raises "audit_log is append-only"
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
