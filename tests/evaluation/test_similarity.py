"""The similarity task's pieces that need no model: pairs, labels and the clusterer's score."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import numpy as np
import pytest

from babelwire.evaluation.similarity import SimilarityPair, load_pairs, story_score
from babelwire.stages.anchors import Anchors
from babelwire.stages.cluster import ClusterInput, ClusterParams, StoryClusterer

COLUMNS = ["Unnamed: 0", "pair_id", "lang1", "lang2", "text1", "text2", "Geography",
           "Entities", "Time", "Narrative", "Overall", "Style", "Tone"]


def _write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for pair_id, lang1, lang2, overall in rows:
            writer.writerow([0, pair_id, lang1, lang2, "t1", "t2", 1, 1, 1, 1, overall, 1, 1])


def test_pairs_that_occur_twice_are_dropped(tmp_path):
    _write(tmp_path / "training_set.csv", [("1_2", "en", "en", 1.0), ("3_4", "de", "en", 4.0)])
    _write(tmp_path / "testing_set.csv", [("3_4", "de", "en", 3.0), ("5_6", "es", "it", 2.5)])
    pairs = load_pairs(tmp_path)
    assert [p.pair_id for p in pairs] == ["1_2", "5_6"]
    assert [p.languages for p in pairs] == ["en", "es-it"]
    assert [p.gold_same for p in pairs] == [True, None]


def test_gold_bands():
    def pair(overall: float) -> SimilarityPair:
        return SimilarityPair(pair_id="1_2", lang1="en", lang2="de", text1="", text2="",
                              overall=overall)

    assert pair(1.5).gold_same is True
    assert pair(3.5).gold_same is False
    assert pair(2.0).gold_same is None
    assert not pair(1.0).same_language


def _input(vec: list[float], lang: str) -> ClusterInput:
    v = np.asarray(vec, dtype=np.float32)
    return ClusterInput(lang=lang, time=datetime(2020, 1, 1, tzinfo=UTC),
                        embedding=v / np.linalg.norm(v),
                        anchors=Anchors(numbers=frozenset(), names=frozenset()), title="")


def test_story_score_is_the_clusterers_one_member_score():
    params = ClusterParams()
    clusterer = StoryClusterer(3, params)
    same, cosine = story_score(_input([1, 0, 0], "en"), _input([1, 0, 0], "en"), params)
    assert cosine == pytest.approx(1.0)
    assert same == pytest.approx(clusterer.squash((1.0 - params.same_lang_offset) / params.scale))
    cross, _ = story_score(_input([1, 0, 0], "en"), _input([1, 0, 0], "de"), params)
    assert cross == pytest.approx(clusterer.squash((1.0 - params.cross_lang_offset)
                                                   / params.scale))
    script, _ = story_score(_input([1, 0, 0], "en"), _input([1, 0, 0], "zh"), params)
    assert script == pytest.approx(clusterer.squash((1.0 - params.cross_script_offset)
                                                    / params.scale))


def test_the_lexical_frequencies_count_each_distinct_text_once():
    from dataclasses import replace

    from babelwire.evaluation.similarity import stream_frequencies
    from babelwire.stages.lexical import article_sketch

    texts = [("en", "Floods close roads in Valencia"), ("es", "Inundaciones en Valencia"),
             ("en", "Floods close roads in Valencia")]
    inputs = [replace(_input([1, 0, 0], lang), sketch=article_sketch("", text))
              for lang, text in texts]
    frequencies = stream_frequencies(texts, inputs)
    assert frequencies.documents == 2
    assert frequencies.counts.max() == 2  # " val" is in both distinct texts, once each


class _HashEmbedder:
    """Unit vectors drawn from a hash of the text: no model, same text same vector."""

    name = "hash"
    dim = 8

    def embed(self, texts, *, kind="passage"):
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=self.dim)
                for t in texts]
        out = np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.mark.parametrize("rows", [
    [("1_2", "en", "en", 1.0)],  # one pair: every split leaves a half with nothing to fit on
    [("1_2", "en", "en", 1.0), ("3_4", "de", "en", 4.0), ("5_6", "en", "en", 1.0),
     ("7_8", "de", "de", 4.0)],
])
def test_held_out_figures_survive_tiny_samples(tmp_path, rows):
    from babelwire.evaluation.similarity import evaluate_similarity

    _write(tmp_path / "training_set.csv", rows)
    _write(tmp_path / "testing_set.csv", [])
    result = evaluate_similarity(tmp_path, embedder=_HashEmbedder())
    halves = result.details["heldout"]["halves"]
    assert halves["splits"] == 20
    assert set(halves) >= {"pearson", "pearson_sd", "f1", "f1_sd"}
    assert result.headline["heldout_f1"] == halves["f1"]
    assert "first_half_split" in result.details["heldout"]
