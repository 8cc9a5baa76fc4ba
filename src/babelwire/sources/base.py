"""The :class:`Source` protocol every source implements, and the stage names of its problems.

A source yields :class:`~babelwire.records.FetchedDocument` items, and an
:class:`~babelwire.records.IngestProblem` for each input it could not read, so
one bad line, entry or page never stops a run. Sources raise only for a
mistake in how they were set up (see :func:`babelwire.sources.open_sources`).
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable
from urllib.parse import urlsplit

from babelwire.records import FetchedDocument, IngestProblem

__all__ = ["FETCH_STAGE", "READ_STAGE", "Source", "SourceItem", "aware_utc", "host_of"]

READ_STAGE = "read"
"""Stage name of problems reading or parsing an input (a file, a line, a feed, a record)."""
FETCH_STAGE = "fetch"
"""Stage name of problems getting an input over HTTP."""

SourceItem = FetchedDocument | IngestProblem


@runtime_checkable
class Source(Protocol):
    """Anything that yields fetched documents (and problems) from one place."""

    @property
    def name(self) -> str:
        """A short human name: the feed title, the file name, the host."""
        ...

    @property
    def location(self) -> str:
        """Where the source reads from: a URL or a path."""
        ...

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        """Yield every document, and a problem for each input that could not be read."""
        ...


def host_of(url: str) -> str:
    """The host name of ``url`` (lower case), or ``""`` when it has none."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def aware_utc(value: datetime) -> datetime:
    """``value`` with a time zone: naive datetimes are taken to be UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


MAX_LOCAL_BYTES = 64 * 1024 * 1024
"""The most read from one local page, text, feed, sitemap or OPML file (JSON Lines and WARC
files are read record by record, so any size goes)."""


def read_local(path: str | Path) -> bytes:
    """A local file's bytes; :class:`OSError` (``EFBIG``) past :data:`MAX_LOCAL_BYTES`,
    read no further, so a huge or endless file costs no more memory than that."""
    with Path(path).open("rb") as handle:
        data = handle.read(MAX_LOCAL_BYTES + 1)
    if len(data) > MAX_LOCAL_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_LOCAL_BYTES // 2**20} MiB, the most "
                      "read from one page, feed or sitemap file (JSON Lines and WARC files "
                      "are read record by record and may be any size)")
    return data


def open_local(path: Path, location: str) -> BinaryIO | IngestProblem:
    """``path`` opened for binary reading, or the problem that says why it cannot be."""
    try:
        return path.open("rb")
    except OSError as exc:
        return IngestProblem(location=location, stage=READ_STAGE,
                             reason=f"cannot open file: {exc.strerror or exc}")
