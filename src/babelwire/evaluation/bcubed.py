"""BCubed precision, recall and F1 for a clustering against gold classes.

For each item: precision is the share of items in its cluster that share its
gold class; recall is the share of items of its gold class that share its
cluster (Bagga and Baldwin, 1998; Amigó et al., 2009). Both are averaged over
items. Pair-restricted variants score only same-language or cross-language
pairs, which shows whether a clusterer groups across languages.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int

    def scores(self) -> dict[str, float | None]:
        """``f1``, ``precision`` and ``recall`` for a report; all None when no item had a
        pair of the kind scored (cross-language pairs in a one-language file), not 0.0."""
        scored = self.items > 0
        return {"f1": self.f1 if scored else None,
                "precision": self.precision if scored else None,
                "recall": self.recall if scored else None}


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def bcubed(
    predicted: Mapping[Hashable, Hashable],
    gold: Mapping[Hashable, Hashable],
    pair_filter: Callable[[Hashable, Hashable], bool] | None = None,
) -> BCubed:
    """Score ``predicted`` (item -> cluster) against ``gold`` (item -> class).

    With ``pair_filter(a, b)``, only pairs (including an item with itself when the
    filter allows it) for which it returns True are counted; items with no such
    pair are left out.
    """
    items = [i for i in gold if i in predicted]
    by_cluster: dict[Hashable, list[Hashable]] = {}
    by_class: dict[Hashable, list[Hashable]] = {}
    for i in items:
        by_cluster.setdefault(predicted[i], []).append(i)
        by_class.setdefault(gold[i], []).append(i)
    p_sum = r_sum = 0.0
    p_n = r_n = 0
    for i in items:
        same_cluster = [j for j in by_cluster[predicted[i]]
                        if pair_filter is None or pair_filter(i, j)]
        same_class = [j for j in by_class[gold[i]] if pair_filter is None or pair_filter(i, j)]
        if same_cluster:
            p_sum += sum(gold[j] == gold[i] for j in same_cluster) / len(same_cluster)
            p_n += 1
        if same_class:
            r_sum += sum(predicted[j] == predicted[i] for j in same_class) / len(same_class)
            r_n += 1
    p = p_sum / p_n if p_n else 0.0
    r = r_sum / r_n if r_n else 0.0
    return BCubed(precision=round(p, 4), recall=round(r, 4), f1=round(_f1(p, r), 4),
                  items=max(p_n, r_n))
