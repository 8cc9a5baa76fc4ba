"""robots.txt rules, fetched once per origin and cached.

Status handling follows RFC 9309: a 2xx answer is parsed; a 4xx answer (no
robots.txt) allows everything; a 5xx answer disallows everything for now and
is asked again after ``error_ttl`` seconds. Network failures are not cached:
they propagate as :class:`~babelwire.errors.FetchError`.

The rules are read and matched by :mod:`babelwire.sources.robots_rules`
(RFC 9309: longest match, ``*`` and ``$`` wildcards, ``Crawl-delay``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from babelwire.errors import RobotsDisallowedError
from babelwire.sources.robots_rules import RobotsText

__all__ = ["RobotsCache", "RobotsRules", "robots_url"]

RobotsDownload = Callable[[str], tuple[int, bytes]]
"""Fetches a robots.txt URL and returns ``(status, body)``; raises FetchError when unreachable."""

MAX_CRAWL_DELAY = 30.0
"""Longest Crawl-delay honoured, in seconds; larger values are cut to this."""


def robots_url(url: str) -> str:
    """The robots.txt URL governing ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}/robots.txt"


def product_token(user_agent: str) -> str:
    """The part of a User-Agent that robots.txt groups are matched against (``babelwire``)."""
    return user_agent.split("/", 1)[0].split(" ", 1)[0].strip().lower() or "*"


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The parsed rules of one origin (or a blanket allow/deny when there are none)."""

    source: str
    status: int
    parser: RobotsText | None
    allow_all: bool = False

    def allows(self, user_agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.allows(product_token(user_agent), url)

    def crawl_delay(self, user_agent: str) -> float | None:
        """Seconds to leave between requests, from Crawl-delay or Request-rate, capped."""
        if self.parser is None:
            return None
        seconds = self.parser.crawl_delay(product_token(user_agent))
        return min(seconds, MAX_CRAWL_DELAY) if seconds is not None else None


def parse_robots(source: str, status: int, body: bytes) -> RobotsRules:
    """Rules for one robots.txt answer, by RFC 9309's reading of its status."""
    if 200 <= status < 300:
        text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
        return RobotsRules(source, status, RobotsText.parse(text))
    if 400 <= status < 500:
        return RobotsRules(source, status, None, allow_all=True)
    return RobotsRules(source, status, None, allow_all=False)


class RobotsCache:
    """Remembers each origin's robots.txt for ``ttl`` seconds (server errors: ``error_ttl``)."""

    def __init__(
        self,
        user_agent: str,
        download: RobotsDownload,
        *,
        clock: Callable[[], float] = time.monotonic,
        ttl: float = 24 * 3600.0,
        error_ttl: float = 600.0,
    ) -> None:
        self.user_agent = user_agent
        self._download = download
        self._clock = clock
        self._ttl = ttl
        self._error_ttl = error_ttl
        self._rules: dict[str, tuple[float, RobotsRules]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules_for(self, url: str) -> RobotsRules:
        """The rules governing ``url``, downloading robots.txt when not cached."""
        source = robots_url(url)
        with self._lock:
            origin_lock = self._locks.setdefault(source, threading.Lock())
        with origin_lock:
            cached = self._rules.get(source)
            if cached is not None and cached[0] > self._clock():
                return cached[1]
            status, body = self._download(source)
            rules = parse_robots(source, status, body)
            ttl = self._error_ttl if status >= 500 else self._ttl
            self._rules[source] = (self._clock() + ttl, rules)
            return rules

    def check(self, url: str) -> RobotsRules:
        """Raise :class:`RobotsDisallowedError` unless ``url`` may be fetched; return the rules."""
        rules = self.rules_for(url)
        if not rules.allows(self.user_agent, url):
            if rules.parser is None:
                why = (f"{rules.source} answered HTTP {rules.status}; "
                       "treated as disallow-all for now")
            else:
                token = product_token(self.user_agent)
                why = f"{rules.source} disallows it for user agent {token!r}"
            raise RobotsDisallowedError(url, why)
        return rules
