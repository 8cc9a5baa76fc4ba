"""Records of the entity page's counts, computed by the stores in SQL. No I/O.

An entity page shows coverage per time bucket by language and by the outlet's
country. The stores count an entity's articles per (bucket, language) and per
(bucket, address origin) in SQL, so that the web layer maps each distinct origin
to a country once (:func:`babelwire.web.countries.country_of_origin`) instead of
reading every article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True, kw_only=True, slots=True)
class EntitySpan:
    """How many articles name an entity (copies included), and the first and last of
    their times (publication, else fetch time; None when there are none)."""

    articles: int
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityPageCounts:
    """An entity's articles counted per time bucket, language, origin and story."""

    by_language: tuple[tuple[int, str, int], ...]
    """(bucket, language, articles), ordered by bucket, then language (code points)."""
    by_origin: tuple[tuple[int, str, int], ...]
    """(bucket, origin, articles), ordered by bucket, then origin (code points). The origin
    is the address up to the first ``/`` after its first ``//``
    (:func:`babelwire.web.countries.url_origin`)."""
    top_stories: tuple[tuple[int, int], ...]
    """(story id, articles naming the entity), most articles first, then the higher id."""
    story_count: int
    """Stories with at least one article naming the entity."""


def bucket_seconds(start: datetime, bucket: timedelta) -> tuple[int, int]:
    """``start`` as Unix seconds and ``bucket`` in seconds, for the stores' bucket arithmetic;
    raises ValueError unless both are whole seconds (articles' times are)."""
    if start.tzinfo is None:
        raise ValueError(f"naive datetime {start!r} reached the store")
    width = bucket.total_seconds()
    first = start.timestamp()
    if width < 1 or width != int(width) or first != int(first):
        raise ValueError(f"buckets must be whole seconds: start {start}, width {bucket}")
    return int(first), int(width)


def page_counts(rows: Sequence[Sequence[Any]], most_stories: int) -> EntityPageCounts:
    """The record from the rows of the stores' one query: ``(0, bucket, language, origin,
    articles)`` and, largest first, ``(1, story, stories in all, None, articles)`` for up to
    ``max(1, most_stories)`` stories (one at least, so that the total is known)."""
    by_lang: dict[tuple[int, str], int] = {}
    by_origin: dict[tuple[int, str], int] = {}
    stories: list[tuple[int, int]] = []
    total = 0
    for tag, key, second, origin, n in rows:
        if tag == 0:
            by_lang[int(key), str(second)] = by_lang.get((int(key), str(second)), 0) + int(n)
            by_origin[int(key), str(origin)] = by_origin.get((int(key), str(origin)), 0) + int(n)
        else:
            stories.append((int(key), int(n)))
            total = int(second)
    return EntityPageCounts(
        by_language=tuple((b, k, n) for (b, k), n in sorted(by_lang.items())),
        by_origin=tuple((b, k, n) for (b, k), n in sorted(by_origin.items())),
        top_stories=tuple(stories[:max(0, most_stories)]), story_count=total)


__all__ = ["EntityPageCounts", "EntitySpan", "bucket_seconds", "page_counts"]
