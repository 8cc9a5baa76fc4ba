"""Small scoring formulas shared by the evaluation tasks: decision counts and correlation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Decisions:
    """Counts of a yes/no decision against gold: true and false positives and negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Decisions) -> Decisions:
        return Decisions(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                         self.tn + other.tn)

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """2TP / (2TP + FP + FN), the same as the harmonic mean of precision and recall."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0


def decide(predicted: Sequence[bool], gold: Sequence[bool]) -> Decisions:
    """Count a binary decision (``predicted[i]``) against ``gold[i]``."""
    tp = fp = fn = tn = 0
    for p, g in zip(predicted, gold, strict=True):
        if p and g:
            tp += 1
        elif p:
            fp += 1
        elif g:
            fn += 1
        else:
            tn += 1
    return Decisions(tp, fp, fn, tn)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r of two equally long sequences; NaN when either is constant or too short."""
    if len(x) != len(y):
        raise ValueError(f"pearson: {len(x)} values against {len(y)}")
    if len(x) < 2:
        return math.nan
    a = np.asarray(x, dtype=np.float64)
    b = np.asarray(y, dtype=np.float64)
    a = a - a.mean()
    b = b - b.mean()
    denominator = math.sqrt(float(a @ a) * float(b @ b))
    return float(a @ b) / denominator if denominator > 0 else math.nan


def f1_of(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, Decisions]:
    """The decision threshold (``score >= t`` means yes) that maximises F1, with its counts.

    Candidates are the observed scores; ties keep the highest threshold, the
    more conservative choice.
    """
    if not scores:
        return math.nan, Decisions()
    order = sorted(zip(scores, gold, strict=True), key=lambda sg: -sg[0])
    positives = sum(gold)
    best_t, best = math.nan, Decisions(fn=positives, tn=len(order) - positives)
    tp = fp = 0
    for i, (score, is_gold) in enumerate(order):
        tp += is_gold
        fp += not is_gold
        if i + 1 < len(order) and order[i + 1][0] == score:
            continue  # a threshold takes every item with the same score
        candidate = Decisions(tp, fp, positives - tp, len(order) - positives - fp)
        if candidate.f1 > best.f1:
            best_t, best = score, candidate
    return best_t, best
