"""Creating and checking watchlists, and finding which stored stories one matches.

Shared by the CLI (``babelwire watch``) and the HTTP API, so both validate alike.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from babelwire.alerts.query import parse_alias, parse_watch_query
from babelwire.alerts.records import MODES, REASONS, Alert, Watch
from babelwire.alerts.rules import WatchMatcher, compile_watch
from babelwire.errors import BabelwireError, WatchError
from babelwire.sources.address_policy import split_http_url
from babelwire.store.base import Store

MAX_DIGEST_MINUTES = 31 * 24 * 60
"""The longest digest period: a month of 31 days."""
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
"""An ISO 639 code, optionally with BCP 47 subtags."""
MAX_LIST = 100
"""The most languages, sources or aliases one watch takes."""


def new_watch(*, name: str, query: str, webhook: str | None = None, secret: str | None = None,
              email: str | None = None, languages: Sequence[str] = (),
              sources: Sequence[str] = (), aliases: Sequence[str] = (),
              digest_minutes: int | None = None, start_after: int = 0,
              reasons: Sequence[str] | None = None, created_at: datetime) -> Watch:
    """A validated watch (not stored yet); WatchError or QueryError name what is wrong."""
    name = name.strip()
    if not name or len(name) > 100 or any(c in name for c in "/\\\n\r\t"):
        shown = repr(name) if len(name) <= 100 else repr(name[:40]) + "..."
        raise WatchError(f"watch name {shown}: give 1 to 100 characters without slashes "
                         "or line breaks")
    for code in languages:
        if not isinstance(code, str) or not LANGUAGE_CODE.fullmatch(code):
            raise WatchError(f"language {str(code)[:40]!r} is not a language code such as "
                             "'en', 'cs' or 'zh-Hant'")
    for outlet in sources:
        if not outlet.strip() or len(outlet) > 200:
            raise WatchError(f"source {outlet[:40]!r}: give an outlet's name of 1 to 200 "
                             "characters")
    if max(len(languages), len(sources), len(aliases)) > MAX_LIST:
        raise WatchError(f"give at most {MAX_LIST} languages, sources and aliases each")
    alias_map = dict(parse_alias(a) for a in aliases)
    parse_watch_query(query, alias_map)
    if webhook:
        try:
            split_http_url(webhook)
        except BabelwireError as exc:
            raise WatchError(f"--webhook: {exc}") from exc
    if email is not None and (email.count("@") != 1 or any(c.isspace() for c in email)
                              or email.startswith("@") or email.endswith("@")):
        raise WatchError(f"--email {email!r} is not an email address")
    if digest_minutes is not None and not 1 <= digest_minutes <= MAX_DIGEST_MINUTES:
        raise WatchError(f"--digest needs a period of 1 to {MAX_DIGEST_MINUTES} minutes "
                         f"(31 days), not {digest_minutes}")
    chosen = tuple(dict.fromkeys(reasons)) if reasons else REASONS
    unknown = [r for r in chosen if r not in REASONS]
    if unknown:
        raise WatchError(f"unknown alert reason(s) {', '.join(unknown)}: use "
                         f"{', '.join(REASONS)}")
    mode = "digest" if digest_minutes else "immediate"
    assert mode in MODES
    return Watch(name=name, query=query.strip(), languages=tuple(languages),
                 sources=tuple(sources), aliases=alias_map, webhook_url=webhook or None,
                 webhook_secret=(secret or secrets.token_hex(32)) if webhook else None,
                 email=email or None, mode=mode, digest_minutes=digest_minutes or 60,
                 start_after=start_after, reasons=chosen, created_at=created_at)


def add_watch(store: Store, watch: Watch, *, backfill: bool = False) -> Watch:
    """Store ``watch``; without ``backfill`` only articles stored from now on can alert."""
    if store.watch(watch.name) is not None:
        raise WatchError(f"a watchlist called {watch.name!r} exists already; remove it first")
    start = 0 if backfill else store.max_article_id()
    return store.add_watch(dataclasses.replace(watch, start_after=start))


def watch_json(w: Watch) -> dict[str, object]:
    """The JSON shape of a watch (never its webhook secret)."""
    return {"name": w.name, "query": w.query, "languages": list(w.languages),
            "sources": list(w.sources), "aliases": {k: list(v) for k, v in w.aliases.items()},
            "webhook": w.webhook_url, "email": w.email, "mode": w.mode,
            "digest_minutes": w.digest_minutes if w.mode == "digest" else None,
            "reasons": list(w.reasons),
            "created_at": None if w.created_at is None else w.created_at.isoformat()}


def alert_json(a: Alert) -> dict[str, Any]:
    """The JSON shape of an alert with its deliveries (the CLI's and the API's)."""
    return {"id": a.id, "watch": a.watch, "reason": a.reason, "detail": a.detail,
            "story_id": a.story_id, "created_at": a.created_at.isoformat(),
            "story": a.payload.get("story"), "matched_terms": a.payload.get("matched_terms", []),
            "waiting_for_digest": a.batched_at is None,
            "deliveries": [{"channel": d.channel, "target": d.target, "status": d.status,
                            "attempts": d.attempts, "last_error": d.last_error}
                           for d in a.deliveries]}


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryMatch:
    story_id: int
    articles: int
    """Articles of the story that match."""
    terms: tuple[str, ...]


def matching_stories(store: Store, watch: Watch, *, newest: int | None = None,
                     batch: int = 1000) -> list[StoryMatch]:
    """Every stored story with an article matching ``watch`` (ignoring when it began),
    most matching articles first; ``newest`` looks only at that many newest articles."""
    return matching_stories_of(store, [watch], newest=newest, batch=batch)[watch.name]


def matching_stories_of(store: Store, watches: Sequence[Watch], *, newest: int | None = None,
                        batch: int = 1000) -> dict[str, list[StoryMatch]]:
    """:func:`matching_stories` for several watches in one pass over the articles."""
    compiled = [compile_watch(w) for w in watches]
    matcher = WatchMatcher(store, compiled)
    found: dict[str, dict[int, tuple[int, list[str]]]] = {w.name: {} for w in watches}
    mark = 0 if newest is None else max(store.max_article_id() - newest, 0)
    while articles := store.articles_after(mark, limit=batch):
        entity_ids = matcher.entity_ids(articles)
        for a in articles:
            if a.story_id is None:
                continue
            for c in compiled:
                hits = matcher.matches(c, a, entity_ids.get(a.id))
                if hits:
                    mine = found[c.watch.name]
                    n, terms = mine.get(a.story_id, (0, []))
                    mine[a.story_id] = (n + 1, list(dict.fromkeys([*terms, *hits])))
        mark = articles[-1].id
    return {name: sorted((StoryMatch(story_id=s, articles=n, terms=tuple(t))
                          for s, (n, t) in stories.items()),
                         key=lambda m: (-m.articles, m.story_id))
            for name, stories in found.items()}
