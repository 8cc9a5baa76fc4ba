"""Language identification accuracy (task ``langid``).

:func:`babelwire.stages.language.identify` is run on texts whose language is
known and its ISO 639-1 code compared with the gold one:

* the bundled sample corpus (``lang`` of each line; title and text joined as
  the language stage joins them);
* with ``--data``, the SemEval-2022 Task 8 sample: every distinct article
  (by the article ids in ``pair_id``) with its pair's language code.

The other benchmark sets carry no language labels, so they are not used.
Accuracy is reported per gold language, per set, overall (micro: every text
counts once) and as the unweighted mean over languages (macro).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babelwire.evaluation.datasets import dataset_dir, subsample
from babelwire.evaluation.report import EvalResult, Row, Table


@dataclass(frozen=True, kw_only=True, slots=True)
class LabelledText:
    dataset: str
    ident: str
    lang: str
    text: str


def sample_corpus_texts(path: Path | None = None) -> list[LabelledText]:
    from babelwire.demo import sample_corpus_path

    path = path or sample_corpus_path()
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("lang"):
                found.append(LabelledText(
                    dataset="sample_corpus", ident=str(record.get("id") or record["url"]),
                    lang=str(record["lang"]).lower(),
                    text=f"{record.get('title') or ''}\n{record.get('text') or ''}"))
    return found


def semeval_texts(folder: Path) -> list[LabelledText]:
    """One text per distinct SemEval article id, with its language code."""
    from babelwire.evaluation.similarity import read_rows

    seen: dict[str, LabelledText] = {}
    for row in read_rows(folder):
        ids = row["pair_id"].split("_")
        if len(ids) != 2:
            continue
        for article_id, lang, text in ((ids[0], row["lang1"], row["text1"]),
                                       (ids[1], row["lang2"], row["text2"])):
            if article_id not in seen and text.strip():
                seen[article_id] = LabelledText(dataset="semeval2022", ident=article_id,
                                                lang=lang.strip().lower(), text=text)
    return list(seen.values())


def _rows(texts: Sequence[LabelledText], found: Sequence[str]) -> list[Row]:
    by_lang: dict[str, list[bool]] = {}
    for item, code in zip(texts, found, strict=True):
        by_lang.setdefault(item.lang, []).append(code == item.lang)
    return [Row(key=lang, n=len(hits), values={"accuracy": sum(hits) / len(hits)})
            for lang, hits in sorted(by_lang.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def evaluate_langid(data: str | Path | None = None, *, limit: int | None = None,
                    corpus: Path | None = None) -> EvalResult:
    """Accuracy of ``identify`` on the sample corpus and, when ``data`` is given, SemEval."""
    from babelwire.stages.language import identify

    started = time.perf_counter()
    texts = sample_corpus_texts(corpus)
    sources = ["sample corpus"]
    if data is not None:
        folder = dataset_dir("langid", data)
        texts += subsample(semeval_texts(folder), limit, key="langid",
                           ident=lambda t: t.ident)
        sources.append(str(folder))
    found = [identify(t.text).code for t in texts]
    hits = [code == t.lang for t, code in zip(texts, found, strict=True)]
    per_lang = _rows(texts, found)
    tables = []
    for dataset in dict.fromkeys(t.dataset for t in texts):
        members = [i for i, t in enumerate(texts) if t.dataset == dataset]
        sub_hits = [hits[i] for i in members]
        tables.append(Table(
            name=dataset, title=f"identify() accuracy on {dataset}, by gold language",
            key_label="language", columns=("accuracy",),
            rows=(*_rows([texts[i] for i in members], [found[i] for i in members]),
                  Row(key="overall", n=len(members),
                      values={"accuracy": sum(sub_hits) / len(members)}))))
    confusions = Counter(f"{t.lang}->{code}" for t, code in zip(texts, found, strict=True)
                         if code != t.lang)
    accuracy = sum(hits) / len(hits)
    macro = sum(float(r.values["accuracy"] or 0.0) for r in per_lang) / len(per_lang)
    return EvalResult(
        task="langid", data="; ".join(sources),
        headline={"accuracy": round(accuracy, 4), "macro_accuracy": round(macro, 4)},
        items=len(texts), tables=tuple(tables),
        published={"fastText lid.176 (Joulin et al. 2016)":
                   "about 0.99 on Tatoeba/WiLI sentences; not the same data"},
        notes=(
            "accuracy: share of texts whose identified ISO 639-1 code equals the gold code; "
            "macro_accuracy: unweighted mean over gold languages",
            *(("semeval2022: text as the sample gives it (HFL's processed title + body); a few "
               "rows are mojibake",) if data is not None else ()),
            *((f"deterministic subsample of {limit} SemEval articles",)
              if data is not None and limit is not None else ()),
        ),
        details={"confusions": dict(confusions.most_common())},
        seconds=time.perf_counter() - started,
    )
