"""The HTTP API's JSON shapes (they also make the OpenAPI schema at ``/openapi.json``).

Field names follow the CLI's JSON where the two overlap (``id``, ``title``,
``languages``, ``size``, ``independent_size``, ``first_seen``, ``last_seen``,
``url``, ``lang``, ``published``, ``source``, ``story_id``); new fields may be
added, none removed or renamed. Times are ISO 8601 with an offset (UTC).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, field_validator

from babelwire.records import StoredArticle
from babelwire.store.base import RegisteredSource, StoryActivity


class ErrorOut(BaseModel):
    detail: str


class ArticleOut(BaseModel):
    id: int
    url: str
    canonical_url: str
    title: str
    source: str
    lang: str
    published: datetime | None
    fetched_at: datetime
    story_id: int | None
    duplicate_of: int | None = Field(description="Id of the article this one copies, or null.")
    duplicate_of_url: str | None
    text: str | None = Field(default=None, description="Only with include_text=true.")

    @classmethod
    def of(cls, a: StoredArticle, *, text: bool = False) -> ArticleOut:
        return cls(**article_fields(a, text=text))


def article_fields(a: StoredArticle, *, text: bool = False) -> dict[str, Any]:
    """The :class:`ArticleOut` fields of ``a``, for models that extend it."""
    return {"id": a.id, "url": a.url, "canonical_url": a.canonical_url, "title": a.title,
            "source": a.source, "lang": a.lang, "published": a.published,
            "fetched_at": a.fetched_at, "story_id": a.story_id,
            "duplicate_of": a.duplicate_of, "duplicate_of_url": a.duplicate_of_url,
            "text": a.text if text else None}


class ArticlesPage(BaseModel):
    items: list[ArticleOut]
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null at "
                                                "the end.")


class AxisOut(BaseModel):
    start: datetime
    end: datetime
    bucket_seconds: float


class StorySummaryOut(BaseModel):
    id: int
    title: str
    languages: list[str]
    size: int = Field(description="Articles, copies included.")
    independent_size: int = Field(description="Articles that are not copies.")
    independent_sources: int = Field(description="Distinct outlets among the articles that "
                                                 "are not copies.")
    first_seen: datetime | None
    last_seen: datetime | None
    recent: int = Field(description="Articles that are not copies in the 24 hours up to as_of.")
    heat: float = Field(description="Ranking score: articles that are not copies, each "
                                    "weighted 0.5 ** (age / half-life).")
    activity: list[int] = Field(description="Articles per bucket of the page's axis.")

    @classmethod
    def of(cls, s: StoryActivity, *, recent: int, heat: float,
           activity: tuple[int, ...]) -> StorySummaryOut:
        return cls(id=s.id, title=s.title, languages=list(s.languages), size=s.size,
                   independent_size=s.independent_size,
                   independent_sources=s.independent_sources, first_seen=s.first_seen,
                   last_seen=s.last_seen, recent=recent, heat=heat, activity=list(activity))


class StoriesPage(BaseModel):
    items: list[StorySummaryOut]
    next_cursor: str | None
    as_of: datetime = Field(description="The dashboard's clock: the newest article's time.")
    range: str
    axis: AxisOut
    total: int
    watch: str | None = Field(None, description="The watchlist filtered by, if any.")


class EvidenceOut(BaseModel):
    decision: str = Field(description="started, joined, copy or unknown.")
    summary: str
    score: float | None
    threshold: float | None
    nearest_article: int | None
    nearest_similarity: float | None
    shared_numbers: list[str]
    shared_names: list[str] = Field(description="Name keys (transliterated consonant "
                                                "skeletons).")
    time_gap_days: float | None
    copy_of: int | None
    raw: dict[str, Any] = Field(description="The clusterer's evidence, verbatim.")
    lexical_similarity: float | None = Field(
        default=None, description="Wording shared with the nearest article: TF-IDF cosine "
                                  "of character 4-grams (absent before it was recorded).")


class StoryArticleOut(ArticleOut):
    evidence: EvidenceOut


class FirstOut(BaseModel):
    article_id: int
    source: str
    published: datetime | None


class StoryDetailOut(BaseModel):
    id: int
    title: str
    languages: list[str]
    size: int
    independent_size: int
    independent_sources: int
    first_seen: datetime | None
    last_seen: datetime | None
    first: FirstOut | None = Field(description="The earliest article that is not a copy.")
    articles: list[StoryArticleOut] = Field(description="Oldest first, copies included.")
    entities: list[EntityRefOut] = Field(default_factory=list,
                                         description="Entities named in the story's articles, "
                                                     "most articles first (at most 30).")


class SearchItemOut(ArticleOut):
    score: float = Field(description="bm25 relevance (keyword) or cosine (semantic).")


class SearchGroupOut(BaseModel):
    story_id: int | None
    title: str
    article_ids: list[int]


class SearchPage(BaseModel):
    query: str
    mode: str
    items: list[SearchItemOut]
    stories: list[SearchGroupOut] = Field(description="This page's items grouped by story.")
    next_cursor: str | None


class SourceOut(BaseModel):
    name: str
    articles: int
    originals: int
    languages: list[str]
    first_article: datetime | None
    last_article: datetime | None
    per_day: float
    silent_days: int | None = Field(description="Days since the newest article when the "
                                                "source counts as silent, else null.")
    registered_urls: list[str]


class SourcesPage(BaseModel):
    items: list[SourceOut]
    next_cursor: str | None
    as_of: datetime


class SourceIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=1, max_length=2000)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("name must not be blank")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError("url must be an absolute http:// or https:// URL")
        return value


class RegisteredSourceOut(BaseModel):
    id: int
    name: str
    url: str
    created_at: datetime
    created: bool = Field(description="False when the URL was already registered.")

    @classmethod
    def of(cls, s: RegisteredSource, *, created: bool) -> RegisteredSourceOut:
        return cls(id=s.id, name=s.name, url=s.url, created_at=s.created_at, created=created)


class HealthAlarmOut(BaseModel):
    kind: str = Field(description="failing_source, silent_source or silent_language.")
    subject: str = Field(description="The source's name, or the language code.")
    detail: str = Field(description="What is wrong and since when, in one sentence.")
    since: datetime | None = Field(description="The last time things were fine.")
    url: str | None = None


class MonitoredSourceOut(BaseModel):
    id: int
    name: str
    url: str
    kind: str | None = Field(description="feed, sitemap, opml or page, once polled.")
    last_fetch: datetime | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    next_poll: datetime | None
    interval_seconds: float | None = Field(description="The current adaptive poll interval.")
    mean_gap_seconds: float | None = Field(description="Smoothed time between new articles.")
    articles_last_day: int
    silent: bool
    failing: bool


class SourcesHealthOut(BaseModel):
    at: datetime = Field(description="The wall-clock time the health was judged at.")
    alarms: list[HealthAlarmOut]
    sources: list[MonitoredSourceOut]


# -- entities -------------------------------------------------------------------
class EntityListItemOut(BaseModel):
    id: int
    name: str
    kind: str = Field(description="person, organisation, place, document, event or product.")
    canonical: str | None = Field(description="A language-independent key when one is known "
                                              "(place:DE, doc:...).")
    articles: int = Field(description="Articles naming the entity, copies included.")
    languages: list[str] = Field(description="Languages it has been spelled in.")


class EntitiesPage(BaseModel):
    items: list[EntityListItemOut]
    next_cursor: str | None


class VariantOut(BaseModel):
    text: str
    lang: str
    script: str = Field(description="Writing system of the spelling: Latin, Cyrillic, Arabic, "
                                    "Han, Hangul, Katakana...")
    count: int = Field(description="Times seen in articles in this language.")


class CountOut(BaseModel):
    key: str = Field(description="A language code, or a country code (ISO 3166-1, EU) or "
                                 "'unknown'.")
    name: str
    articles: int


class CoverageBucketOut(BaseModel):
    start: datetime
    by_language: dict[str, int]
    by_country: dict[str, int]


class CoverageOut(BaseModel):
    bucket_seconds: float
    buckets: list[CoverageBucketOut] = Field(description="Oldest first; languages and "
                                                         "countries with no article left out.")


class EntityRefOut(BaseModel):
    id: int
    name: str
    kind: str
    articles: int = Field(description="Articles shared (with the entity or the story).")


class EntityStoryOut(BaseModel):
    id: int
    title: str
    languages: list[str]
    size: int
    first_seen: datetime | None
    last_seen: datetime | None
    articles: int = Field(description="Articles of the story that name the entity.")


class EntityDetailOut(BaseModel):
    id: int
    name: str
    kind: str
    canonical: str | None
    articles: int = Field(description="Articles naming the entity, copies included.")
    first_seen: datetime | None
    last_seen: datetime | None
    variants: list[VariantOut] = Field(description="Spellings, most seen first.")
    languages: list[CountOut]
    countries: list[CountOut] = Field(description="Outlet countries from the article's web "
                                                  "address (ccTLD or a known-outlet table); "
                                                  "'unknown' for generic domains.")
    timeline: CoverageOut
    co_mentions: list[EntityRefOut] = Field(description="Entities named in the same articles, "
                                                        "most shared articles first.")
    stories: list[EntityStoryOut] = Field(description="Stories with most articles naming it "
                                                      "(at most 50).")
    story_count: int
