"""The read models behind the Stories and Story pages and their API endpoints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from babelwire.alerts.records import Watch
from babelwire.errors import QueryError, StoreError, UnknownWatch
from babelwire.records import StoredArticle, Story
from babelwire.store.base import EntityCount, StoryMember
from babelwire.web.charts import Timeline, TimelinePoint, timeline
from babelwire.web.context import WebContext
from babelwire.web.evidence import Explanation, explain
from babelwire.web.trends import (
    DEFAULT_RANGE,
    RANGES,
    RankedStory,
    TimeAxis,
    rank_stories,
    time_axis,
)
from babelwire.web.watch_filter import watch_key

MOST_ENTITIES = 30
"""Entities listed on a story page."""


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryFilters:
    """What the Stories page and ``/api/stories`` filter by."""

    lang: str | None = None
    source: str | None = None
    range: str = DEFAULT_RANGE
    watch: str | None = None
    """A watchlist's name: only stories it matches (see :mod:`babelwire.web.watch_filter`)."""

    def __post_init__(self) -> None:
        if self.range not in RANGES:
            raise QueryError(f"unknown range {self.range!r}: use one of {', '.join(RANGES)}")

    def params(self) -> dict[str, str]:
        """The filters as query parameters (defaults left out)."""
        found = {"lang": self.lang, "source": self.source,
                 "range": None if self.range == DEFAULT_RANGE else self.range,
                 "watch": self.watch}
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True, kw_only=True, slots=True)
class StoriesNow:
    filters: StoryFilters
    reference: datetime
    axis: TimeAxis
    ranked: tuple[RankedStory, ...]


def find_watch(ctx: WebContext, name: str | None) -> Watch | None:
    """The watchlist called ``name`` (None for no name); UnknownWatch when there is none."""
    if name is None:
        return None
    try:
        watch = ctx.store.watch(name)
    except StoreError as exc:  # a store without watchlists
        raise UnknownWatch(f"no watchlist called {name!r}: {exc}") from exc
    if watch is None:
        raise UnknownWatch(f"no watchlist called {name!r}; the Watchlists page "
                           "(/watchlists) or GET /api/watchlists lists them")
    return watch


def stories_now(ctx: WebContext, filters: StoryFilters) -> StoriesNow:
    """Every story matching ``filters``, hottest first (cached until the store changes).

    Raises UnknownWatch for a ``watch`` that does not exist.
    """
    watch = find_watch(ctx, filters.watch)

    def compute() -> StoriesNow:
        reference = ctx.reference()
        window = RANGES[filters.range]
        found = ctx.store.story_activity(lang=filters.lang, source=filters.source,
                                         since=None if window is None else reference - window)
        if watch is not None:
            matching = ctx.watch_index.story_ids(ctx.store, watch)
            found = [s for s in found if s.id in matching]
        earliest = min((s.first_seen for s in found if s.first_seen), default=None)
        axis = time_axis(filters.range, reference, earliest)
        ranked = rank_stories(found, reference=reference, axis=axis,
                              half_life_hours=ctx.settings.trend_half_life_hours)
        return StoriesNow(filters=filters, reference=reference, axis=axis, ranked=tuple(ranked))

    key = ("stories", filters, None if watch is None else watch_key(watch))
    return ctx.cache.get(key, compute)


@dataclass(frozen=True, kw_only=True, slots=True)
class FilterChoices:
    """What the filter menus offer: languages and sources with their article counts."""

    languages: tuple[tuple[str, int], ...]
    sources: tuple[tuple[str, int], ...]


def filter_choices(ctx: WebContext) -> FilterChoices:
    def compute() -> FilterChoices:
        sources = sorted(((h.name, h.articles) for h in ctx.store.sources_health()),
                         key=lambda s: s[0].casefold())
        return FilterChoices(languages=tuple(ctx.store.language_counts()),
                             sources=tuple(sources))

    return ctx.cache.get(("choices",), compute)


