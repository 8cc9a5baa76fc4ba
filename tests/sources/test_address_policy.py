"""Which addresses the fetcher may connect to."""

from __future__ import annotations

import ipaddress

import pytest

from babelwire.errors import BlockedAddressError, FetchError
from babelwire.sources.address_policy import (
    AddressKind,
    AddressPolicy,
    classify_address,
    split_http_url,
)


@pytest.mark.parametrize(("address", "kind"), [
    ("93.184.215.14", AddressKind.PUBLIC),
    ("2606:4700::1", AddressKind.PUBLIC),
    ("127.0.0.1", AddressKind.LOOPBACK),
    ("127.8.9.10", AddressKind.LOOPBACK),
    ("::1", AddressKind.LOOPBACK),
    ("::ffff:127.0.0.1", AddressKind.LOOPBACK),
    ("10.1.2.3", AddressKind.PRIVATE),
    ("172.16.0.1", AddressKind.PRIVATE),
    ("192.168.0.1", AddressKind.PRIVATE),
    ("169.254.169.254", AddressKind.PRIVATE),
    ("fe80::1", AddressKind.PRIVATE),
    ("fd12:3456::1", AddressKind.PRIVATE),
    ("100.64.0.1", AddressKind.PRIVATE),
    ("::ffff:10.0.0.1", AddressKind.PRIVATE),
    ("0.0.0.0", AddressKind.FORBIDDEN),
    ("::", AddressKind.FORBIDDEN),
    ("224.0.0.1", AddressKind.FORBIDDEN),
    ("ff02::1", AddressKind.FORBIDDEN),
    ("240.0.0.1", AddressKind.FORBIDDEN),
])
def test_classify(address, kind):
    assert classify_address(ipaddress.ip_address(address)) is kind


def _resolver(*addresses: str):
    return lambda host, port: list(addresses)


def test_public_host_passes():
    target = AddressPolicy().check("https://news.example/a?b=1", _resolver("93.184.215.14"))
    assert (target.scheme, target.host, target.port) == ("https", "news.example", 443)


def test_every_resolved_address_is_checked():
    with pytest.raises(BlockedAddressError, match=r"10\.0\.0\.5"):
        AddressPolicy().check("http://mixed.example/", _resolver("93.184.215.14", "10.0.0.5"))


def test_loopback_and_private_switches():
    loopback = _resolver("127.0.0.1")
    private = _resolver("192.168.1.1")
    with pytest.raises(BlockedAddressError, match="allow_loopback"):
        AddressPolicy().check("http://here.example/", loopback)
    AddressPolicy(allow_loopback=True).check("http://here.example/", loopback)
    with pytest.raises(BlockedAddressError, match="allow_private"):
        AddressPolicy(allow_loopback=True).check("http://lan.example/", private)
    AddressPolicy(allow_private=True).check("http://lan.example/", private)
    # allow_private does not open loopback, nor the reverse.
    with pytest.raises(BlockedAddressError):
        AddressPolicy(allow_private=True).check("http://here.example/", loopback)


def test_forbidden_even_when_everything_is_allowed():
    policy = AddressPolicy(allow_loopback=True, allow_private=True)
    for url in ("http://0.0.0.0/", "http://224.0.0.1/", "http://[ff02::1]/"):
        with pytest.raises(BlockedAddressError):
            policy.check(url, _resolver())


def test_ip_literals_are_not_resolved():
    def explode(host: str, port: int) -> list[str]:
        raise AssertionError("an IP literal needs no DNS")

    AddressPolicy().check("http://93.184.215.14:8080/", explode)
    with pytest.raises(BlockedAddressError):
        AddressPolicy().check("http://[::1]/", explode)


@pytest.mark.parametrize("url", ["ftp://x.example/", "mailto:a@b.example", "http:///nohost",
                                 "http://x.example:99999/", "//x.example/"])
def test_bad_urls(url):
    with pytest.raises(FetchError) as caught:
        split_http_url(url)
    assert caught.value.location == url


@pytest.mark.parametrize(("url", "problem"), [
    ("http://exa mple.example/feed", "spaces or characters"),
    ("http://exa%20mple.example/", "spaces or characters"),
    ("http://a..b.example/", "empty label"),
    ("http://" + "a" * 64 + ".example/", "a label is over 63"),
    ("http://" + ("a" * 60 + ".") * 5 + "example/", "the most is 253"),
])
def test_host_names_no_dns_could_hold_are_refused(url, problem):
    with pytest.raises(FetchError, match=problem):
        split_http_url(url)


@pytest.mark.parametrize("url", ["http://bücher.example/feed", "http://[2001:db8::1]:8080/x",
                                 "https://news.example./", "http://my_host.example/"])
def test_unusual_but_real_hosts_pass(url):
    assert split_http_url(url).host
