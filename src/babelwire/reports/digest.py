"""The digest's content: top stories, new stories, coverage by language, watched entities.

:func:`build_digest` reads the store; the renderers (``render_md``, ``render_html``,
``render_pdf``) only format. ``email_report`` builds, renders and emails one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from babelwire.alerts.query import entity_names, entity_resolver, parse_watch_query
from babelwire.alerts.records import Alert
from babelwire.errors import BabelwireError, DeliveryError
from babelwire.settings import Settings
from babelwire.store.base import Store, StoryActivity

FORMATS = ("md", "html", "pdf")


@dataclass(frozen=True, kw_only=True, slots=True)
class DigestStory:
    id: int
    title: str
    languages: tuple[str, ...]
    new_articles: int
    """Original articles timed within the period."""
    before: int
    """Original articles in the period of the same length before it."""
    independent_sources: int
    size: int
    first_seen: datetime | None
    urls: tuple[str, ...] = ()

    @property
    def growth(self) -> float:
        return self.new_articles / (self.before + 1)


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityCoverage:
    watch: str
    entity: str
    by_language: Mapping[str, int]


@dataclass(frozen=True, kw_only=True, slots=True)
class Digest:
    since: datetime
    until: datetime
    top: tuple[DigestStory, ...]
    new: tuple[DigestStory, ...]
    by_language: Mapping[str, int]
    """Original articles per language in the period, most first."""
    entities: tuple[EntityCoverage, ...] = ()
    alerts: tuple[Alert, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(self.by_language.values())


MAX_PERIOD = timedelta(weeks=520)
"""The longest report period: about ten years."""


def parse_since(text: str) -> timedelta:
    """``24h``, ``90m``, ``7d`` or ``2w`` as a duration; BabelwireError otherwise."""
    units = {"m": 60, "h": 3600, "d": 86400, "w": 604800}
    value, unit = text.strip()[:-1], text.strip()[-1:].lower()
    try:
        amount = float(value)
    except ValueError:
        amount = -1
    if unit not in units or amount <= 0 or not math.isfinite(amount):
        raise BabelwireError(f"--since {text!r}: give a duration like 90m, 24h, 7d or 2w")
    if amount * units[unit] > MAX_PERIOD.total_seconds():
        raise BabelwireError(f"--since {text!r}: the longest period is 10 years (520w)")
    return timedelta(seconds=amount * units[unit])


def _story(s: StoryActivity, since: datetime, until: datetime, store: Store) -> DigestStory:
    span = until - since
    new = sum(1 for t in s.original_times if since <= t <= until)
    before = sum(1 for t in s.original_times if since - span <= t < since)
    full = store.story(s.id)
    return DigestStory(id=s.id, title=s.title, languages=s.languages, new_articles=new,
                       before=before, independent_sources=s.independent_sources, size=s.size,
                       first_seen=s.first_seen, urls=full.article_urls[:5] if full else ())


def build_digest(store: Store, *, since: datetime, until: datetime, top: int = 10) -> Digest:
    activity = [s for s in store.story_activity(since=since)
                if any(since <= t <= until for t in s.times)]
    # rank: new independent articles, weighted by outlets and by growth over the period before
    def score(s: StoryActivity) -> float:
        new = sum(1 for t in s.original_times if since <= t <= until)
        before = sum(1 for t in s.original_times if since - (until - since) <= t < since)
        return new * math.log2(1 + s.independent_sources) * (1 + new / (before + 1))

    ranked = sorted(activity, key=lambda s: (-score(s), s.id))[:top]
    fresh = sorted((s for s in activity if s.first_seen and s.first_seen >= since),
                   key=lambda s: (-s.independent_size, s.id))[:top]
    by_language = dict(sorted(store.originals_between(since, until + timedelta(seconds=1))
                              .items(), key=lambda kv: (-kv[1], kv[0])))
    coverage: list[EntityCoverage] = []
    watches = store.watches()
    if watches:
        resolve = entity_resolver(store.entity_spellings())
        for w in watches:
            try:
                names = sorted(entity_names(parse_watch_query(w.query, w.aliases)))
            except BabelwireError:
                continue
            for name in names:
                coverage.append(EntityCoverage(
                    watch=w.name, entity=name,
                    by_language=store.entity_coverage(sorted(resolve(name)), since)))
    alerts = tuple(a for a in store.alerts(limit=200) if since <= a.created_at <= until)
    return Digest(since=since, until=until,
                  top=tuple(_story(s, since, until, store) for s in ranked),
                  new=tuple(_story(s, since, until, store) for s in fresh),
                  by_language=by_language, entities=tuple(coverage), alerts=alerts)


def render(digest: Digest, fmt: str) -> bytes:
    """The digest in ``fmt`` (md, html or pdf) as bytes."""
    if fmt == "md":
        from babelwire.reports.render_md import render_md

        return render_md(digest).encode("utf-8")
    if fmt == "html":
        from babelwire.reports.render_html import render_html

        return render_html(digest).encode("utf-8")
    if fmt == "pdf":
        from babelwire.reports.render_pdf import render_pdf

        return render_pdf(digest)
    raise BabelwireError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


def email_report(settings: Settings, store: Store, *, to: str, since: datetime, now: datetime,
                 fmt: str = "html") -> None:
    """Build the digest for [since, now] and email it (HTML inline, PDF attached)."""
    from babelwire.alerts.channels.email import send_email
    from babelwire.reports.render_md import render_md

    digest = build_digest(store, since=since, until=now)
    subject = (f"[babelwire] digest {since:%Y-%m-%d %H:%M} to {now:%Y-%m-%d %H:%M} UTC: "
               f"{len(digest.top)} top stories")
    text = render_md(digest)
    if fmt == "md":
        send_email(settings, to, subject, text)
    elif fmt == "html":
        send_email(settings, to, subject, text, html=render(digest, "html").decode("utf-8"))
    elif fmt == "pdf":
        send_email(settings, to, subject, text,
                   attachment=("babelwire-digest.pdf", "application/pdf", render(digest, "pdf")))
    else:
        raise DeliveryError(f"unknown digest format {fmt!r}: use md, html or pdf")
