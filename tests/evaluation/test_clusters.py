"""The clustering task's gold handling (the full run is in tests/test_quality_gate.py)."""

from __future__ import annotations

import json

import pytest

from babelwire.errors import SourceError
from babelwire.evaluation.clusters import _without_gold, load_gold


def test_gold_lines_and_a_blind_copy(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [{"url": "https://a.example/1", "title": "A", "text": "x", "lang": "en",
             "story": "s1"},
            {"url": "https://a.example/2", "title": "B", "text": "y", "story": "s1",
             "copy_of": "a001"},
            {"url": "https://a.example/3", "title": "C", "text": "z"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    gold = load_gold(path)
    assert [(g.url, g.story, g.lang) for g in gold] == [
        ("https://a.example/1", "s1", "en"), ("https://a.example/2", "s1", "und")]
    blind = [json.loads(line) for line in _without_gold(path).splitlines()]
    assert len(blind) == 3
    assert all("story" not in r and "copy_of" not in r for r in blind)
    assert blind[0]["title"] == "A"


def test_a_file_without_stories_is_refused(tmp_path):
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"url": "https://a.example/1", "text": "x"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(SourceError, match="'story'"):
        load_gold(path)


def test_a_one_language_gold_file_has_no_cross_language_scores(tmp_path, embedder):
    from babelwire.demo import sample_corpus_path
    from babelwire.evaluation.clusters import evaluate_clusters

    rows = [line for line in sample_corpus_path().read_text("utf-8").splitlines()
            if json.loads(line)["lang"] == "en"]
    gold = tmp_path / "en.jsonl"
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = evaluate_clusters(gold, embedder=embedder)
    assert result.headline["cross_language_f1"] is None  # not 0.0: there is nothing to score
    pairs = {row.key: row for row in result.tables[0].rows}
    assert pairs["cross-language"].n == 0 and pairs["cross-language"].values["f1"] is None
    assert pairs["same-language"].values["f1"] is not None
