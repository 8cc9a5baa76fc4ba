"""The Entities page (browse and filter) and the Entity page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from babelwire.errors import QueryError
from babelwire.stages.entities_records import ENTITY_KINDS
from babelwire.store.base import EntityListing
from babelwire.web.auth import context, require_read
from babelwire.web.countries import KNOWN_OUTLETS, country_name
from babelwire.web.coverage import coverage_chart
from babelwire.web.entities import KIND_LABELS, check_kind, entity_detail, entity_page
from babelwire.web.ids import EntityId
from babelwire.web.languages import language_name
from babelwire.web.pagination import decode_cursor, encode_cursor, offset_from
from babelwire.web.views import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)],
                   default_response_class=HTMLResponse)

ENTITIES_PER_PAGE = 40


@router.get("/entities", name="entities")
def entities_view(request: Request, kind: str = "",
                  q: str = Query("", max_length=200), cursor: str = "") -> HTMLResponse:
    name = " ".join(q.split())
    params = {"kind": kind or None, "q": name or None}
    error: str | None = None
    rows: list[EntityListing] = []
    more, offset, status = False, 0, 200
    try:
        check_kind(kind)
        offset = offset_from(decode_cursor(cursor, scope="page-entities", params=params))
        rows, more = entity_page(context(request), kind=kind, name=name, offset=offset,
                                 limit=ENTITIES_PER_PAGE)
    except QueryError as exc:
        error, status = str(exc), 400
    return render(
        request, "entities.html", status=status, nav="entities", kind=kind, q=name,
        rows=rows, offset=offset, error=error, kinds=ENTITY_KINDS, kind_labels=KIND_LABELS,
        params={k: v for k, v in params.items() if v},
        next_cursor=encode_cursor({"o": offset + ENTITIES_PER_PAGE}, scope="page-entities",
                                  params=params) if more else None)


@router.get("/entities/{entity_id}", name="entity")
def entity_view(request: Request, entity_id: EntityId) -> Response:
    ctx = context(request)
    d = entity_detail(ctx, entity_id)
    if d is None:
        successor = ctx.store.entity_successor(entity_id)
        if successor is not None:  # merged: the link leads on to the entity it joined
            return RedirectResponse(f"/entities/{successor}", status_code=301)
        raise HTTPException(404, f"There is no entity #{entity_id}. Entity ids change when "
                                 "entities are re-indexed; find it from the Entities page.")
    by_language = coverage_chart(d.by_language, d.axis, short=str.upper, long=language_name)
    by_country = coverage_chart(d.by_country, d.axis,
                                short=lambda k: "?" if k == "unknown" else k,
                                long=country_name)
    return render(request, "entity.html", nav="entities", d=d, by_language=by_language,
                  by_country=by_country, country_name=country_name,
                  known_outlets=sorted(KNOWN_OUTLETS), kind_labels=KIND_LABELS)
