from __future__ import annotations

import pytest

from babelwire.errors import SourceError
from babelwire.evaluation.datasets import dataset_dir, subsample


def test_dataset_dir_accepts_the_set_folder_or_the_bench_root(tmp_path):
    folder = tmp_path / "semeval2022-task8-hfl-sample"
    folder.mkdir()
    for name in ("training_set.csv", "testing_set.csv"):
        (folder / name).write_text("", encoding="utf-8")
    assert dataset_dir("similarity", folder) == folder
    assert dataset_dir("similarity", tmp_path) == folder


def test_missing_data_names_the_expected_path(tmp_path, monkeypatch):
    with pytest.raises(SourceError) as caught:
        dataset_dir("extraction", tmp_path)
    message = str(caught.value)
    assert str(tmp_path / "scrapinghub-article-extraction-benchmark") in message
    assert "ground-truth.json" in message
    monkeypatch.delenv("BABELWIRE_BENCH_DIR", raising=False)
    with pytest.raises(SourceError, match="--data"):
        dataset_dir("dates", None)
    monkeypatch.setenv("BABELWIRE_BENCH_DIR", str(tmp_path))
    with pytest.raises(SourceError, match="htmldate-eval"):
        dataset_dir("dates", None)


def test_subsample_is_deterministic_and_keeps_order():
    items = [f"item{i}" for i in range(100)]
    first = subsample(items, 10, key="x")
    assert first == subsample(items, 10, key="x")
    assert len(first) == 10 and first == sorted(first, key=items.index)
    assert subsample(items, None) == items and subsample(items, 500) == items
    assert first != subsample(items, 10, key="y")
