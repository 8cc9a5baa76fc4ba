"""One read connection to the store, shared by the monitor's fetch threads in turn.

The store's writing connection belongs to the monitor's main thread (the
pipeline). Fetch threads only need two lookups: a URL's remembered HTTP
validators, and whether an article is already stored (so its page is not
fetched again). They make them through this object, one call at a time.
"""

from __future__ import annotations

import threading

from babelwire.stages.canonical_url import canonical_url
from babelwire.store.base import Store

__all__ = ["LockedReader"]


class LockedReader:
    """Serialises the fetch threads' reads (and rare writes) on one store connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()

    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        with self._lock:
            return self.store.get_validators(url)

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self.store.put_validators(url, etag, last_modified)

    def is_stored(self, url: str) -> bool:
        """Whether an article with ``url``'s canonical form is already stored."""
        try:
            key = canonical_url(url)
        except ValueError:  # a malformed link: let the pipeline report it
            return False
        with self._lock:
            return key in self.store.known_urls([key])
