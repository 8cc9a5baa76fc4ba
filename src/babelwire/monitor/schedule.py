"""When to poll each source next: an adaptive interval learned from how often it publishes.

The method (docs/monitor.md has the reasoning):

* ``mean_gap`` is a smoothed estimate of the time between new articles. When a
  poll finds ``k`` new articles, the sample is the time since the previous poll
  that found any, divided by ``k``; ``mean_gap`` becomes
  ``SMOOTHING * sample + (1 - SMOOTHING) * mean_gap``. The first poll that finds
  articles gives no sample: what it finds is the source's backlog.
* After a poll that found something, the interval becomes ``POLL_FRACTION *
  mean_gap`` (half the usual gap, so a new article waits on average about a
  quarter of a gap), or half the current interval while there is no estimate yet.
* After a poll that found nothing, the interval grows by ``backoff``.
* A failed poll is retried after ``retry_seconds * 2 ** (failures - 1)``, capped at
  the maximum interval; the learned interval is kept for when it recovers.

Every interval stays within ``[min_interval, max_interval]``. A new source is
polled at once and then every ``min_interval`` until it has shown its pace.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from babelwire.errors import SettingsError
from babelwire.settings import Settings
from babelwire.store.base import SourcePollState

__all__ = [
    "POLL_FRACTION",
    "SMOOTHING",
    "PollParams",
    "after_failure",
    "after_success",
    "current_interval",
    "due",
    "retry_delay",
]

SMOOTHING = 0.3
"""Weight of the newest gap sample in the smoothed gap between new articles."""
POLL_FRACTION = 0.5
"""The interval after news, as a fraction of the smoothed gap between new articles."""


@dataclass(frozen=True, kw_only=True, slots=True)
class PollParams:
    """The bounds and factors of the adaptive schedule (from the ``monitor_*`` settings)."""

    min_interval: float
    max_interval: float
    backoff: float = 1.5
    retry_seconds: float = 60.0

    def __post_init__(self) -> None:
        if not 0 < self.min_interval <= self.max_interval:
            raise SettingsError(
                f"monitor_min_interval ({self.min_interval:g} s) must be above 0 and at most "
                f"monitor_max_interval ({self.max_interval:g} s)")
        if self.backoff < 1:
            raise SettingsError(f"monitor_backoff must be at least 1, not {self.backoff:g}")
        if self.retry_seconds <= 0:
            raise SettingsError(
                f"monitor_retry_seconds must be above 0, not {self.retry_seconds:g}")

    @classmethod
    def from_settings(cls, settings: Settings) -> PollParams:
        return cls(min_interval=float(settings.monitor_min_interval),
                   max_interval=float(settings.monitor_max_interval),
                   backoff=float(settings.monitor_backoff),
                   retry_seconds=float(settings.monitor_retry_seconds))

    def clamp(self, seconds: float) -> float:
        return min(self.max_interval, max(self.min_interval, seconds))


def due(state: SourcePollState | None, now: datetime) -> bool:
    """Whether a source with this state should be polled at ``now`` (a new one is due)."""
    return state is None or state.next_poll is None or state.next_poll <= now


def current_interval(state: SourcePollState, params: PollParams) -> float:
    """The state's interval within today's bounds (settings may have changed since)."""
    if state.interval_seconds is None:
        return params.min_interval
    return params.clamp(state.interval_seconds)


def after_success(state: SourcePollState, *, now: datetime, new_items: int, kind: str | None,
                  params: PollParams) -> SourcePollState:
    """The state after a poll at ``now`` that worked and stored ``new_items`` new articles."""
    interval = current_interval(state, params)
    mean_gap = state.mean_gap_seconds
    last_new = state.last_new
    if new_items > 0:
        if last_new is not None:
            sample = max((now - last_new).total_seconds(), 0.0) / new_items
            mean_gap = sample if mean_gap is None else \
                SMOOTHING * sample + (1 - SMOOTHING) * mean_gap
        interval = params.clamp(POLL_FRACTION * mean_gap if mean_gap is not None
                                else interval / 2)
        last_new = now
    else:
        interval = params.clamp(interval * params.backoff)
    return replace(
        state, kind=kind or state.kind, last_fetch=now, last_success=now, last_new=last_new,
        consecutive_failures=0, next_poll=now + timedelta(seconds=interval),
        interval_seconds=interval, mean_gap_seconds=mean_gap, polls=state.polls + 1,
        new_items=state.new_items + new_items)


def retry_delay(failures: int, params: PollParams) -> float:
    """Seconds to wait after the ``failures``-th failure in a row (exponential, capped)."""
    exponent = min(max(failures - 1, 0), 60)
    return min(params.max_interval, params.retry_seconds * 2.0 ** exponent)


def after_failure(state: SourcePollState, *, now: datetime, error: str,
                  params: PollParams) -> SourcePollState:
    """The state after a poll at ``now`` that failed with ``error``."""
    failures = state.consecutive_failures + 1
    return replace(
        state, last_fetch=now, last_error=error, last_error_at=now,
        consecutive_failures=failures,
        next_poll=now + timedelta(seconds=retry_delay(failures, params)),
        interval_seconds=current_interval(state, params), polls=state.polls + 1)
