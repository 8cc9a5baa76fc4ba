"""Breaking-story detection: a calibrated Poisson rate test on a story's recent articles.

For a story at time ``now``, with a window ``W`` (``breaking_window_minutes``) and a
history ``H`` before it (``breaking_history_hours``), counting only original articles
(a copy of another article counts once, through its original):

* ``k``: the story's originals in the window ``[now - W, now]``;
* ``b``: its originals in the history ``[now - W - H, now - W)``;
* the expected count is the story's own past rate, ``b * W / H``, floored at
  ``breaking_floor`` (so a story with no past is not infinitely surprising), times the
  growth of everything else: the overall volume of *other* stories in the window per
  hour divided by theirs in the history per hour, clamped to [1, ``breaking_max_volume_ratio``].
  A catch-up after downtime, or a busy morning, raises every story's expectation;
  a story that is itself the spike does not raise its own;
* ``p = P(Poisson(expected) >= k)``.

An article dated after ``now`` (a feed with a skewed clock) counts as arriving now.
The same test runs per language (the story's articles in that language against that
language's own history and volume). A story **breaks** when it has at least
``breaking_min_articles`` originals in the window from at least
``breaking_min_sources`` distinct outlets, and either the cross-language p-value is below
``breaking_alpha`` or some language's p-value is below ``breaking_alpha`` divided by the
number of languages in the window (a Bonferroni correction). The number of languages
and of independent outlets in the window are reported as the spread signals.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from babelwire.alerts.records import TimelinePoint
from babelwire.settings import Settings
from babelwire.store.base import Store


@dataclass(frozen=True, kw_only=True, slots=True)
class BurstParams:
    window: timedelta = timedelta(minutes=60)
    history: timedelta = timedelta(hours=24)
    alpha: float = 1e-3
    min_articles: int = 3
    min_sources: int = 2
    floor: float = 0.5
    """Least expected originals per window, for a story with little or no past."""
    max_volume_ratio: float = 10.0

    @classmethod
    def from_settings(cls, settings: Settings) -> BurstParams:
        return cls(window=timedelta(minutes=settings.breaking_window_minutes),
                   history=timedelta(hours=settings.breaking_history_hours),
                   alpha=settings.breaking_alpha, min_articles=settings.breaking_min_articles,
                   min_sources=settings.breaking_min_sources, floor=settings.breaking_floor,
                   max_volume_ratio=settings.breaking_max_volume_ratio)


@dataclass(frozen=True, kw_only=True, slots=True)
class RateTest:
    observed: int
    history: int
    expected: float
    p_value: float


@dataclass(frozen=True, kw_only=True, slots=True)
class BurstAssessment:
    """The outcome of the burst test for one story at one time."""

    breaking: bool
    overall: RateTest
    per_language: Mapping[str, RateTest] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    """Languages of the story's originals in the window."""
    sources: int = 0
    """Distinct outlets of the story's originals in the window."""
    breaking_languages: tuple[str, ...] = ()

    @property
    def growth(self) -> float:
        """Window count over the story's own expected count (before the volume factor)."""
        return self.overall.observed / max(self.overall.expected, 1e-9)

    def signals(self) -> dict[str, object]:
        """A JSON-friendly summary for alert payloads."""
        return {"p_value": self.overall.p_value, "window_articles": self.overall.observed,
                "expected": round(self.overall.expected, 3), "languages": list(self.languages),
                "independent_sources": self.sources,
                "breaking_languages": list(self.breaking_languages)}


def poisson_tail(expected: float, k: int) -> float:
    """P(X >= k) for X ~ Poisson(expected), summed from k upwards in log space."""
    if k <= 0:
        return 1.0
    if expected <= 0:
        return 0.0
    log_term = -expected + k * math.log(expected) - math.lgamma(k + 1)
    total = 0.0
    i = k
    while True:
        term = math.exp(log_term)
        total += term
        i += 1
        log_term += math.log(expected) - math.log(i)
        if term < total * 1e-15 or i > k + 10000:
            break
    return min(1.0, total)


def _ratio(window_other: int, history_other: int, params: BurstParams) -> float:
    if history_other <= 0:
        return 1.0
    hours_w = params.window.total_seconds() / 3600
    hours_h = params.history.total_seconds() / 3600
    ratio = (window_other / hours_w) / (history_other / hours_h)
    return min(max(ratio, 1.0), params.max_volume_ratio)


def _test(observed: int, history: int, ratio: float, params: BurstParams) -> RateTest:
    own = max(history * params.window / params.history, params.floor)
    expected = own * ratio
    return RateTest(observed=observed, history=history, expected=expected,
                    p_value=poisson_tail(expected, observed))


def assess(timeline: Sequence[TimelinePoint], now: datetime, *,
           others_window: Mapping[str, int], others_history: Mapping[str, int],
           params: BurstParams) -> BurstAssessment:
    """Run the burst test on a story's ``timeline`` against other stories' volume per
    language in the window and in the history (from :meth:`Store.originals_between`)."""
    start = now - params.window
    past = start - params.history
    # an article dated after ``now`` (a clock-skewed feed) counts as arriving now
    in_window = [p for p in timeline if p.original and start <= min(p.time, now)]
    in_history = [p for p in timeline if p.original and past <= p.time < start]
    by_lang_w = Counter(p.lang for p in in_window)
    by_lang_h = Counter(p.lang for p in in_history)
    overall = _test(len(in_window), len(in_history),
                    _ratio(sum(others_window.values()), sum(others_history.values()), params),
                    params)
    per_language = {
        lang: _test(n, by_lang_h.get(lang, 0),
                    _ratio(others_window.get(lang, 0), others_history.get(lang, 0), params),
                    params)
        for lang, n in sorted(by_lang_w.items())}
    languages = tuple(sorted(by_lang_w))
    sources = len({p.source for p in in_window})
    corrected = params.alpha / max(len(languages), 1)
    breaking_languages = tuple(lang for lang, t in per_language.items()
                               if t.p_value < corrected)
    breaking = (overall.observed >= params.min_articles and sources >= params.min_sources
                and (overall.p_value < params.alpha or bool(breaking_languages)))
    return BurstAssessment(breaking=breaking, overall=overall, per_language=per_language,
                           languages=languages, sources=sources,
                           breaking_languages=breaking_languages)


def assess_story(store: Store, story_id: int, now: datetime,
                 params: BurstParams) -> BurstAssessment:
    """:func:`assess` over what the store holds for ``story_id``."""
    start = now - params.window
    return assess(
        store.story_timeline(story_id), now,
        others_window=store.originals_between(start, now + timedelta(days=365),
                                              exclude_story=story_id),
        others_history=store.originals_between(start - params.history, start,
                                               exclude_story=story_id),
        params=params)
