"""What an alert says: the JSON payload (the webhook body) and the email text.

The payload's stable part is ``{"watch", "reason", "story": {"id", "title",
"articles": [url, ...]}}``; the rest (``detail``, ``created_at``, languages, sizes,
times, ``matched_terms``, ``breaking`` signals) may grow.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from babelwire.alerts.records import Alert, Watch
from babelwire.records import Story

MAX_URLS = 100


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def story_payload(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title,
            "articles": list(story.article_urls[:MAX_URLS]),
            "articles_total": story.size, "independent_size": story.independent_size,
            "languages": list(story.languages), "first_seen": _iso(story.first_seen),
            "last_seen": _iso(story.last_seen)}


def alert_payload(*, watch: Watch, story: Story, reason: str, detail: str, at: datetime,
                  matched_terms: Sequence[str] = (),
                  breaking: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"watch": watch.name, "reason": reason, "detail": detail,
                            "created_at": at.isoformat(), "story": story_payload(story),
                            "matched_terms": list(matched_terms)}
    if breaking is not None:
        body["breaking"] = breaking
    return body


def _describe(reason: str, detail: str) -> str:
    if reason == "new_language":
        return f"reached a new language ({detail})"
    if reason == "breaking":
        return "is breaking"
    return "matches"


def webhook_body(watch: Watch, alerts: Sequence[Alert], *, digest: bool,
                 period_start: datetime | None, at: datetime) -> str:
    """The exact JSON text POSTed: one alert's payload, or a digest of several."""
    if not digest:
        (alert,) = alerts
        data: dict[str, Any] = {**alert.payload, "alert_id": alert.id}
    else:
        data = {"watch": watch.name, "reason": "digest",
                "period_start": _iso(period_start), "period_end": at.isoformat(),
                "alerts": [{**a.payload, "alert_id": a.id} for a in alerts]}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def email_text(watch: Watch, alerts: Sequence[Alert], *, digest: bool) -> tuple[str, str]:
    """(subject, plain-text body) of an alert or digest email."""
    if digest:
        subject = f"[babelwire] {watch.name}: {len(alerts)} alert(s)"
    else:
        a = alerts[0]
        title = a.payload.get("story", {}).get("title", "")
        subject = f"[babelwire] {watch.name}: story {_describe(a.reason, a.detail)}: {title}"
    lines = [f"Watch {watch.name!r} (query: {watch.query})", ""]
    for a in alerts:
        story = a.payload.get("story", {})
        lines.append(f"* Story #{story.get('id')} {_describe(a.reason, a.detail)}: "
                     f"{story.get('title', '')}")
        langs = ", ".join(story.get("languages", []))
        lines.append(f"  {story.get('articles_total', 0)} articles; languages: {langs}")
        if a.payload.get("matched_terms"):
            lines.append(f"  matched: {', '.join(a.payload['matched_terms'])}")
        for url in story.get("articles", [])[:5]:
            lines.append(f"  {url}")
        lines.append("")
    return " ".join(subject.split())[:200], "\n".join(lines)
