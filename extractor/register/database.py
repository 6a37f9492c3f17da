"""Open a register database: engine settings per dialect, then migrate to the latest schema.

SQLite gets WAL (readers never wait for the one writer), foreign keys and a busy
timeout; PostgreSQL goes through psycopg 3. Every open runs Alembic's
``upgrade head``, so a register made by an older reqx is brought up to date
before anything reads it.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from extractor.errors import RegisterError

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 10_000


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_engine(url: str) -> Engine:
    """An engine on ``url`` with its schema at the latest migration.

    Raises ``RegisterError`` naming the database when it cannot be reached or migrated.
    """
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as error:
        raise RegisterError(f"{display_url(url)}: not a usable database URL ({error})") from None
    if engine.dialect.name == "sqlite":
        _prepare_sqlite(engine)
    try:
        upgrade_to_head(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        original = getattr(error, "orig", None)
        reason = str(original).strip() if original is not None else str(error)
        raise RegisterError(f"{display_url(url)}: cannot open the register ({reason})") from None
    return engine


def missing_sqlite_file(url: str) -> str | None:
    """The path of the SQLite file ``url`` names when that file does not exist, else None."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    database = parsed.database
    if not parsed.drivername.startswith("sqlite") or not database:
        return None
    if database == ":memory:" or database.startswith("file:") or Path(database).exists():
        return None
    return database


def _prepare_sqlite(engine: Engine) -> None:
    database = engine.url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        parent = Path(database).parent
        if not parent.is_dir():
            raise RegisterError(f"{database}: folder {parent} does not exist")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest migration this reqx knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


_MIGRATING = threading.Lock()
"""Alembic keeps its migration context in one global per process: one upgrade at a time."""
MIGRATION_WAIT_S = 30.0
"""How long an opener waits for another one that is creating the same new register."""
_PG_MIGRATION_LOCK = 0x72657178  # "reqx": the advisory lock key of register migrations
_RACED = re.compile(r"already exists|database is locked", re.IGNORECASE)
"""What SQLite says to the second of two processes creating the same tables."""


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration the database has not had yet (a no-op when it is current).

    Two reviewers opening the app on a new register at once, or a batch run
    starting beside it, must not both create its tables: in one process a lock
    keeps them apart, on PostgreSQL an advisory lock; on SQLite the opener that
    loses waits until the other has finished.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return
    with _MIGRATING:
        try:
            _upgrade(engine, head)
        except SQLAlchemyError as error:
            if not _RACED.search(str(error)) or not _migrated_by_another(engine, head):
                raise


def _upgrade(engine: Engine, head: str) -> None:
    config = _alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _migrated_by_another(engine: Engine, head: str) -> bool:
    """Whether another opener brings the database to ``head`` within ``MIGRATION_WAIT_S``."""
    deadline = time.monotonic() + MIGRATION_WAIT_S
    while True:
        try:
            if current_revision(engine) == head:
                return True
        except SQLAlchemyError:
            pass  # its tables half made, or the file locked: look again
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
