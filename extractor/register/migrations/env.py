"""Alembic environment: runs the migrations on the connection ``database.py`` hands over.

The register opens its own engine and calls ``upgrade head`` itself, so there is
no alembic.ini and no URL here; offline (SQL script) mode is not supported.
"""

from __future__ import annotations

from alembic import context

from extractor.register.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
