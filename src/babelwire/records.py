"""The frozen records that flow between pipeline stages.

Read this module first after docs/architecture.md. Nothing here does I/O.

Data flow::

    Source --FetchedDocument--> extract --Article--> identify language --> deduplicate
        --> embed --> cluster --EnrichedArticle + StoryAssignment--> store

All times are timezone-aware :class:`datetime.datetime` values (UTC unless the
source said otherwise); a naive datetime never leaves a stage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True, kw_only=True, slots=True)
class FetchedDocument:
    """One item a source produced, before extraction.

    Either ``html`` (a raw page) or ``text`` (already plain text) is set. Feeds and
    JSONL files may already know the title, date and language; extraction keeps
    what it is given and fills in the rest.
    """

    location: str
    """Where the item came from, for error reports: a URL, ``file.jsonl:12``, ``a.warc.gz@4096``."""
    url: str
    source: str
    """The outlet or feed name the article is credited to."""
    fetched_at: datetime
    html: str | None = None
    text: str | None = None
    title: str | None = None
    published: datetime | None = None
    lang: str | None = None
    doc_id: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """An extracted article: clean title and text with its date and outlet."""

    url: str
    canonical_url: str
    title: str
    text: str
    source: str
    published: datetime | None
    fetched_at: datetime
    location: str
    author: str | None = None
    site: str | None = None
    lang_hint: str | None = None
    doc_id: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def lead(self) -> str:
        """The title and the first paragraph or so: what the clusterer compares."""
        return lead_text(self.title, self.text)


def lead_text(title: str, text: str, max_chars: int = 300) -> str:
    """Title plus the opening of ``text``, cut at a word boundary near ``max_chars``."""
    body = " ".join(text.split())
    if len(body) > max_chars:
        cut = body.rfind(" ", 0, max_chars)
        body = body[: cut if cut > max_chars // 2 else max_chars]
    return f"{title}. {body}".strip() if title else body


@dataclass(frozen=True, kw_only=True, slots=True)
class Language:
    """An ISO 639-1 code (or ``und`` when unknown) with the identifier's confidence."""

    code: str
    confidence: float


@dataclass(frozen=True, kw_only=True, slots=True)
class DuplicateCheck:
    """What deduplication found out about one article."""

    content_hash: str
    minhash: tuple[int, ...]
    duplicate_of: int | None = None
    """Store id of the article this one copies, or ``None`` for an original."""
    reason: str | None = None
    """``exact`` (same text), ``near`` (syndicated copy), or ``None``."""
    similarity: float | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class EnrichedArticle:
    """An article with everything the analytic stages add to it."""

    article: Article
    language: Language
    dedup: DuplicateCheck
    embedding: Vector | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class StoryAssignment:
    """Which story an article joined, how strongly, and why.

    ``evidence`` is kept verbatim so the UI can explain the grouping.
    """

    story_id: int
    score: float
    created: bool
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredArticle:
    """An article as the store returns it."""

    id: int
    url: str
    canonical_url: str
    title: str
    text: str
    source: str
    lang: str
    lang_confidence: float
    published: datetime | None
    fetched_at: datetime
    story_id: int | None
    story_score: float | None
    duplicate_of: int | None
    duplicate_of_url: str | None
    content_hash: str
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Story:
    """A group of articles, in any languages, reporting one event."""

    id: int
    title: str
    languages: tuple[str, ...]
    size: int
    """Number of articles, copies included."""
    independent_size: int
    """Number of articles that are not copies of another: copies count once."""
    first_seen: datetime | None
    last_seen: datetime | None
    article_urls: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchHit:
    url: str
    title: str
    score: float
    article_id: int


@dataclass(frozen=True, kw_only=True, slots=True)
class IngestProblem:
    """An input that could not be processed: where, which stage, and why."""

    location: str
    stage: str
    reason: str


@dataclass(frozen=True, kw_only=True, slots=True)
class IngestReport:
    """Counts from one ingest run."""

    new: int = 0
    duplicates: int = 0
    """Articles stored as copies of another (exact or syndicated)."""
    unchanged: int = 0
    """Inputs already in the store (re-ingest is idempotent)."""
    problems: tuple[IngestProblem, ...] = ()

    @property
    def failed(self) -> int:
        return len(self.problems)
