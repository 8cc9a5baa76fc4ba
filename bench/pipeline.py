"""Pipeline throughput: articles/s per stage and end to end, and peak memory.

The bundled sample corpus is replicated to ``--articles`` articles (default
10,000). Replica k is published k weeks later under its own URL, and about half
of its words carry a marker drawn from the replica and the word, so replicas are
neither exact nor near duplicates of each other: every stage does its full work on
every article.
With ``--html`` each article is wrapped in an HTML page so extraction runs
trafilatura and htmldate as it does on crawled pages.

    python bench/pipeline.py [--articles 10000] [--html] [--out bench/results/pipeline.json]
                             [--embedder SPEC] [--max-tokens N] [--note TEXT]

Besides wall-clock seconds, each stage's process CPU seconds (all threads, the
embedder's included) are recorded with the CPU-bound rate they imply
(``cpu_articles_per_s``: articles / CPU seconds, times the cores for the embedder,
whose ONNX Runtime threads use every core; the other stages run in one Python
thread). ``cpu_bound_articles_per_s.sequential_on_all_cores`` is the end-to-end rate
those CPU costs allow on an idle machine with the stages run one after the other as
the pipeline runs them. On a machine shared
with other work the wall-clock figures are slowed by the other load, the CPU ones
much less. ``load_average`` records how busy the machine was.

``reopen``: the database is then opened again, and the seconds until the clusterer's
first decision (for the newest article) are timed as it reads only the members its
story window needs, against reading every stored member first; likewise the first
near-duplicate check, reading the originals of its window against reading every one.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from babelwire.demo import sample_corpus_path
from babelwire.ingest import run_ingest
from babelwire.pipeline import Pipeline, StoredMembers
from babelwire.settings import Settings, load_settings
from babelwire.stages.cluster import StoryClusterer
from babelwire.stages.dedup import NearDuplicateIndex
from babelwire.stages.embed import Embedder
from babelwire.store import open_store
from babelwire.store.fts_query import has_cjk

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>{title}</h1>
{paras}</article><footer>© Example outlet</footer></body></html>"""


def _mutate(text: str, k: int) -> str:
    """Mark about half the words (or, in text without spaces, every fourth character).

    Replica k renames half its vocabulary: a marked word carries a marker of its own,
    drawn from the replica and the word, so a syndicated copy stays a copy of its
    original in its replica while two articles share no marker they did not share as
    words. Words with digits stay as they are, so figures stay figures. (One marker for
    the whole replica made all its articles alike, which no real news is, and turned a
    year such as 2024 into a number such as 202412 shared by the replica.)
    """
    if has_cjk(text):
        return "".join(ch + _marker(k, ch) if i % 4 == 3 else ch for i, ch in enumerate(text))
    out = []
    for word in text.split(" "):
        digest = hashlib.blake2b(f"{k}:{word}".encode(), digest_size=2).digest()
        marked = word and digest[0] < 128 and not any(ch.isdigit() for ch in word)
        out.append(f"{word}{digest[1] % 97}" if marked else word)
    return " ".join(out)


def _marker(k: int, ch: str) -> str:
    return str(hashlib.blake2b(f"{k}:{ch}".encode(), digest_size=1).digest()[0] % 97)


def replicate(rows: list[dict[str, object]], n: int, as_html: bool) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    k = 0
    while len(out) < n:
        for row in rows:
            if len(out) >= n:
                break
            published = datetime.fromisoformat(str(row["published"])) + timedelta(weeks=k)
            title = str(row["title"]) if k == 0 else _mutate(str(row["title"]), k)
            text = str(row["text"]) if k == 0 else _mutate(str(row["text"]), k)
            new: dict[str, object] = {
                "url": f"{row['url']}/r{k}", "title": title, "published": published.isoformat(),
                "source": row["source"],
            }
            if as_html:
                paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
                new["html"] = PAGE.format(lang=row.get("lang", ""), title=html.escape(title),
                                          published=published.isoformat(), paras=paras)
                del new["title"], new["published"]
            else:
                new["text"] = text
            out.append(new)
        k += 1
    return out


