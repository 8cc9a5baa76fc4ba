"""The outbox dispatcher: sends due messages, logs every attempt, backs off on failure.

Each due message gets one attempt per cycle. A failure is logged with its error and
retried after ``alert_retry_seconds * 2**(attempts - 1)`` (at most
``alert_retry_max_seconds``), until ``alert_max_attempts`` attempts; then the message
is marked ``failed``. Once a target (a webhook URL, a mail server) fails in a cycle,
its other messages wait for the next cycle, so one dead endpoint costs at most one
timeout per cycle and never holds up other targets or channels.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from babelwire.alerts.channels.email import send_email
from babelwire.alerts.channels.webhook import post_webhook, webhook_client
from babelwire.alerts.records import Delivery, Watch
from babelwire.errors import DeliveryError
from babelwire.settings import Settings
from babelwire.store.base import Store

log = logging.getLogger(__name__)


def retry_delay(settings: Settings, attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failed attempt (1-based)."""
    seconds = settings.alert_retry_seconds * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.alert_retry_max_seconds))


class Outbox:
    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.client = webhook_client(settings)

    def close(self) -> None:
        self.client.close()

    def _send(self, d: Delivery, watches: dict[int, Watch]) -> None:
        if d.channel == "webhook":
            watch = watches.get(d.watch_id)
            post_webhook(d.target, d.body, secret=(watch.webhook_secret or "") if watch else "",
                         delivery_id=d.id, settings=self.settings, client=self.client)
        elif d.channel == "email":
            send_email(self.settings, d.target, d.subject, d.body)
        else:
            raise DeliveryError(f"unknown channel {d.channel!r}")

    def dispatch(self, now: datetime) -> tuple[int, int]:
        """Attempt every due message once; return (sent, failed attempts)."""
        sent = failed = 0
        watches = {w.id: w for w in self.store.watches()}
        down: set[tuple[str, str]] = set()
        for d in self.store.due_deliveries(now, limit=500):
            key = (d.channel, d.target if d.channel == "webhook" else "smtp")
            if key in down:
                continue
            try:
                self._send(d, watches)
            except Exception as exc:  # a channel's failure must never escape the hook
                error = str(exc) if isinstance(exc, DeliveryError) else (
                    f"{type(exc).__name__}: {exc}")
                attempts = d.attempts + 1
                retry = (None if attempts >= self.settings.alert_max_attempts
                         else now + retry_delay(self.settings, attempts))
                self.store.record_attempt(d.id, now, error=error, next_attempt_at=retry)
                log.warning("delivery %d (%s to %s) attempt %d failed: %s%s", d.id, d.channel,
                            d.target, attempts, error,
                            "; giving up" if retry is None else f"; retry at {retry}")
                down.add(key)
                failed += 1
                continue
            self.store.record_attempt(d.id, now, error=None, next_attempt_at=None)
            log.info("delivery %d (%s to %s) sent", d.id, d.channel, d.target)
            sent += 1
        return sent, failed
