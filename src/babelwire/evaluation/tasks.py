"""The evaluation tasks by name, run with one set of options (used by the CLI and bench).

* ``extraction``: data ``scrapinghub-article-extraction-benchmark``; headline ``f1``
  (and precision, recall);
* ``dates``: data ``htmldate-eval``; headline ``f``;
* ``similarity``: data ``semeval2022-task8-hfl-sample``; headline ``pearson``, ``f1``;
* ``clusters``: no data folder; ``--gold FILE.jsonl`` (default: the sample corpus);
  headline ``bcubed_f1``;
* ``langid``: the sample corpus, plus ``semeval2022-task8-hfl-sample`` when a data
  folder is given or ``$BABELWIRE_BENCH_DIR`` is set; headline ``accuracy``;
* ``entities``: data ``slavicner``; headline ``ner_f1``, ``linking_f1``;
* ``topics``: data ``slavicner``; headline ``join_precision``, ``bcubed_precision`` (do
  stories mix SlavicNER's topics? the clusterer out of sample).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babelwire.evaluation.report import EvalResult

if TYPE_CHECKING:
    from babelwire.settings import Settings
    from babelwire.stages.embed import Embedder

HEADLINES: dict[str, tuple[str, ...]] = {
    "extraction": ("f1",),
    "dates": ("f",),
    "similarity": ("pearson", "f1"),
    "clusters": ("bcubed_f1",),
    "langid": ("accuracy",),
    "entities": ("ner_f1", "linking_f1"),
    "topics": ("join_precision", "bcubed_precision"),
}
"""The figures each task's quality gate pins."""

TASKS: tuple[str, ...] = tuple(HEADLINES)


@dataclass(frozen=True, kw_only=True, slots=True)
class EvalOptions:
    data: str | Path | None = None
    """The task's data folder or the bench root (None: ``$BABELWIRE_BENCH_DIR``)."""
    gold: str | Path | None = None
    """``clusters`` only: the gold JSONL file (None: the bundled sample corpus)."""
    limit: int | None = None
    """Score a deterministic subsample of this many items (None: all)."""
    jobs: int = 1
    """Worker processes for extraction and date finding."""
    settings: Settings | None = None
    """Settings for the embedder and clusterer (None: the defaults, without env or file)."""
    embedder: Embedder | None = None
    """An already loaded embedder to reuse (None: load the one the settings name)."""


def _settings(options: EvalOptions) -> Settings:
    from babelwire.settings import load_settings

    return options.settings or load_settings(env={})


def _embedder(options: EvalOptions) -> Embedder:
    from babelwire.stages.embed import settings_embedder

    if options.embedder is not None:
        return options.embedder
    return settings_embedder(_settings(options))


def _extraction(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.extraction import evaluate_extraction

    return evaluate_extraction(options.data, limit=options.limit, jobs=options.jobs)


def _dates(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.dates import evaluate_dates

    return evaluate_dates(options.data, limit=options.limit, jobs=options.jobs)


def _similarity(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.datasets import dataset_dir
    from babelwire.evaluation.similarity import evaluate_similarity
    from babelwire.stages.cluster import ClusterParams

    dataset_dir("similarity", options.data)  # fail on missing data before loading the model
    s = _settings(options)
    params = ClusterParams(threshold=s.story_threshold, window_days=s.story_window_days)
    return evaluate_similarity(options.data, limit=options.limit, embedder=_embedder(options),
                               params=params)


def _clusters(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.clusters import evaluate_clusters

    return evaluate_clusters(options.gold, settings=_settings(options),
                             embedder=options.embedder)


def _langid(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.datasets import BENCH_ENV
    from babelwire.evaluation.langid import evaluate_langid

    data = options.data if options.data is not None else os.environ.get(BENCH_ENV) or None
    return evaluate_langid(data, limit=options.limit)


def _entities(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.entities import evaluate_entities

    return evaluate_entities(options.data, limit=options.limit)


def _topics(options: EvalOptions) -> EvalResult:
    from babelwire.evaluation.entities import resolve_data_dir
    from babelwire.evaluation.topics import evaluate_topics

    resolve_data_dir(options.data)  # fail on missing data before loading the model
    return evaluate_topics(options.data, limit=options.limit, settings=_settings(options),
                           embedder=options.embedder)


_RUNNERS: dict[str, Callable[[EvalOptions], EvalResult]] = {
    "extraction": _extraction,
    "dates": _dates,
    "similarity": _similarity,
    "clusters": _clusters,
    "langid": _langid,
    "entities": _entities,
    "topics": _topics,
}


def run_task(task: str, options: EvalOptions | None = None) -> EvalResult:
    """Run one task; raises SourceError (naming the expected path) when its data is absent."""
    if task not in _RUNNERS:
        raise ValueError(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    return _RUNNERS[task](options or EvalOptions())
