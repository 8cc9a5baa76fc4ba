"""Extraction: FetchedDocument -> Article, with trafilatura and htmldate.

Dates: a date the feed or JSONL file gave wins; otherwise htmldate reads the
page. Every datetime leaving this stage is timezone-aware (naive means UTC).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from babelwire.errors import ExtractionError
from babelwire.records import Article, FetchedDocument
from babelwire.stages.canonical_url import canonical_url

_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def clean_text(text: str) -> str:
    """Collapse runs of spaces, keep paragraph breaks, strip control characters."""
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def page_date(html: str | Any, url: str | None) -> datetime | None:
    """The publication date htmldate finds in a page, or None."""
    import htmldate

    try:
        found = htmldate.find_date(html, original_date=True, outputformat=_DATE_FORMAT,
                                   url=url, extensive_search=True)
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    try:
        return aware(datetime.strptime(found, _DATE_FORMAT))
    except ValueError:
        try:
            return aware(datetime.fromisoformat(found))
        except ValueError:
            return None


class ExtractStage:
    """Turns a fetched document into an article; raises ExtractionError when there is none."""

    name = "extract"

    def __init__(self, min_chars: int = 20) -> None:
        self.min_chars = min_chars

    def __call__(self, doc: FetchedDocument) -> Article:
        title = clean_text(doc.title or "")
        text = clean_text(doc.text or "")
        author = site = None
        published = aware(doc.published)
        if doc.html and not text:
            text, found_title, author, site, tree_date = self._from_html(doc)
            title = title or found_title
            published = published or tree_date
        if len(text) < self.min_chars:
            raise ExtractionError(
                f"no article text found ({len(text)} characters; need {self.min_chars})"
            )
        if not title:
            first = text.split("\n", 1)[0]
            title = first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"
        return Article(
            url=doc.url, canonical_url=canonical_url(doc.url), title=title, text=text,
            source=doc.source or site or "", published=published,
            fetched_at=aware(doc.fetched_at) or datetime.now(UTC), location=doc.location,
            author=author, site=site, lang_hint=doc.lang, doc_id=doc.doc_id,
            metadata=dict(doc.metadata),
        )

    def _from_html(
        self, doc: FetchedDocument
    ) -> tuple[str, str, str | None, str | None, datetime | None]:
        from trafilatura import bare_extraction

        try:
            result = bare_extraction(doc.html or "", url=doc.url, with_metadata=True,
                                     include_comments=False, include_tables=False)
        except Exception as exc:  # trafilatura raises many lxml and parser errors
            raise ExtractionError(f"HTML could not be parsed: {exc}") from exc
        if result is None:
            raise ExtractionError("no article content found in the page")
        text = clean_text(getattr(result, "text", None) or "")
        title = clean_text(getattr(result, "title", None) or "")
        author = getattr(result, "author", None) or None
        site = getattr(result, "sitename", None) or None
        published = None if doc.published else page_date(doc.html or "", doc.url)
        return text, title, author, site, published
