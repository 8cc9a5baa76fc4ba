"""Coverage over time as small multiples: one row of bars per language or country. No I/O.

Like :mod:`babelwire.web.charts`, this returns numbers and plain strings; the
entity template draws the SVG, so every label passes through autoescaping.
Buckets are an hour, six hours, a day, a week or thirty days wide, the
narrowest that keeps the period within :data:`MOST_BUCKETS` bars.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from babelwire.web.charts import Tick, _ticks

MOST_BUCKETS = 48
BUCKETS = (timedelta(hours=1), timedelta(hours=6), timedelta(days=1), timedelta(days=7),
           timedelta(days=30))
_EPOCH = datetime(2000, 1, 3, tzinfo=UTC)  # a Monday: weekly buckets start on Mondays


@dataclass(frozen=True, kw_only=True, slots=True)
class CoverageAxis:
    start: datetime
    """The first bucket's start."""
    bucket: timedelta
    buckets: int

    def index(self, when: datetime) -> int:
        return min(self.buckets - 1, max(0, int((when - self.start) // self.bucket)))

    def starts(self) -> tuple[datetime, ...]:
        return tuple(self.start + self.bucket * i for i in range(self.buckets))


def coverage_axis(times: Sequence[datetime]) -> CoverageAxis:
    """Buckets covering ``times`` (any order), aligned to whole hours, days or Mondays."""
    if not times:
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        return CoverageAxis(start=now, bucket=BUCKETS[2], buckets=1)
    first, last = min(times), max(times)
    for bucket in BUCKETS:
        start = _EPOCH + bucket * ((first - _EPOCH) // bucket)
        count = int((last - start) // bucket) + 1
        if count <= MOST_BUCKETS or bucket == BUCKETS[-1]:
            return CoverageAxis(start=start, bucket=bucket, buckets=count)
    raise AssertionError("unreachable")  # pragma: no cover


def bucket_counts(axis: CoverageAxis, times: Sequence[datetime]) -> tuple[int, ...]:
    counts = [0] * axis.buckets
    for when in times:
        counts[axis.index(when)] += 1
    return tuple(counts)


@dataclass(frozen=True, kw_only=True, slots=True)
class CoverageBar:
    x: float
    y: float
    width: float
    height: float
    count: int
    when: str


@dataclass(frozen=True, kw_only=True, slots=True)
class CoverageRow:
    key: str
    label: str
    """Short label drawn left of the row (``DE``)."""
    title: str
    """Long label for the tooltip (``German (Deutsch): 12 articles``)."""
    y: float
    total: int
    bars: tuple[CoverageBar, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class CoverageChart:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    row_height: int
    rows: tuple[CoverageRow, ...]
    ticks: tuple[Tick, ...]
    bucket_label: str
    label: str


def _bucket_label(bucket: timedelta) -> str:
    return {3600: "hour", 21600: "6 hours", 86400: "day", 604800: "week",
            2592000: "30 days"}.get(int(bucket.total_seconds()), str(bucket))


def coverage_chart(series: Sequence[tuple[str, Sequence[int]]], axis: CoverageAxis, *,
                   short: Callable[[str], str], long: Callable[[str], str],
                   what: str = "articles", most_rows: int = 10, width: int = 760,
                   row_height: int = 26) -> CoverageChart:
    """One row per key of ``series`` (key, count per bucket of ``axis``), in the order given;
    keys after the first ``most_rows`` are summed into one ``other`` row."""
    rows_in = [(k, tuple(c)) for k, c in series[:most_rows]]
    if len(series) > most_rows:
        rows_in.append(("other", tuple(sum(col) for col in zip(
            *(c for _, c in series[most_rows:]), strict=True))))
    left, right, top = 72, 12, 8
    plot = width - left - right
    slot = plot / max(1, axis.buckets)
    peak = max((c for _, row in rows_in for c in row), default=0) or 1
    rows = []
    for i, (key, values) in enumerate(rows_in):
        base = top + row_height * (i + 1) - 3
        full = row_height - 6
        bars = tuple(
            CoverageBar(x=round(left + j * slot + 0.5, 1), y=round(base - max(1.0, v / peak * full),
                        1), width=round(max(1.0, slot - 1), 1),
                        height=round(max(1.0, v / peak * full), 1), count=v,
                        when=_when(axis.start + axis.bucket * j, axis.bucket))
            for j, v in enumerate(values) if v)
        total = sum(values)
        label = "other" if key == "other" else short(key)
        title = f"{'others' if key == 'other' else long(key)}: {total} {what}"
        rows.append(CoverageRow(key=key, label=label, title=title, y=base, total=total,
                                bars=bars))
    axis_y = top + row_height * max(1, len(rows)) + 2
    end = axis.start + axis.bucket * axis.buckets
    span = (end - axis.start).total_seconds()

    def x_of(t: datetime) -> float:
        return round(left + (t - axis.start).total_seconds() / span * plot, 1)

    total = sum(r.total for r in rows)
    label = (f"{total} {what} per {_bucket_label(axis.bucket)} from {axis.start:%d %b %Y} to "
             f"{end:%d %b %Y}, one row each for {len(rows)} groups")
    return CoverageChart(width=width, height=int(axis_y + 26), left=left, right=right,
                         axis_y=axis_y, row_height=row_height, rows=tuple(rows),
                         ticks=_ticks(axis.start, end, x_of), label=label,
                         bucket_label=_bucket_label(axis.bucket))


def _when(start: datetime, bucket: timedelta) -> str:
    if bucket < timedelta(days=1):
        return f"{start:%d %b %H:%M} UTC".lstrip("0")
    if bucket == timedelta(days=1):
        return f"{start:%d %b %Y}".lstrip("0")
    return f"{bucket.days} days from {start:%d %b %Y}".lstrip("0")


def ranked_keys(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """(key, count) most frequent first, then alphabetically."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
