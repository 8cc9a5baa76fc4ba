from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from babelwire.monitor.health import (
    FAILING_AFTER,
    health_alarms,
    silence_threshold,
    silent_languages,
    silent_sources,
    source_reports,
)
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.settings import load_settings
from babelwire.store import ArticleWrite, SQLiteStore
from babelwire.store.base import SourcePollState

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
SETTINGS = load_settings(env={}, overrides={"monitor_silent_factor": 4.0,
                                            "monitor_silent_min_hours": 6.0,
                                            "silent_after_days": 2.0})


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "h.db") as s:
        yield s


def add_articles(store, lang: str, times: list[datetime], start: int = 0) -> None:
    for n, when in enumerate(times, start):
        url = f"https://example.org/{lang}/{n}"
        article = Article(url=url, canonical_url=url, title=f"t{n}", text=f"x{n}",
                          source="Example", published=None, fetched_at=when, location=url)
        story = store.new_story(article.title, when)
        store.write_batch([ArticleWrite(
            enriched=EnrichedArticle(
                article=article, language=Language(code=lang, confidence=1.0),
                dedup=DuplicateCheck(content_hash=f"{lang}{n}", minhash=(1,)),
                embedding=np.ones(4, dtype=np.float32)),
            story_id=story, story_score=1.0)])


def test_the_silence_threshold_scales_with_the_usual_gap_and_has_a_floor():
    assert silence_threshold(None, SETTINGS) == timedelta(days=2)
    fast = SourcePollState(source_id=1, mean_gap_seconds=600)
    assert silence_threshold(fast, SETTINGS) == timedelta(hours=6)  # 4 x 10 min is below
    slow = SourcePollState(source_id=1, mean_gap_seconds=3 * 3600)
    assert silence_threshold(slow, SETTINGS) == timedelta(hours=12)


def test_a_source_silent_for_much_longer_than_its_usual_gap_is_flagged(store):
    steady, _ = store.register_source("Steady", "https://a.example/feed")
    quiet, _ = store.register_source("Quiet", "https://b.example/feed")
    store.save_source_poll_state(SourcePollState(
        source_id=steady.id, kind="feed", last_success=NOW, last_new=NOW - timedelta(hours=1),
        mean_gap_seconds=1800))
    store.save_source_poll_state(SourcePollState(
        source_id=quiet.id, kind="feed", last_success=NOW, last_new=NOW - timedelta(hours=13),
        mean_gap_seconds=3 * 3600))
    store.record_arrivals(steady.id, NOW - timedelta(hours=1), 4)
    alarms = silent_sources(store, NOW, SETTINGS)
    assert [(a.kind, a.subject) for a in alarms] == [("silent_source", "Quiet")]
    assert "13.0 h" in alarms[0].detail and alarms[0].since == NOW - timedelta(hours=13)
    reports = {r.source.name: r for r in source_reports(store, NOW, SETTINGS)}
    assert reports["Steady"].articles_last_day == 4 and not reports["Steady"].silent
    assert reports["Quiet"].silent and reports["Quiet"].alarms == ("silent",)
    # an hour earlier the quiet source was still within four usual gaps
    assert silent_sources(store, NOW - timedelta(hours=1, minutes=1), SETTINGS) == []


def test_a_source_that_never_delivered_counts_its_silence_from_registration(store):
    source, _ = store.register_source("New", "https://c.example/feed")
    assert silent_sources(store, source.created_at + timedelta(days=1), SETTINGS) == []
    late = silent_sources(store, source.created_at + timedelta(days=2, seconds=1), SETTINGS)
    assert [a.kind for a in late] == ["silent_source"]
    assert "since it was registered" in late[0].detail


def test_a_source_failing_again_and_again_is_flagged_with_its_error(store):
    source, _ = store.register_source("Down", "https://d.example/feed")
    state = SourcePollState(source_id=source.id, kind="feed", last_new=NOW,
                            last_success=NOW - timedelta(minutes=20), last_error="HTTP 503",
                            consecutive_failures=FAILING_AFTER - 1)
    store.save_source_poll_state(state)
    assert silent_sources(store, NOW, SETTINGS) == []
    store.save_source_poll_state(SourcePollState(
        source_id=source.id, kind="feed", last_new=NOW, last_success=NOW - timedelta(minutes=20),
        last_error="HTTP 503", consecutive_failures=FAILING_AFTER))
    (alarm,) = silent_sources(store, NOW, SETTINGS)
    assert alarm.kind == "failing_source" and "HTTP 503" in alarm.detail
    assert "20 min ago" in alarm.detail and alarm.url == "https://d.example/feed"


def test_a_language_whose_steady_volume_drops_to_zero_is_flagged(store):
    # German: one an hour for a week, then nothing for 7 hours (6 were due in the last 6).
    # English: the same, and still going.
    week = [NOW - timedelta(hours=7 + k) for k in range(24 * 7)]
    add_articles(store, "de", week)
    add_articles(store, "en", [*week, NOW - timedelta(hours=2)])
    # Czech: a trickle (one a day) whose silence is not yet evidence of a gap.
    add_articles(store, "cs", [NOW - timedelta(days=k, hours=7) for k in range(7)])
    alarms = silent_languages(store, NOW, SETTINGS)
    assert [(a.kind, a.subject) for a in alarms] == [("silent_language", "de")]
    assert "6 were due" in alarms[0].detail and "(168 articles)" in alarms[0].detail
    assert {a.subject for a in health_alarms(store, NOW, SETTINGS)} == {"de"}


def test_a_young_language_needs_a_day_of_history_before_its_silence_counts(store):
    # 10 articles in the hour before the window: the span is floored at one day,
    # so 10 x 6/24 = 2.5 due, under the 5 needed for an alarm.
    add_articles(store, "fr", [NOW - timedelta(hours=6, minutes=5 * k) for k in range(1, 11)])
    assert silent_languages(store, NOW, SETTINGS) == []
    add_articles(store, "fr", [NOW - timedelta(hours=6, minutes=3 * k) for k in range(1, 20)],
                 start=100)
    assert [a.subject for a in silent_languages(store, NOW, SETTINGS)] == ["fr"]
