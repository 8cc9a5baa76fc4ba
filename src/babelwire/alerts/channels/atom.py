"""An Atom feed (RFC 4287) of one watchlist's alerts, newest first."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from babelwire.alerts.records import Alert, Watch

ATOM = "http://www.w3.org/2005/Atom"
_REASONS = {"match": "matches", "breaking": "breaking", "new_language": "new language"}


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    el.text = text
    return el


def render_feed(watch: Watch, alerts: Sequence[Alert], *, self_url: str = "",
                now: datetime | None = None) -> str:
    """The feed as XML text; every value is escaped by the XML writer."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:babelwire:watch:{watch.id}:{watch.name}")
    _text(feed, "title", f"babelwire watch: {watch.name}")
    _text(feed, "subtitle", f"Alerts for the query {watch.query}")
    updated = max((a.created_at for a in alerts), default=now or datetime.now(UTC))
    _text(feed, "updated", updated.isoformat())
    if self_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "babelwire")
    for a in alerts:
        story = a.payload.get("story", {})
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"urn:babelwire:alert:{a.id}")
        reason = _REASONS.get(a.reason, a.reason) + (f" ({a.detail})" if a.detail else "")
        _text(entry, "title", f"[{reason}] {story.get('title', '')}")
        _text(entry, "updated", a.created_at.isoformat())
        urls = story.get("articles") or []
        if urls:
            ET.SubElement(entry, f"{{{ATOM}}}link", {"href": str(urls[0])})
        langs = ", ".join(story.get("languages", []))
        summary = (f"Story #{story.get('id')}: {story.get('articles_total', len(urls))} "
                   f"articles in {langs or 'no language'}.")
        if a.payload.get("matched_terms"):
            summary += " Matched: " + ", ".join(a.payload["matched_terms"]) + "."
        _text(entry, "summary", summary)
        _text(entry, "category", "", term=a.reason)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)
