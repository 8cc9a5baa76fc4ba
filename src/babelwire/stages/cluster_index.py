"""Nearest stored members of a vector, among those published within a time window.

The clusterer asks for the ``k`` members nearest to each new article among the members
close to it in time (a story lives days, not months). Members are kept in day buckets,
so a search reads only the rows of the days its window covers: the cost of a search
follows how much news falls in one window, not how much the database holds. Searching
the whole index first and dropping the members outside the window afterwards, as this
index once did, both grew with the database and starved the window: in a database many
months old the ``k`` nearest members of a weekly report are the same report in earlier
weeks, and the story of this week never became a candidate.

Over the window's rows one matrix-vector product is exact, and cheaper than usearch's
exact search up to ``EXACT_LIMIT`` rows (0.6 against 0.9 ms of CPU at 9,000 rows, 384
dimensions). A window holding more rows than that is searched through an approximate
HNSW index over every member, built on first need and kept up to date from then on; it
is asked for more than ``k`` members, the ones outside the window are dropped, and the
rest are re-scored exactly.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from babelwire.records import Vector

EXACT_LIMIT = 20_000
"""Rows in a window up to which a search is exact."""
DAY = 86_400.0
HNSW_OVERFETCH = 8
"""An HNSW search asks for this many times ``k`` members, as some fall outside the window."""


class MemberIndex:
    """Unit vectors by member id, each with an optional time (POSIX seconds), searched by
    cosine. A member without a time is a candidate in every window."""

    def __init__(self, dim: int, *, exact_limit: int = EXACT_LIMIT) -> None:
        self.dim = dim
        self.exact_limit = exact_limit
        self._matrix: npt.NDArray[np.float32] = np.zeros((64, dim), dtype=np.float32)
        self._ids: npt.NDArray[np.int64] = np.zeros(64, dtype=np.int64)
        self._times: npt.NDArray[np.float64] = np.zeros(64, dtype=np.float64)
        self._row: dict[int, int] = {}
        self._days: dict[int, list[int]] = {}
        """Rows by day number (time // DAY); rows without a time under no day."""
        self._untimed: list[int] = []
        self._hnsw: Any = None

    def __len__(self) -> int:
        return len(self._row)

    def add(self, member_id: int, vec: Vector, time: float | None = None) -> None:
        """Store ``vec`` for ``member_id``; a known id gets its vector and time replaced."""
        row = self._row.get(member_id)
        if row is None:
            row = len(self._row)
            if row == len(self._ids):
                self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
                self._ids = np.concatenate([self._ids, np.zeros_like(self._ids)])
                self._times = np.concatenate([self._times, np.zeros_like(self._times)])
            self._ids[row] = member_id
            self._row[member_id] = row
        else:
            self._unfile(row)
            if self._hnsw is not None:  # usearch keeps one vector per key: replace it
                self._hnsw.remove(member_id)
        self._matrix[row] = vec
        self._times[row] = math.nan if time is None else time
        if time is None:
            self._untimed.append(row)
        else:
            self._days.setdefault(int(time // DAY), []).append(row)
        if self._hnsw is not None:
            self._hnsw.add(member_id, np.asarray(vec, dtype=np.float32))

    def remove(self, member_id: int) -> None:
        """Forget ``member_id`` (nothing happens for an unknown id). The last row moves into
        the freed one, so the rows stay dense."""
        row = self._row.pop(member_id, None)
        if row is None:
            return
        self._unfile(row)
        if self._hnsw is not None:
            self._hnsw.remove(member_id)
        last = len(self._row)  # the row count before the removal, less one
        if row != last:
            moved = int(self._ids[last])
            self._unfile(last)
            self._matrix[row] = self._matrix[last]
            self._ids[row] = moved
            self._times[row] = self._times[last]
            self._row[moved] = row
            t = self._times[row]
            if math.isnan(t):
                self._untimed.append(row)
            else:
                self._days.setdefault(int(t // DAY), []).append(row)

    def nearest(self, vec: Vector, k: int,
                window: tuple[float, float] | None = None) -> list[tuple[int, float]]:
        """Up to ``k`` ``(member id, cosine)`` pairs, most similar first (lower id on ties),
        among the members whose time lies in ``window`` (``(earliest, latest)``, inclusive;
        ``None``: every member)."""
        n = len(self._row)
        if n == 0 or k < 1:
            return []
        query = np.asarray(vec, dtype=np.float32)
        rows = self._window_rows(window)
        count = n if rows is None else len(rows)
        if count == 0:
            return []
        if count > self.exact_limit:
            keys = self._approximate(query, k, window)
        else:
            # einsum, not ``@``: BLAS would spread this over threads that then spin,
            # taking the cores the embedding workers run on.
            if rows is None:
                sims = np.einsum("ij,j->i", self._matrix[:n], query)
                picked = np.argpartition(-sims, k - 1)[:k] if k < n else np.arange(n)
                keys = [int(self._ids[r]) for r in picked]
            else:
                sims = np.einsum("ij,j->i", self._matrix[rows], query)
                picked = (np.argpartition(-sims, k - 1)[:k] if k < len(rows)
                          else np.arange(len(rows)))
                keys = [int(self._ids[rows[r]]) for r in picked]
        # One dot product per candidate, so scores never depend on which search found it.
        pairs = [(key, float(self._matrix[self._row[key]] @ query)) for key in keys]
        pairs.sort(key=lambda kv: (-kv[1], kv[0]))
        return pairs

    def _window_rows(self, window: tuple[float, float] | None) -> npt.NDArray[np.int64] | None:
        """Rows whose time lies in ``window`` plus the untimed rows; None for no window."""
        if window is None:
            return None
        lo, hi = window
        first, last = int(lo // DAY), int(hi // DAY)
        if last - first + 1 <= len(self._days):
            days = [self._days[d] for d in range(first, last + 1) if d in self._days]
        else:  # a window wider than the days held: walk the days held instead
            days = [rows for d, rows in self._days.items() if first <= d <= last]
        if not days and not self._untimed:
            return np.zeros(0, dtype=np.int64)
        rows = np.fromiter((r for day in days for r in day), dtype=np.int64)
        times = self._times[rows]
        rows = rows[(times >= lo) & (times <= hi)]
        if self._untimed:
            rows = np.concatenate([rows, np.asarray(self._untimed, dtype=np.int64)])
        rows.sort()  # ties break on the lower row, as they do without a window
        return rows

    def _approximate(self, query: npt.NDArray[np.float32], k: int,
                     window: tuple[float, float] | None) -> list[int]:
        if self._hnsw is None:
            self._build_hnsw()
        fetch = k if window is None else k * HNSW_OVERFETCH
        found = self._hnsw.search(query, min(fetch, len(self._row)))
        keys: list[int] = []
        for raw in np.asarray(found.keys).reshape(-1):
            row = self._row.get(int(raw))
            if row is None:
                continue
            t = self._times[row]
            if window is None or math.isnan(t) or window[0] <= t <= window[1]:
                keys.append(int(raw))
            if len(keys) == k:
                break
        return keys

    def _unfile(self, row: int) -> None:
        t = self._times[row]
        if math.isnan(t):
            self._untimed.remove(row)
        else:
            day = self._days[int(t // DAY)]
            day.remove(row)
            if not day:
                del self._days[int(t // DAY)]

    def _build_hnsw(self) -> None:
        from usearch.index import Index

        n = len(self._row)
        index = Index(ndim=self.dim, metric="cos", dtype="f32", multi=False)
        index.add(self._ids[:n].copy(), self._matrix[:n].copy())
        self._hnsw = index
