"""Dashboard and HTTP API queries for the PostgreSQL store (used by ``babelwire.web``).

A mixin: :class:`~babelwire.store.postgres.PostgresStore` inherits these methods,
which use its ``_rows`` helper. The PostgreSQL twin of
:mod:`babelwire.store.sqlite_web`: same results, orderings and tie-breaks.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import psycopg

from babelwire.errors import QueryError, StoreError
from babelwire.records import SearchHit, StoredArticle, Story, Vector
from babelwire.store.base import (
    ApiToken,
    RegisteredSource,
    SourceHealth,
    StoryActivity,
    StoryMember,
)
from babelwire.store.postgres_rows import (
    ARTICLE_COLUMNS,
    TIME,
    from_pg_time,
    pg_text,
    stored_article,
    to_pg_time,
)

if TYPE_CHECKING:
    from collections.abc import Callable


class PostgresWebQueries:
    """Queries behind the dashboard and the API."""

    _lock: threading.RLock
    _rows: Callable[..., list[tuple[Any, ...]]]
    _one: Callable[..., tuple[Any, ...]]
    _stories: Callable[[str, Sequence[Any], int | None, int], list[Story]]

    _vector_lock = threading.Lock()
    _vector_ids: npt.NDArray[np.int64] | None = None
    _vector_matrix: npt.NDArray[np.float32] | None = None
    _vector_upto: int = 0

    def change_marker(self) -> tuple[int, ...]:
        # The snapshot (oldest running, next to be assigned, running ids) changes
        # whenever any transaction that wrote anything starts or ends.
        (snapshot,) = self._one("SELECT pg_current_snapshot()::text")
        head, _, running = str(snapshot).partition(":")
        rest = running.replace(":", ",").split(",")
        return tuple(int(x) for x in [head, *rest] if x)

    def newest_article_time(self) -> datetime | None:
        return from_pg_time(self._one(f"SELECT MAX({TIME}) FROM articles a")[0])

    def story_activity(self, *, lang: str | None = None, source: str | None = None,
                       since: datetime | None = None) -> list[StoryActivity]:
        where: list[str] = ["a.story_id IS NOT NULL"]
        params: list[Any] = []
        for clause, value in ((f"{TIME} >= %s", to_pg_time(since)), ("a.lang = %s", lang),
                              ("a.source = %s", source)):
            if value is not None:
                where.append(f"a.story_id IN (SELECT a.story_id FROM articles a WHERE {clause})")
                params.append(value)
        rows = self._rows(
            f"SELECT a.story_id, {TIME}, a.duplicate_of IS NULL, a.lang, a.source "
            f"FROM articles a WHERE {' AND '.join(where)} ORDER BY a.story_id", params)
        story_ids = sorted({int(r[0]) for r in rows})
        titles: dict[int, str] = {}
        if story_ids:
            titles.update((int(i), t) for i, t in self._rows(
                "SELECT id, title FROM stories WHERE id = ANY(%s)", (story_ids,)))
        found: list[StoryActivity] = []
        for story_id, members in itertools.groupby(rows, key=lambda r: int(r[0])):
            group = sorted(members, key=lambda r: r[1])
            times = tuple(r[1].astimezone(UTC) for r in group)
            originals = [i for i, r in enumerate(group) if r[2]]
            found.append(StoryActivity(
                id=story_id, title=titles.get(story_id, ""), size=len(group),
                independent_size=len(originals),
                independent_sources=len({group[i][4] for i in originals}),
                languages=tuple(sorted({r[3] for r in group})),
                first_seen=times[0], last_seen=times[-1], times=times,
                original_times=tuple(times[i] for i in originals),
            ))
        return found

    def story_members(self, story_id: int) -> list[StoryMember]:
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS}, a.story_evidence, a.dup_reason, a.dup_similarity "
            "FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of "
            f"WHERE a.story_id = %s ORDER BY {TIME}, a.id", (story_id,))
        return [StoryMember(article=stored_article(r[:16]), evidence=r[16] or {},
                            duplicate_reason=r[17], duplicate_similarity=r[18]) for r in rows]

    def articles_page(self, *, lang: str | None = None, source: str | None = None,
                      story_id: int | None = None, since: datetime | None = None,
                      until: datetime | None = None, before: tuple[datetime, int] | None = None,
                      limit: int = 50) -> list[StoredArticle]:
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        for clause, value in (("a.lang = %s", lang), ("a.source = %s", source),
                              ("a.story_id = %s", story_id), (f"{TIME} >= %s", to_pg_time(since)),
                              (f"{TIME} < %s", to_pg_time(until))):
            if value is not None:
                where.append(clause)
                params.append(value)
        if before is not None:
            where.append(f"({TIME}, a.id) < (%s, %s)")
            params.extend([to_pg_time(before[0]), before[1]])
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            f"ON d.id = a.duplicate_of WHERE {' AND '.join(where)} "
            f"ORDER BY {TIME} DESC, a.id DESC LIMIT %s", [*params, limit])
        return [stored_article(r) for r in rows]

    def articles_by_ids(self, ids: Sequence[int]) -> list[StoredArticle]:
        wanted = list(dict.fromkeys(int(i) for i in ids))
        if not wanted:
            return []
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            "ON d.id = a.duplicate_of WHERE a.id = ANY(%s)", (wanted,))
        found = {int(r[0]): stored_article(r) for r in rows}
        return [found[i] for i in wanted if i in found]

    def stories_by_ids(self, ids: Sequence[int]) -> list[Story]:
        wanted = list(dict.fromkeys(int(i) for i in ids))[:500]
        if not wanted:
            return []
        found = {s.id: s for s in self._stories("WHERE s.id = ANY(%s)", (wanted,), None, 0)}
        return [found[i] for i in wanted if i in found]

    def _vectors(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Embeddings of original articles, loaded once and extended with newer rows."""
        with self._vector_lock:
            newest = int(self._one("SELECT COALESCE(MAX(id), 0) FROM articles")[0])
            if self._vector_ids is None or newest < self._vector_upto:  # first use, or shrunk
                self._vector_ids, self._vector_matrix, self._vector_upto = (
                    np.zeros(0, dtype=np.int64), None, 0)
            if newest > self._vector_upto:
                rows = self._rows(
                    "SELECT id, embedding FROM articles WHERE id > %s AND id <= %s "
                    "AND embedding IS NOT NULL AND duplicate_of IS NULL ORDER BY id",
                    (self._vector_upto, newest))
                if rows:
                    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
                    block = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
                    old = self._vector_matrix
                    self._vector_matrix = block if old is None else np.vstack([old, block])
                    self._vector_ids = np.concatenate([self._vector_ids, ids])
                self._vector_upto = newest
            matrix = self._vector_matrix
            if matrix is None:
                return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
            return self._vector_ids, matrix

    def semantic_search(self, vector: Vector, *, limit: int = 20) -> list[SearchHit]:
        ids, matrix = self._vectors()
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        if not len(ids) or limit <= 0:
            return []
        if matrix.shape[1] != query.shape[0]:
            raise QueryError(f"the query vector has {query.shape[0]} dimensions but stored "
                             f"embeddings have {matrix.shape[1]}: embed with the same model")
        scores = matrix @ query
        k = min(limit, len(ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.lexsort((ids[top], -scores[top]))]
        titles = {int(r[0]): (r[1], r[2]) for r in self._rows(
            "SELECT id, url, title FROM articles WHERE id = ANY(%s)",
            ([int(ids[i]) for i in top],))}
        return [SearchHit(article_id=int(ids[i]), url=titles[int(ids[i])][0],
                          title=titles[int(ids[i])][1], score=round(float(scores[i]), 4))
                for i in top if int(ids[i]) in titles]

    def language_counts(self) -> list[tuple[str, int]]:
        rows = self._rows('SELECT lang, COUNT(*) FROM articles GROUP BY lang '
                          'ORDER BY COUNT(*) DESC, lang COLLATE "C"')
        return [(r[0], int(r[1])) for r in rows]

    def sources_health(self, *, daily_since: datetime | None = None) -> list[SourceHealth]:
        daily: dict[str, dict[str, int]] = {}
        if daily_since is not None:
            for name, day, count in self._rows(
                    f"SELECT a.source, to_char({TIME} AT TIME ZONE 'UTC', 'YYYY-MM-DD'), "
                    f"COUNT(*) FROM articles a WHERE {TIME} >= %s GROUP BY 1, 2",
                    (to_pg_time(daily_since),)):
                daily.setdefault(name, {})[day] = int(count)
        rows = self._rows(
            "SELECT a.source, COUNT(*), COUNT(*) FILTER (WHERE a.duplicate_of IS NULL), "
            f"MIN({TIME}), MAX({TIME}), array_agg(DISTINCT a.lang) FROM articles a "
            'GROUP BY a.source ORDER BY a.source COLLATE "C"')
        return [SourceHealth(name=name, articles=int(n), originals=int(originals or 0),
                             languages=tuple(sorted(langs or ())),
                             first_article=from_pg_time(first), last_article=from_pg_time(last),
                             daily=daily.get(name, {}))
                for name, n, originals, first, last, langs in rows]

    def register_source(self, name: str, url: str) -> tuple[RegisteredSource, bool]:
        with self._lock:
            created = bool(self._rows(
                "INSERT INTO sources (name, url, created_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (url) DO NOTHING RETURNING id",
                (pg_text(name), pg_text(url), to_pg_time(datetime.now(UTC)))))
            row = self._one("SELECT id, name, url, created_at FROM sources WHERE url = %s",
                            (pg_text(url),))
        return _registered(row), created

    def registered_sources(self) -> list[RegisteredSource]:
        rows = self._rows('SELECT id, name, url, created_at FROM sources '
                          'ORDER BY name COLLATE "C", id')
        return [_registered(r) for r in rows]

    def add_token(self, name: str, token_hash: str, *, can_write: bool) -> ApiToken:
        now = datetime.now(UTC).replace(microsecond=0)
        try:
            self._rows(
                "INSERT INTO api_tokens (name, token_hash, can_write, created_at) "
                "VALUES (%s, %s, %s, %s) RETURNING name",
                (pg_text(name), token_hash, can_write, now))
        except psycopg.errors.UniqueViolation as exc:
            raise StoreError(f"a token named {name!r} already exists; revoke it first "
                             "or choose another name") from exc
        return ApiToken(name=name, can_write=can_write, created_at=now)

    def api_tokens(self) -> list[ApiToken]:
        rows = self._rows('SELECT name, can_write, created_at FROM api_tokens '
                          'ORDER BY name COLLATE "C"')
        return [_token(r) for r in rows]

    def token_for_hash(self, token_hash: str) -> ApiToken | None:
        rows = self._rows("SELECT name, can_write, created_at FROM api_tokens "
                          "WHERE token_hash = %s", (token_hash,))
        return _token(rows[0]) if rows else None

    def revoke_token(self, name: str) -> bool:
        return bool(self._rows("DELETE FROM api_tokens WHERE name = %s RETURNING name", (name,)))


def _registered(row: Sequence[Any]) -> RegisteredSource:
    return RegisteredSource(id=int(row[0]), name=row[1], url=row[2],
                            created_at=from_pg_time(row[3]) or datetime.now(UTC))


def _token(row: Sequence[Any]) -> ApiToken:
    return ApiToken(name=row[0], can_write=bool(row[1]),
                    created_at=from_pg_time(row[2]) or datetime.now(UTC))
