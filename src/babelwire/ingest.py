"""Ingest as a service: open targets as sources and run them through the pipeline."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from babelwire.records import FetchedDocument, IngestProblem, IngestReport
from babelwire.settings import Settings
from babelwire.store import Store

if TYPE_CHECKING:
    from babelwire.pipeline import Pipeline


def run_ingest(settings: Settings, store: Store, targets: Sequence[str], *,
               show_progress: bool, fetch_pages: bool | None = None,
               pipeline: Pipeline | None = None) -> IngestReport:
    """Open the targets as sources and run every document through the pipeline.

    ``fetch_pages``: for feeds, fetch each entry's page (None: for feed URLs, not
    for feed files). Pass ``pipeline`` to reuse loaded models and state across calls.
    """
    from tqdm import tqdm

    from babelwire.pipeline import Pipeline
    from babelwire.sources import open_sources
    from babelwire.sources.http import Fetcher

    pipeline = pipeline or Pipeline(store, settings)
    with (Fetcher(settings, validators=store) as fetcher,
          tqdm(desc="ingest", unit=" doc", disable=not show_progress, file=sys.stderr) as bar):
        sources = open_sources(targets, fetcher=fetcher, fetch_pages=fetch_pages)

        def items() -> Iterator[FetchedDocument | IngestProblem]:
            for source in sources:
                bar.set_postfix_str(source.location[-40:], refresh=False)
                yield from source.documents()

        return pipeline.run(items(), progress=bar.update)
