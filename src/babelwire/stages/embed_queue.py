"""Embedding on a background thread, so the pipeline's Python stages run while the model does.

The embedding engine (ONNX Runtime or torch) releases the GIL while it computes, and costs
more than every other stage together. :class:`EmbedQueue` collects texts in the order the
pipeline prepares them, hands each full chunk to a worker thread at once, and gives a
text's vector back when the pipeline asks for it, waiting only while that chunk is not
done. So while the worker embeds one chunk, the main thread prepares the next articles
(extraction, language, dedup) and clusters, stores and tags the articles already embedded.

Each chunk is one :meth:`Embedder.embed` call: a text's vector is what embedding its
chunk gives. The ``int8`` engine (the default) scales activations per batch, so a text's
vector shifts slightly with its chunk's other texts (cosine >= 0.999 to the same text
embedded alone); the chunks are cut in the order the articles come, so a run over the
same input gives the same vectors whatever the number of workers.

:func:`embed_plan` splits the machine's cores between workers and ONNX Runtime's own
threads. Measured on 2 cores (``bench/pipeline.py``, see docs/quality.md): two workers of
one ONNX Runtime thread each beat one worker of two threads, as one worker's chunk is
tokenized and padded while the other computes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from babelwire.stages.embed import Embedder, Vectors


@dataclass(frozen=True, slots=True)
class EmbedPlan:
    workers: int
    """Threads calling the embedder at once."""
    threads: int
    """ONNX Runtime threads each call uses."""


MAX_AUTO_WORKERS = 2


def embed_plan(workers: int, cores: int) -> EmbedPlan:
    """How to spend ``cores`` on embedding: ``workers`` threads (0: one per core, at most
    :data:`MAX_AUTO_WORKERS`), sharing the cores between them for ONNX Runtime."""
    if workers < 0:
        raise ValueError(f"embed_workers must be 0 (automatic) or more, got {workers}")
    cores = max(cores, 1)
    chosen = workers or min(cores, MAX_AUTO_WORKERS)
    return EmbedPlan(workers=chosen, threads=max(cores // chosen, 1))


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


T = TypeVar("T")


class EmbedWorkers:
    """The embedding threads, started on first use: a run with nothing to embed starts
    none, and ``size()`` is asked only then (once the embedder is loaded anyway)."""

    def __init__(self, size: Callable[[], int]) -> None:
        self._size = size
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self._size(),
                                            thread_name_prefix="babelwire-embed")
        return self._pool.submit(fn, *args, **kwargs)

    def close(self) -> None:
        """Wait for what was submitted, then stop the threads."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


class EmbedQueue:
    """Texts in, vectors out, embedded ``chunk`` texts at a time on ``pool``'s threads."""

    def __init__(self, embedder: Embedder, pool: EmbedWorkers, *, chunk: int) -> None:
        if chunk < 1:
            raise ValueError(f"chunk must be at least 1, got {chunk}")
        self.embedder = embedder
        self.pool = pool
        self.chunk = chunk
        self._texts: list[str] = []
        self._keys: list[Hashable] = []
        self._futures: list[Future[Vectors]] = []
        self._where: dict[Hashable, tuple[int, int]] = {}
        self.embedded = 0
        """Texts handed to the embedder so far."""
        self.busy_seconds = 0.0
        """Wall-clock seconds spent inside the embedder, summed over chunks."""
        self.wait_seconds = 0.0
        """Wall-clock seconds callers spent waiting for a vector that was not ready."""

    def add(self, key: Hashable, text: str) -> None:
        """Queue ``text`` under ``key``; a full chunk starts embedding at once."""
        if key in self._where or key in self._keys:
            raise ValueError(f"key {key!r} is already queued")
        self._keys.append(key)
        self._texts.append(text)
        if len(self._texts) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        """Start embedding whatever is queued, even a part chunk."""
        if not self._texts:
            return
        index = len(self._futures)
        for row, key in enumerate(self._keys):
            self._where[key] = (index, row)
        self._futures.append(self.pool.submit(self._embed, self._texts))
        self.embedded += len(self._texts)
        self._texts, self._keys = [], []

    def vector(self, key: Hashable) -> npt.NDArray[np.float32]:
        """The unit vector of the text queued under ``key``, waiting for its chunk if need be.

        An exception raised while embedding the chunk is raised here.
        """
        if key not in self._where:
            self.flush()
        index, row = self._where[key]
        future = self._futures[index]
        if not future.done():
            started = time.perf_counter()
            future.exception()
            self.wait_seconds += time.perf_counter() - started
        out: npt.NDArray[np.float32] = future.result()[row]
        return out

    def _embed(self, texts: list[str]) -> Vectors:
        started = time.perf_counter()
        try:
            return self.embedder.embed(texts, kind="passage")
        finally:
            self.busy_seconds += time.perf_counter() - started
