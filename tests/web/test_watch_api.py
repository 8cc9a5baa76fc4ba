"""Watchlists and alerts over HTTP: reads, token-guarded writes, the Atom feed and the page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from babelwire.alerts import hooks
from babelwire.cli import main

from .conftest import HOSTILE_TITLE, NOW

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def write_token(web_db):
    result = CliRunner().invoke(main, ["--db", str(web_db), "token", "add", "watcher",
                                       "--write"], env={"BABELWIRE_CONFIG": ""})
    assert result.exit_code == 0
    return result.stdout.strip()


def test_watchlists_need_a_write_token_to_change(client, write_token):
    body = {"name": "floods", "query": "Valencia OR inundaciones", "backfill": True,
            "webhook": "https://hooks.example.org/bw"}
    assert client.post("/api/watchlists", json=body).status_code == 401
    made = client.post("/api/watchlists", json=body,
                       headers={"Authorization": f"Bearer {write_token}"})
    assert made.status_code == 201, made.text
    assert made.json()["name"] == "floods" and len(made.json()["webhook_secret"]) == 64
    listed = client.get("/api/watchlists").json()
    assert [w["name"] for w in listed] == ["floods"]
    assert "webhook_secret" not in listed[0] and listed[0]["webhook"] == body["webhook"]
    again = client.post("/api/watchlists", json=body,
                        headers={"Authorization": f"Bearer {write_token}"})
    assert again.status_code == 400 and "exists already" in again.json()["detail"]
    bad = client.post("/api/watchlists", json={"name": "x", "query": "(floods OR rain"},
                      headers={"Authorization": f"Bearer {write_token}"})
    assert bad.status_code == 400 and "unclosed '('" in bad.json()["detail"]
    for hostile, problem in (({"query": "(" * 3000 + "x" + ")" * 3000}, "characters long"),
                             ({"query": "(" * 400 + "x" + ")" * 400}, "nested"),
                             ({"query": "x", "languages": ["q" * 2000]}, "language code"),
                             ({"query": "x", "digest_minutes": 10**20}, "1 to 44640")):
        refused = client.post("/api/watchlists", json={"name": "h", **hostile},
                              headers={"Authorization": f"Bearer {write_token}"})
        assert refused.status_code == 400 and problem in refused.json()["detail"]
        assert len(refused.json()["detail"]) < 300


def test_alerts_and_the_atom_feed_after_the_hooks_run(client, store, make_app):
    settings = make_app().state.context.settings
    for hook in hooks(settings, store):
        hook.after_ingest(NOW)
        hook.close()
    alerts = client.get("/api/alerts", params={"watch": "floods"}).json()
    assert alerts and {a["reason"] for a in alerts} <= {"match", "new_language", "breaking"}
    assert all(a["watch"] == "floods" for a in alerts)
    feed = client.get("/api/watchlists/floods/feed.atom")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(alerts)
    assert client.get("/api/watchlists/nope/feed.atom").status_code == 404


def test_the_watchlists_page_lists_alerts_and_matching_stories_escaped(client, store,
                                                                       write_token,
                                                                       hostile_story):
    made = client.post("/api/watchlists", json={"name": "hostile", "query": "Hostile",
                                                "backfill": True},
                       headers={"Authorization": f"Bearer {write_token}"})
    assert made.status_code == 201
    page = client.get("/watchlists")
    assert page.status_code == 200
    assert "floods" in page.text and "Atom feed" in page.text
    assert 'aria-current="page">Watchlists' in page.text
    assert HOSTILE_TITLE not in page.text
    assert f'story/{hostile_story}"' in page.text  # the hostile story matches "Hostile"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_deleting_a_watchlist(client, write_token):
    assert client.delete("/api/watchlists/floods").status_code == 401
    gone = client.delete("/api/watchlists/floods",
                         headers={"Authorization": f"Bearer {write_token}"})
    assert gone.status_code == 204
    assert client.delete("/api/watchlists/floods",
                         headers={"Authorization": f"Bearer {write_token}"}).status_code == 404
    assert "floods" not in {w["name"] for w in client.get("/api/watchlists").json()}


def test_request_bodies_over_a_megabyte_are_refused_unread(client, write_token):
    from babelwire.web.body_limit import MAX_REQUEST_BYTES

    headers = {"Authorization": f"Bearer {write_token}", "Content-Type": "application/json"}
    big = b'{"name": "big", "query": "' + b"a" * MAX_REQUEST_BYTES + b'"}'
    announced = client.post("/api/watchlists", content=big, headers=headers)
    assert announced.status_code == 413 and "over 1024 KiB" in announced.json()["detail"]
    assert announced.headers["x-content-type-options"] == "nosniff"

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"name": "big", "query": "'
        for _ in range(20):
            yield b"a" * 65536
        yield b'"}'

    streamed = client.post("/api/watchlists", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert "big" not in [w["name"] for w in client.get("/api/watchlists").json()]
    small = client.post("/api/watchlists", json={"name": "small", "query": "rail"},
                        headers={"Authorization": f"Bearer {write_token}"})
    assert small.status_code == 201
