from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from babelwire.errors import SettingsError
from babelwire.monitor.schedule import (
    PollParams,
    after_failure,
    after_success,
    due,
    retry_delay,
)
from babelwire.store.base import SourcePollState

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
PARAMS = PollParams(min_interval=60, max_interval=3600, backoff=1.5, retry_seconds=30)


class FakeTime:
    """Wall-clock time that moves only when told to."""

    def __init__(self) -> None:
        self.now = T0

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def simulate(gap: float, polls: int, params: PollParams = PARAMS) -> SourcePollState:
    """Poll on schedule a source that publishes one article every ``gap`` seconds."""
    clock = FakeTime()
    state = after_success(SourcePollState(source_id=1), now=clock.now, new_items=5,
                          kind="feed", params=params)
    published_upto = clock.now
    for _ in range(polls):
        assert state.next_poll is not None
        clock.now = state.next_poll
        new = int((clock.now - published_upto).total_seconds() // gap)
        published_upto += timedelta(seconds=new * gap)
        state = after_success(state, now=clock.now, new_items=new, kind="feed", params=params)
    return state


def test_a_new_source_is_due_and_its_backlog_gives_no_pace():
    assert due(None, T0)
    first = after_success(SourcePollState(source_id=1), now=T0, new_items=20, kind="feed",
                          params=PARAMS)
    assert first.mean_gap_seconds is None  # 20 backlog items say nothing about the pace
    assert first.interval_seconds == 60  # halved from the minimum, kept at the minimum
    assert first.next_poll == T0 + timedelta(seconds=60)
    assert first.last_new == T0 and first.new_items == 20 and first.kind == "feed"
    assert not due(first, T0 + timedelta(seconds=59))
    assert due(first, T0 + timedelta(seconds=60))


@pytest.mark.parametrize("gap", [300.0, 900.0, 2400.0])
def test_the_interval_settles_near_half_the_publishing_gap(gap):
    state = simulate(gap, polls=200)
    assert state.mean_gap_seconds == pytest.approx(gap, rel=0.35)
    assert state.interval_seconds is not None
    assert 0.25 * gap <= state.interval_seconds <= 1.1 * gap


def test_a_fast_source_is_polled_at_the_minimum_and_a_slow_one_at_the_maximum():
    assert simulate(10.0, polls=50).interval_seconds == 60
    assert simulate(50_000.0, polls=80).interval_seconds == 3600


def test_nothing_new_backs_off_geometrically_up_to_the_maximum():
    clock = FakeTime()
    state = after_success(SourcePollState(source_id=1), now=clock.now, new_items=1, kind="feed",
                          params=PARAMS)
    intervals = []
    for _ in range(12):
        state = after_success(state, now=clock.advance(state.interval_seconds or 0),
                              new_items=0, kind="feed", params=PARAMS)
        intervals.append(state.interval_seconds)
    assert intervals[:3] == [90, 135, 202.5]
    assert intervals[-1] == 3600 and max(intervals) == 3600
    assert state.last_new == T0 and state.polls == 13


def test_news_after_a_long_silence_raises_the_gap_estimate_and_shortens_the_interval():
    state = SourcePollState(source_id=1, last_new=T0, mean_gap_seconds=600,
                            interval_seconds=3000, next_poll=T0)
    later = after_success(state, now=T0 + timedelta(hours=2), new_items=1, kind="feed",
                          params=PARAMS)
    # sample 7200 s: 0.3 * 7200 + 0.7 * 600 = 2580 s; poll at half of it
    assert later.mean_gap_seconds == pytest.approx(2580)
    assert later.interval_seconds == pytest.approx(1290)
    burst = after_success(later, now=T0 + timedelta(hours=2, minutes=10), new_items=6,
                          kind="feed", params=PARAMS)
    assert burst.mean_gap_seconds == pytest.approx(0.3 * 100 + 0.7 * 2580)


def test_failures_are_retried_with_exponential_back_off_and_recovery_resets_them():
    clock = FakeTime()
    state = SourcePollState(source_id=1, interval_seconds=600, kind="feed")
    delays = []
    for _ in range(10):
        state = after_failure(state, now=clock.now, error="HTTP 503", params=PARAMS)
        assert state.next_poll is not None
        delays.append((state.next_poll - clock.now).total_seconds())
        clock.now = state.next_poll
    assert delays[:5] == [30, 60, 120, 240, 480]
    assert delays[-1] == 3600  # capped at the maximum interval
    assert state.consecutive_failures == 10 and state.last_error == "HTTP 503"
    assert state.interval_seconds == 600  # the learned interval waits for the recovery
    assert state.last_success is None
    ok = after_success(state, now=clock.now, new_items=0, kind="feed", params=PARAMS)
    assert ok.consecutive_failures == 0 and ok.last_success == clock.now
    assert ok.interval_seconds == 900 and ok.last_error == "HTTP 503"  # kept for the record
    assert retry_delay(500, PARAMS) == 3600


def test_intervals_follow_bounds_changed_since_the_state_was_saved():
    state = SourcePollState(source_id=1, interval_seconds=5000, last_new=T0)
    tight = PollParams(min_interval=1, max_interval=10)
    after = after_success(state, now=T0 + timedelta(seconds=3), new_items=0, kind="feed",
                          params=tight)
    assert after.interval_seconds == 10
    assert replace(after, interval_seconds=None).interval_seconds is None


@pytest.mark.parametrize("kwargs, message", [
    ({"min_interval": 0, "max_interval": 10}, "above 0"),
    ({"min_interval": 20, "max_interval": 10}, "at most"),
    ({"min_interval": 1, "max_interval": 10, "backoff": 0.5}, "monitor_backoff"),
    ({"min_interval": 1, "max_interval": 10, "retry_seconds": 0}, "monitor_retry_seconds"),
])
def test_bad_bounds_are_refused_with_the_setting_named(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        PollParams(**kwargs)
