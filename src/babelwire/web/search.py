"""Search for the Search page and ``/api/search``: keyword (FTS5) or semantic (embeddings).

Keyword mode is :meth:`Store.search_text` (words, "phrases", AND, OR, NOT,
parentheses; a malformed query raises :class:`~babelwire.errors.QueryError`).
Semantic mode embeds the query with the same model that embedded the articles
(``kind="query"``) and ranks articles that are not copies by cosine, so a
query in one language finds reports in every language. Results are fetched in
blocks of :data:`BLOCK` and cached, so paging through them costs one search.
Results can be narrowed to one language, one outlet and a time range
(:class:`SearchFilters`); the ranking is filtered, not re-run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from babelwire.errors import QueryError
from babelwire.records import SearchHit, StoredArticle
from babelwire.web.context import WebContext
from babelwire.web.trends import RANGES

Mode = Literal["keyword", "semantic"]
MODES: tuple[Mode, ...] = ("keyword", "semantic")
BLOCK = 100
MAX_RESULTS = 10_000
"""Most results one query yields (pages and exports)."""
MAX_QUERY_CHARS = 500
SEMANTIC_WINDOW = 0.1
"""Semantic results more than this much less similar than the best one are left out: cosines
of multilingual-e5 crowd together, so the tail of a ranking is mostly unrelated articles."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchFilters:
    """What search results may be narrowed to: a language, an outlet, a time range."""

    lang: str | None = None
    source: str | None = None
    range: str = "all"
    """A key of :data:`babelwire.web.trends.RANGES`, counted back from the dashboard's clock."""

    def __post_init__(self) -> None:
        if self.range not in RANGES:
            raise QueryError(f"unknown range {self.range!r}: use one of {', '.join(RANGES)}")

    @property
    def active(self) -> bool:
        return bool(self.lang or self.source or self.range != "all")

    def params(self) -> dict[str, str]:
        """The filters as query parameters (defaults left out)."""
        found = {"lang": self.lang, "source": self.source,
                 "range": None if self.range == "all" else self.range}
        return {k: v for k, v in found.items() if v}


NO_FILTERS = SearchFilters()


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchResult:
    article: StoredArticle
    score: float
    """bm25 relevance (keyword) or cosine similarity (semantic); higher is better."""


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryGroup:
    """Search results that belong to one story, best first."""

    story_id: int | None
    title: str
    languages: tuple[str, ...]
    size: int
    results: tuple[SearchResult, ...]


def check_query(query: str, mode: str) -> Mode:
    """The mode, once ``query`` and ``mode`` are known to be usable; raises QueryError."""
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}: use 'keyword' or 'semantic'")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query)} characters long; the most is "
                         f"{MAX_QUERY_CHARS}")
    return mode


def _hits(ctx: WebContext, query: str, mode: Mode, wanted: int) -> list[SearchHit]:
    size = min(MAX_RESULTS, max(BLOCK, math.ceil(wanted / BLOCK) * BLOCK))

    def compute() -> list[SearchHit]:
        if mode == "keyword":
            return ctx.store.search_text(query, limit=size)
        vector = ctx.embedder().embed([query], kind="query")[0]
        hits = ctx.store.semantic_search(vector, limit=size)
        floor = hits[0].score - SEMANTIC_WINDOW if hits else 0.0
        return [h for h in hits if h.score >= floor]

    return ctx.cache.get(("search", mode, query, size), compute)


def _filtered_hits(ctx: WebContext, query: str, mode: Mode, filters: SearchFilters,
                   wanted: int) -> list[SearchHit]:
    """Hits that pass ``filters``, at least ``wanted`` of them when there are that many.

    The ranking is fetched in growing blocks and filtered on each article's
    language, outlet and time (:meth:`Store.article_facets`, no texts read).
    """
    window = RANGES[filters.range]
    since = None if window is None else ctx.reference() - window
    size = BLOCK
    while True:
        hits = _hits(ctx, query, mode, size)

        def compute(hits: list[SearchHit] = hits) -> list[SearchHit]:
            facets = {f.id: f for f in ctx.store.article_facets([h.article_id for h in hits])}
            return [h for h in hits if (f := facets.get(h.article_id)) is not None
                    and (filters.lang is None or f.lang == filters.lang)
                    and (filters.source is None or f.source == filters.source)
                    and (since is None or f.when >= since)]

        kept = ctx.cache.get(("search-filtered", mode, query, filters, size), compute)
        if len(kept) >= wanted or len(hits) < size or size >= MAX_RESULTS:
            return kept
        size = min(MAX_RESULTS, size * 4)


def search(ctx: WebContext, query: str, mode: str = "keyword", *, offset: int = 0,
           limit: int = 20, filters: SearchFilters = NO_FILTERS
           ) -> tuple[list[SearchResult], bool]:
    """Results ``offset`` to ``offset + limit`` and whether more follow.

    An empty query finds nothing. Raises QueryError for a malformed query and
    ModelError when semantic mode cannot load its model.
    """
    checked = check_query(query, mode)
    if not query.strip() or offset >= MAX_RESULTS:
        return [], False
    hits = (_filtered_hits(ctx, query, checked, filters, offset + limit + 1) if filters.active
            else _hits(ctx, query, checked, offset + limit + 1))
    page = hits[offset : offset + limit]
    articles = {a.id: a for a in ctx.store.articles_by_ids([h.article_id for h in page])}
    results = [SearchResult(article=articles[h.article_id], score=h.score)
               for h in page if h.article_id in articles]
    more = len(hits) > offset + limit and offset + limit < MAX_RESULTS
    return results, more


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchPage:
    """One page of results, grouped by story, and whether more follow."""

    results: tuple[SearchResult, ...]
    groups: tuple[StoryGroup, ...]
    more: bool


def search_page(ctx: WebContext, query: str, mode: str = "keyword", *, offset: int = 0,
                limit: int = 20, filters: SearchFilters = NO_FILTERS) -> SearchPage:
    """:func:`search` and :func:`group_by_story` for one page, cached until the store changes."""

    def compute() -> SearchPage:
        results, more = search(ctx, query, mode, offset=offset, limit=limit, filters=filters)
        return SearchPage(results=tuple(results), groups=tuple(group_by_story(ctx, results)),
                          more=more)

    check_query(query, mode)
    return ctx.cache.get(("search-page", mode, query, offset, limit, filters), compute)


def group_by_story(ctx: WebContext, results: Sequence[SearchResult]) -> list[StoryGroup]:
    """``results`` grouped by story, groups in the order of their best result."""
    order: list[int | None] = []
    members: dict[int | None, list[SearchResult]] = {}
    for r in results:
        key = r.article.story_id
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(r)
    stories = {s.id: s for s in ctx.store.stories_by_ids([k for k in order if k is not None])}
    groups = []
    for key in order:
        story = stories.get(key) if key is not None else None
        groups.append(StoryGroup(
            story_id=key, title=story.title if story else "Not in a story",
            languages=story.languages if story else (), size=story.size if story else 0,
            results=tuple(members[key])))
    return groups
