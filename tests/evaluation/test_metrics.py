from __future__ import annotations

import math

import pytest

from babelwire.evaluation.metrics import Decisions, best_threshold, decide, pearson


def test_decisions_and_their_rates():
    counts = decide([True, True, False, False, True], [True, False, True, False, True])
    assert counts == Decisions(tp=2, fp=1, fn=1, tn=1)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.f1 == pytest.approx(2 / 3)
    assert counts.accuracy == pytest.approx(3 / 5)
    assert Decisions().f1 == 0.0 and Decisions().precision == 0.0
    assert counts + Decisions(tp=1) == Decisions(tp=3, fp=1, fn=1, tn=1)


def test_pearson():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))
    assert math.isnan(pearson([1], [2]))
    with pytest.raises(ValueError):
        pearson([1, 2], [1])


def test_best_threshold_takes_whole_ties_and_the_highest_of_equals():
    scores = [0.9, 0.8, 0.8, 0.3, 0.1]
    gold = [True, True, False, False, False]
    threshold, counts = best_threshold(scores, gold)
    # 0.9 alone: P 1, R .5 (F .667); 0.8 takes both tied items: P .667, R 1 (F .8)
    assert threshold == 0.8
    assert counts == Decisions(tp=2, fp=1, fn=0, tn=2)
    assert math.isnan(best_threshold([], [])[0])
