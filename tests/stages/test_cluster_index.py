"""Nearest-member search: exact while small, HNSW past the limit, always re-scored."""

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
    for member_id, vec in zip(ids[:100], vectors[:100], strict=True):
        index.add(member_id, vec)
    assert index._hnsw is None
    for member_id, vec in zip(ids[100:], vectors[100:], strict=True):
        index.add(member_id, vec)
    assert index._hnsw is not None and len(index._hnsw) == 400
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
