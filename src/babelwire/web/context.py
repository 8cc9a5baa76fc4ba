"""What every request handler shares: the store, the settings, the read cache, the embedder."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from babelwire.settings import Settings
from babelwire.stages.embed import Embedder, settings_embedder
from babelwire.store.base import Store
from babelwire.web.cache import ReadCache
from babelwire.web.trends import reference_time
from babelwire.web.watch_filter import WatchIndex

STALE_AFTER = timedelta(days=1)
"""The pages warn when the newest article is older than this."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class WebContext:
    """One per app. The store must allow use from several threads (SQLiteStore does)."""

    def __init__(self, store: Store, settings: Settings, *, embedder: Embedder | None = None,
                 now: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.settings = settings
        self.cache = ReadCache(store.change_marker)
        self.aggregates = ReadCache(store.change_marker, max_entries=1024)
        """For costly aggregates over a bounded set (entity pages), kept apart so that a
        stream of cheap per-story entries in :attr:`cache` cannot push them out."""
        self.watch_index = WatchIndex()
        """Which stories each watchlist matches, for the Stories filter."""
        self.now = now
        self._embedder = embedder
        self._embedder_lock = threading.Lock()

    def embedder(self) -> Embedder:
        """The query embedder, loaded on first use (raises ModelError when it cannot be)."""
        with self._embedder_lock:
            if self._embedder is None:
                self._embedder = settings_embedder(self.settings)
            return self._embedder

    def newest_article(self) -> datetime | None:
        return self.cache.get(("newest",), self.store.newest_article_time)

    def reference(self) -> datetime:
        """The dashboard's clock (see :func:`babelwire.web.trends.reference_time`)."""
        return reference_time(self.newest_article(), self.now())

    def staleness(self) -> timedelta | None:
        """How far the newest article lags the wall clock, when more than :data:`STALE_AFTER`."""
        newest = self.newest_article()
        if newest is None:
            return None
        lag = self.now() - newest
        return lag if lag > STALE_AFTER else None
