"""The polite HTTP client: robots.txt, rate limit, conditional GET, redirects, limits, addresses."""

from __future__ import annotations

import gzip
import socket
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC

import httpx
import pytest

from babelwire.errors import (
    BlockedAddressError,
    FetchError,
    RobotsDisallowedError,
    TooLargeError,
)
from babelwire.settings import Settings
from babelwire.sources.http import Fetcher, MemoryValidatorCache

HTML = b"<html><head><title>t</title></head><body><p>hello</p></body></html>"
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


# -- basics ----------------------------------------------------------------------------


def test_fetch_returns_result_and_sends_honest_user_agent(server, fetcher, make_settings):
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    result = fetcher.fetch(server.url("/a"))
    assert result.status == 200
    assert result.content == HTML
    assert result.url == server.url("/a")
    assert result.content_type == "text/html; charset=utf-8"
    assert result.encoding == "utf-8"
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert not result.not_modified
    assert result.fetched_at.tzinfo is not None
    assert "hello" in result.text()
    page = server.requests_to("/a")[0]
    assert page.headers["user-agent"] == make_settings().user_agent
    assert page.headers["user-agent"].startswith("babelwire/")


def test_non_2xx_is_a_fetch_error_naming_url_and_status(server, fetcher):
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/missing"))
    assert caught.value.location == server.url("/missing")
    assert "404" in caught.value.reason
    assert server.url("/missing") in str(caught.value)


def test_server_error_is_a_fetch_error(server, fetcher):
    server.routes["/boom"] = (503, {}, b"down")
    with pytest.raises(FetchError, match="503"):
        fetcher.fetch(server.url("/boom"))


def test_connection_refused_is_a_fetch_error(fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert caught.value.location.startswith(f"http://127.0.0.1:{port}/")


def test_only_http_and_https(fetcher):
    for url in ("ftp://example.com/file", "file:///etc/passwd", "gopher://x/"):
        with pytest.raises(FetchError, match="scheme"):
            fetcher.fetch(url)


# -- robots.txt ------------------------------------------------------------------------


def test_robots_txt_fetched_once_per_host_and_obeyed(server, fetcher):
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                    b"User-agent: *\nDisallow: /private\n")
    server.routes["/public"] = (200, HTML_TYPE, HTML)
    server.routes["/private/page"] = (200, HTML_TYPE, HTML)
    assert fetcher.fetch(server.url("/public")).status == 200
    with pytest.raises(RobotsDisallowedError) as caught:
        fetcher.fetch(server.url("/private/page"))
    assert caught.value.location == server.url("/private/page")
    assert "robots.txt" in caught.value.reason
    assert fetcher.fetch(server.url("/public")).status == 200
    assert server.paths() == ["/robots.txt", "/public", "/public"]


def test_robots_group_for_our_user_agent(server, fetcher):
    server.routes["/robots.txt"] = (200, {}, b"User-agent: babelwire\nDisallow: /\n\n"
                                             b"User-agent: *\nAllow: /\n")
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    with pytest.raises(RobotsDisallowedError):
        fetcher.fetch(server.url("/a"))
    assert "/a" not in server.paths()


def test_robots_404_allows_everything(server, fetcher):
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    assert fetcher.fetch(server.url("/a")).status == 200
    assert server.paths() == ["/robots.txt", "/a"]


def test_robots_server_error_disallows_for_now(server, fetcher, clock):
    server.routes["/robots.txt"] = (500, {}, b"oops")
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    with pytest.raises(RobotsDisallowedError, match="500"):
        fetcher.fetch(server.url("/a"))
    # Cached for a while, then asked again.
    with pytest.raises(RobotsDisallowedError):
        fetcher.fetch(server.url("/a"))
    assert server.paths() == ["/robots.txt"]
    server.routes["/robots.txt"] = (404, {}, b"")
    clock.now += 3600
    assert fetcher.fetch(server.url("/a")).status == 200


def test_obey_robots_off_skips_robots(server, make_fetcher):
    server.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /\n")
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    fetcher = make_fetcher(obey_robots=False)
    assert fetcher.fetch(server.url("/a")).status == 200
    assert server.paths() == ["/a"]


def test_crawl_delay_spaces_requests(server, make_fetcher, clock):
    server.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 5\n")
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    fetcher = make_fetcher()
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/a"))
    assert clock.sleeps == [1.0, 5.0]


# -- rate limit ------------------------------------------------------------------------


def test_rate_limit_spaces_requests_to_one_host(server, fetcher, clock):
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    server.routes["/b"] = (200, HTML_TYPE, HTML)
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/b"))
    # robots.txt at t=0, /a at t=1, /b at t=2: one second apart, without real waiting.
    assert clock.sleeps == [1.0, 1.0]
    assert clock.now == 2.0


def _mock_fetcher(
    make_settings: Callable[..., Settings],
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    clock=None,
    addresses: dict[str, str] | None = None,
    **overrides,
) -> Fetcher:
    table = addresses or {}

    def resolve(host: str, port: int) -> list[str]:
        return [table.get(host, "93.184.215.14")]  # a public address; nothing is dialled

    kwargs = {"clock": clock, "sleep": clock.sleep} if clock is not None else {}
    return Fetcher(make_settings(**overrides), transport=httpx.MockTransport(handler),
                   resolver=resolve, **kwargs)


