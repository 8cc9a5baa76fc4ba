"""The dashboard pages: Stories now, Story, Search, Sources; and sign-in for private servers."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from babelwire.errors import ModelError, QueryError, StoreError
from babelwire.store.base import EntityListing
from babelwire.web.auth import COOKIE, context, require_read
from babelwire.web.charts import sparkline
from babelwire.web.entities import entity_page
from babelwire.web.ids import StoryId
from babelwire.web.monitoring import monitor_health
from babelwire.web.pagination import decode_cursor, encode_cursor, offset_from
from babelwire.web.search import MODES, NO_FILTERS, SearchFilters, SearchPage, search_page
from babelwire.web.sources import SORTS, sources_report
from babelwire.web.stories import (
    StoryFilters,
    filter_choices,
    stories_now,
    story_detail,
    watch_names,
)
from babelwire.web.tokens import lookup_token
from babelwire.web.trends import DEFAULT_RANGE

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)],
                   default_response_class=HTMLResponse)
public = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

STORIES_PER_PAGE = 25
RESULTS_PER_PAGE = 30


def render(request: Request, template: str, *, status: int = 200,
           headers: dict[str, str] | None = None, **values: Any) -> HTMLResponse:
    """A page: ``template`` with the values every page shows (clock, staleness, nav)."""
    templates: Jinja2Templates = request.app.state.templates
    ctx = context(request)
    try:
        reference, stale = ctx.reference(), ctx.staleness()
    except Exception:  # the error page must render even when the store cannot
        reference, stale = ctx.now(), None
    page = {"request": request, "reference": reference, "stale": stale,
            "newest": None if stale is None else reference, "nav": values.pop("nav", ""),
            **values}
    response = templates.TemplateResponse(request, template, page, status_code=status,
                                          headers=headers)
    return response


def error_page(request: Request, status: int, message: str, *,
               headers: dict[str, str] | None = None) -> HTMLResponse:
    titles = {400: "That request could not be answered", 403: "Not allowed",
              404: "Not found", 500: "Something went wrong", 503: "Not available"}
    return render(request, "error.html", status=status, headers=headers, message=message,
                  title=titles.get(status, "Error"), code=status)


@router.get("/", name="stories")
def stories_view(request: Request, lang: str = "", source: str = "",
                 time_range: str = Query(DEFAULT_RANGE, alias="range"),
                 watch: str = "", cursor: str = "") -> HTMLResponse:
    filters = StoryFilters(lang=lang or None, source=source or None, range=time_range,
                           watch=watch or None)
    params = filters.params()
    offset = offset_from(decode_cursor(cursor, scope="page-stories", params=params))
    ctx = context(request)
    board = stories_now(ctx, filters)
    page = board.ranked[offset : offset + STORIES_PER_PAGE]
    more = offset + STORIES_PER_PAGE < len(board.ranked)
    return render(
        request, "stories.html", nav="stories", board=board, filters=filters, params=params,
        page=page, offset=offset, choices=filter_choices(ctx), watches=watch_names(ctx),
        sparks={r.story.id: sparkline(r.activity) for r in page},
        next_cursor=encode_cursor({"o": offset + STORIES_PER_PAGE}, scope="page-stories",
                                  params=params) if more else None)


@router.get("/story/{story_id}", name="story")
def story_view(request: Request, story_id: StoryId) -> Response:
    ctx = context(request)
    detail = story_detail(ctx, story_id)
    if detail is None:
        successor = ctx.store.story_successor(story_id)
        if successor is not None:  # merged: the link leads on to the story it joined
            return RedirectResponse(f"/story/{successor}", status_code=301)
        raise HTTPException(404, f"There is no story #{story_id}; find the one you are "
                                 "looking for from the Stories page or Search.")
    return render(request, "story.html", nav="stories", d=detail, t=detail.timeline())


@router.get("/search", name="search")
def search_view(request: Request, q: str = "", mode: str = "keyword", cursor: str = "",
                lang: str = "", source: str = "",
                time_range: str = Query("all", alias="range")) -> HTMLResponse:
    mode = mode if mode in MODES else "keyword"
    error: str | None = None
    found: SearchPage | None = None
    offset, status = 0, 200
    filters = NO_FILTERS
    params: dict[str, str] = {"q": q, "mode": mode}
    try:
        filters = SearchFilters(lang=lang or None, source=source or None, range=time_range)
        params.update(filters.params())
        offset = offset_from(decode_cursor(cursor, scope="page-search", params=params))
        found = search_page(context(request), q, mode, offset=offset, limit=RESULTS_PER_PAGE,
                            filters=filters)
    except QueryError as exc:
        error, status = str(exc), 400
    except ModelError as exc:
        error, status = f"semantic search is unavailable on this server: {exc}", 503
    more = found is not None and found.more
    return render(
        request, "search.html", status=status, nav="search", q=q, mode=mode, error=error,
        entities=_named_like(request, q) if error is None and offset == 0 else [],
        filters=filters, choices=filter_choices(context(request)),
        groups=found.groups if found else (), count=len(found.results) if found else 0,
        offset=offset, params=params,
        next_cursor=encode_cursor({"o": offset + RESULTS_PER_PAGE}, scope="page-search",
                                  params=params) if more else None)


def _named_like(request: Request, q: str) -> list[EntityListing]:
    """Up to five entities whose name contains the query (operators and quotes set aside)."""
    words = [w for w in q.replace('"', " ").replace("(", " ").replace(")", " ").split()
             if w not in {"AND", "OR", "NOT"}]
    name = " ".join(words)
    if len(name) < 2:
        return []
    try:
        return entity_page(context(request), kind=None, name=name, offset=0, limit=5)[0]
    except StoreError:  # a store without entities
        return []


@router.get("/sources", name="sources")
def sources_view(request: Request, sort: str = "name") -> HTMLResponse:
    report = sources_report(context(request), sort)
    return render(request, "sources.html", nav="sources", report=report,
                  health=monitor_health(context(request)),
                  sort=sort if sort in SORTS else "name",
                  silent_after=context(request).settings.silent_after_days)


def login_page(request: Request, message: str = "", *, status: int = 200) -> HTMLResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.url.path in {"/login", "/logout"}:
        target = request.query_params.get("next", "/")
    return render(request, "login.html", status=status, message=message,
                  next=_local(target), nav="")


def _local(target: str) -> str:
    """``target`` if it is a path on this server, else ``/`` (no open redirects)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@public.get("/login", name="login")
def login_form(request: Request) -> HTMLResponse:
    return login_page(request)


@public.post("/login")
async def login(request: Request) -> Response:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    token = (form.get("token") or [""])[0].strip()
    target = _local((form.get("next") or ["/"])[0])
    if lookup_token(context(request).store, token) is None:
        return login_page(request, "That token is unknown or revoked.", status=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", max_age=30 * 86400)
    return response


@public.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response
