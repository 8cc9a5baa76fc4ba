"""Running a slow per-item function (extraction, date finding) over worker processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

A = TypeVar("A")
R = TypeVar("R")


def default_jobs() -> int:
    """One worker per core."""
    return max(1, os.cpu_count() or 1)


def map_items(func: Callable[[A], R], items: Sequence[A], jobs: int = 1) -> list[R]:
    """``[func(x) for x in items]``, in order, spread over ``jobs`` processes.

    ``func`` must be a module-level function. Workers are started with ``spawn``
    so that no thread state (ONNX Runtime, usearch) is inherited through fork.
    """
    if jobs <= 1 or len(items) < 2:
        return [func(x) for x in items]
    context = multiprocessing.get_context("spawn")
    chunk = max(1, len(items) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context) as pool:
        return list(pool.map(func, items, chunksize=chunk))
