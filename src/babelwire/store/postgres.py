"""PostgreSQL implementation of :class:`~babelwire.store.base.Store`, for shared deployments.

Opened by :func:`babelwire.store.open_store` with a ``postgresql://`` URL. One
connection per store object, in autocommit mode, with explicit ``BEGIN`` /
``COMMIT`` around writes so transactions match the SQLite store's: a batch is
all or nothing, and a story made by :meth:`new_story` is committed with the
next batch. Migrations live in :mod:`babelwire.store.postgres_migrations`;
dashboard queries in :mod:`babelwire.store.postgres_web`; entities in
:mod:`babelwire.store.postgres_entities`; entity pages in
:mod:`babelwire.store.postgres_entity_pages`; the monitor's poll state in
:mod:`babelwire.store.postgres_monitor`; watchlists and alerts in
:mod:`babelwire.store.postgres_alerts`. Results, orderings and tie-breaks
match the SQLite store; search scores differ (``ts_rank`` instead of BM25).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from typing import Any

import numpy as np
import psycopg

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
from babelwire.store import postgres_entities
from babelwire.store.base import (
    ArticleWrite,
    ClusterMember,
    Store,
    article_time_window,
    lexical_counts,
    story_successor_sql,
)
from babelwire.store.fts_query import parse_query
from babelwire.store.postgres_alerts import PostgresAlertQueries
from babelwire.store.postgres_entity_pages import PostgresEntityPages
from babelwire.store.postgres_migrations import MIGRATIONS
from babelwire.store.postgres_monitor import PostgresMonitorState
from babelwire.store.postgres_rows import (
    ARTICLE_COLUMNS,
    TIME,
    from_pg_time,
    pg_text,
    redact,
    stored_article,
    to_pg_time,
)
from babelwire.store.postgres_search import to_substring_sql, to_tsquery_sql
from babelwire.store.postgres_web import PostgresWebQueries

MIGRATION_LOCK = 0x62616265_6C776972
"""Advisory lock key held while migrating ("babelwir" in ASCII)."""


class PostgresStore(PostgresAlertQueries, PostgresWebQueries, PostgresEntityPages,
                    PostgresMonitorState, Store):
    """A babelwire database in PostgreSQL, named by a ``postgresql://`` URL."""

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        self.url = redact(url)
        self._dsn = url
        self._connect_timeout = connect_timeout
        self._db = self._connect()
        self._lock = threading.RLock()
        self._in_tx = False
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._db.close()
            raise StoreError(f"cannot open database {self.url}: {str(exc).strip()}") from exc
        except StoreError:
            self._db.close()
            raise

    # -- lifecycle -------------------------------------------------------
    def _connect(self) -> psycopg.Connection:
        try:
            db = psycopg.connect(self._dsn, autocommit=True,
                                 connect_timeout=self._connect_timeout)
            db.execute("SET TIME ZONE 'UTC'")
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {self.url}: "
                             f"{str(exc).strip()}") from exc
        return db

    def _migrate(self) -> None:
        known = [name for name, _ in MIGRATIONS]
        self._db.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                             "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
            applied = {r[0] for r in self._db.execute("SELECT name FROM schema_migrations")}
            unknown = applied - set(known)
            if unknown:
                raise StoreError(
                    f"database {self.url} has migrations this babelwire does not know "
                    f"({', '.join(sorted(unknown))}): upgrade babelwire")
            for name, script in MIGRATIONS:
                if name in applied:
                    continue
                with self._db.transaction():
                    self._db.execute(script.encode())
                    self._db.execute("INSERT INTO schema_migrations VALUES (%s, %s)",
                                     (name, datetime.now(UTC)))
                applied.add(name)
        finally:
            self._db.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))

    @property
    def schema_version(self) -> int:
        return int(self._one("SELECT COUNT(*) FROM schema_migrations")[0])

    def close(self) -> None:
        with self._lock:
            if self._db.closed:
                return
            try:
                if self._in_tx:
                    self._finish(True)
            finally:
                self._db.close()

    def _begin(self) -> None:
        if not self._in_tx:
            if self._db.broken:  # dropped since the last call; nothing pending is lost
                self._db = self._connect()
            self._db.execute("BEGIN")
            self._in_tx = True

    def commit(self) -> None:
        with self._lock:
            if self._in_tx:
                self._finish(True)

    def rollback(self) -> None:
        with self._lock:
            if self._in_tx:
                self._finish(False)

    def _finish(self, ok: bool) -> None:
        """Commit (``ok``) or roll back the open transaction."""
        self._in_tx = False
        if not ok and self._db.broken:
            return  # the server dropped the transaction with the connection
        self._db.execute("COMMIT" if ok else "ROLLBACK")

    @contextmanager
    def _statements(self) -> Iterator[psycopg.Connection]:
        """Statements that take effect together where the SQLite store runs them: inside
        the transaction the pipeline holds open (under a savepoint, so a failure undoes
        them alone), else in a committed transaction of their own."""
        with self._lock, ExitStack() as stack:
            self._enter_transaction(stack)
            yield self._db

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection]:
        """One committed transaction of its own; what the pipeline left open is committed
        first (the SQLite store's alert writes do the same)."""
        with self._lock, ExitStack() as stack:
            if self._in_tx:
                self._finish(True)
            self._enter_transaction(stack)
            yield self._db

    def _enter_transaction(self, stack: ExitStack) -> None:
        """Start a transaction (a savepoint inside the open one). Outside a transaction,
        a connection found dropped at the start is opened again: nothing was pending."""
        try:
            stack.enter_context(self._db.transaction())
        except psycopg.OperationalError:
            if self._in_tx or not self._db.broken:
                if self._db.broken:  # the open transaction went with the connection
                    self._in_tx = False
                raise
            self._db = self._connect()
            stack.enter_context(self._db.transaction())

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql.encode(), params).fetchall()
            except psycopg.OperationalError:
                # A server restart or a dropped connection: outside a transaction,
                # nothing is lost by connecting again and asking once more.
                if not self._db.broken:
                    raise
                lost, self._in_tx = self._in_tx, False
                if lost:
                    raise
                self._db = self._connect()
                return self._db.execute(sql.encode(), params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        rows = self._rows(sql, params)
        if not rows:
            raise StoreError(f"query returned no row: {sql}")
        return rows[0]

    # -- lookups ---------------------------------------------------------
    def known_urls(self, canonical_urls: Sequence[str]) -> set[str]:
        urls = list(dict.fromkeys(canonical_urls))
        if not urls:
            return set()
        rows = self._rows("SELECT canonical_url FROM articles WHERE canonical_url = ANY(%s)",
                          (urls,))
        return {r[0] for r in rows}

    def find_by_hash(self, content_hash: str) -> int | None:
        rows = self._rows("SELECT id FROM articles WHERE content_hash = %s ORDER BY id LIMIT 1",
                          (content_hash,))
        return int(rows[0][0]) if rows else None

    def iter_minhashes(self, *, since: datetime | None = None,
                       until: datetime | None = None) -> Iterator[tuple[int, tuple[int, ...]]]:
        where = ["duplicate_of IS NULL", "minhash IS NOT NULL"]
        params: list[Any] = []
        article_time_window(where, params, since, until, mark="%s", convert=to_pg_time)
        rows = self._rows(
            f"SELECT id, minhash FROM articles WHERE {' AND '.join(where)} ORDER BY id",
            tuple(params))
        for article_id, blob in rows:
            yield int(article_id), tuple(int(x) for x in np.frombuffer(blob, dtype=np.uint64))

    def iter_cluster_members(self, *, since: datetime | None = None,
                             until: datetime | None = None,
                             story_ids: Collection[int] | None = None) -> Iterator[ClusterMember]:
        where = ["embedding IS NOT NULL", "story_id IS NOT NULL"]
        params: list[Any] = []
        article_time_window(where, params, since, until, mark="%s", convert=to_pg_time)
        if story_ids is not None:
            where.append("story_id = ANY(%s)")
            params.append(sorted(set(story_ids)))
        rows = self._rows(
            "SELECT id, story_id, published, fetched_at, lang, title, text, embedding, "
            f"duplicate_of FROM articles WHERE {' AND '.join(where)} ORDER BY id", params)
        for aid, sid, published, fetched, lang, title, text, blob, dup in rows:
            yield ClusterMember(
                id=int(aid), story_id=int(sid),
                published=from_pg_time(published) or from_pg_time(fetched),
                lang=lang, title=title, text=text,
                embedding=np.frombuffer(blob, dtype=np.float32).copy(),
                duplicate_of=None if dup is None else int(dup),
            )

    def lexical_frequencies(self) -> tuple[int, list[int], list[int]]:
        rows = self._rows("SELECT bucket, documents FROM lexical_frequencies ORDER BY bucket")
        return lexical_counts(rows)

    def add_lexical_frequencies(self, documents: int, buckets: Sequence[int],
                                counts: Sequence[int]) -> None:
        # buckets in ascending order (-1 first), so two writers lock rows in one order
        ids = [-1, *map(int, buckets)]
        values = [int(documents), *map(int, counts)]
        order = sorted(range(len(ids)), key=ids.__getitem__)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO lexical_frequencies (bucket, documents) "
                "SELECT * FROM unnest(%s::integer[], %s::bigint[]) ORDER BY 1 "
                "ON CONFLICT (bucket) DO UPDATE "
                "SET documents = lexical_frequencies.documents + excluded.documents",
                ([ids[i] for i in order], [values[i] for i in order]))

    def new_story(self, title: str, at: datetime | None) -> int:
        with self._lock:
            self._begin()
            try:
                row = self._db.execute(
                    "INSERT INTO stories (title, created_at, first_seen, last_seen) "
                    "VALUES (%s, %s, %s, %s) RETURNING id",
                    (pg_text(title), to_pg_time(datetime.now(UTC)), to_pg_time(at),
                     to_pg_time(at)),
                ).fetchone()
            except psycopg.OperationalError:
                if self._db.broken:  # the open transaction went with the connection
                    self._in_tx = False
                raise
            return int(row[0]) if row else 0

    def story_of(self, article_id: int) -> int | None:
        rows = self._rows("SELECT story_id FROM articles WHERE id = %s", (article_id,))
        return None if not rows or rows[0][0] is None else int(rows[0][0])

    def merge_stories(self, source: int, target: int, evidence: Mapping[str, Any]) -> None:
        note = {"merged_from": source, **dict(evidence)}
        with self._lock:
            self._begin()
            ok = False
            try:
                # Evidence is json (not jsonb) to keep its key order; add "merge" in Python.
                moved = self._db.execute(
                    "SELECT id, story_evidence FROM articles WHERE story_id = %s FOR UPDATE",
                    (source,)).fetchall()
                with self._db.cursor() as cur:
                    cur.executemany(
                        "UPDATE articles SET story_id = %s, story_evidence = %s::json "
                        "WHERE id = %s",
                        [(target, json.dumps({**(ev or {}), "merge": note}, ensure_ascii=False),
                          aid) for aid, ev in moved])
                self._db.execute(
                    "UPDATE stories SET first_seen = (SELECT MIN(first_seen) FROM stories "
                    "WHERE id IN (%s, %s)), last_seen = (SELECT MAX(last_seen) FROM stories "
                    "WHERE id IN (%s, %s)) WHERE id = %s", (source, target, source, target, target))
                self._db.execute("UPDATE stories SET merged_into = %s WHERE id = %s",
                                 (target, source))
                ok = True
            finally:
                self._finish(ok)

    # -- writing ---------------------------------------------------------
    def write_batch(self, writes: Sequence[ArticleWrite]) -> list[int]:
        with self._lock:
            self._begin()
            ok = False
            try:
                # One round trip for the batch: pipeline mode sends every statement,
                # then the ids are read back.
                with self._db.pipeline():
                    cursors = [self._insert(w) for w in writes]
                ids = []
                for cur in cursors:
                    row = cur.fetchone()
                    ids.append(int(row[0]) if row else 0)
                ok = True
            finally:
                self._finish(ok)
        return ids

    def _insert(self, w: ArticleWrite) -> psycopg.Cursor[tuple[Any, ...]]:
        """Queue one article's insert and its story's time update; the cursor yields its id."""
        e = w.enriched
        a = e.article
        emb = None if e.embedding is None else np.asarray(e.embedding, dtype=np.float32).tobytes()
        minhash = np.asarray(e.dedup.minhash, dtype=np.uint64).tobytes()
        cur = self._db.execute(
            "INSERT INTO articles (url, canonical_url, title, text, source, author, site, lang, "
            "lang_confidence, published, fetched_at, location, doc_id, content_hash, minhash, "
            "duplicate_of, dup_reason, dup_similarity, story_id, story_score, story_evidence, "
            "embedding, metadata) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
            "%s, %s, %s, %s, %s, %s, %s, %s::json, %s, %s::json) RETURNING id",
            (
                pg_text(a.url), pg_text(a.canonical_url), pg_text(a.title), pg_text(a.text),
                pg_text(a.source), pg_text(a.author), pg_text(a.site), e.language.code,
                e.language.confidence, to_pg_time(a.published), to_pg_time(a.fetched_at),
                pg_text(a.location), pg_text(a.doc_id), e.dedup.content_hash, minhash,
                e.dedup.duplicate_of, e.dedup.reason, e.dedup.similarity, w.story_id,
                w.story_score, json.dumps(dict(w.story_evidence), ensure_ascii=False), emb,
                json.dumps(dict(a.metadata), ensure_ascii=False, default=str),
            ),
        )
        seen = to_pg_time(a.published or a.fetched_at)
        self._db.execute(
            "UPDATE stories SET first_seen = LEAST(first_seen, %s), "
            "last_seen = GREATEST(last_seen, %s) WHERE id = %s",
            (seen, seen, w.story_id))
        return cur

    # -- HTTP validators -------------------------------------------------
    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        rows = self._rows("SELECT etag, last_modified FROM http_validators WHERE url = %s",
                          (url,))
        return (None, None) if not rows else (rows[0][0], rows[0][1])

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self._rows(
            "INSERT INTO http_validators (url, etag, last_modified, updated_at) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, updated_at = excluded.updated_at "
            "RETURNING url",
            (pg_text(url), pg_text(etag), pg_text(last_modified),
             to_pg_time(datetime.now(UTC))))

    # -- queries ---------------------------------------------------------
    def _article(self, row: Sequence[Any]) -> StoredArticle:
        return stored_article(row)

    def articles(self, *, story_id: int | None = None, limit: int | None = None,
                 offset: int = 0) -> list[StoredArticle]:
        where, params = ("WHERE a.story_id = %s", [story_id]) if story_id is not None else ("", [])
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            f"ON d.id = a.duplicate_of {where} ORDER BY {TIME}, a.id LIMIT %s OFFSET %s",
            [*params, limit, offset])
        return [stored_article(r) for r in rows]

    def article(self, article_id: int) -> StoredArticle | None:
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            "ON d.id = a.duplicate_of WHERE a.id = %s", (article_id,))
        return stored_article(rows[0]) if rows else None

    def _stories(self, where: str, params: Sequence[Any], limit: int | None,
                 offset: int) -> list[Story]:
        rows = self._rows(
            "SELECT s.id, s.title, s.first_seen, s.last_seen, COUNT(a.id), "
            "COUNT(a.id) FILTER (WHERE a.duplicate_of IS NULL), array_agg(DISTINCT a.lang) "
            f"FROM stories s JOIN articles a ON a.story_id = s.id {where} GROUP BY s.id "
            "ORDER BY 6 DESC, s.last_seen DESC NULLS LAST, s.id LIMIT %s OFFSET %s",
            [*params, limit, offset])
        ids = [int(r[0]) for r in rows]
        urls: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            for sid, url in self._rows(
                    f"SELECT a.story_id, a.url FROM articles a WHERE a.story_id = ANY(%s) "
                    f"ORDER BY {TIME}, a.id", (ids,)):
                urls[int(sid)].append(url)
        return [Story(id=int(sid), title=title, languages=tuple(sorted(langs or ())),
                      size=int(size), independent_size=int(independent or 0),
                      first_seen=from_pg_time(first), last_seen=from_pg_time(last),
                      article_urls=tuple(urls[int(sid)]))
                for sid, title, first, last, size, independent, langs in rows]

    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]:
        return self._stories("", (), limit, offset)

    def story(self, story_id: int) -> Story | None:
        found = self._stories("WHERE s.id = %s", (story_id,), 1, 0)
        return found[0] if found else None

    def story_successor(self, story_id: int) -> int | None:
        rows = self._rows(story_successor_sql("%s"), (story_id,))
        return None if not rows else int(rows[0][0])

    def search_text(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        parsed = parse_query(query)
        try:
            if parsed.cjk:
                # 'simple' does not split Chinese or Japanese into words: match substrings
                # (served by the pg_trgm index when there is one).
                cond = to_substring_sql(parsed)
                rows = self._rows(
                    f"SELECT a.id, a.url, a.title, 1.0 FROM articles a WHERE {cond.sql} "
                    "ORDER BY a.id LIMIT %s", [*cond.params, limit])
            else:
                tsq = to_tsquery_sql(parsed)
                rows = self._rows(
                    f"SELECT a.id, a.url, a.title, ts_rank(a.fts, q) AS score "
                    f"FROM articles a, (SELECT {tsq.sql} AS q) tsq WHERE a.fts @@ q "
                    "ORDER BY score DESC, a.id LIMIT %s", [*tsq.params, limit])
        except psycopg.errors.SyntaxError as exc:
            raise QueryError(f"cannot run query {query!r}: {str(exc).strip()}") from exc
        return [SearchHit(article_id=int(r[0]), url=r[1], title=r[2], score=round(float(r[3]), 4))
                for r in rows]

    def counts(self) -> Mapping[str, int]:
        row = self._one(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE duplicate_of IS NOT NULL), "
            "COUNT(DISTINCT story_id), COUNT(DISTINCT lang), COUNT(DISTINCT source) "
            "FROM articles")
        return {"articles": int(row[0]), "duplicates": int(row[1] or 0), "stories": int(row[2]),
                "languages": int(row[3]), "sources": int(row[4])}

    # -- entities (store/postgres_entities.py) -----------------------------
    def write_entities(self, found: ArticleEntities) -> None:
        with self._lock:
            self._begin()
            ok = False
            try:
                postgres_entities.write_entities(self._db, found)
                ok = True
            except psycopg.IntegrityError as exc:
                raise EntityConflict(f"entities of article {found.article_id}: {exc}") from exc
            finally:
                self._finish(ok)

    def clear_entities(self) -> None:
        with self._lock:
            self._begin()
            ok = False
            try:
                postgres_entities.clear_entities(self._db)
                ok = True
            finally:
                self._finish(ok)

    def iter_entity_variants(self) -> Iterator[StoredVariant]:
        with self._lock:
            return postgres_entities.iter_entity_variants(self._db)

    def iter_article_entities(self) -> Iterator[tuple[tuple[int, ...], int | None]]:
        with self._lock:
            return postgres_entities.iter_article_entities(self._db)

    def entities(self, *, kind: str | None = None, limit: int | None = None,
                 min_articles: int = 1) -> list[EntitySummary]:
        with self._lock:
            return postgres_entities.entities(self._db, kind=kind, limit=limit,
                                              min_articles=min_articles)

    def article_mentions(self, article_id: int) -> list[Mention]:
        with self._lock:
            return postgres_entities.article_mentions(self._db, article_id)

    def article_dates(self, article_id: int) -> list[TextDate]:
        with self._lock:
            return postgres_entities.article_dates(self._db, article_id)

    def entity_directory(self) -> Iterator[tuple[int, str, str | None]]:
        with self._lock:
            return postgres_entities.entity_directory(self._db)

    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, list[int]]:
        with self._lock:
            return postgres_entities.entity_ids_for_keys(self._db, keys)

    def entity_rows(self, ids: Sequence[int]) -> tuple[list[EntityRecord],
                                                       list[StoredVariant]]:
        with self._lock:
            return postgres_entities.entity_rows(self._db, ids)

    def entity_contexts(self, ids: Sequence[int], *,
                        articles: int) -> dict[int, EntityContext]:
        with self._lock:
            return postgres_entities.entity_contexts(self._db, ids, articles=articles)

    def entity_keys_state(self) -> str | None:
        with self._lock:
            return postgres_entities.entity_keys_state(self._db)

    def replace_entity_keys(self, rows: Iterable[tuple[str, int]], state: str) -> None:
        with self._transaction() as db:
            postgres_entities.replace_entity_keys(db, rows, state)

    def entity_for_canonical(self, canonical: str) -> int | None:
        with self._lock:
            return postgres_entities.entity_for_canonical(self._db, canonical)

    def reserve_entity_ids(self, count: int) -> int:
        with self._transaction() as db:  # committed at once: other writers see the counter
            return postgres_entities.reserve_entity_ids(db, count)

    def entity_successor(self, entity_id: int) -> int | None:
        with self._lock:
            return postgres_entities.entity_successor(self._db, entity_id)

    def next_entity_id(self) -> int:
        with self._lock:
            return postgres_entities.next_entity_id(self._db)

