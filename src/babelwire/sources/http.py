"""The one polite HTTP client every network source goes through.

:class:`Fetcher` sends an honest User-Agent, obeys robots.txt, waits between
requests to one host, sends conditional GETs, follows redirects itself so each
hop is checked against the :class:`~babelwire.sources.address_policy.AddressPolicy`
(and connects only to the addresses checked: :mod:`babelwire.sources.pinned_network`),
and caps the body size *after* decompression, so a small gzip cannot inflate
into gigabytes. It returns :class:`FetchResult` records and raises
:class:`~babelwire.errors.FetchError` subclasses that name the URL and the reason.

In tests, pass ``transport=httpx.MockTransport(...)`` (with a ``resolver``), or
point it at a local server with ``allow_loopback=True`` in the settings.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Protocol

import httpx

from babelwire.errors import FetchError, RobotsDisallowedError, TooLargeError
from babelwire.settings import Settings, load_settings
from babelwire.sources.address_policy import (
    AddressPolicy,
    Resolver,
    split_http_url,
    system_resolver,
)
from babelwire.sources.charset import guess_encoding
from babelwire.sources.pinned_network import pinned_transport
from babelwire.sources.rate_limit import HostRateLimiter
from babelwire.sources.robots import RobotsCache

__all__ = ["FetchResult", "Fetcher", "MemoryValidatorCache", "ValidatorCache"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
"""robots.txt is read up to this size and cut there (RFC 9309 asks for at least 500 KiB)."""
_INFLATE_STEP = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," \
          "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8"


class ValidatorCache(Protocol):
    """Where the ETag and Last-Modified of each fetched URL are remembered."""

    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        """``(etag, last_modified)`` remembered for ``url``; ``(None, None)`` when unknown."""
        ...

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Remember the validators of ``url``'s latest full response."""
        ...


