"""The JSON API for watchlists and alerts, and each watchlist's Atom feed.

* ``GET /api/watchlists`` and ``GET /api/alerts`` read (open unless
  ``read_token_required``);
* ``POST /api/watchlists`` and ``DELETE /api/watchlists/{name}`` need a write token;
* ``GET /api/watchlists/{name}/feed.atom`` is the watch's alerts as Atom.

Webhook secrets are never returned except once, in the answer to the POST that made
the watch.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from babelwire.alerts.channels.atom import render_feed
from babelwire.alerts.watches import add_watch, alert_json, new_watch, watch_json
from babelwire.store.base import ApiToken
from babelwire.web.auth import context, require_read, require_write

reader = APIRouter(prefix="/api", tags=["watchlists"], dependencies=[Depends(require_read)])
writer = APIRouter(prefix="/api", tags=["watchlists"])


class WatchIn(BaseModel):
    name: str = Field(description="A name, 1 to 100 characters.")
    query: str = Field(description='Words, "phrases", AND/OR/NOT, ( ), entity:"Name", '
                                   "lang:xx, source:\"Name\" (docs/alerts.md).")
    webhook: str | None = None
    secret: str | None = Field(None, description="HMAC secret (default: a random one).")
    email: str | None = None
    languages: list[str] = []
    sources: list[str] = []
    aliases: list[str] = Field([], description="TERM=OTHER|OTHER, e.g. "
                                               "'rail strike=grève SNCF|Bahnstreik'.")
    digest_minutes: int | None = Field(None, description="Batch alerts per period.")
    reasons: list[str] | None = Field(None, description="Reasons delivered: match, breaking, "
                                                        "new_language (default: all).")
    backfill: bool = False


def _now(request: Request) -> datetime:
    now: datetime = context(request).now()
    return now


@reader.get("/watchlists")
def api_watchlists(request: Request) -> list[dict[str, Any]]:
    """Every watchlist (without webhook secrets)."""
    return [watch_json(w) for w in context(request).store.watches()]


@writer.post("/watchlists", status_code=201)
def api_add_watchlist(request: Request, body: WatchIn,
                      token: Annotated[ApiToken, Depends(require_write)]) -> dict[str, Any]:
    """Create a watchlist. Needs a write token. Answers the watch and, once, its secret."""
    watch = new_watch(name=body.name, query=body.query, webhook=body.webhook, secret=body.secret,
                      email=body.email, languages=body.languages, sources=body.sources,
                      aliases=body.aliases, digest_minutes=body.digest_minutes,
                      reasons=body.reasons,
                      created_at=_now(request))
    stored = add_watch(context(request).store, watch, backfill=body.backfill)
    out = watch_json(stored)
    if stored.webhook_url:
        out["webhook_secret"] = stored.webhook_secret
    return out


@writer.delete("/watchlists/{name}", status_code=204)
def api_remove_watchlist(request: Request, name: str,
                         token: Annotated[ApiToken, Depends(require_write)]) -> Response:
    """Remove a watchlist with its alerts. Needs a write token."""
    if not context(request).store.remove_watch(name):
        raise HTTPException(404, f"no watchlist called {name!r}")
    return Response(status_code=204)


@reader.get("/alerts")
def api_alerts(request: Request, watch: str | None = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict[str, Any]]:
    """The alert log, newest first, with delivery status; ``watch`` keeps one watchlist's."""
    store = context(request).store
    watch_id = None
    if watch is not None:
        found = store.watch(watch)
        if found is None:
            raise HTTPException(404, f"no watchlist called {watch!r}")
        watch_id = found.id
    return [alert_json(a) for a in store.alerts(watch_id=watch_id, limit=limit)]


@reader.get("/watchlists/{name}/feed.atom", response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}}})
def api_watch_feed(request: Request, name: str) -> Response:
    """The watchlist's recent alerts as an Atom feed."""
    store = context(request).store
    watch = store.watch(name)
    if watch is None:
        raise HTTPException(404, f"no watchlist called {name!r}")
    alerts = [a for a in store.alerts(watch_id=watch.id, limit=200)
              if a.reason in watch.reasons][:50]
    feed = render_feed(watch, alerts,
                       self_url=str(request.url), now=_now(request))
    return Response(feed, media_type="application/atom+xml; charset=utf-8")
