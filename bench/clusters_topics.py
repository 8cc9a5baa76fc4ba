"""Do stories mix topics? The clusterer on SlavicNER's news, which it was never tuned on.

SlavicNER (``../shared/bench/slavicner``) files each of its documents (news in bg, cs, pl,
ru, sl and uk, in Cyrillic and Latin script) under one of seven topics: asia_bibi, brexit,
covid-19, nord_stream, russia_-_ukraine_war, ryanair, us_election_2020. A topic holds
many stories (the Brexit documents span years), so the topics are no gold stories. A
story that mixes two topics is wrong, but a topic split into many stories is not. What
this measures is therefore **precision**, in two ways:

* **joins**: every article that joined a story was compared with one member of it (the
  evidence's ``nearest_article``); the join is *wrong-topic* when that member is filed
  under another topic. Counted by kind of pair: one language, two languages in one
  script, two scripts. A join is one decision, so this is the clusterer's error rate per
  decision.
* **BCubed precision** of the stories against the topics (overall, over same-language
  and over cross-language article pairs). One wrong join between two large stories costs
  much here, so this shows how far errors snowball.

BCubed recall against the topics is printed too; it only says how coarse the stories
are. A small share of the wrong-topic joins are right: some events belong to two topics
(Trump's Covid-19 infection during the 2020 campaign), and a few documents are filed
under two topics with the same text.

**The corpus has no dates** (this release dropped them), so every document is ingested
at one instant: the story window, which in a real stream keeps apart stories weeks or
years apart, separates nothing here. That makes this a stress test, harder than a
stream: every Brexit document of three years competes at once.

The documents go through babelwire's pipeline as ``babelwire ingest`` would run them
(extraction, language, near-duplicates, embedding, clustering, entities), into a
temporary database, in a fixed shuffled order so the topics interleave as in a stream.
Each configuration runs on its own database: the shipped clusterer, and the same without
the lexical 4-gram term (``lexical_weight=0``). The texts are embedded once and the
vectors reused, so the runs differ only in the clusterer.

Writes ``bench/results/clusters_topics.json``; needs the benchmark data and says so where
it is missing.

    BABELWIRE_BENCH_DIR=../shared/bench python bench/clusters_topics.py
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from babelwire.errors import BabelwireError
from babelwire.evaluation.bcubed import bcubed
from babelwire.evaluation.entities import resolve_data_dir
from babelwire.ingest import run_ingest
from babelwire.pipeline import Pipeline
from babelwire.settings import Settings, load_settings
from babelwire.stages.cluster import ClusterParams
from babelwire.stages.cluster_scripts import same_script
from babelwire.stages.embed import Embedder, Kind, Vectors, settings_embedder
from babelwire.store import open_store

RESULTS = Path(__file__).parent / "results" / "clusters_topics.json"
INSTANT = "2026-01-15T12:00:00+00:00"
"""Every document's publication time: the corpus has none."""
SEED = 1


class RememberingEmbedder:
    """An embedder that embeds each text once and gives the same vector every later time."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._known: dict[tuple[str, str], np.ndarray] = {}

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        missing = list(dict.fromkeys(t for t in texts if (kind, t) not in self._known))
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing, kind=kind), strict=True):
                self._known[(kind, text)] = vector
        return np.stack([self._known[(kind, t)] for t in texts])


def documents(root: Path, limit: int | None) -> list[dict[str, str]]:
    """Every raw document as a babelwire JSONL record, with its topic, shuffled."""
    records = []
    for path in sorted((root / "raw").glob("*/*/*.txt")):
        topic, lang = path.parts[-3], path.parts[-2]
        title, sep, body = path.read_text(encoding="utf-8").partition("\n\n")
        if not sep or "\n" in title.strip():
            title, body = "", title + sep + body
        if not body.strip():
            continue
        records.append({"url": f"https://slavicner.invalid/{topic}/{lang}/{path.stem}",
                        "title": title.strip(), "text": body.strip(), "lang": lang,
                        "source": f"SlavicNER {lang}", "published": INSTANT, "topic": topic})
    random.Random(SEED).shuffle(records)
    return records[:limit] if limit else records


KINDS = ("same language", "one script", "two scripts")
SIZES = (("1", 1, 1), ("2-5", 2, 5), ("6-20", 6, 20), ("21-100", 21, 100),
         ("over 100", 101, sys.maxsize))
"""Buckets of a story's size (members, copies not counted) when an article joined it."""


