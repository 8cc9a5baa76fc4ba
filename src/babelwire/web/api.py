"""The JSON API under ``/api/``: stories, one story, articles, search (and its exports), sources.

Lists are paginated with opaque cursors (:mod:`babelwire.web.pagination`):
pass a response's ``next_cursor`` as ``cursor`` with the same filters.
Errors are ``{"detail": "..."}`` with 400 (a malformed query or cursor), 401
or 403 (tokens, see :mod:`babelwire.web.auth`), 404 (an unknown story, entity or
watchlist), 422 (a parameter of the
wrong type) or 503 (semantic search without its model).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Hashable, Iterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from babelwire.errors import CursorError, QueryError
from babelwire.store.base import ApiToken
from babelwire.web import schemas
from babelwire.web.auth import context, require_read, require_write
from babelwire.web.cache import ReadCache
from babelwire.web.ids import StoryFilter, StoryId
from babelwire.web.monitoring import monitor_health
from babelwire.web.pagination import MAX_LIMIT, decode_cursor, encode_cursor, offset_from
from babelwire.web.search import MAX_RESULTS, SearchFilters, check_query, search, search_page
from babelwire.web.sources import sources_report
from babelwire.web.stories import StoryFilters, find_watch, stories_now, story_detail
from babelwire.web.trends import DEFAULT_RANGE
from babelwire.web.watch_filter import watch_key

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": schemas.ErrorOut} for code in (400, 401, 403)}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS,
                   dependencies=[Depends(require_read)])
writer = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

MOVED: dict[str, Any] = {
    "model": schemas.ErrorOut,
    "description": "Merged into another since: the Location header gives the one it joined."}

INLINE_STORY_SIZE = 60
"""Stories up to this many articles are built on the event loop (a few ms at most)."""

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="next_cursor from the previous page.")]


def moved(location: str, message: str) -> HTTPException:
    """A permanent redirect (301) to ``location`` with ``message`` as its JSON ``detail``:
    what the API answers for a story or entity that was merged into another."""
    return HTTPException(301, message, headers={"Location": location})


async def cached_json(request: Request, key: Hashable, build: Callable[[], BaseModel], *,
                      inline: Callable[[], bool] | None = None,
                      cache: ReadCache | None = None) -> Response:
    """The JSON of ``build()``, cached until the store changes.

    A hit is answered on the event loop; a miss computes in the thread pool, so a
    slow aggregate never blocks other requests, unless ``inline()`` says the build
    is small (a millisecond or two): it then runs on the event loop, which under load
    answered story misses far sooner than the thread pool did (p95 in the server 6-25
    ms against 119 ms; see docs/web.md). Errors raised by ``build`` (a bad query, say) reach the
    app's error handlers as usual. ``cache``: another cache than the context's main one.
    """
    cache = cache or context(request).cache
    body = cache.peek(key)
    if body is None:
        def make() -> bytes:
            return build().model_dump_json().encode("utf-8")

        body = (cache.get(key, make) if inline is not None and inline()
                else await run_in_threadpool(cache.get, key, make))
    return Response(body, media_type="application/json")


@router.get("/stories", response_model=schemas.StoriesPage,
            responses={404: {"model": schemas.ErrorOut}})
async def api_stories(request: Request, lang: str | None = None, source: str | None = None,
                      time_range: str = Query(DEFAULT_RANGE, alias="range",
                                              description="24h, 3d, 7d, 30d or all."),
                      watch: str | None = Query(
                          None, description="A watchlist's name: only stories with an "
                                            "article matching it (404 if there is none)."),
                      limit: Limit = 20, cursor: Cursor = None) -> Response:
    """Stories with an article in ``lang``, from ``source``, within ``range`` and matching
    ``watch``, hottest first."""
    filters = StoryFilters(lang=lang or None, source=source or None, range=time_range,
                           watch=watch or None)
    params = filters.params()
    offset = offset_from(decode_cursor(cursor, scope="stories", params=params))
    found = find_watch(context(request), filters.watch)
    identity = None if found is None else watch_key(found)

    def build() -> schemas.StoriesPage:
        board = stories_now(context(request), filters)
        page = board.ranked[offset : offset + limit]
        more = offset + limit < len(board.ranked)
        return schemas.StoriesPage(
            items=[schemas.StorySummaryOut.of(r.story, recent=r.recent, heat=r.heat,
                                              activity=r.activity) for r in page],
            next_cursor=encode_cursor({"o": offset + limit}, scope="stories", params=params)
            if more else None,
            as_of=board.reference, range=filters.range, total=len(board.ranked),
            watch=filters.watch,
            axis=schemas.AxisOut(start=board.axis.start, end=board.axis.end,
                                 bucket_seconds=board.axis.bucket.total_seconds()))

    return await cached_json(request, ("api-stories", filters, identity, offset, limit), build)


@router.get("/story/{story_id}", response_model=schemas.StoryDetailOut,
            responses={301: MOVED, 404: {"model": schemas.ErrorOut}})
async def api_story(request: Request, story_id: StoryId) -> Response:
    """One story: every article, oldest first, with the evidence for its grouping."""
    store = context(request).store
    return await cached_json(request, ("api-story", story_id),
                             lambda: _story_out(request, story_id),
                             inline=lambda: store.story_size(story_id) <= INLINE_STORY_SIZE)


def _story_out(request: Request, story_id: int) -> schemas.StoryDetailOut:
    ctx = context(request)
    detail = story_detail(ctx, story_id, spell_names=False)
    if detail is None:
        successor = ctx.store.story_successor(story_id)
        if successor is not None:
            raise moved(f"/api/story/{successor}", f"story {story_id} was merged into story "
                                                   f"{successor}")
        raise HTTPException(404, f"no story with id {story_id}")
    s = detail.story
    articles = []
    for m in detail.members:
        e = m.explanation
        evidence = schemas.EvidenceOut(
            decision=e.decision, summary=e.summary, score=e.score, threshold=e.threshold,
            nearest_article=e.nearest_id, nearest_similarity=e.nearest_similarity,
            shared_numbers=list(e.shared_numbers),
            shared_names=[n.key for n in e.shared_names], time_gap_days=e.time_gap_days,
            copy_of=e.copy_of, raw=dict(m.evidence), lexical_similarity=e.lexical_similarity)
        articles.append(schemas.StoryArticleOut(**schemas.article_fields(m.article),
                                                evidence=evidence))
    first = detail.first
    return schemas.StoryDetailOut(
        id=s.id, title=s.title, languages=list(s.languages), size=s.size,
        independent_size=s.independent_size, independent_sources=detail.independent_sources,
        first_seen=s.first_seen, last_seen=s.last_seen, articles=articles,
        first=schemas.FirstOut(article_id=first.id, source=first.source,
                               published=first.published) if first else None,
        entities=[schemas.EntityRefOut(id=c.entity.id, name=c.entity.name, kind=c.entity.kind,
                                       articles=c.articles) for c in detail.entities])


@router.get("/articles", response_model=schemas.ArticlesPage)
def api_articles(request: Request, story_id: StoryFilter = None, lang: str | None = None,
                 source: str | None = None, since: datetime | None = None,
                 until: datetime | None = None, include_text: bool = False,
                 limit: Limit = 50, cursor: Cursor = None) -> schemas.ArticlesPage:
    """Articles newest first (by publication, else fetch time); ``until`` is exclusive."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise QueryError(f"{name} needs a time zone, e.g. 2026-11-03T08:00:00Z")
        try:
            if value is not None:
                value.astimezone(UTC)  # as the store compares it
        except OverflowError:
            raise QueryError(f"{name} is out of range in UTC: give a time between the "
                             "years 1 and 9999") from None
    params = {"story_id": story_id, "lang": lang, "source": source,
              "since": since.isoformat() if since else None,
              "until": until.isoformat() if until else None}
    position = decode_cursor(cursor, scope="articles", params=params)
    before = None
    if position is not None:
        try:
            before = (datetime.fromisoformat(position["t"]), int(position["i"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise CursorError("the cursor is malformed: pass back next_cursor unchanged") from exc
    found = context(request).store.articles_page(
        story_id=story_id, lang=lang or None, source=source or None, since=since, until=until,
        before=before, limit=limit + 1)
    page = found[:limit]
    next_cursor = None
    if len(found) > limit:
        last = page[-1]
        when = last.published or last.fetched_at
        next_cursor = encode_cursor({"t": when.isoformat(), "i": last.id}, scope="articles",
                                    params=params)
    return schemas.ArticlesPage(items=[schemas.ArticleOut.of(a, text=include_text)
                                       for a in page], next_cursor=next_cursor)


Mode = Annotated[str, Query(description="keyword (FTS5: words, \"phrases\", AND, OR, NOT, "
                                        "parentheses) or semantic (cross-lingual).")]


SearchLang = Annotated[str | None, Query(description="Only articles in this language.")]
SearchSource = Annotated[str | None, Query(description="Only articles from this outlet.")]
SearchRange = Annotated[str, Query(alias="range", description="24h, 3d, 7d, 30d or all "
                                                              "(the default), back from as_of.")]


@router.get("/search", response_model=schemas.SearchPage)
async def api_search(request: Request, q: str, mode: Mode = "keyword", limit: Limit = 20,
                     cursor: Cursor = None, lang: SearchLang = None,
                     source: SearchSource = None, time_range: SearchRange = "all") -> Response:
    """Search articles; keyword mode raises 400 with an explanation for a malformed query."""
    filters = SearchFilters(lang=lang or None, source=source or None, range=time_range)
    params = {"q": q, "mode": mode, **filters.params()}
    offset = offset_from(decode_cursor(cursor, scope="search", params=params))
    check_query(q, mode)

    def build() -> schemas.SearchPage:
        found = search_page(context(request), q, mode, offset=offset, limit=limit,
                            filters=filters)
        return schemas.SearchPage(
            query=q, mode=mode,
            items=[schemas.SearchItemOut(**schemas.article_fields(r.article), score=r.score)
                   for r in found.results],
            stories=[schemas.SearchGroupOut(story_id=g.story_id, title=g.title,
                                            article_ids=[r.article.id for r in g.results])
                     for g in found.groups],
            next_cursor=encode_cursor({"o": offset + limit}, scope="search", params=params)
            if found.more else None)

    return await cached_json(request, ("api-search", mode, q, offset, limit, filters), build)


EXPORT_FIELDS = ("article_id", "story_id", "score", "published", "lang", "source", "title",
                 "url", "duplicate_of")


def _export_rows(request: Request, q: str, mode: str, limit: int,
                 filters: SearchFilters) -> Iterator[dict[str, Any]]:
    ctx = context(request)
    # Run the first block now, so a malformed query is a 400 before streaming starts.
    offset, block = 0, min(limit, 500)
    results, more = search(ctx, q, mode, offset=0, limit=block, filters=filters)
    while True:
        for r in results:
            a = r.article
            yield {"article_id": a.id, "story_id": a.story_id, "score": r.score,
                   "published": (a.published or a.fetched_at).isoformat(), "lang": a.lang,
                   "source": a.source, "title": a.title, "url": a.url,
                   "duplicate_of": a.duplicate_of}
        offset += len(results)
        if not more or offset >= limit:
            return
        results, more = search(ctx, q, mode, offset=offset, limit=min(block, limit - offset),
                               filters=filters)


def _spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


ExportLimit = Annotated[int, Query(ge=1, le=MAX_RESULTS, description="Most rows.")]


@router.get("/search.csv", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
def api_search_csv(request: Request, q: str, mode: Mode = "keyword",
                   limit: ExportLimit = 1000, lang: SearchLang = None,
                   source: SearchSource = None, time_range: SearchRange = "all"
                   ) -> StreamingResponse:
    """Search results as CSV (UTF-8, header row; formula-like cells prefixed with ')."""
    filters = SearchFilters(lang=lang or None, source=source or None, range=time_range)
    rows = _export_rows(request, q, mode, limit, filters)
    first = next(rows, None)

    def lines() -> Iterator[str]:
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\r\n")
        w.writeheader()
        for row in itertools.chain([first] if first else [], rows):
            w.writerow({k: _spreadsheet_safe(v) for k, v in row.items()})
            if out.tell() > 65536:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": _attachment(q, "csv")})


@router.get("/search.jsonl", response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}}})
def api_search_jsonl(request: Request, q: str, mode: Mode = "keyword",
                     limit: ExportLimit = 1000, lang: SearchLang = None,
                     source: SearchSource = None, time_range: SearchRange = "all"
                     ) -> StreamingResponse:
    """Search results as JSON Lines, one article per line."""
    filters = SearchFilters(lang=lang or None, source=source or None, range=time_range)
    rows = _export_rows(request, q, mode, limit, filters)
    first = next(rows, None)

    def lines() -> Iterator[str]:
        if first is not None:
            yield json.dumps(first, ensure_ascii=False) + "\n"
        for row in rows:
            yield json.dumps(row, ensure_ascii=False) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson; charset=utf-8",
                             headers={"Content-Disposition": _attachment(q, "jsonl")})


