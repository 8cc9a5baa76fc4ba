"""A per-host rate limiter: at least ``interval`` seconds between two requests to one host.

Threads reserve their slot under a lock and sleep outside it, so requests from
many threads to one host are spaced out while other hosts are not held up.
The clock and the sleep function are injectable so tests need not wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["HostRateLimiter"]


class HostRateLimiter:
    """Spaces requests to each host at least ``interval`` seconds apart."""

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = max(0.0, interval)
        self._clock = clock
        self._sleep = sleep
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    @classmethod
    def per_second(
        cls,
        requests_per_second: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> HostRateLimiter:
        """A limiter allowing ``requests_per_second`` to each host (0 or less: no limit)."""
        interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0
        return cls(interval, clock=clock, sleep=sleep)

    def wait(self, host: str, *, interval: float | None = None) -> float:
        """Block until a request to ``host`` may go out; return the seconds waited.

        ``interval`` overrides the default spacing for this host (robots.txt
        ``Crawl-delay``); it is never lower than the limiter's own interval.
        """
        spacing = max(self.interval, interval or 0.0)
        key = host.lower()
        with self._lock:
            now = self._clock()
            start = max(now, self._next_slot.get(key, now))
            self._next_slot[key] = start + spacing
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return max(delay, 0.0)
