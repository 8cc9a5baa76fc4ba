"""Read-side records the store returns to the monitor, the dashboard and the API: a
source's poll state, arrivals per language, entity listings and counts, story heads, a
story's activity and members, outlets' health, registered sources and API tokens.

They are defined here and re-exported by :mod:`babelwire.store.base`, where the
:class:`~babelwire.store.base.Store` methods that return them are declared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from babelwire.records import StoredArticle
from babelwire.stages.entities_records import EntityRecord

# -- records of the monitor ----------------------------------------------------

@dataclass(frozen=True, kw_only=True, slots=True)
class SourcePollState:
    """What the monitor knows about polling one registered source (its health, too)."""

    source_id: int
    kind: str | None = None
    """What the URL turned out to be at its first good poll: feed, sitemap, opml or page."""
    last_fetch: datetime | None = None
    """When the last poll ended, successful or not."""
    last_success: datetime | None = None
    last_new: datetime | None = None
    """When a poll last found new articles."""
    last_error: str | None = None
    """The latest failure's reason (kept after a later success, for the record)."""
    last_error_at: datetime | None = None
    consecutive_failures: int = 0
    next_poll: datetime | None = None
    interval_seconds: float | None = None
    """The current adaptive polling interval (seconds)."""
    mean_gap_seconds: float | None = None
    """The smoothed time between new articles (seconds); None until two polls found some."""
    polls: int = 0
    new_items: int = 0
    """New articles stored from this source since it was registered."""


@dataclass(frozen=True, kw_only=True, slots=True)
class LanguageArrivals:
    """How many articles in one language were fetched in a time window, and the first one's time."""

    lang: str
    articles: int
    first: datetime | None


# -- records of the entity pages ------------------------------------------------
@dataclass(frozen=True, kw_only=True, slots=True)
class EntityListing:
    """One row of the entity list: the entity, its articles and their languages."""

    id: int
    name: str
    kind: str
    canonical: str | None
    articles: int
    languages: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityArticle:
    """An article that names an entity, as the entity page aggregates it."""

    article_id: int
    story_id: int | None
    lang: str
    source: str
    url: str
    when: datetime
    """Publication time, else fetch time."""
    duplicate_of: int | None
    mentions: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleFacet:
    """What search filters look at: an article's language, outlet and time."""

    id: int
    lang: str
    source: str
    when: datetime
    """Publication time, else fetch time."""


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryHead:
    """A story as a link to it shows it."""

    id: int
    title: str
    languages: tuple[str, ...]
    size: int
    """Articles, copies included."""
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityCount:
    """An entity with the number of articles it shares with something (a story, an entity)."""

    entity: EntityRecord
    articles: int


# -- records of the dashboard and the API -----------------------------------------

@dataclass(frozen=True, kw_only=True, slots=True)
class StoryActivity:
    """A story as the dashboard ranks and draws it: totals plus every article's time."""

    id: int
    title: str
    size: int
    """Articles, copies included."""
    independent_size: int
    """Articles that are not copies."""
    independent_sources: int
    """Distinct outlets among the articles that are not copies."""
    languages: tuple[str, ...]
    first_seen: datetime | None
    last_seen: datetime | None
    times: tuple[datetime, ...]
    """Publication (else fetch) time of every article, oldest first."""
    original_times: tuple[datetime, ...]
    """The same for the articles that are not copies."""


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryMember:
    """An article of a story with the clusterer's and deduplicator's reasons for it."""

    article: StoredArticle
    evidence: Mapping[str, Any]
    """The clusterer's evidence, verbatim (``decision``, ``score``, ``nearest_similarity``...)."""
    duplicate_reason: str | None
    duplicate_similarity: float | None


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceHealth:
    """What one outlet (by name, as articles credit it) has delivered."""

    name: str
    articles: int
    originals: int
    languages: tuple[str, ...]
    first_article: datetime | None
    last_article: datetime | None
    daily: Mapping[str, int] = field(default_factory=dict)
    """Articles per UTC day (``YYYY-MM-DD``) since the ``daily_since`` asked for."""


@dataclass(frozen=True, kw_only=True, slots=True)
class RegisteredSource:
    """A source someone registered (name and URL) for monitoring."""

    id: int
    name: str
    url: str
    created_at: datetime


@dataclass(frozen=True, kw_only=True, slots=True)
class ApiToken:
    """An API token as stored: its name and rights, never the token itself."""

    name: str
    can_write: bool
    created_at: datetime
