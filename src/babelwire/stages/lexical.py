"""Lexical overlap of two articles: TF-IDF cosine of hashed character 4-grams.

The clusterer's semantic evidence is the embedding of an article's title and lead. Two
reports of one event in one language (or in two languages sharing much vocabulary and
a script: Czech and Slovak, Serbian and Croatian) also share long stretches of wording
further down: names in their inflected forms, quoted phrases, figures with their units.
Character 4-grams catch those without a tokenizer per language, and weighting each
4-gram by its inverse document frequency lets rare shared strings count and common
ones (``" the"``, ``"ání "``) fade. On SemEval-2022 Task 8 pairs this cosine, added
to the clusterer's raw score, lifted held-out Pearson and F1 (docs/quality.md).

* :func:`sketch` turns a text into a :class:`Sketch`: the sorted bucket numbers of its
  4-grams (lower-cased, runs of white space as one space, the first
  ``SKETCH_CHARACTERS`` characters) and their sublinear term frequencies. Grams are
  hashed into ``BUCKETS`` buckets with multiply-shift hashing of their code points,
  vectorised in numpy (tens of microseconds per article).
* :class:`DocumentFrequencies` counts, per bucket, the articles whose sketch has it.
  It is learned from the stream: the pipeline counts every new original article just
  before scoring it and writes what it counted to the store every 2,000 articles and
  at the end of each run, so a restarted monitor knows what it knew (the store's
  ``lexical_frequencies``).
* :class:`Query` weighs one sketch once and gives its cosine with many others; the
  cosine is over TF-IDF weights, ``tf * ln((N + 1) / (df + 1))`` with ``N`` the
  articles counted, so a 4-gram every article has weighs nothing. :func:`cosine` is
  the same for one pair.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

BUCKET_BITS = 18
BUCKETS = 1 << BUCKET_BITS
"""Hash buckets for 4-grams (262,144): collisions are rare next to a text's ~1,000 grams."""
SKETCH_CHARACTERS = 2000
"""Characters of title + text sketched: what SemEval's texts hold (median about 1,000),
and a bound on memory per held member (at most ~2,000 buckets)."""
GRAM = 4
_SPACES = re.compile(r"\s+")
# odd 64-bit multipliers for multiply-shift hashing (fixed: sketches are compared across
# runs and the store's counts outlive the process)
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                         0xD6E8FEB86659FD93], dtype=np.uint64)

Buckets = npt.NDArray[np.int32]
Weights = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True, eq=False)
class Sketch:
    """A text's distinct 4-gram buckets (sorted) and ``1 + ln(count)`` for each."""

    buckets: Buckets
    tf: Weights

    def __len__(self) -> int:
        return len(self.buckets)


EMPTY = Sketch(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def sketch(text: str) -> Sketch:
    """The sketch of ``text`` (its first ``SKETCH_CHARACTERS`` characters, normalised)."""
    text = _SPACES.sub(" ", text[: SKETCH_CHARACTERS + 200].lower()).strip()
    text = text[:SKETCH_CHARACTERS]
    if len(text) < GRAM:
        return EMPTY
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"),  # lone surrogates too
                           dtype=np.uint32).astype(np.uint64)
    n = len(points) - GRAM + 1
    mixed = np.zeros(n, dtype=np.uint64)
    for k in range(GRAM):  # wraps modulo 2**64, as multiply-shift hashing intends
        mixed += points[k : k + n] * _MULTIPLIERS[k]
    ids = (mixed >> np.uint64(64 - BUCKET_BITS)).astype(np.int32)
    buckets, counts = np.unique(ids, return_counts=True)
    return Sketch(buckets.astype(np.int32),
                  (1.0 + np.log(counts)).astype(np.float32))


def article_sketch(title: str, text: str) -> Sketch:
    """The sketch of an article: its title, then its text."""
    return sketch(f"{title}\n{text}" if title else text)


class DocumentFrequencies:
    """Per bucket, how many of the articles counted so far have it; tracks what was added
    since the last :meth:`take_added`, for the store."""

    def __init__(self) -> None:
        self.counts = np.zeros(BUCKETS, dtype=np.int64)
        self.documents = 0
        self._log_df = np.zeros(BUCKETS, dtype=np.float64)
        """``ln(count + 1)`` per bucket, kept up to date so an IDF is a gather and a minus."""
        self._added = np.zeros(BUCKETS, dtype=np.int64)
        self._added_documents = 0

    def add(self, item: Sketch) -> None:
        """Count one article (its buckets are distinct, so each counts once)."""
        counts = self.counts[item.buckets] + 1
        self.counts[item.buckets] = counts
        self._log_df[item.buckets] = np.log(counts + 1.0)
        self._added[item.buckets] += 1
        self.documents += 1
        self._added_documents += 1

    def load(self, documents: int, buckets: npt.ArrayLike, counts: npt.ArrayLike) -> None:
        """Add stored counts (as :meth:`take_added` returned them, summed over writers)."""
        ids = np.asarray(buckets, dtype=np.int64)
        values = np.asarray(counts, dtype=np.int64)
        if len(ids) and (ids.min() < 0 or ids.max() >= BUCKETS):
            raise ValueError(f"stored lexical frequencies name buckets outside 0..{BUCKETS - 1}")
        np.add.at(self.counts, ids, values)
        self._log_df = np.log(self.counts + 1.0)
        self.documents += int(documents)

    @property
    def pending(self) -> int:
        """Articles counted since the last :meth:`take_added`."""
        return self._added_documents

    def take_added(self) -> tuple[int, Buckets, npt.NDArray[np.int64]]:
        """(articles, buckets, counts) added since the last call, and forget them."""
        ids = np.flatnonzero(self._added).astype(np.int32)
        out = (self._added_documents, ids, self._added[ids].copy())
        self._added[ids] = 0
        self._added_documents = 0
        return out

    def weights(self, item: Sketch) -> tuple[Weights, float]:
        """The sketch's TF-IDF weights, ``tf * ln((N + 1) / (df + 1))``, and their norm."""
        idf = math.log(self.documents + 1.0) - self._log_df[item.buckets]
        weights: Weights = (item.tf * idf).astype(np.float32)
        return weights, float(np.sqrt(weights @ weights))


class Query:
    """One sketch weighted once, to be compared with many (the clusterer's candidates)."""

    def __init__(self, item: Sketch, frequencies: DocumentFrequencies) -> None:
        self.item = item
        self.frequencies = frequencies
        self.weights, self.norm = frequencies.weights(item)

    def cosine(self, other: Sketch) -> float:
        """IDF-weighted cosine with ``other``, in [0, 1]; 0 when either is empty."""
        if self.norm <= 0.0 or not len(other):
            return 0.0
        at = np.searchsorted(other.buckets, self.item.buckets)
        at[at == len(other.buckets)] = 0
        shared = other.buckets[at] == self.item.buckets
        if not shared.any():
            return 0.0
        theirs, norm = self.frequencies.weights(other)
        if norm <= 0.0:
            return 0.0
        dot = float(self.weights[shared] @ theirs[at[shared]])
        return max(0.0, min(1.0, dot / (self.norm * norm))) if math.isfinite(dot) else 0.0


def cosine(a: Sketch, b: Sketch, frequencies: DocumentFrequencies) -> float:
    """IDF-weighted cosine of two sketches, in [0, 1]; 0 when either is empty."""
    return Query(a, frequencies).cosine(b)