class MemoryValidatorCache:
    """A thread-safe in-memory :class:`ValidatorCache` (lost when the process ends)."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str | None, str | None]] = {}
        self._lock = threading.Lock()

    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        with self._lock:
            return self._entries.get(url, (None, None))

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            if etag is None and last_modified is None:
                self._entries.pop(url, None)
            else:
                self._entries[url] = (etag, last_modified)


@dataclass(frozen=True, kw_only=True, slots=True)
class FetchResult:
    """One completed HTTP fetch. ``content`` is decompressed; ``url`` is the final URL."""

    url: str
    requested_url: str
    status: int
    content: bytes
    content_type: str | None
    encoding: str | None
    """The codec to decode ``content`` with (declared, sniffed or guessed); ``None`` if empty."""
    headers: Mapping[str, str]
    """Response headers with lower-case names."""
    not_modified: bool
    """The server answered 304 to a conditional GET: nothing changed, ``content`` is empty."""
    fetched_at: datetime

    def text(self) -> str:
        """``content`` decoded with ``encoding``; bad bytes become U+FFFD."""
        return self.content.decode(self.encoding or "utf-8", errors="replace")


@dataclass(frozen=True, kw_only=True, slots=True)
class _Response:
    url: str
    status: int
    reason: str
    headers: Mapping[str, str]
    content: bytes


class Fetcher:
    """A polite, size-capped, address-checked HTTP client. Thread-safe; close it when done.

    ``transport`` replaces the network (``httpx.MockTransport`` in tests);
    ``resolver`` replaces DNS for the address check; ``clock`` and ``sleep``
    drive the per-host rate limiter and robots.txt cache expiry.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        validators: ValidatorCache | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        resolver: Resolver = system_resolver,
    ) -> None:
        settings = settings if settings is not None else load_settings()
        self.user_agent: str = settings.user_agent
        self.timeout = float(settings.timeout)
        self.max_redirects = int(settings.max_redirects)
        self.max_body_bytes = int(settings.max_body_bytes)
        self.obey_robots = bool(settings.obey_robots)
        self.policy = AddressPolicy(
            allow_loopback=bool(settings.allow_loopback),
            allow_private=bool(settings.allow_private),
        )
        self.validators: ValidatorCache = (
            validators if validators is not None else MemoryValidatorCache()
        )
        self._resolver = resolver
        self._limiter = HostRateLimiter.per_second(float(settings.rate_limit),
                                                   clock=clock, sleep=sleep)
        self._robots = RobotsCache(self.user_agent, self._download_robots, clock=clock)
        if transport is None:
            transport = pinned_transport(self.policy, resolver)
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": self.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, *, conditional: bool = True, max_bytes: int | None = None
    ) -> FetchResult:
        """GET ``url``, following redirects; raise :class:`FetchError` unless the answer is 2xx/304.

        With ``conditional`` the remembered ETag/Last-Modified are sent, and a
        304 answer gives ``FetchResult(not_modified=True, content=b"")``.
        """
        limit = max_bytes if max_bytes is not None else self.max_body_bytes
        old_etag, old_modified = self.validators.get_validators(url)
        headers: dict[str, str] = {}
        if conditional and old_etag:
            headers["If-None-Match"] = old_etag
        if conditional and old_modified:
            headers["If-Modified-Since"] = old_modified
        response = self._follow(url, headers=headers, limit=limit, truncate=False,
                                check_robots=self.obey_robots)
        fetched_at = datetime.now(UTC)
        content_type = response.headers.get("content-type")
        if response.status == 304:
            return FetchResult(url=response.url, requested_url=url, status=304, content=b"",
                               content_type=content_type, encoding=None,
                               headers=response.headers, not_modified=True,
                               fetched_at=fetched_at)
        if not 200 <= response.status < 300:
            via = f" (redirected from {url})" if response.url != url else ""
            raise FetchError(response.url,
                             f"HTTP {response.status} {response.reason}{via}".rstrip())
        etag = response.headers.get("etag")
        modified = response.headers.get("last-modified")
        if (etag, modified) != (old_etag, old_modified):
            self.validators.put_validators(url, etag, modified)
        encoding = (guess_encoding(response.content, declared=content_type)
                    if response.content else None)
        return FetchResult(url=response.url, requested_url=url, status=response.status,
                           content=response.content, content_type=content_type,
                           encoding=encoding, headers=response.headers, not_modified=False,
                           fetched_at=fetched_at)

    # -- internals ---------------------------------------------------------------------

    def _download_robots(self, url: str) -> tuple[int, bytes]:
        response = self._follow(url, headers={}, limit=ROBOTS_MAX_BYTES, truncate=True,
                                check_robots=False)
        return response.status, response.content

    def _robots_delay(self, url: str) -> float | None:
        """Raise unless robots.txt allows ``url``; return its Crawl-delay, if any."""
        try:
            return self._robots.check(url).crawl_delay(self.user_agent)
        except RobotsDisallowedError:
            raise
        except FetchError as exc:  # robots.txt itself could not be fetched: name the page too
            raise type(exc)(url, f"could not read {exc.location}: {exc.reason}") from exc

    def _follow(
        self, url: str, *, headers: Mapping[str, str], limit: int, truncate: bool,
        check_robots: bool,
    ) -> _Response:
        """Send GETs along the redirect chain, checking every hop; return the last answer."""
        current = url
        for hop in range(self.max_redirects + 1):
            target = self.policy.check(current, self._resolver)
            delay = None
            if check_robots:
                delay = self._robots_delay(current)
            self._limiter.wait(target.host, interval=delay)
            response = self._send(current, headers=headers if hop == 0 else {},
                                  limit=limit, truncate=truncate)
            if response.status not in REDIRECT_STATUSES:
                return response
            location = response.headers.get("location")
            if not location:
                raise FetchError(current, f"HTTP {response.status} redirect without a Location")
            try:
                current = str(httpx.URL(current).join(location.strip()))
            except httpx.InvalidURL as exc:
                raise FetchError(current, f"redirect to a malformed URL {location!r}") from exc
            split_http_url(current)
        raise FetchError(url, f"more than {self.max_redirects} redirects (last to {current})")

    def _send(
        self, url: str, *, headers: Mapping[str, str], limit: int, truncate: bool
    ) -> _Response:
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url, headers=dict(headers)) as response:
                names = {k.lower(): v for k, v in response.headers.items()}
                content = b""
                if 200 <= response.status_code < 300:
                    content = _read_body(response, url, limit=limit, truncate=truncate,
                                         deadline=deadline, timeout=self.timeout)
                return _Response(url=url, status=response.status_code,
                                 reason=response.reason_phrase, headers=names, content=content)
        except FetchError as exc:
            if exc.location == url:
                raise
            # refused at connect time (pinned_network): the host now resolves elsewhere
            raise type(exc)(url, exc.reason) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.timeout:g} s "
                                  f"({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"request failed: {exc or type(exc).__name__}") from exc


