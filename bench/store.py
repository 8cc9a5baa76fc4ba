"""Store speed on SQLite and PostgreSQL: writes and the reads the dashboard and API make.

Writes ``--articles`` synthetic articles (sample-corpus texts under new URLs,
random 384-dimension unit embeddings, one story per 5 articles) in batches of
``--batch``, then times full-text search, semantic search, the stories list,
an articles page and story activity. PostgreSQL needs a URL to an empty
database (``--pg`` or ``BABELWIRE_BENCH_POSTGRES_URL``); without one only
SQLite runs. Writes ``bench/results/store.json``.

    python bench/store.py --articles 5000
    python bench/store.py --pg postgresql://me@/bench?host=/tmp/pg

On a busy machine set ``OPENBLAS_NUM_THREADS=1``: a multi-threaded BLAS makes
semantic search's matrix-vector product tens of times slower when cores are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.store import ArticleWrite, Store, display_location, open_store

RESULTS = Path(__file__).parent / "results" / "store.json"
T0 = datetime(2026, 1, 1, tzinfo=UTC)
QUERIES = ("Valencia OR flood", "bank NOT rates", '"central bank"', "president", "台风")


def corpus() -> list[dict[str, Any]]:
    text = resources.files("babelwire").joinpath("data/sample_corpus.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_all(store: Store, rows: list[dict[str, Any]], n: int, batch: int) -> float:
    """Seconds to write ``n`` articles in batches of ``batch``."""
    rng = np.random.default_rng(7)
    started = time.perf_counter()
    story = 0
    for start in range(0, n, batch):
        writes = []
        for i in range(start, min(n, start + batch)):
            row = rows[i % len(rows)]
            when = T0 + timedelta(minutes=7 * i)
            if i % 5 == 0:
                story = store.new_story(row["title"], when)
            vec = rng.standard_normal(384).astype(np.float32)
            url = f"https://bench.example/{i}"
            article = Article(url=url, canonical_url=url, title=row["title"], text=row["text"],
                              source=row["source"], published=when, fetched_at=when,
                              location=url)
            writes.append(ArticleWrite(
                enriched=EnrichedArticle(
                    article=article, language=Language(code=row["lang"], confidence=0.99),
                    dedup=DuplicateCheck(content_hash=f"h{i}",
                                         minhash=tuple(range(i, i + 64))),
                    embedding=vec / np.linalg.norm(vec)),
                story_id=story, story_score=0.9, story_evidence={"decision": "bench"}))
        store.write_batch(writes)
    return time.perf_counter() - started


def per_second(call: Callable[[], object], rounds: int) -> dict[str, float]:
    """Calls per second: median and best of ``rounds`` timed calls (after one warm-up)."""
    call()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return {"median": round(1 / statistics.median(times), 1), "best": round(1 / min(times), 1)}


def run(location: str, n: int, batch: int, rounds: int) -> dict[str, Any]:
    rows = corpus()
    with open_store(location) as store:
        if store.counts()["articles"]:
            raise SystemExit(f"{display_location(location)} is not empty: give an empty database")
        seconds = write_all(store, rows, n, batch)
        vector = np.ones(384, dtype=np.float32) / np.sqrt(384)
        newest = store.newest_article_time() or T0
        reads = {
            "search_text": per_second(
                lambda: [store.search_text(q) for q in QUERIES], rounds),
            "semantic_search": per_second(lambda: store.semantic_search(vector), rounds),
            "stories_top_50": per_second(lambda: store.stories(limit=50), rounds),
            "articles_page_50": per_second(lambda: store.articles_page(limit=50), rounds),
            "story_activity_7d": per_second(
                lambda: store.story_activity(since=newest - timedelta(days=7)), rounds),
        }
        reads["search_text"] = {k: round(v * len(QUERIES), 1)
                                for k, v in reads["search_text"].items()}
    return {"articles": n, "batch": batch, "write_seconds": round(seconds, 2),
            "write_articles_per_s": round(n / seconds, 1), "reads_per_s": reads}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--pg", default=os.environ.get("BABELWIRE_BENCH_POSTGRES_URL"),
                        help="URL of an empty PostgreSQL database")
    args = parser.parse_args()
    results: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(), "load_average": os.getloadavg(),
                    "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS")},
        "note": "search_text counts single queries; semantic search over every article",
    }
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = run(str(Path(tmp) / "bench.db"), args.articles, args.batch,
                                args.rounds)
    print("sqlite", json.dumps(results["sqlite"]))
    if args.pg:
        results["postgres"] = run(args.pg, args.articles, args.batch, args.rounds)
        print("postgres", json.dumps(results["postgres"]))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
