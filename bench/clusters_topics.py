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
(Trump's lawyer falling ill with Covid-19 during the 2020 election dispute), and a few
documents are filed under two topics with the same text (those are copies, not joins).

**The corpus has no dates** (this release dropped them), so every document is ingested
at one instant: the story window, which in a real stream keeps apart stories weeks or
years apart, separates nothing here. That makes this a stress test, harder than a
stream: every Brexit document of three years competes at once.

The documents go through babelwire's pipeline as ``babelwire ingest`` would run them
(extraction, language, near-duplicates, embedding, clustering, entities), into a
temporary database, in a fixed shuffled order so the topics interleave as in a stream:
``babelwire eval topics`` (``evaluation/topics.py``) scores the shipped clusterer this
way. This script also runs the same without the lexical 4-gram term
(``lexical_weight=0``) and any ``--variant`` of the clusterer's parameters, each on its
own database. The texts are embedded once and the vectors reused, so the runs differ
only in the clusterer.

Writes ``bench/results/clusters_topics.json``; needs the benchmark data and says so where
it is missing.

    BABELWIRE_BENCH_DIR=../shared/bench python bench/clusters_topics.py
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from babelwire.errors import BabelwireError
from babelwire.evaluation.entities import resolve_data_dir
from babelwire.evaluation.topics import (
    INSTANT,
    KINDS,
    SEED,
    SIZES,
    TopicDocument,
    cluster_documents,
    load_topic_documents,
    score_decisions,
)
from babelwire.settings import Settings, load_settings
from babelwire.stages.cluster import ClusterParams
from babelwire.stages.embed import Embedder, Kind, Vectors, settings_embedder

RESULTS = Path(__file__).parent / "results" / "clusters_topics.json"


class RememberingEmbedder:
    """An embedder that embeds each text once and gives the same vector every later time."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._known: dict[tuple[str, str], np.ndarray] = {}

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        if any((kind, t) not in self._known for t in texts):
            # the whole chunk, as the pipeline would embed it: the int8 engine scales
            # activations per chunk, so embedding only the new texts would shift them
            vectors = self.inner.embed(texts, kind=kind)
            for text, vector in zip(texts, vectors, strict=True):
                self._known.setdefault((kind, text), vector)
        return np.stack([self._known[(kind, t)] for t in texts])


def _rows(counts: dict[str, Counter[str]], keys: Sequence[str]) -> dict[str, Any]:
    return {key: {"joins": counts[key]["joins"], "wrong_topic": counts[key]["wrong"],
                  "wrong_share": round(counts[key]["wrong"] / counts[key]["joins"], 4)}
            for key in keys if counts[key]["joins"]}


def run(docs: Sequence[TopicDocument], settings: Settings, embedder: Embedder,
        params: ClusterParams) -> dict[str, Any]:
    """Ingest ``docs`` with ``params`` into a fresh database and score the stories."""
    started = time.perf_counter()
    decisions, failed = cluster_documents(docs, settings, embedder, params)
    seconds = time.perf_counter() - started
    got = score_decisions(docs, decisions)
    multi: dict[int, set[str]] = {}
    lang = {d.url: d.lang for d in docs}
    for d in decisions:
        multi.setdefault(d.story_id, set()).add(lang[d.url])
    return {
        "articles": len(decisions), "stories": got["stories"], "seconds": round(seconds, 1),
        "ingest_failed": failed,
        "articles_in_multilingual_stories": sum(1 for d in decisions
                                                if len(multi[d.story_id]) > 1),
        "bcubed_vs_topics": {name: {"precision": round(b.precision, 4),
                                    "recall": round(b.recall, 4)}
                             for name, b in got["bcubed"].items()},
        "joins": _rows({**got["by_kind"], "all": got["total"]}, (*KINDS, "all")),
        "joins_by_story_size": _rows(got["by_size"], [label for label, _lo, _hi in SIZES]),
        "copies": got["copies"],
        "largest_stories": [{"articles": sum(t.values()), "topics": t}
                            for t in got["largest_stories"]],
    }


def show(name: str, result: dict[str, Any]) -> None:
    print(f"\n{name}: {result['articles']} articles in {result['stories']} stories "
          f"({result['seconds']} s)")
    for pairs, b in result["bcubed_vs_topics"].items():
        print(f"  BCubed vs topics, {pairs:15s} precision {b['precision']:.4f}  "
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
    settings = load_settings(env={})
    shipped = ClusterParams(threshold=settings.story_threshold,
                            window_days=settings.story_window_days,
                            keep_days=settings.story_keep_days)
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
    docs = load_topic_documents(root, args.limit)
    embedder = RememberingEmbedder(settings_embedder(settings))
    result: dict[str, Any] = {
        "benchmark": "clusters_topics", "documents": len(docs),
        "topics": dict(Counter(d.topic for d in docs).most_common()),
        "languages": dict(Counter(d.lang for d in docs).most_common()),
        "order": f"shuffled, seed {SEED}", "published": INSTANT, "embedder": embedder.name,
        "configurations": {},
    }
    for name, params in configurations:
        result["configurations"][name] = run(docs, settings, embedder, params)
        show(name, result["configurations"][name])
    result["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
