"""Single web pages: one URL, fetched through the :class:`Fetcher`, becomes one document.

:func:`fetch_page` is also what feeds and sitemaps use for each article page.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from babelwire.errors import FetchError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import FETCH_STAGE, READ_STAGE, host_of
from babelwire.sources.charset import is_html_content
from babelwire.sources.http import Fetcher, FetchResult

__all__ = ["PageSource", "document_from_result", "fetch_page", "problem_from_error"]


def problem_from_error(location: str, error: FetchError) -> IngestProblem:
    """An :class:`IngestProblem` for a failed fetch of ``location``."""
    reason = error.reason if error.location == location else str(error)
    return IngestProblem(location=location, stage=FETCH_STAGE, reason=reason)


def document_from_result(
    result: FetchResult,
    *,
    source: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
    lang: str | None = None,
    doc_id: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> FetchedDocument | IngestProblem:
    """A document for a fetched HTML page; a problem when the answer is not HTML."""
    location = result.requested_url
    if not is_html_content(result.content_type, result.content):
        kind = result.content_type or "unknown content type"
        return IngestProblem(location=location, stage=READ_STAGE,
                             reason=f"not an HTML page ({kind})")
    extra = dict(metadata or {})
    if result.url != result.requested_url:
        extra.setdefault("requested_url", result.requested_url)
    return FetchedDocument(
        location=location,
        url=result.url,
        source=source or host_of(result.url),
        fetched_at=result.fetched_at,
        html=result.text(),
        title=title,
        published=published,
        lang=lang,
        doc_id=doc_id,
        metadata=extra,
    )


def fetch_page(
    fetcher: Fetcher,
    url: str,
    *,
    source: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
    lang: str | None = None,
    doc_id: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> FetchedDocument | IngestProblem | None:
    """Fetch one page. ``None`` when the server says it has not changed since last time."""
    try:
        result = fetcher.fetch(url)
    except FetchError as exc:
        return problem_from_error(url, exc)
    if result.not_modified:
        return None
    return document_from_result(result, source=source, title=title, published=published,
                                lang=lang, doc_id=doc_id, metadata=metadata)


class PageSource:
    """One page URL. ``prefetched`` reuses a response already in hand (from sniffing)."""

    def __init__(
        self, url: str, *, fetcher: Fetcher, prefetched: FetchResult | None = None
    ) -> None:
        self.location = url
        self.name = host_of(url) or url
        self._fetcher = fetcher
        self._prefetched = prefetched

    def __repr__(self) -> str:
        return f"PageSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        if self._prefetched is not None:
            prefetched, self._prefetched = self._prefetched, None
            if not prefetched.not_modified:
                yield document_from_result(prefetched)
            return
        item = fetch_page(self._fetcher, self.location)
        if item is not None:
            yield item
