"""The continuous monitor: polling sources, source health, and hooks run after each ingest.

``babelwire run`` builds a :class:`Monitor` over the store with the hooks
:func:`hooks_for` returns; docs/monitor.md describes the schedule, the health
alarms and what happens on shutdown and restart.
"""

from __future__ import annotations

from babelwire.monitor.health import (
    HealthAlarm,
    SourceReport,
    health_alarms,
    silent_languages,
    silent_sources,
    source_reports,
)
from babelwire.monitor.hooks import MonitorHook
from babelwire.monitor.runner import Monitor, MonitorReport
from babelwire.monitor.schedule import PollParams
from babelwire.settings import Settings
from babelwire.store.base import Store

__all__ = [
    "HealthAlarm",
    "Monitor",
    "MonitorHook",
    "MonitorReport",
    "PollParams",
    "SourceReport",
    "health_alarms",
    "hooks_for",
    "silent_languages",
    "silent_sources",
    "source_reports",
]


def hooks_for(settings: Settings, store: Store) -> list[MonitorHook]:
    """The hooks ``babelwire run`` calls after each poll cycle, in order: the alert rules,
    delivery planning, the outbox and, when ``digest_email`` is set, the scheduled digest
    (:func:`babelwire.alerts.hooks`)."""
    from babelwire.alerts import hooks

    return hooks(settings, store)
