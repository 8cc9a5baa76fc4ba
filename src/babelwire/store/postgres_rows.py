"""How the PostgreSQL store writes and reads rows.

Times go in as ``timestamptz`` cut to whole seconds, as the SQLite store keeps
them, so both backends order and compare the same; they come back as aware UTC
datetimes. Text columns compare and sort with ``COLLATE "C"`` (code point
order, as SQLite does), whatever collation the database was created with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from babelwire.records import StoredArticle


def to_pg_time(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r} reached the store")
    return value.astimezone(UTC).replace(microsecond=0)


def from_pg_time(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(UTC)


def pg_text(value: str | None) -> str | None:
    """``value`` without NUL characters, which PostgreSQL text cannot hold."""
    return None if value is None else value.replace("\x00", "")


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``, for messages and logs."""
    url = re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url)


TIME = "COALESCE(a.published, a.fetched_at)"
"""An article's time: the expression the ``articles_time`` index is built on."""

ARTICLE_COLUMNS = (
    "a.id, a.url, a.canonical_url, a.title, a.text, a.source, a.lang, a.lang_confidence, "
    "a.published, a.fetched_at, a.story_id, a.story_score, a.duplicate_of, d.url, "
    "a.content_hash, a.metadata"
)
"""The columns :func:`stored_article` reads, ``a`` the article and ``d`` its original."""


def stored_article(row: Sequence[Any]) -> StoredArticle:
    return StoredArticle(
        id=int(row[0]), url=row[1], canonical_url=row[2], title=row[3], text=row[4],
        source=row[5], lang=row[6], lang_confidence=row[7],
        published=from_pg_time(row[8]), fetched_at=from_pg_time(row[9]) or datetime.now(UTC),
        story_id=row[10], story_score=row[11], duplicate_of=row[12], duplicate_of_url=row[13],
        content_hash=row[14], metadata=row[15] if row[15] is not None else {},
    )