def kind_of(lang: str, other: str) -> str:
    if lang == other:
        return "same language"
    return "one script" if same_script(lang, other) else "two scripts"


def run(records: list[dict[str, str]], settings: Settings, embedder: Embedder,
        params: ClusterParams) -> dict[str, Any]:
    """Ingest ``records`` with ``params`` into a fresh database and score the stories."""
    topic = {r["url"]: r["topic"] for r in records}
    lang = {r["url"]: r["lang"] for r in records}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="babelwire-topics-") as tmp:
        feed = Path(tmp) / "slavicner.jsonl"
        feed.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "topic"},
                                           ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
        local = settings.replace(db=str(Path(tmp) / "topics.db"))
        with open_store(local.db) as store:
            pipeline = Pipeline(store, local, embedder=embedder, cluster_params=params)
            run_ingest(local, store, [str(feed)], show_progress=True, pipeline=pipeline)
            url_of: dict[int, str] = {}
            story_of: dict[str, int] = {}
            for article in store.articles():
                url_of[article.id] = article.url
                if article.story_id is not None:
                    story_of[article.url] = article.story_id
            decisions = [(m.article.id, m.article.url, story.id, m.evidence)
                         for story in store.stories()
                         for m in store.story_members(story.id)]
    seconds = time.perf_counter() - started

    # a story's size when an article joined it: its members stored before that article
    # (ids grow in storing order; a later merge of a small story is not undone here)
    earlier: dict[int, list[int]] = {}
    for article_id, _url, story_id, evidence in decisions:
        if evidence.get("decision") != "copy":
            earlier.setdefault(story_id, []).append(article_id)
    joins: dict[str, Counter[str]] = {}
    by_size: dict[str, Counter[str]] = {label: Counter() for label, _lo, _hi in SIZES}
    copies = Counter[str]()
    for article_id, url, story_id, evidence in decisions:
        if evidence.get("decision") == "copy":
            copies["copies"] += 1
            original = url_of.get(int(evidence.get("copy_of") or 0))
            copies["of another topic"] += original is not None and topic[original] != topic[url]
        elif evidence.get("decision") == "joined":
            near = url_of[int(evidence["nearest_article"])]
            wrong = topic[near] != topic[url]
            counts = joins.setdefault(kind_of(lang[url], lang[near]), Counter())
            counts["joins"] += 1
            counts["wrong topic"] += wrong
            size = sum(1 for other in earlier[story_id] if other < article_id)
            label = next(label for label, lo, hi in SIZES if lo <= size <= hi)
            by_size[label]["joins"] += 1
            by_size[label]["wrong topic"] += wrong
    total = sum(joins.values(), Counter[str]())
    join_rows = {kind: {"joins": c["joins"], "wrong_topic": c["wrong topic"],
                        "wrong_share": round(c["wrong topic"] / c["joins"], 4)}
                 for kind, c in [*((k, joins.get(k, Counter[str]())) for k in KINDS),
                                 ("all", total)] if c["joins"]}

    size_rows = {label: {"joins": c["joins"], "wrong_topic": c["wrong topic"],
                         "wrong_share": round(c["wrong topic"] / c["joins"], 4)}
                 for label, c in by_size.items() if c["joins"]}

    gold: dict[Hashable, Hashable] = {u: topic[u] for u in story_of}
    pred: dict[Hashable, Hashable] = {u: sid for u, sid in story_of.items()}
    lang_of: dict[Hashable, str] = {u: code for u, code in lang.items()}
    scores = {"overall": bcubed(pred, gold),
              "same-language pairs": bcubed(pred, gold, lambda i, j: lang_of[i] == lang_of[j]),
              "cross-language pairs": bcubed(pred, gold, lambda i, j: lang_of[i] != lang_of[j])}
    members: dict[int, list[str]] = {}
    for url, sid in story_of.items():
        members.setdefault(sid, []).append(url)
    by_size = sorted(members.values(), key=len, reverse=True)
    largest = [{"articles": len(urls),
                "topics": dict(Counter(topic[u] for u in urls).most_common())}
               for urls in by_size[:5]]
    multi = sum(len(urls) for urls in by_size if len({lang[u] for u in urls}) > 1)
    return {
        "articles": len(pred), "stories": len(members), "seconds": round(seconds, 1),
        "articles_in_multilingual_stories": multi,
        "bcubed_vs_topics": {name: {"precision": round(b.precision, 4),
                                    "recall": round(b.recall, 4)}
                             for name, b in scores.items()},
        "joins": join_rows, "joins_by_story_size": size_rows, "copies": dict(copies),
        "largest_stories": largest,
    }