def _read_body(
    response: httpx.Response, url: str, *, limit: int, truncate: bool, deadline: float,
    timeout: float,
) -> bytes:
    """Stream and decompress the body, stopping at ``limit`` decompressed bytes."""
    if response.is_stream_consumed:
        # Only a transport that built its response from bytes (httpx.MockTransport) gets
        # here: httpx has already read and decoded the body, so only its size is checked.
        if len(response.content) > limit and not truncate:
            raise TooLargeError(url, f"body is over the {limit}-byte limit")
        return response.content[:limit]
    declared = response.headers.get("content-length")
    if not truncate and declared and declared.isdigit() and int(declared) > limit:
        raise TooLargeError(url, f"body of {declared} bytes is over the {limit}-byte limit")
    raw_total = 0

    def raw_chunks() -> Iterator[bytes]:
        nonlocal raw_total
        for chunk in response.iter_raw():
            raw_total += len(chunk)
            if raw_total > limit and not truncate:
                raise TooLargeError(url, f"body is over the {limit}-byte limit")
            if time.monotonic() > deadline:
                raise FetchError(url, f"body took longer than {timeout:g} s to arrive")
            yield chunk

    encoding = response.headers.get("content-encoding", "identity")
    parts: list[bytes] = []
    total = 0
    try:
        for piece in _decode(raw_chunks(), encoding, url):
            if total + len(piece) > limit:
                if not truncate:
                    raise TooLargeError(url, f"body is over the {limit}-byte limit after "
                                             f"decompression ({encoding})")
                parts.append(piece[: limit - total])
                break
            parts.append(piece)
            total += len(piece)
    except zlib.error as exc:
        raise FetchError(url, f"corrupt {encoding} body ({exc})") from exc
    return b"".join(parts)


def _decode(chunks: Iterable[bytes], content_encoding: str, url: str) -> Iterator[bytes]:
    """Undo the Content-Encoding, yielding pieces of at most ``_INFLATE_STEP`` bytes."""
    coding = content_encoding.strip().lower()
    if coding in {"", "identity"}:
        yield from chunks
        return
    if coding in {"gzip", "x-gzip"}:
        yield from _inflate(chunks, 16 + zlib.MAX_WBITS, restart=True)
        return
    if coding == "deflate":
        iterator = iter(chunks)
        first = next(iterator, b"")
        # RFC 9110 says zlib-wrapped, but some servers send raw deflate: look at the header.
        wrapped = len(first) >= 2 and (first[0] & 0x0F) == 8 and \
            ((first[0] << 8) | first[1]) % 31 == 0
        yield from _inflate(_prepend(first, iterator),
                            zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS, restart=False)
        return
    raise FetchError(url, f"unsupported Content-Encoding {content_encoding!r}")


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _inflate(chunks: Iterable[bytes], wbits: int, *, restart: bool) -> Iterator[bytes]:
    """Decompress with bounded output per call; ``restart`` reads concatenated gzip members."""
    inflater = zlib.decompressobj(wbits)
    for chunk in chunks:
        pending = chunk
        while pending:
            out = inflater.decompress(pending, _INFLATE_STEP)
            if out:
                yield out
            if inflater.eof:
                pending = inflater.unused_data
                if not (pending and restart):
                    break  # trailing bytes after the stream are ignored
                inflater = zlib.decompressobj(wbits)
            else:
                pending = inflater.unconsumed_tail
    tail = inflater.flush()
    if tail:
        yield tail
