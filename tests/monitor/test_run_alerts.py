"""``babelwire run`` end to end: a changing feed, a watch, a local webhook receiver and a
local SMTP server; the monitor is killed and restarted, and every alert arrives once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.alerts.conftest import mailbox, receiver  # noqa: F401  (fixtures)

import babelwire
from babelwire.alerts.watches import add_watch, new_watch
from babelwire.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def alerts_in(db: Path) -> list[Any]:
    """The alerts the watch delivers (other reasons are recorded but not sent)."""
    with open_store(db) as store:
        return [a for a in store.alerts(limit=10_000) if a.reason == "match"]


def article_count(db: Path) -> int:
    with open_store(db) as store:
        return len(store.articles())


def wait_until(check: Any, process: subprocess.Popen, log: Path, what: str,
               timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if process.poll() is not None:
            pytest.fail(f"monitor exited with {process.returncode} waiting for {what}:\n"
                        f"{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}:\n{log.read_text()}")


def delivered(hooked: Any) -> dict[str, Any]:
    """Webhook bodies by delivery id (a retry of one message repeats its id)."""
    return {r.headers["x-babelwire-delivery"]: r.json() for r in hooked.to("/hook")
            if r.status == 204}


def test_monitor_alerts_once_per_story_across_a_kill_and_restart(
        make_site, tmp_path, receiver, mailbox):  # noqa: F811
    db = tmp_path / "alerts.db"
    site = make_site()
    with open_store(db) as store:
        store.register_source("Wire", site.url)
        add_watch(store, new_watch(name="everything", query="*", reasons=("match",),
                                   webhook=receiver.url("/hook"), email="desk@example.org",
                                   created_at=datetime.now(UTC)))
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("BABELWIRE_")}
    env.update({
        "PYTHONPATH": str(Path(babelwire.__file__).resolve().parents[1]),
        "BABELWIRE_ALLOW_LOOPBACK": "1", "BABELWIRE_RATE_LIMIT": "500",
        "BABELWIRE_MONITOR_MIN_INTERVAL": "0.3", "BABELWIRE_MONITOR_MAX_INTERVAL": "1",
        "BABELWIRE_SMTP_HOST": "127.0.0.1", "BABELWIRE_SMTP_PORT": str(mailbox.port),
    })
    logs: list[Path] = []

    def start() -> tuple[subprocess.Popen, Path]:
        log = tmp_path / f"run{len(logs)}.log"
        logs.append(log)
        with log.open("w") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "babelwire.cli", "--db", str(db), "run"],
                env=env, stdout=subprocess.DEVNULL, stderr=err)
        return process, log

    def all_alerts_delivered() -> bool:
        expected = len(alerts_in(db))
        return (expected > 0 and len(delivered(receiver)) == expected
                and len(mailbox.messages) >= expected)

    # 1. the monitor follows the feed as it changes; each new story alerts on both channels
    published = site.publish(3)
    process, log = start()
    try:
        wait_until(lambda: article_count(db) == 3, process, log, "3 articles")
        wait_until(all_alerts_delivered, process, log, "the first alerts")
        published += site.publish(3)
        wait_until(lambda: article_count(db) == 6, process, log, "6 articles")
        wait_until(all_alerts_delivered, process, log, "the next alerts")
        published += site.publish(3)
        time.sleep(0.4)  # likely mid-poll, mid-batch or mid-delivery
        process.kill()
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()

    # 2. restarted, it catches up: every article stored once, every alert delivered once
    published += site.publish(2)
    process, log = start()
    try:
        wait_until(lambda: article_count(db) == len(published), process, log, "all articles")
        wait_until(all_alerts_delivered, process, log, "all alerts")
        time.sleep(1.5)  # a few more cycles: nothing more may be sent
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()

    alerts = alerts_in(db)
    with open_store(db) as store:
        urls = [a.url for a in store.articles()]
        stories = {a.story_id for a in store.articles()}
    assert sorted(urls) == sorted(published) and len(urls) == len(set(urls))
    assert len(alerts) >= 2
    assert len({a.story_id for a in alerts}) == len(alerts)  # one alert per story

    bodies = delivered(receiver)
    assert len(bodies) == len(alerts)
    story_ids = Counter(b["story"]["id"] for b in bodies.values())
    assert set(story_ids) == {a.story_id for a in alerts} and max(story_ids.values()) == 1
    for body in bodies.values():
        assert body["watch"] == "everything" and body["reason"] == "match"
        assert body["story"]["articles"] and set(body["story"]["articles"]) <= set(published)
    # no loss: every story the articles are in was announced (a merge keeps the larger id)
    assert stories <= {a.story_id for a in alerts}

    subjects = [m["Subject"] for m in mailbox.messages]
    assert len(subjects) == len(alerts), subjects
    assert all(m["To"] == "desk@example.org" for m in mailbox.messages)
