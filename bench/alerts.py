"""Alert rules speed: articles per second through the watch rules, and digest build time.

Copies a babelwire database (``--db``, e.g. the 10,000-article database
``bench/pipeline.py`` builds), adds ``--watches`` watchlists with ``--backfill``
semantics (keywords, phrases with aliases, ``entity:`` and ``lang:`` terms), and
times one full rules pass over every stored article (matching, new-language checks,
burst tests for followed stories, alert writes), then a second pass with nothing
new, cycles that bring 1, 5 and 20 new articles (re-run: their alerts exist, so
this is the matching and burst-test work without the inserts), the delivery
planning, and ``build_digest`` over the whole period. Writes
``bench/results/alerts.json``.

    python bench/alerts.py --db /path/to/bench.db [--watches 10]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from babelwire.alerts.breaking import BurstParams
from babelwire.alerts.planner import plan_deliveries
from babelwire.alerts.rules import AlertRules
from babelwire.alerts.watches import new_watch
from babelwire.reports.digest import build_digest
from babelwire.store import SQLiteStore

RESULTS = Path(__file__).parent / "results" / "alerts.json"
QUERIES = [
    ("floods", "flood OR floods OR inundaciones OR Hochwasser OR inondations", []),
    ("strikes", '"rail strike" OR sciopero', ["rail strike=grève SNCF|Bahnstreik|huelga"]),
    ("elections", "(election OR elections OR Wahl OR élection) NOT football", []),
    ("germany", 'entity:"Germany" OR entity:"Deutschland"', []),
    ("eu", 'entity:"European Union" AND (fine OR fines OR Strafe OR amende)', []),
    ("quake", "earthquake OR Erdbeben OR séisme OR terremoto OR 地震", []),
    ("rates", '"interest rates" OR Leitzins OR "taux directeur"', []),
    ("french", "lang:fr AND (gouvernement OR ministre)", []),
    ("china", 'entity:"China" OR 中国', []),
    ("ukraine", "Ukraine OR Україна OR Украина", []),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="A babelwire database (copied first).")
    parser.add_argument("--watches", type=int, default=len(QUERIES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        shutil.copy(args.db, path)
        store = SQLiteStore(path)
        articles = store.counts()["articles"]
        newest = store.newest_article_time()
        assert newest is not None, "the database has no articles"
        now = newest + timedelta(minutes=1)
        for n in range(args.watches):
            name, query, aliases = QUERIES[n % len(QUERIES)]
            store.add_watch(new_watch(name=f"{name}{n}", query=query, aliases=aliases,
                                      created_at=now))
        rules = AlertRules(store, BurstParams())
        started = time.perf_counter()
        made = rules.run(now)
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = rules.run(now)
        second = time.perf_counter() - started
        cycles = []
        for back in (1, 5, 20):  # the work of a cycle that brings 1, 5 or 20 new articles
            store.set_alert_state("rules.article_id", str(store.max_article_id() - back))
            started = time.perf_counter()
            rules.run(now)
            cycles.append((back, round(time.perf_counter() - started, 3)))
        started = time.perf_counter()
        plan_deliveries(store, now)
        planning = time.perf_counter() - started
        started = time.perf_counter()
        digest = build_digest(store, since=now - timedelta(days=3650), until=now)
        digest_s = time.perf_counter() - started
        store.close()
    result: dict[str, Any] = {
        "articles": articles, "watches": args.watches, "alerts": made,
        "rules_seconds": round(first, 2), "articles_per_second": round(articles / first, 1),
        "idle_cycle_seconds": round(second, 4), "repeat_alerts": again,
        "cycle_seconds_by_new_articles": dict(cycles),
        "planning_seconds": round(planning, 3), "digest_seconds": round(digest_s, 2),
        "digest_top_stories": len(digest.top),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "note": "contended: 2 cores shared with other jobs" if os.environ.get(
            "BENCH_CONTENDED") else "",
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
