"""Connect only to the addresses the address policy vetted (closes DNS rebinding).

httpx resolves a host name itself when it opens a connection. Checking the
address beforehand is not enough on its own: a hostile DNS server can answer
with a public address for the check and with ``127.0.0.1`` or a cloud metadata
address a moment later, when the client connects. :class:`PinnedBackend` is an
``httpcore`` network backend that does the resolution itself, checks every
address against the :class:`~babelwire.sources.address_policy.AddressPolicy`,
and hands the transport a socket connected to one of those addresses. TLS is
unaffected: httpcore still sends the host name for SNI and checks the
certificate against it, and the ``Host`` header still carries the name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import httpcore
import httpx

from babelwire.sources.address_policy import AddressPolicy, Resolver, system_resolver

__all__ = ["PinnedBackend", "pinned_transport"]

log = logging.getLogger(__name__)


class PinnedBackend(httpcore.NetworkBackend):
    """An httpcore network backend whose TCP connections go to vetted addresses only."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver = system_resolver,
                 inner: httpcore.NetworkBackend | None = None) -> None:
        self.policy = policy
        self.resolver = resolver
        self.inner = inner if inner is not None else httpcore.SyncBackend()

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.policy.vetted_addresses(f"{host}:{port}", host, port, self.resolver)
        error: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses:  # like the system's own client: the next one if one fails
            try:
                return self.inner.connect_tcp(address, port, timeout=timeout,
                                              local_address=local_address,
                                              socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                log.debug("connect to %s (%s) port %d failed: %s", host, address, port, exc)
                error = exc
        assert error is not None  # vetted_addresses never returns an empty list
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("babelwire fetches over TCP only, never a Unix socket")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def pinned_transport(policy: AddressPolicy, resolver: Resolver = system_resolver,
                     ) -> httpx.BaseTransport:
    """An httpx transport (no proxies, TLS verified) whose connections use :class:`PinnedBackend`.

    httpx has no public way to hand its transport a network backend, so the
    connection pool it builds is replaced by one built the same way with ours
    (``tests/sources/test_pinned_network.py`` fails if httpx ever changes that).
    """
    transport = httpx.HTTPTransport(trust_env=False)
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.ConnectionPool):
        log.warning("httpx %s builds no httpcore.ConnectionPool; connections are not pinned "
                    "to the checked addresses", httpx.__version__)
        return transport
    limits = httpx.Limits()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=pool._ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True, http2=False,
        network_backend=PinnedBackend(policy, resolver),
    )
    return transport
