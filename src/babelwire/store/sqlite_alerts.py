"""SQLite storage of watchlists, alerts, the delivery outbox and the alert hooks' state.

Tables (migration ``0006_alerts``): ``watchlists``; ``alerts`` with the unique key
(watch, story, reason, detail) that makes an alert happen once; ``alert_deliveries``
(the outbox: status, attempts, next attempt, last error) and ``alert_delivery_items``
(which alerts a message covers); ``alert_attempts`` (every attempt); ``alert_state``
(watermarks). Mixed into :class:`~babelwire.store.sqlite.SQLiteStore`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

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
from babelwire.store.sqlite_rows import ARTICLE_COLUMNS, from_db_time, to_db_time

_WATCH_COLUMNS = ("id, name, query, languages, sources, aliases, webhook_url, webhook_secret, "
                  "email, mode, digest_minutes, start_after, created_at, last_digest_at, "
                  "reasons")
_TIME = "COALESCE(a.published, a.fetched_at)"


def _watch(row: Sequence[Any]) -> Watch:
    aliases = {k: tuple(v) for k, v in json.loads(row[5] or "{}").items()}
    return Watch(id=row[0], name=row[1], query=row[2], languages=tuple(json.loads(row[3])),
                 sources=tuple(json.loads(row[4])), aliases=aliases, webhook_url=row[6],
                 webhook_secret=row[7], email=row[8], mode=row[9], digest_minutes=row[10],
                 start_after=row[11], created_at=from_db_time(row[12]),
                 last_digest_at=from_db_time(row[13]), reasons=tuple(json.loads(row[14])))


def _time(value: str | None) -> datetime:
    found = from_db_time(value)
    if found is None:  # pragma: no cover - NOT NULL columns
        raise StoreError("a stored alert time is missing")
    return found


class SQLiteAlertQueries:
    """The alert half of the SQLite store (needs ``_db``, ``_lock``, ``_in_tx``, ``_article``)."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    _in_tx: bool

    def _article(self, row: Sequence[Any]) -> StoredArticle:  # provided by SQLiteStore
        raise NotImplementedError

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction (joins none: commits what the pipeline left open first)."""
        with self._lock:
            if self._in_tx:
                self._db.execute("COMMIT")
                self._in_tx = False
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # -- watchlists -------------------------------------------------------
    def add_watch(self, watch: Watch) -> Watch:
        try:
            with self._write() as db:
                cur = db.execute(
                    "INSERT INTO watchlists (name, query, languages, sources, aliases, "
                    "webhook_url, webhook_secret, email, mode, digest_minutes, start_after, "
                    "created_at, reasons) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (watch.name, watch.query, json.dumps(list(watch.languages)),
                     json.dumps(list(watch.sources)),
                     json.dumps({k: list(v) for k, v in watch.aliases.items()},
                                ensure_ascii=False),
                     watch.webhook_url, watch.webhook_secret, watch.email, watch.mode,
                     watch.digest_minutes, watch.start_after, to_db_time(watch.created_at),
                     json.dumps(list(watch.reasons))))
                watch_id = int(cur.lastrowid or 0)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"a watchlist called {watch.name!r} exists already; "
                             "remove it first or pick another name") from exc
        found = self.watch(watch.name)
        assert found is not None and found.id == watch_id
        return found

    def watches(self) -> list[Watch]:
        rows = self._db.execute(f"SELECT {_WATCH_COLUMNS} FROM watchlists ORDER BY name")
        return [_watch(r) for r in rows]

    def watch(self, name: str) -> Watch | None:
        row = self._db.execute(f"SELECT {_WATCH_COLUMNS} FROM watchlists WHERE name=?",
                               (name,)).fetchone()
        return None if row is None else _watch(row)

    def remove_watch(self, name: str) -> bool:
        with self._write() as db:
            row = db.execute("SELECT id FROM watchlists WHERE name=?", (name,)).fetchone()
            if row is None:
                return False
            wid = row[0]
            db.execute("DELETE FROM alert_attempts WHERE delivery_id IN "
                       "(SELECT id FROM alert_deliveries WHERE watch_id=?)", (wid,))
            db.execute("DELETE FROM alert_delivery_items WHERE delivery_id IN "
                       "(SELECT id FROM alert_deliveries WHERE watch_id=?)", (wid,))
            db.execute("DELETE FROM alert_deliveries WHERE watch_id=?", (wid,))
            db.execute("DELETE FROM alerts WHERE watch_id=?", (wid,))
            db.execute("DELETE FROM watchlists WHERE id=?", (wid,))
        return True

    def set_watch_digest_time(self, watch_id: int, at: datetime) -> None:
        with self._write() as db:
            db.execute("UPDATE watchlists SET last_digest_at=? WHERE id=?",
                       (to_db_time(at), watch_id))

    # -- hook state and the articles hooks read ------------------------------
    def alert_state(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM alert_state WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_alert_state(self, key: str, value: str) -> None:
        with self._write() as db:
            db.execute("INSERT INTO alert_state (key, value) VALUES (?,?) "
                       "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    def max_article_id(self) -> int:
        return int(self._db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0])

    def articles_after(self, article_id: int, *, limit: int) -> list[StoredArticle]:
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d "
            "ON d.id = a.duplicate_of WHERE a.id > ? ORDER BY a.id LIMIT ?", (article_id, limit))
        return [self._article(r) for r in rows]

    def entity_ids_by_article(self, article_ids: Sequence[int]) -> dict[int, set[int]]:
        found: dict[int, set[int]] = defaultdict(set)
        ids = list(dict.fromkeys(article_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for aid, eid in self._db.execute(
                    f"SELECT article_id, entity_id FROM entity_mentions "
                    f"WHERE article_id IN ({marks})", chunk):
                found[int(aid)].add(int(eid))
        return dict(found)

    def entity_spellings(self) -> list[tuple[int, str]]:
        rows = self._db.execute(
            "SELECT id, name FROM entities UNION "
            "SELECT entity_id, text FROM entity_variants WHERE count > 0")
        return [(int(r[0]), str(r[1])) for r in rows]

    def story_timeline(self, story_id: int) -> list[TimelinePoint]:
        rows = self._db.execute(
            f"SELECT a.id, {_TIME}, a.lang, a.source, a.duplicate_of FROM articles a "
            f"WHERE a.story_id=? ORDER BY {_TIME}, a.id", (story_id,))
        return [TimelinePoint(article_id=r[0], time=_time(r[1]), lang=r[2], source=r[3],
                              original=r[4] is None) for r in rows]

    def originals_between(self, since: datetime, until: datetime, *,
                          exclude_story: int | None = None) -> Mapping[str, int]:
        rows = self._db.execute(
            f"SELECT a.lang, COUNT(*) FROM articles a WHERE a.duplicate_of IS NULL "
            f"AND {_TIME} >= ? AND {_TIME} < ? AND a.story_id IS NOT ? GROUP BY a.lang",
            (to_db_time(since), to_db_time(until), exclude_story))
        return {str(lang): int(n) for lang, n in rows}

    # -- alerts --------------------------------------------------------------
    def add_alert(self, alert: NewAlert) -> int | None:
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO alerts (watch_id, story_id, reason, detail, created_at, payload) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT(watch_id, story_id, reason, detail) DO NOTHING",
                (alert.watch_id, alert.story_id, alert.reason, alert.detail,
                 to_db_time(alert.created_at),
                 json.dumps(dict(alert.payload), ensure_ascii=False)))
            return int(cur.lastrowid) if cur.rowcount == 1 and cur.lastrowid else None

    def alerts(self, *, watch_id: int | None = None, limit: int = 100,
               waiting: bool = False) -> list[Alert]:
        where, params = ["1=1"], []
        if watch_id is not None:
            where.append("al.watch_id = ?")
            params.append(watch_id)
        if waiting:
            where.append("al.batched_at IS NULL")
        rows = self._db.execute(
            "SELECT al.id, al.watch_id, w.name, al.story_id, al.reason, al.detail, "
            "al.created_at, al.payload, al.batched_at FROM alerts al "
            f"JOIN watchlists w ON w.id = al.watch_id WHERE {' AND '.join(where)} "
            "ORDER BY al.id DESC LIMIT ?", [*params, limit]).fetchall()
        statuses: dict[int, list[DeliveryStatus]] = defaultdict(list)
        ids = [r[0] for r in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for aid, channel, target, status, attempts, error in self._db.execute(
                    "SELECT i.alert_id, d.channel, d.target, d.status, d.attempts, d.last_error "
                    "FROM alert_delivery_items i JOIN alert_deliveries d ON d.id = i.delivery_id "
                    f"WHERE i.alert_id IN ({marks}) ORDER BY d.id", chunk):
                statuses[aid].append(DeliveryStatus(channel=channel, target=target,
                                                    status=status, attempts=attempts,
                                                    last_error=error))
        return [Alert(id=r[0], watch_id=r[1], watch=r[2], story_id=r[3], reason=r[4],
                      detail=r[5], created_at=_time(r[6]), payload=json.loads(r[7]),
                      batched_at=from_db_time(r[8]), deliveries=tuple(statuses[r[0]]))
                for r in rows]

    def alerted_stories(self, watch_id: int, reason: str = "match") -> set[int]:
        rows = self._db.execute("SELECT story_id FROM alerts WHERE watch_id=? AND reason=?",
                                (watch_id, reason))
        return {int(r[0]) for r in rows}

    # -- the outbox ------------------------------------------------------------
    def enqueue_deliveries(self, *, watch_id: int, messages: Sequence[OutboxMessage],
                           alert_ids: Sequence[int], at: datetime) -> list[int]:
        ids: list[int] = []
        with self._write() as db:
            for m in messages:
                cur = db.execute(
                    "INSERT INTO alert_deliveries (watch_id, channel, target, subject, body, "
                    "next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?)",
                    (watch_id, m.channel, m.target, m.subject, m.body, to_db_time(at),
                     to_db_time(at)))
                delivery_id = int(cur.lastrowid or 0)
                ids.append(delivery_id)
                db.executemany("INSERT OR IGNORE INTO alert_delivery_items VALUES (?,?)",
                               [(delivery_id, a) for a in alert_ids])
            db.executemany("UPDATE alerts SET batched_at=? WHERE id=? AND batched_at IS NULL",
                           [(to_db_time(at), a) for a in alert_ids])
        return ids

    def mark_batched(self, alert_ids: Sequence[int], at: datetime) -> None:
        with self._write() as db:
            db.executemany("UPDATE alerts SET batched_at=? WHERE id=? AND batched_at IS NULL",
                           [(to_db_time(at), a) for a in alert_ids])

    def due_deliveries(self, at: datetime, *, limit: int = 100) -> list[Delivery]:
        rows = self._db.execute(
            "SELECT id, watch_id, channel, target, subject, body, status, attempts, "
            "next_attempt_at, last_error, created_at FROM alert_deliveries "
            "WHERE status='pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id "
            "LIMIT ?", (to_db_time(at), limit))
        return [Delivery(id=r[0], watch_id=r[1], channel=r[2], target=r[3], subject=r[4],
                         body=r[5], status=r[6], attempts=r[7], next_attempt_at=_time(r[8]),
                         last_error=r[9], created_at=_time(r[10])) for r in rows]

    def record_attempt(self, delivery_id: int, at: datetime, *, error: str | None,
                       next_attempt_at: datetime | None) -> None:
        stamp = to_db_time(at)
        with self._write() as db:
            db.execute("INSERT INTO alert_attempts (delivery_id, at, ok, error) VALUES (?,?,?,?)",
                       (delivery_id, stamp, int(error is None), error))
            if error is None:
                db.execute("UPDATE alert_deliveries SET status='sent', attempts=attempts+1, "
                           "sent_at=?, last_error=NULL WHERE id=?", (stamp, delivery_id))
            elif next_attempt_at is None:
                db.execute("UPDATE alert_deliveries SET status='failed', attempts=attempts+1, "
                           "last_error=? WHERE id=?", (error, delivery_id))
            else:
                db.execute("UPDATE alert_deliveries SET attempts=attempts+1, last_error=?, "
                           "next_attempt_at=? WHERE id=?",
                           (error, to_db_time(next_attempt_at), delivery_id))

    def delivery_attempts(self, delivery_id: int) -> list[tuple[datetime, bool, str | None]]:
        rows = self._db.execute("SELECT at, ok, error FROM alert_attempts WHERE delivery_id=? "
                                "ORDER BY id", (delivery_id,))
        return [(_time(at), bool(ok), error) for at, ok, error in rows]

    def entity_coverage(self, entity_ids: Sequence[int], since: datetime) -> Mapping[str, int]:
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT a.lang, COUNT(DISTINCT a.id) FROM entity_mentions m JOIN articles a "
            f"ON a.id = m.article_id WHERE m.entity_id IN ({marks}) AND {_TIME} >= ? "
            "GROUP BY a.lang ORDER BY 2 DESC, 1", [*ids, to_db_time(since)])
        return {str(lang): int(n) for lang, n in rows}
