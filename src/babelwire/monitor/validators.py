"""HTTP validators that are remembered only once what they cover is stored.

The :class:`~babelwire.sources.http.Fetcher` remembers a URL's ETag and
Last-Modified as soon as it has the answer. Were that written to the store at
once, a monitor stopped between fetching a feed and storing its articles would
get ``304 Not Modified`` on restart and never see those articles again. So the
monitor's fetch threads run inside :meth:`DeferredValidators.capture`: what the
Fetcher remembers there is collected per poll and written to the store by the
monitor after the poll's articles are committed (or dropped, when they are not).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from babelwire.sources.http import ValidatorCache

__all__ = ["DeferredValidators", "Validators"]

Validators = dict[str, tuple[str | None, str | None]]
"""URL -> (ETag, Last-Modified) collected during one poll."""


class DeferredValidators:
    """A :class:`ValidatorCache` that reads committed validators and defers new ones.

    ``committed`` must be safe to call from several threads (the monitor passes a
    :class:`~babelwire.monitor.reader.LockedReader`). A ``put`` outside
    :meth:`capture` goes straight to ``committed``.
    """

    def __init__(self, committed: ValidatorCache) -> None:
        self._committed = committed
        self._local = threading.local()

    @contextmanager
    def capture(self) -> Iterator[Validators]:
        """Collect this thread's ``put_validators`` calls in the dictionary yielded."""
        pending: Validators = {}
        previous = getattr(self._local, "pending", None)
        self._local.pending = pending
        try:
            yield pending
        finally:
            self._local.pending = previous

    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        pending: Validators | None = getattr(self._local, "pending", None)
        if pending is not None and url in pending:
            return pending[url]
        return self._committed.get_validators(url)

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        pending: Validators | None = getattr(self._local, "pending", None)
        if pending is not None:
            pending[url] = (etag, last_modified)
            return
        self._committed.put_validators(url, etag, last_modified)