def _attachment(q: str, ext: str) -> str:
    stem = "".join(c if c.isascii() and c.isalnum() else "-" for c in q)[:40].strip("-")
    return f'attachment; filename="babelwire-search-{stem or "results"}.{ext}"'


@router.get("/sources", response_model=schemas.SourcesPage)
async def api_sources(request: Request,
                      sort: str = Query("name", description="name, articles or silent."),
                      limit: Limit = 100, cursor: Cursor = None) -> Response:
    """Every outlet articles are credited to: counts, newest article, silence."""
    params = {"sort": sort}
    offset = offset_from(decode_cursor(cursor, scope="sources", params=params))
    return await cached_json(request, ("api-sources", sort, offset, limit),
                             lambda: _sources_out(request, sort, offset, limit, params))


def _sources_out(request: Request, sort: str, offset: int, limit: int,
                 params: dict[str, str]) -> schemas.SourcesPage:
    report = sources_report(context(request), sort)
    page = report.rows[offset : offset + limit]
    return schemas.SourcesPage(
        items=[schemas.SourceOut(
            name=r.health.name, articles=r.health.articles, originals=r.health.originals,
            languages=list(r.health.languages), first_article=r.health.first_article,
            last_article=r.health.last_article, per_day=r.per_day, silent_days=r.silent_days,
            registered_urls=list(r.registered)) for r in page],
        next_cursor=encode_cursor({"o": offset + limit}, scope="sources", params=params)
        if offset + limit < len(report.rows) else None,
        as_of=report.reference)


