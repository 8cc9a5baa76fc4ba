"""The burst test on synthetic timelines (no store)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from babelwire.alerts.breaking import BurstParams, assess, poisson_tail
from babelwire.alerts.records import TimelinePoint

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PARAMS = BurstParams()


def point(n: int, minutes_ago: float, lang: str = "en", source: str | None = None,
          original: bool = True) -> TimelinePoint:
    return TimelinePoint(article_id=n, time=NOW - timedelta(minutes=minutes_ago), lang=lang,
                         source=source or f"outlet{n}", original=original)


def test_poisson_tail_matches_the_definition():
    assert poisson_tail(2.0, 0) == 1.0
    assert poisson_tail(2.0, 1) == pytest.approx(1 - 0.1353352832, rel=1e-9)
    assert poisson_tail(2.0, 6) == pytest.approx(0.0165636, rel=1e-5)
    assert 0 < poisson_tail(0.5, 40) < 1e-40


def test_a_steady_story_does_not_break():
    # one article an hour for two days, from rotating outlets
    timeline = [point(n, 60 * n + 5, source=f"outlet{n % 5}") for n in range(48)]
    result = assess(timeline, NOW, others_window={"en": 10}, others_history={"en": 240},
                    params=PARAMS)
    assert not result.breaking
    assert result.overall.observed == 1
    assert result.overall.expected == pytest.approx(1.0)


def test_a_sudden_multi_language_burst_breaks():
    langs = ["en", "de", "fr", "uk"]
    timeline = [point(n, 2 + 3 * n, lang=langs[n % 4]) for n in range(10)]
    result = assess(timeline, NOW, others_window={"en": 10, "de": 3},
                    others_history={"en": 240, "de": 72}, params=PARAMS)
    assert result.breaking
    assert result.languages == ("de", "en", "fr", "uk")
    assert result.sources == 10
    assert result.overall.p_value < 1e-6


def test_copies_count_once():
    timeline = [point(0, 5)] + [point(n, 5, original=False) for n in range(1, 12)]
    result = assess(timeline, NOW, others_window={}, others_history={}, params=PARAMS)
    assert result.overall.observed == 1
    assert not result.breaking


def test_a_burst_from_one_outlet_does_not_break():
    timeline = [point(n, n, source="same outlet") for n in range(10)]
    result = assess(timeline, NOW, others_window={}, others_history={}, params=PARAMS)
    assert result.overall.p_value < PARAMS.alpha
    assert not result.breaking


def test_growth_that_everything_shares_does_not_break():
    # the story doubles its usual two an hour to nine; alone that is a burst ...
    history = [point(100 + n, 61 + 30 * n) for n in range(48)]
    window = [point(n, 5 * n + 1) for n in range(9)]
    quiet = assess(history + window, NOW, others_window={"en": 10},
                   others_history={"en": 240}, params=PARAMS)
    assert quiet.breaking
    # ... but not when every other story tripled too (a catch-up after downtime, say)
    busy = assess(history + window, NOW, others_window={"en": 30},
                  others_history={"en": 240}, params=PARAMS)
    assert not busy.breaking


def test_a_burst_in_one_language_breaks_in_that_language():
    # a story steady in English suddenly gets many Ukrainian reports
    english = [point(200 + n, 60 * n + 10) for n in range(24)]
    ukrainian = [point(n, 3 * n + 1, lang="uk") for n in range(6)]
    result = assess(english + ukrainian, NOW, others_window={"en": 20, "uk": 4},
                    others_history={"en": 480, "uk": 96}, params=PARAMS)
    assert result.breaking_languages == ("uk",)
    assert result.breaking


def test_articles_dated_in_the_future_count_as_now():
    timeline = [point(n, -30 - n) for n in range(8)]  # 30+ minutes ahead of now
    result = assess(timeline, NOW, others_window={}, others_history={}, params=PARAMS)
    assert result.overall.observed == 8 and result.breaking
