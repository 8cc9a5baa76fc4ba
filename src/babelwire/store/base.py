"""The storage interface. Every backend implements :class:`Store`.

The pipeline is the one writer; readers (CLI, web, API) only call the query
methods. Writes happen in batches through :meth:`Store.write_batch`, one
transaction each, so a crash never leaves half an article behind.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from babelwire.alerts.records import (
    Alert,
    Delivery,
    NewAlert,
    OutboxMessage,
    TimelinePoint,
    Watch,
)
from babelwire.errors import StoreError
from babelwire.records import EnrichedArticle, SearchHit, StoredArticle, Story, Vector
from babelwire.stages.entities_records import (
    ArticleEntities,
    EntityContext,
    EntityRecord,
    EntitySummary,
    Mention,
    StoredVariant,
    TextDate,
    VariantCount,
)
from babelwire.store.entity_page_counts import EntityPageCounts, EntitySpan
from babelwire.store.read_records import (
    ApiToken,
    ArticleFacet,
    EntityArticle,
    EntityCount,
    EntityListing,
    LanguageArrivals,
    RegisteredSource,
    SourceHealth,
    SourcePollState,
    StoryActivity,
    StoryHead,
    StoryMember,
)


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleWrite:
    """One article to insert, with its story assignment already decided."""

    enriched: EnrichedArticle
    story_id: int
    story_score: float
    story_evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryState:
    """What the clusterer needs to know about one story."""

    id: int
    title: str
    first_seen: datetime | None
    last_seen: datetime | None
    languages: tuple[str, ...]
    size: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ClusterMember:
    """An article as the clusterer sees it: id, story, time, language and vector."""

    id: int
    story_id: int
    published: datetime | None
    lang: str
    title: str
    text: str
    embedding: Vector
    duplicate_of: int | None


class Store(ABC):
    """Articles, stories, HTTP validators and search over them."""

    # -- lifecycle -------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups the pipeline needs ---------------------------------------
    @abstractmethod
    def known_urls(self, canonical_urls: Sequence[str]) -> set[str]:
        """The subset of ``canonical_urls`` already stored."""

    @abstractmethod
    def find_by_hash(self, content_hash: str) -> int | None:
        """Id of the earliest stored article with this exact content hash."""

    @abstractmethod
    def iter_minhashes(self, *, since: datetime | None = None,
                       until: datetime | None = None) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(article id, MinHash signature) of the original articles, for the LSH index, by
        id: every one, or those whose time (published, else fetched) is at or after
        ``since`` and before ``until``."""

    @abstractmethod
    def iter_cluster_members(self, *, since: datetime | None = None,
                             until: datetime | None = None,
                             story_ids: Collection[int] | None = None) -> Iterator[ClusterMember]:
        """Stored articles with an embedding and a story, for the clusterer, by id: every
        one, or those whose time (published, else fetched) is at or after ``since`` and
        before ``until``, and/or those of ``story_ids``."""

    @abstractmethod
    def lexical_frequencies(self) -> tuple[int, list[int], list[int]]:
        """(articles counted, buckets ascending, counts): the clusterer's 4-gram document
        frequencies as every writer has added them (:mod:`babelwire.stages.lexical`)."""

    @abstractmethod
    def add_lexical_frequencies(self, documents: int, buckets: Sequence[int],
                                counts: Sequence[int]) -> None:
        """Add counts: ``documents`` more articles, and ``counts[i]`` of them with bucket
        ``buckets[i]``; committed at once (a write left open is committed too)."""

    @abstractmethod
    def new_story(self, title: str, at: datetime | None) -> int:
        """Create an empty story and return its id (committed with the next batch)."""

    @abstractmethod
    def story_of(self, article_id: int) -> int | None: ...

    @abstractmethod
    def merge_stories(self, source: int, target: int, evidence: Mapping[str, Any]) -> None:
        """Move every article of story ``source`` into ``target``; ``source`` records
        ``merged_into`` so links to it can be followed. Committed at once."""

    # -- writing ---------------------------------------------------------
    @abstractmethod
    def write_batch(self, writes: Sequence[ArticleWrite]) -> list[int]:
        """Insert articles in one transaction; return their new ids in order."""

    @abstractmethod
    def commit(self) -> None:
        """Commit pending story creations (``write_batch`` commits on its own)."""

    # -- HTTP validators (conditional GET) --------------------------------
    @abstractmethod
    def get_validators(self, url: str) -> tuple[str | None, str | None]: ...

    @abstractmethod
    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None: ...

    # -- queries ---------------------------------------------------------
    @abstractmethod
    def articles(self, *, story_id: int | None = None, limit: int | None = None,
                 offset: int = 0) -> list[StoredArticle]: ...

    @abstractmethod
    def article(self, article_id: int) -> StoredArticle | None: ...

    @abstractmethod
    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]:
        """Stories, largest (by independent articles) and most recent first."""

    @abstractmethod
    def story(self, story_id: int) -> Story | None: ...

    @abstractmethod
    def story_successor(self, story_id: int) -> int | None:
        """The story that story ``story_id`` was merged into, after any later merges of that
        one; None when it was never merged (links to a merged story are followed with it)."""

    @abstractmethod
    def search_text(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search; raises QueryError on a malformed query."""

    @abstractmethod
    def counts(self) -> Mapping[str, int]:
        """Totals for status displays: articles, duplicates, stories, languages."""

    # -- dashboard and HTTP API (babelwire.web) -----------------------------
    @abstractmethod
    def change_marker(self) -> tuple[int, ...]:
        """A value that changes whenever anyone commits a change: a key for read caches."""

    @abstractmethod
    def newest_article_time(self) -> datetime | None:
        """Publication (else fetch) time of the newest article."""

    @abstractmethod
    def story_activity(self, *, lang: str | None = None, source: str | None = None,
                       since: datetime | None = None) -> list[StoryActivity]:
        """Stories with an article in ``lang``, one from ``source`` and one at or after ``since``.

        Each filter left out matches every story; totals always cover the whole story.
        """

    @abstractmethod
    def story_members(self, story_id: int) -> list[StoryMember]:
        """A story's articles, oldest first, each with its grouping evidence."""

    @abstractmethod
    def articles_page(self, *, lang: str | None = None, source: str | None = None,
                      story_id: int | None = None, since: datetime | None = None,
                      until: datetime | None = None, before: tuple[datetime, int] | None = None,
                      limit: int = 50) -> list[StoredArticle]:
        """Articles newest first; pass the last one's (time, id) as ``before`` for the next page.

        An article's time is its publication time, else its fetch time; ``until`` is exclusive.
        """

    @abstractmethod
    def articles_by_ids(self, ids: Sequence[int]) -> list[StoredArticle]:
        """The stored articles with these ids, in the order given (unknown ids left out)."""

    @abstractmethod
    def stories_by_ids(self, ids: Sequence[int]) -> list[Story]:
        """The stories with these ids, in the order given (unknown ids left out)."""

    @abstractmethod
    def semantic_search(self, vector: Vector, *, limit: int = 20) -> list[SearchHit]:
        """Original articles ranked by cosine between their embedding and unit ``vector``."""

    @abstractmethod
    def language_counts(self) -> list[tuple[str, int]]:
        """(language code, articles) for every language stored, most articles first."""

    @abstractmethod
    def sources_health(self, *, daily_since: datetime | None = None) -> list[SourceHealth]:
        """Every outlet name articles are credited to, by name, with counts and times."""

    @abstractmethod
    def register_source(self, name: str, url: str) -> tuple[RegisteredSource, bool]:
        """Register a source URL; return it and whether it is new (a known URL is kept as is)."""

    @abstractmethod
    def registered_sources(self) -> list[RegisteredSource]: ...

    @abstractmethod
    def add_token(self, name: str, token_hash: str, *, can_write: bool) -> ApiToken:
        """Store a token's hash under ``name``; raises StoreError when the name is taken."""

    @abstractmethod
    def api_tokens(self) -> list[ApiToken]: ...

    @abstractmethod
    def token_for_hash(self, token_hash: str) -> ApiToken | None: ...

    @abstractmethod
    def revoke_token(self, name: str) -> bool:
        """Delete the token called ``name``; False when there is none."""

    # -- entities (the entity stage; SQLite: store/sqlite_entities.py) ------
    def _no_entities(self) -> StoreError:
        return StoreError(f"{type(self).__name__} does not store entities")

    def write_entities(self, found: ArticleEntities) -> None:
        """Replace one article's mentions and dates, upsert its entities, count spellings.
        Raises ``EntityConflict`` when another writer stored a conflicting entity first."""
        raise self._no_entities()

    def clear_entities(self) -> None:
        """Delete every entity, spelling, mention and text date (before re-indexing)."""
        raise self._no_entities()

    def iter_entity_variants(self) -> Iterator[StoredVariant]:
        """Every entity with each of its spellings, for rebuilding the linker."""
        raise self._no_entities()

    def iter_article_entities(self) -> Iterator[tuple[tuple[int, ...], int | None]]:
        """Per article with mentions: (entity ids, story id), for the linker's context."""
        raise self._no_entities()

    def entities(self, *, kind: str | None = None, limit: int | None = None,
                 min_articles: int = 1) -> list[EntitySummary]:
        """Entities with spellings and article URLs, most-mentioned first."""
        raise self._no_entities()

    def article_mentions(self, article_id: int) -> list[Mention]:
        raise self._no_entities()

    # -- the linker's keys (store-backed linking; stages/entities_resident.py) --
    def entity_directory(self) -> Iterator[tuple[int, str, str | None]]:
        """(id, kind, canonical key) of every entity."""
        raise self._no_entities()

    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, list[int]]:
        """The entities each of ``keys`` files (keys that file none are left out)."""
        raise self._no_entities()

    def entity_rows(self, ids: Sequence[int]) -> tuple[list[EntityRecord],
                                                       list[StoredVariant]]:
        """The records of the entities ``ids`` that exist, and their spellings."""
        raise self._no_entities()

    def entity_contexts(self, ids: Sequence[int], *,
                        articles: int) -> dict[int, EntityContext]:
        """Per entity: the entities named with it and its stories, in its latest
        ``articles`` articles."""
        raise self._no_entities()

    def entity_keys_state(self) -> str | None:
        """The fingerprint of the code the stored keys were computed with (None: none)."""
        raise self._no_entities()

    def replace_entity_keys(self, rows: Iterable[tuple[str, int]], state: str) -> None:
        """Replace every stored key with ``rows`` (key, entity id), and the fingerprint."""
        raise self._no_entities()

    def entity_for_canonical(self, canonical: str) -> int | None:
        """The entity with this canonical key (a place, a document...), if one is stored."""
        raise self._no_entities()

    def reserve_entity_ids(self, count: int) -> int:
        """The first of ``count`` consecutive entity ids that no process, this one or
        another writing to the same database, has had or will be given."""
        raise self._no_entities()

    def entity_successor(self, entity_id: int) -> int | None:
        """The entity that entity ``entity_id`` was merged into (after any later merges of
        that one); None when it was never merged."""
        raise self._no_entities()

    def next_entity_id(self) -> int:
        """An id no entity has had: above every stored entity and every merged-away one, so
        a new process never hands out an id that an old link points to."""
        raise self._no_entities()

    def article_dates(self, article_id: int) -> list[TextDate]:
        raise self._no_entities()

    # -- continuous monitor: per-source poll state (SQLite: store/sqlite_monitor.py) --
    def _no_monitor(self) -> StoreError:
        return StoreError(f"{type(self).__name__} does not store monitor state")

    def source_poll_states(self) -> dict[int, SourcePollState]:
        """The monitor's state of every registered source that has one, by source id."""
        raise self._no_monitor()

    def save_source_poll_state(self, state: SourcePollState) -> bool:
        """Insert or replace one source's state; False when the source is no longer registered."""
        raise self._no_monitor()

    def remove_source(self, source_id: int) -> bool:
        """Unregister a source with its state and arrival log; False when there is none.

        Articles it delivered stay.
        """
        raise self._no_monitor()

    def record_arrivals(self, source_id: int, at: datetime, articles: int) -> None:
        """Log that a poll of ``source_id`` at ``at`` stored ``articles`` new articles."""
        raise self._no_monitor()

    def source_arrival_counts(self, since: datetime) -> dict[int, int]:
        """New articles each registered source delivered at or after ``since``, by source id."""
        raise self._no_monitor()

    def language_arrivals(self, since: datetime, until: datetime) -> dict[str, LanguageArrivals]:
        """Per language, articles fetched in ``[since, until)`` and the first fetch time."""
        raise self._no_monitor()


    # -- entity pages and API (babelwire.web; SQLite: store/sqlite_entity_pages.py) --
    def entity_listing(self, *, kind: str | None = None, name: str | None = None,
                       offset: int = 0, limit: int = 50) -> list[EntityListing]:
        """Entities mentioned in at least one article, most articles first (then id).

        ``name`` keeps entities whose name or any spelling contains it (case-insensitive).
        """
        raise self._no_entities()

    def entity_record(self, entity_id: int) -> EntityRecord | None:
        raise self._no_entities()

    def entity_variant_counts(self, entity_id: int) -> list[VariantCount]:
        """Every spelling of one entity with its count per language, most seen first."""
        raise self._no_entities()

    def entity_articles(self, entity_id: int) -> list[EntityArticle]:
        """Every article that mentions the entity, oldest first."""
        raise self._no_entities()

    def co_mentions(self, entity_id: int, *, limit: int = 20) -> list[EntityCount]:
        """Other entities named in the same articles, most shared articles first."""
        raise self._no_entities()

    def entity_span(self, entity_id: int) -> EntitySpan:
        """How many articles name the entity and the first and last of their times."""
        raise self._no_entities()

    def entity_page_counts(self, entity_id: int, *, start: datetime, bucket: timedelta,
                           buckets: int, most_stories: int = 50) -> EntityPageCounts:
        """The entity's articles counted in buckets ``bucket`` wide from ``start`` (whole
        seconds; earlier times go to the first, later ones to the last of ``buckets``) by
        language and by address origin, and per story (the ``most_stories`` largest)."""
        raise self._no_entities()

    def story_entities(self, story_id: int, *, limit: int = 30) -> list[EntityCount]:
        """Entities named in a story's articles, most articles first."""
        raise self._no_entities()

    def story_heads(self, story_ids: Sequence[int]) -> list[StoryHead]:
        """Title, languages, size and span of these stories, in the order given (unknown
        ids left out): what a list of links to stories shows, without article URLs."""
        return [StoryHead(id=s.id, title=s.title, languages=s.languages, size=s.size,
                          first_seen=s.first_seen, last_seen=s.last_seen)
                for s in self.stories_by_ids(story_ids)]

    def article_facets(self, ids: Sequence[int]) -> list[ArticleFacet]:
        """Language, outlet and time of these articles (unknown ids left out), for filtering
        search results without reading their texts."""
        return [ArticleFacet(id=a.id, lang=a.lang, source=a.source,
                             when=a.published or a.fetched_at)
                for a in self.articles_by_ids(ids)]

    def story_size(self, story_id: int) -> int:
        """Articles in the story, copies included (0 for no such story); cheap."""
        found = self.story(story_id)
        return 0 if found is None else found.size

    # -- watchlists and alerts (babelwire.alerts; SQLite: store/sqlite_alerts.py) ----------
    def _no_alerts(self) -> StoreError:
        return StoreError(f"{type(self).__name__} does not store watchlists and alerts")

    def add_watch(self, watch: Watch) -> Watch:
        """Store a new watchlist; raises StoreError when the name is taken."""
        raise self._no_alerts()

    def watches(self) -> list[Watch]:
        raise self._no_alerts()

    def watch(self, name: str) -> Watch | None:
        raise self._no_alerts()

    def remove_watch(self, name: str) -> bool:
        """Delete a watchlist with its alerts and outbox; False when there is none."""
        raise self._no_alerts()

    def set_watch_digest_time(self, watch_id: int, at: datetime) -> None:
        raise self._no_alerts()

    def alert_state(self, key: str) -> str | None:
        """A value the alert hooks keep between runs (watermarks)."""
        raise self._no_alerts()

    def set_alert_state(self, key: str, value: str) -> None:
        raise self._no_alerts()

    def max_article_id(self) -> int:
        raise self._no_alerts()

    def articles_after(self, article_id: int, *, limit: int) -> list[StoredArticle]:
        """Articles with ids above ``article_id``, lowest id first."""
        raise self._no_alerts()

    def entity_ids_by_article(self, article_ids: Sequence[int]) -> dict[int, set[int]]:
        raise self._no_alerts()

    def entity_spellings(self) -> list[tuple[int, str]]:
        """(entity id, spelling) for every entity's name and every stored variant."""
        raise self._no_alerts()

    def story_timeline(self, story_id: int) -> list[TimelinePoint]:
        """A story's articles, oldest first, as burst detection sees them."""
        raise self._no_alerts()

    def originals_between(self, since: datetime, until: datetime, *,
                          exclude_story: int | None = None) -> Mapping[str, int]:
        """Original (non-copy) articles timed in [since, until), per language, leaving out
        the story ``exclude_story``."""
        raise self._no_alerts()

    def add_alert(self, alert: NewAlert) -> int | None:
        """Record an alert; None (and nothing written) when the same one exists."""
        raise self._no_alerts()

    def alerts(self, *, watch_id: int | None = None, limit: int = 100,
               waiting: bool = False) -> list[Alert]:
        """Alerts newest first; ``waiting`` keeps those no delivery has taken yet."""
        raise self._no_alerts()

    def alerted_stories(self, watch_id: int, reason: str = "match") -> set[int]:
        raise self._no_alerts()

    def enqueue_deliveries(self, *, watch_id: int, messages: Sequence[OutboxMessage],
                           alert_ids: Sequence[int], at: datetime) -> list[int]:
        """Put messages in the outbox, due at once, each covering ``alert_ids``, and mark
        those alerts taken, in one transaction (no messages: only the marking)."""
        raise self._no_alerts()

    def mark_batched(self, alert_ids: Sequence[int], at: datetime) -> None:
        """Mark alerts as taken (by a digest or an immediate delivery)."""
        raise self._no_alerts()

    def due_deliveries(self, at: datetime, *, limit: int = 100) -> list[Delivery]:
        """Pending outbox messages whose next attempt is due at ``at``, oldest first."""
        raise self._no_alerts()

    def record_attempt(self, delivery_id: int, at: datetime, *, error: str | None,
                       next_attempt_at: datetime | None) -> None:
        """Log one attempt: sent when ``error`` is None, else retried at ``next_attempt_at``
        or given up (``failed``) when that is None."""
        raise self._no_alerts()

    def delivery_attempts(self, delivery_id: int) -> list[tuple[datetime, bool, str | None]]:
        raise self._no_alerts()

    def entity_coverage(self, entity_ids: Sequence[int], since: datetime) -> Mapping[str, int]:
        """Articles timed at or after ``since`` mentioning any of ``entity_ids``, per language."""
        raise self._no_alerts()


