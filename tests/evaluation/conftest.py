"""Fixtures for the evaluation tests: where the public benchmark sets are.

The sets live outside the repository (``../shared/bench`` next to it, or
``$BABELWIRE_BENCH_DIR``); tests that need one skip with a message when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def bench_root() -> Path:
    env = os.environ.get("BABELWIRE_BENCH_DIR")
    return Path(env) if env else (REPO / ".." / "shared" / "bench").resolve()


@pytest.fixture
def bench_set():
    """``bench_set(folder)``: the path of one benchmark set, or skip the test."""

    def find(folder: str) -> Path:
        path = bench_root() / folder
        if not path.is_dir():
            pytest.skip(f"benchmark set not found at {path} (set BABELWIRE_BENCH_DIR to the "
                        f"folder holding {folder}/)")
        return path

    return find
