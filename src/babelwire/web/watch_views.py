"""The Watchlists page: every watch, its recent alerts and the stories it matches; a form to
add a watch and a button to remove one.

The forms are plain HTML posts (the CSP allows no inline script). A write needs a write
token typed into the form's password field, checked like ``require_write`` checks the
API's bearer token: the sign-in cookie never authorises a write, so a page on another
site cannot make a signed-in browser change anything (it does not know a token).
Validation is :func:`babelwire.alerts.watches.new_watch` and ``add_watch``, as for the CLI
and ``POST /api/watchlists``. Success redirects (POST-redirect-GET); a refusal shows the
page again with the message next to the form and the values kept (the token excepted).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from babelwire.alerts.rules import compile_watch
from babelwire.alerts.watches import add_watch, matching_stories_of, new_watch
from babelwire.errors import BabelwireError, NotAllowed, NotAuthenticated
from babelwire.web.auth import check_write_token, context, require_read
from babelwire.web.views import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)],
                   default_response_class=HTMLResponse)

MATCHES_SHOWN = 10
ALERTS_SHOWN = 10
NEWEST_SCANNED = 1000
"""Matching stories are looked for among this many newest articles (the page stays fast)."""
FIELDS = ("name", "query", "languages", "sources", "webhook", "email", "backfill")
"""The add form's fields kept when it comes back with an error (not the token or secret)."""


def split_list(text: str) -> list[str]:
    """``"en, fr de"`` -> ``["en", "fr", "de"]``: commas or spaces separate languages."""
    return [p for p in re.split(r"[,\s]+", text) if p]


def split_lines(text: str) -> list[str]:
    """Sources, one per line (outlet names may hold spaces and commas)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@router.get("/watchlists", name="watchlists")
def watchlists_view(request: Request, added: str = "", removed: str = "") -> HTMLResponse:
    done = (f"Watchlist {added!r} added." if added else
            f"Watchlist {removed!r} removed." if removed else "")
    return _page(request, done=done)


def _page(request: Request, *, status: int = 200, done: str = "",
          form: dict[str, str] | None = None, form_error: str = "",
          remove_error: tuple[str, str] | None = None) -> HTMLResponse:
    store = context(request).store
    valid, problems = [], {}
    watches = store.watches()
    for watch in watches:
        try:
            compile_watch(watch)
            valid.append(watch)
        except BabelwireError as exc:
            problems[watch.name] = str(exc)
    matches = matching_stories_of(store, valid, newest=NEWEST_SCANNED)
    shown = {m.story_id for found in matches.values() for m in found[:MATCHES_SHOWN]}
    stories = {s.id: s for s in store.stories_by_ids(sorted(shown))}
    rows = []
    page_error = ""
    if remove_error and remove_error[0] not in {w.name for w in watches}:
        page_error = remove_error[1]  # no row to show it by
    for watch in watches:
        found = matches.get(watch.name, [])[:MATCHES_SHOWN]
        rows.append({"watch": watch,
                     "alerts": store.alerts(watch_id=watch.id, limit=ALERTS_SHOWN),
                     "matches": [(m, stories.get(m.story_id)) for m in found],
                     "problem": problems.get(watch.name),
                     "remove_error": remove_error[1] if remove_error
                     and remove_error[0] == watch.name else ""})
    return render(request, "watchlists.html", status=status, nav="watchlists", rows=rows,
                  newest_scanned=NEWEST_SCANNED, done=done,
                  form=form or dict.fromkeys(FIELDS, ""), form_error=form_error,
                  page_error=page_error)


async def _form(request: Request) -> dict[str, str]:
    parsed = parse_qs((await request.body()).decode("utf-8", "replace"),
                      keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items()}


def _refusal(exc: BabelwireError) -> int:
    return 401 if isinstance(exc, NotAuthenticated) else 403 if isinstance(
        exc, NotAllowed) else 400


@router.post("/watchlists", name="watchlists_add")
async def watchlists_add(request: Request) -> Response:
    got = await _form(request)
    form = {k: got.get(k, "") for k in FIELDS}
    ctx = context(request)
    try:
        check_write_token(ctx.store, got.get("token", ""))
        watch = new_watch(name=form["name"], query=form["query"],
                          webhook=form["webhook"].strip() or None,
                          secret=got.get("secret") or None, email=form["email"].strip() or None,
                          languages=split_list(form["languages"]),
                          sources=split_lines(form["sources"]), created_at=ctx.now())
        add_watch(ctx.store, watch, backfill=form["backfill"] == "1")
    except BabelwireError as exc:
        return _page(request, status=_refusal(exc), form=form, form_error=str(exc))
    return RedirectResponse("/watchlists?" + urlencode({"added": watch.name}), status_code=303)


@router.post("/watchlists/remove", name="watchlists_remove")
async def watchlists_remove(request: Request) -> Response:
    got = await _form(request)
    name = got.get("name", "")
    ctx = context(request)
    try:
        check_write_token(ctx.store, got.get("token", ""))
    except BabelwireError as exc:
        return _page(request, status=_refusal(exc), remove_error=(name, str(exc)))
    if not ctx.store.remove_watch(name):
        return _page(request, status=404,
                     remove_error=(name, f"there is no watchlist called {name!r}"))
    return RedirectResponse("/watchlists?" + urlencode({"removed": name}), status_code=303)

