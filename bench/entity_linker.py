"""What the entity linker costs when a process starts: it reads every stored spelling and
every article's entities back into memory (``EntityStage.linker``). How does that grow?

Two axes, measured apart:

1. **Articles.** The demo database replicated to ``--articles`` articles
   (:func:`api_load.replicate`, as the load and entity-page benchmarks do; the spellings
   stay the demo's, the mentions grow with the articles). Timed: reading the spellings,
   reading every article's entities and story (the linker's context), and the Python
   heap the loaded linker holds (``tracemalloc``).
2. **Spellings.** SlavicNER's 5,017 documents (``--slavicner``; skipped with a message
   when absent) run through the entity stage with no store, in prefixes of 1/4, 1/2 and
   all of them. The linker's spellings are then loaded into a fresh linker, with the
   key caches emptied, as a new process would find them. Timed per spelling, with the
   heap it holds per spelling.

Writes ``bench/results/entity_linker.json``.

    python bench/entity_linker.py [--articles 100000] [--replicated-db load.db]
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
from pathlib import Path
from typing import Any

from api_load import describe, replicate
from babelwire.demo import build_demo
from babelwire.evaluation.entities import load_documents
from babelwire.settings import load_settings
from babelwire.stages import entities_keys
from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_linking import EntityLinker
from babelwire.stages.entities_records import StoredVariant
from babelwire.store import SQLiteStore

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


def articles_axis(db_path: Path) -> dict[str, Any]:
    gaz = default_gazetteer()
    with SQLiteStore(db_path) as store:
        _clear_key_caches()
        started = time.perf_counter()
        variants = list(store.iter_entity_variants())
        read_variants = time.perf_counter() - started
        started = time.perf_counter()
        articles = list(store.iter_article_entities())
        read_articles = time.perf_counter() - started
        del variants, articles
        linker, seconds, mib = _heap(
            lambda: EntityStage(store, gazetteer=gaz, backend="none").linker)
        return {"articles_with_entities": sum(1 for _ in store.iter_article_entities()),
                "spellings": sum(len(e.variants) for e in linker.entities.values()),
                "entities": len(linker.entities),
                "read_spellings_seconds": round(read_variants, 2),
                "read_article_entities_seconds": round(read_articles, 2),
                "linker_load_seconds": round(seconds, 2),
                "linker_heap_mib": round(mib, 1)}


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
                    "kib_per_spelling": round(mib * 1024 / len(rows), 2)})
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
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    report: dict[str, Any] = {
        "what": "entity linker start-up: reading spellings and article context back",
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
    else:
        print(f"SlavicNER not found at {args.slavicner}: the spellings axis is skipped")
        report["spellings_axis"] = None
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
