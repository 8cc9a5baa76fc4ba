"""The monitor's poll state and arrival log (migration 0004_monitor_source_state), on both
backends (the ``store`` fixture in tests/store/conftest.py)."""

from datetime import UTC, datetime, timedelta

import numpy as np

from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.store import ArticleWrite, Store
from babelwire.store.base import SourcePollState

T0 = datetime(2026, 11, 22, 8, 0, 0, 250_000, tzinfo=UTC)


def write_article(store: Store, n: int, lang: str, fetched: datetime) -> None:
    url = f"https://example.org/{n}"
    article = Article(url=url, canonical_url=url, title=f"title {n}", text=f"text {n}",
                      source="Example", published=None, fetched_at=fetched, location=url)
    story = store.new_story(article.title, fetched)
    store.write_batch([ArticleWrite(
        enriched=EnrichedArticle(article=article, language=Language(code=lang, confidence=1.0),
                                 dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2)),
                                 embedding=np.ones(4, dtype=np.float32)),
        story_id=story, story_score=1.0)])


def test_poll_state_round_trips_with_microseconds(store):
    source, _ = store.register_source("Wire", "https://example.org/feed.xml")
    assert store.source_poll_states() == {}
    state = SourcePollState(
        source_id=source.id, kind="feed", last_fetch=T0, last_success=T0, last_new=T0,
        last_error="HTTP 500 Internal Server Error", last_error_at=T0 - timedelta(minutes=5),
        consecutive_failures=0, next_poll=T0 + timedelta(seconds=1.5), interval_seconds=1.5,
        mean_gap_seconds=12.25, polls=7, new_items=31)
    assert store.save_source_poll_state(state)
    assert store.source_poll_states() == {source.id: state}
    later = SourcePollState(source_id=source.id, consecutive_failures=2, polls=8)
    assert store.save_source_poll_state(later)
    assert store.source_poll_states()[source.id] == later


def test_removing_a_source_drops_its_state_and_arrivals_but_not_its_articles(store):
    keep, _ = store.register_source("Keep", "https://example.org/a.xml")
    drop, _ = store.register_source("Drop", "https://example.org/b.xml")
    write_article(store, 1, "en", T0)
    for source in (keep, drop):
        store.save_source_poll_state(SourcePollState(source_id=source.id, polls=1))
        store.record_arrivals(source.id, T0, 3)
    assert store.remove_source(drop.id)
    assert not store.remove_source(drop.id)
    assert [s.name for s in store.registered_sources()] == ["Keep"]
    assert set(store.source_poll_states()) == {keep.id}
    assert store.source_arrival_counts(T0 - timedelta(days=1)) == {keep.id: 3}
    assert store.counts()["articles"] == 1
    # a monitor that still polls a removed source cannot bring it back
    assert not store.save_source_poll_state(SourcePollState(source_id=drop.id))
    store.record_arrivals(drop.id, T0, 1)
    assert drop.id not in store.source_poll_states()


def test_arrival_counts_cover_the_window_asked_for_and_old_rows_are_pruned(store):
    source, _ = store.register_source("Wire", "https://example.org/feed.xml")
    store.record_arrivals(source.id, T0 - timedelta(days=40), 9)
    store.record_arrivals(source.id, T0 - timedelta(hours=30), 5)
    store.record_arrivals(source.id, T0 - timedelta(hours=2), 2)
    store.record_arrivals(source.id, T0, 1)
    assert store.source_arrival_counts(T0 - timedelta(days=1)) == {source.id: 3}
    assert store.source_arrival_counts(T0 - timedelta(days=60)) == {source.id: 8}


def test_language_arrivals_count_by_fetch_time(store):
    write_article(store, 1, "en", T0 - timedelta(hours=5))
    write_article(store, 2, "en", T0 - timedelta(hours=1))
    write_article(store, 3, "de", T0 - timedelta(hours=3))
    write_article(store, 4, "de", T0 + timedelta(hours=1))
    found = store.language_arrivals(T0 - timedelta(hours=4), T0)
    assert {lang: a.articles for lang, a in found.items()} == {"en": 1, "de": 1}
    assert found["de"].first == (T0 - timedelta(hours=3)).replace(microsecond=0)


def test_a_refused_write_in_the_pipelines_open_transaction_loses_nothing_else(store):
    source, _ = store.register_source("Wire", "https://example.org/feed.xml")
    store.new_story("pending", T0)  # the pipeline's open transaction
    assert not store.save_source_poll_state(SourcePollState(source_id=source.id + 99))
    store.record_arrivals(source.id + 99, T0, 1)
    assert store.save_source_poll_state(SourcePollState(source_id=source.id, polls=1))
    write_article(store, 1, "en", T0)  # commits the open transaction
    assert store.counts()["articles"] == 1
    assert store.source_poll_states()[source.id].polls == 1
    assert store.source_arrival_counts(T0 - timedelta(days=1)) == {}


def test_states_and_counts_come_by_source_id_and_languages_in_code_point_order(store):
    ids = [store.register_source(f"S{n}", f"https://example.org/{n}.xml")[0].id
           for n in range(3)]
    for source_id in reversed(ids):
        store.save_source_poll_state(SourcePollState(source_id=source_id, kind="feed"))
        store.record_arrivals(source_id, T0, source_id)
    assert list(store.source_poll_states()) == ids
    assert list(store.source_arrival_counts(T0)) == ids
    assert store.source_arrival_counts(T0 + timedelta(microseconds=1)) == {}
    for n, lang in enumerate(["zh", "de", "en", "de"]):
        write_article(store, n, lang, T0 + timedelta(minutes=n))
    found = store.language_arrivals(T0, T0 + timedelta(hours=1))
    assert list(found) == ["de", "en", "zh"]
    assert found["de"].articles == 2 and found["de"].first == (
        T0 + timedelta(minutes=1)).replace(microsecond=0)
