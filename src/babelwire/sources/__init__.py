"""Sources: where documents come from (feeds, sitemaps, pages, WARC archives, files).

:func:`open_sources` turns command-line targets into :class:`Source` objects;
each yields :class:`~babelwire.records.FetchedDocument` items and an
:class:`~babelwire.records.IngestProblem` for every input it could not read.
All network access goes through one :class:`Fetcher` (robots.txt, rate limit,
conditional GET, size caps, address policy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from urllib.request import url2pathname

from babelwire.errors import FetchError, SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import Source, host_of
from babelwire.sources.feeds import FeedSource, is_http_url, parse_feed
from babelwire.sources.files import FileSource
from babelwire.sources.http import Fetcher, FetchResult, MemoryValidatorCache, ValidatorCache
from babelwire.sources.jsonl import JsonlSource
from babelwire.sources.opml import OpmlFeed, OpmlSource, parse_opml, read_opml
from babelwire.sources.pages import PageSource, problem_from_error
from babelwire.sources.safe_xml import XmlRefused, gunzip_limited, is_gzip, root_name
from babelwire.sources.sitemaps import MAX_SITEMAP_BYTES, SitemapSource
from babelwire.sources.warc import WarcSource

__all__ = [
    "FailedSource",
    "FeedSource",
    "FetchResult",
    "Fetcher",
    "FileSource",
    "JsonlSource",
    "MemoryValidatorCache",
    "OpmlFeed",
    "OpmlSource",
    "PageSource",
    "SitemapSource",
    "Source",
    "UnchangedSource",
    "ValidatorCache",
    "WarcSource",
    "open_source",
    "open_sources",
    "parse_opml",
    "read_opml",
    "sniff_kind",
]

RemoteKind = Literal["feed", "sitemap", "opml", "page"]


class UnchangedSource:
    """A URL that answered 304 Not Modified: nothing new to read since the last run."""

    def __init__(self, url: str) -> None:
        self.location = url
        self.name = host_of(url) or url

    def __repr__(self) -> str:
        return f"UnchangedSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        return iter(())


class FailedSource:
    """A URL whose first fetch failed: it yields that one problem, so the run goes on."""

    def __init__(self, url: str, problem: IngestProblem) -> None:
        self.location = url
        self.name = host_of(url) or url
        self.problem = problem

    def __repr__(self) -> str:
        return f"FailedSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        yield self.problem


def sniff_kind(result: FetchResult) -> RemoteKind:
    """What a fetched URL is: a sitemap, an OPML list, an RSS/Atom feed, or else a page."""
    data = result.content
    if is_gzip(data):
        try:
            data = gunzip_limited(data, MAX_SITEMAP_BYTES)
        except XmlRefused:
            return "page"
    root = root_name(data)
    if root in {"urlset", "sitemapindex"}:
        return "sitemap"
    if root == "opml":
        return "opml"
    if root in {"rss", "feed", "rdf"}:
        return "feed"
    parsed = parse_feed(data, base_url=result.url, content_type=result.content_type)
    if parsed.entries and parsed.version:
        return "feed"
    return "page"


def open_source(
    target: str,
    *,
    fetcher: Fetcher | None,
    fetch_pages: bool | None = None,
    limit: int | None = None,
    conditional: bool = True,
    skip: Callable[[str], bool] | None = None,
) -> Source:
    """One :class:`Source` for a path, a folder, or an http(s) URL (fetched once to sniff).

    A URL that answers 304 to the conditional sniffing request gives an
    :class:`UnchangedSource`; pass ``conditional=False`` to read it regardless
    (an OPML list or sitemap index whose children may have changed).
    A URL whose fetch fails gives a :class:`FailedSource` that reports the
    problem, so one dead feed does not stop a run. ``skip(url)`` true leaves out a
    feed entry or sitemap page before it is fetched. Raises :class:`SourceError`
    for a target that is neither an existing path nor an http(s) URL, and for a
    URL when there is no Fetcher.
    """
    text = target.strip()
    if is_http_url(text):
        if fetcher is None:
            raise SourceError(text, "network access is off (no Fetcher); cannot read a URL")
        try:
            result = fetcher.fetch(text, conditional=conditional)
        except FetchError as exc:
            return FailedSource(text, problem_from_error(text, exc))
        if result.not_modified:
            return UnchangedSource(text)
        kind = sniff_kind(result)
        if kind == "feed":
            return FeedSource(text, fetcher=fetcher, fetch_pages=fetch_pages,
                              prefetched=result, limit=limit, skip=skip)
        if kind == "sitemap":
            return SitemapSource(text, fetcher=fetcher, limit=limit, prefetched=result,
                                 skip=skip)
        if kind == "opml":
            return OpmlSource(text, fetcher=fetcher, fetch_pages=fetch_pages,
                              prefetched=result, limit=limit)
        return PageSource(text, fetcher=fetcher, prefetched=result)
    path = Path(url2pathname(urlsplit(text).path)) if text.lower().startswith("file://") \
        else Path(text).expanduser()
    if text and path.exists():
        return FileSource(path, fetcher=fetcher, fetch_pages=fetch_pages, limit=limit)
    scheme = text.split("://", 1)[0] if "://" in text else ""
    if scheme and scheme.lower() != "file":
        raise SourceError(text, f"unsupported URL scheme {scheme!r}; "
                                "give an http(s) URL or a file or folder path")
    raise SourceError(text or repr(target),
                      "no such file or URL (give an existing path or an http(s):// URL)")


def open_sources(
    targets: Sequence[str],
    *,
    fetcher: Fetcher | None,
    fetch_pages: bool | None = None,
    limit: int | None = None,
    conditional: bool = True,
    skip: Callable[[str], bool] | None = None,
) -> list[Source]:
    """A :class:`Source` for each target, in order; see :func:`open_source`.

    ``fetch_pages`` (default: yes for feed URLs, no for feed files) fetches each
    feed entry's page; ``limit`` caps the entries or pages read per feed or sitemap.
    """
    return [open_source(target, fetcher=fetcher, fetch_pages=fetch_pages, limit=limit,
                        conditional=conditional, skip=skip) for target in targets]
