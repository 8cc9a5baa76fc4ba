"""What the entity linker costs when a process starts, and what holding only some
entities costs while it links.

A linker backed by the store (``EntityStage`` with a store; ``stages.entities_resident``)
starts with every entity's kind and the canonical keys, and reads an entity back the first
time an article's names reach it, by the keys kept in ``entity_keys``. Before that, a new
process read every stored spelling and every article's entities back (``EntityLinker.load``,
still used without a store); that is measured too, as the baseline.

1. **Articles.** The demo database replicated to ``--articles`` articles
   (:func:`api_load.replicate`, as the load and entity-page benchmarks do). Timed: the
   one-off computation of every spelling's keys (a database from before the keys), a
   start (``EntityStage.linker``) and the heap it holds (``tracemalloc``), and the first
   article linked after it; against the full read-back.
2. **Spellings.** SlavicNER's 5,017 documents (``--slavicner``; skipped with a message
   when absent) run through the entity stage with no store, in prefixes of 1/4, 1/2 and
   all of them; the spellings are then read back in full into a fresh linker, with the
   key caches emptied. Timed per spelling, with the heap per spelling and per entity.
3. **Linking with a store.** The same documents linked by a store-backed stage writing
   to SQLite, with no limit and with ``--limit`` entities held, against the stage
   with no store: documents per second, entities loaded and let go, and a new process's
   start and first document on the result; and the heap a linker holds per entity after
   linking every fifth document, with the store and without.

Writes ``bench/results/entity_linker.json``.

    python bench/entity_linker.py [--articles 100000] [--replicated-db load.db] [--limit 1000]
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from api_load import describe, replicate
from babelwire.demo import build_demo, sample_corpus_path
from babelwire.evaluation.entities import load_documents
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.settings import load_settings
from babelwire.stages import entities_keys
from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_linking import EntityLinker
from babelwire.stages.entities_records import StoredVariant
from babelwire.stages.entities_resident import ensure_keys
from babelwire.stages.entities_stream import StreamNames
from babelwire.store import ArticleWrite, SQLiteStore

RESULTS = Path(__file__).parent / "results" / "entity_linker.json"


def _clear_key_caches() -> None:
    for value in vars(entities_keys).values():
        if isinstance(value, functools._lru_cache_wrapper):
            value.cache_clear()


def _heap(build: Any) -> tuple[Any, float, float]:
    """(result, seconds, MiB the result holds on the Python heap): timed on a first build
    with cold key caches, measured on a second under ``tracemalloc`` (which slows it)."""
    _clear_key_caches()
    gc.collect()
    started = time.perf_counter()
    build()
    seconds = time.perf_counter() - started
    _clear_key_caches()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = build()
    _clear_key_caches()  # what the caches hold is bounded; the linker's memory is not
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return result, seconds, held / 2**20


def _first_article(stage: EntityStage, title: str, text: str, lang: str) -> dict[str, Any]:
    """The first article linked by a new process, after the one-off tables every process
    builds (given names, the finder's) were built on another text."""
    warm = json.loads(sample_corpus_path().read_text("utf-8").splitlines()[1])
    EntityStage(None, gazetteer=stage.gazetteer, backend="none").analyse(
        1, warm["title"], warm["text"], warm["lang"], None)
    started = time.perf_counter()
    found = stage.analyse(10**9, title, text, lang, None, story_id=None)
    resident = stage.linker.resident
    return {"first_article_seconds": round(time.perf_counter() - started, 3),
            "first_article_mentions": len(found.mentions),
            "entities_loaded_for_it": resident.loads if resident else None}


def articles_axis(db_path: Path) -> dict[str, Any]:
    gaz = default_gazetteer()
    sample = json.loads(sample_corpus_path().read_text("utf-8").splitlines()[0])
    with SQLiteStore(db_path) as store:
        _clear_key_caches()
        started = time.perf_counter()
        variants = list(store.iter_entity_variants())
        read_variants = time.perf_counter() - started
        started = time.perf_counter()
        articles = list(store.iter_article_entities())
        read_articles = time.perf_counter() - started
        del variants, articles
        full, full_seconds, full_mib = _heap(lambda: _read_back(store, gaz))
        store.replace_entity_keys([], "none")  # as a database from before the keys
        _clear_key_caches()
        started = time.perf_counter()
        ensure_keys(store)
        keys_seconds = time.perf_counter() - started
        _, seconds, mib = _heap(
            lambda: EntityStage(store, gazetteer=gaz, backend="none").linker)
        stage = EntityStage(store, gazetteer=gaz, backend="none")
        _clear_key_caches()
        first = _first_article(stage, sample["title"], sample["text"], sample["lang"])
        return {"articles_with_entities": sum(1 for _ in store.iter_article_entities()),
                "spellings": sum(len(e.variants) for e in full.entities.values()),
                "entities": len(full.entities),
                "read_spellings_seconds": round(read_variants, 2),
                "read_article_entities_seconds": round(read_articles, 2),
                "full_read_back_seconds": round(full_seconds, 2),
                "full_read_back_heap_mib": round(full_mib, 1),
                "keys_computed_once_seconds": round(keys_seconds, 2),
                "start_seconds": round(seconds, 3),
                "start_heap_mib": round(mib, 2),
                **first}


def _read_back(store: SQLiteStore, gaz: Any) -> EntityLinker:
    """The linker as a new process built it before keys: every spelling, every article."""
    linker = EntityLinker(names=gaz.names.get)
    linker.load(store.iter_entity_variants(), store.iter_article_entities())
    return linker


def store_axis(folder: Path, limit: int) -> dict[str, Any]:
    """SlavicNER linked by a store-backed stage (writing to SQLite) against no store."""
    paths = sorted(str(p.relative_to(folder)) for p in (folder / "raw").glob("*/*/*.txt"))
    docs = list(load_documents(folder, paths))
    gaz = default_gazetteer()
    out: dict[str, Any] = {"documents": len(docs)}
    alone = EntityStage(None, gazetteer=gaz, backend="none")
    started = time.process_time()
    for number, doc in enumerate(docs, 1):
        title, _, body = doc.text.partition("\n\n")
        alone.analyse(number, title, body, doc.lang, None, story_id=number // 5)
    alone.merge_now()
    out["no_store_docs_per_cpu_second"] = round(len(docs) / (time.process_time() - started), 1)
    out["no_store_entities"] = len(alone.linker.entities)
    del alone
    out["held_heap"] = _held_heap(docs[::5], gaz)
    print(json.dumps(out["held_heap"]), flush=True)
    for held in (0, limit):
        with tempfile.TemporaryDirectory(prefix="babelwire-linker-") as tmp:
            store = SQLiteStore(Path(tmp) / "s.db")
            stage = EntityStage(store, gazetteer=gaz, backend="none", resident_limit=held)
            rows = _article_rows(store, docs)
            started = time.process_time()
            wall = time.perf_counter()
            for aid, (title, body, lang) in rows:
                stage.process(aid, title, body, lang, None)
            stage.flush_merges()
            cpu = time.process_time() - started
            resident = stage.linker.resident
            assert resident is not None
            run = {"limit": held, "docs_per_cpu_second": round(len(docs) / cpu, 1),
                   "docs_per_second": round(len(docs) / (time.perf_counter() - wall), 1),
                   "entities_stored": sum(1 for _ in store.entity_directory()),
                   "entities_held_at_end": len(stage.linker.entities),
                   "entities_loaded": resident.loads, "times_let_go": resident.trims}
            del stage
            _, seconds, mib = _heap(lambda store=store: EntityStage(
                store, gazetteer=gaz, backend="none").linker)
            fresh = EntityStage(store, gazetteer=gaz, backend="none")
            title, _, body = docs[-1].text.partition("\n\n")
            run.update({"new_process_start_seconds": round(seconds, 3),
                        "new_process_heap_mib": round(mib, 2),
                        **_first_article(fresh, title, body, docs[-1].lang)})
            store.close()
        out[f"limit_{held}"] = run
        print(json.dumps(run), flush=True)
    return out


def _held_heap(docs: list[Any], gaz: Any) -> dict[str, Any]:
    """The heap a store-backed linker holds per entity after linking ``docs`` (spellings,
    context, stories, indexes and the keys it asked the store), against one with no
    store; the process-wide tables (given names, country adjectives) are built first."""
    def link(stage: EntityStage, rows: list[tuple[int, tuple[str, str, str]]]) -> None:
        for aid, (title, body, lang) in rows:
            stage.process(aid, title, body, lang, None)
        stage.flush_merges()

    out: dict[str, Any] = {"documents": len(docs)}
    with tempfile.TemporaryDirectory(prefix="babelwire-linker-") as tmp:
        numbered = [(n, (d.text.partition("\n\n")[0], d.text.partition("\n\n")[2], d.lang))
                    for n, d in enumerate(docs, 1)]
        link(EntityStage(None, gazetteer=gaz, backend="none"), numbered)  # the tables
        for name in ("store", "no_store"):
            store = SQLiteStore(Path(tmp) / f"{name}.db") if name == "store" else None
            rows = _article_rows(store, docs) if store is not None else numbered
            _clear_key_caches()
            gc.collect()
            tracemalloc.start()
            before = tracemalloc.get_traced_memory()[0]
            stage = EntityStage(store, gazetteer=gaz, backend="none")
            link(stage, rows)
            stage._finder = None  # the finder's tables and the stream's names are the
            stage.stream = StreamNames()  # stage's, not the linker's
            _clear_key_caches()
            gc.collect()
            held = tracemalloc.get_traced_memory()[0] - before
            tracemalloc.stop()
            entities = len(stage.linker.entities)
            out[name] = {"entities": entities, "heap_mib": round(held / 2**20, 2),
                         "kib_per_entity": round(held / 1024 / entities, 2)}
            if store is not None:
                store.close()
    return out


def store_article(store: SQLiteStore, number: int, title: str, body: str, lang: str,
                  story: int) -> int:
    """One article row for a benchmark document (its mentions refer to it); its id."""
    url = f"https://slavicner.example/{number}"
    article = Article(url=url, canonical_url=url, title=title, text=body, source="x",
                      published=None, fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
                      location=url)
    enriched = EnrichedArticle(article=article, language=Language(code=lang, confidence=1.0),
                               dedup=DuplicateCheck(content_hash=f"h{number}", minhash=(1, 2)),
                               embedding=np.ones(4, dtype=np.float32))
    (aid,) = store.write_batch([ArticleWrite(enriched=enriched, story_id=story,
                                             story_score=1.0)])
    return aid


def _article_rows(store: SQLiteStore,
                  docs: list[Any]) -> list[tuple[int, tuple[str, str, str]]]:
    """Store one article row per document; five a story."""
    rows = []
    story = 0
    for number, doc in enumerate(docs):
        title, _, body = doc.text.partition("\n\n")
        if number % 5 == 0:
            story = store.new_story(title, None)
        rows.append((store_article(store, number, title, body, doc.lang, story),
                     (title, body, doc.lang)))
    return rows


def spellings_axis(folder: Path) -> list[dict[str, Any]]:
    paths = sorted(str(p.relative_to(folder)) for p in (folder / "raw").glob("*/*/*.txt"))
    docs = list(load_documents(folder, paths))
    gaz = default_gazetteer()
    out = []
    for share in (4, 2, 1):
        part = docs[: len(docs) // share]
        stage = EntityStage(None, gazetteer=gaz, backend="none")
        for number, doc in enumerate(part, 1):
            title, _, body = doc.text.partition("\n\n")
            stage.analyse(number, title, body, doc.lang, None, story_id=number // 5)
        stage.merge_now()
        rows = [StoredVariant(entity=e.record, text=text, lang=lang, count=n)
                for e in stage.linker.entities.values() for (text, lang), n in e.variants.items()]
        del stage
        linker, seconds, mib = _heap(lambda rows=rows: _loaded(rows))
        out.append({"documents": len(part), "entities": len(linker.entities),
                    "spellings": len(rows), "load_seconds": round(seconds, 3),
                    "microseconds_per_spelling": round(seconds / len(rows) * 1e6, 1),
                    "heap_mib": round(mib, 1),
                    "kib_per_spelling": round(mib * 1024 / len(rows), 2),
                    "kib_per_entity": round(mib * 1024 / len(linker.entities), 2)})
        print(json.dumps(out[-1]), flush=True)
    return out


def _loaded(rows: list[StoredVariant]) -> EntityLinker:
    linker = EntityLinker()
    linker.load(rows)
    return linker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--shift-hours", type=float, default=2.0)
    parser.add_argument("--replicated-db", type=Path, default=None,
                        help="keep the replicated database here and reuse it when it exists")
    parser.add_argument("--slavicner", type=Path,
                        default=Path(os.environ.get("BABELWIRE_BENCH_DIR",
                                                    Path(__file__).parents[2] / "shared/bench"))
                        / "slavicner")
    parser.add_argument("--limit", type=int, default=1000,
                        help="entities held in the limited run of the store axis")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    report: dict[str, Any] = {
        "what": "entity linker start-up (store-backed, and reading everything back) and "
                "linking with a store",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average_before": [round(x, 2) for x in os.getloadavg()]}}
    with tempfile.TemporaryDirectory(prefix="babelwire-linker-") as tmp:
        work = Path(tmp)
        db_path = args.replicated_db or work / "load.db"
        if args.replicated_db is not None and db_path.exists():
            dataset = describe(db_path)
        else:
            demo = work / "demo.db"
            print("building the demo database ...", flush=True)
            build_demo(load_settings(env={}, overrides={"db": str(demo)}), fresh=True)
            print(f"replicating to {args.articles} articles ...", flush=True)
            dataset = replicate(demo, db_path, args.articles, args.shift_hours)
        report["articles_axis"] = {"dataset": dataset, **articles_axis(db_path)}
        print(json.dumps(report["articles_axis"]), flush=True)
    if (args.slavicner / "raw").is_dir():
        report["spellings_axis"] = spellings_axis(args.slavicner)
        report["store_axis"] = store_axis(args.slavicner, args.limit)
    else:
        print(f"SlavicNER not found at {args.slavicner}: the spellings and store axes "
              "are skipped")
        report["spellings_axis"] = report["store_axis"] = None
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
