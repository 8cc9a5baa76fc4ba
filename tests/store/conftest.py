"""Store fixtures: ``store`` runs a test on SQLite and on PostgreSQL.

PostgreSQL comes from ``BABELWIRE_TEST_POSTGRES_URL`` when set (a URL whose
user may create databases and roles), else from a throwaway server this module starts:
``initdb`` a cluster in a temporary folder, run it on a unix socket there (as
the ``postgres`` user when the tests run as root, since initdb refuses root),
and stop it at the end of the session. Each test gets a fresh database.
Without PostgreSQL binaries the PostgreSQL cases skip, saying why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from babelwire.store import SQLiteStore, Store

ENV_URL = "BABELWIRE_TEST_POSTGRES_URL"


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _as_user() -> list[str]:
    """The command prefix that drops root to the ``postgres`` user (empty when not root)."""
    if os.geteuid() != 0:
        return []
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no 'postgres' user to run initdb as")
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--"]
    if shutil.which("setpriv"):
        import pwd

        user = pwd.getpwnam("postgres")
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}",
                "--init-groups", "--"]
    pytest.skip("running as root without runuser or setpriv to drop to the postgres user")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A server the tests may create databases on (``admin_url`` names one that exists)."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url

    def url_for(self, database: str) -> str:
        parts = urlsplit(self.admin_url)
        return urlunsplit(parts._replace(path=f"/{database}"))

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.encode())

    def create_database(self) -> str:
        name = f"babelwire_test_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    pytest.importorskip("psycopg", reason="psycopg is not installed (the 'postgres' extra)")
    if os.environ.get(ENV_URL):
        yield PostgresServer(os.environ[ENV_URL])
        return
    bindir = _bin_dir()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl): install Debian's postgresql "
                    f"or set {ENV_URL}")
    prefix = _as_user()
    root = Path(tempfile.mkdtemp(prefix="babelwire-pg-"))
    if prefix:
        shutil.chown(root, user="postgres", group="postgres")
    data, port = root / "data", _free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    try:
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "babelwire",
                        "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], **run)
        options = (f"-p {port} -k {root} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                        "-l", str(root / "server.log"), "-w", "-t", "60", "start"], **run)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"could not start a throwaway PostgreSQL: {exc.stderr or exc.stdout}")
    try:
        yield PostgresServer(f"postgresql://babelwire@/postgres?host={root}&port={port}")
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    name = pg_server.create_database()
    try:
        yield pg_server.url_for(name)
    finally:
        pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh database lives: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    from babelwire.store import open_store

    with open_store(store_location) as opened:
        yield opened


def _raw(store: Store, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(store, SQLiteStore):
        return [tuple(r) for r in store._db.execute(sql, params).fetchall()]
    return store._rows(sql.replace("?", "%s"), params)  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def raw_sql() -> Callable[..., list[tuple[object, ...]]]:
    """``raw_sql(store, sql, params)``: SQL with ``?`` placeholders, on either backend."""
    return _raw
