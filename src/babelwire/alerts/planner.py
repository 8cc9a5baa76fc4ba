"""From alerts to outbox messages: at once (immediate mode) or one per period (digest mode).

An alert waits (``batched_at`` empty) until a message takes it. In immediate mode
each waiting alert becomes one message per channel; in digest mode every waiting
alert of the watch goes into one message per channel once ``digest_minutes`` have
passed since the last digest (or since the watch was made). Alerts whose reason the
watch does not deliver (``Watch.reasons``) are marked taken at once. A watch with no
channel still has its alerts marked taken: they live in its Atom feed and the alert log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from babelwire.alerts.payload import email_text, webhook_body
from babelwire.alerts.records import Alert, OutboxMessage, Watch
from babelwire.store.base import Store


def messages_for(watch: Watch, alerts: Sequence[Alert], *, digest: bool,
                 period_start: datetime | None, at: datetime) -> list[OutboxMessage]:
    out = []
    if watch.webhook_url:
        out.append(OutboxMessage(channel="webhook", target=watch.webhook_url,
                                 subject=f"{watch.name}: {len(alerts)} alert(s)",
                                 body=webhook_body(watch, alerts, digest=digest,
                                                   period_start=period_start, at=at)))
    if watch.email:
        subject, text = email_text(watch, alerts, digest=digest)
        out.append(OutboxMessage(channel="email", target=watch.email, subject=subject,
                                 body=text))
    return out


def plan_deliveries(store: Store, now: datetime) -> int:
    """Turn waiting alerts into outbox messages; return how many messages were queued."""
    queued = 0
    for watch in store.watches():
        waiting = sorted(store.alerts(watch_id=watch.id, waiting=True, limit=10_000),
                         key=lambda a: a.id)
        muted = [a.id for a in waiting if a.reason not in watch.reasons]
        if muted:  # recorded (a match marks a story as followed) but not delivered
            store.mark_batched(muted, now)
            waiting = [a for a in waiting if a.reason in watch.reasons]
        if watch.mode == "digest":
            since = watch.last_digest_at or watch.created_at or now
            if now - since < timedelta(minutes=watch.digest_minutes):
                continue
            if waiting:
                messages = messages_for(watch, waiting, digest=True, period_start=since, at=now)
                queued += len(store.enqueue_deliveries(
                    watch_id=watch.id, messages=messages, alert_ids=[a.id for a in waiting],
                    at=now))
            store.set_watch_digest_time(watch.id, now)
            continue
        for alert in waiting:
            messages = messages_for(watch, [alert], digest=False, period_start=None, at=now)
            queued += len(store.enqueue_deliveries(watch_id=watch.id, messages=messages,
                                                   alert_ids=[alert.id], at=now))
    return queued
