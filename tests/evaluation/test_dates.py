"""Date scoring: upstream's per-page template, label loading, and reading pages from the archive."""

from __future__ import annotations

import io
import json
import tarfile

from babelwire.evaluation.dates import (
    DatePage,
    declared_language,
    judge,
    load_labels,
    read_pages,
)
from babelwire.evaluation.metrics import Decisions


def test_judge_follows_upstream_template():
    assert judge("2020-01-02", "2020-01-02") == Decisions(tp=1)
    assert judge("2020-01-03", "2020-01-02") == Decisions(fp=1)
    assert judge(None, "2020-01-02") == Decisions(fn=1)
    assert judge(None, None) == Decisions(fn=1, tn=1)
    assert judge("2020-01-03", None) == Decisions(fp=1)


def test_declared_language():
    assert declared_language(b'<!doctype html><html class="x" lang="de-AT">') == "de"
    assert declared_language(b"<html><body>") == "none"


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def test_pages_come_from_test_set_then_cache_then_eval(tmp_path):
    (tmp_path / "test_set").mkdir()
    (tmp_path / "test_set" / "a.html").write_bytes(b"from test_set")
    with tarfile.open(tmp_path / "eval_and_cache_html.tar.xz", "w:xz") as archive:
        _add(archive, "tests/eval/a.html", b"eval a")
        _add(archive, "tests/eval/b.html", b"eval b")
        _add(archive, "tests/cache/b.html", b"cache b")
        _add(archive, "tests/eval/c.html", b"eval c")
        _add(archive, "tests/other/d.html", b"not a page directory")
    wanted = [DatePage(subset="s", url=f"https://x/{n}", file=f"{n}.html", gold=None)
              for n in "abcd"]
    assert read_pages(tmp_path, wanted) == {"a.html": b"from test_set", "b.html": b"cache b",
                                            "c.html": b"eval c"}


def test_nan_gold_dates_are_read_as_null(tmp_path):
    (tmp_path / "eval_mediacloud_2020.json").write_text(
        '{"https://a": {"file": "a.html", "date": NaN}}', encoding="utf-8")
    (tmp_path / "eval_default.json").write_text(
        json.dumps({"https://b": {"file": "b.html", "date": "2019-05-01"}}), encoding="utf-8")
    pages = load_labels(tmp_path)
    assert [(p.subset, p.gold) for p in pages] == [("mediacloud_2020", None),
                                                   ("default", "2019-05-01")]


def test_the_real_label_files(bench_set):
    pages = load_labels(bench_set("htmldate-eval"))
    assert len(pages) == 1000
    assert sum(p.gold is None for p in pages) == 5
