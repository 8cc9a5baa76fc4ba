"""Monitor latency: from an item appearing in a feed to its article being stored and seen.

A local HTTP server serves an RSS feed (the newest 30 items, with an ETag and
304 answers) and one HTML page per item, made from the bundled sample corpus.
After one warm-up item (so model loading is not counted), a publisher thread
appends ``--items`` items at random times (exponential gaps, mean ``--gap``
seconds). The monitor (`babelwire run`'s engine, in this process) polls the feed
every ``--interval`` seconds (min = max interval, so no adaptation). For each
item the script records when it appeared in the feed and:

* ``stored``: when the pipeline run that stored its article returned;
* ``hook``: when a monitor hook first saw the article (hooks run after each
  round of polls, as the alert engine's will);
* ``webhook`` (``--end webhook``): when a local webhook receiver first got a POST
  whose ``story.articles`` lists the article's URL. Each item carries a reference
  word of its own (``bwlatN``) and :func:`setup_webhook` adds one watch per item
  that matches that word and posts to the receiver, through the monitor's real
  alert hooks (``babelwire.monitor.hooks_for``). An alert is sent once per watch
  and story, so one watch per item is what gives every item its own alert, also
  when the item joins a story that already exists.

It prints p50/p95/max per end point and writes bench/results/latency.json.

    python bench/latency.py [--items 100] [--gap 1.0] [--interval 1.0] [--end webhook|hook]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from babelwire.demo import sample_corpus_path
from babelwire.monitor import Monitor, MonitorHook, hooks_for
from babelwire.pipeline import Pipeline
from babelwire.records import IngestReport
from babelwire.settings import Settings, load_settings
from babelwire.store import Store, open_store

T0 = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


class Site:
    """The feed and pages, changed by the publisher while the server reads them."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.items: list[tuple[str, dict[str, Any]]] = []
        self.pages: dict[str, bytes] = {}
        self.appeared: dict[str, float] = {}
        """Page path -> time.monotonic() when its item entered the feed."""
        self.lock = threading.Lock()
        self.base = ""

    def publish(self) -> str:
        with self.lock:
            number = len(self.items)
            row = self.rows[number % len(self.rows)]
            path = f"/a/{number}.html"
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p)
            self.pages[path] = (
                f"<!doctype html><html lang=\"{row['lang']}\"><head><meta charset=\"utf-8\">"
                f"<title>{html.escape(row['title'])}</title></head><body><article>"
                f"<h1>{html.escape(row['title'])}</h1>{paras}"
                f"<p>Reference bwlat{number} for the latency benchmark.</p>"
                f"</article></body></html>"
            ).encode()
            self.items.append((path, row))
            self.appeared[path] = time.monotonic()
        return self.base + path

    def feed(self) -> bytes:
        with self.lock:
            newest = list(enumerate(self.items))[-30:]
        entries = "".join(
            f"<item><title>{html.escape(row['title'])}</title><link>{self.base}{path}</link>"
            f"<guid>item-{n}</guid><pubDate>{format_datetime(T0 + timedelta(minutes=n))}"
            f"</pubDate></item>" for n, (path, row) in reversed(newest))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Latency wire</title><link>{self.base}/</link><description>bench"
                f"</description>{entries}</channel></rss>").encode()


def serve(site: Site) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/feed.xml":
                body = site.feed()
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self._reply(200, "application/rss+xml", body, etag)
                return
            with site.lock:
                page = site.pages.get(self.path)
            if page is None:
                self._reply(404, "text/plain", b"not found")
            else:
                self._reply(200, "text/html; charset=utf-8", page)

        def _reply(self, status: int, kind: str, body: bytes, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                     daemon=True).start()
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    return httpd


class StoredProbe:
    """Wraps the pipeline: the time its run returns is when its articles are stored."""

    def __init__(self, pipeline: Pipeline, store: Store) -> None:
        self.pipeline = pipeline
        self.store = store
        self.seen: dict[str, float] = {}

    def run(self, items: Any) -> IngestReport:
        report = self.pipeline.run(items)
        now = time.monotonic()
        for article in self.store.articles():
            self.seen.setdefault(article.url, now)
        return report


class HookProbe:
    """A monitor hook that records when it first sees each stored article."""

    name = "latency-probe"

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: dict[str, float] = {}

    def after_ingest(self, now: datetime) -> None:
        clock = time.monotonic()
        for article in self.store.articles():
            self.seen.setdefault(article.url, clock)

    def close(self) -> None:
        pass


class WebhookProbe:
    """A local webhook receiver: records when a POST first lists each article URL."""

    def __init__(self) -> None:
        self.seen: dict[str, float] = {}
        self.posts = 0
        probe = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                clock = time.monotonic()
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                    urls = body.get("story", {}).get("articles", [])
                except (ValueError, AttributeError):
                    urls = []
                probe.posts += 1
                for url in urls:
                    probe.seen.setdefault(str(url), clock)
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"


