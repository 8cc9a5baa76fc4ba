"""The records of watchlists and alerts: watches, alerts, deliveries, attempts.

Frozen, keyword-only dataclasses with aware UTC datetimes, as everywhere in babelwire.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

MODES = ("immediate", "digest")
"""Delivery modes: every alert at once, or one message per digest period."""

REASONS = ("match", "breaking", "new_language")
"""Why an alert fires: the watch first matched the story, the story broke, it reached a
new language (the language is the alert's ``detail``)."""

CHANNELS = ("webhook", "email")


@dataclass(frozen=True, kw_only=True, slots=True)
class Watch:
    """A named watchlist: a query, filters, channels and a delivery mode."""

    id: int = 0
    name: str
    query: str
    languages: tuple[str, ...] = ()
    """Only articles in these languages (empty: any)."""
    sources: tuple[str, ...] = ()
    """Only articles from these outlets (empty: any)."""
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """A query term (word or phrase) -> other spellings that match as well."""
    webhook_url: str | None = None
    webhook_secret: str | None = None
    email: str | None = None
    mode: str = "immediate"
    digest_minutes: int = 60
    start_after: int = 0
    """Articles with ids up to this one were stored before the watch began (no alerts)."""
    created_at: datetime | None = None
    last_digest_at: datetime | None = None
    reasons: tuple[str, ...] = REASONS
    """The alert reasons delivered (all are recorded: a ``match`` marks a story as followed)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class NewAlert:
    """An alert to record; the store ignores one it already has (same watch, story, reason,
    detail)."""

    watch_id: int
    story_id: int
    reason: str
    detail: str = ""
    created_at: datetime
    payload: Mapping[str, Any]
    """The JSON body channels send (the webhook body as is)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Alert:
    """A recorded alert with its delivery status."""

    id: int
    watch_id: int
    watch: str
    story_id: int
    reason: str
    detail: str
    created_at: datetime
    payload: Mapping[str, Any]
    batched_at: datetime | None
    """When a digest (or an immediate delivery) took it; None while it waits for a digest."""
    deliveries: tuple[DeliveryStatus, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelinePoint:
    """One article of a story as burst detection sees it."""

    article_id: int
    time: datetime
    """Publication time, else fetch time."""
    lang: str
    source: str
    original: bool
    """False for a copy of another article (copies count once)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class DeliveryStatus:
    channel: str
    target: str
    status: str
    """``pending``, ``sent`` or ``failed`` (gave up after the last attempt)."""
    attempts: int
    last_error: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Delivery:
    """One message in the outbox, to one channel target, covering one or more alerts."""

    id: int
    watch_id: int
    channel: str
    target: str
    subject: str
    body: str
    """The exact bytes (UTF-8 text) to send: JSON for webhooks, plain text for email."""
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime


@dataclass(frozen=True, kw_only=True, slots=True)
class OutboxMessage:
    """A message to put in the outbox."""

    channel: str
    target: str
    """The webhook URL or the email address."""
    subject: str
    body: str
