"""The monitor's source health on the Sources page and at /api/sources/health."""

from __future__ import annotations

from datetime import timedelta

from tests.web.conftest import NOW

from babelwire.store.base import SourcePollState


def test_failing_source_shows_its_error_escaped_and_raises_an_alarm(client, store):
    source, _ = store.register_source("Wire <b>bold</b>", "https://wire.example/feed.xml")
    assert store.save_source_poll_state(SourcePollState(
        source_id=source.id, kind="feed", last_fetch=NOW - timedelta(minutes=5),
        last_success=NOW - timedelta(days=2), last_error="HTTP 503 <script>x</script>",
        last_error_at=NOW - timedelta(minutes=5), consecutive_failures=4,
        next_poll=NOW + timedelta(minutes=10), interval_seconds=600.0, polls=20))
    store.commit()

    body = client.get("/api/sources/health").json()
    assert body["at"].startswith("2026-11-14T09:00")
    row = next(s for s in body["sources"] if s["url"] == "https://wire.example/feed.xml")
    assert row["failing"] is True and row["consecutive_failures"] == 4
    assert row["last_error"] == "HTTP 503 <script>x</script>"
    kinds = {(a["kind"], a["subject"]) for a in body["alarms"]}
    assert ("failing_source", "Wire <b>bold</b>") in kinds

    html = client.get("/sources").text
    assert "Data-gap alarms" in html and "Monitored by" in html
    assert "HTTP 503 &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x</script>" not in html and "<b>bold</b>" not in html
    assert "4 failures in a row" in html


def test_health_endpoint_is_in_the_openapi_document(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/sources/health" in paths
