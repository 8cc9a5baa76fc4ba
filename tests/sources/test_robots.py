"""robots.txt parsing and caching, without a network."""

from __future__ import annotations

import pytest

from babelwire.errors import RobotsDisallowedError
from babelwire.sources.robots import RobotsCache, parse_robots, product_token, robots_url

UA = "babelwire/0.1 (+https://example.org; news monitor)"


def test_robots_url_and_token():
    assert robots_url("HTTPS://News.Example:8443/a/b?c") == "https://news.example:8443/robots.txt"
    assert product_token(UA) == "babelwire"


def test_status_meanings():
    assert parse_robots("u", 404, b"").allows(UA, "http://x/a")
    assert parse_robots("u", 403, b"").allows(UA, "http://x/a")
    assert not parse_robots("u", 503, b"").allows(UA, "http://x/a")
    rules = parse_robots("u", 200, b"User-agent: *\nDisallow: /tmp/\n")
    assert rules.allows(UA, "http://x/a")
    assert not rules.allows(UA, "http://x/tmp/a")


def test_crawl_delay_is_capped():
    rules = parse_robots("u", 200, b"User-agent: *\nCrawl-delay: 3600\n")
    assert rules.crawl_delay(UA) == 30.0
    assert parse_robots("u", 200, b"User-agent: *\nRequest-rate: 1/4\n").crawl_delay(UA) == 4.0
    assert parse_robots("u", 404, b"").crawl_delay(UA) is None


def test_cache_downloads_once_per_origin(clock):
    asked: list[str] = []

    def download(url: str) -> tuple[int, bytes]:
        asked.append(url)
        return 200, b"User-agent: *\nDisallow: /no\n"

    cache = RobotsCache(UA, download, clock=clock, ttl=60)
    cache.check("http://a.example/yes")
    cache.check("http://a.example/yes/again")
    with pytest.raises(RobotsDisallowedError):
        cache.check("http://a.example/no")
    cache.check("https://a.example/yes")
    assert asked == ["http://a.example/robots.txt", "https://a.example/robots.txt"]
    clock.now += 61
    cache.check("http://a.example/yes")
    assert len(asked) == 3
