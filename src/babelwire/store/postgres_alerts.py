"""PostgreSQL storage of watchlists, alerts, the delivery outbox and the alert hooks' state.

The twin of :mod:`babelwire.store.sqlite_alerts` (same tables, migration
``0006_alerts`` in :mod:`babelwire.store.postgres_migrations`): same results,
orderings and tie-breaks. Lists and maps a watch keeps, and alert payloads, are
``json`` (the text as written, key order kept). Each write is one committed
transaction of its own; what the pipeline left open is committed first, as on
SQLite. Mixed into :class:`~babelwire.store.postgres.PostgresStore`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

import psycopg

from babelwire.alerts.records import (
    Alert,
    Delivery,
    DeliveryStatus,
    NewAlert,
    OutboxMessage,
    TimelinePoint,
    Watch,
)
from babelwire.errors import StoreError
from babelwire.records import StoredArticle
from babelwire.store.postgres_rows import (
    ARTICLE_COLUMNS,
    TIME,
    from_pg_time,
    pg_text,
    stored_article,
    to_pg_time,
)

_WATCH_COLUMNS = ("id, name, query, languages, sources, aliases, webhook_url, webhook_secret, "
                  "email, mode, digest_minutes, start_after, created_at, last_digest_at, "
                  "reasons")


def _watch(row: Sequence[Any]) -> Watch:
    aliases = {k: tuple(v) for k, v in (row[5] or {}).items()}
    return Watch(id=int(row[0]), name=row[1], query=row[2], languages=tuple(row[3]),
                 sources=tuple(row[4]), aliases=aliases, webhook_url=row[6],
                 webhook_secret=row[7], email=row[8], mode=row[9], digest_minutes=int(row[10]),
                 start_after=int(row[11]), created_at=from_pg_time(row[12]),
                 last_digest_at=from_pg_time(row[13]), reasons=tuple(row[14]))


def _time(value: datetime | None) -> datetime:
    found = from_pg_time(value)
    if found is None:  # pragma: no cover - NOT NULL columns
        raise StoreError("a stored alert time is missing")
    return found


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class PostgresAlertQueries:
    """The alert half of the PostgreSQL store (needs ``_rows`` and ``_transaction``)."""

    _rows: Callable[..., list[tuple[Any, ...]]]
    _one: Callable[..., tuple[Any, ...]]
    _transaction: Callable[[], AbstractContextManager[psycopg.Connection]]

    # -- watchlists -------------------------------------------------------
    def add_watch(self, watch: Watch) -> Watch:
        try:
            with self._transaction() as db:
                row = db.execute(
                    "INSERT INTO watchlists (name, query, languages, sources, aliases, "
                    "webhook_url, webhook_secret, email, mode, digest_minutes, start_after, "
                    "created_at, reasons) VALUES (%s, %s, %s::json, %s::json, %s::json, %s, %s, "
                    "%s, %s, %s, %s, %s, %s::json) RETURNING id",
                    (pg_text(watch.name), pg_text(watch.query), _json(list(watch.languages)),
                     _json(list(watch.sources)),
                     _json({k: list(v) for k, v in watch.aliases.items()}),
                     pg_text(watch.webhook_url), pg_text(watch.webhook_secret),
                     pg_text(watch.email), watch.mode, watch.digest_minutes, watch.start_after,
                     to_pg_time(watch.created_at), _json(list(watch.reasons)))).fetchone()
                watch_id = int(row[0]) if row else 0
        except psycopg.errors.UniqueViolation as exc:
            raise StoreError(f"a watchlist called {watch.name!r} exists already; "
                             "remove it first or pick another name") from exc
        rows = self._rows(f"SELECT {_WATCH_COLUMNS} FROM watchlists WHERE id = %s", (watch_id,))
        assert rows
        return _watch(rows[0])

    def watches(self) -> list[Watch]:
        rows = self._rows(f'SELECT {_WATCH_COLUMNS} FROM watchlists ORDER BY name COLLATE "C"')
        return [_watch(r) for r in rows]

    def watch(self, name: str) -> Watch | None:
        rows = self._rows(f"SELECT {_WATCH_COLUMNS} FROM watchlists WHERE name = %s",
                          (pg_text(name),))
        return _watch(rows[0]) if rows else None

    def remove_watch(self, name: str) -> bool:
        # Alerts, deliveries, their items and attempts go with it (ON DELETE CASCADE).
        with self._transaction() as db:
            cur = db.execute("DELETE FROM watchlists WHERE name = %s", (pg_text(name),))
            return cur.rowcount > 0

    def set_watch_digest_time(self, watch_id: int, at: datetime) -> None:
        with self._transaction() as db:
            db.execute("UPDATE watchlists SET last_digest_at = %s WHERE id = %s",
                       (to_pg_time(at), watch_id))

    # -- hook state and the articles hooks read ------------------------------
    def alert_state(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM alert_state WHERE key = %s", (pg_text(key),))
        return str(rows[0][0]) if rows else None

    def set_alert_state(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO alert_state (key, value) VALUES (%s, %s) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       (pg_text(key), pg_text(value)))

    def max_article_id(self) -> int:
        return int(self._one("SELECT COALESCE(MAX(id), 0) FROM articles")[0])

    def articles_after(self, article_id: int, *, limit: int) -> list[StoredArticle]:
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            "ON d.id = a.duplicate_of WHERE a.id > %s ORDER BY a.id LIMIT %s",
            (article_id, limit))
        return [stored_article(r) for r in rows]

    def entity_ids_by_article(self, article_ids: Sequence[int]) -> dict[int, set[int]]:
        found: dict[int, set[int]] = defaultdict(set)
        ids = list(dict.fromkeys(int(i) for i in article_ids))
        if ids:
            for aid, eid in self._rows("SELECT article_id, entity_id FROM entity_mentions "
                                       "WHERE article_id = ANY(%s)", (ids,)):
                found[int(aid)].add(int(eid))
        return dict(found)

    def entity_spellings(self) -> list[tuple[int, str]]:
        rows = self._rows(
            "SELECT id, name FROM (SELECT id, name FROM entities UNION "
            "SELECT entity_id, text FROM entity_variants WHERE count > 0) s "
            'ORDER BY id, name COLLATE "C"')
        return [(int(r[0]), str(r[1])) for r in rows]

    def story_timeline(self, story_id: int) -> list[TimelinePoint]:
        rows = self._rows(
            f"SELECT a.id, {TIME}, a.lang, a.source, a.duplicate_of FROM articles a "
            f"WHERE a.story_id = %s ORDER BY {TIME}, a.id", (story_id,))
        return [TimelinePoint(article_id=int(r[0]), time=_time(r[1]), lang=r[2], source=r[3],
                              original=r[4] is None) for r in rows]

    def originals_between(self, since: datetime, until: datetime, *,
                          exclude_story: int | None = None) -> Mapping[str, int]:
        rows = self._rows(
            f"SELECT a.lang, COUNT(*) FROM articles a WHERE a.duplicate_of IS NULL "
            f"AND {TIME} >= %s AND {TIME} < %s AND a.story_id IS DISTINCT FROM %s::bigint "
            'GROUP BY a.lang ORDER BY a.lang COLLATE "C"',
            (to_pg_time(since), to_pg_time(until), exclude_story))
        return {str(lang): int(n) for lang, n in rows}

    # -- alerts --------------------------------------------------------------
    def add_alert(self, alert: NewAlert) -> int | None:
        with self._transaction() as db:
            row = db.execute(
                "INSERT INTO alerts (watch_id, story_id, reason, detail, created_at, payload) "
                "VALUES (%s, %s, %s, %s, %s, %s::json) "
                "ON CONFLICT (watch_id, story_id, reason, detail) DO NOTHING RETURNING id",
                (alert.watch_id, alert.story_id, pg_text(alert.reason), pg_text(alert.detail),
                 to_pg_time(alert.created_at), _json(dict(alert.payload)))).fetchone()
        return int(row[0]) if row else None

    def alerts(self, *, watch_id: int | None = None, limit: int = 100,
               waiting: bool = False) -> list[Alert]:
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if watch_id is not None:
            where.append("al.watch_id = %s")
            params.append(watch_id)
        if waiting:
            where.append("al.batched_at IS NULL")
        rows = self._rows(
            "SELECT al.id, al.watch_id, w.name, al.story_id, al.reason, al.detail, "
            "al.created_at, al.payload, al.batched_at FROM alerts al "
            f"JOIN watchlists w ON w.id = al.watch_id WHERE {' AND '.join(where)} "
            "ORDER BY al.id DESC LIMIT %s", [*params, limit])
        statuses: dict[int, list[DeliveryStatus]] = defaultdict(list)
        ids = [int(r[0]) for r in rows]
        if ids:
            for aid, channel, target, status, attempts, error in self._rows(
                    "SELECT i.alert_id, d.channel, d.target, d.status, d.attempts, d.last_error "
                    "FROM alert_delivery_items i JOIN alert_deliveries d ON d.id = i.delivery_id "
                    "WHERE i.alert_id = ANY(%s) ORDER BY d.id", (ids,)):
                statuses[int(aid)].append(DeliveryStatus(
                    channel=channel, target=target, status=status, attempts=int(attempts),
                    last_error=error))
        return [Alert(id=int(r[0]), watch_id=int(r[1]), watch=r[2], story_id=int(r[3]),
                      reason=r[4], detail=r[5], created_at=_time(r[6]), payload=r[7],
                      batched_at=from_pg_time(r[8]), deliveries=tuple(statuses[int(r[0])]))
                for r in rows]

    def alerted_stories(self, watch_id: int, reason: str = "match") -> set[int]:
        rows = self._rows("SELECT story_id FROM alerts WHERE watch_id = %s AND reason = %s",
                          (watch_id, reason))
        return {int(r[0]) for r in rows}

    # -- the outbox ------------------------------------------------------------
    def enqueue_deliveries(self, *, watch_id: int, messages: Sequence[OutboxMessage],
                           alert_ids: Sequence[int], at: datetime) -> list[int]:
        ids: list[int] = []
        stamp = to_pg_time(at)
        with self._transaction() as db, db.cursor() as cur:
            for m in messages:
                row = cur.execute(
                    "INSERT INTO alert_deliveries (watch_id, channel, target, subject, body, "
                    "next_attempt_at, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                    "RETURNING id",
                    (watch_id, pg_text(m.channel), pg_text(m.target), pg_text(m.subject),
                     pg_text(m.body), stamp, stamp)).fetchone()
                delivery_id = int(row[0]) if row else 0
                ids.append(delivery_id)
                cur.executemany("INSERT INTO alert_delivery_items (delivery_id, alert_id) "
                                "VALUES (%s, %s) ON CONFLICT DO NOTHING",
                                [(delivery_id, a) for a in alert_ids])
            cur.executemany("UPDATE alerts SET batched_at = %s "
                            "WHERE id = %s AND batched_at IS NULL",
                            [(stamp, a) for a in alert_ids])
        return ids

    def mark_batched(self, alert_ids: Sequence[int], at: datetime) -> None:
        with self._transaction() as db, db.cursor() as cur:
            cur.executemany("UPDATE alerts SET batched_at = %s "
                            "WHERE id = %s AND batched_at IS NULL",
                            [(to_pg_time(at), a) for a in alert_ids])

    def due_deliveries(self, at: datetime, *, limit: int = 100) -> list[Delivery]:
        rows = self._rows(
            "SELECT id, watch_id, channel, target, subject, body, status, attempts, "
            "next_attempt_at, last_error, created_at FROM alert_deliveries "
            "WHERE status = 'pending' AND next_attempt_at <= %s ORDER BY next_attempt_at, id "
            "LIMIT %s", (to_pg_time(at), limit))
        return [Delivery(id=int(r[0]), watch_id=int(r[1]), channel=r[2], target=r[3],
                         subject=r[4], body=r[5], status=r[6], attempts=int(r[7]),
                         next_attempt_at=_time(r[8]), last_error=r[9], created_at=_time(r[10]))
                for r in rows]

    def record_attempt(self, delivery_id: int, at: datetime, *, error: str | None,
                       next_attempt_at: datetime | None) -> None:
        stamp = to_pg_time(at)
        error = pg_text(error)
        with self._transaction() as db:
            db.execute("INSERT INTO alert_attempts (delivery_id, at, ok, error) "
                       "VALUES (%s, %s, %s, %s)", (delivery_id, stamp, error is None, error))
            if error is None:
                db.execute("UPDATE alert_deliveries SET status = 'sent', attempts = attempts + 1, "
                           "sent_at = %s, last_error = NULL WHERE id = %s", (stamp, delivery_id))
            elif next_attempt_at is None:
                db.execute("UPDATE alert_deliveries SET status = 'failed', "
                           "attempts = attempts + 1, last_error = %s WHERE id = %s",
                           (error, delivery_id))
            else:
                db.execute("UPDATE alert_deliveries SET attempts = attempts + 1, "
                           "last_error = %s, next_attempt_at = %s WHERE id = %s",
                           (error, to_pg_time(next_attempt_at), delivery_id))

    def delivery_attempts(self, delivery_id: int) -> list[tuple[datetime, bool, str | None]]:
        rows = self._rows("SELECT at, ok, error FROM alert_attempts WHERE delivery_id = %s "
                          "ORDER BY id", (delivery_id,))
        return [(_time(at), bool(ok), error) for at, ok, error in rows]

    def entity_coverage(self, entity_ids: Sequence[int], since: datetime) -> Mapping[str, int]:
        ids = list(dict.fromkeys(int(i) for i in entity_ids))
        if not ids:
            return {}
        rows = self._rows(
            "SELECT a.lang, COUNT(DISTINCT a.id) FROM entity_mentions m JOIN articles a "
            f"ON a.id = m.article_id WHERE m.entity_id = ANY(%s) AND {TIME} >= %s "
            'GROUP BY a.lang ORDER BY 2 DESC, a.lang COLLATE "C"', (ids, to_pg_time(since)))
        return {str(lang): int(n) for lang, n in rows}
