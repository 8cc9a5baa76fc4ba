"""What only the SQLite store does: WAL, its file, its own version check."""

import sqlite3

import pytest

from babelwire.errors import StoreError
from babelwire.store import SQLiteStore, open_store


def test_schema_is_migrated_once_and_wal_is_on(tmp_path):
    SQLiteStore(tmp_path / "t.db").close()
    again = SQLiteStore(tmp_path / "t.db")  # reopening applies nothing twice
    names = [r[0] for r in again._db.execute("SELECT name FROM schema_migrations")]
    assert len(names) == len(set(names)) == again.schema_version
    mode = again._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    again.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES ('9999_future', '2030-01-01')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="upgrade babelwire"):
        SQLiteStore(path)


def test_open_store_memory():
    with open_store(":memory:") as s:
        assert s.counts()["articles"] == 0


def test_unwritable_location_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot"):
        SQLiteStore(blocker / "sub" / "x.db")
