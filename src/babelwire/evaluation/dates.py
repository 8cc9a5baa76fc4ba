"""Publication-date quality on the htmldate evaluation set (task ``dates``).

Both label files are scored, as upstream does ("the 1000 pages"):
``eval_mediacloud_2020.json`` (pages in ``test_set/``) and ``eval_default.json``
(pages inside ``eval_and_cache_html.tar.xz``, read with :mod:`tarfile` in one
pass, never unpacked to disk). A page is looked up in ``test_set``, then the
archive's ``tests/cache``, then ``tests/eval``, the order of upstream's loader.

The system under test is :func:`babelwire.stages.extract.page_date` (htmldate,
extensive search, original date), given the page as babelwire decodes it and
its URL, as ExtractStage calls it. Its answer is compared at day granularity
(the calendar date of the datetime it returns, in the page's own time zone).

The metric follows upstream's ``evaluate_result``: no answer is a false
negative (and also a true negative when the gold date is null); a right date is
a true positive, a wrong one a false positive. P = TP/(TP+FP), R = TP/(TP+FN),
F = 2TP/(2TP+FP+FN), accuracy = (TP+TN)/(TP+FP+FN+TN). Five Media Cloud pages
have ``NaN`` as gold date; they are read as null dates.
"""

from __future__ import annotations

import json
import math
import re
import tarfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babelwire.evaluation.datasets import dataset_dir, subsample
from babelwire.evaluation.metrics import Decisions
from babelwire.evaluation.parallel import map_items
from babelwire.evaluation.report import EvalResult, Row, Table

LABEL_FILES = ("eval_mediacloud_2020.json", "eval_default.json")
ARCHIVE = "eval_and_cache_html.tar.xz"
ARCHIVE_DIRS = ("tests/cache", "tests/eval")

PUBLISHED = {
    "htmldate[all] 1.10.0 extensive, 1000 pages (docs/evaluation.rst)":
        {"f": 0.949, "precision": 0.908, "recall": 0.993, "accuracy": 0.903},
}

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True, slots=True)
class DatePage:
    """One labelled page: where its label came from, its URL, file name and gold date."""

    subset: str
    url: str
    file: str
    gold: str | None
    """``YYYY-MM-DD``, or None when the page has no identifiable date."""


def load_labels(folder: Path) -> list[DatePage]:
    """Every labelled page of both label files, in file order."""
    pages: list[DatePage] = []
    for name in LABEL_FILES:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        subset = name.removesuffix(".json").removeprefix("eval_")
        for url, entry in data.items():
            gold = entry.get("date")
            if isinstance(gold, float) and math.isnan(gold):
                gold = None
            pages.append(DatePage(subset=subset, url=url, file=str(entry["file"]), gold=gold))
    return pages


def read_pages(folder: Path, wanted: Sequence[DatePage]) -> dict[str, bytes]:
    """File name -> raw bytes for every wanted page (``test_set/`` first, then the archive)."""
    found: dict[str, bytes] = {}
    names = {page.file for page in wanted}
    for name in names:
        path = folder / "test_set" / name
        if path.is_file():
            found[name] = path.read_bytes()
    missing = names - set(found)
    if not missing:
        return found
    in_archive: dict[str, dict[str, bytes]] = {d: {} for d in ARCHIVE_DIRS}
    with tarfile.open(folder / ARCHIVE, mode="r:xz") as archive:
        for member in archive:  # one sequential pass over the compressed stream
            if not member.isfile():
                continue
            directory, _, name = member.name.rpartition("/")
            if name in missing and directory in in_archive:
                handle = archive.extractfile(member)
                if handle is not None:
                    in_archive[directory][name] = handle.read()
    for name in missing:
        for directory in ARCHIVE_DIRS:
            if name in in_archive[directory]:
                found[name] = in_archive[directory][name]
                break
    return found


def _find_date(job: tuple[str, bytes]) -> str | None:
    """(URL, raw page) -> the day babelwire finds, ``YYYY-MM-DD``, or None; for workers."""
    from babelwire.sources.charset import decode_bytes
    from babelwire.stages.extract import page_date

    url, raw = job
    found = page_date(decode_bytes(raw, html=True), url)
    return None if found is None else found.date().isoformat()


