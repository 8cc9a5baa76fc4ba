"""SQLite storage of watchlists, alerts and the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from babelwire.alerts.records import NewAlert, OutboxMessage, Watch
from babelwire.errors import StoreError
from babelwire.store import SQLiteStore

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _watch(store, name="rail", **kw):
    return store.add_watch(Watch(name=name, query="rail", created_at=T0, **kw))


def _alert(watch_id, story_id=5, reason="match", detail=""):
    return NewAlert(watch_id=watch_id, story_id=story_id, reason=reason, detail=detail,
                    created_at=T0, payload={"watch": "rail", "story": {"id": story_id}})


def test_watches_round_trip_and_names_are_unique(tmp_path):
    with SQLiteStore(tmp_path / "a.db") as store:
        made = _watch(store, languages=("fr", "de"), aliases={"rail": ("grève",)},
                      webhook_url="https://h.example/x", webhook_secret="s", mode="digest",
                      digest_minutes=15)
        assert made.id > 0 and made.aliases == {"rail": ("grève",)}
        assert store.watch("rail") == made
        with pytest.raises(StoreError, match="exists already"):
            _watch(store)
        assert [w.name for w in store.watches()] == ["rail"]


def test_an_alert_is_recorded_once_even_after_reopening(tmp_path):
    path = tmp_path / "a.db"
    with SQLiteStore(path) as store:
        wid = _watch(store).id
        first = store.add_alert(_alert(wid))
        assert first is not None
        assert store.add_alert(_alert(wid)) is None
        assert store.add_alert(_alert(wid, reason="new_language", detail="fr")) is not None
        assert store.add_alert(_alert(wid, reason="new_language", detail="de")) is not None
    with SQLiteStore(path) as store:
        assert store.add_alert(_alert(wid)) is None
        assert store.add_alert(_alert(wid, reason="new_language", detail="fr")) is None
        assert len(store.alerts()) == 3
        assert store.alerted_stories(wid) == {5}


def test_the_outbox_tracks_attempts_and_back_off(tmp_path):
    with SQLiteStore(tmp_path / "a.db") as store:
        wid = _watch(store).id
        aid = store.add_alert(_alert(wid))
        assert aid is not None
        assert [a.id for a in store.alerts(waiting=True)] == [aid]
        (did,) = store.enqueue_deliveries(
            watch_id=wid, messages=[OutboxMessage(channel="webhook", target="https://h/x",
                                                  subject="s", body="{}")],
            alert_ids=[aid], at=T0)
        assert store.alerts(waiting=True) == []
        assert [d.id for d in store.due_deliveries(T0)] == [did]
        store.record_attempt(did, T0, error="HTTP 500", next_attempt_at=T0 + timedelta(30))
        assert store.due_deliveries(T0 + timedelta(seconds=29)) == []
        (status,) = store.alerts()[0].deliveries
        assert (status.status, status.attempts, status.last_error) == ("pending", 1, "HTTP 500")
        later = T0 + timedelta(days=31)
        store.record_attempt(did, later, error=None, next_attempt_at=None)
        assert store.due_deliveries(later) == []
        assert [ok for _at, ok, _e in store.delivery_attempts(did)] == [False, True]
        assert store.alerts()[0].deliveries[0].status == "sent"


def test_removing_a_watch_removes_its_alerts_and_outbox(tmp_path):
    with SQLiteStore(tmp_path / "a.db") as store:
        wid = _watch(store).id
        aid = store.add_alert(_alert(wid))
        assert aid is not None
        store.enqueue_deliveries(watch_id=wid, messages=[OutboxMessage(
            channel="email", target="a@b.c", subject="s", body="b")], alert_ids=[aid], at=T0)
        assert store.remove_watch("rail")
        assert not store.remove_watch("rail")
        assert store.alerts() == [] and store.due_deliveries(T0) == []
        for table in ("alerts", "alert_deliveries", "alert_delivery_items"):
            assert store._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_alert_state_keeps_watermarks(tmp_path):
    path = tmp_path / "a.db"
    with SQLiteStore(path) as store:
        assert store.alert_state("rules.article_id") is None
        store.set_alert_state("rules.article_id", "41")
        store.set_alert_state("rules.article_id", "42")
    with SQLiteStore(path) as store:
        assert store.alert_state("rules.article_id") == "42"
