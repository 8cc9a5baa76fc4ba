"""Source health alarms: data gaps are flagged, never silent.

Three alarms, each a :class:`HealthAlarm`:

* ``failing_source``: a registered source's last ``FAILING_AFTER`` polls or more
  failed in a row (its last error is in the alarm).
* ``silent_source``: nothing new arrived from a registered source for longer than
  ``monitor_silent_factor`` times its usual gap between new articles (the
  smoothed gap the scheduler learns), and never less than
  ``monitor_silent_min_hours``. A source whose pace is not known yet (fewer
  than two polls found anything) is silent after ``silent_after_days`` since its
  last new article, or since it was registered.
* ``silent_language``: a language that had steady volume over the week before
  the last ``monitor_silent_min_hours`` hours, and got no article at all in
  those hours, although at its weekly rate at least ``LANGUAGE_MIN_EXPECTED``
  were due (a Poisson count with that mean is zero with probability under 1%).

:func:`health_alarms` gives them all; the CLI (``source list``, ``status``), the
monitor's log and the dashboard read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from babelwire.settings import Settings, load_settings
from babelwire.store.base import RegisteredSource, SourcePollState, Store

__all__ = [
    "FAILING_AFTER",
    "LANGUAGE_BASELINE",
    "LANGUAGE_MIN_EXPECTED",
    "HealthAlarm",
    "SourceReport",
    "health_alarms",
    "silence_threshold",
    "silent_languages",
    "silent_sources",
    "source_reports",
]

FAILING_AFTER = 3
"""Consecutive failed polls from which a source is flagged as failing."""
LANGUAGE_BASELINE = timedelta(days=7)
"""How far back a language's usual volume is measured."""
LANGUAGE_MIN_EXPECTED = 5.0
"""Articles a language must have been due in the window before its silence is flagged."""
_MIN_BASELINE_SPAN = timedelta(days=1)

AlarmKind = Literal["failing_source", "silent_source", "silent_language"]


@dataclass(frozen=True, kw_only=True, slots=True)
class HealthAlarm:
    """One data gap: a failing or silent source, or a silent language."""

    kind: AlarmKind
    subject: str
    """The source's name, or the language code."""
    detail: str
    """One sentence for people: what is wrong and since when."""
    since: datetime | None
    """The last time things were fine: the last new article, or the last success."""
    source_id: int | None = None
    url: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.url or self.subject


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceReport:
    """A registered source with its poll state and health, as ``source list`` shows it."""

    source: RegisteredSource
    state: SourcePollState | None
    articles_last_day: int
    silent: bool
    silent_after: timedelta
    failing: bool

    @property
    def alarms(self) -> tuple[str, ...]:
        return tuple(name for name, on in (("failing", self.failing), ("silent", self.silent))
                     if on)


def silence_threshold(state: SourcePollState | None, settings: Settings) -> timedelta:
    """How long a source may deliver nothing new before it is flagged silent."""
    floor = timedelta(hours=float(settings.monitor_silent_min_hours))
    if state is None or state.mean_gap_seconds is None:
        return max(floor, timedelta(days=float(settings.silent_after_days)))
    scaled = timedelta(seconds=float(settings.monitor_silent_factor) * state.mean_gap_seconds)
    return max(floor, scaled)


def source_reports(store: Store, now: datetime,
                   settings: Settings | None = None) -> list[SourceReport]:
    """Every registered source with its state, last day's articles and alarms at ``now``."""
    settings = settings if settings is not None else load_settings()
    states = store.source_poll_states()
    last_day = store.source_arrival_counts(now - timedelta(days=1))
    reports = []
    for source in store.registered_sources():
        state = states.get(source.id)
        threshold = silence_threshold(state, settings)
        reference = state.last_new if state is not None and state.last_new else \
            source.created_at
        reports.append(SourceReport(
            source=source, state=state, articles_last_day=last_day.get(source.id, 0),
            silent=now - reference >= threshold, silent_after=threshold,
            failing=state is not None and state.consecutive_failures >= FAILING_AFTER))
    return reports


def silent_sources(store: Store, now: datetime,
                   settings: Settings | None = None) -> list[HealthAlarm]:
    """Alarms for registered sources that are failing or silent at ``now``."""
    alarms: list[HealthAlarm] = []
    for report in source_reports(store, now, settings):
        source, state = report.source, report.state
        if report.failing and state is not None:
            alarms.append(HealthAlarm(
                kind="failing_source", subject=source.name, source_id=source.id,
                url=source.url, since=state.last_success,
                detail=f"{source.name}: the last {state.consecutive_failures} polls failed "
                       f"(latest: {state.last_error}); last success "
                       f"{_ago(state.last_success, now)}"))
        if report.silent:
            last = state.last_new if state is not None else None
            alarms.append(HealthAlarm(
                kind="silent_source", subject=source.name, source_id=source.id,
                url=source.url, since=last or source.created_at,
                detail=f"{source.name}: nothing new "
                       f"{'since it was registered' if last is None else 'for'} "
                       f"{_duration(now - (last or source.created_at))} "
                       f"(flagged after {_duration(report.silent_after)})"))
    return alarms


def silent_languages(store: Store, now: datetime,
                     settings: Settings | None = None) -> list[HealthAlarm]:
    """Alarms for languages whose steady volume dropped to zero in the recent window."""
    settings = settings if settings is not None else load_settings()
    window = timedelta(hours=float(settings.monitor_silent_min_hours))
    recent_start = now - window
    baseline_start = recent_start - LANGUAGE_BASELINE
    recent = store.language_arrivals(recent_start, now)
    baseline = store.language_arrivals(baseline_start, recent_start)
    alarms = []
    for lang, before in sorted(baseline.items()):
        if recent.get(lang) is not None and recent[lang].articles > 0:
            continue
        start = max(before.first or baseline_start, baseline_start)
        span = max(recent_start - start, _MIN_BASELINE_SPAN)
        expected = before.articles * (window / span)
        if expected < LANGUAGE_MIN_EXPECTED:
            continue
        alarms.append(HealthAlarm(
            kind="silent_language", subject=lang, since=recent_start,
            detail=f"language {lang}: no article in the last {_duration(window)}, where "
                   f"{expected:.0f} were due at its rate over the previous "
                   f"{_duration(span)} ({before.articles} articles)"))
    return alarms


def health_alarms(store: Store, now: datetime,
                  settings: Settings | None = None) -> list[HealthAlarm]:
    """Every data-gap alarm at ``now``: failing and silent sources, silent languages."""
    settings = settings if settings is not None else load_settings()
    return silent_sources(store, now, settings) + silent_languages(store, now, settings)


def _duration(delta: timedelta) -> str:
    seconds = max(delta.total_seconds(), 0.0)
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _ago(when: datetime | None, now: datetime) -> str:
    return "never" if when is None else f"{_duration(now - when)} ago"