@router.get("/sources/health", response_model=schemas.SourcesHealthOut)
def api_sources_health(request: Request) -> schemas.SourcesHealthOut:
    """What `babelwire run` polls: each registered source's poll state, and every data-gap
    alarm (failing or silent sources, silent languages), judged at the wall clock."""
    health = monitor_health(context(request))
    return schemas.SourcesHealthOut(
        at=health.at,
        alarms=[schemas.HealthAlarmOut(kind=a.kind, subject=a.subject, detail=a.detail,
                                       since=a.since, url=a.url) for a in health.alarms],
        sources=[schemas.MonitoredSourceOut(
            id=r.source.id, name=r.source.name, url=r.source.url,
            kind=r.state.kind if r.state else None,
            last_fetch=r.state.last_fetch if r.state else None,
            last_success=r.state.last_success if r.state else None,
            last_error=r.state.last_error if r.state else None,
            last_error_at=r.state.last_error_at if r.state else None,
            consecutive_failures=r.state.consecutive_failures if r.state else 0,
            next_poll=r.state.next_poll if r.state else None,
            interval_seconds=r.state.interval_seconds if r.state else None,
            mean_gap_seconds=r.state.mean_gap_seconds if r.state else None,
            articles_last_day=r.articles_last_day, silent=r.silent, failing=r.failing)
            for r in health.sources])


@router.get("/sources/registered", response_model=list[schemas.RegisteredSourceOut])
def api_registered_sources(request: Request) -> list[schemas.RegisteredSourceOut]:
    """Sources registered for monitoring with POST /api/sources."""
    return [schemas.RegisteredSourceOut.of(s, created=False)
            for s in context(request).store.registered_sources()]


@writer.post("/sources", response_model=schemas.RegisteredSourceOut, status_code=201,
             responses={200: {"model": schemas.RegisteredSourceOut,
                              "description": "The URL was already registered."}})
def api_register_source(request: Request, body: schemas.SourceIn, response: Response,
                        token: Annotated[ApiToken, Depends(require_write)]
                        ) -> schemas.RegisteredSourceOut:
    """Register a source (name and feed, sitemap or page URL). Needs a write token."""
    registered, created = context(request).store.register_source(body.name, body.url)
    if not created:
        response.status_code = 200
    return schemas.RegisteredSourceOut.of(registered, created=created)
