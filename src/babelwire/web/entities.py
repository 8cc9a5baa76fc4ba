"""The read models behind the Entities and Entity pages and ``/api/entities``.

An entity's page counts every article that names it (copies included: a copy
is still a publication in its outlet's country) and shows its spellings grouped
by language and script, coverage per time bucket by language and by the
outlet's country (:mod:`babelwire.web.countries`), the entities named in the
same articles, and the stories it appears in. The store counts articles per
bucket, language, address origin and story in SQL (:func:`coverage_in_sql`);
Python maps each distinct origin to a country. Results are cached until the
store changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from babelwire.errors import QueryError
from babelwire.stages.entities_records import ENTITY_KINDS, EntityRecord, VariantCount
from babelwire.store.base import EntityCount, EntityListing, Store, StoryHead
from babelwire.web.context import WebContext
from babelwire.web.countries import UNKNOWN, country_of, country_of_origin
from babelwire.web.coverage import CoverageAxis, coverage_axis, ranked_keys
from babelwire.web.scripts import script_direction, script_of

MOST_STORIES = 50
MOST_CO_MENTIONS = 20
KIND_LABELS = {"person": "people", "organisation": "organisations", "place": "places",
               "document": "documents", "event": "events", "product": "products"}


def check_kind(kind: str | None) -> str | None:
    """``kind`` when it is an entity kind, None for none; raises QueryError otherwise."""
    if not kind:
        return None
    if kind not in ENTITY_KINDS:
        raise QueryError(f"unknown entity kind {kind!r}: use one of {', '.join(ENTITY_KINDS)}")
    return kind


def entity_page(ctx: WebContext, *, kind: str | None, name: str, offset: int,
                limit: int) -> tuple[list[EntityListing], bool]:
    """One page of the entity list and whether there is another after it."""
    kind = check_kind(kind)
    name = " ".join(name.split())

    def compute() -> tuple[list[EntityListing], bool]:
        found = ctx.store.entity_listing(kind=kind, name=name or None, offset=offset,
                                         limit=limit + 1)
        return found[:limit], len(found) > limit

    return ctx.cache.get(("entities", kind, name, offset, limit), compute)


@dataclass(frozen=True, kw_only=True, slots=True)
class VariantGroup:
    """The spellings of an entity in one language and one script."""

    lang: str
    script: str
    direction: str
    """``rtl`` or ``ltr``: the script's direction."""
    variants: tuple[VariantCount, ...]
    total: int


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryAppearance:
    story: StoryHead
    articles: int
    """Articles of the story that name the entity."""


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityDetail:
    """What the entity page and ``/api/entities/{id}`` show (aggregates only: it is cached)."""

    entity: EntityRecord
    article_count: int
    """Articles naming the entity, copies included."""
    first_seen: datetime | None
    last_seen: datetime | None
    variant_groups: tuple[VariantGroup, ...]
    languages: tuple[tuple[str, int], ...]
    """(language, articles), most first."""
    countries: tuple[tuple[str, int], ...]
    """(country code or ``unknown``, articles), most first."""
    axis: CoverageAxis
    by_language: tuple[tuple[str, tuple[int, ...]], ...]
    """Articles per bucket of ``axis``, per language (in the order of ``languages``)."""
    by_country: tuple[tuple[str, tuple[int, ...]], ...]
    co_mentions: tuple[EntityCount, ...]
    stories: tuple[StoryAppearance, ...]
    """The stories with most articles naming the entity, at most :data:`MOST_STORIES`."""
    story_count: int

    @property
    def unknown_country(self) -> int:
        return dict(self.countries).get(UNKNOWN, 0)


def group_variants(variants: list[VariantCount]) -> tuple[VariantGroup, ...]:
    """Spellings grouped by (language, script), the most-used group first."""
    groups: dict[tuple[str, str], list[VariantCount]] = {}
    for v in variants:
        groups.setdefault((v.lang, script_of(v.text)), []).append(v)
    made = [VariantGroup(lang=lang, script=script, direction=script_direction(script),
                         variants=tuple(sorted(vs, key=lambda v: (-v.count, v.text))),
                         total=sum(v.count for v in vs))
            for (lang, script), vs in groups.items()]
    return tuple(sorted(made, key=lambda g: (-g.total, g.lang, g.script)))


