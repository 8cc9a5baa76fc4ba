"""Do stories mix topics? The clusterer out of sample, on SlavicNER (task ``topics``).

SlavicNER (the entity benchmark, ``../shared/bench/slavicner``) files each of its news
documents (bg, cs, pl, ru, sl, uk; Cyrillic and Latin script) under one of seven topics.
A topic holds many stories (the Brexit documents span years), so the topics are no gold
stories: a story that mixes two topics is wrong, a topic split into many stories is not.
So this task measures precision, in two ways:

* **joins**: every article that joined a story was compared with one member of it (its
  evidence's ``nearest_article``); the join stays *within the topic* when that member is
  filed under the article's topic. ``join_precision`` is the share of joins that do,
  overall, by kind of pair (one language, two languages in one script, two scripts) and
  by the story's size when the article joined it (its members stored before the
  article; a later merge of a small story is not undone).
* **BCubed precision** of the stories against the topics (``bcubed_precision``), over
  all, same-language and cross-language article pairs. One wrong join between two
  large stories costs much here, so it shows how far errors spread. BCubed recall is
  reported too; it only says how coarse the stories are.

The corpus has no dates, so every document gets one publication time: the story window,
which in a stream keeps apart reports weeks or years apart, separates nothing. That makes
this a stress test, harder than a stream. The documents go through babelwire's pipeline
as ``babelwire ingest`` would run them, into a temporary database, in a fixed shuffled
order so that the topics interleave; ``limit`` keeps the first N of that order.

Near-duplicates are not joins: the deduplicator puts a copy in its original's story
without a clustering decision; they are counted apart.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babelwire.evaluation.bcubed import bcubed
from babelwire.evaluation.report import EvalResult, Row, Table
from babelwire.stages.cluster_scripts import same_script

if TYPE_CHECKING:
    from babelwire.settings import Settings
    from babelwire.stages.cluster import ClusterParams
    from babelwire.stages.embed import Embedder

INSTANT = "2026-01-15T12:00:00+00:00"
"""Every document's publication time: the corpus has none."""
SEED = 1
"""Seed of the shuffle that interleaves the topics."""
KINDS = ("same language", "one script", "two scripts")
SIZES = (("1", 1, 1), ("2-5", 2, 5), ("6-20", 6, 20), ("21-100", 21, 100),
         ("over 100", 101, sys.maxsize))
"""Buckets of a story's size (members, copies not counted) when an article joined it."""


@dataclass(frozen=True, kw_only=True, slots=True)
class TopicDocument:
    url: str
    title: str
    text: str
    lang: str
    topic: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Decision:
    """One stored article's clustering decision, as the store gives it back."""

    article_id: int
    url: str
    story_id: int
    evidence: dict[str, Any]


def load_topic_documents(root: Path, limit: int | None = None, *,
                         seed: int = SEED) -> list[TopicDocument]:
    """SlavicNER's ``raw/<topic>/<lang>/<doc>.txt`` files, shuffled with ``seed``."""
    docs = []
    for path in sorted((root / "raw").glob("*/*/*.txt")):
        topic, lang = path.parts[-3], path.parts[-2]
        title, sep, body = path.read_text(encoding="utf-8").partition("\n\n")
        if not sep or "\n" in title.strip():
            title, body = "", title + sep + body
        if body.strip():
            docs.append(TopicDocument(url=f"https://slavicner.invalid/{topic}/{lang}/{path.stem}",
                                      title=title.strip(), text=body.strip(), lang=lang,
                                      topic=topic))
    random.Random(seed).shuffle(docs)
    return docs[:limit] if limit else docs


def kind_of(lang: str, other: str) -> str:
    """The kind of a pair of languages: one of :data:`KINDS`."""
    if lang == other:
        return KINDS[0]
    return KINDS[1] if same_script(lang, other) else KINDS[2]


