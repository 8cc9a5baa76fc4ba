"""Fixtures for the alert tests: a local webhook receiver, a local SMTP server, and the
sample corpus ingested through the real pipeline, split so tests can add articles later.

``base_db`` holds the sample corpus without the Valencia flood story (``s01``) and
without the last :data:`TAIL` other articles; tests copy it (``alert_env``), add a
watch, ingest ``tail_docs`` (or the flood story re-timed to burst just before
:data:`NOW`) and run the hooks.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from babelwire.demo import sample_corpus_path
from babelwire.pipeline import Pipeline
from babelwire.records import FetchedDocument
from babelwire.settings import Settings, load_settings
from babelwire.store import SQLiteStore, open_store

NOW = datetime(2026, 11, 14, 9, 0, tzinfo=UTC)
FETCHED = datetime(2026, 11, 5, tzinfo=UTC)
TAIL = 30
FLOOD = "s01-flood-valencia"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()]


def _doc(n: int, r: dict[str, Any], published: datetime | None = None) -> FetchedDocument:
    return FetchedDocument(location=f"corpus:{n}", url=r["url"], source=r["source"],
                           fetched_at=FETCHED, title=r["title"], text=r["text"],
                           published=published or datetime.fromisoformat(r["published"]),
                           lang=r.get("lang"))


def _split() -> tuple[list[FetchedDocument], list[FetchedDocument], list[FetchedDocument]]:
    rows = _rows()
    others = [(n, r) for n, r in enumerate(rows) if r["story"] != FLOOD]
    flood = [(n, r) for n, r in enumerate(rows) if r["story"] == FLOOD]
    base = [_doc(n, r) for n, r in others[:-TAIL]]
    tail = [_doc(n, r) for n, r in others[-TAIL:]]
    burst = [_doc(n, r, NOW - timedelta(minutes=4 * (len(flood) - i)))
             for i, (n, r) in enumerate(flood)]
    return base, tail, burst


@pytest.fixture(scope="session")
def corpus_parts() -> tuple[list[FetchedDocument], list[FetchedDocument], list[FetchedDocument]]:
    return _split()


@pytest.fixture(scope="session")
def base_db(tmp_path_factory: pytest.TempPathFactory, embedder: Any,
            corpus_parts: Any) -> Path:
    path = tmp_path_factory.mktemp("alerts") / "base.db"
    settings = load_settings(env={}, overrides={"db": str(path)})
    with open_store(path) as store:
        report = Pipeline(store, settings, embedder=embedder).run(corpus_parts[0])
        assert report.failed == 0
    return path


# -- the local webhook receiver ------------------------------------------------------
@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    status: int

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    port: int = 0
    received: list[Received] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    """path -> how many more requests to answer with HTTP 500."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def to(self, path: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.path == path]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with state.lock:
                failing = state.failures.get(self.path, 0)
                if failing:
                    state.failures[self.path] = failing - 1
                state.received.append(Received(self.path, {k.lower(): v for k, v in
                                                           self.headers.items()}, body,
                                               500 if failing else 204))
            self.send_response(500 if failing else 204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.port = int(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


# -- the local SMTP server ---------------------------------------------------------
@dataclass
class Mailbox:
    port: int
    messages: list[Any] = field(default_factory=list)

    def wait(self, count: int, timeout: float = 5.0) -> list[Any]:
        """Messages, once at least ``count`` arrived (aiosmtpd hands them over a thread)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.messages)


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    from email import message_from_bytes
    from email.policy import default

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # aiosmtpd's start-up check cannot use port 0
        probe.bind(("127.0.0.1", 0))
        box = Mailbox(port=int(probe.getsockname()[1]))

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            box.messages.append(message_from_bytes(envelope.content, policy=default))
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


# -- a copy of the base database with settings and a pipeline ----------------------
@dataclass
class AlertEnv:
    settings: Settings
    store: SQLiteStore
    pipeline: Pipeline


@pytest.fixture
def alert_env(base_db: Path, tmp_path: Path, embedder: Any,
              mailbox: Mailbox) -> Iterator[AlertEnv]:
    path = tmp_path / "alerts.db"
    shutil.copy(base_db, path)
    settings = load_settings(env={}, overrides={
        "db": str(path), "allow_loopback": True, "smtp_host": "127.0.0.1",
        "smtp_port": mailbox.port, "alert_timeout": 2.0, "alert_retry_seconds": 10.0})
    store = SQLiteStore(path)
    yield AlertEnv(settings=settings, store=store,
                   pipeline=Pipeline(store, settings, embedder=embedder))
    store.close()


@pytest.fixture
def run_hooks() -> Callable[[AlertEnv, datetime], None]:
    """Build the hooks afresh (as a restarted monitor would), run them once, close them."""
    from babelwire.alerts import hooks

    def run(env: AlertEnv, now: datetime) -> None:
        made = hooks(env.settings, env.store)
        try:
            for hook in made:
                hook.after_ingest(now)
        finally:
            for hook in made:
                hook.close()

    return run
