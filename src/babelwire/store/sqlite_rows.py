"""How the SQLite store writes and reads rows.

Times are ISO-8601 text in UTC and come back as aware datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_db_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r} reached the store")
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_db_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


ARTICLE_COLUMNS = (
    "a.id, a.url, a.canonical_url, a.title, a.text, a.source, a.lang, a.lang_confidence, "
    "a.published, a.fetched_at, a.story_id, a.story_score, a.duplicate_of, d.url, "
    "a.content_hash, a.metadata"
)
"""The columns :meth:`SQLiteStore._article` reads, ``a`` the article and ``d`` its original."""
