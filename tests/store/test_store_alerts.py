"""Storage of watchlists, alerts and the outbox (migration 0006_alerts), on both backends
(the ``store`` and ``store_location`` fixtures in tests/store/conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from babelwire.alerts.records import NewAlert, OutboxMessage, Watch
from babelwire.errors import StoreError
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.stages.entities_records import ArticleEntities, EntityRecord, Mention
from babelwire.store import ArticleWrite, Store, open_store

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _watch(store, name="rail", **kw):
    return store.add_watch(Watch(name=name, query="rail", created_at=T0, **kw))


def _alert(watch_id, story_id=5, reason="match", detail=""):
    return NewAlert(watch_id=watch_id, story_id=story_id, reason=reason, detail=detail,
                    created_at=T0, payload={"watch": "rail", "story": {"id": story_id}})


def test_watches_round_trip_and_names_are_unique(store):
    made = _watch(store, languages=("fr", "de"), aliases={"rail": ("grève",)},
                  webhook_url="https://h.example/x", webhook_secret="s", mode="digest",
                  digest_minutes=15)
    assert made.id > 0 and made.aliases == {"rail": ("grève",)}
    assert store.watch("rail") == made
    with pytest.raises(StoreError, match="exists already"):
        _watch(store)
    assert [w.name for w in store.watches()] == ["rail"]


def test_an_alert_is_recorded_once_even_after_reopening(store_location):
    path = store_location
    with open_store(path) as store:
        wid = _watch(store).id
        first = store.add_alert(_alert(wid))
        assert first is not None
        assert store.add_alert(_alert(wid)) is None
        assert store.add_alert(_alert(wid, reason="new_language", detail="fr")) is not None
        assert store.add_alert(_alert(wid, reason="new_language", detail="de")) is not None
    with open_store(path) as store:
        assert store.add_alert(_alert(wid)) is None
        assert store.add_alert(_alert(wid, reason="new_language", detail="fr")) is None
        assert len(store.alerts()) == 3
        assert store.alerted_stories(wid) == {5}


def test_the_outbox_tracks_attempts_and_back_off(store):
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


def test_removing_a_watch_removes_its_alerts_and_outbox(store, raw_sql):
    wid = _watch(store).id
    aid = store.add_alert(_alert(wid))
    assert aid is not None
    (did,) = store.enqueue_deliveries(watch_id=wid, messages=[OutboxMessage(
        channel="email", target="a@b.c", subject="s", body="b")], alert_ids=[aid], at=T0)
    store.record_attempt(did, T0, error="refused", next_attempt_at=T0 + timedelta(minutes=1))
    other = _watch(store, "other").id
    kept = store.add_alert(_alert(other))
    assert store.remove_watch("rail")
    assert not store.remove_watch("rail")
    assert [a.id for a in store.alerts()] == [kept]
    assert store.due_deliveries(T0 + timedelta(days=1)) == []
    for table in ("alert_deliveries", "alert_delivery_items", "alert_attempts"):
        assert raw_sql(store, f"SELECT COUNT(*) FROM {table}") == [(0,)]


def test_alert_state_keeps_watermarks(store_location):
    path = store_location
    with open_store(path) as store:
        assert store.alert_state("rules.article_id") is None
        store.set_alert_state("rules.article_id", "41")
        store.set_alert_state("rules.article_id", "42")
    with open_store(path) as store:
        assert store.alert_state("rules.article_id") == "42"


def _article(store: Store, n: int, lang: str, when: datetime, *, story: int | None = None,
             dup: int | None = None, published: bool = True) -> tuple[int, int]:
    url = f"https://news-example.com/{n}"
    article = Article(url=url, canonical_url=url, title=f"Title {n}", text=f"Text {n}",
                      source=f"Outlet {n % 2}", published=when if published else None,
                      fetched_at=when, location=url)
    enriched = EnrichedArticle(
        article=article, language=Language(code=lang, confidence=1.0),
        dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2), duplicate_of=dup,
                             reason="near" if dup else None, similarity=0.9 if dup else None),
        embedding=np.ones(4, dtype=np.float32))
    sid = story if story is not None else store.new_story(f"Title {n}", when)
    (aid,) = store.write_batch([ArticleWrite(enriched=enriched, story_id=sid, story_score=1.0)])
    return aid, sid


def test_watches_list_by_name_and_keep_every_field(store):
    full = _watch(store, "Zeta", languages=("de",), sources=("Wire", "Diario"),
                  aliases={"z": ("zz", "ẓ"), "a": ("b",)}, email="x@example.org",
                  start_after=41, reasons=("breaking",))
    for name in ("beta", "Alpha", "Ärger"):
        _watch(store, name)
    assert [w.name for w in store.watches()] == ["Alpha", "Zeta", "beta", "Ärger"]
    assert list(full.aliases) == ["z", "a"] and full.sources == ("Wire", "Diario")
    assert (full.start_after, full.reasons, full.email, full.mode) == (
        41, ("breaking",), "x@example.org", "immediate")
    assert full.created_at == T0 and full.last_digest_at is None
    store.set_watch_digest_time(full.id, T0 + timedelta(minutes=5, microseconds=7))
    assert store.watch("Zeta").last_digest_at == T0 + timedelta(minutes=5)
    assert store.watch("zeta") is None


def test_alerts_list_newest_first_with_payload_and_deliveries(store):
    rail = _watch(store).id
    road = _watch(store, "road").id
    payload = {"z": 1, "a": {"y": [1, "ü"], "b": None}, "nul": "a\x00b"}
    first = store.add_alert(NewAlert(watch_id=rail, story_id=7, reason="match",
                                     created_at=T0, payload=payload))
    second = store.add_alert(_alert(road, story_id=8))
    third = store.add_alert(_alert(rail, story_id=9, reason="breaking"))
    assert [a.id for a in store.alerts()] == [third, second, first]
    assert [a.id for a in store.alerts(limit=2)] == [third, second]
    assert [a.id for a in store.alerts(watch_id=rail)] == [third, first]
    (found,) = [a for a in store.alerts() if a.id == first]
    assert found.payload == payload and list(found.payload) == ["z", "a", "nul"]
    assert (found.watch, found.story_id, found.created_at, found.batched_at) == (
        "rail", 7, T0, None)
    store.mark_batched([first, second], T0 + timedelta(hours=1))
    store.mark_batched([first], T0 + timedelta(hours=2))  # taken once: the first time stays
    assert [a.id for a in store.alerts(waiting=True)] == [third]
    assert store.alerts(watch_id=rail)[1].batched_at == T0 + timedelta(hours=1)
    hook, mail = store.enqueue_deliveries(
        watch_id=rail, at=T0, alert_ids=[first, third],
        messages=[OutboxMessage(channel="webhook", target="https://h/x", subject="", body="{}"),
                  OutboxMessage(channel="email", target="a@b.c", subject="s", body="b")])
    assert [(d.channel, d.status) for d in store.alerts(watch_id=rail)[0].deliveries] == [
        ("webhook", "pending"), ("email", "pending")]
    assert store.alerts(watch_id=rail)[0].batched_at == T0
    assert store.alerted_stories(rail) == {7} and store.alerted_stories(rail, "breaking") == {9}
    assert hook < mail


def test_due_deliveries_come_oldest_first_and_a_given_up_one_stays_failed(store):
    wid = _watch(store).id
    msg = OutboxMessage(channel="webhook", target="https://h/x", subject="", body="{}")
    (late,) = store.enqueue_deliveries(watch_id=wid, messages=[msg], alert_ids=[],
                                       at=T0 + timedelta(minutes=2))
    (early,) = store.enqueue_deliveries(watch_id=wid, messages=[msg], alert_ids=[], at=T0)
    (same,) = store.enqueue_deliveries(watch_id=wid, messages=[msg], alert_ids=[], at=T0)
    now = T0 + timedelta(minutes=3)
    assert [d.id for d in store.due_deliveries(now)] == [early, same, late]
    assert [d.id for d in store.due_deliveries(now, limit=1)] == [early]
    store.record_attempt(early, now, error="HTTP 404", next_attempt_at=None)
    assert [d.id for d in store.due_deliveries(now + timedelta(days=9))] == [same, late]
    store.record_attempt(same, now, error="timeout", next_attempt_at=now + timedelta(hours=1))
    (retry,) = [d for d in store.due_deliveries(now + timedelta(hours=1)) if d.id == same]
    assert (retry.attempts, retry.last_error, retry.next_attempt_at, retry.created_at) == (
        1, "timeout", now + timedelta(hours=1), T0)
    assert store.delivery_attempts(early) == [(now, False, "HTTP 404")]


def test_the_reads_alert_hooks_make(store):
    a1, s1 = _article(store, 1, "en", T0)
    a2, _ = _article(store, 2, "de", T0 + timedelta(hours=1), story=s1)
    a3, _ = _article(store, 3, "de", T0 + timedelta(hours=2), story=s1, dup=a2)
    a4, s4 = _article(store, 4, "fr", T0 - timedelta(hours=1), published=False)
    a5, _ = _article(store, 5, "de", T0 + timedelta(hours=1))
    assert store.max_article_id() == a5
    assert [a.id for a in store.articles_after(a2, limit=2)] == [a3, a4]
    assert store.articles_after(a5, limit=9) == []
    assert store.articles_after(a1, limit=1)[0].duplicate_of is None
    assert store.articles_after(a2, limit=1)[0].duplicate_of_url == "https://news-example.com/2"
    timeline = store.story_timeline(s1)
    assert [(p.article_id, p.time, p.lang, p.original) for p in timeline] == [
        (a1, T0, "en", True), (a2, T0 + timedelta(hours=1), "de", True),
        (a3, T0 + timedelta(hours=2), "de", False)]
    window = (T0 - timedelta(hours=1), T0 + timedelta(hours=2))
    assert dict(store.originals_between(*window)) == {"de": 2, "en": 1, "fr": 1}
    assert dict(store.originals_between(*window, exclude_story=s1)) == {"de": 1, "fr": 1}
    assert dict(store.originals_between(*window, exclude_story=s4)) == {"de": 2, "en": 1}

    person = EntityRecord(id=11, name="Olaf Scholz", kind="person")
    place = EntityRecord(id=12, name="Berlin", kind="place")
    for aid, lang, mentions in ((a1, "en", [("Olaf Scholz", 11), ("Berlin", 12)]),
                                (a2, "de", [("Scholz", 11)]), (a3, "de", [("Scholz", 11)]),
                                (a4, "fr", [("Berlin", 12)])):
        store.write_entities(ArticleEntities(
            article_id=aid, dates=(), entities=(person, place),
            mentions=tuple(Mention(text=t, kind="person" if e == 11 else "place", start=i,
                                   end=i + len(t), lang=lang, entity_id=e)
                           for i, (t, e) in enumerate(mentions))))
    assert store.entity_ids_by_article([a1, a4, a5, a1]) == {a1: {11, 12}, a4: {12}}
    assert store.entity_ids_by_article([]) == {}
    assert sorted(store.entity_spellings()) == [
        (11, "Olaf Scholz"), (11, "Scholz"), (12, "Berlin")]
    coverage = store.entity_coverage([11, 12, 11], T0)
    assert list(coverage.items()) == [("de", 2), ("en", 1)]
    assert dict(store.entity_coverage([12], T0 - timedelta(days=1))) == {"en": 1, "fr": 1}
    assert store.entity_coverage([], T0) == {}


def test_an_alert_write_commits_what_the_pipeline_left_open(store_location):
    with open_store(store_location) as store:
        wid = _watch(store).id
        sid = store.new_story("pending", T0)  # committed with the next batch, or earlier
        store.add_alert(_alert(wid, story_id=sid))
        with open_store(store_location) as other:
            assert [a.story_id for a in other.alerts()] == [sid]
