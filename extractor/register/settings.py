"""Where the register lives: ``--db URL``, else ``EXTRACTOR_DB_URL``, else ``./register.db``.

The default is a SQLite file in the working directory, so a register sits next
to the documents it was built from and is easy to find, copy and back up; a
shared register is a PostgreSQL URL (``postgresql+psycopg://user@host/db``).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "EXTRACTOR_DB_URL"
DEFAULT_FILE = "register.db"


def resolve_db_url(explicit: str | None = None) -> str:
    """The database URL to use; a bare file path is taken as a SQLite file."""
    url = explicit or os.environ.get(ENV_VAR) or ""
    if not url:
        return sqlite_url(Path.cwd() / DEFAULT_FILE)
    if "://" not in url:
        return sqlite_url(Path(url))
    if url.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy's bare scheme means psycopg2.
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"