def test_rate_limit_is_per_host(make_settings, clock):
    seen: list[tuple[str, str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.url.path, clock.now))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers=HTML_TYPE, content=HTML)

    with _mock_fetcher(make_settings, handler, clock=clock) as fetcher:
        fetcher.fetch("http://a.test/x")
        fetcher.fetch("http://b.test/x")
    assert seen == [("a.test", "/robots.txt", 0.0), ("a.test", "/x", 1.0),
                    ("b.test", "/robots.txt", 1.0), ("b.test", "/x", 2.0)]


# -- conditional GET -------------------------------------------------------------------


def test_conditional_get_and_304(server, make_settings, clock):
    def page(request):
        if request.headers.get("if-none-match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {**HTML_TYPE, "ETag": '"v1"',
                     "Last-Modified": "Wed, 01 May 2024 10:00:00 GMT"}, HTML

    server.routes["/a"] = page
    cache = MemoryValidatorCache()
    with Fetcher(make_settings(), validators=cache, clock=clock, sleep=clock.sleep) as fetcher:
        first = fetcher.fetch(server.url("/a"))
        assert first.status == 200 and not first.not_modified
        assert cache.get_validators(server.url("/a")) == ('"v1"', "Wed, 01 May 2024 10:00:00 GMT")
        second = fetcher.fetch(server.url("/a"))
        assert second.not_modified
        assert second.status == 304
        assert second.content == b""
        third = fetcher.fetch(server.url("/a"), conditional=False)
        assert third.status == 200 and third.content == HTML
    sent = server.requests_to("/a")
    assert "if-none-match" not in sent[0].headers
    assert sent[1].headers["if-none-match"] == '"v1"'
    assert sent[1].headers["if-modified-since"] == "Wed, 01 May 2024 10:00:00 GMT"
    assert "if-none-match" not in sent[2].headers


def test_memory_validator_cache():
    cache = MemoryValidatorCache()
    assert cache.get_validators("http://x/") == (None, None)
    cache.put_validators("http://x/", '"e"', None)
    assert cache.get_validators("http://x/") == ('"e"', None)
    cache.put_validators("http://x/", None, None)
    assert cache.get_validators("http://x/") == (None, None)


# -- redirects -------------------------------------------------------------------------


def test_redirect_followed_and_final_url_reported(server, fetcher):
    server.routes["/old"] = (301, {"Location": "/new"}, b"")
    server.routes["/new"] = (200, HTML_TYPE, HTML)
    result = fetcher.fetch(server.url("/old"))
    assert result.url == server.url("/new")
    assert result.requested_url == server.url("/old")
    assert server.paths() == ["/robots.txt", "/old", "/new"]


@pytest.mark.parametrize("target", [
    "http://10.0.0.7/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00::1]/",
    "http://0.0.0.0/",
])
def test_redirect_to_blocked_address_refused(server, fetcher, target):
    server.routes["/go"] = (302, {"Location": target}, b"")
    with pytest.raises(BlockedAddressError) as caught:
        fetcher.fetch(server.url("/go"))
    assert caught.value.location == target


def test_redirect_to_other_scheme_refused(server, fetcher):
    server.routes["/go"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(FetchError, match="scheme"):
        fetcher.fetch(server.url("/go"))


def test_too_many_redirects(server, make_fetcher):
    server.routes["/r1"] = (302, {"Location": "/r2"}, b"")
    server.routes["/r2"] = (302, {"Location": "/r1"}, b"")
    fetcher = make_fetcher(max_redirects=3)
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(server.url("/r1"))
    assert len(server.requests_to("/r1")) + len(server.requests_to("/r2")) == 4


# -- address policy --------------------------------------------------------------------


def test_loopback_refused_by_default(server, make_fetcher):
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    fetcher = make_fetcher(allow_loopback=False)
    for url in (server.url("/a"), f"http://localhost:{server.port}/a"):
        with pytest.raises(BlockedAddressError, match="loopback") as caught:
            fetcher.fetch(url)
        assert caught.value.location == url
    assert server.paths() == []


def test_loopback_allowed_with_allow_loopback(server, make_fetcher):
    server.routes["/a"] = (200, HTML_TYPE, HTML)
    fetcher = make_fetcher(allow_loopback=True)
    assert fetcher.fetch(f"http://localhost:{server.port}/a").status == 200


def test_private_address_needs_allow_private(make_settings):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200 if request.url.path != "/robots.txt" else 404,
                              headers=HTML_TYPE, content=HTML)

    addresses = {"intranet.test": "192.168.1.5"}
    with _mock_fetcher(make_settings, handler, addresses=addresses,
                       rate_limit=0.0) as fetcher, pytest.raises(BlockedAddressError,
                                                                 match="allow_private"):
        fetcher.fetch("http://intranet.test/")
    with _mock_fetcher(make_settings, handler, addresses=addresses, rate_limit=0.0,
                       allow_private=True) as fetcher:
        assert fetcher.fetch("http://intranet.test/").status == 200


