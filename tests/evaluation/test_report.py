from __future__ import annotations

import json
import math

from babelwire.evaluation.report import EvalResult, Row, Table, render


def _result() -> EvalResult:
    table = Table(name="by_language", title="scores", key_label="language",
                  columns=("f1", "n_found"),
                  rows=(Row(key="en", n=3, values={"f1": 0.5, "n_found": 2}),
                        Row(key="overall", n=3, values={"f1": math.nan, "n_found": None})))
    return EvalResult(task="demo", data="/x", headline={"f1": 0.5}, items=3, tables=(table,),
                      published={"someone": 0.9}, notes=("a note",))


def test_json_has_headline_at_top_and_strict_numbers():
    payload = _result().to_json()
    assert payload["task"] == "demo" and payload["f1"] == 0.5 and payload["items"] == 3
    assert payload["tables"]["by_language"][0] == {"language": "en", "n": 3, "f1": 0.5,
                                                   "n_found": 2}
    assert payload["tables"]["by_language"][1]["f1"] is None
    json.dumps(payload, allow_nan=False)


def test_render_aligns_columns():
    text = render(_result())
    assert "eval demo: f1=0.500" in text
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("language"))
    assert header.split() == ["language", "n", "f1", "n_found"]
    assert any(line.split() == ["overall", "3", "-", "-"] for line in lines)
    assert "note: a note" in text
