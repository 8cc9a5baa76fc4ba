"""Storage: the :class:`Store` interface and its backends."""

from __future__ import annotations

from pathlib import Path

from babelwire.store.base import ArticleWrite, ClusterMember, Store, StoryState
from babelwire.store.sqlite import SQLiteStore

__all__ = ["ArticleWrite", "ClusterMember", "SQLiteStore", "Store", "StoryState",
           "display_location", "is_postgres_url", "open_store"]


def is_postgres_url(location: str | Path) -> bool:
    """True when ``location`` names a PostgreSQL database rather than a SQLite file."""
    return str(location).startswith(("postgres://", "postgresql://"))


def display_location(location: str | Path) -> str:
    """``location`` as messages may show it: a database URL's password replaced by ``***``."""
    from babelwire.store.postgres_rows import redact

    return redact(str(location)) if is_postgres_url(location) else str(location)


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the database at ``location``.

    A path or ``:memory:`` opens SQLite; a ``postgresql://`` (or ``postgres://``)
    URL opens PostgreSQL (needs the ``postgres`` extra: ``psycopg[binary]``).
    """
    text = str(location)
    if is_postgres_url(text):
        try:
            from babelwire.store.postgres import PostgresStore
        except ImportError as exc:
            from babelwire.errors import StoreError

            raise StoreError(
                f"a PostgreSQL database needs psycopg ({exc}): "
                "pip install 'babelwire[postgres]'") from exc
        return PostgresStore(text)
    return SQLiteStore(Path(text).expanduser() if text != ":memory:" else text)
