"""HTTP API under load: p50/p95 latency with 50 concurrent clients over 100,000 articles.

1. The demo database (the sample corpus, ingested once with the real pipeline)
   is replicated in SQL to ``--articles`` articles: replica k gets new ids, new
   URLs, new stories and times shifted ``k * --shift-hours`` earlier, and reuses
   the embeddings and entity mentions, so no model runs 100,000 times. The FTS triggers index every
   copy as ingest would.
2. ``babelwire --db DB serve`` starts in its own process on 127.0.0.1 (a free
   port), as a user would run it.
3. One cold request per distinct query first: what a cache miss costs.
4. Two phases, each with ``--clients`` asyncio tasks that hold their own
   keep-alive connection (a minimal HTTP/1.1 client, :class:`KeepAlive`, so
   that the load generator leaves the CPU to the server) and share a shuffled
   list of requests:
   ``/api/stories`` (7 filter combinations), ``/api/story/{id}`` (ids drawn
   from every story), ``/api/search?q=`` (keyword, a dozen queries) and
   ``/api/entities/{id}`` (ids drawn from every entity named in an article).
   *saturated*: no pause between a client's requests, so the server always has
   50 requests in hand and latency is mostly queueing (about clients divided by
   throughput). *paced*: each client pauses a random think time (mean
   ``--think-ms``) between requests, as people at dashboards do.
5. Latency is measured at the client and, from the ``Server-Timing`` header,
   inside the server; CPU per request of both processes and the machine's load
   average are recorded, because client and server share the machine's cores.
   Results go to ``bench/results/api_load.json``.

    python bench/api_load.py [--articles 100000] [--clients 50] [--requests 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from babelwire.demo import build_demo
from babelwire.settings import load_settings

TARGET_P95_MS = 200.0
KINDS = ("stories", "story", "search", "entity")
STORY_FILTERS: tuple[dict[str, str], ...] = (
    {}, {"range": "24h"}, {"range": "30d"}, {"range": "all"}, {"lang": "de"},
    {"lang": "ar", "range": "30d"}, {"source": "Global Wire"})
QUERIES: tuple[str, ...] = (
    "Valencia", "earthquake", "ECB OR EZB", "\"interest rates\"", "TGV AND grève", "typhoon",
    "Denizli", "ferry NOT Japan", "dinosaur OR dinossauro", "Kuaimai", "strike", "Hackerangriff")


def replicate(source: Path, target: Path, articles: int, shift_hours: float) -> dict[str, Any]:
    """Copy ``source`` to ``target`` and grow it to ``articles`` articles in SQL."""
    shutil.copy(source, target)
    started = time.perf_counter()
    db = sqlite3.connect(target, isolation_level=None)
    n, max_article = db.execute("SELECT COUNT(*), MAX(id) FROM articles").fetchone()
    max_story = db.execute("SELECT MAX(id) FROM stories").fetchone()[0]
    if n != max_article:
        raise SystemExit("article ids of the demo database are not 1..N; rebuild it")
    replicas = -(-(articles - n) // n)
    time_expr = "strftime('%Y-%m-%dT%H:%M:%S+00:00', {col}, printf('-%d minutes', r.k * :m))"
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    db.execute(
        "WITH RECURSIVE r(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM r WHERE k < :reps) "
        "INSERT INTO stories (id, title, created_at, first_seen, last_seen, merged_into) "
        f"SELECT s.id + r.k * :ms, s.title, s.created_at, {time_expr.format(col='s.first_seen')}, "
        f"{time_expr.format(col='s.last_seen')}, NULL FROM stories s, r",
        {"reps": replicas, "ms": max_story, "m": int(shift_hours * 60)})
    columns = ("url, canonical_url, title, text, source, author, site, lang, lang_confidence, "
               "published, fetched_at, location, doc_id, content_hash, minhash, duplicate_of, "
               "dup_reason, dup_similarity, story_id, story_score, story_evidence, embedding, "
               "metadata")
    db.execute(
        "WITH RECURSIVE r(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM r WHERE k < :reps) "
        f"INSERT INTO articles (id, {columns}) SELECT a.id + r.k * :n, "
        "a.url || '#r' || r.k, a.canonical_url || '#r' || r.k, a.title, a.text, a.source, "
        "a.author, a.site, a.lang, a.lang_confidence, "
        f"{time_expr.format(col='a.published')}, a.fetched_at, a.location, a.doc_id, "
        "a.content_hash || ':' || r.k, a.minhash, a.duplicate_of + r.k * :n, a.dup_reason, "
        "a.dup_similarity, a.story_id + r.k * :ms, a.story_score, a.story_evidence, "
        "a.embedding, a.metadata FROM articles a, r "
        "WHERE a.id <= :n AND (r.k - 1) * :n + a.id <= :extra ORDER BY r.k, a.id",
        {"reps": replicas, "n": n, "ms": max_story, "m": int(shift_hours * 60),
         "extra": articles - n})
    db.execute(
        "WITH RECURSIVE r(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM r WHERE k < :reps) "
        'INSERT INTO entity_mentions (article_id, entity_id, text, kind, start, "end", rule) '
        'SELECT m.article_id + r.k * :n, m.entity_id, m.text, m.kind, m.start, m."end", m.rule '
        "FROM entity_mentions m, r WHERE m.article_id <= :n "
        "AND (r.k - 1) * :n + m.article_id <= :extra ORDER BY r.k, m.id",
        {"reps": replicas, "n": n, "extra": articles - n})
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = db.execute("SELECT COUNT(*), COUNT(DISTINCT story_id) FROM articles").fetchone()
    mentions = db.execute("SELECT COUNT(*) FROM entity_mentions").fetchone()[0]
    span = db.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    db.close()
    return {"articles": counts[0], "stories": counts[1], "entity_mentions": mentions,
            "replicas": replicas,
            "published_from": span[0], "published_to": span[1],
            "build_seconds": round(time.perf_counter() - started, 1),
            "db_megabytes": round(target.stat().st_size / 2**20, 1)}


def describe(db_path: Path) -> dict[str, Any]:
    """The figures :func:`replicate` reports, read from an existing replicated database."""
    db = sqlite3.connect(db_path)
    counts = db.execute("SELECT COUNT(*), COUNT(DISTINCT story_id) FROM articles").fetchone()
    mentions = db.execute("SELECT COUNT(*) FROM entity_mentions").fetchone()[0]
    span = db.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    db.close()
    return {"articles": counts[0], "stories": counts[1], "entity_mentions": mentions,
            "published_from": span[0], "published_to": span[1], "reused": True,
            "db_megabytes": round(db_path.stat().st_size / 2**20, 1)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "BABELWIRE_CONFIG": ""}
    proc = subprocess.Popen([sys.executable, "-m", "babelwire.cli", "--db", str(db), "serve",
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"n": len(ordered), "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99),
            "max_ms": round(ordered[-1], 1), "mean_ms": round(statistics.fmean(ordered), 1)}


def request_mix(story_ids: list[int], entity_ids: list[int], per_endpoint: int,
                rng: random.Random, kinds: tuple[str, ...] = KINDS
                ) -> list[tuple[str, str, dict[str, str]]]:
    mix: list[tuple[str, str, dict[str, str]]] = []
    for i in range(per_endpoint):
        made = {"stories": ("stories", "/api/stories", STORY_FILTERS[i % len(STORY_FILTERS)]),
                "story": ("story", f"/api/story/{rng.choice(story_ids)}", {}),
                "search": ("search", "/api/search", {"q": QUERIES[i % len(QUERIES)]}),
                "entity": ("entity", f"/api/entities/{rng.choice(entity_ids)}", {})}
        mix.extend(made[k] for k in kinds)
    rng.shuffle(mix)
    return mix


@dataclass
class Samples:
    """Latencies in ms per endpoint: at the client, and inside the server (Server-Timing)."""

    client: dict[str, list[float]] = field(
        default_factory=lambda: {k: [] for k in KINDS})
    server: dict[str, list[float]] = field(
        default_factory=lambda: {k: [] for k in KINDS})
    errors: int = 0


class KeepAlive:
    """A minimal HTTP/1.1 client on one keep-alive connection (GET only).

    httpx spent more CPU per request than the server did, and both share the
    machine's cores; this client parses only the status, the headers and a
    Content-Length or chunked body, so the server gets most of the CPU.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        target = path + ("?" + urlencode(params) if params else "")
        for attempt in (1, 2):  # the server may have closed an idle connection
            if self._writer is None:
                self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
            assert self._reader is not None and self._writer is not None
            self._writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
            try:
                return await self._response(self._reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                await self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _response(self, reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = {}
        for line in head[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            parts = []
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(p[:-2] for p in parts)
        else:
            raise ConnectionError("a response without a length")
        if headers.get("connection") == "close":
            await self.close()
        return status, headers, body

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None


async def run_load(base: str, mix: list[tuple[str, str, dict[str, str]]], clients: int,
                   think_ms: float, seed: int = 11) -> tuple[Samples, float]:
    """``clients`` tasks work through ``mix``; each waits a random think time (mean
    ``think_ms``, exponential) between its requests, or none when ``think_ms`` is 0."""
    queue: asyncio.Queue[tuple[str, str, dict[str, str]]] = asyncio.Queue()
    for item in mix:
        queue.put_nowait(item)
    samples = Samples()
    rng = random.Random(seed)
    where = urlsplit(base)

    async def client() -> None:
        http = KeepAlive(where.hostname or "127.0.0.1", where.port or 80)
        try:
            while True:
                if think_ms:
                    await asyncio.sleep(rng.expovariate(1000.0 / think_ms))
                try:
                    kind, path, params = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                started = time.perf_counter()
                status, headers, _ = await http.get(path, params)
                samples.client[kind].append((time.perf_counter() - started) * 1000)
                timing = headers.get("server-timing", "")
                if "dur=" in timing:
                    samples.server[kind].append(float(timing.split("dur=")[1]))
                if status != 200:
                    samples.errors += 1
        finally:
            await http.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return samples, time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (Linux), or NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def phase(base: str, server_pid: int, mix: list[tuple[str, str, dict[str, str]]],
          clients: int, think_ms: float) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    client_cpu, server_cpu = time.process_time(), cpu_seconds(server_pid)
    samples, seconds = asyncio.run(run_load(base, mix, clients, think_ms))
    n = len(mix)
    return {
        "clients": clients, "think_ms_mean": think_ms, "requests": n, "errors": samples.errors,
        "seconds": round(seconds, 1), "requests_per_second": round(n / seconds, 1),
        "latency_at_client": {k: percentiles(v) for k, v in samples.client.items() if v},
        "latency_in_server": {k: percentiles(v) for k, v in samples.server.items() if v},
        "cpu_ms_per_request": {
            "client": round((time.process_time() - client_cpu) / n * 1000, 2),
            "server": round((cpu_seconds(server_pid) - server_cpu) / n * 1000, 2)},
        "load_average_1min": {"before": round(load_before, 2),
                              "after": round(os.getloadavg()[0], 2)},
    }


def cold_requests(base: str, story_ids: list[int],
                  entity_ids: list[int]) -> dict[str, dict[str, float]]:
    """One request per distinct query before any load: what a cache miss costs."""
    cold: dict[str, list[float]] = {k: [] for k in KINDS}
    with httpx.Client(base_url=base, timeout=60) as http:
        jobs = ([("stories", "/api/stories", f) for f in STORY_FILTERS]
                + [("story", f"/api/story/{i}", {}) for i in story_ids[:: max(
                    1, len(story_ids) // 20)][:20]]
                + [("search", "/api/search", {"q": q}) for q in QUERIES]
                + [("entity", f"/api/entities/{i}", {}) for i in entity_ids[:20]])
        for kind, path, params in jobs:
            started = time.perf_counter()
            response = http.get(path, params=params)
            response.raise_for_status()
            cold[kind].append((time.perf_counter() - started) * 1000)
    return {kind: percentiles(values) for kind, values in cold.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000, help="per endpoint")
    parser.add_argument("--paced-requests", type=int, default=400,
                        help="per endpoint, in the paced phase")
    parser.add_argument("--think-ms", type=float, default=500.0,
                        help="mean pause between a paced client's requests")
    parser.add_argument("--shift-hours", type=float, default=2.0)
    parser.add_argument("--demo-db", type=Path, default=None,
                        help="an existing demo database (default: build one)")
    parser.add_argument("--endpoints", default=",".join(KINDS),
                        help=f"which of {','.join(KINDS)} the phases request")
    parser.add_argument("--replicated-db", type=Path, default=None,
                        help="keep the replicated database here and reuse it when it exists")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" /
                        "api_load.json")
    args = parser.parse_args()
    kinds = tuple(k for k in args.endpoints.split(",") if k)
    if not kinds or set(kinds) - set(KINDS):
        parser.error(f"--endpoints: choose among {','.join(KINDS)}")

    with tempfile.TemporaryDirectory(prefix="babelwire-load-") as tmp:
        work = Path(tmp)
        demo = args.demo_db
        if demo is None:
            demo = work / "demo.db"
            print("building the demo database ...", flush=True)
            build_demo(load_settings(env={}, overrides={"db": str(demo)}), fresh=True)
        load_db = args.replicated_db or work / "load.db"
        if args.replicated_db is not None and load_db.exists():
            dataset = describe(load_db)
        else:
            print(f"replicating to {args.articles} articles ...", flush=True)
            dataset = replicate(demo, load_db, args.articles, args.shift_hours)
        print(json.dumps(dataset), flush=True)
        with sqlite3.connect(load_db) as db:
            story_ids = [r[0] for r in db.execute(
                "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL")]
            entity_ids = [r[0] for r in db.execute(
                "SELECT DISTINCT entity_id FROM entity_mentions ORDER BY entity_id")]
        port = free_port()
        server = start_server(load_db, port)
        base = f"http://127.0.0.1:{port}"
        phases: dict[str, Any] = {}
        try:
            cold = cold_requests(base, story_ids, entity_ids)
            print("cold:", json.dumps(cold), flush=True)
            rng = random.Random(7)
            print(f"saturated: {args.clients} clients, no think time ...", flush=True)
            phases["saturated"] = phase(base, server.pid, request_mix(
                story_ids, entity_ids, args.requests, rng, kinds), args.clients, 0.0)
            print(f"paced: {args.clients} clients, {args.think_ms} ms mean think time ...",
                  flush=True)
            phases["paced"] = phase(base, server.pid, request_mix(
                story_ids, entity_ids, args.paced_requests, rng, kinds), args.clients,
                args.think_ms)
        finally:
            server.terminate()
            server.wait(timeout=20)
    report = {
        "what": "babelwire serve under load: latency at the client with concurrent clients",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "note": "client and server share the machine's cores"},
        "dataset": dataset,
        "server": "babelwire serve (one uvicorn process), SQLite WAL, read cache on",
        "requested": list(kinds),
        "endpoints": {"stories": "/api/stories with 7 filter combinations",
                      "story": f"/api/story/{{id}}, ids drawn from {len(story_ids)} stories",
                      "search": f"/api/search?q= (keyword), {len(QUERIES)} queries",
                      "entity": f"/api/entities/{{id}}, ids drawn from {len(entity_ids)} "
                                "entities"},
        "cold_single_client": cold,
        "phases": phases,
        "target_p95_ms": TARGET_P95_MS,
        "meets_target": {name: all(r["p95_ms"] <= TARGET_P95_MS
                                   for r in p["latency_at_client"].values())
                         for name, p in phases.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({name: {"rps": p["requests_per_second"],
                             "p95_ms": {k: v["p95_ms"] for k, v in p["latency_at_client"].items()},
                             "server_p95_ms": {k: v["p95_ms"]
                                               for k, v in p["latency_in_server"].items()}}
                      for name, p in phases.items()}, indent=2))


if __name__ == "__main__":
    main()
