"""Shared test fixtures.

For source tests: a local threaded HTTP server, a fake clock, a loopback Fetcher.

Tests use these through fixtures only (``server``, ``clock``, ``make_settings``,
``make_fetcher``, ``fetcher``, ``data_dir``), never by importing this module.
The server serves ``routes`` (path with query -> ``(status, headers, body)``, or a
function of the recorded request returning that) and records every request,
so tests can assert what was sent. Unknown paths answer 404. Nothing here
touches the internet.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from babelwire.settings import Settings, load_settings
from babelwire.sources.http import Fetcher

DATA = Path(__file__).resolve().parent / "data" / "sources"

Reply = tuple[int, dict[str, str], bytes]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    """Header names in lower case."""


Route = Reply | Callable[[RecordedRequest], Reply]


@dataclass
class LocalServer:
    host: str
    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        with self.lock:
            return [request.path for request in self.requests]

    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self.lock:
            return [request for request in self.requests if request.path == path]


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            request = RecordedRequest(
                method="GET", path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
            )
            with server.lock:
                server.requests.append(request)
                route = server.routes.get(self.path)
            if route is None:
                status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
            elif callable(route):
                status, headers, body = route(request)
            else:
                status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "content-length" not in {name.lower() for name in headers}:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer(host="127.0.0.1", port=0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(local))
    httpd.daemon_threads = True
    local.port = int(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield local
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


class FakeClock:
    """A monotonic clock that only moves when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def loopback_settings(**overrides: Any) -> Settings:
    """Defaults (no config file, no environment) plus loopback access and ``overrides``."""
    values: dict[str, Any] = {"allow_loopback": True}
    values.update(overrides)
    return load_settings(env={}, overrides=values)


@pytest.fixture
def make_settings() -> Callable[..., Settings]:
    """``make_settings(**overrides)``: test settings, loopback allowed unless overridden."""
    return loopback_settings


@pytest.fixture
def data_dir() -> Path:
    """tests/data/sources, the fixture files written for these tests."""
    return DATA


@pytest.fixture
def make_fetcher(clock: FakeClock) -> Iterator[Callable[..., Fetcher]]:
    """Build Fetchers on the fake clock; keyword arguments override settings."""
    made: list[Fetcher] = []

    def make(**overrides: Any) -> Fetcher:
        fetcher = Fetcher(loopback_settings(**overrides), clock=clock, sleep=clock.sleep)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def fetcher(make_fetcher: Callable[..., Fetcher]) -> Fetcher:
    return make_fetcher()

@pytest.fixture
def settings(tmp_path) -> Settings:
    return load_settings(env={}, overrides={"db": str(tmp_path / "test.db"),
                                            "allow_loopback": True, "rate_limit": 1000.0})


@pytest.fixture(scope="session")
def embedder():
    """The default embedder, as the settings' defaults load it, once for the whole session."""
    from babelwire.stages.embed import settings_embedder

    return settings_embedder(load_settings(env={}))
