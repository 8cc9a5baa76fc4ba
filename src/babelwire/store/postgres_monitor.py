"""The continuous monitor's tables in the PostgreSQL store: per-source poll state and arrivals.

A mixin: :class:`~babelwire.store.postgres.PostgresStore` inherits these methods.
The twin of :mod:`babelwire.store.sqlite_monitor` (migration
``0004_monitor_source_state``): same results and orderings. Times here keep
microseconds, as on SQLite (the monitor polls as often as once a second). A
write made while the pipeline holds a transaction open joins it, as on SQLite,
under a savepoint so that a source removed meanwhile undoes that write alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

import psycopg

from babelwire.store.base import LanguageArrivals, SourcePollState
from babelwire.store.postgres_rows import from_pg_time, pg_text, to_pg_time
from babelwire.store.sqlite_monitor import ARRIVALS_KEPT

_STATE_COLUMNS = (
    "source_id, kind, last_fetch, last_success, last_new, last_error, last_error_at, "
    "consecutive_failures, next_poll, interval_seconds, mean_gap_seconds, polls, new_items"
)


def _t(value: datetime | None) -> datetime | None:
    """A monitor time: UTC, microseconds kept (unlike article times)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r} reached the store")
    return value.astimezone(UTC)


class PostgresMonitorState:
    """Poll state and the arrival log, over the store's connection."""

    _rows: Callable[..., list[tuple[Any, ...]]]
    _statements: Callable[[], AbstractContextManager[psycopg.Connection]]

    def source_poll_states(self) -> dict[int, SourcePollState]:
        rows = self._rows(f"SELECT {_STATE_COLUMNS} FROM source_state ORDER BY source_id")
        return {int(r[0]): _state(r) for r in rows}

    def save_source_poll_state(self, state: SourcePollState) -> bool:
        s = state
        values = (s.source_id, pg_text(s.kind), _t(s.last_fetch), _t(s.last_success),
                  _t(s.last_new), pg_text(s.last_error), _t(s.last_error_at),
                  s.consecutive_failures, _t(s.next_poll), s.interval_seconds,
                  s.mean_gap_seconds, s.polls, s.new_items)
        updates = ", ".join(f"{c.strip()} = excluded.{c.strip()}"
                            for c in _STATE_COLUMNS.split(",")[1:])
        try:
            with self._statements() as db:
                db.execute(
                    f"INSERT INTO source_state ({_STATE_COLUMNS}) VALUES "
                    f"({', '.join(['%s'] * len(values))}) ON CONFLICT (source_id) DO UPDATE "
                    f"SET {updates}".encode(), values)
        except psycopg.errors.ForeignKeyViolation:
            return False  # the source was removed meanwhile
        return True

    def remove_source(self, source_id: int) -> bool:
        # source_state and source_arrivals go with it (ON DELETE CASCADE); articles stay.
        with self._statements() as db:
            cur = db.execute("DELETE FROM sources WHERE id = %s", (source_id,))
            return cur.rowcount > 0

    def record_arrivals(self, source_id: int, at: datetime, articles: int) -> None:
        try:
            with self._statements() as db:
                db.execute("INSERT INTO source_arrivals (source_id, at, articles) "
                           "VALUES (%s, %s, %s)", (source_id, _t(at), articles))
                db.execute("DELETE FROM source_arrivals WHERE at < %s",
                           (_t(at - ARRIVALS_KEPT),))
        except psycopg.errors.ForeignKeyViolation:
            return  # the source was removed meanwhile

    def source_arrival_counts(self, since: datetime) -> dict[int, int]:
        rows = self._rows("SELECT source_id, SUM(articles) FROM source_arrivals "
                          "WHERE at >= %s GROUP BY source_id ORDER BY source_id", (_t(since),))
        return {int(source_id): int(total or 0) for source_id, total in rows}

    def language_arrivals(self, since: datetime, until: datetime) -> dict[str, LanguageArrivals]:
        # Article times are whole seconds: the bounds are cut to seconds as on SQLite.
        rows = self._rows(
            "SELECT lang, COUNT(*), MIN(fetched_at) FROM articles "
            'WHERE fetched_at >= %s AND fetched_at < %s GROUP BY lang ORDER BY lang COLLATE "C"',
            (to_pg_time(since), to_pg_time(until)))
        return {lang: LanguageArrivals(lang=lang, articles=int(n), first=from_pg_time(first))
                for lang, n, first in rows}


def _state(row: Sequence[Any]) -> SourcePollState:
    return SourcePollState(
        source_id=int(row[0]), kind=row[1], last_fetch=from_pg_time(row[2]),
        last_success=from_pg_time(row[3]), last_new=from_pg_time(row[4]), last_error=row[5],
        last_error_at=from_pg_time(row[6]), consecutive_failures=int(row[7]),
        next_poll=from_pg_time(row[8]),
        interval_seconds=None if row[9] is None else float(row[9]),
        mean_gap_seconds=None if row[10] is None else float(row[10]),
        polls=int(row[11]), new_items=int(row[12]))
