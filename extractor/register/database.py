"""Open a register database: engine settings per dialect, then migrate to the latest schema.

SQLite gets WAL (readers never wait for the one writer), foreign keys and a busy
timeout; PostgreSQL goes through psycopg 3. Every open runs Alembic's
``upgrade head``, so a register made by an older reqx is brought up to date
before anything reads it; only an export from a SQLite file in a folder we may
not write opens it read-only and leaves the schema as it is. URLs are shown
(``display_url``) with every password hidden.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_plus

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, String, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.functions import GenericFunction

from extractor.errors import RegisterError

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 10_000


UNPARSABLE_URL = "(unparsable database URL)"
_HIDDEN = "***"
_SECRET_KEY = re.compile(r"pass|pwd|secret|token", re.IGNORECASE)
"""Query keys whose values are hidden: password=, sslpassword=, passwd= and the like."""
URL_FORM = "dialect://user:password@host:port/database"
_ENCODE_HINT = "write an @, :, / or ? in a user name or password as %40, %3A, %2F or %3F"


def display_url(url: str) -> str:
    """``url`` fit to show on screen or in a message: every password hidden.

    SQLAlchemy hides only the password it parsed: "se" of ``user:se@cret@host``
    (leaving "cret" on show) and never ``?password=``. So the password runs
    here to the last ``@`` before the query, and query values whose key names
    a password are hidden too. A URL SQLAlchemy cannot read is not shown at
    all: where its password ends is anyone's guess.
    """
    if "://" not in url:
        return url  # a bare path: a SQLite file, nothing secret in it
    try:
        make_url(url)
    except (ArgumentError, ValueError):
        return UNPARSABLE_URL
    scheme, rest = url.split("://", 1)
    before_query, query = _split_query(rest)
    return f"{scheme}://{_hide_user_password(before_query)}{_hide_query_secrets(query)}"


def _split_query(rest: str) -> tuple[str, str]:
    """``rest`` (after ``://``) cut before its query string, which keeps its ``?``.

    The query starts only after the first ``@``: a ``?`` in a password stays
    on the side that is hidden.
    """
    mark = rest.find("?", rest.find("@") + 1)
    return (rest, "") if mark < 0 else (rest[:mark], rest[mark:])


def _hide_user_password(before_query: str) -> str:
    """``user:password@host/db`` as ``user:***@host/db``; the password ends at the last ``@``."""
    at = before_query.rfind("@")
    user, colon, _password = before_query[: max(at, 0)].partition(":")
    return f"{user}:{_HIDDEN}{before_query[at:]}" if colon else before_query


def _hide_query_secrets(query: str) -> str:
    """``?user=a&password=b`` as ``?user=a&password=***``."""
    if not query:
        return ""
    parts = []
    for part in query[1:].split("&"):
        key, equals, _value = part.partition("=")
        secret = equals and _SECRET_KEY.search(unquote_plus(key))
        parts.append(f"{key}={_HIDDEN}" if secret else part)
    return "?" + "&".join(parts)


def parse_db_url(url: str) -> URL:
    """``url`` as SQLAlchemy reads it, or a ``RegisterError`` that shows no password.

    SQLAlchemy's own ValueError for a bad port or IPv6 host would reach the
    user as a traceback; an ``@`` left in a password makes the rest of it the
    host name, which the driver then repeats in its error.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise RegisterError(
            f"not a usable database URL: {UNPARSABLE_URL}; it does not read as {URL_FORM} "
            f"(an IPv6 host goes in [brackets], a port is a number; {_ENCODE_HINT})"
        ) from None
    if "@" in (parsed.host or ""):
        raise RegisterError(
            f"not a usable database URL: {display_url(url)}; its host name holds an @ "
            f"({_ENCODE_HINT})"
        )
    _refuse_memory_database(parsed, url)
    return parsed


def _refuse_memory_database(parsed: URL, url: str) -> None:
    """A SQLite URL without a file name (``sqlite://``, ``sqlite:///``) is a database in memory.

    An import into it reports new candidates and loses them when the command
    ends; a register is kept for good, so it must be a file or a server.
    """
    if parsed.get_backend_name() != "sqlite":
        return
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or parsed.query.get("mode") == "memory"
    if in_memory or database.startswith("file::memory:"):
        raise RegisterError(
            f"{display_url(url)}: names no file, so SQLite would keep the register in memory "
            "and lose it when the command ends; a register must be a file "
            "(sqlite:///path/register.db, or just the path) or a server (postgresql://...)"
        )


def open_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine on ``url`` with its schema at the latest migration.

    ``read_only``: the caller only reads (an export). A SQLite file in a folder
    we cannot write is then opened read-only instead of failing, as SQLite
    cannot make its -wal and -shm files there; it must be at the latest schema
    already, since migrating it would write. Raises ``RegisterError`` naming
    the database when it cannot be reached or migrated.
    """
    parsed = parse_db_url(url)
    stuck = _sqlite_in_unwritable_folder(parsed) if read_only else None
    try:
        engine = create_engine(
            _read_only_url(stuck) if stuck else parsed,
            future=True,
            json_serializer=json_encoder(),
        )
    except (ArgumentError, ImportError, ValueError) as error:
        raise RegisterError(
            f"{display_url(url)}: not a usable database URL ({_scrub(str(error), parsed)})"
        ) from None
    if engine.dialect.name == "sqlite":
        _prepare_sqlite(engine, read_only=stuck is not None)
    try:
        if stuck is not None:
            _require_head(engine, url)
        else:
            upgrade_to_head(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        original = getattr(error, "orig", None)
        reason = str(original).strip() if original is not None else str(error)
        raise RegisterError(
            f"{display_url(url)}: cannot open the register "
            f"({_scrub(reason, parsed)}){_unwritable_hint(parsed)}"
        ) from None
    except RegisterError:
        engine.dispose()
        raise
    return engine


def json_encoder(
    *,
    sort_keys: bool = False,
    separators: tuple[str, str] = (", ", ": "),
    default: Callable[[Any], Any] | None = None,
) -> Callable[[Any], str]:
    """``json.dumps`` with these settings (ASCII only), its C encoder made once.

    ``json.dumps`` makes a new one for every value, most of the cost of a small
    one: a bulk decision of 20,000 entries writes 40,000 audit values, and
    hashes 20,000 events (``chain``). The register's JSON columns are written
    as ``json.dumps`` writes them. ``default`` turns a value JSON has no form
    for into one that it has.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python built without json's C speedups
        return json.JSONEncoder(sort_keys=sort_keys, separators=separators, default=default).encode
    item_separator, key_separator = separators
    encode = make(
        None,  # no check for circular references: values come from JSON or plain fields
        default or _not_json,
        json.encoder.encode_basestring_ascii,
        None,
        key_separator,
        item_separator,
        sort_keys,
        False,
        True,
    )
    # a partial, not a closure: psycopg caches its JSON dumper by the function, except
    # for a closure, for which it makes a new dumper class for every value
    return functools.partial(_joined, encode)


def _joined(encode: Callable[[Any, int], Any], value: Any) -> str:
    return "".join(encode(value, 0))


def _not_json(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _scrub(text: str, parsed: URL) -> str:
    """``text`` (a driver's or SQLAlchemy's message) with the URL's passwords hidden."""
    secrets = [parsed.password or ""]
    secrets += [
        value
        for key, values in parsed.query.items()
        if _SECRET_KEY.search(key)
        for value in ((values,) if isinstance(values, str) else values)
    ]
    for secret in sorted(secrets, key=len, reverse=True):
        if len(str(secret)) >= 3:
            text = text.replace(str(secret), _HIDDEN)
    return text


def _sqlite_file(parsed: URL) -> Path | None:
    """The file a SQLite URL names (None for other databases and ``file:`` URIs)."""
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database.startswith("file:"):
        return None
    return Path(database)


def _sqlite_in_unwritable_folder(parsed: URL) -> Path | None:
    """The SQLite file of ``parsed`` when it exists in a folder we may not write, else None."""
    path = _sqlite_file(parsed)
    if path is None or not path.is_file():
        return None
    return None if os.access(path.parent, os.W_OK) else path.resolve()


def _read_only_url(path: Path) -> URL:
    """A read-only SQLite URI for ``path``.

    Without a -wal file beside it, everything is in the file itself, and
    ``immutable`` lets SQLite read it without the -shm file it cannot create;
    with one (a writer is at work, or crashed), plain ``mode=ro`` reads it too.
    """
    query = {"mode": "ro", "uri": "true"}
    if not Path(f"{path}-wal").exists():
        query["immutable"] = "1"
    return URL.create("sqlite", database="file:" + quote(str(path)), query=query)


def _require_head(engine: Engine, url: str) -> None:
    """A register opened read-only cannot be migrated: it must be current already."""
    revision, head = current_revision(engine), head_revision()
    if revision == head:
        return
    found = "holds no register" if revision is None else f"has schema {revision}, not {head}"
    raise RegisterError(
        f"{display_url(url)}: cannot open the register read-only: it {found}, and its folder "
        "is not writable, so it cannot be brought up to date; open it once where it can be written"
    )


def _unwritable_hint(parsed: URL) -> str:
    """Why SQLite said "unable to open database file" when the file or its folder is read-only."""
    path = _sqlite_file(parsed)
    if path is None or not path.exists():
        return ""
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return ""
    return (
        f"; {path} or its folder is not writable, and SQLite writes its -wal and -shm "
        "files beside the register"
    )


def missing_sqlite_file(url: str) -> str | None:
    """The path of the SQLite file ``url`` names when that file does not exist, else None."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    database = parsed.database
    if not parsed.drivername.startswith("sqlite") or not database:
        return None
    if database == ":memory:" or database.startswith("file:") or Path(database).exists():
        return None
    return database


def _prepare_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    """WAL, foreign keys and a busy timeout on each connection (read-only: nothing to set)."""
    database = engine.url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        parent = Path(database).parent
        if not parent.is_dir():
            raise RegisterError(f"{database}: folder {parent} does not exist")

    @event.listens_for(engine, "connect")
    def _add_functions(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.create_function("reqx_casefold", 1, _casefold, deterministic=True)

    if read_only:
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        # the wait first: switching a new file to WAL needs it to itself for a moment,
        # and another opener creating the register may hold it
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


class folded(GenericFunction[str]):
    """Text case-folded for a search: "KRÜGER" finds "Krüger".

    SQLite's ``lower`` and ``LIKE`` fold ASCII letters only, so each SQLite
    connection gets Python's ``str.casefold`` (``reqx_casefold``); PostgreSQL's
    ``lower`` folds by the database's locale.
    """

    type = String()
    inherit_cache = True


@compiles(folded, "sqlite")
def _folded_on_sqlite(element: folded, compiler: Any, **kw: Any) -> str:
    return f"reqx_casefold({compiler.process(element.clauses, **kw)})"


@compiles(folded)
def _folded_elsewhere(element: folded, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


def _casefold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else value


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
    try:
        if current_revision(engine) == head:
            return
    except SQLAlchemyError as error:
        # another process holds the new file while it makes the tables (longer than the
        # busy timeout on a loaded machine): wait for it, as for a lost race below
        if not _RACED.search(str(error)) or not _migrated_by_another(engine, head):
            raise
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


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; everything the register stores is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
