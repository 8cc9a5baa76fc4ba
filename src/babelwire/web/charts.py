"""Geometry for the inline SVG charts: sparklines, story timelines, daily bars. No I/O.

Functions here return numbers and plain strings only; the templates draw the
SVG elements from them, so every piece of article text in a chart (a title in
a tooltip) passes through Jinja2's autoescaping like any other text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from babelwire.web.languages import language_name


@dataclass(frozen=True, kw_only=True, slots=True)
class Sparkline:
    width: int
    height: int
    line: str
    """``points`` of the polyline: ``"x,y x,y ..."``."""
    area: str
    """``points`` of the filled polygon under the line."""
    peak: int
    total: int
    label: str
    """A text alternative for screen readers."""


def sparkline(counts: Sequence[int], *, width: int = 120, height: int = 28,
              what: str = "articles") -> Sparkline:
    """A sparkline of ``counts`` (one value per time bucket, oldest first)."""
    values = list(counts) or [0]
    peak = max(values)
    pad = 2.0
    step = (width - 2 * pad) / max(1, len(values) - 1)
    points = []
    for i, value in enumerate(values):
        x = pad + i * step
        y = height - pad - (value / peak * (height - 2 * pad) if peak else 0.0)
        points.append(f"{x:.1f},{y:.1f}")
    base = f"{width - pad:.1f},{height - pad:.1f} {pad:.1f},{height - pad:.1f}"
    total = sum(values)
    return Sparkline(width=width, height=height, line=" ".join(points),
                     area=" ".join(points) + " " + base, peak=peak, total=total,
                     label=f"{total} {what} over the period, at most {peak} per interval")


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelinePoint:
    """One article to place on a story's timeline."""

    article_id: int
    lang: str
    when: datetime
    title: str
    source: str
    copy: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelineRow:
    lang: str
    label: str
    y: float
    count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelineDot:
    article_id: int
    x: float
    y: float
    copy: bool
    first: bool
    title: str
    source: str
    when: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Timeline:
    width: int
    height: int
    left: int
    """Width of the language label column."""
    right: int
    axis_y: float
    rows: tuple[TimelineRow, ...]
    dots: tuple[TimelineDot, ...]
    ticks: tuple[Tick, ...]
    label: str


_TICK_STEPS = (timedelta(hours=1), timedelta(hours=3), timedelta(hours=6),
               timedelta(hours=12), timedelta(days=1), timedelta(days=2), timedelta(days=7),
               timedelta(days=14), timedelta(days=30))


def _ticks(start: datetime, end: datetime, x_of: object, *, most: int = 6) -> tuple[Tick, ...]:
    span = end - start
    step = next((s for s in _TICK_STEPS if span / s <= most), _TICK_STEPS[-1])
    epoch = datetime(2000, 1, 3, tzinfo=UTC)  # a Monday, so weekly ticks fall on Mondays
    first = epoch + step * -(-(start - epoch) // step)
    fmt = "%d %b" if step >= timedelta(days=1) else "%d %b %H:%M"
    ticks = []
    t = first
    while t <= end:
        ticks.append(Tick(x=x_of(t), label=t.strftime(fmt).lstrip("0")))  # type: ignore[operator]
        t += step
    return tuple(ticks)


def timeline(points: Sequence[TimelinePoint], *, width: int = 760,
             row_height: int = 30) -> Timeline:
    """Articles as dots, one row per language (in order of first appearance), time across."""
    ordered = sorted(points, key=lambda p: (p.when, p.article_id))
    langs: list[str] = []
    for p in ordered:
        if p.lang not in langs:
            langs.append(p.lang)
    left, right, top = 64, 16, 12
    axis_y = top + row_height * max(1, len(langs))
    height = int(axis_y + 28)
    if ordered:
        start, end = ordered[0].when, ordered[-1].when
    else:
        start = end = datetime.now(UTC)
    if end - start < timedelta(hours=2):
        start, end = start - timedelta(hours=1), end + timedelta(hours=1)
    margin = (end - start) * 0.04
    start, end = start - margin, end + margin
    span = (end - start).total_seconds()

    def x_of(t: datetime) -> float:
        return round(left + (t - start).total_seconds() / span * (width - left - right), 1)

    row_y = {lang: top + row_height * (i + 0.5) for i, lang in enumerate(langs)}
    first_id = next((p.article_id for p in ordered if not p.copy), None)
    dots = tuple(
        TimelineDot(article_id=p.article_id, x=x_of(p.when), y=row_y[p.lang], copy=p.copy,
                    first=p.article_id == first_id, title=p.title, source=p.source,
                    when=p.when.astimezone(UTC).strftime("%d %b %H:%M UTC").lstrip("0"))
        for p in ordered)
    counts = {lang: sum(1 for p in ordered if p.lang == lang) for lang in langs}
    rows = tuple(TimelineRow(lang=lang, label=language_name(lang), y=row_y[lang],
                             count=counts[lang]) for lang in langs)
    label = (f"Timeline of {len(ordered)} articles in {len(langs)} languages from "
             f"{ordered[0].when:%d %b %H:%M} to {ordered[-1].when:%d %b %H:%M} UTC"
             if ordered else "No articles")
    return Timeline(width=width, height=height, left=left, right=right, axis_y=axis_y,
                    rows=rows, dots=dots, ticks=_ticks(start, end, x_of), label=label)


@dataclass(frozen=True, kw_only=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class Bars:
    width: int
    height: int
    bars: tuple[Bar, ...]
    label: str


def daily_bars(daily: dict[str, int], *, end: datetime, days: int = 14, width: int = 112,
               height: int = 24) -> Bars:
    """Articles per UTC day for the ``days`` days up to ``end``, as bars."""
    last = end.astimezone(UTC).date()
    keys = [(last - timedelta(days=days - 1 - i)).isoformat() for i in range(days)]
    values = [daily.get(k, 0) for k in keys]
    peak = max(values) or 1
    slot = width / days
    bars = tuple(
        Bar(x=round(i * slot + 1, 1), y=round(height - max(1.0, v / peak * height), 1)
            if v else height - 1.0, width=round(slot - 2, 1),
            height=round(max(1.0, v / peak * height), 1) if v else 1.0, day=k, count=v)
        for i, (k, v) in enumerate(zip(keys, values, strict=True)))
    return Bars(width=width, height=height, bars=bars,
                label=f"{sum(values)} articles in the {days} days to {last:%d %b}")
