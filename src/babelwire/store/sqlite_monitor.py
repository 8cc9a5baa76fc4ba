"""The continuous monitor's tables in the SQLite store: per-source poll state and arrivals.

A mixin: :class:`~babelwire.store.sqlite.SQLiteStore` inherits these methods.
Times here keep microseconds (the monitor polls as often as once a second), in
the same ISO-8601 UTC text as the rest of the store, so they compare as text.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from babelwire.store.base import LanguageArrivals, SourcePollState
from babelwire.store.sqlite_rows import from_db_time, to_db_time

ARRIVALS_KEPT = timedelta(days=35)
"""Arrival log rows older than this are pruned (health looks back at most a week)."""

_STATE_COLUMNS = (
    "source_id, kind, last_fetch, last_success, last_new, last_error, last_error_at, "
    "consecutive_failures, next_poll, interval_seconds, mean_gap_seconds, polls, new_items"
)


def _t(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r} reached the store")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


class SQLiteMonitorState:
    """Poll state and the arrival log, over ``self._db``."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    def source_poll_states(self) -> dict[int, SourcePollState]:
        rows = self._db.execute(f"SELECT {_STATE_COLUMNS} FROM source_state").fetchall()
        return {int(r[0]): _state(r) for r in rows}

    def save_source_poll_state(self, state: SourcePollState) -> bool:
        s = state
        values = (s.source_id, s.kind, _t(s.last_fetch), _t(s.last_success), _t(s.last_new),
                  s.last_error, _t(s.last_error_at), s.consecutive_failures, _t(s.next_poll),
                  s.interval_seconds, s.mean_gap_seconds, s.polls, s.new_items)
        updates = ", ".join(f"{c.strip()}=excluded.{c.strip()}"
                            for c in _STATE_COLUMNS.split(",")[1:])
        with self._lock:
            try:
                self._db.execute(
                    f"INSERT INTO source_state ({_STATE_COLUMNS}) VALUES "
                    f"({','.join('?' * len(values))}) ON CONFLICT(source_id) DO UPDATE SET "
                    f"{updates}", values)
            except sqlite3.IntegrityError:
                return False  # the source was removed meanwhile (foreign key)
        return True

    def remove_source(self, source_id: int) -> bool:
        with self._lock:
            cur = self._db.execute("DELETE FROM sources WHERE id = ?", (source_id,))
        return cur.rowcount > 0

    def record_arrivals(self, source_id: int, at: datetime, articles: int) -> None:
        with self._lock:
            try:
                self._db.execute("INSERT INTO source_arrivals (source_id, at, articles) "
                                 "VALUES (?,?,?)", (source_id, _t(at), articles))
            except sqlite3.IntegrityError:
                return  # the source was removed meanwhile
            self._db.execute("DELETE FROM source_arrivals WHERE at < ?",
                             (_t(at - ARRIVALS_KEPT),))

    def source_arrival_counts(self, since: datetime) -> dict[int, int]:
        rows = self._db.execute("SELECT source_id, SUM(articles) FROM source_arrivals "
                                "WHERE at >= ? GROUP BY source_id", (_t(since),))
        return {int(source_id): int(total or 0) for source_id, total in rows}

    def language_arrivals(self, since: datetime, until: datetime) -> dict[str, LanguageArrivals]:
        rows = self._db.execute(
            "SELECT lang, COUNT(*), MIN(fetched_at) FROM articles "
            "WHERE fetched_at >= ? AND fetched_at < ? GROUP BY lang",
            (to_db_time(since), to_db_time(until)))
        return {lang: LanguageArrivals(lang=lang, articles=int(n), first=from_db_time(first))
                for lang, n, first in rows}


def _state(row: Sequence[Any]) -> SourcePollState:
    return SourcePollState(
        source_id=int(row[0]), kind=row[1], last_fetch=from_db_time(row[2]),
        last_success=from_db_time(row[3]), last_new=from_db_time(row[4]), last_error=row[5],
        last_error_at=from_db_time(row[6]), consecutive_failures=int(row[7]),
        next_poll=from_db_time(row[8]),
        interval_seconds=None if row[9] is None else float(row[9]),
        mean_gap_seconds=None if row[10] is None else float(row[10]),
        polls=int(row[11]), new_items=int(row[12]))
