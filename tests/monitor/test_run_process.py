"""``babelwire run`` as a real process: stopped with SIGTERM, killed with SIGKILL, restarted.

Whatever happens to the process, every article published ends up stored exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import babelwire
from babelwire.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def stored(db: Path) -> list[str]:
    with open_store(db) as store:
        return [a.url for a in store.articles()]


def wait_for(db: Path, count: int, process: subprocess.Popen, log: Path,
             timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(stored(db)) >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"monitor exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"only {len(stored(db))} of {count} articles after {timeout} s:\n"
                f"{log.read_text()}")


def test_a_stopped_or_killed_monitor_resumes_without_duplicates_or_losses(make_site, tmp_path):
    db = tmp_path / "run.db"
    site = make_site()
    published = site.publish(3)
    with open_store(db) as store:
        store.register_source("Wire", site.url)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("BABELWIRE_")}
    env.update({
        "PYTHONPATH": str(Path(babelwire.__file__).resolve().parents[1]),
        "BABELWIRE_ALLOW_LOOPBACK": "1", "BABELWIRE_RATE_LIMIT": "500",
        "BABELWIRE_MONITOR_MIN_INTERVAL": "0.3", "BABELWIRE_MONITOR_MAX_INTERVAL": "1",
    })
    runs: list[Path] = []

    def start(*extra: str) -> tuple[subprocess.Popen, Path]:
        log = tmp_path / f"run{len(runs)}.log"
        runs.append(log)
        with log.open("w") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "babelwire.cli", "--db", str(db), "run", *extra],
                env=env, stdout=subprocess.DEVNULL, stderr=err)
        return process, log

    # 1. run, follow the feed as it changes, stop with SIGTERM: a clean exit
    process, log = start()
    try:
        wait_for(db, 3, process, log)
        published += site.publish(2)
        wait_for(db, 5, process, log)
        published += site.publish(2)
        time.sleep(0.3)  # likely mid-poll or mid-batch
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
    assert "SIGTERM received" in log.read_text()

    # 2. articles published while it was down arrive after the restart; then SIGKILL
    published += site.publish(3)
    process, log = start()
    try:
        wait_for(db, len(published), process, log)
        published += site.publish(4)
        time.sleep(0.5)
        process.kill()
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()

    # 3. one more pass picks up whatever the killed run had not stored
    published += site.publish(1)
    process, log = start("--once")
    assert process.wait(timeout=180) == 0, log.read_text()
    urls = stored(db)
    assert len(urls) == len(set(urls)), "an article was stored twice"
    assert sorted(urls) == sorted(published), log.read_text()
