"""The storage interface. Every backend implements :class:`Store`.

The pipeline is the one writer; readers (CLI, web, API) only call the query
methods. Writes happen in batches through :meth:`Store.write_batch`, one
transaction each, so a crash never leaves half an article behind.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from babelwire.records import EnrichedArticle, SearchHit, StoredArticle, Story, Vector


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
    def iter_minhashes(self) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(article id, MinHash signature) of every original article, for the LSH index."""

    @abstractmethod
    def iter_cluster_members(self) -> Iterator[ClusterMember]:
        """Every stored article with an embedding, for rebuilding the clusterer's index."""

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
    def search_text(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search; raises QueryError on a malformed query."""

    @abstractmethod
    def counts(self) -> Mapping[str, int]:
        """Totals for status displays: articles, duplicates, stories, languages."""
