"""Does a store-backed linker link as one that holds everything? Linking F1 (LEA) on
SlavicNER's development sample, the 600 training documents the entity rules were chosen
on (every sixth of the training documents both splits share), run five ways:

* no store: one process holding every entity (what ``babelwire eval entities`` runs);
* a store, no limit: entities read back by key (``stages.entities_resident``);
* a store, limit of 300 entities: most of them let go and read back again;
* a store, a new process every 100 documents;
* the same restarts with every spelling and article read back at each start, as before
  the store kept keys (``EntityLinker.load``).

Writes ``bench/results/entity_linker_links.json``; skipped with a message when SlavicNER
is absent.

    python bench/entity_linker_links.py [--slavicner DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babelwire.evaluation.entities import SPLITS, _split_title, lea, load_documents, split_paths
from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_linking import EntityLinker
from babelwire.store import SQLiteStore
from entity_linker import store_article

RESULTS = Path(__file__).parent / "results" / "entity_linker_links.json"


def _run(docs: list[Any], store: SQLiteStore | None, new_stage: Callable[[], EntityStage],
         restart_every: int = 0) -> dict[str, Any]:
    key: dict[tuple[str, str], str] = {}
    response: dict[tuple[str, str], int] = {}
    stage = new_stage()
    for n, doc in enumerate(docs):
        if store is not None and restart_every and n and n % restart_every == 0:
            stage.flush_merges()
            stage = new_stage()
        title, body = _split_title(doc.text)
        aid = (store_article(store, n, title, body, doc.lang, store.new_story(title, None))
               if store is not None else n + 1)
        found = stage.analyse(aid, title, body, doc.lang, None, story_id=n // 5)
        stage.write(found)
        for g in doc.gold:
            key.setdefault((doc.path, fold(g.text)), g.entity)
        for m in found.mentions:
            if m.entity_id is not None:
                response.setdefault((doc.path, fold(m.text)), m.entity_id)
    if store is not None:
        stage.flush_merges()
    else:
        stage.merge_now()

    def final(eid: int) -> int:  # merges made here, then those stored by earlier processes
        eid = stage.linker.resolve(eid)
        while store is not None and (later := store.entity_successor(eid)) is not None:
            eid = later
        return eid

    resident = stage.linker.resident
    return {"linking_f1": lea(key, {u: final(e) for u, e in response.items()})["f1"],
            "entities_read_back": resident.loads if resident else None,
            "trims": resident.trims if resident else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slavicner", type=Path,
                        default=Path(os.environ.get("BABELWIRE_BENCH_DIR",
                                                    Path(__file__).parents[2] / "shared/bench"))
                        / "slavicner")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not (args.slavicner / "raw").is_dir():
        print(f"SlavicNER not found at {args.slavicner}: nothing to measure")
        sys.exit(0)
    shared = set.intersection(*(set(split_paths(args.slavicner, s)[0]) for s in SPLITS))
    docs = list(load_documents(args.slavicner, sorted(shared)[::6][:600]))
    gaz = default_gazetteer()
    report: dict[str, Any] = {"documents": len(docs), "runs": {}}

    def eager(store: SQLiteStore) -> EntityStage:
        stage = EntityStage(store, gazetteer=gaz, backend="none")
        linker = EntityLinker(names=gaz.names.get, first_id=store.next_entity_id())
        linker.load(store.iter_entity_variants(), store.iter_article_entities())
        stage._linker = linker
        return stage

    plans: list[tuple[str, bool, Callable[[SQLiteStore | None], EntityStage], int]] = [
        ("no store", False, lambda s: EntityStage(None, gazetteer=gaz, backend="none"), 0),
        ("store, no limit", True,
         lambda s: EntityStage(s, gazetteer=gaz, backend="none", resident_limit=0), 0),
        ("store, limit 300", True,
         lambda s: EntityStage(s, gazetteer=gaz, backend="none", resident_limit=300), 0),
        ("store, new process every 100", True,
         lambda s: EntityStage(s, gazetteer=gaz, backend="none", resident_limit=0), 100),
        ("read everything back, new process every 100", True,
         lambda s: eager(s), 100),
    ]
    for name, with_store, make, restart in plans:
        with tempfile.TemporaryDirectory(prefix="babelwire-links-") as tmp:
            store = SQLiteStore(Path(tmp) / "l.db") if with_store else None
            started = time.perf_counter()
            run = _run(docs, store, lambda make=make, store=store: make(store), restart)
            run["seconds"] = round(time.perf_counter() - started, 1)
            if store is not None:
                store.close()
        report["runs"][name] = run
        print(name, json.dumps(run), flush=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