def article_time_window(where: list[str], params: list[Any], since: datetime | None,
                        until: datetime | None, *, mark: str,
                        convert: Callable[[datetime], Any]) -> None:
    """Add the SQL clauses for an article time (published, else fetched; the expression of
    the ``articles_time`` index) at or after ``since`` and before ``until``; ``mark`` is the
    backend's placeholder (``?`` or ``%s``) and ``convert`` its time conversion."""
    if since is not None:
        where.append(f"COALESCE(published, fetched_at) >= {mark}")
        params.append(convert(since))
    if until is not None:
        where.append(f"COALESCE(published, fetched_at) < {mark}")
        params.append(convert(until))


def lexical_counts(rows: Iterable[Sequence[Any]]) -> tuple[int, list[int], list[int]]:
    """The ``lexical_frequencies`` table's (bucket, documents) rows, in bucket order, as
    :meth:`Store.lexical_frequencies` returns them (bucket -1 holds the article count)."""
    documents, buckets, counts = 0, [], []
    for bucket, n in rows:
        if bucket == -1:
            documents = int(n)
        else:
            buckets.append(int(bucket))
            counts.append(int(n))
    return documents, buckets, counts


MAX_MERGE_CHAIN = 1000
"""The most merges :func:`story_successor_sql` follows from one story."""

ROW_ID_MAX = 2**63 - 1
"""The largest id, count or limit a backend can bind (a signed 64-bit integer): callers
that take one from users bound it, so a larger one is a clear error, not a driver's."""


def story_successor_sql(mark: str) -> str:
    """The query for :meth:`Store.story_successor` (the same on both backends but for the
    placeholder ``mark``): follow ``merged_into`` to the last story of the chain."""
    return ("WITH RECURSIVE chain(id, depth) AS ("
            f"SELECT merged_into, 1 FROM stories WHERE id = {mark} AND merged_into IS NOT NULL "
            "UNION ALL SELECT s.merged_into, c.depth + 1 FROM stories s JOIN chain c "
            f"ON s.id = c.id WHERE s.merged_into IS NOT NULL AND c.depth < {MAX_MERGE_CHAIN}) "
            "SELECT id FROM chain ORDER BY depth DESC LIMIT 1")
