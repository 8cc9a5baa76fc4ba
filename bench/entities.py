"""Entity stage speed: articles per second for finding, dating and linking, and with SQLite.

Runs the stage over the bundled sample corpus (131 articles, 17 languages) for a few
rounds, after one warm-up round (the gazetteer is built once, ~1 s, and timed apart).
Reports articles/s for the stage alone (find + dates + link + its periodic merge passes,
no store), per part, the CPU time of one merge pass over every entity, and
with writes to an in-memory SQLite store; optionally also over SlavicNER documents
(longer: ~2,300 characters against the corpus's ~530). Writes
``bench/results/entities.json``.

    python bench/entities.py
    python bench/entities.py --rounds 10 --slavicner /work/shared/bench/slavicner
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_dates import find_dates
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_records import document_text

RESULTS = Path(__file__).parent / "results" / "entities.json"
Doc = tuple[str, str, str, datetime | None]


def sample_corpus() -> list[Doc]:
    text = resources.files("babelwire").joinpath("data/sample_corpus.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(r["title"], r["text"], r["lang"], datetime.fromisoformat(r["published"]))
            for r in rows]


def slavicner_docs(folder: Path, limit: int) -> list[Doc]:
    paths = sorted((folder / "raw").glob("*/*/*.txt"))[:: max(1, 5017 // limit)][:limit]
    docs: list[Doc] = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        title, _, body = raw.partition("\n\n")
        docs.append((title, body, path.parent.name, None))
    return docs


def _rate(docs: list[Doc], rounds: int, run: Any) -> dict[str, float]:
    """Articles per wall-clock second (median and best round) and per CPU second of this
    process (less sensitive to other load on a shared machine)."""
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        for n, doc in enumerate(docs):
            run(n + 1, doc)
        wall.append(len(docs) / (time.perf_counter() - started))
        cpu.append(len(docs) / max(time.process_time() - started_cpu, 1e-9))
    return {"median": round(statistics.median(wall), 1), "best": round(max(wall), 1),
            "per_cpu_second": round(statistics.median(cpu), 1)}


def measure(docs: list[Doc], rounds: int) -> dict[str, Any]:
    stage = EntityStage(None, backend="none")
    for n, (title, text, lang, pub) in enumerate(docs):  # warm-up: caches, stream memory
        stage.analyse(n + 1, title, text, lang, pub, story_id=None)
    linker = stage.linker  # a merge pass over every entity (the worst case; the stage's
    linker.mark_all_changed()  # periodic passes look only at entities changed since the last)
    started = time.process_time()
    merged = linker.merge_pass()
    merge_cpu_ms = (time.process_time() - started) * 1000
    texts = [(document_text(t, x), lang, pub) for t, x, lang, pub in docs]
    out: dict[str, Any] = {
        "articles": len(docs),
        "mean_chars": round(statistics.mean(len(t) for t, _, _ in texts)),
        "merge_pass_all_entities": {"entities": len(linker.entities), "merged": len(merged),
                                    "cpu_ms": round(merge_cpu_ms, 1)},
        "stage_articles_per_s": _rate(docs, rounds, lambda n, d: stage.analyse(
            n, d[0], d[1], d[2], d[3], story_id=None)),
        "find_articles_per_s": _rate(docs, rounds, lambda n, d: stage.finder.find(
            document_text(d[0], d[1]), d[2])),
        "dates_articles_per_s": _rate(docs, rounds, lambda n, d: find_dates(
            document_text(d[0], d[1]), d[2], d[3])),
    }
    return out


def measure_with_store(docs: list[Doc], rounds: int) -> dict[str, float]:
    """Stage plus SQLite writes (articles inserted beforehand, so ids exist)."""
    import numpy as np

    from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
    from babelwire.store import ArticleWrite, SQLiteStore

    store = SQLiteStore(":memory:")
    now = datetime.now(UTC)
    ids = []
    story = store.new_story("bench", now)
    for n, (title, text, lang, pub) in enumerate(docs):
        url = f"https://bench.example/{n}"
        article = Article(url=url, canonical_url=url, title=title, text=text, source="bench",
                          published=pub, fetched_at=now, location=url)
        (aid,) = store.write_batch([ArticleWrite(
            enriched=EnrichedArticle(article=article,
                                     language=Language(code=lang, confidence=1.0),
                                     dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1,)),
                                     embedding=np.ones(4, dtype=np.float32)),
            story_id=story, story_score=1.0)])
        ids.append(aid)
    stage = EntityStage(store, backend="none")
    for aid, (title, text, lang, pub) in zip(ids, docs, strict=True):
        stage.process(aid, title, text, lang, pub)
    result = _rate(docs, rounds, lambda n, d: stage.process(ids[n - 1], d[0], d[1], d[2], d[3]))
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--slavicner", type=Path, default=None,
                        help="SlavicNER folder: also time its (longer) documents")
    parser.add_argument("--slavicner-docs", type=int, default=500)
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer = default_gazetteer()
    build_s = time.perf_counter() - started
    corpus = sample_corpus()
    result: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average": [round(x, 2) for x in os.getloadavg()]},
        "gazetteer": {"forms": len(gazetteer), "build_seconds": round(build_s, 2)},
        "sample_corpus": {**measure(corpus, args.rounds),
                          "with_sqlite_articles_per_s": measure_with_store(corpus, args.rounds)},
        "target_articles_per_s": 300,
    }
    if args.slavicner is not None:
        docs = slavicner_docs(args.slavicner, args.slavicner_docs)
        result["slavicner"] = measure(docs, max(1, args.rounds // 2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
