"""Storage: the :class:`Store` interface and its backends."""

from __future__ import annotations

from pathlib import Path

from babelwire.store.base import ArticleWrite, ClusterMember, Store, StoryState
from babelwire.store.sqlite import SQLiteStore

__all__ = ["ArticleWrite", "ClusterMember", "SQLiteStore", "Store", "StoryState", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the database at ``location``.

    A path or ``:memory:`` opens SQLite.
    """
    text = str(location)
    if text.startswith(("postgres://", "postgresql://")):
        from babelwire.errors import StoreError

        raise StoreError("PostgreSQL is not supported yet; give a SQLite file path")
    return SQLiteStore(Path(text).expanduser() if text != ":memory:" else text)
