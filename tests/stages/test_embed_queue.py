"""The background embedding queue: order, chunking, errors and waiting."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

from babelwire.stages.embed import Kind, Vectors
from babelwire.stages.embed_queue import EmbedPlan, EmbedQueue, EmbedWorkers, embed_plan


class LengthEmbedder:
    """Each text becomes a unit vector made from its length; every call is recorded."""

    name = "length"
    dim = 2

    def __init__(self, gate: threading.Event | None = None,
                 fail_on: str | None = None) -> None:
        self.calls: list[list[str]] = []
        self.gate = gate
        self.fail_on = fail_on

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        self.calls.append(list(texts))
        if self.gate is not None:
            assert self.gate.wait(10), "the test never opened the gate"
        if self.fail_on in texts:
            raise RuntimeError(f"cannot embed {self.fail_on!r}")
        angles = np.array([len(t) for t in texts], dtype=np.float32)
        return np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)


def expected(text: str) -> Vectors:
    return np.array([np.cos(len(text)), np.sin(len(text))], dtype=np.float32)


@pytest.fixture()
def pool():
    workers = EmbedWorkers(lambda: 2)
    yield workers
    workers.close()


def test_full_chunks_start_at_once_and_vectors_come_back_by_key(pool) -> None:
    embedder = LengthEmbedder()
    queue = EmbedQueue(embedder, pool, chunk=2)
    texts = {"a": "x", "b": "xx", "c": "xxx", "d": "xxxx", "e": "xxxxx"}
    for key, text in texts.items():
        queue.add(key, text)
    assert queue.embedded == 4  # two full chunks handed over; "e" still waits
    for key in ("e", "c", "a", "d", "b"):  # any order; "e" flushes its part chunk
        np.testing.assert_allclose(queue.vector(key), expected(texts[key]), rtol=1e-6)
    assert sorted(map(sorted, embedder.calls)) == [["x", "xx"], ["xxx", "xxxx"], ["xxxxx"]]
    assert queue.embedded == 5
    assert queue.busy_seconds >= 0.0


def test_a_key_is_queued_once(pool) -> None:
    queue = EmbedQueue(LengthEmbedder(), pool, chunk=4)
    queue.add(1, "one")
    with pytest.raises(ValueError, match="already queued"):
        queue.add(1, "again")
    queue.flush()
    with pytest.raises(ValueError, match="already queued"):
        queue.add(1, "after the flush")
    with pytest.raises(ValueError, match="chunk"):
        EmbedQueue(LengthEmbedder(), pool, chunk=0)


def test_an_embedding_error_reaches_whoever_asks_for_a_vector_of_that_chunk(pool) -> None:
    queue = EmbedQueue(LengthEmbedder(fail_on="bad"), pool, chunk=2)
    for key, text in enumerate(["fine", "bad", "also fine"]):
        queue.add(key, text)
    queue.flush()
    with pytest.raises(RuntimeError, match="cannot embed 'bad'"):
        queue.vector(0)
    np.testing.assert_allclose(queue.vector(2), expected("also fine"), rtol=1e-6)


def test_time_spent_waiting_for_a_chunk_is_counted(pool) -> None:
    gate = threading.Event()
    queue = EmbedQueue(LengthEmbedder(gate=gate), pool, chunk=1)
    queue.add("k", "text")
    assert queue.wait_seconds == 0.0
    opener = threading.Timer(0.2, gate.set)
    opener.start()
    np.testing.assert_allclose(queue.vector("k"), expected("text"), rtol=1e-6)
    opener.join()
    assert queue.wait_seconds > 0.0
    assert queue.busy_seconds >= queue.wait_seconds * 0.5
    waited = queue.wait_seconds
    queue.vector("k")  # a finished chunk costs no waiting
    assert queue.wait_seconds == waited


@pytest.mark.parametrize(("workers", "cores", "plan"), [
    (0, 1, EmbedPlan(workers=1, threads=1)),
    (0, 2, EmbedPlan(workers=2, threads=1)),
    (0, 16, EmbedPlan(workers=2, threads=8)),
    (1, 2, EmbedPlan(workers=1, threads=2)),
    (3, 2, EmbedPlan(workers=3, threads=1)),
    (0, 0, EmbedPlan(workers=1, threads=1)),
])
def test_embed_plan_shares_the_cores(workers: int, cores: int, plan: EmbedPlan) -> None:
    assert embed_plan(workers, cores) == plan


def test_embed_plan_refuses_a_negative_worker_count() -> None:
    with pytest.raises(ValueError, match="embed_workers"):
        embed_plan(-1, 2)
