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