def watch_names(ctx: WebContext) -> tuple[str, ...]:
    """The watchlists' names, for the Stories page's menu (none for a store without them)."""
    def compute() -> tuple[str, ...]:
        try:
            return tuple(sorted((w.name for w in ctx.store.watches()), key=str.casefold))
        except StoreError:
            return ()

    return ctx.cache.get(("watch-names",), compute)


@dataclass(frozen=True, kw_only=True, slots=True)
class MemberView:
    """An article of a story, why it is there, and (for an original) its copies."""

    article: StoredArticle
    explanation: Explanation
    evidence: Mapping[str, object]
    copies: tuple[MemberView, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryDetail:
    story: Story
    independent_sources: int
    first: StoredArticle | None
    """The earliest article that is not a copy: whose outlet published first."""
    originals: tuple[MemberView, ...]
    """Oldest first; copies sit under their originals."""
    members: tuple[MemberView, ...]
    """Every article oldest first, copies included, each without nested copies."""
    languages: tuple[tuple[str, int], ...]
    """(language, articles) in order of first appearance."""
    titles: Mapping[int, str]
    """Article id to title, for links to the nearest article named in the evidence."""
    elsewhere: Mapping[int, StoredArticle]
    """Nearest articles named in the evidence that now belong to other stories."""
    entities: tuple[EntityCount, ...] = ()
    """Entities named in the story's articles, most articles first."""

    def timeline(self) -> Timeline:
        """The story's articles on a time axis, one row per language."""
        return timeline([
            TimelinePoint(article_id=m.article.id, lang=m.article.lang,
                          when=m.article.published or m.article.fetched_at,
                          title=m.article.title, source=m.article.source,
                          copy=m.article.duplicate_of is not None) for m in self.members])


def story_detail(ctx: WebContext, story_id: int, *,
                 spell_names: bool = True) -> StoryDetail | None:
    """One story with every article and its evidence; None when there is no such story.

    ``spell_names``: find how each article writes the names it shares with the
    story (for the page; the API leaves it out).
    """
    return ctx.cache.get(("story", story_id, spell_names),
                         lambda: _story_detail(ctx, story_id, spell_names))


def _view(member: StoryMember, spell_names: bool) -> MemberView:
    return MemberView(article=member.article, evidence=member.evidence,
                      explanation=explain(member.article, member.evidence,
                                          duplicate_reason=member.duplicate_reason,
                                          duplicate_similarity=member.duplicate_similarity,
                                          spell_names=spell_names))


def _story_detail(ctx: WebContext, story_id: int, spell_names: bool) -> StoryDetail | None:
    story = ctx.store.story(story_id)
    if story is None:
        return None
    members = ctx.store.story_members(story_id)
    ids = {m.article.id for m in members}
    views = [_view(m, spell_names) for m in members]
    copies: dict[int, list[MemberView]] = {}
    for v in views:
        original = v.article.duplicate_of
        if original is not None and original in ids:
            copies.setdefault(original, []).append(v)
    originals = tuple(
        MemberView(article=v.article, explanation=v.explanation, evidence=v.evidence,
                   copies=tuple(copies.get(v.article.id, ())))
        for v in views if v.article.duplicate_of is None or v.article.duplicate_of not in ids)
    languages: dict[str, int] = {}
    for m in members:
        languages[m.article.lang] = languages.get(m.article.lang, 0) + 1
    first = next((v.article for v in originals), None)
    nearest = {v.explanation.nearest_id for v in views if v.explanation.nearest_id is not None}
    return StoryDetail(
        story=story,
        independent_sources=len({v.article.source for v in originals}),
        first=first, originals=originals, members=tuple(views),
        languages=tuple(languages.items()),
        titles={m.article.id: m.article.title for m in members},
        elsewhere={a.id: a for a in ctx.store.articles_by_ids(sorted(nearest - ids))},
        entities=_story_entities(ctx, story_id),
    )


def _story_entities(ctx: WebContext, story_id: int) -> tuple[EntityCount, ...]:
    try:
        return tuple(ctx.store.story_entities(story_id, limit=MOST_ENTITIES))
    except StoreError:  # a store without entities: the page shows none
        return ()
