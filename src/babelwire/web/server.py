"""Running the app: in the foreground for ``babelwire serve`` and ``demo``, or in a thread.

The thread form (:class:`BackgroundServer`) is what the browser tests and the
load benchmark use: it binds 127.0.0.1 on a free port before starting, so the
URL is known at once and no two runs collide.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from babelwire.errors import ServeError
from babelwire.settings import Settings


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        hint = " (choose another with --port)" if exc.errno == errno.EADDRINUSE else ""
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}{hint}") from exc
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/"


def serve(app: FastAPI, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve ``app`` on the bound ``sock`` until interrupted (Ctrl+C)."""
    config = uvicorn.Config(app, log_level=log_level, access_log=False, lifespan="off",
                            timeout_graceful_shutdown=3)
    uvicorn.Server(config).run(sockets=[sock])


class BackgroundServer:
    """``with BackgroundServer(app) as url:`` serves ``app`` on 127.0.0.1 in a thread."""

    def __init__(self, app: FastAPI, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._sock = bind(host, port)
        self.url = url_of(self._sock)
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise ServeError("the test server did not start")
            time.sleep(0.02)
        return self.url

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        with contextlib.suppress(OSError):
            self._sock.close()


def run_dashboard(settings: Settings, *, host: str | None = None, port: int | None = None,
                  any_port_if_busy: bool = False,
                  announce: Callable[[str], None] = print) -> None:
    """Serve the database named by ``settings.db`` until interrupted.

    ``host`` and ``port`` default to the ``serve_host`` and ``serve_port``
    settings. With ``any_port_if_busy`` a busy port is replaced by a free one
    (the demo does this); otherwise it is a :class:`ServeError`. ``announce``
    receives the URL once the socket is bound.
    """
    from babelwire.store import open_store
    from babelwire.web.app import create_app

    host = settings.serve_host if host is None else host
    port = settings.serve_port if port is None else port
    try:
        sock = bind(host, port)
    except ServeError:
        if not any_port_if_busy:
            raise
        sock = bind(host, 0)
    with open_store(settings.db) as store:
        app = create_app(store, settings)
        announce(url_of(sock))
        serve(app, sock)
