"""The frozen records of the entity stage: mentions, text dates, entities as stored.

Nothing here does I/O. Offsets are character offsets into the article's
*document string*, ``document_text(title, text)``: the title, a blank line, the
body (the layout of the SlavicNER corpus files too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

EntityKind = Literal["person", "organisation", "place", "document", "event", "product"]
ENTITY_KINDS: tuple[str, ...] = (
    "person", "organisation", "place", "document", "event", "product")
DatePrecision = Literal["day", "month", "year"]


def document_text(title: str, text: str) -> str:
    """The string mention offsets point into: title, blank line, body."""
    return f"{title}\n\n{text}" if title else text


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    """One name, place, organisation or cited document found in an article."""

    text: str
    """The surface form, exactly as written (inflected: ``Шольца``)."""
    kind: str
    """``person``, ``organisation``, ``place`` or ``document``."""
    start: int
    end: int
    lang: str
    rule: str = ""
    """Which rule found it (``gazetteer``, ``trigger``, ``pattern``, ``caps``, ``stream``...)."""
    canonical: str | None = None
    """A language-independent key when one is known: ``place:DE``, ``doc:resolution|unsc|2231``."""
    entity_id: int | None = None
    """The entity it was linked to (set by the linker)."""
    lemma: str | None = None
    """The base form when a gazetteer knows it (``Německu`` -> ``Německo``)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class TextDate:
    """A date written in the text, normalised against the article's publication date."""

    text: str
    start: int
    end: int
    value: date
    precision: str
    """``day``, ``month`` or ``year``: how much of ``value`` the text gave or implied."""
    relative: bool = False
    """True when the value depends on the publication date (``yesterday``, ``30日``)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityRecord:
    """An entity as the linker keeps it and the store writes it."""

    id: int
    name: str
    kind: str
    canonical: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class VariantCount:
    """How often one spelling of an entity was seen in one language."""

    text: str
    lang: str
    count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredVariant:
    """One row the linker reloads its memory from: an entity and one of its spellings."""

    entity: EntityRecord
    text: str
    lang: str
    count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class EntitySummary:
    """An entity as queries return it: its spellings and the articles naming it."""

    id: int
    name: str
    kind: str
    canonical: str | None
    variants: tuple[VariantCount, ...]
    article_urls: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleEntities:
    """What the entity stage found in one article, ready for the store."""

    article_id: int
    mentions: tuple[Mention, ...]
    dates: tuple[TextDate, ...]
    entities: tuple[EntityRecord, ...]
    """Entities created or renamed while linking this article (written before the mentions)."""
    merges: tuple[tuple[EntityRecord, int], ...] = ()
    """Entities found to be one after the fact: (the kept entity as it is now, the id merged
    into it); the store moves the merged entity's mentions and spellings over."""
    keys: tuple[tuple[str, int], ...] = ()
    """(key, entity id) the linker filed spellings under since the last article, for a
    store-backed linker to find the entity by later (see ``entities_resident``)."""


@dataclass(frozen=True, slots=True)
class EntityContext:
    """What a stored entity was named with, read back for the linker: (entity id, articles
    naming both) and the stories of its latest articles."""

    entity_id: int
    co_mentions: tuple[tuple[int, int], ...]
    stories: tuple[int, ...]


__all__ = [
    "ENTITY_KINDS", "ArticleEntities", "EntityContext", "EntityKind", "EntityRecord",
    "EntitySummary", "Mention", "StoredVariant", "TextDate", "VariantCount", "document_text",
]
