"""Opening a register: settings, WAL on SQLite, migrations that match the models."""

from __future__ import annotations

import json
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
from extractor.register.database import current_revision, display_url, head_revision, json_encoder
from extractor.register.models import Base


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    open_register(db_url).close()
    engine = create_engine(db_url)
    try:
        assert current_revision(engine) == head_revision() == "0012"
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


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://127.0.0.1:5499/postgres?user=postgres&password=secretpw",
            "postgresql://127.0.0.1:5499/postgres?user=postgres&password=***",
        ),
        ("postgresql://postgres:se@cret@host/db", "postgresql://postgres:***@host/db"),
        ("postgresql://u:pa?ss/w@h:5432/db", "postgresql://u:***@h:5432/db"),
        (
            "postgresql+psycopg://u@h/db?sslpassword=k3y&application_name=a@b&my_Password_2=zz9",
            "postgresql+psycopg://u@h/db?sslpassword=***&application_name=a@b&my_Password_2=***",
        ),
        ("postgresql://postgres:hunter2@[::1:5499/postgres", "(unparsable database URL)"),
        ("postgresql://u@h:5432/db", "postgresql://u@h:5432/db"),
        ("sqlite:////srv/reqx/register.db", "sqlite:////srv/reqx/register.db"),
    ],
)
def test_shown_urls_hide_every_password(url: str, shown: str) -> None:
    """SQLAlchemy showed ?password= as it was, and "cret" of the password "se@cret"."""
    assert display_url(url) == shown


def test_the_register_url_shown_in_the_app_hides_query_passwords(postgres_url: str) -> None:
    with open_register(postgres_url + "?password=secretpw&sslpassword=k3y9") as register:
        shown = register.url
    assert "secretpw" not in shown and "k3y9" not in shown
    assert shown.endswith("?password=***&sslpassword=***")


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("postgresql://postgres:hunter2@[::1:5499/postgres", "hunter2"),
        ("postgresql://127.0.0.1:1/postgres?user=postgres&password=secretpw", "secretpw"),
        ("postgresql://postgres:se@cret@127.0.0.1:1/postgres", "cret"),
    ],
)
def test_unusable_urls_are_refused_without_showing_the_password(url: str, secret: str) -> None:
    """A malformed URL was a ValueError traceback; the others put the password in the message."""
    with pytest.raises(RegisterError) as raised:
        open_register(url).close()
    assert secret not in raised.value.message
    assert "not a usable database URL" in raised.value.message or "cannot open" in (
        raised.value.message
    )


def test_a_malformed_url_says_what_is_wrong() -> None:
    with pytest.raises(RegisterError, match=r"not a usable database URL: \(unparsable"):
        open_register("postgresql://postgres:hunter2@[::1:5499/postgres")
    with pytest.raises(RegisterError, match=r"host name holds an @.*%40"):
        open_register("postgresql://postgres:se@cret@127.0.0.1:1/postgres")


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_a_register_in_memory_is_refused(url: str) -> None:
    """Nothing relies on an in-memory register; an import into one was lost at exit."""
    with pytest.raises(RegisterError, match=r"names no file.*must be a file .* or a server"):
        open_register(url)


def test_a_register_in_a_read_only_folder_is_read_without_writing_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root chmod stops no write, so the folder is reported unwritable instead.

    Opened read-only and immutable, SQLite makes no -wal or -shm file (what
    fails in a folder it cannot write) and refuses every change.
    """
    from .helpers import make_extraction

    folder = tmp_path / "read only"
    folder.mkdir()
    path = folder / "register 1%.db"
    with open_register(str(path)) as register:
        register.import_extractions([make_extraction()], actor="ann")
    assert sorted(p.name for p in folder.iterdir()) == [path.name]
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode)
    )
    with open_register(str(path), must_exist=True, read_only=True) as register:
        assert register.counts().total == 6
        with pytest.raises(RegisterError, match="readonly"):
            register.confirm("REQ-0001", version=1, actor="ann")
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_a_read_only_register_of_an_older_schema_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
            connection.execute(text("INSERT INTO alembic_version VALUES ('0002')"))
    finally:
        engine.dispose()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    with pytest.raises(
        RegisterError, match=rf"schema 0002, not {head_revision()}.*folder is not writable"
    ):
        open_register(str(path), must_exist=True, read_only=True)


@pytest.mark.parametrize(
    "value",
    [
        {"text": "Tolérance ±0,1 mm\u2028\x1b", "boxes": [{"x0": 72.5, "page": 1}], "b": None},
        {"z": [1e100, -0.0, float("nan"), 2**70, True], "a": {"y": "\ud800", "x": []}},
        None,
        "REQ-0001",
        [],
    ],
)
def test_json_columns_are_written_as_json_dumps_writes_them(value: object) -> None:
    assert json_encoder()(value) == json.dumps(value)
    canonical = json_encoder(sort_keys=True, separators=(",", ":"))
    assert canonical(value) == json.dumps(value, sort_keys=True, separators=(",", ":"))
    with pytest.raises(TypeError):
        json_encoder()({"when": object()})
