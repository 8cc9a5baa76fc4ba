"""Local files and folders: each supported file is read by the source that knows its kind.

=====================  =====================================================
extension              read as
=====================  =====================================================
``.html`` ``.htm``     one raw page (charset from BOM, ``<meta>``, or a guess)
``.txt``               first non-empty line is the title, the rest the text
``.jsonl``             :mod:`babelwire.sources.jsonl`, one article a line
``.warc`` ``.warc.gz`` :mod:`babelwire.sources.warc`
``.opml``              :mod:`babelwire.sources.opml` (needs a Fetcher)
``.xml``               sniffed: sitemap, OPML, else a feed file
``.rss`` ``.atom``     :mod:`babelwire.sources.feeds`
=====================  =====================================================

Folders are walked recursively in sorted order (hidden entries skipped, links
to folders not followed); files of other kinds in a folder are skipped
silently, but a file named explicitly with an unknown kind is a problem. A
local page or text file is credited to its folder's name; a page that names
its canonical URL (``<link rel=canonical>`` or ``og:url``) takes that URL and
its host as the source.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import READ_STAGE, host_of, read_local
from babelwire.sources.charset import decode_bytes
from babelwire.sources.feeds import FeedSource
from babelwire.sources.http import Fetcher
from babelwire.sources.jsonl import JsonlSource
from babelwire.sources.opml import OpmlSource
from babelwire.sources.safe_xml import root_name
from babelwire.sources.sitemaps import SitemapSource
from babelwire.sources.warc import WarcSource

__all__ = ["FileSource", "file_kind"]

_SUFFIX_KINDS = {
    ".html": "html", ".htm": "html", ".txt": "text", ".jsonl": "jsonl", ".warc": "warc",
    ".opml": "opml", ".xml": "xml", ".rss": "feed", ".atom": "feed",
}
_HEAD_BYTES = 64 * 1024
_TAG = re.compile(r"<(link|meta)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def file_kind(path: Path) -> str | None:
    """``html``, ``text``, ``jsonl``, ``warc``, ``opml``, ``xml``, ``feed``, or ``None``."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return _SUFFIX_KINDS.get(path.suffix.lower())


def canonical_url(html: str) -> str | None:
    """The page's own absolute http(s) URL from ``<link rel=canonical>`` or ``og:url``."""
    found: str | None = None
    for match in _TAG.finditer(html[:_HEAD_BYTES]):
        attributes: dict[str, str] = {
            str(name).lower(): str(quoted or single or bare)
            for name, quoted, single, bare in _ATTRIBUTE.findall(match.group(0))
        }
        if match.group(1).lower() == "link" and \
                attributes.get("rel", "").lower().split() == ["canonical"]:
            candidate = attributes.get("href")
        elif attributes.get("property", "").lower() == "og:url":
            candidate = attributes.get("content")
        else:
            continue
        if candidate and candidate.strip().lower().startswith(("http://", "https://")):
            if match.group(1).lower() == "link":
                return candidate.strip()
            found = found or candidate.strip()
    return found


NOT_REGULAR = "not a regular file or folder (a device, socket or pipe): not read"


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


class FileSource:
    """A file or a folder of files. ``fetcher`` is needed only for OPML and sitemap files."""

    def __init__(
        self,
        path: str | Path,
        *,
        fetcher: Fetcher | None = None,
        fetch_pages: bool | None = None,
        limit: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.name = self.path.name or self.location
        self.fetch_pages = fetch_pages
        self.limit = limit
        self._fetcher = fetcher

    def __repr__(self) -> str:
        return f"FileSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        if self.path.is_dir():
            for path in _walk(self.path):
                if file_kind(path) is None:
                    continue
                if path.is_file():
                    yield from self._file_items(path)
                else:  # a pipe would block the run, a device never end
                    yield IngestProblem(location=str(path), stage=READ_STAGE,
                                        reason=NOT_REGULAR)
        elif self.path.is_file():
            if file_kind(self.path) is None:
                yield IngestProblem(location=self.location, stage=READ_STAGE,
                                    reason=f"unknown file kind {self.path.suffix or '(none)'!r}; "
                                           "expected .html, .txt, .jsonl, .warc(.gz), .opml, "
                                           ".xml, .rss or .atom")
            else:
                yield from self._file_items(self.path)
        else:
            yield IngestProblem(location=self.location, stage=READ_STAGE,
                                reason=NOT_REGULAR if self.path.exists()
                                else "no such file or folder")

    def _file_items(self, path: Path) -> Iterator[FetchedDocument | IngestProblem]:
        kind = file_kind(path)
        if kind == "jsonl":
            yield from JsonlSource(path).documents()
        elif kind == "warc":
            yield from WarcSource(path).documents()
        elif kind == "opml":
            yield from OpmlSource(path, fetcher=self._fetcher, fetch_pages=self.fetch_pages,
                                  limit=self.limit).documents()
        elif kind == "feed":
            yield from self._feed(path)
        elif kind == "xml":
            yield from self._xml(path)
        elif kind in {"html", "text"}:
            yield self._single(path, kind)

    def _feed(self, path: Path) -> Iterator[FetchedDocument | IngestProblem]:
        yield from FeedSource(path, fetcher=self._fetcher, fetch_pages=bool(self.fetch_pages),
                              limit=self.limit).documents()

    def _xml(self, path: Path) -> Iterator[FetchedDocument | IngestProblem]:
        try:
            data = read_local(path)
        except OSError as exc:
            yield IngestProblem(location=str(path), stage=READ_STAGE,
                                reason=f"cannot read file: {exc.strerror or exc}")
            return
        root = root_name(data)
        if root in {"urlset", "sitemapindex"}:
            if self._fetcher is None:
                yield IngestProblem(location=str(path), stage=READ_STAGE,
                                    reason="sitemap pages need network access (no Fetcher)")
                return
            yield from SitemapSource(path, fetcher=self._fetcher, limit=self.limit).documents()
        elif root == "opml":
            yield from OpmlSource(path, fetcher=self._fetcher, fetch_pages=self.fetch_pages,
                                  limit=self.limit).documents()
        else:
            yield from self._feed(path)

    def _single(self, path: Path, kind: str) -> FetchedDocument | IngestProblem:
        location = str(path)
        try:
            data = read_local(path)
        except OSError as exc:
            return IngestProblem(location=location, stage=READ_STAGE,
                                 reason=f"cannot read file: {exc.strerror or exc}")
        if not data.strip():
            return IngestProblem(location=location, stage=READ_STAGE, reason="empty file")
        fetched_at = datetime.now(UTC)
        folder = path.resolve().parent.name or "local"
        if kind == "html":
            html = decode_bytes(data, html=True)
            url = canonical_url(html)
            return FetchedDocument(location=location, url=url or path.resolve().as_uri(),
                                   source=host_of(url) if url else folder,
                                   fetched_at=fetched_at, html=html)
        lines = decode_bytes(data, html=False).splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            return IngestProblem(location=location, stage=READ_STAGE, reason="empty file")
        text = "\n".join(lines[first + 1:]).strip()
        if not text:
            return IngestProblem(location=location, stage=READ_STAGE,
                                 reason="text file has a title line but no text after it")
        return FetchedDocument(location=location, url=path.resolve().as_uri(), source=folder,
                               fetched_at=fetched_at, title=lines[first].strip(), text=text)
