"""SQLite queries behind the entity pages and ``/api/entities``, and the article facets that
search filters read (used by ``babelwire.web``).

A mixin over the tables of :mod:`babelwire.store.sqlite_entities`:
:class:`~babelwire.store.sqlite.SQLiteStore` inherits these methods. The
co-mention query reads the ``entity_mentions_article_entity`` index (migration
``0005_web_entity_index``) and never an article row; the entity page's span and counts read
an article's time, language, story and address from the ``articles_entity_page`` index
(migration ``0007_entity_page_index``), named with ``INDEXED BY``. Their one common table,
used twice, is computed once (SQLite materialises such a table since 3.35; before, it is
computed twice, with the same result).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
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
from babelwire.store.sqlite_rows import from_db_time, to_db_time

_MINE = ("WITH mine AS (SELECT DISTINCT article_id FROM entity_mentions "
         "WHERE entity_id = :entity) ")
"""The articles naming an entity, from the ``entity_mentions_entity`` index alone."""

_ORIGIN = ("CASE WHEN p = 0 THEN url "
           "ELSE substr(url, 1, p + instr(substr(url, p + 2) || '/', '/')) END")
"""``web.countries.url_origin`` in SQL, ``p`` being ``instr(url, '//')``: the address up to
the first ``/`` after its first ``//``, or all of it."""


def _fold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


