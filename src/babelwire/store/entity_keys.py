"""The linker's keys and context as the store keeps them: SQL both backends share.

A store-backed linker (``stages.entities_resident``) finds an entity by the keys its
spellings are filed under (``entity_keys``, migration ``0010_entity_keys``) and reads its
context back from the mentions: the entities named with it, and its stories, in its
latest articles. ``entity_key_state`` records the fingerprint of the code the keys were
computed with, and the next entity id free to reserve: linkers in several processes
writing to one database take their ids in blocks from it, so no two give one id to two
entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from babelwire.stages.entities_records import EntityContext

CHUNK = 500
"""Ids or keys per query (SQLite's limit on parameters is far above)."""

KEY_STATE = "fingerprint"
"""The name under which ``entity_key_state`` keeps the keys' fingerprint."""

NEXT_ID = "next_id"
"""...and the next entity id no process has reserved (``Store.reserve_entity_ids``)."""

_RECENT = ("SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = {mark} "
           "ORDER BY article_id DESC LIMIT {mark}")
"""An entity's latest articles: read backwards along ``entity_mentions_entity``, so an
entity named in 20,000 articles costs what one named in 1,000 does."""

ENTITY_TABLES = ("entity_mentions", "text_dates", "entity_variants", "entity_merges",
                 "entity_keys", "entity_key_state", "entities")
"""Every table of the entity stage, in an order that deletes referring rows first."""

NEXT_ENTITY_ID_SQL = ("SELECT MAX(id) FROM (SELECT MAX(id) AS id FROM entities "
                      "UNION ALL SELECT MAX(gone) FROM entity_merges) AS t")
"""The highest entity id stored or merged away (``Store.next_entity_id`` adds one)."""

ENTITY_DIRECTORY_SQL = "SELECT id, kind, canonical FROM entities"

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def co_mentions_sql(mark: str) -> str:
    """(other entity, articles naming both) over one entity's latest articles; parameters
    (entity, articles, entity); ``mark`` is the backend's placeholder."""
    return ("SELECT m.entity_id, COUNT(DISTINCT m.article_id) FROM entity_mentions m "
            f"WHERE m.article_id IN ({_RECENT.format(mark=mark)}) AND m.entity_id <> {mark} "
            "GROUP BY m.entity_id")


def stories_sql(mark: str) -> str:
    """The stories of one entity's latest articles; parameters (entity, articles)."""
    return (f"SELECT DISTINCT story_id FROM articles WHERE id IN ({_RECENT.format(mark=mark)}) "
            "AND story_id IS NOT NULL")


def successor_sql(mark: str) -> str:
    """The entity a merged-away one went to; one parameter, the id."""
    return f"SELECT kept FROM entity_merges WHERE gone = {mark}"


def next_id(row: Sequence[Any] | None) -> int:
    """The first id above the row of ``NEXT_ENTITY_ID_SQL``."""
    return 1 if row is None or row[0] is None else int(row[0]) + 1


def directory(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, str, str | None]]:
    """(id, kind, canonical key) from the rows of ``ENTITY_DIRECTORY_SQL``."""
    return iter([(int(eid), kind, canonical) for eid, kind, canonical in rows])


def context(eid: int, pairs: Iterable[Sequence[Any]],
            stories: Iterable[Sequence[Any]]) -> EntityContext | None:
    """One entity's context from the rows of the two queries above (None: it has none)."""
    together = tuple(sorted((int(other), int(n)) for other, n in pairs))
    story_ids = tuple(sorted(int(row[0]) for row in stories))
    if not together and not story_ids:
        return None
    return EntityContext(entity_id=eid, co_mentions=together, stories=story_ids)


__all__ = ["CHUNK", "ENTITY_DIRECTORY_SQL", "ENTITY_TABLES", "KEY_STATE", "NEXT_ENTITY_ID_SQL",
           "NEXT_ID", "chunks", "co_mentions_sql", "context", "directory", "next_id",
           "stories_sql", "successor_sql"]
