"""Deduplication: exact-content hashes and near-duplicate (syndicated copy) detection.

Near duplicates are found with MinHash signatures over word 3-shingles (character
4-shingles for scripts written without spaces) in a datasketch LSH index. A copy
is stored and shown, marked with the article it copies, and counts once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import cache

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from babelwire.records import DuplicateCheck

NUM_PERM = 64
_SCHEME = "affine32"  # fixed so stored signatures stay comparable across versions
_WORD = re.compile(r"\w+", re.UNICODE)
_NO_SPACE_SCRIPTS = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(title: str, text: str) -> str:
    """SHA-1 of the normalised body (and title, when the body is short)."""
    body = normalise(text)
    if len(body) < 200:
        body = normalise(title) + "\n" + body
    return hashlib.sha1(body.encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    norm = normalise(text)
    if _NO_SPACE_SCRIPTS.search(norm):
        compact = norm.replace(" ", "")
        return {compact[i : i + 4].encode() for i in range(max(1, len(compact) - 3))}
    words = norm.split()
    if len(words) < 3:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """The seed's permutation parameters, drawn once: datasketch draws them again for every
    ``MinHash`` it builds (~0.2 ms each, several per article) unless it is handed them."""
    a, b = MinHash(num_perm=NUM_PERM, seed=7, scheme=_SCHEME).permutations
    return a, b


def signature(text: str) -> tuple[int, ...]:
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=_SCHEME, permutations=_permutations())
    mh.update_batch(list(shingles(text)))
    return tuple(int(x) for x in mh.hashvalues)


def _minhash(sig: tuple[int, ...]) -> MinHash:
    values = np.asarray(sig, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=7, scheme=_SCHEME, hashvalues=values,
                   permutations=_permutations())


MinhashSource = Callable[[datetime, datetime], Iterable[tuple[int, tuple[int, ...]]]]
"""(id, signature) of the stored originals whose time is in ``[since, until)``."""
SECONDS_PER_DAY = 86400


def _day(at: datetime) -> int:
    return int(at.timestamp() // SECONDS_PER_DAY)


class NearDuplicateIndex:
    """An LSH index over the signatures of original (non-copy) articles.

    Without a source it holds what it is given. With a ``source`` and ``keep_days`` it is a
    window over the stored originals: :meth:`best_match` for an article of time *t* first
    reads the days from *t* - ``keep_days`` to *t* + ``keep_days`` it does not hold yet, and
    :meth:`evict` lets days go, so memory follows the stream instead of the archive.
    """

    def __init__(self, threshold: float = 0.5, *, source: MinhashSource | None = None,
                 keep_days: float = 0.0) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[int, tuple[int, ...]] = {}
        self._source = source if keep_days > 0 else None
        self._keep = keep_days
        self._day_of: dict[int, int] = {}
        self._loaded_days: set[int] = set()
        self.read = 0
        """Signatures read from the source so far (a day read again counts again)."""

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: int, sig: tuple[int, ...], at: datetime | None = None) -> None:
        """Index an original; ``at`` (its time) lets :meth:`evict` drop it later."""
        if article_id in self._sigs:
            return
        self._sigs[article_id] = sig
        self._lsh.insert(article_id, _minhash(sig))
        if at is not None:
            self._day_of[article_id] = _day(at)

    def add_many(self, items: Iterable[tuple[int, tuple[int, ...]]]) -> None:
        for article_id, sig in items:
            self.add(article_id, sig)

    def remove(self, article_id: int) -> None:
        if self._sigs.pop(article_id, None) is not None:
            self._lsh.remove(article_id)
        self._day_of.pop(article_id, None)

    def ensure(self, at: datetime) -> None:
        """Read from the source the days within ``keep_days`` of ``at`` not held yet."""
        if self._source is None:
            return
        first, last = _day(at - timedelta(days=self._keep)), _day(at + timedelta(days=self._keep))
        for day in range(first, last + 1):
            if day in self._loaded_days:
                continue
            start = datetime.fromtimestamp(day * SECONDS_PER_DAY, UTC)
            for article_id, sig in self._source(start, start + timedelta(days=1)):
                self.read += 1
                self.add(article_id, sig)
                self._day_of[article_id] = day
            self._loaded_days.add(day)

    def evict(self, before: datetime) -> int:
        """Drop the originals of the days before ``before``'s, and mark those days unread so
        that a later :meth:`ensure` reads them again; returns how many were dropped. Only
        with a source: without one they could not come back."""
        if self._source is None:
            return 0
        cutoff = _day(before)
        old = [aid for aid, day in self._day_of.items() if day < cutoff]
        for article_id in old:
            self.remove(article_id)
        self._loaded_days = {d for d in self._loaded_days if d >= cutoff}
        return len(old)

    def best_match(self, sig: tuple[int, ...],
                   at: datetime | None = None) -> tuple[int, float] | None:
        """The most similar indexed article at or above the threshold (lowest id on ties);
        with ``at``, the article's time, among the originals of its window."""
        window: tuple[int, int] | None = None
        if at is not None and self._source is not None:
            self.ensure(at)
            window = (_day(at - timedelta(days=self._keep)), _day(at + timedelta(days=self._keep)))
        query = _minhash(sig)
        best: tuple[int, float] | None = None
        for key in sorted(self._lsh.query(query)):
            day = self._day_of.get(key)
            if window is not None and day is not None and not window[0] <= day <= window[1]:
                continue  # held from an earlier batch, but outside this article's window
            similarity = float(np.mean(np.asarray(self._sigs[key]) == np.asarray(sig)))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best


class DedupStage:
    """Decides whether an article is an exact copy, a near copy or an original.

    Exact copies are looked up by content hash in the store (the caller passes the id
    found); near copies in the near-duplicate index, which holds the originals of the
    article's time window (or every original seen, without a window) and is extended by
    :meth:`remember`.
    """

    name = "dedup"

    def __init__(self, index: NearDuplicateIndex) -> None:
        self.index = index

    def fingerprint(self, title: str, text: str) -> tuple[str, tuple[int, ...]]:
        return content_hash(title, text), signature(f"{title}\n{text}")

    def check(self, chash: str, sig: tuple[int, ...], exact_id: int | None,
              at: datetime | None = None) -> DuplicateCheck:
        """Exact copy (``exact_id``, found in the store), near copy, or original; ``at``,
        the article's time, bounds the near-copy search to its window."""
        if exact_id is not None:
            return DuplicateCheck(content_hash=chash, minhash=sig, duplicate_of=exact_id,
                                  reason="exact", similarity=1.0)
        match = self.index.best_match(sig, at)
        if match is not None:
            return DuplicateCheck(content_hash=chash, minhash=sig, duplicate_of=match[0],
                                  reason="near", similarity=round(match[1], 4))
        return DuplicateCheck(content_hash=chash, minhash=sig)

    def remember(self, article_id: int, check: DuplicateCheck,
                 at: datetime | None = None) -> None:
        if check.duplicate_of is None:
            self.index.add(article_id, check.minhash, at)