class SQLiteEntityPages:
    """Entity list, entity detail and story entities, over ``self._db``."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    _fold_ready: bool = False

    def _ensure_fold(self) -> None:
        """Register ``bw_fold`` (Unicode case folding; SQLite's lower() is ASCII only)."""
        if not self._fold_ready:
            with self._lock:
                self._db.create_function("bw_fold", 1, _fold, deterministic=True)
                self._fold_ready = True

    def entity_listing(self, *, kind: str | None = None, name: str | None = None,
                       offset: int = 0, limit: int = 50) -> list[EntityListing]:
        where: list[str] = ["1"]
        params: list[Any] = []
        if kind:
            where.append("e.kind = ?")
            params.append(kind)
        if name and name.strip():
            self._ensure_fold()
            needle = name.strip().casefold()
            where.append("(instr(bw_fold(e.name), ?) > 0 OR EXISTS (SELECT 1 FROM "
                         "entity_variants v WHERE v.entity_id = e.id AND v.count > 0 "
                         "AND instr(bw_fold(v.text), ?) > 0))")
            params.extend([needle, needle])
        rows = self._db.execute(
            "WITH counts AS (SELECT entity_id, COUNT(DISTINCT article_id) AS n "
            "FROM entity_mentions GROUP BY entity_id) "
            "SELECT e.id, e.name, e.kind, e.canonical, c.n, (SELECT GROUP_CONCAT(DISTINCT "
            "v.lang) FROM entity_variants v WHERE v.entity_id = e.id AND v.count > 0) "
            f"FROM counts c JOIN entities e ON e.id = c.entity_id WHERE {' AND '.join(where)} "
            "ORDER BY c.n DESC, e.id LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return [EntityListing(id=int(r[0]), name=r[1], kind=r[2], canonical=r[3],
                              articles=int(r[4]),
                              languages=tuple(sorted(x for x in (r[5] or "").split(",") if x)))
                for r in rows]

    def entity_record(self, entity_id: int) -> EntityRecord | None:
        row = self._db.execute("SELECT id, name, kind, canonical FROM entities WHERE id = ?",
                               (entity_id,)).fetchone()
        return None if row is None else _record(row)

    def entity_variant_counts(self, entity_id: int) -> list[VariantCount]:
        rows = self._db.execute(
            "SELECT text, lang, count FROM entity_variants WHERE entity_id = ? AND count > 0 "
            "ORDER BY count DESC, lang, text", (entity_id,))
        return [VariantCount(text=t, lang=lang, count=int(c)) for t, lang, c in rows]

    def entity_articles(self, entity_id: int) -> list[EntityArticle]:
        rows = self._db.execute(
            "SELECT a.id, a.story_id, a.lang, a.source, a.url, "
            "COALESCE(a.published, a.fetched_at) AS t, a.duplicate_of, m.n FROM "
            "(SELECT article_id, COUNT(*) AS n FROM entity_mentions WHERE entity_id = ? "
            "GROUP BY article_id) m JOIN articles a ON a.id = m.article_id ORDER BY t, a.id",
            (entity_id,))
        parse = datetime.fromisoformat  # the time is never NULL: fetched_at is NOT NULL
        return [EntityArticle(article_id=aid, story_id=story, lang=lang, source=source, url=url,
                              when=parse(when), duplicate_of=dup, mentions=n)
                for aid, story, lang, source, url, when, dup, n in rows]

    def co_mentions(self, entity_id: int, *, limit: int = 20) -> list[EntityCount]:
        rows = self._db.execute(
            "WITH mine AS (SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = ?), "
            "shared AS (SELECT o.entity_id, COUNT(DISTINCT o.article_id) AS n FROM mine "
            "JOIN entity_mentions o ON o.article_id = mine.article_id "
            "WHERE o.entity_id != ? GROUP BY o.entity_id) "
            "SELECT e.id, e.name, e.kind, e.canonical, s.n FROM shared s "
            "JOIN entities e ON e.id = s.entity_id ORDER BY s.n DESC, e.id LIMIT ?",
            (entity_id, entity_id, limit))
        return _counts(rows)

    def entity_span(self, entity_id: int) -> EntitySpan:
        # The article columns come from the articles_entity_page index (migration
        # 0007_entity_page_index): an article row, with its text and vector, is never read.
        n, first, last = self._db.execute(
            _MINE + "SELECT COUNT(*), MIN(COALESCE(a.published, a.fetched_at)), "
            "MAX(COALESCE(a.published, a.fetched_at)) FROM mine "
            "JOIN articles a INDEXED BY articles_entity_page ON a.id = mine.article_id",
            {"entity": entity_id}).fetchone()
        return EntitySpan(articles=int(n), first=from_db_time(first), last=from_db_time(last))

    def entity_page_counts(self, entity_id: int, *, start: datetime, bucket: timedelta,
                           buckets: int, most_stories: int = 50) -> EntityPageCounts:
        _, width = bucket_seconds(start, bucket)
        # A time's bucket from julianday() (cheaper than strftime('%s')); the half second
        # keeps the float difference of two whole-second times from rounding down.
        params = {"entity": entity_id, "start": to_db_time(start), "width": width,
                  "last": max(0, buckets - 1), "most": max(1, most_stories)}
        rows = self._db.execute(
            _MINE + f", arts AS (SELECT story_id, lang, b, {_ORIGIN} AS o FROM "
            "(SELECT a.story_id, a.lang, a.url, instr(a.url, '//') AS p, MAX(0, MIN(:last, "
            "CAST(((julianday(COALESCE(a.published, a.fetched_at)) - julianday(:start)) "
            "* 86400 + 0.5) / :width AS INTEGER))) AS b FROM mine "
            "JOIN articles a INDEXED BY articles_entity_page ON a.id = mine.article_id)) "
            "SELECT 0, b, lang, o, COUNT(*) FROM arts GROUP BY b, lang, o "
            "UNION ALL SELECT * FROM (SELECT 1, story_id, COUNT(*) OVER (), NULL, "
            "COUNT(*) AS n FROM arts WHERE story_id IS NOT NULL GROUP BY story_id "
            "ORDER BY n DESC, story_id DESC LIMIT :most)", params).fetchall()
        return page_counts(rows, most_stories)

    def story_entities(self, story_id: int, *, limit: int = 30) -> list[EntityCount]:
        rows = self._db.execute(
            "WITH shared AS (SELECT m.entity_id, COUNT(DISTINCT m.article_id) AS n "
            "FROM articles a JOIN entity_mentions m ON m.article_id = a.id "
            "WHERE a.story_id = ? GROUP BY m.entity_id) "
            "SELECT e.id, e.name, e.kind, e.canonical, s.n FROM shared s "
            "JOIN entities e ON e.id = s.entity_id ORDER BY s.n DESC, e.name, e.id LIMIT ?",
            (story_id, limit))
        return _counts(rows)

    def story_heads(self, story_ids: Sequence[int]) -> list[StoryHead]:
        wanted = list(dict.fromkeys(int(i) for i in story_ids))
        found: dict[int, StoryHead] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            # Counts and languages come from the articles_story_activity index alone.
            rows = self._db.execute(
                "SELECT s.id, s.title, s.first_seen, s.last_seen, COUNT(*), "
                "GROUP_CONCAT(DISTINCT a.lang) FROM stories s JOIN articles a "
                f"ON a.story_id = s.id WHERE s.id IN ({','.join('?' * len(chunk))}) "
                "GROUP BY s.id", chunk)
            for sid, title, first, last, size, langs in rows:
                found[sid] = StoryHead(id=int(sid), title=title,
                                       languages=tuple(sorted((langs or "").split(","))),
                                       size=int(size), first_seen=from_db_time(first),
                                       last_seen=from_db_time(last))
        return [found[i] for i in wanted if i in found]

    def article_facets(self, ids: Sequence[int]) -> list[ArticleFacet]:
        wanted = list(dict.fromkeys(int(i) for i in ids))
        found: dict[int, ArticleFacet] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                "SELECT id, lang, source, COALESCE(published, fetched_at) FROM articles "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            for aid, lang, source, when in rows:
                found[aid] = ArticleFacet(id=aid, lang=lang, source=source,
                                          when=datetime.fromisoformat(when))
        return [found[i] for i in wanted if i in found]

    def story_size(self, story_id: int) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM articles WHERE story_id = ?",
                               (story_id,)).fetchone()
        return int(row[0])


def _record(row: Sequence[Any]) -> EntityRecord:
    return EntityRecord(id=int(row[0]), name=row[1], kind=row[2], canonical=row[3])


def _counts(rows: Any) -> list[EntityCount]:
    return [EntityCount(entity=_record(r), articles=int(r[4])) for r in rows]
