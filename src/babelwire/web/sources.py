"""The read model behind the Sources page and ``/api/sources``: is each outlet still delivering?

Sources are the outlet names articles are credited to. For each: articles (and
how many are not copies), the newest article's time, articles per day over its
active span (from its first article to the dashboard's clock, at least a day),
articles per day over the last two weeks, and "silent for N days" when its
newest article is at least ``silent_after_days`` older than the dashboard's
clock (the newest article of any source). Registered sources (``POST
/api/sources``) that have no articles yet are listed too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from babelwire.store.base import RegisteredSource, SourceHealth
from babelwire.web.charts import Bars, daily_bars
from babelwire.web.context import WebContext

DAILY_DAYS = 14
SORTS = ("name", "articles", "silent")


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceRow:
    health: SourceHealth
    per_day: float
    silent_days: int | None
    """Whole days since the newest article when the source counts as silent, else None."""
    registered: tuple[str, ...]
    """URLs registered under this name."""
    bars: Bars


@dataclass(frozen=True, kw_only=True, slots=True)
class SourcesReport:
    reference: datetime
    rows: tuple[SourceRow, ...]
    unseen: tuple[RegisteredSource, ...]
    """Registered sources that no article is credited to yet."""

    @property
    def silent(self) -> int:
        return sum(1 for r in self.rows if r.silent_days is not None)


def sources_report(ctx: WebContext, sort: str = "name") -> SourcesReport:
    """Every source's health, sorted by ``name``, ``articles`` (most first) or ``silent``."""
    sort = sort if sort in SORTS else "name"
    return ctx.cache.get(("sources", sort), lambda: _report(ctx, sort))


def _report(ctx: WebContext, sort: str) -> SourcesReport:
    reference = ctx.reference()
    since = (reference - timedelta(days=DAILY_DAYS - 1)).replace(
        hour=0, minute=0, second=0, microsecond=0)
    registered: dict[str, list[str]] = {}
    all_registered = ctx.store.registered_sources()
    for r in all_registered:
        registered.setdefault(r.name, []).append(r.url)
    silent_after = timedelta(days=ctx.settings.silent_after_days)
    rows = []
    for h in ctx.store.sources_health(daily_since=since):
        first, last = h.first_article, h.last_article
        span_days = max(1.0, (reference - first).total_seconds() / 86400) if first else 1.0
        gap = reference - last if last else None
        rows.append(SourceRow(
            health=h, per_day=round(h.articles / span_days, 2),
            silent_days=math.floor(gap.total_seconds() / 86400)
            if gap is not None and gap >= silent_after else None,
            registered=tuple(registered.get(h.name, ())),
            bars=daily_bars(dict(h.daily), end=reference, days=DAILY_DAYS)))
    if sort == "articles":
        rows.sort(key=lambda r: (-r.health.articles, r.health.name.casefold()))
    elif sort == "silent":
        rows.sort(key=lambda r: (r.health.last_article or reference, r.health.name.casefold()))
    else:
        rows.sort(key=lambda r: r.health.name.casefold())
    named = {r.health.name for r in rows}
    return SourcesReport(reference=reference, rows=tuple(rows),
                         unseen=tuple(r for r in all_registered if r.name not in named))
