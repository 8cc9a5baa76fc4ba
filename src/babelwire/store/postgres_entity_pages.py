"""PostgreSQL queries behind the entity pages and ``/api/entities``, and the article facets
that search filters read (used by ``babelwire.web``).

A mixin over the tables of :mod:`babelwire.store.postgres_entities`:
:class:`~babelwire.store.postgres.PostgresStore` inherits these methods. The
twin of :mod:`babelwire.store.sqlite_entity_pages`: same results, orderings and
tie-breaks (text ordered ``COLLATE "C"``, code points, as SQLite does). The name
filter folds case with ``babelwire_casefold`` (migration ``0005_web_entity_index``):
lower case in every script, sharp s and final sigma folded, accents kept, as
Python's ``str.casefold`` does on SQLite. The co-mention query reads the
``entity_mentions_article_entity`` index; the entity page's counts may read an article's
time, language, story and address from ``articles_entity_page`` (migration
``0007_entity_page_index``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from babelwire.stages.entities_records import EntityRecord, VariantCount
from babelwire.store.base import (
    ArticleFacet,
    EntityArticle,
    EntityCount,
    EntityListing,
    StoryHead,
)
from babelwire.store.entity_page_counts import (
    EntityPageCounts,
    EntitySpan,
    bucket_seconds,
    page_counts,
)
from babelwire.store.postgres_rows import TIME, from_pg_time, pg_text

_MINE = "WITH mine AS (SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = %s) "
"""The articles naming an entity, from the ``entity_mentions_entity`` index alone."""


def _when(value: datetime | None) -> datetime:
    found = from_pg_time(value)
    assert found is not None  # an article's time is never NULL: fetched_at is NOT NULL
    return found


class PostgresEntityPages:
    """Entity list, entity detail and story entities, over the store's ``_rows``."""

    _rows: Callable[..., list[tuple[Any, ...]]]
    _one: Callable[..., tuple[Any, ...]]

    def entity_listing(self, *, kind: str | None = None, name: str | None = None,
                       offset: int = 0, limit: int = 50) -> list[EntityListing]:
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if kind:
            where.append("e.kind = %s")
            params.append(kind)
        if name and name.strip():
            needle = pg_text(name.strip())
            where.append("(strpos(babelwire_casefold(e.name), babelwire_casefold(%s)) > 0 "
                         "OR EXISTS (SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id "
                         "AND v.count > 0 AND strpos(babelwire_casefold(v.text), "
                         "babelwire_casefold(%s)) > 0))")
            params.extend([needle, needle])
        rows = self._rows(
            "WITH counts AS (SELECT entity_id, COUNT(DISTINCT article_id) AS n "
            "FROM entity_mentions GROUP BY entity_id) "
            "SELECT e.id, e.name, e.kind, e.canonical, c.n, (SELECT array_agg(DISTINCT v.lang) "
            "FROM entity_variants v WHERE v.entity_id = e.id AND v.count > 0) "
            f"FROM counts c JOIN entities e ON e.id = c.entity_id WHERE {' AND '.join(where)} "
            "ORDER BY c.n DESC, e.id LIMIT %s OFFSET %s", [*params, limit, offset])
        return [EntityListing(id=int(r[0]), name=r[1], kind=r[2], canonical=r[3],
                              articles=int(r[4]),
                              languages=tuple(sorted(x for x in (r[5] or ()) if x)))
                for r in rows]

    def entity_record(self, entity_id: int) -> EntityRecord | None:
        rows = self._rows("SELECT id, name, kind, canonical FROM entities WHERE id = %s",
                          (entity_id,))
        return _record(rows[0]) if rows else None

    def entity_variant_counts(self, entity_id: int) -> list[VariantCount]:
        rows = self._rows(
            "SELECT text, lang, count FROM entity_variants WHERE entity_id = %s AND count > 0 "
            'ORDER BY count DESC, lang COLLATE "C", text COLLATE "C"', (entity_id,))
        return [VariantCount(text=t, lang=lang, count=int(c)) for t, lang, c in rows]

    def entity_articles(self, entity_id: int) -> list[EntityArticle]:
        rows = self._rows(
            f"SELECT a.id, a.story_id, a.lang, a.source, a.url, {TIME} AS t, a.duplicate_of, "
            "m.n FROM (SELECT article_id, COUNT(*) AS n FROM entity_mentions "
            "WHERE entity_id = %s GROUP BY article_id) m JOIN articles a ON a.id = m.article_id "
            "ORDER BY t, a.id", (entity_id,))
        return [EntityArticle(article_id=int(aid), story_id=None if story is None else int(story),
                              lang=lang, source=source, url=url, when=_when(when),
                              duplicate_of=None if dup is None else int(dup), mentions=int(n))
                for aid, story, lang, source, url, when, dup, n in rows]

    def co_mentions(self, entity_id: int, *, limit: int = 20) -> list[EntityCount]:
        rows = self._rows(
            "WITH mine AS (SELECT DISTINCT article_id FROM entity_mentions "
            "WHERE entity_id = %s), "
            "shared AS (SELECT o.entity_id, COUNT(DISTINCT o.article_id) AS n FROM mine "
            "JOIN entity_mentions o ON o.article_id = mine.article_id "
            "WHERE o.entity_id <> %s GROUP BY o.entity_id) "
            "SELECT e.id, e.name, e.kind, e.canonical, s.n FROM shared s "
            "JOIN entities e ON e.id = s.entity_id ORDER BY s.n DESC, e.id LIMIT %s",
            (entity_id, entity_id, limit))
        return _counts(rows)

    def entity_span(self, entity_id: int) -> EntitySpan:
        n, first, last = self._one(
            _MINE + f"SELECT COUNT(*), MIN({TIME}), MAX({TIME}) FROM mine "
            "JOIN articles a ON a.id = mine.article_id", (entity_id,))
        return EntitySpan(articles=int(n), first=from_pg_time(first), last=from_pg_time(last))

    def entity_page_counts(self, entity_id: int, *, start: datetime, bucket: timedelta,
                           buckets: int, most_stories: int = 50) -> EntityPageCounts:
        first, width = bucket_seconds(start, bucket)
        # Columns from the articles_entity_page index (migration 0007_entity_page_index);
        # the origin is web.countries.url_origin: the address up to the first / after //.
        rows = self._rows(
            _MINE + ", arts AS (SELECT story_id, lang, b, CASE WHEN p = 0 THEN url "
            "ELSE substr(url, 1, p + strpos(substr(url, p + 2) || '/', '/')) END AS o FROM "
            "(SELECT a.story_id, a.lang, a.url, strpos(a.url, '//') AS p, "
            f"GREATEST(0, LEAST(%s, (extract(epoch FROM {TIME})::bigint - %s) / %s)) AS b "
            "FROM mine JOIN articles a ON a.id = mine.article_id) x) "
            "(SELECT 0, b, lang, o, COUNT(*) FROM arts GROUP BY b, lang, o) "
            "UNION ALL (SELECT 1, story_id, (COUNT(*) OVER ())::text, NULL, COUNT(*) AS n "
            "FROM arts WHERE story_id IS NOT NULL GROUP BY story_id "
            "ORDER BY n DESC, story_id DESC LIMIT %s)",
            (entity_id, max(0, buckets - 1), first, width, max(1, most_stories)))
        return page_counts(rows, most_stories)

    def story_entities(self, story_id: int, *, limit: int = 30) -> list[EntityCount]:
        rows = self._rows(
            "WITH shared AS (SELECT m.entity_id, COUNT(DISTINCT m.article_id) AS n "
            "FROM articles a JOIN entity_mentions m ON m.article_id = a.id "
            "WHERE a.story_id = %s GROUP BY m.entity_id) "
            "SELECT e.id, e.name, e.kind, e.canonical, s.n FROM shared s "
            'JOIN entities e ON e.id = s.entity_id ORDER BY s.n DESC, e.name COLLATE "C", e.id '
            "LIMIT %s", (story_id, limit))
        return _counts(rows)

    def story_heads(self, story_ids: Sequence[int]) -> list[StoryHead]:
        wanted = list(dict.fromkeys(int(i) for i in story_ids))
        if not wanted:
            return []
        rows = self._rows(
            "SELECT s.id, s.title, s.first_seen, s.last_seen, COUNT(*), "
            "array_agg(DISTINCT a.lang) FROM stories s JOIN articles a ON a.story_id = s.id "
            "WHERE s.id = ANY(%s) GROUP BY s.id", (wanted,))
        found = {int(sid): StoryHead(id=int(sid), title=title,
                                     languages=tuple(sorted(langs or ())), size=int(size),
                                     first_seen=from_pg_time(first),
                                     last_seen=from_pg_time(last))
                 for sid, title, first, last, size, langs in rows}
        return [found[i] for i in wanted if i in found]

    def article_facets(self, ids: Sequence[int]) -> list[ArticleFacet]:
        wanted = list(dict.fromkeys(int(i) for i in ids))
        if not wanted:
            return []
        rows = self._rows(f"SELECT a.id, a.lang, a.source, {TIME} FROM articles a "
                          "WHERE a.id = ANY(%s)", (wanted,))
        found = {int(aid): ArticleFacet(id=int(aid), lang=lang, source=source, when=_when(when))
                 for aid, lang, source, when in rows}
        return [found[i] for i in wanted if i in found]

    def story_size(self, story_id: int) -> int:
        return int(self._one("SELECT COUNT(*) FROM articles WHERE story_id = %s",
                             (story_id,))[0])


def _record(row: Sequence[Any]) -> EntityRecord:
    return EntityRecord(id=int(row[0]), name=row[1], kind=row[2], canonical=row[3])


def _counts(rows: Sequence[Sequence[Any]]) -> list[EntityCount]:
    return [EntityCount(entity=_record(r), articles=int(r[4])) for r in rows]