def test_unresolvable_host_is_a_fetch_error(make_settings):
    def resolve(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    with Fetcher(make_settings(), resolver=resolve,
                 transport=httpx.MockTransport(lambda r: httpx.Response(200))) as fetcher, \
            pytest.raises(FetchError, match="cannot resolve"):
        fetcher.fetch("http://nowhere.invalid/")


# -- size limits -----------------------------------------------------------------------


def test_body_too_large(server, make_fetcher):
    server.routes["/big"] = (200, HTML_TYPE, b"x" * 5000)
    fetcher = make_fetcher(max_body_bytes=1000)
    with pytest.raises(TooLargeError) as caught:
        fetcher.fetch(server.url("/big"))
    assert caught.value.location == server.url("/big")
    assert "1000" in caught.value.reason


def test_body_too_large_without_content_length(make_settings):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        chunks: Iterator[bytes] = iter([b"y" * 600] * 5)
        return httpx.Response(200, headers=HTML_TYPE, content=chunks)

    with _mock_fetcher(make_settings, handler, rate_limit=0.0,
                       max_body_bytes=1000) as fetcher, pytest.raises(TooLargeError):
        fetcher.fetch("http://news.test/stream")


def test_gzip_bomb_is_stopped(server, make_fetcher):
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)
    limit = 1_000_000
    assert len(bomb) < limit // 10  # small on the wire: only the inflated size is too large
    server.routes["/bomb"] = (200, {**HTML_TYPE, "Content-Encoding": "gzip"}, bomb)
    fetcher = make_fetcher(max_body_bytes=limit)
    with pytest.raises(TooLargeError, match="decompression"):
        fetcher.fetch(server.url("/bomb"))


def test_gzip_and_deflate_bodies_are_decoded(make_settings):
    text = b"<html><body>" + b"news " * 2000 + b"</body></html>"
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    bodies = {
        "/gzip": ("gzip", gzip.compress(text)),
        "/twomembers": ("gzip", gzip.compress(text[:100]) + gzip.compress(text[100:])),
        "/zlib": ("deflate", zlib.compress(text)),
        "/raw": ("deflate", raw_deflate.compress(text) + raw_deflate.flush()),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        coding, body = bodies[request.url.path]
        # An iterator keeps httpx from decoding the body itself: the Fetcher does it.
        return httpx.Response(200, headers={**HTML_TYPE, "Content-Encoding": coding},
                              content=iter([body[:50], body[50:]]))

    with _mock_fetcher(make_settings, handler, rate_limit=0.0) as fetcher:
        for path in bodies:
            assert fetcher.fetch(f"http://news.test{path}").content == text, path


def test_corrupt_gzip_is_a_fetch_error(make_settings):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Encoding": "gzip"},
                              content=iter([b"\x1f\x8b\x08\x00garbage-not-deflate"]))

    with _mock_fetcher(make_settings, handler, rate_limit=0.0) as fetcher, \
            pytest.raises(FetchError, match="corrupt gzip"):
        fetcher.fetch("http://news.test/x")


def test_mock_transport_bodies_built_from_bytes_are_size_checked(make_settings):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=HTML_TYPE, content=b"z" * 2000)

    with _mock_fetcher(make_settings, handler, rate_limit=0.0, obey_robots=False,
                       max_body_bytes=1000) as fetcher, pytest.raises(TooLargeError):
        fetcher.fetch("http://news.test/x")


def test_timeout_is_a_fetch_error(make_settings):
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    with _mock_fetcher(make_settings, handler, rate_limit=0.0, obey_robots=False) as fetcher, \
            pytest.raises(FetchError, match="timed out"):
        fetcher.fetch("http://slow.test/")


# -- encodings -------------------------------------------------------------------------


def test_encoding_from_meta_charset(server, fetcher, data_dir):
    body = (data_dir / "page-cp1251.html").read_bytes()
    server.routes["/ru"] = (200, {"Content-Type": "text/html"}, body)
    result = fetcher.fetch(server.url("/ru"))
    assert result.encoding == "cp1251"
    assert "Шторм закрыл гавань" in result.text()


def test_header_charset_wins_over_guessing(server, fetcher):
    body = "<p>Füße</p>".encode("latin-1")
    server.routes["/de"] = (200, {"Content-Type": "text/html; charset=ISO-8859-1"}, body)
    result = fetcher.fetch(server.url("/de"))
    assert result.text() == "<p>Füße</p>"
    assert result.fetched_at.tzinfo == UTC


def test_unreachable_robots_txt_names_the_page(make_settings):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            raise httpx.ConnectError("connection reset", request=request)
        return httpx.Response(200, headers=HTML_TYPE, content=HTML)

    with _mock_fetcher(make_settings, handler, rate_limit=0.0) as fetcher, \
            pytest.raises(FetchError) as caught:
        fetcher.fetch("http://flaky.test/story")
    assert caught.value.location == "http://flaky.test/story"
    assert "http://flaky.test/robots.txt" in caught.value.reason