def entity_detail(ctx: WebContext, entity_id: int) -> EntityDetail | None:
    """Everything the entity page shows; None when there is no such entity."""
    return ctx.aggregates.get(("entity", entity_id),
                              lambda: build_entity_detail(ctx.store, entity_id))


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityCoverage:
    """An entity's articles counted for its page: what :class:`EntityDetail` is built from."""

    articles: int
    first: datetime | None
    last: datetime | None
    axis: CoverageAxis
    by_language: Mapping[tuple[str, int], int]
    """Articles per (language, bucket of ``axis``)."""
    by_country: Mapping[tuple[str, int], int]
    """Articles per (country, bucket of ``axis``)."""
    top_stories: tuple[tuple[int, int], ...]
    """(story id, articles naming the entity), most first, then the higher id."""
    story_count: int


def coverage_in_sql(store: Store, entity_id: int) -> EntityCoverage:
    """The store counts per bucket, language, address origin and story in SQL; each
    distinct origin is then mapped to its country once."""
    span = store.entity_span(entity_id)
    axis = coverage_axis([t for t in (span.first, span.last) if t is not None])
    counts = store.entity_page_counts(entity_id, start=axis.start, bucket=axis.bucket,
                                      buckets=axis.buckets, most_stories=MOST_STORIES)
    by_country: Counter[tuple[str, int]] = Counter()
    for i, origin, n in counts.by_origin:
        by_country[country_of_origin(origin), i] += n
    return EntityCoverage(
        articles=span.articles, first=span.first, last=span.last, axis=axis,
        by_language={(lang, i): n for i, lang, n in counts.by_language},
        by_country=by_country, top_stories=counts.top_stories,
        story_count=counts.story_count)


def coverage_from_articles(store: Store, entity_id: int) -> EntityCoverage:
    """The same counts from every article naming the entity, read into Python: the way
    before :func:`coverage_in_sql` (about twice its CPU), kept to check it and measure it."""
    articles = store.entity_articles(entity_id)
    axis = coverage_axis([a.when for a in articles])
    # One pass: (language, bucket) and (country, bucket) counts, and articles per story.
    start, width, last = axis.start, axis.bucket, axis.buckets - 1
    by_lang: Counter[tuple[str, int]] = Counter()
    by_country: Counter[tuple[str, int]] = Counter()
    per_story: Counter[int] = Counter()
    for a in articles:
        i = min(last, int((a.when - start) // width))
        by_lang[a.lang, i] += 1
        by_country[country_of(a.url), i] += 1
        if a.story_id is not None:
            per_story[a.story_id] += 1
    top = sorted(per_story.items(), key=lambda kv: (-kv[1], -kv[0]))[:MOST_STORIES]
    return EntityCoverage(
        articles=len(articles), first=articles[0].when if articles else None,
        last=articles[-1].when if articles else None, axis=axis, by_language=by_lang,
        by_country=by_country, top_stories=tuple(top), story_count=len(per_story))


def build_entity_detail(store: Store, entity_id: int, *,
                        coverage: Callable[[Store, int], EntityCoverage] = coverage_in_sql,
                        ) -> EntityDetail | None:
    """:func:`entity_detail` without the cache; ``coverage`` counts the articles."""
    entity = store.entity_record(entity_id)
    if entity is None:
        return None
    found = coverage(store, entity_id)
    axis = found.axis
    languages = ranked_keys(_totals(found.by_language))
    countries = ranked_keys(_totals(found.by_country))
    per_story = dict(found.top_stories)
    stories = store.story_heads(list(per_story))
    return EntityDetail(
        entity=entity, article_count=found.articles,
        first_seen=found.first, last_seen=found.last,
        variant_groups=group_variants(store.entity_variant_counts(entity_id)),
        languages=tuple(languages), countries=tuple(countries), axis=axis,
        by_language=tuple((k, _row(found.by_language, k, axis.buckets)) for k, _ in languages),
        by_country=tuple((k, _row(found.by_country, k, axis.buckets)) for k, _ in countries),
        co_mentions=tuple(store.co_mentions(entity_id, limit=MOST_CO_MENTIONS)),
        stories=tuple(StoryAppearance(story=s, articles=per_story[s.id]) for s in stories),
        story_count=found.story_count)


def _totals(counts: Mapping[tuple[str, int], int]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for (key, _), n in counts.items():
        totals[key] = totals.get(key, 0) + n
    return totals


def _row(counts: Mapping[tuple[str, int], int], key: str, buckets: int) -> tuple[int, ...]:
    return tuple(counts.get((key, i), 0) for i in range(buckets))


__all__ = ["EntityCoverage", "EntityDetail", "StoryAppearance", "VariantGroup",
           "build_entity_detail", "check_kind", "coverage_from_articles", "coverage_in_sql",
           "entity_detail", "entity_page", "group_variants"]
