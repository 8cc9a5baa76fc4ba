"""Dashboard and HTTP API queries for the SQLite store (used by ``babelwire.web``).

A mixin: :class:`~babelwire.store.sqlite.SQLiteStore` inherits these methods, which
use its connection and helpers. Kept apart so the core store stays small.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from babelwire.errors import QueryError, StoreError
from babelwire.records import SearchHit, StoredArticle, Story, Vector
from babelwire.store.base import (
    ApiToken,
    RegisteredSource,
    SourceHealth,
    StoryActivity,
    StoryMember,
)
from babelwire.store.sqlite_rows import ARTICLE_COLUMNS as _ARTICLE_COLUMNS
from babelwire.store.sqlite_rows import from_db_time, to_db_time

if TYPE_CHECKING:
    from collections.abc import Callable


class SQLiteWebQueries:
    """Queries behind the dashboard and the API, over ``self._db``."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    _in_tx: bool
    _article: Callable[[Sequence[Any]], StoredArticle]
    _stories: Callable[[str, Sequence[Any], int | None, int], list[Story]]

    _vector_lock = threading.Lock()
    _vector_ids: npt.NDArray[np.int64] | None = None
    _vector_matrix: npt.NDArray[np.float32] | None = None
    _vector_upto: int = 0

    def change_marker(self) -> tuple[int, ...]:
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        return (int(version), self._db.total_changes)

    def newest_article_time(self) -> datetime | None:
        row = self._db.execute(f"SELECT MAX({_TIME}) FROM articles a").fetchone()
        return from_db_time(row[0])

    def story_activity(self, *, lang: str | None = None, source: str | None = None,
                       since: datetime | None = None) -> list[StoryActivity]:
        where: list[str] = ["a.story_id IS NOT NULL"]
        params: list[Any] = []
        for clause, value in ((f"{_TIME} >= ?", to_db_time(since)), ("a.lang = ?", lang),
                              ("a.source = ?", source)):
            if value is not None:
                where.append(f"a.story_id IN (SELECT a.story_id FROM articles a WHERE {clause})")
                params.append(value)
        # Covered by the articles_story_activity index: no article row is read.
        rows = self._db.execute(
            f"SELECT a.story_id, {_TIME}, a.duplicate_of IS NULL, a.lang, a.source "
            f"FROM articles a WHERE {' AND '.join(where)} ORDER BY a.story_id", params,
        ).fetchall()
        titles: dict[int, str] = {}
        story_ids = sorted({r[0] for r in rows})
        for start in range(0, len(story_ids), 500):
            chunk = story_ids[start : start + 500]
            titles.update(self._db.execute(
                f"SELECT id, title FROM stories WHERE id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        found: list[StoryActivity] = []
        for story_id, members in itertools.groupby(rows, key=lambda r: r[0]):
            group = sorted(members, key=lambda r: r[1])
            times = tuple(datetime.fromisoformat(r[1]) for r in group)
            originals = [i for i, r in enumerate(group) if r[2]]
            found.append(StoryActivity(
                id=int(story_id), title=titles.get(story_id, ""), size=len(group),
                independent_size=len(originals),
                independent_sources=len({group[i][4] for i in originals}),
                languages=tuple(sorted({r[3] for r in group})),
                first_seen=times[0], last_seen=times[-1], times=times,
                original_times=tuple(times[i] for i in originals),
            ))
        return found

    def story_members(self, story_id: int) -> list[StoryMember]:
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, a.story_evidence, a.dup_reason, a.dup_similarity "
            "FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.story_id = ? "
            f"ORDER BY {_TIME}, a.id", (story_id,),
        ).fetchall()
        return [StoryMember(article=self._article(r[:16]), evidence=json.loads(r[16] or "{}"),
                            duplicate_reason=r[17], duplicate_similarity=r[18]) for r in rows]

    def articles_page(self, *, lang: str | None = None, source: str | None = None,
                      story_id: int | None = None, since: datetime | None = None,
                      until: datetime | None = None, before: tuple[datetime, int] | None = None,
                      limit: int = 50) -> list[StoredArticle]:
        where: list[str] = ["1"]
        params: list[Any] = []
        for clause, value in (("a.lang = ?", lang), ("a.source = ?", source),
                              ("a.story_id = ?", story_id), (f"{_TIME} >= ?", to_db_time(since)),
                              (f"{_TIME} < ?", to_db_time(until))):
            if value is not None:
                where.append(clause)
                params.append(value)
        if before is not None:
            where.append(f"({_TIME} < ? OR ({_TIME} = ? AND a.id < ?))")
            stamp = to_db_time(before[0])
            params.extend([stamp, stamp, before[1]])
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            f"ON d.id = a.duplicate_of WHERE {' AND '.join(where)} "
            f"ORDER BY {_TIME} DESC, a.id DESC LIMIT ?", [*params, limit],
        )
        return [self._article(r) for r in rows]

    def articles_by_ids(self, ids: Sequence[int]) -> list[StoredArticle]:
        wanted = list(dict.fromkeys(int(i) for i in ids))
        found: dict[int, StoredArticle] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
                f"ON d.id = a.duplicate_of WHERE a.id IN ({','.join('?' * len(chunk))})", chunk)
            found.update((r[0], self._article(r)) for r in rows)
        return [found[i] for i in wanted if i in found]

    def stories_by_ids(self, ids: Sequence[int]) -> list[Story]:
        wanted = list(dict.fromkeys(int(i) for i in ids))[:500]
        if not wanted:
            return []
        found = {s.id: s for s in self._stories(
            f"WHERE s.id IN ({','.join('?' * len(wanted))})", wanted, None, 0)}
        return [found[i] for i in wanted if i in found]

    def _vectors(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Embeddings of original articles, loaded once and extended with newer rows."""
        with self._vector_lock:
            newest = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0]
            if self._vector_ids is None or newest < self._vector_upto:  # first use, or shrunk
                self._vector_ids, self._vector_matrix, self._vector_upto = (
                    np.zeros(0, dtype=np.int64), None, 0)
            if newest > self._vector_upto:
                rows = self._db.execute(
                    "SELECT id, embedding FROM articles WHERE id > ? AND embedding IS NOT NULL "
                    "AND duplicate_of IS NULL ORDER BY id", (self._vector_upto,)).fetchall()
                if rows:
                    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
                    block = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
                    old = self._vector_matrix
                    self._vector_matrix = block if old is None else np.vstack([old, block])
                    self._vector_ids = np.concatenate([self._vector_ids, ids])
                self._vector_upto = int(newest)
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
        titles = {r[0]: (r[1], r[2]) for r in self._db.execute(
            f"SELECT id, url, title FROM articles WHERE id IN ({','.join('?' * k)})",
            [int(ids[i]) for i in top])}
        return [SearchHit(article_id=int(ids[i]), url=titles[int(ids[i])][0],
                          title=titles[int(ids[i])][1], score=round(float(scores[i]), 4))
                for i in top if int(ids[i]) in titles]

    def language_counts(self) -> list[tuple[str, int]]:
        rows = self._db.execute("SELECT lang, COUNT(*) FROM articles GROUP BY lang "
                                "ORDER BY COUNT(*) DESC, lang")
        return [(r[0], int(r[1])) for r in rows]

    def sources_health(self, *, daily_since: datetime | None = None) -> list[SourceHealth]:
        daily: dict[str, dict[str, int]] = {}
        if daily_since is not None:
            for name, day, count in self._db.execute(
                    f"SELECT a.source, substr({_TIME}, 1, 10), COUNT(*) FROM articles a "
                    f"WHERE {_TIME} >= ? GROUP BY 1, 2", (to_db_time(daily_since),)):
                daily.setdefault(name, {})[day] = int(count)
        rows = self._db.execute(
            f"SELECT a.source, COUNT(*), SUM(a.duplicate_of IS NULL), MIN({_TIME}), "
            f"MAX({_TIME}), GROUP_CONCAT(DISTINCT a.lang) FROM articles a "
            "GROUP BY a.source ORDER BY a.source")
        return [SourceHealth(name=name, articles=int(n), originals=int(originals or 0),
                             languages=tuple(sorted((langs or "").split(","))),
                             first_article=from_db_time(first), last_article=from_db_time(last),
                             daily=daily.get(name, {}))
                for name, n, originals, first, last, langs in rows]

    def register_source(self, name: str, url: str) -> tuple[RegisteredSource, bool]:
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO sources (name, url, created_at) VALUES (?,?,?) "
                "ON CONFLICT(url) DO NOTHING", (name, url, to_db_time(datetime.now(UTC))))
            created = cur.rowcount == 1
            row = self._db.execute("SELECT id, name, url, created_at FROM sources WHERE url = ?",
                                   (url,)).fetchone()
        return _registered(row), created

    def registered_sources(self) -> list[RegisteredSource]:
        rows = self._db.execute("SELECT id, name, url, created_at FROM sources ORDER BY name, id")
        return [_registered(r) for r in rows]

    def add_token(self, name: str, token_hash: str, *, can_write: bool) -> ApiToken:
        now = datetime.now(UTC).replace(microsecond=0)
        with self._lock:
            try:
                self._db.execute(
                    "INSERT INTO api_tokens (name, token_hash, can_write, created_at) "
                    "VALUES (?,?,?,?)", (name, token_hash, int(can_write), to_db_time(now)))
            except sqlite3.IntegrityError as exc:
                raise StoreError(f"a token named {name!r} already exists; revoke it first "
                                 "or choose another name") from exc
        return ApiToken(name=name, can_write=can_write, created_at=now)

    def api_tokens(self) -> list[ApiToken]:
        rows = self._db.execute("SELECT name, can_write, created_at FROM api_tokens ORDER BY name")
        return [_token(r) for r in rows]

    def token_for_hash(self, token_hash: str) -> ApiToken | None:
        row = self._db.execute("SELECT name, can_write, created_at FROM api_tokens "
                               "WHERE token_hash = ?", (token_hash,)).fetchone()
        return None if row is None else _token(row)

    def revoke_token(self, name: str) -> bool:
        with self._lock:
            cur = self._db.execute("DELETE FROM api_tokens WHERE name = ?", (name,))
        return cur.rowcount > 0




_TIME = "COALESCE(a.published, a.fetched_at)"
"""An article's time: the expression the ``articles_time`` index is built on."""


def _registered(row: Sequence[Any]) -> RegisteredSource:
    return RegisteredSource(id=int(row[0]), name=row[1], url=row[2],
                            created_at=from_db_time(row[3]) or datetime.now(UTC))


def _token(row: Sequence[Any]) -> ApiToken:
    return ApiToken(name=row[0], can_write=bool(row[1]),
                    created_at=from_db_time(row[2]) or datetime.now(UTC))