def setup_webhook(store: Store, settings: Settings, receiver_url: str,
                  items: int) -> list[MonitorHook]:
    """One watch per item (item N's page holds the word ``bwlatN``), each posting its
    alerts to ``receiver_url`` at once; returns the monitor's alert hooks."""
    from babelwire.alerts.watches import add_watch, new_watch

    now = datetime.now(UTC)
    for number in range(1, items + 1):
        add_watch(store, new_watch(name=f"latency-{number}", query=f"bwlat{number}",
                                   webhook=receiver_url, reasons=("match",), created_at=now))
    return hooks_for(settings, store)


def percentiles(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "max": None, "mean": None}
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 \
        else [ordered[0]] * 99
    return {"n": len(ordered), "p50": round(cuts[49], 3), "p95": round(cuts[94], 3),
            "max": round(ordered[-1], 3), "mean": round(statistics.fmean(ordered), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--gap", type=float, default=1.0,
                        help="Mean seconds between two items (exponential gaps).")
    parser.add_argument("--interval", type=float, default=1.0, help="Poll interval (s).")
    parser.add_argument("--end", choices=("hook", "webhook"), default="webhook",
                        help="The last end point measured (stored is always measured).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    rows = [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()
            if line.strip()]
    rows = [r for r in rows if not r.get("copy_of")]
    site = Site(rows)
    httpd = serve(site)
    tmp = Path(tempfile.mkdtemp(prefix="babelwire-latency-"))
    settings = load_settings(env={}, overrides={
        "db": str(tmp / "latency.db"), "allow_loopback": True, "rate_limit": 50.0,
        "monitor_min_interval": args.interval, "monitor_max_interval": args.interval,
        "timeout": 10.0})
    store = open_store(settings.db)
    reader = open_store(settings.db)
    stored = StoredProbe(Pipeline(store, settings), store)
    hook = HookProbe(store)
    hooks: list[MonitorHook] = [hook]
    webhook: WebhookProbe | None = None
    if args.end == "webhook":
        webhook = WebhookProbe()
        hooks += setup_webhook(store, settings, webhook.url, args.items)
    store.register_source("Latency wire", f"{site.base}/feed.xml")
    monitor = Monitor(store, settings, hooks=hooks, reader=reader, pipeline=stored)

    warmup = site.publish()
    rng = random.Random(args.seed)
    measured: list[str] = []
    done = threading.Event()

    def publisher() -> None:
        deadline = time.monotonic() + 300
        while warmup not in hook.seen and time.monotonic() < deadline:
            time.sleep(0.05)  # models loaded and first article through: start the clock
        for _ in range(args.items):
            time.sleep(rng.expovariate(1.0 / args.gap))
            measured.append(site.publish())
        end = webhook.seen if webhook is not None else hook.seen
        while time.monotonic() < deadline + 600 and not all(u in end for u in measured):
            time.sleep(0.05)
        done.set()
        monitor.request_stop("all items seen")

    thread = threading.Thread(target=publisher, daemon=True)
    thread.start()
    started = time.monotonic()
    report = monitor.run(max_seconds=900 + args.items * args.gap * 2)
    monitor.close()
    wall = time.monotonic() - started
    httpd.shutdown()

    def latencies(seen: dict[str, float]) -> list[float]:
        return [seen[u] - site.appeared[u.removeprefix(site.base)] for u in measured
                if u in seen]

    result: dict[str, Any] = {
        "benchmark": "latency",
        "items": args.items,
        "mean_gap_seconds": args.gap,
        "poll_interval_seconds": args.interval,
        "stored": percentiles(latencies(stored.seen)),
        "hook": percentiles(latencies(hook.seen)),
        "missing": {"stored": sum(u not in stored.seen for u in measured),
                    "hook": sum(u not in hook.seen for u in measured)},
        "monitor": {"polls": report.polls, "failures": report.failures, "new": report.new,
                    "problems": report.problems, "stopped_by": report.stopped_by},
        "wall_seconds": round(wall, 1),
        "all_seen": done.is_set(),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average": [round(x, 2) for x in os.getloadavg()]},
        "measured_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    if webhook is not None:
        result["webhook"] = percentiles(latencies(webhook.seen))
        result["missing"]["webhook"] = sum(u not in webhook.seen for u in measured)
        result["webhook_posts"] = webhook.posts
    store.close()
    reader.close()
    shutil.rmtree(tmp, ignore_errors=True)  # the throw-away database
    print(json.dumps(result, indent=2))
    out = args.out or Path(__file__).parent / "results" / "latency.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0 if done.is_set() else 1


if __name__ == "__main__":
    sys.exit(main())