def cluster_documents(docs: Sequence[TopicDocument], settings: Settings,
                      embedder: Embedder | None = None,
                      params: ClusterParams | None = None) -> tuple[list[Decision], int]:
    """Ingest ``docs`` into a throw-away database: (every article's decision, failures)."""
    from babelwire.ingest import run_ingest
    from babelwire.pipeline import Pipeline
    from babelwire.store import open_store

    with tempfile.TemporaryDirectory(prefix="babelwire-topics-") as tmp:
        feed = Path(tmp) / "documents.jsonl"
        feed.write_text("".join(
            json.dumps({"url": d.url, "title": d.title, "text": d.text, "lang": d.lang,
                        "source": f"SlavicNER {d.lang}", "published": INSTANT},
                       ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        local = settings.replace(db=str(Path(tmp) / "topics.db"))
        with open_store(local.db) as store:
            pipeline = Pipeline(store, local, embedder=embedder, cluster_params=params)
            report = run_ingest(local, store, [str(feed)], show_progress=False,
                                pipeline=pipeline)
            decisions = [Decision(article_id=m.article.id, url=m.article.url,
                                  story_id=story.id, evidence=dict(m.evidence))
                         for story in store.stories()
                         for m in store.story_members(story.id)]
    return decisions, report.failed


def _within(counts: Counter[str]) -> float | None:
    """The share of ``counts``' joins that stayed within their topic (None: no joins)."""
    return (counts["joins"] - counts["wrong"]) / counts["joins"] if counts["joins"] else None


def _precision_row(key: str, counts: Counter[str]) -> Row:
    return Row(key=key, n=counts["joins"], values={"join_precision": _within(counts),
                                                   "wrong_topic": counts["wrong"]})


def score_decisions(docs: Sequence[TopicDocument],
                    decisions: Sequence[Decision]) -> dict[str, Any]:
    """Join precision (by kind of pair and story size), BCubed against topics, copies."""
    topic = {d.url: d.topic for d in docs}
    lang = {d.url: d.lang for d in docs}
    url_of = {d.article_id: d.url for d in decisions}
    members: dict[int, list[int]] = {}
    for d in decisions:
        if d.evidence.get("decision") != "copy":
            members.setdefault(d.story_id, []).append(d.article_id)
    by_kind: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    by_size: dict[str, Counter[str]] = {label: Counter() for label, _lo, _hi in SIZES}
    copies = Counter[str]()
    for d in decisions:
        decision = d.evidence.get("decision")
        if decision == "copy":
            copies["copies"] += 1
            original = url_of.get(int(d.evidence.get("copy_of") or 0))
            copies["of another topic"] += original is not None and topic[original] != topic[d.url]
        elif decision == "joined":
            near = url_of[int(d.evidence["nearest_article"])]
            wrong = topic[near] != topic[d.url]
            size = sum(1 for other in members[d.story_id] if other < d.article_id)
            label = next(label for label, lo, hi in SIZES if lo <= size <= hi)
            for counts in (by_kind[kind_of(lang[d.url], lang[near])], by_size[label]):
                counts["joins"] += 1
                counts["wrong"] += wrong
    total = sum(by_kind.values(), Counter[str]())
    stories: dict[Hashable, Hashable] = {d.url: d.story_id for d in decisions}
    gold: dict[Hashable, Hashable] = {d.url: topic[d.url] for d in decisions}
    langs: dict[Hashable, str] = {d.url: lang[d.url] for d in decisions}
    scores = {"overall": bcubed(stories, gold),
              "same-language": bcubed(stories, gold, lambda i, j: langs[i] == langs[j]),
              "cross-language": bcubed(stories, gold, lambda i, j: langs[i] != langs[j])}
    sizes = sorted((ids for ids in members.values()), key=len, reverse=True)
    largest = [dict(Counter(topic[url_of[i]] for i in ids).most_common()) for ids in sizes[:5]]
    return {"by_kind": by_kind, "by_size": by_size, "total": total, "bcubed": scores,
            "copies": dict(copies), "stories": len(set(stories.values())),
            "largest_stories": largest}


def evaluate_topics(data: str | Path | None = None, *, limit: int | None = None,
                    settings: Settings | None = None, embedder: Embedder | None = None,
                    params: ClusterParams | None = None, seed: int = SEED) -> EvalResult:
    """Cluster SlavicNER's documents with babelwire's pipeline and score them by topic.

    ``seed`` picks another order (and, with ``limit``, another subset) of the documents.
    """
    from babelwire.evaluation.entities import resolve_data_dir
    from babelwire.settings import load_settings

    started = time.perf_counter()
    root = resolve_data_dir(data)
    docs = load_topic_documents(root, limit, seed=seed)
    settings = settings or load_settings(env={})
    decisions, failed = cluster_documents(docs, settings, embedder, params)
    got = score_decisions(docs, decisions)
    total, b = got["total"], got["bcubed"]
    headline = {"join_precision": _within(total), "bcubed_precision": b["overall"].precision,
                "two_script_join_precision": _within(got["by_kind"][KINDS[2]])}
    columns = ("join_precision", "wrong_topic")
    return EvalResult(
        task="topics", data=str(root), headline=headline, items=len(docs),
        tables=(
            Table(name="joins_by_kind", title="Joins that stayed within their topic, by "
                  "the languages of the article and the member it was compared with",
                  key_label="pair", columns=columns,
                  rows=(*(_precision_row(k, got["by_kind"][k]) for k in KINDS),
                        _precision_row("all", total))),
            Table(name="joins_by_story_size", title="The same, by the story's size when "
                  "the article joined it", key_label="members", columns=columns,
                  rows=tuple(_precision_row(label, got["by_size"][label])
                             for label, _lo, _hi in SIZES)),
            Table(name="bcubed", title="BCubed of the stories against the topics (recall "
                  "only says how coarse the stories are)", key_label="pairs",
                  columns=("precision", "recall"),
                  rows=tuple(Row(key=name, n=score.items, values={
                      k: v for k, v in score.scores().items() if k != "f1"})
                      for name, score in b.items())),
        ),
        published={"none": "SlavicNER publishes no story grouping; topics are a coarse "
                           "upper level, used here for precision only"},
        notes=(
            f"{len(docs)} documents at one instant ({INSTANT}), shuffled with seed {seed}: "
            "the story window separates nothing, so this is harder than a stream",
            f"stories: {got['stories']}; copies (not joins): {got['copies'].get('copies', 0)}, "
            f"{got['copies'].get('of another topic', 0)} of a document of another topic",
            *((f"{failed} documents failed to ingest",) if failed else ()),
        ),
        details={"stories": got["stories"], "copies": got["copies"],
                 "largest_stories": got["largest_stories"], "ingest_failed": failed,
                 "documents_by_topic": dict(Counter(d.topic for d in docs).most_common()),
                 "documents_by_language": dict(Counter(d.lang for d in docs).most_common())},
        seconds=time.perf_counter() - started,
    )
