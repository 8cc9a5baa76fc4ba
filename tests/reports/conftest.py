"""A small database for the digest tests: a fresh multi-language story, an older one, and
an article with a hostile title, ingested through the real pipeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from babelwire.alerts.records import Watch
from babelwire.pipeline import Pipeline
from babelwire.records import FetchedDocument
from babelwire.settings import load_settings
from babelwire.store import open_store

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HOSTILE = '<img src=x onerror="alert(1)"> Dam <b>bursts</b>'

DOCS = [
    ("en", "Northern Wire", NOW - timedelta(hours=3),
     "Chancellor Olaf Scholz visits flooded towns after the Lindenau dam burst",
     "Chancellor Olaf Scholz visited towns flooded when the Lindenau dam burst on Tuesday, "
     "promising federal aid to 4,000 evacuated residents."),
    ("de", "Rheinblatt", NOW - timedelta(hours=2),
     "Bundeskanzler Olaf Scholz besucht Hochwassergebiet nach Dammbruch in Lindenau",
     "Bundeskanzler Olaf Scholz hat die nach dem Dammbruch von Lindenau überfluteten Orte "
     "besucht und 4.000 Evakuierten Bundeshilfe zugesagt."),
    ("fr", "Le Quotidien", NOW - timedelta(hours=1),
     "Le chancelier Olaf Scholz visite les villes inondées après la rupture du barrage",
     "Le chancelier Olaf Scholz s'est rendu dans les villes inondées après la rupture du "
     "barrage de Lindenau, promettant une aide fédérale aux 4 000 évacués."),
    ("en", "Harbour Times", NOW - timedelta(days=5),
     "Port of Kelby opens its new container terminal",
     "The port of Kelby opened a container terminal with room for 1.2 million containers a "
     "year, doubling its capacity after three years of work."),
    ("en", 'Evil "Outlet" <i>', NOW - timedelta(hours=4), HOSTILE,
     "A small dam at Lake Example burst overnight <script>alert(2)</script>, flooding "
     "fields; nobody was hurt, the district office said on Friday."),
]


@pytest.fixture(scope="session")
def report_db(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Path:
    path = tmp_path_factory.mktemp("reports") / "report.db"
    settings = load_settings(env={}, overrides={"db": str(path)})
    docs = [FetchedDocument(location=f"doc:{n}", url=f"https://news{n}.example.org/a/{n}",
                            source=source, fetched_at=NOW, title=title, text=text,
                            published=published, lang=lang)
            for n, (lang, source, published, title, text) in enumerate(DOCS)]
    with open_store(path) as store:
        assert Pipeline(store, settings, embedder=embedder).run(docs).failed == 0
        store.add_watch(Watch(name="scholz", query='entity:"Olaf Scholz"', created_at=NOW))
    return path
