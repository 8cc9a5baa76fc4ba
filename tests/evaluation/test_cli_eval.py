"""``babelwire eval``: clear errors without data; JSON with the headline keys."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from babelwire.cli import main


@pytest.mark.parametrize("task", ["extraction", "dates", "similarity", "entities", "topics"])
def test_missing_data_is_a_clear_error_not_a_traceback(task, tmp_path):
    result = CliRunner().invoke(main, ["eval", task, "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(tmp_path / "nowhere") in result.output
    assert "not found" in result.output


def test_no_data_and_no_environment(monkeypatch):
    monkeypatch.delenv("BABELWIRE_BENCH_DIR", raising=False)
    result = CliRunner().invoke(main, ["eval", "dates"])
    assert result.exit_code == 1
    assert "BABELWIRE_BENCH_DIR" in result.output


def test_langid_on_the_sample_corpus_as_json(tmp_path, monkeypatch):
    monkeypatch.delenv("BABELWIRE_BENCH_DIR", raising=False)
    out = tmp_path / "langid.json"
    result = CliRunner().invoke(main, ["eval", "langid", "--json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["task"] == "langid"
    assert payload["items"] == 131
    assert payload["accuracy"] >= 0.95
    assert json.loads(out.read_text(encoding="utf-8"))["accuracy"] == payload["accuracy"]


def test_clusters_gold_file_missing(tmp_path):
    result = CliRunner().invoke(main, ["eval", "clusters", "--gold", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1
    assert "gold file not found" in result.output
