"""Connections go to the addresses the policy checked, never to a second DNS answer."""

from __future__ import annotations

import httpcore
import pytest

from babelwire.errors import BlockedAddressError
from babelwire.sources.address_policy import AddressPolicy
from babelwire.sources.http import Fetcher
from babelwire.sources.pinned_network import PinnedBackend, pinned_transport

PAGE = (200, {"Content-Type": "text/plain"}, b"pinned")


def test_a_host_that_rebinds_to_loopback_after_the_check_is_refused(server, make_settings):
    """DNS rebinding: a public answer for the check, loopback for the connection."""
    server.routes["/"] = PAGE
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    url = f"http://rebind.example:{server.port}/"
    fetcher = Fetcher(make_settings(allow_loopback=False, obey_robots=False),
                      resolver=lambda host, port: next(answers))
    with fetcher, pytest.raises(BlockedAddressError) as caught:
        fetcher.fetch(url)
    assert caught.value.location == url
    assert "loopback" in caught.value.reason and "127.0.0.1" in caught.value.reason
    assert server.requests == []


def test_the_connection_uses_our_resolution_and_keeps_the_host_name(server, make_settings):
    server.routes["/a"] = PAGE
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    url = f"http://news.example:{server.port}/a"
    with Fetcher(make_settings(obey_robots=False), resolver=resolve) as fetcher:
        result = fetcher.fetch(url)
    assert result.content == b"pinned"
    assert asked == ["news.example", "news.example"]  # the check, then the connection
    assert server.requests_to("/a")[0].headers["host"] == f"news.example:{server.port}"


def test_an_address_that_refuses_is_skipped_for_the_next(server, make_settings):
    server.routes["/a"] = PAGE
    url = f"http://two.example:{server.port}/a"
    # nothing listens on 127.0.0.2 (loopback, so it refuses at once)
    with Fetcher(make_settings(obey_robots=False),
                 resolver=lambda host, port: ["127.0.0.2", "127.0.0.1"]) as fetcher:
        assert fetcher.fetch(url).content == b"pinned"


def test_the_transport_is_really_pinned():
    transport = pinned_transport(AddressPolicy())
    pool = transport._pool  # type: ignore[attr-defined]
    assert isinstance(pool._network_backend, PinnedBackend)
    assert pool._ssl_context is not None  # certificates are still verified


def test_unix_sockets_are_never_opened():
    with pytest.raises(httpcore.ConnectError, match="TCP only"):
        PinnedBackend(AddressPolicy()).connect_unix_socket("/run/docker.sock")
