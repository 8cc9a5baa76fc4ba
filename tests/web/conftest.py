"""Fixtures for the web tests: the sample corpus ingested once, copied per module.

``corpus_db`` builds the demo database once per session with the session
``embedder``; modules that write get their own copy (``web_db``). ``make_app``
builds the app over a store with a fixed clock, so figures do not depend on the
day the tests run.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from babelwire.demo import sample_corpus_path
from babelwire.ingest import run_ingest
from babelwire.pipeline import Pipeline
from babelwire.records import FetchedDocument
from babelwire.settings import Settings, load_settings
from babelwire.store import SQLiteStore, open_store
from babelwire.web import create_app

NOW = datetime(2026, 11, 14, 9, 0, tzinfo=UTC)
"""The tests' wall clock: the day after the sample corpus's newest article."""

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_TEXT = (
    'Officials said the <img src=x onerror="alert(2)"> dam at Lake Hostile-Example burst on '
    "Friday <b>night</b>, flooding 3,200 homes; <a href=\"javascript:alert(3)\">residents</a> "
    "were evacuated to schools and sports halls while engineers inspected the remaining "
    "embankments of the reservoir. <svg onload=alert(4)></svg> Rescue teams worked overnight."
)


def web_settings(path: Path | str, **overrides: Any) -> Settings:
    return load_settings(env={}, overrides={"db": str(path), **overrides})


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Path:
    """The sample corpus, ingested once (the file is closed; copy it to change it)."""
    path = tmp_path_factory.mktemp("web") / "corpus.db"
    settings = web_settings(path)
    with open_store(path) as store:
        pipeline = Pipeline(store, settings, embedder=embedder)
        report = run_ingest(settings, store, [str(sample_corpus_path())], show_progress=False,
                            pipeline=pipeline)
        assert report.failed == 0
    return path


@pytest.fixture(scope="module")
def web_db(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of ``corpus_db`` that one module may change."""
    copy = tmp_path_factory.mktemp("webcopy") / "web.db"
    shutil.copy(corpus_db, copy)
    return copy


@pytest.fixture(scope="module")
def store(web_db: Path) -> Iterator[SQLiteStore]:
    opened = SQLiteStore(web_db)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def make_app(store: SQLiteStore, web_db: Path, embedder: Any) -> Callable[..., FastAPI]:
    """``make_app(**setting_overrides)``: the app over the module's store at :data:`NOW`."""

    def make(**overrides: Any) -> FastAPI:
        return create_app(store, web_settings(web_db, **overrides), embedder=embedder,
                          now=lambda: NOW)

    return make


@pytest.fixture(scope="module")
def client(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(make_app()) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def hostile_story(store: SQLiteStore, web_db: Path, embedder: Any) -> int:
    """Ingest an article with a script for a title and HTML in its text; its story id."""
    hostile = FetchedDocument(
        location="hostile", url="https://hostile-example.com/dam?<script>=1",
        source='Evil "Outlet" <i>', fetched_at=NOW, title=HOSTILE_TITLE, text=HOSTILE_TEXT,
        published=datetime(2026, 11, 13, 13, 0, tzinfo=UTC), lang="en")
    pipeline = Pipeline(store, web_settings(web_db), embedder=embedder)
    assert pipeline.run([hostile]).new == 1
    found = [a for a in store.articles() if a.title == HOSTILE_TITLE]
    assert len(found) == 1 and found[0].story_id is not None
    return found[0].story_id
