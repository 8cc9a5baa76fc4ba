"""The web application: dashboard pages, the JSON API, static files, errors, security headers.

``create_app(store, settings)`` builds it over an open store; ``babelwire
serve`` runs it with uvicorn (:mod:`babelwire.web.server`). Pages are
server-rendered Jinja2 with autoescaping on for every template; nothing in
them comes from a CDN. A Content-Security-Policy allows scripts, styles and
images from this server only, so even a slip in escaping could not run script.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from babelwire.errors import (
    BabelwireError,
    ModelError,
    NotAllowed,
    NotAuthenticated,
    QueryError,
    UnknownWatch,
)
from babelwire.settings import Settings
from babelwire.stages.embed import Embedder
from babelwire.store.base import Store
from babelwire.web import api, entity_api, entity_views, views, watch_api, watch_views
from babelwire.web.body_limit import BodyLimit
from babelwire.web.context import WebContext, utc_now
from babelwire.web.templating import make_templates

log = logging.getLogger(__name__)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

DESCRIPTION = """Multilingual news stories, articles, search and sources.

Lists are paginated: pass `next_cursor` from a response as `cursor`, with the same filters.
Reads are open unless the server sets `read_token_required`; writes need a write token
(`babelwire token add NAME --write`) sent as `Authorization: Bearer <token>`."""


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (plain ASGI, no buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ServerTiming:
    """Adds ``Server-Timing: app;dur=<ms>``: time from the request's arrival to the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                message["headers"] = [*message.get("headers", []),
                                      (b"server-timing", f"app;dur={took:.2f}".encode())]
            await send(message)

        await self.app(scope, receive, send_with_timing)


def _version() -> str:
    try:
        return version("babelwire")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def create_app(store: Store, settings: Settings, *, embedder: Embedder | None = None,
               now: Callable[[], datetime] | None = None) -> FastAPI:
    """The dashboard and API over ``store`` (which must allow use from several threads).

    ``embedder`` serves semantic search (default: loaded from the ``embedder``
    setting on first use); ``now`` replaces the wall clock in tests.
    """
    app = FastAPI(title="babelwire", version=_version(), description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.context = WebContext(store, settings, embedder=embedder, now=now or utc_now)
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(packages=[("babelwire.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(api.writer)
    app.include_router(entity_api.router)
    app.include_router(entity_views.router)
    app.include_router(views.public)
    app.include_router(views.router)
    app.include_router(watch_api.reader)
    app.include_router(watch_api.writer)
    app.include_router(watch_views.router)
    app.add_middleware(BodyLimit)  # an oversized body is never read (headers still added)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ServerTiming)
    _install_error_handlers(app)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str,
           headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return views.error_page(request, status, message, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(UnknownWatch)
    async def unknown_watch(request: Request, exc: UnknownWatch) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(NotAuthenticated)
    async def not_authenticated(request: Request, exc: NotAuthenticated) -> Response:
        if not _is_api(request):
            return views.login_page(request, str(exc), status=401)
        return _error(request, 401, str(exc), {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(NotAllowed)
    async def not_allowed(request: Request, exc: NotAllowed) -> Response:
        return _error(request, 403, str(exc))

    @app.exception_handler(ModelError)
    async def model_error(request: Request, exc: ModelError) -> Response:
        return _error(request, 503, f"semantic search is unavailable: {exc}")

    @app.exception_handler(BabelwireError)
    async def babelwire_error(request: Request, exc: BabelwireError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        return _error(request, exc.status_code, str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        message = "; ".join(_describe(e) for e in exc.errors()) or "invalid request"
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=422)
        return views.error_page(request, 400, message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal error; the server log has the details")


def _describe(error: Any) -> str:
    loc = [str(p) for p in error.get("loc", ())]
    places = {"query": "query parameter", "body": "body field", "path": "path parameter"}
    place = places.get(loc[0] if loc else "", "parameter")
    where = ".".join(loc[1:] if loc and loc[0] in places else loc)
    return f"{place} {where!r}: {error.get('msg', 'invalid')}" if where else str(
        error.get("msg", "invalid"))
