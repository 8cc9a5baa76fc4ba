"""Memory and build time of the near-duplicate index, per original it holds.

Random MinHash signatures (as many as ``--originals``, default 50,000) are indexed
the way the pipeline indexes stored originals; Python's allocations are traced.
The figure says what holding every original costs a long-running service
(``dedup_keep_days = 0``) against holding a window of recent days.

    python bench/dedup_index.py [--originals 50000] [--out bench/results/dedup_index.json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from babelwire.stages.dedup import NUM_PERM, NearDuplicateIndex


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--originals", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=Path("bench/results/dedup_index.json"))
    args = parser.parse_args()
    rng = random.Random(7)
    sigs = [tuple(rng.getrandbits(32) for _ in range(NUM_PERM)) for _ in range(args.originals)]
    tracemalloc.start()
    started = time.perf_counter()
    index = NearDuplicateIndex(0.5)
    for article_id, sig in enumerate(sigs):
        index.add(article_id, sig)
    seconds = time.perf_counter() - started
    held, _peak = tracemalloc.get_traced_memory()
    held += sum(sig.__sizeof__() + sum(x.__sizeof__() for x in sig) for sig in sigs)
    tracemalloc.stop()
    started = time.perf_counter()
    for sig in sigs[:1000]:
        index.best_match(sig)
    query_ms = (time.perf_counter() - started)
    result = {
        "benchmark": "dedup_index", "originals": args.originals, "num_perm": NUM_PERM,
        "mib": round(held / 2**20, 1),
        "kib_per_original": round(held / 1024 / args.originals, 2),
        "build_seconds": round(seconds, 2),
        "originals_per_s": round(args.originals / seconds),
        "query_ms": round(query_ms, 3),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print(f"{args.originals:,} originals: {result['mib']} MiB "
          f"({result['kib_per_original']} KiB each), built in {seconds:.1f} s "
          f"({result['originals_per_s']:,}/s); a check {result['query_ms']} ms")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
