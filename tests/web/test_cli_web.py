"""The ``serve`` command and the demo's serving, end to end where it is cheap."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from babelwire.cli import main
from babelwire.records import IngestReport


def invoke(*args):
    return CliRunner().invoke(main, list(args), env={"BABELWIRE_CONFIG": ""},
                              catch_exceptions=False)


@pytest.fixture
def fake_build(monkeypatch, corpus_db):
    """``build_demo`` replaced by a copy of the session's corpus database."""
    import babelwire.demo

    def build(settings, *, fresh=True, show_progress=False):
        shutil.copy(corpus_db, settings.db)
        return babelwire.demo.demo_db_path(settings), IngestReport(new=131, duplicates=13)

    monkeypatch.setattr(babelwire.demo, "build_demo", build)


def test_demo_no_serve_keeps_its_output_and_names_the_serve_command(tmp_path, fake_build):
    db = tmp_path / "demo.db"
    result = invoke("--db", str(db), "demo", "--no-serve")
    assert result.exit_code == 0, result.output
    assert "stories from the sample corpus" in result.output
    assert f"  babelwire --db {db} stories --json" in result.output
    assert result.output.rstrip().endswith(f"Dashboard: babelwire --db {db} serve")


def test_demo_serves_after_printing(tmp_path, fake_build, monkeypatch):
    import babelwire.web.server

    calls = []

    def run_dashboard(settings, **kwargs):
        calls.append((settings.db, kwargs))
        kwargs["announce"]("http://127.0.0.1:8123/")

    monkeypatch.setattr(babelwire.web.server, "run_dashboard", run_dashboard)
    db = tmp_path / "demo.db"
    result = invoke("--db", str(db), "demo", "--serve")
    assert result.exit_code == 0, result.output
    assert result.output.index("stories from the sample corpus") < result.output.index(
        "Dashboard: http://127.0.0.1:8123/")
    assert calls[0][0] == str(db) and calls[0][1]["any_port_if_busy"] is True
    invoke("--db", str(db), "demo", "--serve", "--port", "9999")
    assert calls[1][1]["port"] == 9999 and calls[1][1]["any_port_if_busy"] is False


def test_serve_reports_a_busy_port(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = invoke("--db", str(tmp_path / "x.db"), "serve", "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output


def test_serve_runs_the_dashboard_until_stopped(corpus_db, tmp_path):
    db = tmp_path / "serve.db"
    shutil.copy(corpus_db, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "babelwire.cli", "--db", str(db), "serve",
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env={"BABELWIRE_CONFIG": "", "PATH": "/usr/bin:/bin"})
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        stories = httpx.get(f"{url}/api/stories", params={"range": "all"}).json()
        assert stories["total"] >= 20
        assert "Stories now" in httpx.get(url + "/").text
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert f"Dashboard: http://127.0.0.1:{port}/" in output
