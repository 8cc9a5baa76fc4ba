"""Story clustering quality: BCubed against gold story labels (task ``clusters``).

The gold file is babelwire's JSONL article format with a ``story`` key on every
line (the bundled ``data/sample_corpus.jsonl`` by default). A copy without the
answer keys (``story``, ``copy_of``) is ingested into a fresh temporary database
with :func:`babelwire.ingest.run_ingest`, exactly as ``babelwire ingest FILE``
would, and each stored article's story is compared with its gold story by
BCubed precision, recall and F1 (``bcubed.py``):

* overall, over all pairs of articles;
* over same-language pairs only, and over cross-language pairs only (does the
  clusterer group across languages without merging unrelated stories?);
* per language: the BCubed figures of the articles in that language, each
  compared with every other article.

Copies (syndicated duplicates) are scored like any article: gold puts them in
their original's story, and so does babelwire.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babelwire.errors import SourceError
from babelwire.evaluation.bcubed import BCubed, bcubed
from babelwire.evaluation.report import EvalResult, Row, Table

if TYPE_CHECKING:
    from babelwire.settings import Settings
    from babelwire.stages.embed import Embedder


GOLD_KEYS = ("story", "copy_of")
"""Keys of the gold file that are answers; they are removed before ingesting."""


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldArticle:
    url: str
    story: str
    lang: str


def load_gold(path: Path) -> list[GoldArticle]:
    """Every line with a ``url`` and a ``story``; SourceError when there are none."""
    if not path.is_file():
        raise SourceError(str(path), "gold file not found; expected babelwire JSONL articles "
                                     "with a 'story' key on each line")
    found: list[GoldArticle] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}", f"bad JSON: {exc.msg}") from exc
        if isinstance(record, dict) and record.get("url") and record.get("story"):
            found.append(GoldArticle(url=str(record["url"]).strip(), story=str(record["story"]),
                                     lang=str(record.get("lang") or "und")))
    if not found:
        raise SourceError(str(path), "no line has both 'url' and 'story'; nothing to score")
    return found


def _without_gold(path: Path) -> str:
    """The JSONL file with its gold keys removed, so no stage can ever see the answer."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if isinstance(record, dict):
                for key in GOLD_KEYS:
                    record.pop(key, None)
            lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def cluster_gold_file(path: Path, settings: Settings,
                      embedder: Embedder | None = None) -> tuple[dict[str, int], int]:
    """Ingest ``path`` into a throw-away database: (URL -> story id, failed documents)."""
    from babelwire.ingest import run_ingest
    from babelwire.pipeline import Pipeline
    from babelwire.store import open_store

    with tempfile.TemporaryDirectory(prefix="babelwire-eval-") as tmp:
        blind = Path(tmp) / path.name
        blind.write_text(_without_gold(path), encoding="utf-8")
        local = settings.replace(db=str(Path(tmp) / "eval.db"))
        with open_store(local.db) as store:
            pipeline = Pipeline(store, local, embedder=embedder)
            report = run_ingest(local, store, [str(blind)], show_progress=False,
                                pipeline=pipeline)
            stories = {a.url: a.story_id for a in store.articles() if a.story_id is not None}
    return stories, report.failed


def _items_in(lang: Mapping[Hashable, str], code: str) -> Callable[[Hashable, Hashable], bool]:
    """A pair filter keeping the pairs whose first article is in language ``code``."""
    return lambda i, _j: lang[i] == code


def _row(name: str, score: BCubed) -> Row:
    return Row(key=name, n=score.items, values=score.scores())


def evaluate_clusters(gold_path: str | Path | None = None, *, settings: Settings | None = None,
                      embedder: Embedder | None = None) -> EvalResult:
    """Cluster the gold file with babelwire's pipeline and score it with BCubed."""
    from babelwire.demo import sample_corpus_path
    from babelwire.settings import load_settings

    started = time.perf_counter()
    path = Path(gold_path) if gold_path is not None else sample_corpus_path()
    gold_articles = load_gold(path)
    settings = settings or load_settings(env={})
    predicted_by_url, failed = cluster_gold_file(path, settings, embedder)

    gold: dict[Hashable, Hashable] = {a.url: a.story for a in gold_articles}
    lang: Mapping[Hashable, str] = {a.url: a.lang for a in gold_articles}
    predicted: dict[Hashable, Hashable] = {u: s for u, s in predicted_by_url.items()
                                           if u in gold}
    overall = bcubed(predicted, gold)
    same = bcubed(predicted, gold, lambda i, j: lang[i] == lang[j])
    cross = bcubed(predicted, gold, lambda i, j: lang[i] != lang[j])
    by_lang = []
    counts: dict[str, int] = {}
    for a in gold_articles:
        counts[a.lang] = counts.get(a.lang, 0) + 1
    for code in sorted(counts, key=lambda c: (-counts[c], c)):
        by_lang.append(_row(code, bcubed(predicted, gold, _items_in(lang, code))))
    columns = ("f1", "precision", "recall")
    unscored = len(gold) - len(predicted)
    return EvalResult(
        task="clusters", data=str(path),
        headline={"bcubed_f1": overall.f1, "bcubed_precision": overall.precision,
                  "bcubed_recall": overall.recall, "same_language_f1": same.f1,
                  "cross_language_f1": cross.scores()["f1"]},
        items=len(predicted),
        tables=(
            Table(name="by_pairs", title="BCubed of babelwire's stories, by kind of pair",
                  key_label="pairs", columns=columns,
                  rows=(_row("same-language", same), _row("cross-language", cross),
                        _row("overall", overall))),
            Table(name="by_language", title="BCubed of the articles in each language (gold)",
                  key_label="language", columns=columns, rows=(*by_lang, _row("overall",
                                                                               overall))),
        ),
        published={"babelwire at the sample corpus's creation (git log)": "BCubed F1 0.95-0.96"},
        notes=(
            "BCubed: per article, precision = share of its predicted story in its gold story, "
            "recall = share of its gold story in its predicted story; averaged over articles",
            f"stories: {len(set(predicted.values()))} predicted, {len(set(gold.values()))} gold",
            *((f"{unscored} gold articles were not stored ({failed} failed to ingest)",)
              if unscored else ()),
        ),
        details={"predicted_stories": len(set(predicted.values())),
                 "gold_stories": len(set(gold.values())), "ingest_failed": failed,
                 "story_threshold": settings.story_threshold},
        seconds=time.perf_counter() - started,
    )
