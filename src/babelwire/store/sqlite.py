"""SQLite implementation of :class:`~babelwire.store.base.Store`.

WAL mode, one writing connection (this object), migrations by ``PRAGMA
user_version``, two FTS5 indexes kept in sync by triggers: ``unicode61
remove_diacritics 2`` for word search and ``trigram`` for Chinese and Japanese.
Times are stored as ISO-8601 UTC text and come back as aware datetimes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from babelwire.errors import EntityConflict, QueryError, StoreError
from babelwire.records import SearchHit, StoredArticle, Story
from babelwire.stages.entities_records import (
    ArticleEntities,
    EntityContext,
    EntityRecord,
    EntitySummary,
    Mention,
    StoredVariant,
    TextDate,
)
from babelwire.store import sqlite_entities
from babelwire.store.base import (
    ArticleWrite,
    ClusterMember,
    Store,
    article_time_window,
    lexical_counts,
    story_successor_sql,
)
from babelwire.store.fts_query import parse_query
from babelwire.store.migrations import MIGRATIONS
from babelwire.store.sqlite_alerts import SQLiteAlertQueries
from babelwire.store.sqlite_entity_pages import SQLiteEntityPages
from babelwire.store.sqlite_monitor import SQLiteMonitorState
from babelwire.store.sqlite_rows import ARTICLE_COLUMNS as _ARTICLE_COLUMNS
from babelwire.store.sqlite_rows import from_db_time, to_db_time
from babelwire.store.sqlite_web import SQLiteWebQueries


class SQLiteStore(SQLiteAlertQueries, SQLiteWebQueries, SQLiteEntityPages, SQLiteMonitorState,
                  Store):
    """A babelwire database in one SQLite file (``":memory:"`` for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            try:
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder for database {self.path}: {exc}") from exc
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._lock = threading.RLock()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self._in_tx = False

    # -- lifecycle -------------------------------------------------------
    def _migrate(self) -> None:
        known = [name for name, _ in MIGRATIONS]
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied = {r[0] for r in self._db.execute("SELECT name FROM schema_migrations")}
        unknown = applied - set(known)
        if unknown:
            raise StoreError(
                f"database {self.path} has migrations this babelwire does not know "
                f"({', '.join(sorted(unknown))}): upgrade babelwire"
            )
        for name, script in MIGRATIONS:
            if name in applied:
                continue
            stamp = to_db_time(datetime.now(UTC))
            self._db.executescript(
                f"BEGIN;\n{script}\nINSERT INTO schema_migrations VALUES ('{name}', '{stamp}');\n"
                f"PRAGMA user_version={len(applied) + 1};\nCOMMIT;"
            )
            applied.add(name)

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._in_tx:
                self._db.execute("COMMIT")
                self._in_tx = False
            self._db.close()

    def _begin(self) -> None:
        if not self._in_tx:
            self._db.execute("BEGIN IMMEDIATE")
            self._in_tx = True

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write under the lock: committed at the end, rolled back on any error."""
        with self._lock:
            self._begin()
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            finally:
                self._in_tx = False

    def commit(self) -> None:
        with self._lock:
            if self._in_tx:
                self._db.execute("COMMIT")
                self._in_tx = False

    def rollback(self) -> None:
        with self._lock:
            if self._in_tx:
                self._db.execute("ROLLBACK")
                self._in_tx = False

    # -- lookups ---------------------------------------------------------
    def known_urls(self, canonical_urls: Sequence[str]) -> set[str]:
        found: set[str] = set()
        urls = list(dict.fromkeys(canonical_urls))
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT canonical_url FROM articles WHERE canonical_url IN ({marks})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1", (content_hash,)
        ).fetchone()
        return None if row is None else int(row[0])

    def iter_minhashes(self, *, since: datetime | None = None,
                       until: datetime | None = None) -> Iterator[tuple[int, tuple[int, ...]]]:
        where = ["duplicate_of IS NULL", "minhash IS NOT NULL"]
        params: list[Any] = []
        article_time_window(where, params, since, until, mark="?", convert=to_db_time)
        rows = self._db.execute(
            f"SELECT id, minhash FROM articles WHERE {' AND '.join(where)} ORDER BY id", params
        ).fetchall()
        for article_id, blob in rows:
            yield int(article_id), tuple(int(x) for x in np.frombuffer(blob, dtype=np.uint64))

    def iter_cluster_members(self, *, since: datetime | None = None,
                             until: datetime | None = None,
                             story_ids: Collection[int] | None = None) -> Iterator[ClusterMember]:
        where = ["embedding IS NOT NULL", "story_id IS NOT NULL"]
        params: list[Any] = []
        article_time_window(where, params, since, until, mark="?", convert=to_db_time)
        sql = ("SELECT id, story_id, published, fetched_at, lang, title, text, embedding, "
               f"duplicate_of FROM articles WHERE {' AND '.join(where)}")
        if story_ids is None:
            rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        else:
            wanted = sorted(set(story_ids))
            rows = []
            for k in range(0, len(wanted), 500):
                chunk = wanted[k : k + 500]
                rows += self._db.execute(
                    f"{sql} AND story_id IN ({','.join('?' * len(chunk))})",
                    [*params, *chunk]).fetchall()
            rows.sort(key=lambda row: row[0])
        for aid, sid, published, fetched, lang, title, text, blob, dup in rows:
            yield ClusterMember(
                id=int(aid), story_id=int(sid),
                published=from_db_time(published) or from_db_time(fetched),
                lang=lang, title=title, text=text,
                embedding=np.frombuffer(blob, dtype=np.float32).copy(),
                duplicate_of=dup,
            )

    def lexical_frequencies(self) -> tuple[int, list[int], list[int]]:
        rows = self._db.execute(
            "SELECT bucket, documents FROM lexical_frequencies ORDER BY bucket").fetchall()
        return lexical_counts(rows)

    def add_lexical_frequencies(self, documents: int, buckets: Sequence[int],
                                counts: Sequence[int]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT INTO lexical_frequencies (bucket, documents) VALUES (?, ?) "
                "ON CONFLICT(bucket) DO UPDATE SET documents = documents + excluded.documents",
                [(-1, int(documents)), *zip(map(int, buckets), map(int, counts), strict=True)])

    def new_story(self, title: str, at: datetime | None) -> int:
        with self._lock:
            self._begin()
            cur = self._db.execute(
                "INSERT INTO stories (title, created_at, first_seen, last_seen) VALUES (?,?,?,?)",
                (title, to_db_time(datetime.now(UTC)), to_db_time(at), to_db_time(at)),
            )
            return int(cur.lastrowid or 0)

    def story_of(self, article_id: int) -> int | None:
        row = self._db.execute("SELECT story_id FROM articles WHERE id=?", (article_id,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def merge_stories(self, source: int, target: int, evidence: Mapping[str, Any]) -> None:
        note = json.dumps({"merged_from": source, **dict(evidence)}, ensure_ascii=False)
        with self._transaction():
            self._db.execute(
                "UPDATE articles SET story_id = ?, story_evidence = json_set("
                "COALESCE(story_evidence, '{}'), '$.merge', json(?)) WHERE story_id = ?",
                (target, note, source))
            self._db.execute(
                "UPDATE stories SET first_seen = (SELECT MIN(first_seen) FROM stories "
                "WHERE id IN (?, ?)), last_seen = (SELECT MAX(last_seen) FROM stories "
                "WHERE id IN (?, ?)) WHERE id = ?", (source, target, source, target, target))
            self._db.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (target, source))

    # -- writing ---------------------------------------------------------
    def write_batch(self, writes: Sequence[ArticleWrite]) -> list[int]:
        ids: list[int] = []
        with self._transaction():
            for w in writes:
                ids.append(self._insert(w))
        return ids

    def _insert(self, w: ArticleWrite) -> int:
        e = w.enriched
        a = e.article
        emb = None if e.embedding is None else np.asarray(e.embedding, dtype=np.float32).tobytes()
        minhash = np.asarray(e.dedup.minhash, dtype=np.uint64).tobytes()
        cur = self._db.execute(
            "INSERT INTO articles (url, canonical_url, title, text, source, author, site, lang, "
            "lang_confidence, published, fetched_at, location, doc_id, content_hash, minhash, "
            "duplicate_of, dup_reason, dup_similarity, story_id, story_score, story_evidence, "
            "embedding, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.url, a.canonical_url, a.title, a.text, a.source, a.author, a.site,
                e.language.code, e.language.confidence, to_db_time(a.published),
                to_db_time(a.fetched_at), a.location, a.doc_id, e.dedup.content_hash, minhash,
                e.dedup.duplicate_of, e.dedup.reason, e.dedup.similarity, w.story_id,
                w.story_score, json.dumps(dict(w.story_evidence), ensure_ascii=False), emb,
                json.dumps(dict(a.metadata), ensure_ascii=False, default=str),
            ),
        )
        seen = to_db_time(a.published or a.fetched_at)
        self._db.execute(
            "UPDATE stories SET first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen "
            "THEN ? ELSE first_seen END, last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen "
            "THEN ? ELSE last_seen END WHERE id = ?",
            (seen, seen, seen, seen, w.story_id),
        )
        return int(cur.lastrowid or 0)

    # -- HTTP validators -------------------------------------------------
    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._db.execute(
            "SELECT etag, last_modified FROM http_validators WHERE url=?", (url,)
        ).fetchone()
        return (None, None) if row is None else (row[0], row[1])

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO http_validators (url, etag, last_modified, updated_at) "
                "VALUES (?,?,?,?) ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, "
                "last_modified=excluded.last_modified, updated_at=excluded.updated_at",
                (url, etag, last_modified, to_db_time(datetime.now(UTC))),
            )

    # -- queries ---------------------------------------------------------
    def _article(self, row: Sequence[Any]) -> StoredArticle:
        return StoredArticle(
            id=row[0], url=row[1], canonical_url=row[2], title=row[3], text=row[4],
            source=row[5], lang=row[6], lang_confidence=row[7],
            published=from_db_time(row[8]), fetched_at=from_db_time(row[9]) or datetime.now(UTC),
            story_id=row[10], story_score=row[11], duplicate_of=row[12], duplicate_of_url=row[13],
            content_hash=row[14], metadata=json.loads(row[15] or "{}"),
        )

    def articles(self, *, story_id: int | None = None, limit: int | None = None,
                 offset: int = 0) -> list[StoredArticle]:
        where, params = ("WHERE a.story_id = ?", [story_id]) if story_id is not None else ("", [])
        sql = (
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            f"ON d.id = a.duplicate_of {where} "
            "ORDER BY COALESCE(a.published, a.fetched_at), a.id LIMIT ? OFFSET ?"
        )
        rows = self._db.execute(sql, [*params, -1 if limit is None else limit, offset])
        return [self._article(r) for r in rows]

    def article(self, article_id: int) -> StoredArticle | None:
        row = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            "ON d.id = a.duplicate_of WHERE a.id = ?", (article_id,)
        ).fetchone()
        return None if row is None else self._article(row)

    def _stories(self, where: str, params: Sequence[Any], limit: int | None,
                 offset: int) -> list[Story]:
        rows = self._db.execute(
            "SELECT s.id, s.title, s.first_seen, s.last_seen, COUNT(a.id), "
            "SUM(a.duplicate_of IS NULL), GROUP_CONCAT(DISTINCT a.lang) "
            f"FROM stories s JOIN articles a ON a.story_id = s.id {where} GROUP BY s.id "
            "ORDER BY SUM(a.duplicate_of IS NULL) DESC, s.last_seen DESC, s.id "
            "LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else limit, offset],
        ).fetchall()
        stories = []
        for sid, title, first, last, size, independent, langs in rows:
            urls = tuple(
                r[0] for r in self._db.execute(
                    "SELECT url FROM articles WHERE story_id=? "
                    "ORDER BY COALESCE(published, fetched_at), id", (sid,)
                )
            )
            stories.append(Story(
                id=sid, title=title, languages=tuple(sorted((langs or "").split(","))),
                size=size, independent_size=int(independent or 0),
                first_seen=from_db_time(first), last_seen=from_db_time(last), article_urls=urls,
            ))
        return stories

    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]:
        return self._stories("", (), limit, offset)

    def story(self, story_id: int) -> Story | None:
        found = self._stories("WHERE s.id = ?", (story_id,), 1, 0)
        return found[0] if found else None

    def story_successor(self, story_id: int) -> int | None:
        row = self._db.execute(story_successor_sql("?"), (story_id,)).fetchone()
        return None if row is None else int(row[0])

    def search_text(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        parsed = parse_query(query)
        if parsed.cjk and any(len(t) < 3 for t in parsed.terms):
            # The trigram index needs three characters; scan for short CJK words.
            clauses = " AND ".join("(instr(title, ?) > 0 OR instr(text, ?) > 0)"
                                   for _ in parsed.terms)
            params: list[Any] = [t for term in parsed.terms for t in (term, term)]
            rows = self._db.execute(
                f"SELECT id, url, title, 1.0 FROM articles WHERE {clauses} "
                "ORDER BY id LIMIT ?", [*params, limit]
            ).fetchall()
        else:
            table = "articles_trigram" if parsed.cjk else "articles_fts"
            try:
                rows = self._db.execute(
                    f"SELECT a.id, a.url, a.title, -bm25({table}) AS score FROM {table} "
                    f"JOIN articles a ON a.id = {table}.rowid WHERE {table} MATCH ? "
                    "ORDER BY score DESC, a.id LIMIT ?",
                    (parsed.expression, limit),
                ).fetchall()
            except sqlite3.OperationalError as exc:
                raise QueryError(f"cannot run query {query!r}: {exc}") from exc
        return [SearchHit(article_id=r[0], url=r[1], title=r[2], score=round(float(r[3]), 4))
                for r in rows]

    def counts(self) -> Mapping[str, int]:
        row = self._db.execute(
            "SELECT COUNT(*), SUM(duplicate_of IS NOT NULL), COUNT(DISTINCT story_id), "
            "COUNT(DISTINCT lang), COUNT(DISTINCT source) FROM articles"
        ).fetchone()
        return {"articles": row[0], "duplicates": int(row[1] or 0), "stories": row[2],
                "languages": row[3], "sources": row[4]}

    # -- entities (store/sqlite_entities.py) ------------------------------
    def write_entities(self, found: ArticleEntities) -> None:
        try:
            with self._transaction():
                sqlite_entities.write_entities(self._db, found)
        except sqlite3.IntegrityError as exc:
            raise EntityConflict(f"entities of article {found.article_id}: {exc}") from exc

    def clear_entities(self) -> None:
        with self._transaction():
            sqlite_entities.clear_entities(self._db)

    def iter_entity_variants(self) -> Iterator[StoredVariant]:
        return sqlite_entities.iter_entity_variants(self._db)

    def iter_article_entities(self) -> Iterator[tuple[tuple[int, ...], int | None]]:
        return sqlite_entities.iter_article_entities(self._db)

    def entities(self, *, kind: str | None = None, limit: int | None = None,
                 min_articles: int = 1) -> list[EntitySummary]:
        return sqlite_entities.entities(self._db, kind=kind, limit=limit,
                                        min_articles=min_articles)

    def article_mentions(self, article_id: int) -> list[Mention]:
        return sqlite_entities.article_mentions(self._db, article_id)

    def article_dates(self, article_id: int) -> list[TextDate]:
        return sqlite_entities.article_dates(self._db, article_id)

    def entity_directory(self) -> Iterator[tuple[int, str, str | None]]:
        return sqlite_entities.entity_directory(self._db)

    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, list[int]]:
        return sqlite_entities.entity_ids_for_keys(self._db, keys)

    def entity_rows(self, ids: Sequence[int]) -> tuple[list[EntityRecord],
                                                       list[StoredVariant]]:
        return sqlite_entities.entity_rows(self._db, ids)

    def entity_contexts(self, ids: Sequence[int], *,
                        articles: int) -> dict[int, EntityContext]:
        return sqlite_entities.entity_contexts(self._db, ids, articles=articles)

    def entity_keys_state(self) -> str | None:
        return sqlite_entities.entity_keys_state(self._db)

    def replace_entity_keys(self, rows: Iterable[tuple[str, int]], state: str) -> None:
        with self._transaction():
            sqlite_entities.replace_entity_keys(self._db, rows, state)

    def entity_for_canonical(self, canonical: str) -> int | None:
        return sqlite_entities.entity_for_canonical(self._db, canonical)

    def reserve_entity_ids(self, count: int) -> int:
        with self._transaction():
            return sqlite_entities.reserve_entity_ids(self._db, count)

    def entity_successor(self, entity_id: int) -> int | None:
        return sqlite_entities.entity_successor(self._db, entity_id)

    def next_entity_id(self) -> int:
        return sqlite_entities.next_entity_id(self._db)

