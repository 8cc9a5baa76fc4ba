"""Entity pages on a first visit: the aggregation's CPU over 100,000 articles, before and after
the counts moved into SQL.

1. The demo database is replicated to ``--articles`` articles by
   :func:`api_load.replicate` (the same 100,000-article database as the load benchmark;
   ``--replicated-db`` keeps it and reuses it when it exists). Opening it applies the
   store's migrations (``0007_entity_page_index`` on a database built before it).
2. For each entity of ``--entities`` (well covered in the demo corpus), the entity page's
   aggregate is built uncached (:func:`babelwire.web.entities.build_entity_detail`, what a
   first visit to ``/entities/{id}`` or ``/api/entities/{id}`` computes before rendering)
   ``--repeat`` times each way, alternating: *python*, every article naming the entity
   read and counted in Python (``coverage_from_articles``, the way before), and *sql*,
   counts per bucket, language, address origin and story from the store
   (``coverage_in_sql``). Both give the same page (checked on every run).
3. CPU time (``time.process_time``: this process only, so other jobs on the machine
   matter less than for wall time) and wall time, minimum and median, go to
   ``bench/results/entity_pages.json``.

    python bench/entity_pages.py [--replicated-db load.db] [--demo-db demo.db]
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
from pathlib import Path
from typing import Any

from api_load import describe, replicate
from babelwire.demo import build_demo
from babelwire.settings import load_settings
from babelwire.store import SQLiteStore, Store
from babelwire.web.entities import (
    EntityCoverage,
    build_entity_detail,
    coverage_from_articles,
    coverage_in_sql,
)

ENTITIES = ("Vietnam", "TGV", "European Central Bank", "Spain", "European Union")
WAYS: dict[str, Callable[[Store, int], EntityCoverage]] = {
    "python": coverage_from_articles, "sql": coverage_in_sql}


def visit(store: Store, entity_id: int, way: str) -> tuple[float, float, Any]:
    """One uncached build of the entity page's aggregate: (CPU ms, wall ms, the result)."""
    cpu, wall = time.process_time(), time.perf_counter()
    detail = build_entity_detail(store, entity_id, coverage=WAYS[way])
    return ((time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000, detail)


def summary(samples: list[float]) -> dict[str, float]:
    return {"min_ms": round(min(samples), 1), "median_ms": round(statistics.median(samples), 1)}


def measure(store: Store, names: list[str], repeat: int) -> dict[str, Any]:
    listing = {e.name: e for e in store.entity_listing(limit=100_000)}
    results: dict[str, Any] = {}
    for name in names:
        entity = listing.get(name)
        if entity is None:
            print(f"{name}: not in this database, skipped", flush=True)
            continue
        for way in WAYS:  # once each untimed: the pages the queries read are then cached
            visit(store, entity.id, way)
        cpu: dict[str, list[float]] = {way: [] for way in WAYS}
        wall: dict[str, list[float]] = {way: [] for way in WAYS}
        found: dict[str, Any] = {}
        for _ in range(repeat):
            for way in WAYS:
                c, w, found[way] = visit(store, entity.id, way)
                cpu[way].append(c)
                wall[way].append(w)
        if found["python"] != found["sql"]:
            raise SystemExit(f"{name}: the two ways gave different pages")
        row = {"id": entity.id, "articles": entity.articles,
               "stories": found["sql"].story_count,
               "buckets": found["sql"].axis.buckets,
               "cpu": {way: summary(cpu[way]) for way in WAYS},
               "wall": {way: summary(wall[way]) for way in WAYS}}
        row["cpu_ratio_median"] = round(row["cpu"]["sql"]["median_ms"]
                                        / row["cpu"]["python"]["median_ms"], 2)
        results[name] = row
        print(f"{name}: {entity.articles} articles, CPU median python "
              f"{row['cpu']['python']['median_ms']} ms -> sql {row['cpu']['sql']['median_ms']} "
              f"ms (min {row['cpu']['python']['min_ms']} -> {row['cpu']['sql']['min_ms']})",
              flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--shift-hours", type=float, default=2.0)
    parser.add_argument("--demo-db", type=Path, default=None,
                        help="an existing demo database (default: build one)")
    parser.add_argument("--replicated-db", type=Path, default=None,
                        help="keep the replicated database here and reuse it when it exists")
    parser.add_argument("--entities", default=",".join(ENTITIES),
                        help="entity names, comma-separated")
    parser.add_argument("--repeat", type=int, default=15, help="uncached builds each way")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" /
                        "entity_pages.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="babelwire-entities-") as tmp:
        work = Path(tmp)
        db_path = args.replicated_db or work / "load.db"
        if args.replicated_db is not None and db_path.exists():
            dataset = describe(db_path)
        else:
            demo = args.demo_db
            if demo is None:
                demo = work / "demo.db"
                print("building the demo database ...", flush=True)
                build_demo(load_settings(env={}, overrides={"db": str(demo)}), fresh=True)
            print(f"replicating to {args.articles} articles ...", flush=True)
            dataset = replicate(demo, db_path, args.articles, args.shift_hours)
        print(json.dumps(dataset), flush=True)
        started = time.perf_counter()
        with SQLiteStore(db_path) as store:
            dataset["open_and_migrate_seconds"] = round(time.perf_counter() - started, 1)
            load_before = os.getloadavg()
            results = measure(store, [n.strip() for n in args.entities.split(",") if n.strip()],
                              args.repeat)
            load_after = os.getloadavg()
    report = {
        "what": "entity page aggregate, built uncached (a first visit), CPU and wall time",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average_before": [round(x, 2) for x in load_before],
                    "load_average_after": [round(x, 2) for x in load_after]},
        "dataset": dataset,
        "ways": {"python": "every article naming the entity read and counted in Python "
                           "(before)",
                 "sql": "counts per bucket, language, address origin and story in SQL "
                        "(Store.entity_span, Store.entity_page_counts)"},
        "repeat": args.repeat,
        "entities": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
