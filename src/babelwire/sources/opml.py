"""OPML subscription lists: the feeds they name, and a source reading all of them.

Outlines are read at any depth; a feed's category is the text of the outline
that contains it. The file is parsed with the DTD-refusing parser of
:mod:`babelwire.sources.safe_xml`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from babelwire.errors import FetchError, SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import READ_STAGE, host_of, read_local
from babelwire.sources.feeds import FeedSource, is_http_url
from babelwire.sources.http import Fetcher, FetchResult
from babelwire.sources.pages import problem_from_error
from babelwire.sources.safe_xml import XmlRefused, local_name, parse_xml

__all__ = ["OpmlFeed", "OpmlSource", "parse_opml", "read_opml"]


@dataclass(frozen=True, kw_only=True, slots=True)
class OpmlFeed:
    """One subscription: the feed URL with its title, site and category when given."""

    url: str
    title: str | None = None
    html_url: str | None = None
    category: str | None = None


def _attribute(attributes: Mapping[str, str], name: str) -> str | None:
    """An attribute by case-insensitive name (``xmlUrl``, ``xmlurl``), stripped."""
    for key, value in attributes.items():
        if key.lower() == name and value.strip():
            return value.strip()
    return None


def _walk(element: Element, category: str | None, found: dict[str, OpmlFeed]) -> None:
    for child in element:
        if local_name(child.tag) != "outline":
            continue
        label = _attribute(child.attrib, "title") or _attribute(child.attrib, "text")
        url = _attribute(child.attrib, "xmlurl")
        if url:
            if url.lower().startswith("feed://"):
                url = "http://" + url[len("feed://"):]
            found.setdefault(url, OpmlFeed(url=url, title=label,
                                           html_url=_attribute(child.attrib, "htmlurl"),
                                           category=category))
        _walk(child, label if not url else category, found)


def parse_opml(data: bytes, *, location: str) -> list[OpmlFeed]:
    """The feeds an OPML document lists, in document order, without repeats."""
    try:
        root = parse_xml(data)
    except XmlRefused as exc:
        raise SourceError(location, f"unreadable OPML: {exc}") from exc
    if local_name(root.tag) != "opml":
        raise SourceError(location, f"not an OPML file (root element <{local_name(root.tag)}>)")
    found: dict[str, OpmlFeed] = {}
    for part in root:
        if local_name(part.tag) == "body":
            _walk(part, None, found)
    return list(found.values())


def read_opml(path: str | Path) -> list[OpmlFeed]:
    """:func:`parse_opml` of a file; :class:`SourceError` when it cannot be read."""
    try:
        data = read_local(path)
    except OSError as exc:
        raise SourceError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return parse_opml(data, location=str(path))


class OpmlSource:
    """Every entry of every feed an OPML file (path or URL) subscribes to."""

    def __init__(
        self,
        location: str | Path,
        *,
        fetcher: Fetcher | None,
        fetch_pages: bool | None = None,
        prefetched: FetchResult | None = None,
        limit: int | None = None,
    ) -> None:
        self.location = str(location)
        self.is_url = is_http_url(self.location)
        if self.is_url and fetcher is None:
            raise SourceError(self.location, "an OPML URL needs a Fetcher to be read")
        self.name = host_of(self.location) if self.is_url else Path(self.location).name
        self.fetch_pages = fetch_pages
        self.limit = limit
        self._fetcher = fetcher
        self._prefetched = prefetched

    def __repr__(self) -> str:
        return f"OpmlSource({self.location!r})"

    def feeds(self) -> list[OpmlFeed]:
        """The feeds listed; raises :class:`SourceError` when the OPML cannot be read."""
        if not self.is_url:
            return read_opml(self.location)
        result, self._prefetched = self._prefetched, None
        if result is None:
            assert self._fetcher is not None
            result = self._fetcher.fetch(self.location, conditional=False)
        return parse_opml(result.content, location=self.location)

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        try:
            feeds = self.feeds()
        except FetchError as exc:
            yield problem_from_error(self.location, exc)
            return
        except SourceError as exc:
            yield IngestProblem(location=self.location, stage=READ_STAGE, reason=exc.reason)
            return
        for feed in feeds:
            if not is_http_url(feed.url):
                yield IngestProblem(location=feed.url, stage=READ_STAGE,
                                    reason=f"feed URL in {self.location} is not http(s)")
                continue
            if self._fetcher is None:
                yield IngestProblem(location=feed.url, stage=READ_STAGE,
                                    reason="network access is off (no Fetcher); feed not read")
                continue
            source = FeedSource(feed.url, fetcher=self._fetcher, fetch_pages=self.fetch_pages,
                                limit=self.limit)
            yield from source.documents()
