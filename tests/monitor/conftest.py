"""Fixtures for the monitor's tests: a news site whose feed changes while a test runs.

``news_site`` publishes articles of the bundled sample corpus (real multilingual
news text) as HTML pages on the local ``server``, and serves an RSS feed of the
newest ones with an ETag, answering 304 to a matching ``If-None-Match``.
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from babelwire.demo import sample_corpus_path
from babelwire.settings import Settings, load_settings

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)


def _corpus() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()]
    return [r for r in rows if not r.get("copy_of")]  # originals only: one stored row each


@dataclass
class NewsSite:
    """One feed at ``feed_path`` on ``server``; :meth:`publish` adds articles to it."""

    server: Any
    feed_path: str = "/feed.xml"
    prefix: str = "news"
    window: int = 30
    offset: int = 0
    """Start at this row of the corpus (two sites with different offsets share no article)."""
    rows: list[dict[str, Any]] = field(default_factory=_corpus)
    published: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.server.routes[self.feed_path] = self._feed

    @property
    def url(self) -> str:
        return self.server.url(self.feed_path)

    def publish(self, count: int = 1) -> list[str]:
        """Put ``count`` more articles on the site and in the feed; return their URLs."""
        urls = []
        with self.lock:
            for _ in range(count):
                number = len(self.published)
                row = self.rows[(number + self.offset) % len(self.rows)]
                path = f"/{self.prefix}/{number}.html"
                self.server.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"},
                                            _page(row, number).encode("utf-8"))
                self.published.append((path, row))
                urls.append(self.server.url(path))
        return urls

    def page_paths(self) -> list[str]:
        with self.lock:
            return [path for path, _ in self.published]

    def _feed(self, request: Any) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            newest = list(enumerate(self.published))[-self.window:]
        items = "".join(
            f"<item><title>{html.escape(row['title'])}</title>"
            f"<link>{self.server.url(path)}</link><guid>{self.prefix}-{n}</guid>"
            f"<pubDate>{format_datetime(T0 + timedelta(minutes=n))}</pubDate></item>"
            for n, (path, row) in reversed(newest))
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Wire {self.prefix}</title><link>{self.server.url('/')}</link>"
                f"<description>test feed</description>{items}</channel></rss>").encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if request.headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": etag}, body


def _page(row: dict[str, Any], number: int) -> str:
    paragraphs = "".join(f"<p>{html.escape(part)}</p>"
                         for part in row["text"].split("\n") if part.strip())
    return (f"<!doctype html><html lang=\"{row['lang']}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(row['title'])}</title></head><body><article>"
            f"<h1>{html.escape(row['title'])}</h1>{paragraphs}</article></body></html>")


@pytest.fixture
def make_site(server: Any) -> Callable[..., NewsSite]:
    """``make_site(feed_path=..., prefix=..., offset=...)``: a news site on ``server``."""
    def make(**kwargs: Any) -> NewsSite:
        return NewsSite(server, **kwargs)

    return make


@pytest.fixture
def monitor_settings(tmp_path: Any) -> Callable[..., Settings]:
    """Settings for a monitor on loopback with fast polls; keyword arguments override."""
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "db": str(tmp_path / "monitor.db"), "allow_loopback": True, "rate_limit": 1000.0,
            "monitor_min_interval": 0.2, "monitor_max_interval": 2.0,
            "monitor_retry_seconds": 0.2, "timeout": 5.0, "monitor_workers": 3,
        }
        values.update(overrides)
        return load_settings(env={}, overrides=values)

    return make
