"""The linker's keys and context as the store keeps them: SQL both backends share.

A store-backed linker (``stages.entities_resident``) finds an entity by the keys its
spellings are filed under (``entity_keys``, migration ``0010_entity_keys``) and reads its
context back from the mentions: the entities named with it, and its stories, in its
latest articles. ``entity_key_state`` records the fingerprint of the code the keys were
computed with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from babelwire.stages.entities_records import EntityContext

CHUNK = 500
"""Ids or keys per query (SQLite's limit on parameters is far above)."""

KEY_STATE = "fingerprint"
"""The name under which ``entity_key_state`` keeps the keys' fingerprint."""

_RECENT = (
    "WITH recent AS (SELECT entity_id, article_id FROM ("
    "SELECT entity_id, article_id, ROW_NUMBER() OVER ("
    "PARTITION BY entity_id ORDER BY article_id DESC) AS r FROM ("
    "SELECT DISTINCT entity_id, article_id FROM entity_mentions WHERE entity_id {ids}) AS d"
    ") AS n WHERE r <= {mark}) ")

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def co_mentions_sql(ids: str, mark: str) -> str:
    """(entity, other entity, articles naming both) over each entity's latest articles;
    ``ids`` is the backend's ``IN (...)`` or ``= ANY(...)`` clause, ``mark`` its
    placeholder for the number of articles."""
    return (_RECENT.format(ids=ids, mark=mark)
            + "SELECT r.entity_id, m.entity_id, COUNT(DISTINCT m.article_id) FROM recent r "
              "JOIN entity_mentions m ON m.article_id = r.article_id "
              "AND m.entity_id <> r.entity_id GROUP BY r.entity_id, m.entity_id")


def stories_sql(ids: str, mark: str) -> str:
    """(entity, story) over each entity's latest articles."""
    return (_RECENT.format(ids=ids, mark=mark)
            + "SELECT DISTINCT r.entity_id, a.story_id FROM recent r "
              "JOIN articles a ON a.id = r.article_id WHERE a.story_id IS NOT NULL")


def contexts(pairs: Iterable[Sequence[Any]],
             stories: Iterable[Sequence[Any]]) -> dict[int, EntityContext]:
    together: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for eid, other, n in pairs:
        together[int(eid)].append((int(other), int(n)))
    story_ids: dict[int, list[int]] = defaultdict(list)
    for eid, story in stories:
        story_ids[int(eid)].append(int(story))
    return {eid: EntityContext(entity_id=eid, co_mentions=tuple(sorted(together.get(eid, ()))),
                               stories=tuple(sorted(story_ids.get(eid, ()))))
            for eid in together.keys() | story_ids.keys()}


__all__ = ["CHUNK", "KEY_STATE", "chunks", "co_mentions_sql", "contexts", "stories_sql"]
