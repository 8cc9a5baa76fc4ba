"""RSS and Atom feeds, by URL (through the :class:`Fetcher`) or from a file, read with feedparser.

Each entry becomes a document with the entry's link, title and date. With
``fetch_pages`` (the default for feeds fetched by URL) the entry's page is
fetched for the full article; when that fails the problem is reported and the
entry's own content or summary is used instead. An entry whose page answers
304 Not Modified was ingested before and is skipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser

from babelwire.errors import FetchError, SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import READ_STAGE, host_of, read_local
from babelwire.sources.http import Fetcher, FetchResult
from babelwire.sources.pages import fetch_page, problem_from_error

__all__ = ["FeedSource", "is_http_url", "parse_feed"]


def is_http_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def parse_feed(data: bytes, *, base_url: str | None = None,
               content_type: str | None = None) -> Any:
    """feedparser's result for ``data``. Always bytes: feedparser fetches URLs given as text."""
    headers: dict[str, str] = {}
    if base_url:
        headers["content-location"] = base_url
    if content_type:
        headers["content-type"] = content_type
    return feedparser.parse(data, response_headers=headers)


def _struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _primary_language(tag: object) -> str | None:
    if not isinstance(tag, str) or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-", 1)[0].lower() or None


def _entry_html(entry: Mapping[str, Any]) -> str | None:
    """The richest body an entry carries: its longest ``content``, else its summary."""
    bodies = [str(part.get("value") or "") for part in entry.get("content") or []]
    best = max(bodies, key=len, default="")
    if best.strip():
        return best
    summary = entry.get("summary")
    return str(summary) if summary and str(summary).strip() else None


def _entry_link(entry: Mapping[str, Any]) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    entry_id = entry.get("id")
    if isinstance(entry_id, str) and is_http_url(entry_id.strip()):
        return entry_id.strip()
    return None


class FeedSource:
    """The entries of one RSS or Atom feed.

    ``location`` is an http(s) URL or a file path. ``prefetched`` reuses a
    response already in hand; ``limit`` caps the number of entries read.
    ``skip(link)`` true leaves an entry out before its page is fetched (the
    monitor passes "already stored").
    """

    def __init__(
        self,
        location: str | Path,
        *,
        fetcher: Fetcher | None = None,
        fetch_pages: bool | None = None,
        prefetched: FetchResult | None = None,
        limit: int | None = None,
        skip: Callable[[str], bool] | None = None,
    ) -> None:
        self.location = str(location)
        self.is_url = is_http_url(self.location)
        self.skip = skip
        if self.is_url and fetcher is None:
            raise SourceError(self.location, "a feed URL needs a Fetcher to be read")
        self.fetch_pages = (self.is_url if fetch_pages is None else fetch_pages) \
            and fetcher is not None
        self.name = host_of(self.location) if self.is_url else Path(self.location).name
        self.limit = limit
        self._fetcher = fetcher
        self._prefetched = prefetched

    def __repr__(self) -> str:
        return f"FeedSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        loaded = self._load()
        if isinstance(loaded, IngestProblem):
            yield loaded
            return
        if loaded is None:
            return  # 304: the feed has not changed since the last run
        data, content_type, fetched_at = loaded
        parsed = parse_feed(data, base_url=self.location if self.is_url else None,
                            content_type=content_type)
        # The lenient parser may turn a broken feed into empty shells: those are not entries.
        entries: list[Any] = [entry for entry in parsed.entries
                              if _entry_link(entry) or entry.get("title") or _entry_html(entry)]
        if not entries:
            if parsed.bozo:
                exc = parsed.get("bozo_exception")
                yield IngestProblem(location=self.location, stage=READ_STAGE,
                                    reason=f"broken feed with no entries: {exc}")
            elif not parsed.version:
                yield IngestProblem(location=self.location, stage=READ_STAGE,
                                    reason="not an RSS or Atom feed")
            return
        feed = parsed.feed
        title = str(feed.get("title") or "").strip()
        source = title or host_of(str(feed.get("link") or "")) or self.name
        if title:
            self.name = title
        lang = _primary_language(feed.get("language"))
        for number, entry in enumerate(entries[: self.limit], start=1):
            yield from self._entry_items(entry, number, source=source, lang=lang,
                                         fetched_at=fetched_at)

    def _load(self) -> tuple[bytes, str | None, datetime] | IngestProblem | None:
        if not self.is_url:
            try:
                data = read_local(self.location)
            except OSError as exc:
                return IngestProblem(location=self.location, stage=READ_STAGE,
                                     reason=f"cannot read file: {exc.strerror or exc}")
            return data, None, datetime.now(UTC)
        result = self._prefetched
        self._prefetched = None
        if result is None:
            assert self._fetcher is not None
            try:
                result = self._fetcher.fetch(self.location)
            except FetchError as exc:
                return problem_from_error(self.location, exc)
        if result.not_modified:
            return None
        return result.content, result.content_type, result.fetched_at

    def _entry_items(
        self, entry: Any, number: int, *, source: str, lang: str | None, fetched_at: datetime
    ) -> Iterator[FetchedDocument | IngestProblem]:
        link = _entry_link(entry)
        if link is None:
            yield IngestProblem(location=f"{self.location}#entry-{number}", stage=READ_STAGE,
                                reason="feed entry has no link")
            return
        if self.skip is not None and self.skip(link):
            return
        title = str(entry["title"]).strip() if entry.get("title") else None
        published = _struct_to_datetime(entry.get("published_parsed")
                                        or entry.get("updated_parsed"))
        entry_lang = _primary_language(entry.get("language")) or lang
        entry_id = str(entry["id"]) if entry.get("id") else None
        html = _entry_html(entry)
        metadata: dict[str, Any] = {"feed": self.location}
        if self.fetch_pages and self._fetcher is not None:
            page = fetch_page(self._fetcher, link, source=source, title=title,
                              published=published, lang=entry_lang, doc_id=entry_id,
                              metadata=metadata)
            if page is None:
                return
            yield page
            if isinstance(page, FetchedDocument) or html is None:
                return
            # The page failed and was reported: fall back to the feed's own text.
        elif html is None:
            yield IngestProblem(location=link, stage=READ_STAGE,
                                reason="feed entry has neither content nor a summary")
            return
        yield FetchedDocument(
            location=link, url=link, source=source, fetched_at=fetched_at, html=html,
            title=title, published=published, lang=entry_lang, doc_id=entry_id,
            metadata={**metadata, "body": "feed-summary"},
        )
