"""The Watchlists page: every watch, its recent alerts and the stories it matches."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from babelwire.alerts.watches import matching_stories
from babelwire.errors import BabelwireError
from babelwire.web.auth import context, require_read
from babelwire.web.views import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)],
                   default_response_class=HTMLResponse)

MATCHES_SHOWN = 10
ALERTS_SHOWN = 10


@router.get("/watchlists", name="watchlists")
def watchlists_view(request: Request) -> HTMLResponse:
    store = context(request).store
    rows = []
    for watch in store.watches():
        try:
            matches = matching_stories(store, watch)[:MATCHES_SHOWN]
            problem = None
        except BabelwireError as exc:
            matches, problem = [], str(exc)
        stories = {s.id: s for s in store.stories_by_ids([m.story_id for m in matches])}
        rows.append({"watch": watch, "alerts": store.alerts(watch_id=watch.id,
                                                            limit=ALERTS_SHOWN),
                     "matches": [(m, stories.get(m.story_id)) for m in matches],
                     "problem": problem})
    return render(request, "watchlists.html", nav="watchlists", rows=rows)
