"""XML sitemaps and sitemap indexes (plain or gzipped), by URL or file.

The sitemap is parsed with a DTD-refusing parser (:mod:`babelwire.sources.safe_xml`);
a sitemap index is followed down to ``max_depth`` levels. Page URLs are then
fetched through the :class:`Fetcher`, newest first (by Google News
``publication_date``, else ``lastmod``), up to ``limit`` pages. News sitemap
titles, dates, publication names and languages are passed on to the documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal
from xml.etree.ElementTree import Element

from babelwire.errors import FetchError, SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import READ_STAGE, aware_utc, host_of, read_local
from babelwire.sources.http import Fetcher, FetchResult
from babelwire.sources.pages import fetch_page, problem_from_error
from babelwire.sources.safe_xml import XmlRefused, gunzip_limited, is_gzip, local_name, parse_xml

__all__ = ["MAX_SITEMAP_BYTES", "Sitemap", "SitemapEntry", "SitemapSource", "parse_sitemap"]

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
"""The sitemaps protocol's own limit on an uncompressed sitemap."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SitemapEntry:
    """One ``<url>`` of a urlset, or one ``<sitemap>`` of an index."""

    url: str
    lastmod: datetime | None = None
    title: str | None = None
    """From ``<news:title>``."""
    published: datetime | None = None
    """From ``<news:publication_date>``."""
    publication: str | None = None
    """From ``<news:publication><news:name>``."""
    lang: str | None = None
    """From ``<news:publication><news:language>``."""

    @property
    def newest(self) -> datetime | None:
        return self.published or self.lastmod


@dataclass(frozen=True, kw_only=True, slots=True)
class Sitemap:
    kind: Literal["urlset", "sitemapindex"]
    entries: tuple[SitemapEntry, ...]


def _parse_date(text: str | None) -> datetime | None:
    if not text or not text.strip():
        return None
    try:
        return aware_utc(datetime.fromisoformat(text.strip()))
    except ValueError:
        return None


def _child_text(element: Element, name: str) -> str | None:
    for child in element:
        if local_name(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if local_name(child.tag) == name:
            return child
    return None


def _entry(element: Element) -> SitemapEntry | None:
    url = _child_text(element, "loc")
    if not url:
        return None
    news = _child(element, "news")
    if news is None:
        return SitemapEntry(url=url, lastmod=_parse_date(_child_text(element, "lastmod")))
    publication = _child(news, "publication")
    lang = _child_text(publication, "language") if publication is not None else None
    return SitemapEntry(
        url=url,
        lastmod=_parse_date(_child_text(element, "lastmod")),
        title=_child_text(news, "title"),
        published=_parse_date(_child_text(news, "publication_date")),
        publication=_child_text(publication, "name") if publication is not None else None,
        lang=lang.split("-", 1)[0].lower() if lang else None,
    )


def parse_sitemap(data: bytes, *, location: str) -> Sitemap:
    """Parse a (possibly gzipped) sitemap or index; :class:`SourceError` when it is not one."""
    try:
        if is_gzip(data):
            data = gunzip_limited(data, MAX_SITEMAP_BYTES)
        root = parse_xml(data)
    except XmlRefused as exc:
        raise SourceError(location, f"unreadable sitemap: {exc}") from exc
    kind = local_name(root.tag)
    if kind == "urlset":
        item = "url"
    elif kind == "sitemapindex":
        item = "sitemap"
    else:
        raise SourceError(location, f"not a sitemap (root element <{kind}>)")
    entries = [_entry(child) for child in root if local_name(child.tag) == item]
    return Sitemap(kind="urlset" if kind == "urlset" else "sitemapindex",
                   entries=tuple(entry for entry in entries if entry is not None))


class SitemapSource:
    """The pages a sitemap (or sitemap index) lists, fetched newest first, at most ``limit``.

    ``skip(url)`` true leaves a page out before it is fetched (the monitor passes
    "already stored").
    """

    def __init__(
        self,
        location: str | Path,
        *,
        fetcher: Fetcher,
        limit: int | None = None,
        prefetched: FetchResult | None = None,
        max_depth: int = 2,
        max_sitemaps: int = 100,
        skip: Callable[[str], bool] | None = None,
    ) -> None:
        self.location = str(location)
        self.skip = skip
        self.is_url = self.location.lower().startswith(("http://", "https://"))
        self.name = host_of(self.location) if self.is_url else Path(self.location).name
        self.limit = limit
        self.max_depth = max_depth
        self.max_sitemaps = max_sitemaps
        self._fetcher = fetcher
        self._prefetched = prefetched

    def __repr__(self) -> str:
        return f"SitemapSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        pages: list[SitemapEntry] = []
        problems: list[IngestProblem] = []
        self._collect(self.location, 0, pages, problems, seen=set())
        yield from problems
        unique: dict[str, SitemapEntry] = {}
        for entry in pages:
            unique.setdefault(entry.url, entry)
        ordered = sorted((entry for entry in unique.values()
                          if self.skip is None or not self.skip(entry.url)), key=_newest_first)
        for entry in ordered[: self.limit]:
            metadata: dict[str, str] = {"sitemap": self.location}
            if entry.lastmod is not None:
                metadata["lastmod"] = entry.lastmod.isoformat()
            item = fetch_page(self._fetcher, entry.url, source=entry.publication,
                              title=entry.title, published=entry.published, lang=entry.lang,
                              metadata=metadata)
            if item is not None:
                yield item

    def _collect(
        self, location: str, depth: int, pages: list[SitemapEntry],
        problems: list[IngestProblem], seen: set[str],
    ) -> None:
        if location in seen:
            return
        if len(seen) >= self.max_sitemaps:
            problems.append(IngestProblem(location=location, stage=READ_STAGE,
                                          reason=f"more than {self.max_sitemaps} sitemaps; "
                                                 "the rest are skipped"))
            return
        seen.add(location)
        data = self._load(location, problems)
        if data is None:
            return
        try:
            sitemap = parse_sitemap(data, location=location)
        except SourceError as exc:
            problems.append(IngestProblem(location=location, stage=READ_STAGE,
                                          reason=exc.reason))
            return
        if sitemap.kind == "urlset":
            pages.extend(sitemap.entries)
            return
        if depth >= self.max_depth:
            problems.append(IngestProblem(location=location, stage=READ_STAGE,
                                          reason=f"sitemap index nested deeper than "
                                                 f"{self.max_depth} levels; not followed"))
            return
        for child in sitemap.entries:
            self._collect(child.url, depth + 1, pages, problems, seen)

    def _load(self, location: str, problems: list[IngestProblem]) -> bytes | None:
        """The sitemap's bytes, or ``None`` (with a problem unless merely unchanged)."""
        if location == self.location and not self.is_url:
            try:
                return read_local(location)
            except OSError as exc:
                problems.append(IngestProblem(location=location, stage=READ_STAGE,
                                              reason=f"cannot read file: {exc.strerror or exc}"))
                return None
        result = self._prefetched if location == self.location else None
        self._prefetched = None
        if result is None:
            try:
                result = self._fetcher.fetch(location)
            except FetchError as exc:
                problems.append(problem_from_error(location, exc))
                return None
        return None if result.not_modified else result.content


def _newest_first(entry: SitemapEntry) -> tuple[bool, float]:
    when = entry.newest
    return (when is None, -when.timestamp() if when is not None else 0.0)
