"""Where each task's labelled data lives, and a deterministic subsample.

The public benchmark sets are not shipped with babelwire. ``--data DIR`` names
either the set's own folder or a folder holding all of them (the "bench root",
also read from the environment variable ``BABELWIRE_BENCH_DIR``). A missing set
is a :class:`~babelwire.errors.SourceError` that names the path looked at and
what was expected there.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from babelwire.errors import SourceError

BENCH_ENV = "BABELWIRE_BENCH_DIR"
"""Environment variable naming the folder that holds every benchmark set."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    folder: str
    """The set's folder name inside the bench root."""
    required: tuple[str, ...]
    """Files or folders that must exist inside it."""
    description: str


DATASETS: dict[str, DatasetSpec] = {
    "extraction": DatasetSpec(
        "scrapinghub-article-extraction-benchmark", ("ground-truth.json", "html"),
        "the Scrapinghub article-extraction benchmark (ground-truth.json, html/*.html.gz)"),
    "dates": DatasetSpec(
        "htmldate-eval",
        ("eval_default.json", "eval_mediacloud_2020.json", "eval_and_cache_html.tar.xz",
         "test_set"),
        "the htmldate evaluation set (eval_default.json, eval_mediacloud_2020.json, "
        "eval_and_cache_html.tar.xz, test_set/)"),
    "similarity": DatasetSpec(
        "semeval2022-task8-hfl-sample", ("training_set.csv", "testing_set.csv"),
        "the SemEval-2022 Task 8 sample with texts (training_set.csv, testing_set.csv)"),
}
DATASETS["langid"] = DATASETS["similarity"]


def _has_all(folder: Path, spec: DatasetSpec) -> bool:
    return all((folder / name).exists() for name in spec.required)


def dataset_dir(task: str, data: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding ``task``'s labelled data.

    ``data`` may be the set's own folder or the bench root; when it is None the
    bench root comes from ``$BABELWIRE_BENCH_DIR``. Raises SourceError, naming the
    expected path, when the set is not there.
    """
    spec = DATASETS[task]
    if data is None:
        root = os.environ.get(BENCH_ENV)
        if not root:
            raise SourceError(
                f"{task}", f"no data folder given: pass --data DIR (the folder of "
                f"{spec.description}) or set {BENCH_ENV} to the folder holding {spec.folder}/")
        data = root
    base = Path(data).expanduser()
    for candidate in (base, base / spec.folder):
        if candidate.is_dir() and _has_all(candidate, spec):
            return candidate
    expected = base if base.name == spec.folder else base / spec.folder
    missing = [name for name in spec.required if not (expected / name).exists()]
    raise SourceError(
        str(expected),
        f"benchmark data for '{task}' not found (missing: {', '.join(missing)}); expected "
        f"{spec.description} there. Pass --data with the set's folder or with the folder "
        f"holding {spec.folder}/")


def stable_key(text: str) -> str:
    """A hash of ``text`` that is the same on every machine and Python version."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def subsample(items: Iterable[T], n: int | None, key: str = "",
              ident: Callable[[T], str] = str) -> list[T]:
    """``n`` items chosen by a stable hash of ``key + ident(item)`` (all when n is None).

    The same data and ``n`` always give the same subsample, kept in input order.
    """
    listed = list(items)
    if n is None or n >= len(listed):
        return listed
    ranked = sorted(range(len(listed)), key=lambda i: stable_key(key + ident(listed[i])))
    chosen = sorted(ranked[:max(n, 0)])
    return [listed[i] for i in chosen]
