"""The ``topics`` task: SlavicNER-shaped folders read, decisions counted, a run scored.

The full run on SlavicNER is in tests/test_quality_gate.py; here a folder in SlavicNER's
layout is built from the bundled sample corpus, whose stories stand in for topics.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest

from babelwire.demo import sample_corpus_path
from babelwire.evaluation.topics import (
    Decision,
    TopicDocument,
    cluster_documents,
    evaluate_topics,
    kind_of,
    load_topic_documents,
    score_decisions,
)


def _doc(url: str, topic: str, lang: str = "cs") -> TopicDocument:
    return TopicDocument(url=url, title="t", text="x", lang=lang, topic=topic)


def _decision(article_id: int, story_id: int, **evidence: object) -> Decision:
    return Decision(article_id=article_id, url=f"u{article_id}", story_id=story_id,
                    evidence=dict(evidence))


def test_documents_are_read_in_slavicner_layout_and_shuffled_the_same_every_time(tmp_path):
    for topic, lang, name, raw in (
            ("brexit", "pl", "a", "Tytuł\n\nTreść artykułu.\nDruga linia."),
            ("brexit", "ru", "b", "Заголовок\n\nТекст."),
            ("ryanair", "cs", "c", "Jen text bez titulku,\nna dvou řádcích."),
            ("ryanair", "cs", "d", "Titulek\n\n   ")):  # no body: left out
        folder = tmp_path / "raw" / topic / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_text(raw, encoding="utf-8")
    docs = load_topic_documents(tmp_path)
    assert docs == load_topic_documents(tmp_path)
    by_url = {d.url.rsplit("/", 1)[1]: d for d in docs}
    assert sorted(by_url) == ["a", "b", "c"]
    assert (by_url["a"].title, by_url["a"].text, by_url["a"].lang, by_url["a"].topic) == (
        "Tytuł", "Treść artykułu.\nDruga linia.", "pl", "brexit")
    assert (by_url["c"].title, by_url["c"].text) == ("", "Jen text bez titulku,\nna dvou řádcích.")
    assert len(load_topic_documents(tmp_path, limit=2)) == 2


def test_kinds_of_language_pairs():
    assert kind_of("cs", "cs") == "same language"
    assert kind_of("cs", "pl") == "one script"
    assert kind_of("ru", "uk") == "one script"
    assert kind_of("ru", "pl") == "two scripts"


def test_joins_are_counted_by_kind_and_story_size_and_copies_apart():
    docs = [_doc("u1", "A"), _doc("u2", "A"), _doc("u3", "B", "ru"), _doc("u4", "A"),
            _doc("u5", "B")]
    decisions = [
        _decision(1, 10, decision="new story"),
        _decision(2, 10, decision="joined", nearest_article=1),  # cs-cs, right, size 1
        _decision(3, 10, decision="joined", nearest_article=2),  # ru-cs, wrong, size 2
        _decision(4, 10, decision="copy", copy_of=3),  # a copy of another topic's article
        _decision(5, 10, decision="joined", nearest_article=1),  # cs-cs, wrong, size 3
    ]
    got = score_decisions(docs, decisions)
    assert got["by_kind"]["same language"] == Counter(joins=2, wrong=1)
    assert got["by_kind"]["two scripts"] == Counter(joins=1, wrong=1)
    assert got["total"] == Counter(joins=3, wrong=2)
    assert got["by_size"]["1"] == Counter(joins=1)  # the copy is no member
    assert got["by_size"]["2-5"] == Counter(joins=2, wrong=2)
    assert got["copies"] == {"copies": 1, "of another topic": 1}
    assert got["stories"] == 1
    assert got["bcubed"]["overall"].precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def _layout_from_sample_corpus(root):
    """The sample corpus as SlavicNER files, each story standing in for a topic."""
    (root / "ner").mkdir(parents=True)
    for line in sample_corpus_path().read_text("utf-8").splitlines():
        row = json.loads(line)
        folder = root / "raw" / row["story"] / row["lang"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{row['id']}.txt").write_text(f"{row['title']}\n\n{row['text']}",
                                                 encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    return _layout_from_sample_corpus(tmp_path_factory.mktemp("topics"))


def test_the_task_runs_the_pipeline_and_reports_joins_and_bcubed(layout, embedder):
    result = evaluate_topics(layout, embedder=embedder)
    assert result.task == "topics" and result.items == 131
    # the sample corpus's stories pull apart; at one instant its hard negatives of
    # different days (two earthquakes, two strikes) may meet, so not every join is right
    assert 0.85 <= result.headline["join_precision"] <= 1.0
    assert 0.5 <= result.headline["bcubed_precision"] <= 1.0
    joins = {row.key: row for row in result.tables[0].rows}
    assert joins["all"].n == sum(joins[k].n for k in ("same language", "one script",
                                                      "two scripts"))
    assert joins["two scripts"].n > 0
    sizes = result.tables[1].rows
    assert sum(row.n for row in sizes) == joins["all"].n
    assert result.details["copies"]["copies"] > 0


def test_an_article_moved_to_another_topic_turns_its_joins_wrong(layout, embedder):
    from babelwire.settings import load_settings

    docs = load_topic_documents(layout)
    decisions, failed = cluster_documents(docs, load_settings(env={}), embedder)
    assert failed == 0
    before = score_decisions(docs, decisions)
    topic = {d.url: d.topic for d in docs}
    url_of = {d.article_id: d.url for d in decisions}
    right = next(d for d in decisions if d.evidence.get("decision") == "joined"
                 and topic[url_of[d.evidence["nearest_article"]]] == topic[d.url])
    moved = [replace(d, topic="elsewhere") if d.url == right.url else d for d in docs]
    after = score_decisions(moved, decisions)
    assert after["total"]["joins"] == before["total"]["joins"]
    assert after["total"]["wrong"] >= before["total"]["wrong"] + 1
    assert after["bcubed"]["overall"].precision < before["bcubed"]["overall"].precision
