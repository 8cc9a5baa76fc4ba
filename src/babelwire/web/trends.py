"""How the dashboard ranks stories and buckets their articles over time. No I/O.

The dashboard's clock (``reference``) is the newest article's time, or the
wall clock when that is earlier: a database that stopped growing still shows
what was moving when it stopped, and the pages say how far behind it is.

A story's **heat** is the sum, over its articles that are not copies, of
``0.5 ** (age / half_life)``: an article published at the reference time
counts 1, one a half-life older counts 0.5. Heat rewards growth (recent
articles weigh most) and size (every article adds), and copies add nothing.
Stories are ranked by heat, then by size, then by their newest article.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from babelwire.store.base import StoryActivity

RANGES: dict[str, timedelta | None] = {
    "24h": timedelta(hours=24),
    "3d": timedelta(days=3),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "all": None,
}
"""The time ranges the dashboard offers, by the key used in URLs."""

RANGE_LABELS: dict[str, str] = {"24h": "24 hours", "3d": "3 days", "7d": "7 days",
                                "30d": "30 days", "all": "all time"}
DEFAULT_RANGE = "7d"
RECENT = timedelta(hours=24)
"""The window behind a story's ``recent`` count (\"+3 in 24 h\")."""

_BUCKETS: dict[str, int] = {"24h": 24, "3d": 18, "7d": 28, "30d": 30}
_MAX_BUCKETS = 40


def reference_time(newest: datetime | None, now: datetime) -> datetime:
    """The dashboard's "now": the newest article's time, unless that is later than ``now``."""
    return now if newest is None else min(newest, now)


@dataclass(frozen=True, kw_only=True, slots=True)
class TimeAxis:
    """``buckets`` equal slices of time from ``start`` to ``end``."""

    start: datetime
    end: datetime
    buckets: int

    @property
    def bucket(self) -> timedelta:
        return (self.end - self.start) / self.buckets

    def counts(self, times: Iterable[datetime]) -> tuple[int, ...]:
        """How many of ``times`` fall in each bucket (times outside the axis are left out)."""
        counts = [0] * self.buckets
        span = (self.end - self.start).total_seconds()
        for t in times:
            offset = (t - self.start).total_seconds()
            if 0 <= offset <= span:
                counts[min(self.buckets - 1, int(offset / span * self.buckets))] += 1
        return tuple(counts)


def time_axis(range_key: str, reference: datetime, earliest: datetime | None) -> TimeAxis:
    """The axis for sparklines over ``range_key`` ending at ``reference``.

    For ``all`` it starts at ``earliest`` and uses whole hours per bucket, at
    most :data:`_MAX_BUCKETS` buckets.
    """
    window = RANGES.get(range_key)
    if window is not None:
        return TimeAxis(start=reference - window, end=reference, buckets=_BUCKETS[range_key])
    start = earliest if earliest is not None and earliest < reference else reference
    hours = max(1, math.ceil((reference - start).total_seconds() / 3600 / _MAX_BUCKETS))
    buckets = max(1, math.ceil((reference - start).total_seconds() / 3600 / hours))
    return TimeAxis(start=reference - timedelta(hours=hours * buckets), end=reference,
                    buckets=buckets)


def heat(times: Iterable[datetime], reference: datetime, half_life_hours: float) -> float:
    """Sum of ``0.5 ** (age / half_life)`` over ``times`` (ages below zero count as zero)."""
    half_life = max(half_life_hours, 1e-6) * 3600.0
    return float(sum(math.exp2(-max(0.0, (reference - t).total_seconds()) / half_life)
                     for t in times))


@dataclass(frozen=True, kw_only=True, slots=True)
class RankedStory:
    """A story with its place in the ranking and what the list shows about it."""

    story: StoryActivity
    heat: float
    recent: int
    """Articles that are not copies published in the :data:`RECENT` window."""
    activity: tuple[int, ...]
    """Articles (copies included) per bucket of the page's time axis."""


def rank_stories(stories: Sequence[StoryActivity], *, reference: datetime, axis: TimeAxis,
                 half_life_hours: float) -> list[RankedStory]:
    """``stories`` ranked hottest first (see the module docstring)."""
    since = reference - RECENT
    ranked = [
        RankedStory(
            story=s, heat=round(heat(s.original_times, reference, half_life_hours), 4),
            recent=sum(1 for t in s.original_times if since < t <= reference),
            activity=axis.counts(s.times),
        )
        for s in stories
    ]
    ranked.sort(key=lambda r: (-r.heat, -r.story.independent_size,
                               -(r.story.last_seen.timestamp() if r.story.last_seen else 0.0),
                               r.story.id))
    return ranked
