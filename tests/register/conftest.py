"""A real SQLite file and a real, throwaway PostgreSQL server for the register tests.

The server is started once per session with ``initdb -A trust`` and ``pg_ctl`` on
127.0.0.1 and a free port, in a temporary folder, and stopped at the end. initdb
refuses to run as root, so as root the server runs as the ``postgres`` system
user (or ``nobody``). Under CI (``CI=true``) a server that cannot start is a
failure, never a skip; locally the PostgreSQL tests skip only when the binaries
are not installed.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SERVER_USER_CHOICES = ("postgres", "nobody")


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"


def _postgres_bin() -> Path | None:
    """The folder with initdb and pg_ctl: on PATH, else Debian's versioned folder."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_account() -> str | None:
    """The unprivileged account to run the server as, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USER_CHOICES:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _run(command: list[str], account: str | None) -> None:
    if account is not None:
        command = ["runuser", "-u", account, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    folder = _postgres_bin()
    if folder is None:
        message = (
            "PostgreSQL is not installed (no initdb or pg_ctl); "
            "scripts/install-system-packages.sh installs it"
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    account = _server_account()
    root = Path(tempfile.mkdtemp(prefix="reqx-pg-"))
    if account is not None:
        entry = pwd.getpwnam(account)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    data, log = root / "data", root / "server.log"
    port = _free_port()
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    pg_ctl = str(folder / "pg_ctl")
    try:
        _run(
            [str(folder / "initdb"), "-A", "trust", "-U", "postgres", "--no-sync", "-D", str(data)],
            account,
        )
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"], account)
    except (subprocess.SubprocessError, OSError) as error:
        detail = getattr(error, "stderr", "") or ""
        server_log = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {error}\n{detail}\n{server_log}")
    try:
        yield PostgresServer("127.0.0.1", port, "postgres")
    finally:
        try:
            _run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], account)
        finally:
            shutil.rmtree(root, ignore_errors=True)


_database_numbers = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A new, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"reqx_test_{os.getpid()}_{next(_database_numbers)}"
    admin = f"host={postgres_server.host} port={postgres_server.port} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
    yield postgres_server.url(name)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test against a SQLite file and against the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.db'}"
    return str(request.getfixturevalue("postgres_url"))
