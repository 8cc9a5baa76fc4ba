"""The alert hooks the monitor runs after each poll cycle (:class:`MonitorHook`).

In order: :class:`AlertRulesHook` (new articles -> alerts), :class:`DeliveryPlanHook`
(alerts -> outbox, immediate or digest), :class:`OutboxHook` (send, retry, log) and,
when ``digest_email`` is set, :class:`ReportEmailHook` (the scheduled digest report).
Every hook keeps its progress in the store, so a restarted monitor resumes.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from babelwire.alerts.breaking import BurstParams
from babelwire.alerts.outbox import Outbox, retry_delay
from babelwire.alerts.planner import plan_deliveries
from babelwire.alerts.rules import AlertRules
from babelwire.errors import BabelwireError
from babelwire.monitor.hooks import MonitorHook
from babelwire.settings import Settings
from babelwire.store.base import Store

log = logging.getLogger(__name__)


class AlertRulesHook:
    name = "alert-rules"

    def __init__(self, settings: Settings, store: Store) -> None:
        self.rules = AlertRules(store, BurstParams.from_settings(settings),
                                batch=settings.alerts_batch)

    def after_ingest(self, now: datetime) -> None:
        made = self.rules.run(now)
        if made:
            log.info("%d new alert(s)", made)

    def close(self) -> None:
        pass


class DeliveryPlanHook:
    name = "alert-delivery-plan"

    def __init__(self, settings: Settings, store: Store) -> None:
        self.store = store

    def after_ingest(self, now: datetime) -> None:
        plan_deliveries(self.store, now)

    def close(self) -> None:
        pass


class OutboxHook:
    name = "alert-outbox"

    def __init__(self, settings: Settings, store: Store) -> None:
        self.outbox = Outbox(settings, store)

    def after_ingest(self, now: datetime) -> None:
        self.outbox.dispatch(now)

    def close(self) -> None:
        self.outbox.close()


class ReportEmailHook:
    """Emails the digest report (``babelwire report``) every ``digest_interval_hours``."""

    name = "digest-report-email"
    STATE = "report.last_sent"
    RETRY = "report.retry"

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store

    def after_ingest(self, now: datetime) -> None:
        from babelwire.reports.digest import email_report

        interval = timedelta(hours=self.settings.digest_interval_hours)
        last = self.store.alert_state(self.STATE)
        if last is None:  # the first period starts when the monitor first runs
            self.store.set_alert_state(self.STATE, now.isoformat())
            return
        since = datetime.fromisoformat(last)
        if now - since < interval:
            return
        retry = self.store.alert_state(self.RETRY)
        failures, _, not_before = (retry or "0|").partition("|")
        if not_before and now < datetime.fromisoformat(not_before):
            return
        try:
            email_report(self.settings, self.store, to=self.settings.digest_email,
                         since=since, now=now, fmt=self.settings.digest_format)
        except BabelwireError as exc:
            count = int(failures) + 1
            wait = retry_delay(self.settings, count)
            self.store.set_alert_state(self.RETRY, f"{count}|{(now + wait).isoformat()}")
            log.warning("digest report to %s failed (%d): %s; retry in %s",
                        self.settings.digest_email, count, exc, wait)
            return
        self.store.set_alert_state(self.RETRY, "0|")
        self.store.set_alert_state(self.STATE, now.isoformat())

    def close(self) -> None:
        pass


def make_hooks(settings: Settings, store: Store) -> list[MonitorHook]:
    hooks: list[MonitorHook] = [AlertRulesHook(settings, store),
                                DeliveryPlanHook(settings, store), OutboxHook(settings, store)]
    if settings.digest_email:
        hooks.append(ReportEmailHook(settings, store))
    return hooks
