"""Article-body extraction quality on the Scrapinghub benchmark (task ``extraction``).

The metric is the benchmark's own (upstream ``evaluate.py``), re-implemented:

* tokens are the matches of the regular expression ``\\w+``; a document's
  shingles are the multiset of its token 4-grams (a text shorter than four
  tokens is one shingle of all its tokens, an empty text has none);
* per document, TP / FP / FN are the shingle-multiset overlap, the predicted
  excess and the gold excess, each divided by TP + FP + FN so every page weighs
  the same;
* precision is averaged over documents with TP + FP > 0, recall over documents
  with TP + FN > 0 (a document with FP = FN = 0 scores 1 on both);
  F1 = 2PR / (P + R) of the two averages;
* accuracy is the share of documents whose token sequences are identical.

:func:`score_shipped_outputs` scores the predictions the benchmark ships
(``output/*.json``), which checks this scorer against the published figures.
The system under test is babelwire's :class:`~babelwire.stages.extract.ExtractStage`
(trafilatura underneath), fed each page with its URL as the pipeline would be.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from statistics import mean
from typing import Any

from babelwire.evaluation.datasets import dataset_dir, subsample
from babelwire.evaluation.metrics import f1_of
from babelwire.evaluation.parallel import map_items
from babelwire.evaluation.report import EvalResult, Row, Table

TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
SHINGLE_SIZE = 4

PUBLISHED = {
    "trafilatura 2.0.0 (upstream README)": {"f1": 0.958, "precision": 0.938, "recall": 0.978},
}
"""The published anchor for the system babelwire wraps."""

PUBLISHED_OUTPUTS: dict[str, tuple[float, float, float]] = {
    "trafilatura": (0.958, 0.938, 0.978),
    "readability_js": (0.947, 0.914, 0.982),
    "go_readability": (0.934, 0.900, 0.971),
    "readability": (0.922, 0.913, 0.931),
    "goose3": (0.896, 0.940, 0.856),
    "justext": (0.804, 0.858, 0.756),
    "html-text": (0.665, 0.500, 0.994),
    "news_please": (0.948, 0.964, 0.933),
    "newspaper": (0.949, 0.964, 0.934),
    "boilerpipe": (0.860, 0.850, 0.870),
}
"""(F1, P, R) the upstream README publishes for the shipped ``output/<name>.json`` files."""


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of token n-grams; fewer than ``n`` tokens make one shorter shingle."""
    words = tokens(text)
    found: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(words) - n + 1)):
        shingle = tuple(words[i:i + n])
        if shingle:
            found[shingle] += 1
    return found


@dataclass(frozen=True, slots=True)
class Overlap:
    """One document's shingle TP, FP and FN, normalised to sum to 1 (or all 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)


def shingle_overlap(true: str | None, pred: str | None, n: int = SHINGLE_SIZE) -> Overlap:
    gold, found = shingles(true, n), shingles(pred, n)
    tp = float(sum((gold & found).values()))
    fp = float(sum((found - gold).values()))
    fn = float(sum((gold - found).values()))
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return Overlap(tp, fp, fn)


@dataclass(frozen=True, slots=True)
class ShingleScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    documents: int


def score_documents(pairs: Sequence[tuple[str | None, str | None]]) -> ShingleScore:
    """Score (gold body, predicted body) pairs with the benchmark's averaging."""
    overlaps = [shingle_overlap(true, pred) for true, pred in pairs]
    with_pred = [o.precision for o in overlaps if o.tp + o.fp > 0]
    with_gold = [o.recall for o in overlaps if o.tp + o.fn > 0]
    precision = mean(with_pred) if with_pred else 0.0
    recall = mean(with_gold) if with_gold else 0.0
    exact = [float(tokens(true) == tokens(pred)) for true, pred in pairs]
    return ShingleScore(precision=precision, recall=recall, f1=f1_of(precision, recall),
                        accuracy=mean(exact) if exact else 0.0, documents=len(pairs))


def load_ground_truth(folder: Path) -> dict[str, dict[str, Any]]:
    """``{item_id: {"articleBody": ..., "url": ...}}``."""
    data: dict[str, dict[str, Any]] = json.loads(
        (folder / "ground-truth.json").read_text(encoding="utf-8"))
    return data


