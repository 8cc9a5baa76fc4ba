"""Read-side records the store returns to the monitor, the dashboard and the API: a
source's poll state, arrivals per language, entity listings and counts, story heads.

They are defined here and re-exported by :mod:`babelwire.store.base`, where the
:class:`~babelwire.store.base.Store` methods that return them are declared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
