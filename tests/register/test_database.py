"""Opening a register: settings, WAL on SQLite, migrations that match the models."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from extractor.register import ENV_VAR, RegisterError, open_register, resolve_db_url
from extractor.register.database import current_revision, head_revision
from extractor.register.models import Base


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    open_register(db_url).close()
    engine = create_engine(db_url)
    try:
        assert current_revision(engine) == head_revision() == "0004"
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_reopening_keeps_the_data(db_url: str) -> None:
    from .helpers import make_extraction

    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
    with open_register(db_url) as register:
        assert register.counts().total == 6


def test_sqlite_file_is_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    with open_register(str(path)) as register:
        assert register.dialect == "sqlite"
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        engine.dispose()


def test_database_url_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_db_url() == f"sqlite:///{tmp_path.resolve() / 'register.db'}"
    monkeypatch.setenv(ENV_VAR, "postgresql://u@h/db")
    assert resolve_db_url() == "postgresql+psycopg://u@h/db"
    assert resolve_db_url("other.db") == f"sqlite:///{tmp_path.resolve() / 'other.db'}"
    assert resolve_db_url("sqlite:///x.db") == "sqlite:///x.db"


def test_unusable_databases_are_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="no-such-folder"):
        open_register(str(tmp_path / "no-such-folder" / "register.db"))
    with pytest.raises(RegisterError, match="not a usable database URL"):
        open_register("nosuchdialect://x/y")
    with pytest.raises(RegisterError, match=r"127\.0\.0\.1:1/nothing.*cannot open"):
        open_register("postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing")


def test_openers_of_a_new_register_at_the_same_moment_all_get_it(db_url: str) -> None:
    """Two reviewers opening the app on a new register at once: one creates it, both use it.

    Alembic keeps its context in a process-wide global; before the lock, the
    second thread failed with "table documents already exists" or KeyError 'config'.
    """
    openers = 6
    start = threading.Barrier(openers)
    failures: list[BaseException] = []

    def open_and_read() -> None:
        start.wait()
        try:
            with open_register(db_url) as register:
                register.documents()
        except BaseException as error:  # each thread's failure is the finding
            failures.append(error)

    threads = [threading.Thread(target=open_and_read) for _ in range(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert _revision(db_url) == head_revision()


def test_processes_opening_a_new_register_at_the_same_moment_all_get_it(db_url: str) -> None:
    """A batch run and the app started together on a new register (separate processes)."""
    root = Path(__file__).resolve().parents[2]
    at = time.time() + 3  # every child opens at this moment, after its imports
    child = (
        "import sys, time\n"
        "from extractor.register import open_register\n"
        "time.sleep(max(0, float(sys.argv[2]) - time.time()))\n"
        "with open_register(sys.argv[1]) as register:\n"
        "    register.documents()\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", child, db_url, str(at)],
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        for _ in range(4)
    ]
    errors = [process.communicate(timeout=120)[1].decode() for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], errors
    assert _revision(db_url) == head_revision()


def _revision(db_url: str) -> str | None:
    engine = create_engine(db_url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()
