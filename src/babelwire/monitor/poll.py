"""One poll of one registered source, run in a fetch thread.

:func:`poll_source` opens the source through :func:`babelwire.sources.open_source`
(which sniffs what the URL is: feed, sitemap, OPML list or page), reads every
item whose page is not stored yet, and returns a :class:`PollOutcome` for the
monitor's main thread to run through the pipeline. While a long poll is still
fetching pages, the items read so far are handed over as :class:`PollChunk`
records (every ``chunk_size`` items or ``chunk_seconds``), so the first
articles of a large sitemap are stored before its last page is fetched. It
never raises: a source that cannot be fetched, or whose answer cannot be read,
gives an outcome with ``error`` set.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from babelwire.monitor.validators import DeferredValidators, Validators
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources import (
    FailedSource,
    FeedSource,
    OpmlSource,
    PageSource,
    SitemapSource,
    UnchangedSource,
    open_source,
)
from babelwire.sources.base import Source
from babelwire.sources.http import Fetcher
from babelwire.store.base import RegisteredSource

__all__ = ["PollChunk", "PollOutcome", "kind_of", "poll_source"]

log = logging.getLogger(__name__)

Item = FetchedDocument | IngestProblem


@dataclass(frozen=True, kw_only=True, slots=True)
class PollOutcome:
    """What one poll of a source brought back."""

    source: RegisteredSource
    started: datetime
    finished: datetime
    kind: str | None
    """feed, sitemap, opml or page; None when unchanged (304) or failed."""
    items: tuple[Item, ...] = ()
    error: str | None = None
    """Why the poll failed as a whole (the source itself could not be fetched or read)."""
    validators: Validators = field(default_factory=dict)
    """HTTP validators seen during the poll, to remember once its articles are stored."""

    @property
    def unchanged(self) -> bool:
        return self.error is None and self.kind is None


@dataclass(frozen=True, kw_only=True, slots=True)
class PollChunk:
    """Items of a poll still under way, handed over early; its outcome follows."""

    source: RegisteredSource
    items: tuple[Item, ...]


def kind_of(source: Source) -> str | None:
    """The kind a source opened as; None for an unchanged or failed URL."""
    if isinstance(source, FeedSource):
        return "feed"
    if isinstance(source, SitemapSource):
        return "sitemap"
    if isinstance(source, OpmlSource):
        return "opml"
    if isinstance(source, PageSource):
        return "page"
    return None


def poll_source(
    source: RegisteredSource,
    *,
    fetcher: Fetcher,
    validators: DeferredValidators,
    is_stored: Callable[[str], bool],
    expected_kind: str | None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    deliver: Callable[[PollChunk], None] | None = None,
    chunk_size: int = 64,
    chunk_seconds: float = 2.0,
) -> PollOutcome:
    """Fetch ``source`` once; never raises (a failure is the outcome's ``error``).

    With ``deliver``, items are passed to it in :class:`PollChunk` records while
    the poll goes on; the outcome then holds only the items not delivered yet.
    """
    started = now()
    items: list[Item] = []
    with validators.capture() as pending:
        try:
            opened = open_source(source.url, fetcher=fetcher, skip=is_stored)
            kind = kind_of(opened)
            error = _source_error(opened, source.url, kind, expected_kind)
            if error is None and kind is not None:
                handed = time.monotonic()
                for item in opened.documents():
                    if isinstance(item, IngestProblem) and item.location == source.url:
                        error = item.reason  # the source's own document is unreadable
                        break
                    items.append(item)
                    if deliver is not None and (len(items) >= chunk_size or
                                                time.monotonic() - handed >= chunk_seconds):
                        deliver(PollChunk(source=source, items=tuple(items)))
                        items, handed = [], time.monotonic()
        except Exception as exc:  # a source must never take the monitor down
            log.exception("polling %s failed unexpectedly", source.url)
            kind, error = None, f"{type(exc).__name__}: {exc}"
    if error is not None:
        return PollOutcome(source=source, started=started, finished=now(), kind=None,
                           error=error)
    return PollOutcome(source=source, started=started, finished=now(), kind=kind,
                       items=tuple(items), validators=dict(pending))


def _source_error(opened: Source, url: str, kind: str | None,
                  expected_kind: str | None) -> str | None:
    if isinstance(opened, FailedSource):
        return opened.problem.reason
    if isinstance(opened, UnchangedSource) or kind is None:
        return None
    if expected_kind is not None and kind != expected_kind:
        return (f"expected a {expected_kind} but the URL now serves a {kind}; "
                "nothing was ingested (remove and add the source again if this is right)")
    return None
