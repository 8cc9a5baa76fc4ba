"""Watchlists, breaking stories, alerts and digests, as hooks the monitor runs.

``hooks(settings, store)`` gives the :class:`~babelwire.monitor.hooks.MonitorHook`
list the monitor calls after each poll cycle: the alert rules, digest batching,
the outbox dispatcher and (when configured) the scheduled report email.
See docs/alerts.md. (The store imports this package's records, so the hook
module is imported only when ``hooks`` is called.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babelwire.alerts.records import Alert, Delivery, NewAlert, TimelinePoint, Watch

if TYPE_CHECKING:
    from babelwire.monitor.hooks import MonitorHook
    from babelwire.settings import Settings
    from babelwire.store.base import Store

__all__ = ["Alert", "Delivery", "NewAlert", "TimelinePoint", "Watch", "hooks"]


def hooks(settings: Settings, store: Store) -> list[MonitorHook]:
    """The alert hooks, in the order the monitor should run them."""
    from babelwire.alerts.monitor_hooks import make_hooks

    return make_hooks(settings, store)
