"""Which URLs the fetcher may connect to: http(s) only, and no private networks by default.

A news monitor fetches whatever URLs feeds and sitemaps hand it, so a hostile
feed could point it at ``http://169.254.169.254/`` or a router's admin page.
Every URL, and every redirect hop, is resolved and each address checked here
before a connection is made.

The check runs twice: here, for every hop before it is sent (so the error names
the URL), and again at connect time in :mod:`babelwire.sources.pinned_network`,
which resolves the host once, checks those addresses and connects to one of them,
never resolving it again. A DNS server that answers with a public address first
and a private one a moment later (DNS rebinding) is therefore refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from babelwire.errors import BlockedAddressError, FetchError

__all__ = [
    "AddressKind",
    "AddressPolicy",
    "HttpTarget",
    "Resolver",
    "classify_address",
    "split_http_url",
    "system_resolver",
]

Resolver = Callable[[str, int], Sequence[str]]
"""Maps ``(host, port)`` to the IP addresses (as text) a connection could go to."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressKind(Enum):
    PUBLIC = "public"
    LOOPBACK = "loopback"
    PRIVATE = "private"
    """Private, link-local, and other non-global unicast ranges."""
    FORBIDDEN = "forbidden"
    """Unspecified, multicast and reserved addresses: never fetched."""


@dataclass(frozen=True, kw_only=True, slots=True)
class HttpTarget:
    scheme: str
    host: str
    port: int


_NOT_IN_HOSTS = frozenset(' <>"{}|\\^`%')


def host_problem(host: str) -> str | None:
    """What makes ``host`` (as :func:`urllib.parse.urlsplit` gives it) no host name, if
    anything: no DNS name is over 253 characters or has a label over 63."""
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    if any(c in _NOT_IN_HOSTS or not c.isprintable() for c in host):
        return "it has spaces or characters no host name has"
    if len(host) > 253:
        return f"{len(host)} characters long; the most is 253"
    labels = host.removesuffix(".").split(".")
    if any(not label for label in labels):
        return "it has an empty label ('..')"
    if any(len(label) > 63 for label in labels):
        return "a label is over 63 characters"
    return None


def split_http_url(url: str) -> HttpTarget:
    """Scheme, host and port of an http(s) URL; :class:`FetchError` for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, f"malformed URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(url, f"unsupported URL scheme {scheme or '(none)'!r}; only http and https")
    if not parts.hostname:
        raise FetchError(url, "URL has no host name")
    problem = host_problem(parts.hostname)
    if problem:
        raise FetchError(url[:200], f"malformed host name: {problem}")
    default_port = 443 if scheme == "https" else 80
    return HttpTarget(scheme=scheme, host=parts.hostname.lower(), port=port or default_port)


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve ``host`` with :func:`socket.getaddrinfo` (all families)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def classify_address(address: IPAddress) -> AddressKind:
    """Sort an address into one of the :class:`AddressKind` buckets."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return AddressKind.LOOPBACK
    if address.is_unspecified or address.is_multicast:
        return AddressKind.FORBIDDEN
    if address.is_link_local:
        return AddressKind.PRIVATE
    if address.is_reserved:
        return AddressKind.FORBIDDEN
    if address.is_private or not address.is_global:
        return AddressKind.PRIVATE
    return AddressKind.PUBLIC


@dataclass(frozen=True, kw_only=True, slots=True)
class AddressPolicy:
    """Public addresses always pass; loopback and private ones only when allowed."""

    allow_loopback: bool = False
    allow_private: bool = False

    def allows(self, kind: AddressKind) -> bool:
        if kind is AddressKind.PUBLIC:
            return True
        if kind is AddressKind.LOOPBACK:
            return self.allow_loopback
        if kind is AddressKind.PRIVATE:
            return self.allow_private
        return False

    def check(self, url: str, resolver: Resolver = system_resolver) -> HttpTarget:
        """Raise unless every address ``url``'s host resolves to is allowed."""
        target = split_http_url(url)
        self.vetted_addresses(url, target.host, target.port, resolver)
        return target

    def vetted_addresses(self, location: str, host: str, port: int,
                         resolver: Resolver = system_resolver) -> list[str]:
        """Resolve ``host`` once; return its addresses if policy allows every one, else raise.

        ``location`` names what is being fetched in the error message.
        """
        host = host.strip("[]")
        try:
            addresses: Sequence[str] = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = resolver(host, port)
            except (OSError, UnicodeError) as exc:
                raise FetchError(location, f"cannot resolve host {host!r} ({exc})") from exc
        if not addresses:
            raise FetchError(location, f"host {host!r} resolves to no address")
        vetted = []
        for text in addresses:
            try:
                address = ipaddress.ip_address(text.split("%", 1)[0])
            except ValueError as exc:
                raise FetchError(location,
                                 f"host {host!r} resolved to a bad address {text!r}") from exc
            kind = classify_address(address)
            if not self.allows(kind):
                raise BlockedAddressError(location, _refusal(host, address, kind))
            vetted.append(text)
        return vetted


def _refusal(host: str, address: IPAddress, kind: AddressKind) -> str:
    shown = host if host == str(address) else f"{host} ({address})"
    if kind is AddressKind.LOOPBACK:
        hint = "; set allow_loopback to fetch from this machine"
    elif kind is AddressKind.PRIVATE:
        hint = "; set allow_private to fetch from private networks"
    else:
        hint = ""
    return f"refused to connect to {kind.value} address {shown}{hint}"
