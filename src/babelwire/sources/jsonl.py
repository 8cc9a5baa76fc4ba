"""JSON Lines article files: one article per line.

Each line is an object of this shape (``lang``, ``html`` and ``id`` optional)::

    {"url": "https://example.com/a", "title": "Headline", "text": "Body ...",
     "published": "2024-05-01T09:30:00+02:00", "source": "Example News"}

``html`` (a raw page) may stand in for ``text``. Keys not listed here are kept
in ``metadata``. A naive date is taken as UTC; a missing ``source`` becomes the
URL's host. A broken line becomes an :class:`IngestProblem` located at
``path:LINE`` and reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import READ_STAGE, aware_utc, host_of, open_local

__all__ = ["JsonlLineError", "JsonlSource", "parse_article", "parse_published"]

KNOWN_KEYS = frozenset({"url", "title", "text", "html", "published", "source", "lang", "id"})


class JsonlLineError(ValueError):
    """One line of a JSONL file is not a usable article; the message says why."""


def parse_published(value: object) -> datetime | None:
    """An ISO-8601 string as an aware datetime (naive means UTC); ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise JsonlLineError(f"'published' must be an ISO-8601 string, not {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise JsonlLineError(f"'published' is not an ISO-8601 date: {value!r}") from None
    try:
        parsed.astimezone(UTC)  # every later stage compares it in UTC
    except OverflowError:
        raise JsonlLineError(f"'published' {value!r} falls outside the years 1-9999 in "
                             "UTC") from None
    return aware_utc(parsed)


def _optional_text(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise JsonlLineError(f"{key!r} must be a string, not {type(value).__name__}")
    return value


def parse_article(
    record: object, *, location: str, fetched_at: datetime
) -> FetchedDocument:
    """Turn one decoded JSON value into a document; :class:`JsonlLineError` when unusable."""
    if not isinstance(record, dict):
        raise JsonlLineError(f"expected a JSON object, got {type(record).__name__}")
    url = _optional_text(record, "url")
    if not url or not url.strip():
        raise JsonlLineError("missing 'url'")
    url = url.strip()
    text = _optional_text(record, "text")
    html = _optional_text(record, "html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise JsonlLineError("neither 'text' nor 'html' has content")
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise JsonlLineError(f"'id' must be a string or a number, not {type(raw_id).__name__}")
    source = _optional_text(record, "source")
    return FetchedDocument(
        location=location,
        url=url,
        source=source.strip() if source and source.strip() else host_of(url) or url,
        fetched_at=fetched_at,
        html=html if html and html.strip() else None,
        text=text if text and text.strip() else None,
        title=_optional_text(record, "title"),
        published=parse_published(record.get("published")),
        lang=_optional_text(record, "lang"),
        doc_id=str(raw_id) if raw_id is not None else None,
        metadata={k: v for k, v in record.items() if k not in KNOWN_KEYS},
    )


class JsonlSource:
    """Articles from a ``.jsonl`` file, one per line; blank lines are skipped."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.name = self.path.name

    def __repr__(self) -> str:
        return f"JsonlSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        handle = open_local(self.path, self.location)
        if isinstance(handle, IngestProblem):
            yield handle
            return
        fetched_at = datetime.now(UTC)
        with handle:
            for number, raw in enumerate(_lines(handle), start=1):
                if raw is None:
                    yield IngestProblem(
                        location=f"{self.location}:{number}", stage=READ_STAGE,
                        reason=f"line longer than {MAX_LINE_BYTES // 2**20} MiB: not read")
                    continue
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if not raw.strip():
                    continue
                yield _read_line(raw, f"{self.location}:{number}", fetched_at)


MAX_LINE_BYTES = 64 * 1024 * 1024
"""The longest line read; a longer one is skipped in pieces, never held whole."""


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """Each line of ``handle``; None for one longer than :data:`MAX_LINE_BYTES`."""
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        if len(raw) <= MAX_LINE_BYTES or raw.endswith(b"\n"):
            yield raw
            continue
        while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            pass  # the rest of the long line, a piece at a time
        yield None


def _read_line(raw: bytes, location: str, fetched_at: datetime) -> FetchedDocument | IngestProblem:
    text = ""
    try:
        text = raw.decode("utf-8").rstrip("\r\n")  # so a column counts within the line
        record = json.loads(text)
        return parse_article(record, location=location, fetched_at=fetched_at)
    except UnicodeDecodeError as exc:
        reason = f"line is not UTF-8 ({exc.reason} at byte {exc.start})"
    except json.JSONDecodeError as exc:
        reason = f"bad JSON: {exc.msg} at column {exc.colno}"
        if exc.pos >= len(text.rstrip()):
            reason += " (the line ends before the record is closed)"
    except JsonlLineError as exc:
        reason = str(exc)
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        reason = f"bad JSON: {exc}"
    return IngestProblem(location=location, stage=READ_STAGE, reason=reason)