def judge(found: str | None, gold: str | None) -> Decisions:
    """Upstream's per-page template: (TP, FP, FN, TN)."""
    if found is None:
        return Decisions(fn=1, tn=1 if gold is None else 0)
    return Decisions(tp=1) if found == gold else Decisions(fp=1)


def declared_language(raw: bytes) -> str:
    """The page's ``<html lang>`` (two or three letters, lower case), or ``none``."""
    match = _HTML_LANG.search(raw[:20000])
    return match.group(1).decode("ascii").lower()[:3] if match else "none"


def _row(name: str, counts: Decisions, n: int) -> Row:
    return Row(key=name, n=n, values={
        "f": counts.f1, "precision": counts.precision, "recall": counts.recall,
        "accuracy": counts.accuracy})


def _sum(decisions: Sequence[Decisions]) -> Decisions:
    total = Decisions()
    for d in decisions:
        total = total + d
    return total


def evaluate_dates(data: str | Path | None = None, *, limit: int | None = None,
                   jobs: int = 1) -> EvalResult:
    """Score page_date on both label files: overall, per subset, per declared language."""
    started = time.perf_counter()
    folder = dataset_dir("dates", data)
    labelled = load_labels(folder)
    pages = subsample(labelled, limit, key="dates", ident=lambda p: f"{p.subset}:{p.url}")
    raw = read_pages(folder, pages)
    missing = [p.file for p in pages if p.file not in raw]
    pages = [p for p in pages if p.file in raw]
    answers = map_items(_find_date, [(p.url, raw[p.file]) for p in pages], jobs)
    verdicts = [judge(found, p.gold) for found, p in zip(answers, pages, strict=True)]

    groups: dict[str, dict[str, list[Decisions]]] = {"subset": {}, "language": {}}
    for page, verdict in zip(pages, verdicts, strict=True):
        groups["subset"].setdefault(page.subset, []).append(verdict)
        groups["language"].setdefault(declared_language(raw[page.file]), []).append(verdict)
    overall = _sum(verdicts)
    columns = ("f", "precision", "recall", "accuracy")

    def table(kind: str, title: str, min_n: int) -> Table:
        members: Mapping[str, list[Decisions]] = groups[kind]
        ordered = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        rows = [_row(k, _sum(v), len(v)) for k, v in ordered if len(v) >= min_n]
        small = [d for _, v in ordered if len(v) < min_n for d in v]
        if small:
            rows.append(_row(f"other (<{min_n} pages each)", _sum(small), len(small)))
        return Table(name=f"by_{kind}", title=title, key_label=kind, columns=columns,
                     rows=(*rows, _row("overall", overall, len(verdicts))))

    wrong = [{"url": p.url, "gold": p.gold, "found": a}
             for p, a, v in zip(pages, answers, verdicts, strict=True) if v.fp or v.fn]
    return EvalResult(
        task="dates", data=str(folder),
        headline={"f": round(overall.f1, 4), "precision": round(overall.precision, 4),
                  "recall": round(overall.recall, 4), "accuracy": round(overall.accuracy, 4)},
        items=len(pages),
        tables=(
            table("subset", "babelwire page_date, by label file", 1),
            table("language", "babelwire page_date, by declared page language (<html lang>)",
                  10),
        ),
        published=PUBLISHED,
        notes=(
            "P/R/F/accuracy of upstream's evaluation.py (TP right date, FP wrong date, "
            "FN no date, TN no date where gold is null)",
            "page_date is given the page's URL, as ExtractStage gives it; upstream's "
            "benchmark calls htmldate without one",
            *((f"deterministic subsample of {len(pages)} of {len(labelled)} pages",)
              if limit is not None and len(pages) < len(labelled) else ()),
            *((f"{len(missing)} label files have no HTML: {', '.join(missing[:5])}",)
              if missing else ()),
        ),
        details={"counts": {"tp": overall.tp, "fp": overall.fp, "fn": overall.fn,
                            "tn": overall.tn},
                 "errors": wrong},
        seconds=time.perf_counter() - started,
    )
