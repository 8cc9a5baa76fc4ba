"""The Scrapinghub shingle scorer: its edge cases, and the published figures it must reproduce."""

from __future__ import annotations

import pytest

from babelwire.evaluation.extraction import (
    PUBLISHED_OUTPUTS,
    score_documents,
    score_shipped_outputs,
    shingle_overlap,
    shingles,
)


def test_shingles_are_token_4grams_with_a_short_text_as_one_shingle():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("Hello, world!") == {("Hello", "world"): 1}
    assert shingles("") == {}
    assert shingles(None) == {}


def test_overlap_is_normalised_per_document():
    overlap = shingle_overlap("a b c d e", "a b c d x y")
    # gold {abcd, bcde}; predicted {abcd, bcdx, cdxy}: 1 TP, 2 FP, 1 FN of 4
    assert (overlap.tp, overlap.fp, overlap.fn) == (0.25, 0.5, 0.25)
    assert overlap.precision == pytest.approx(1 / 3)
    assert overlap.recall == pytest.approx(1 / 2)


def test_documents_weigh_the_same_and_empty_predictions_count_for_recall_only():
    long_gold = " ".join(f"w{i}" for i in range(400))
    score = score_documents([(long_gold, long_gold), ("a b c d e", "")])
    assert score.precision == 1.0  # the empty prediction has no shingles: not averaged
    assert score.recall == 0.5  # one perfect page, one page with nothing found
    assert score.accuracy == 0.5
    assert score.f1 == pytest.approx(2 / 3)


def test_both_empty_is_perfect_but_not_averaged():
    overlap = shingle_overlap("", "")
    assert overlap.precision == overlap.recall == 1.0
    assert score_documents([("", ""), ("a b c d", "a b c d")]).f1 == 1.0


def test_scorer_reproduces_the_published_figures(bench_set):
    """Every shipped system output scores exactly what the upstream README publishes."""
    scores = score_shipped_outputs(bench_set("scrapinghub-article-extraction-benchmark"))
    assert scores["trafilatura"].documents == 181
    assert round(scores["trafilatura"].f1, 3) == 0.958
    assert round(scores["trafilatura"].precision, 3) == 0.938
    assert round(scores["trafilatura"].recall, 3) == 0.978
    for name, (f1, precision, recall) in PUBLISHED_OUTPUTS.items():
        got = scores[name]
        assert (round(got.f1, 3), round(got.precision, 3), round(got.recall, 3)) == (
            f1, precision, recall), name
