"""The monitor's view of its sources, for the Sources page and ``/api/sources/health``.

The Sources page's main table (:mod:`babelwire.web.sources`) is about outlets as the
articles name them. This part is about what ``babelwire run`` polls: each registered
URL's poll state (last fetch, last success, last error, failures in a row, interval,
next poll) and the data-gap alarms of :func:`babelwire.monitor.health.health_alarms`
(failing or silent sources, silent languages). Both are read at the wall clock on
every request, not cached: poll state changes without any new article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babelwire.errors import StoreError
from babelwire.monitor.health import HealthAlarm, SourceReport, health_alarms, source_reports
from babelwire.web.context import WebContext


@dataclass(frozen=True, kw_only=True, slots=True)
class MonitorHealth:
    at: datetime
    sources: tuple[SourceReport, ...]
    alarms: tuple[HealthAlarm, ...]
    available: bool = True
    """False for a store that keeps no monitor state."""


def monitor_health(ctx: WebContext) -> MonitorHealth:
    """Registered sources with their poll state, and every data-gap alarm, at the wall clock."""
    now = ctx.now()
    try:
        reports = source_reports(ctx.store, now, ctx.settings)
        alarms = health_alarms(ctx.store, now, ctx.settings)
    except StoreError:
        return MonitorHealth(at=now, sources=(), alarms=(), available=False)
    return MonitorHealth(at=now, sources=tuple(reports), alarms=tuple(alarms))
