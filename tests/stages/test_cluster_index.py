"""Nearest-member search: within a time window, exact while small, HNSW past the limit,
always re-scored."""

from __future__ import annotations

import numpy as np

from babelwire.stages.cluster_index import MemberIndex


def unit_rows(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rows = rng.standard_normal((n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def brute_force(vectors: np.ndarray, ids: list[int], query: np.ndarray, k: int):
    sims = vectors @ query
    order = sorted(range(len(ids)), key=lambda i: (-float(sims[i]), ids[i]))[:k]
    return [ids[i] for i in order]


def test_exact_search_matches_brute_force_and_grows_past_its_first_capacity() -> None:
    vectors = unit_rows(300)
    ids = [1000 + 7 * i for i in range(300)]  # ids are not rows
    index = MemberIndex(16)
    for member_id, vec in zip(ids, vectors, strict=True):
        index.add(member_id, vec)
    assert len(index) == 300
    for query in unit_rows(20, seed=1):
        found = index.nearest(query, 10)
        assert [key for key, _ in found] == brute_force(vectors, ids, query, 10)
        sims = [sim for _, sim in found]
        assert sims == sorted(sims, reverse=True)
    assert index.nearest(vectors[0], 500)[0][0] == ids[0]  # k above the size: everything
    assert len(index.nearest(vectors[0], 500)) == 300
    assert MemberIndex(16).nearest(vectors[0], 5) == []


def test_ties_go_to_the_lower_id_and_a_known_id_gets_its_vector_replaced() -> None:
    vectors = unit_rows(3)
    index = MemberIndex(16)
    index.add(9, vectors[0])
    index.add(4, vectors[0])
    index.add(6, vectors[1])
    assert [key for key, _ in index.nearest(vectors[0], 2)] == [4, 9]
    index.add(9, vectors[2])  # replaced, not added twice
    assert len(index) == 3
    assert index.nearest(vectors[2], 1)[0][0] == 9
    assert index.nearest(vectors[0], 1)[0][0] == 4


def test_past_the_exact_limit_an_hnsw_index_finds_the_same_nearest_members() -> None:
    vectors = unit_rows(400, seed=2)
    ids = list(range(1, 401))
    index = MemberIndex(16, exact_limit=100)
    for member_id, vec in zip(ids, vectors, strict=True):
        index.add(member_id, vec)
    index.nearest(vectors[0], 5)
    assert index._hnsw is not None and len(index._hnsw) == 400  # built on first need
    index.add(401, unit_rows(1, seed=9)[0])
    assert len(index._hnsw) == 401  # and kept up to date from then on
    hits = 0
    for query in unit_rows(30, seed=3):
        found = index.nearest(query, 5)
        # scores are exact dot products whatever found the candidates
        assert all(abs(sim - float(vectors[key - 1] @ query)) < 1e-6 for key, sim in found)
        hits += found[0][0] == brute_force(vectors, ids, query, 1)[0]
    assert hits >= 28  # approximate, but on 400 vectors it almost never misses the nearest
    index.add(5, vectors[399])  # a replaced vector is replaced in the HNSW index too
    assert index.nearest(vectors[399], 2)[0][0] == 5
    assert all(key != 5 for key, _ in index.nearest(vectors[4], 3))


DAY = 86_400.0


def test_a_window_search_sees_only_the_members_of_its_window() -> None:
    vectors = unit_rows(200, seed=4)
    ids = list(range(200))
    times = [(i % 50) * DAY + 3600.0 * (i % 7) for i in ids]  # 50 days, several per day
    index = MemberIndex(16)
    for member_id, vec, t in zip(ids, vectors, times, strict=True):
        index.add(member_id, vec, t)
    for q, query in enumerate(unit_rows(10, seed=5)):
        lo = (q * 4) * DAY + 1800.0  # windows cut through days
        hi = lo + 4 * DAY
        inside = [i for i in ids if lo <= times[i] <= hi]
        found = index.nearest(query, 6, window=(lo, hi))
        assert [key for key, _ in found] == brute_force(vectors[inside], inside, query, 6)
    assert index.nearest(vectors[0], 5, window=(1000 * DAY, 1001 * DAY)) == []
    # without a window every member is a candidate
    assert index.nearest(vectors[3], 1)[0][0] == 3


def test_the_nearest_members_in_the_window_are_found_however_many_lie_outside_it() -> None:
    """Many near copies far in the past must not crowd out the one member in the window."""
    base = unit_rows(1, seed=6)[0]
    noise = unit_rows(100, seed=7) * 0.05
    index = MemberIndex(16)
    for i in range(100):  # the same weekly report, weeks ago: very close to the query
        index.add(i, (base + noise[i]) / np.linalg.norm(base + noise[i]), -7 * DAY * (i + 1))
    other = unit_rows(1, seed=8)[0]
    index.add(500, other, 0.0)
    found = index.nearest(base, 3, window=(-4 * DAY, 4 * DAY))
    assert [key for key, _ in found] == [500]


def test_untimed_members_are_in_every_window_and_a_new_time_moves_a_member() -> None:
    vectors = unit_rows(3, seed=10)
    index = MemberIndex(16)
    index.add(1, vectors[0], 10 * DAY)
    index.add(2, vectors[1])  # no time
    assert {k for k, _ in index.nearest(vectors[0], 5, window=(0.0, 20 * DAY))} == {1, 2}
    assert {k for k, _ in index.nearest(vectors[0], 5, window=(50 * DAY, 60 * DAY))} == {2}
    index.add(1, vectors[0], 55 * DAY)  # moved to another day
    assert {k for k, _ in index.nearest(vectors[0], 5, window=(50 * DAY, 60 * DAY))} == {1, 2}
    assert {k for k, _ in index.nearest(vectors[0], 5, window=(0.0, 20 * DAY))} == {2}
    assert len(index) == 2


def test_a_window_holding_more_than_the_exact_limit_is_searched_through_hnsw() -> None:
    vectors = unit_rows(300, seed=11)
    index = MemberIndex(16, exact_limit=50)
    for i, vec in enumerate(vectors):
        index.add(i, vec, float(i) * 3600.0)  # 300 hours, 12.5 days
    found = index.nearest(vectors[10], 3, window=(0.0, 2 * DAY))  # 49 rows: exact
    assert index._hnsw is None and found[0][0] == 10
    hits = 0
    for member in range(200, 280, 4):  # windows of 181 rows: approximate search
        found = index.nearest(vectors[member], 3, window=(5 * DAY, 12.5 * DAY))
        assert found and all(5 * DAY <= key * 3600.0 <= 12.5 * DAY for key, _ in found)
        hits += found[0][0] == member
    assert index._hnsw is not None
    assert hits >= 17  # of 20: approximate (and built on threads), it rarely misses itself


def test_removed_members_are_never_found_and_the_rest_still_are() -> None:
    vectors = unit_rows(120, seed=12)
    index = MemberIndex(16, exact_limit=60)
    times = [float(i) * 6 * 3600.0 for i in range(120)]  # four a day, 30 days
    for i, vec in enumerate(vectors):
        index.add(i, vec, None if i % 10 == 0 else times[i])
    index.nearest(vectors[0], 3)  # more rows than the exact limit: HNSW built
    assert index._hnsw is not None
    gone = set(range(0, 120, 3))
    for member in gone:
        index.remove(member)
    index.remove(9999)  # unknown: nothing happens
    kept = [i for i in range(120) if i not in gone]
    assert len(index) == len(kept)
    hits = 0
    for member in kept[::4]:  # 80 rows: through HNSW, approximate (and built on threads)
        found = [key for key, _ in index.nearest(vectors[member], 5)]
        assert found and not set(found) & gone
        hits += found[0] == member
    assert hits >= 18  # of 20
    for query in unit_rows(10, seed=13):  # a window's rows: exact
        window = (5 * DAY, 12 * DAY)
        inside = [i for i in kept if i % 10 == 0 or window[0] <= times[i] <= window[1]]
        found = [key for key, _ in index.nearest(query, 5, window=window)]
        assert found == brute_force(vectors[inside], inside, query, 5)
    index.add(3, vectors[3], times[3])  # a removed member may come back
    assert index.nearest(vectors[3], 1)[0][0] == 3