def reopen(settings: Settings, embedder: Embedder) -> dict[str, object]:
    """What reopening the benchmark's database costs before the first story decision:
    the clusterer reading the stored members its window needs, against reading every
    stored member up front (as it did before members were read as needed)."""
    with open_store(settings.db) as store:
        members = StoredMembers(store)
        newest = max(store.iter_cluster_members(), key=lambda m: (m.published, m.id))
        _aid, story_id, item = next(m for m in members.of_stories([newest.story_id], ())
                                    if m[0] == newest.id)
        pipeline = Pipeline(store, settings, embedder=embedder)
        started = time.perf_counter()
        lazy = pipeline.clusterer
        lazy_decision = lazy.assign(item, exclude_story=story_id)[:2]
        lazy_seconds = time.perf_counter() - started
        started = time.perf_counter()
        eager = StoryClusterer(lazy.dim, lazy.params, frequencies=lazy.frequencies)
        eager.add_members(members.of_stories({m.story_id for m in store.iter_cluster_members()},
                                             ()))
        eager_decision = eager.assign(item, exclude_story=story_id)[:2]
        eager_seconds = time.perf_counter() - started
        # the near-duplicate check of the newest original, in its window and over every one
        sig = next(s for aid, s in store.iter_minhashes(since=newest.published)
                   if aid == newest.id)
        started = time.perf_counter()
        window = pipeline.dedup.index
        window_match = window.best_match(sig, newest.published)
        window_seconds = time.perf_counter() - started
        started = time.perf_counter()
        every = NearDuplicateIndex(settings.dedup_threshold)
        every.add_many(store.iter_minhashes())
        every_match = every.best_match(sig)
        every_seconds = time.perf_counter() - started
    return {"first_decision_seconds": round(lazy_seconds, 3), "members_read": lazy.loaded,
            "first_decision_seconds_reading_every_member": round(eager_seconds, 3),
            "members_stored": len(eager), "same_decision": lazy_decision == eager_decision,
            "first_copy_check_seconds": round(window_seconds, 3), "originals_read": window.read,
            "first_copy_check_seconds_reading_every_original": round(every_seconds, 3),
            "originals_stored": len(every), "same_copy_verdict": window_match == every_match}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--html", action="store_true", help="Ingest HTML pages, not text.")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--embedder", default=None, help="Embedder spec (default: settings).")
    parser.add_argument("--max-tokens", type=int, default=None,
                        help="Tokens per embedded text (default: settings).")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="Articles per pipeline batch (default: settings).")
    parser.add_argument("--embed-workers", type=int, default=None,
                        help="Embedding worker threads (default: settings; 0 = automatic).")
    parser.add_argument("--note", default="", help="Free text kept in the result, e.g. "
                        "'contended: 6 jobs on 2 cores'.")
    args = parser.parse_args()

    rows = [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()
            if line.strip()]
    data = replicate(rows, args.articles, args.html)
    with tempfile.TemporaryDirectory(prefix="babelwire-bench-") as name:  # gone afterwards
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data), "utf-8")
        overrides: dict[str, object] = {"db": str(tmp / "bench.db")}
        if args.embedder:
            overrides["embedder"] = args.embedder
        if args.max_tokens:
            overrides["embed_max_tokens"] = args.max_tokens
        if args.batch_size:
            overrides["batch_size"] = args.batch_size
        if args.embed_workers is not None:
            overrides["embed_workers"] = args.embed_workers
        settings = load_settings(env={}, overrides=overrides)
        load_before = os.getloadavg()

        started = time.perf_counter()
        store = open_store(settings.db)
        pipeline = Pipeline(store, settings)
        _ = pipeline.embedder  # load the model before timing the stages
        load_seconds = time.perf_counter() - started

        started = time.perf_counter()
        report = run_ingest(settings, store, [str(corpus)], show_progress=sys.stderr.isatty(),
                            pipeline=pipeline)
        total = time.perf_counter() - started
        counts = dict(store.counts())
        store.close()
        reopened = reopen(settings, pipeline.embedder)
        n = len(data)
        cores = os.cpu_count() or 1
        cpu = pipeline.stage_cpu_seconds
        stages = {name: {"seconds": round(sec, 2),
                         "articles_per_s": round(n / sec, 1) if sec else None,
                         "cpu_seconds": round(cpu.get(name, 0.0), 2),
                         "cpu_articles_per_s": (round(n * (cores if name == "embed" else 1)
                                                      / cpu[name], 1) if cpu.get(name) else None)}
                  for name, sec in sorted(pipeline.stage_seconds.items())}
        non_embed_cpu = sum(v for k, v in cpu.items() if k not in {"embed", "write_loop"})
        result = {
            "benchmark": "pipeline",
            "mode": "html" if args.html else "text",
            "articles": n,
            "end_to_end_seconds": round(total, 1),
            "end_to_end_articles_per_s": round(n / total, 1),
            "model_load_seconds": round(load_seconds, 1),
            "cpu_seconds": round(time.process_time(), 1),
            "cpu_bound_articles_per_s": {
                "embed": stages.get("embed", {}).get("cpu_articles_per_s"),
                "all_other_stages": round(n / non_embed_cpu, 1) if non_embed_cpu else None,
                "sequential_on_all_cores": (round(n / (cpu["embed"] / cores + non_embed_cpu), 1)
                                            if cpu.get("embed") else None),
            },
            "load_average": {"before": [round(x, 2) for x in load_before],
                             "after": [round(x, 2) for x in os.getloadavg()]},
            "note": args.note,
            "max_tokens": settings.embed_max_tokens,
            "batch_size": settings.batch_size,
            "embed_workers": pipeline.embedding_plan.workers,
            "onnx_threads": pipeline.embedding_plan.threads,
            "stages": stages,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "embedded": pipeline.embedded,
            # members the clusterer holds at the end (stories ended story_keep_days before the
            # last batch have left memory) and members it read back from the store
            "clusterer_members_held": len(pipeline.clusterer),
            "clusterer_members_read": pipeline.clusterer.loaded,
            # originals the near-duplicate index holds at the end (those dedup_keep_days older
            # than the last batch have left memory) and those it read from the store
            "dedup_originals_held": len(pipeline.dedup.index),
            "dedup_originals_read": pipeline.dedup.index.read,
            "report": {"new": report.new, "duplicates": report.duplicates,
                       "unchanged": report.unchanged, "failed": report.failed},
            "store": counts,
            "reopen": reopened,
            "embedder": pipeline.embedder.name,
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
            "measured_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    out = args.out or Path(__file__).parent / "results" / (
        "pipeline_html.json" if args.html else "pipeline.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