def load_predictions(path: Path) -> dict[str, str | None]:
    """A predictions file, plain or wrapped as ``{"version": ..., "output": {...}}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data.get("output"), dict):
        data = data["output"]
    return {key: (value or {}).get("articleBody") for key, value in data.items()}


def score_predictions(gold: Mapping[str, Mapping[str, Any]],
                      predicted: Mapping[str, str | None]) -> ShingleScore:
    if set(gold) != set(predicted):
        raise ValueError("predicted item ids do not match the ground truth")
    return score_documents([(gold[k].get("articleBody"), predicted[k]) for k in gold])


def score_shipped_outputs(folder: Path) -> dict[str, ShingleScore]:
    """Every ``output/*.json`` the benchmark ships, scored against its ground truth."""
    gold = load_ground_truth(folder)
    return {path.stem: score_predictions(gold, load_predictions(path))
            for path in sorted((folder / "output").glob("*.json"))}


def _extract_one(job: tuple[str, str, bytes]) -> tuple[str, str, str | None]:
    """(item id, URL, gzipped HTML) -> (item id, body text, error or None); for workers."""
    from babelwire.errors import BabelwireError
    from babelwire.records import FetchedDocument
    from babelwire.sources.charset import decode_bytes
    from babelwire.stages.extract import ExtractStage

    item_id, url, page = job
    doc = FetchedDocument(location=item_id, url=url, source="", fetched_at=datetime.now(UTC),
                          html=decode_bytes(gzip.decompress(page), html=True))
    try:
        return item_id, ExtractStage()(doc).text, None
    except BabelwireError as exc:
        return item_id, "", str(exc)


def extract_bodies(folder: Path, gold: Mapping[str, Mapping[str, Any]],
                   jobs: int = 1) -> tuple[dict[str, str], dict[str, str]]:
    """Run ExtractStage on each page: (item id -> text, item id -> error for failures)."""
    work = [(key, str(value.get("url") or ""), (folder / "html" / f"{key}.html.gz").read_bytes())
            for key, value in gold.items()]
    bodies: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, text, error in map_items(_extract_one, work, jobs):
        bodies[key] = text
        if error is not None:
            errors[key] = error
    return bodies, errors


def _language_of(text: str) -> str:
    from babelwire.stages.language import identify

    return identify(text).code if text.strip() else "und"


def evaluate_extraction(data: str | Path | None = None, *, limit: int | None = None,
                        jobs: int = 1) -> EvalResult:
    """Score ExtractStage on the benchmark, per language of the gold text and overall."""
    started = time.perf_counter()
    folder = dataset_dir("extraction", data)
    all_gold = load_ground_truth(folder)
    keys = subsample(sorted(all_gold), limit, key="extraction")
    gold = {k: all_gold[k] for k in keys}
    bodies, errors = extract_bodies(folder, gold, jobs)
    by_lang: dict[str, list[str]] = {}
    for key in keys:
        by_lang.setdefault(_language_of(gold[key].get("articleBody") or ""), []).append(key)

    def row(name: str, members: Sequence[str]) -> Row:
        s = score_documents([(gold[k].get("articleBody"), bodies[k]) for k in members])
        return Row(key=name, n=len(members), values={
            "f1": s.f1, "precision": s.precision, "recall": s.recall, "accuracy": s.accuracy})

    overall = row("overall", keys)
    rows = [row(lang, members) for lang, members in
            sorted(by_lang.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    reference_rows = []
    for name, s in score_shipped_outputs(folder).items():
        published = PUBLISHED_OUTPUTS.get(name)
        reference_rows.append(Row(key=name, n=s.documents, values={
            "f1": s.f1, "precision": s.precision, "recall": s.recall,
            "published_f1": published[0] if published else None}))
    columns = ("f1", "precision", "recall", "accuracy")
    return EvalResult(
        task="extraction", data=str(folder),
        headline={k: round(float(overall.values[k] or 0.0), 4) for k in columns},
        items=len(keys),
        tables=(
            Table(name="by_language", title="babelwire ExtractStage, by language of the gold text",
                  key_label="language", columns=columns, rows=(*rows, overall)),
            Table(name="shipped_outputs",
                  title="scorer check: the benchmark's shipped outputs (all pages)",
                  key_label="system", columns=("f1", "precision", "recall", "published_f1"),
                  rows=tuple(reference_rows)),
        ),
        published=PUBLISHED,
        notes=(
            "shingle F1 of the benchmark's evaluate.py: \\w+ tokens, 4-gram multisets, "
            "per-page normalised TP/FP/FN, P and R averaged over pages",
            "language: babelwire's identifier on the gold text",
            *((f"{len(errors)} pages gave no text (scored as empty)",) if errors else ()),
            *((f"deterministic subsample of {len(keys)} of {len(all_gold)} pages",)
              if limit is not None and len(keys) < len(all_gold) else ()),
        ),
        details={"failed_pages": dict(sorted(errors.items()))},
        seconds=time.perf_counter() - started,
    )
