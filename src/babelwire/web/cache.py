"""A small read cache for the web layer, invalidated by the store's change marker.

Dashboard figures (ranked stories, source health) are aggregates over every
article; computing them per request would not scale. Each entry remembers the
store's :meth:`~babelwire.store.base.Store.change_marker` it was computed under
and is dropped when the marker moves (someone committed) or, as a safety net,
when it is older than ``max_age`` seconds. Concurrent requests for one missing key wait for a
single computation instead of all computing it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Entry:
    marker: tuple[int, ...]
    made_at: float
    value: Any


class ReadCache:
    """Least-recently-used entries keyed by any hashable, valid while the marker holds."""

    def __init__(self, marker: Callable[[], tuple[int, ...]], *, max_entries: int = 512,
                 max_age: float = 300.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._marker = marker
        self._max_entries = max_entries
        self._max_age = max_age
        self._clock = clock
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, or ``compute()``'s (stored for the next caller)."""
        marker = self._marker()
        found = self._fresh(key, marker)
        if found is not None:
            return found.value  # type: ignore[no-any-return]
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            found = self._fresh(key, marker)
            if found is not None:
                return found.value  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                self.misses += 1
                self._entries[key] = _Entry(marker, self._clock(), value)
                self._entries.move_to_end(key)
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
                self._building.pop(key, None)
            return value

    def peek(self, key: Hashable) -> Any | None:
        """The cached value for ``key`` when there is a fresh one, else None; never computes.

        Cheap enough for an event loop: the async API handlers answer cache hits
        without a trip to the thread pool.
        """
        found = self._fresh(key, self._marker())
        return None if found is None else found.value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _fresh(self, key: Hashable, marker: tuple[int, ...]) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.marker != marker or self._clock() - entry.made_at > self._max_age:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry
