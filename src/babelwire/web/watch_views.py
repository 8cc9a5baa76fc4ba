"""The Watchlists page: every watch, its recent alerts and the stories it matches."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from babelwire.alerts.rules import compile_watch
from babelwire.alerts.watches import matching_stories_of
from babelwire.errors import BabelwireError
from babelwire.web.auth import context, require_read
from babelwire.web.views import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)],
                   default_response_class=HTMLResponse)

MATCHES_SHOWN = 10
ALERTS_SHOWN = 10
NEWEST_SCANNED = 1000
"""Matching stories are looked for among this many newest articles (the page stays fast)."""


@router.get("/watchlists", name="watchlists")
def watchlists_view(request: Request) -> HTMLResponse:
    store = context(request).store
    valid, problems = [], {}
    for watch in store.watches():
        try:
            compile_watch(watch)
            valid.append(watch)
        except BabelwireError as exc:
            problems[watch.name] = str(exc)
    matches = matching_stories_of(store, valid, newest=NEWEST_SCANNED)
    shown = {m.story_id for found in matches.values() for m in found[:MATCHES_SHOWN]}
    stories = {s.id: s for s in store.stories_by_ids(sorted(shown))}
    rows = []
    for watch in store.watches():
        found = matches.get(watch.name, [])[:MATCHES_SHOWN]
        rows.append({"watch": watch,
                     "alerts": store.alerts(watch_id=watch.id, limit=ALERTS_SHOWN),
                     "matches": [(m, stories.get(m.story_id)) for m in found],
                     "problem": problems.get(watch.name)})
    return render(request, "watchlists.html", nav="watchlists", rows=rows,
                  newest_scanned=NEWEST_SCANNED)
