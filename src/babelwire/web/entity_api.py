"""``/api/entities`` and ``/api/entities/{id}``: entities, their spellings and coverage."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from babelwire.web import schemas
from babelwire.web.api import ERRORS, MOVED, Cursor, Limit, cached_json, moved
from babelwire.web.auth import context, require_read
from babelwire.web.countries import country_name
from babelwire.web.entities import check_kind, entity_detail, entity_page
from babelwire.web.ids import EntityId
from babelwire.web.languages import language_name
from babelwire.web.pagination import decode_cursor, encode_cursor, offset_from
from babelwire.web.scripts import script_of

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS,
                   dependencies=[Depends(require_read)])


@router.get("/entities", response_model=schemas.EntitiesPage)
async def api_entities(
        request: Request,
        kind: str | None = Query(None, description="person, organisation, place, document, "
                                                   "event or product."),
        q: str | None = Query(None, max_length=200,
                              description="Keep entities whose name or a spelling contains "
                                          "this (case-insensitive)."),
        limit: Limit = 50, cursor: Cursor = None) -> Response:
    """Entities named in articles, most articles first."""
    kind = check_kind(kind)
    name = " ".join((q or "").split())
    params = {"kind": kind, "q": name or None}
    offset = offset_from(decode_cursor(cursor, scope="entities", params=params))

    def build() -> schemas.EntitiesPage:
        rows, more = entity_page(context(request), kind=kind, name=name, offset=offset,
                                 limit=limit)
        return schemas.EntitiesPage(
            items=[schemas.EntityListItemOut(id=r.id, name=r.name, kind=r.kind,
                                             canonical=r.canonical, articles=r.articles,
                                             languages=list(r.languages)) for r in rows],
            next_cursor=encode_cursor({"o": offset + limit}, scope="entities", params=params)
            if more else None)

    return await cached_json(request, ("api-entities", kind, name, offset, limit), build)


@router.get("/entities/{entity_id}", response_model=schemas.EntityDetailOut,
            responses={301: MOVED, 404: {"model": schemas.ErrorOut}})
async def api_entity(request: Request, entity_id: EntityId) -> Response:
    """One entity: spellings, articles per language and country over time, co-mentions,
    stories."""
    return await cached_json(request, ("api-entity", entity_id),
                             lambda: _entity_out(request, entity_id),
                             cache=context(request).aggregates)


def _entity_out(request: Request, entity_id: int) -> schemas.EntityDetailOut:
    ctx = context(request)
    d = entity_detail(ctx, entity_id)
    if d is None:
        successor = ctx.store.entity_successor(entity_id)
        if successor is not None:
            raise moved(f"/api/entities/{successor}", f"entity {entity_id} was merged into "
                                                      f"entity {successor}")
        raise HTTPException(404, f"no entity with id {entity_id}")
    e = d.entity
    starts = d.axis.starts()
    buckets = [schemas.CoverageBucketOut(
        start=start, by_language={k: c[i] for k, c in d.by_language if c[i]},
        by_country={k: c[i] for k, c in d.by_country if c[i]}) for i, start in enumerate(starts)]
    variants = [v for g in d.variant_groups for v in g.variants]
    variants.sort(key=lambda v: (-v.count, v.lang, v.text))
    return schemas.EntityDetailOut(
        id=e.id, name=e.name, kind=e.kind, canonical=e.canonical, articles=d.article_count,
        first_seen=d.first_seen, last_seen=d.last_seen,
        variants=[schemas.VariantOut(text=v.text, lang=v.lang, script=script_of(v.text),
                                     count=v.count) for v in variants],
        languages=[schemas.CountOut(key=k, name=language_name(k), articles=n)
                   for k, n in d.languages],
        countries=[schemas.CountOut(key=k, name=country_name(k), articles=n)
                   for k, n in d.countries],
        timeline=schemas.CoverageOut(bucket_seconds=d.axis.bucket.total_seconds(),
                                     buckets=buckets),
        co_mentions=[schemas.EntityRefOut(id=c.entity.id, name=c.entity.name,
                                          kind=c.entity.kind, articles=c.articles)
                     for c in d.co_mentions],
        stories=[schemas.EntityStoryOut(id=s.story.id, title=s.story.title,
                                        languages=list(s.story.languages), size=s.story.size,
                                        first_seen=s.story.first_seen,
                                        last_seen=s.story.last_seen, articles=s.articles)
                 for s in d.stories],
        story_count=d.story_count)