def show(name: str, result: dict[str, Any]) -> None:
    print(f"\n{name}: {result['articles']} articles in {result['stories']} stories "
          f"({result['seconds']} s)")
    for pairs, b in result["bcubed_vs_topics"].items():
        print(f"  BCubed vs topics, {pairs:21s} precision {b['precision']:.4f}  "
              f"(recall {b['recall']:.4f})")
    for kind, row in result["joins"].items():
        print(f"  joins, {kind:14s} {row['joins']:5d}, wrong topic {row['wrong_topic']:4d} "
              f"({row['wrong_share']:.2%})")
    for label, row in result["joins_by_story_size"].items():
        print(f"  joins to stories of {label:8s} {row['joins']:5d}, wrong topic "
              f"{row['wrong_topic']:4d} ({row['wrong_share']:.2%})")
    print(f"  copies: {result['copies']}")
    for story in result["largest_stories"]:
        print(f"  story of {story['articles']}: {story['topics']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", help="the slavicner folder or the bench root "
                                       "(default: $BABELWIRE_BENCH_DIR)")
    parser.add_argument("--limit", type=int, help="only the first N shuffled documents")
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=VALUE[,...]",
                        help="also run the shipped clusterer with these parameters changed "
                             "(repeatable), e.g. cross_script_offset=0.75")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    try:
        root = resolve_data_dir(args.data)
    except BabelwireError as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 1
    records = documents(root, args.limit)
    settings = load_settings(env={})
    embedder = RememberingEmbedder(settings_embedder(settings))
    shipped = ClusterParams(threshold=settings.story_threshold,
                            window_days=settings.story_window_days,
                            keep_days=settings.story_keep_days)
    result: dict[str, Any] = {
        "benchmark": "clusters_topics", "documents": len(records),
        "topics": dict(Counter(r["topic"] for r in records).most_common()),
        "languages": dict(Counter(r["lang"] for r in records).most_common()),
        "order": f"shuffled, seed {SEED}", "published": INSTANT, "embedder": embedder.name,
        "configurations": {},
    }
    configurations = [("shipped", shipped),
                      ("without the lexical term", replace(shipped, lexical_weight=0.0))]
    for variant in args.variant:
        try:
            changes: dict[str, Any] = {k.strip(): float(v) for k, v in
                       (item.split("=", 1) for item in variant.split(","))}
            configurations.append((variant, replace(shipped, **changes)))
        except (ValueError, TypeError) as exc:
            parser.error(f"--variant {variant!r}: expected NAME=NUMBER pairs of ClusterParams "
                         f"fields ({exc})")
    for name, params in configurations:
        result["configurations"][name] = run(records, settings, embedder, params)
        show(name, result["configurations"][name])
    result["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
