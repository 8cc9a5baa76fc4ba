"""WARC archives (``.warc``, ``.warc.gz``): each archived HTML response becomes a document.

Only ``response`` records (and ``resource`` records) with a 2xx status and an
HTML body are used; redirects, DNS records, images and the like are skipped.
A record that cannot be read becomes an :class:`IngestProblem` located at
``file.warc.gz@OFFSET``; when the archive itself is broken (a truncated gzip
member, garbage between records) the problem is reported and the rest of that
file is skipped, without raising.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.base import READ_STAGE, aware_utc, host_of, open_local
from babelwire.sources.charset import decode_bytes, is_html_content

__all__ = ["DEFAULT_MAX_RECORD_BYTES", "WarcSource"]

DEFAULT_MAX_RECORD_BYTES = 10 * 1024 * 1024
"""Largest record body read; larger pages are reported and skipped."""

_LEFTOVER_SCAN = 4096
# warcio parses untrusted bytes and, on damaged input, raises more than its own
# exception types (AttributeError on a half-written header block, for one); any
# of them means "this archive is broken here", never a reason to stop the run.
_BROKEN_ARCHIVE = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError,
                   OSError, ValueError, AttributeError, TypeError, KeyError, IndexError)


class _SkipRecord(Exception):
    """A record that is fine but not an HTML page."""


class WarcSource:
    """HTML pages archived in one WARC file."""

    def __init__(self, path: str | Path, *, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES):
        self.path = Path(path)
        self.location = str(self.path)
        self.name = self.path.name
        self.max_record_bytes = max_record_bytes

    def __repr__(self) -> str:
        return f"WarcSource({self.location!r})"

    def documents(self) -> Iterator[FetchedDocument | IngestProblem]:
        handle = open_local(self.path, self.location)
        if isinstance(handle, IngestProblem):
            yield handle
            return
        with handle:
            yield from self._read(handle)

    def _read(self, handle: BinaryIO) -> Iterator[FetchedDocument | IngestProblem]:
        archive = ArchiveIterator(handle)
        records = iter(archive)
        offset = end = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except _BROKEN_ARCHIVE as exc:
                yield self._broken(end, exc)
                return
            # Where this record starts; get_record_offset() would read past its body first.
            offset = int(archive.offset)
            flaw = _header_flaw(record)
            if flaw:
                yield self._broken(offset, ValueError(flaw))
                return
            item = self._record_item(record, offset)
            try:
                # Reads the rest of the record (and its gzip member) to find where it ends.
                end = offset + int(archive.get_record_length())
                truncated = _cut_short(record, archive)
            except _BROKEN_ARCHIVE as exc:
                yield self._broken(offset, exc)
                return
            if truncated:
                yield IngestProblem(location=f"{self.location}@{offset}", stage=READ_STAGE,
                                    reason="record is cut short (truncated file?); "
                                           "rest of the file skipped")
                return
            if item is not None:
                yield item
        # warcio stops quietly at a record cut off in its headers: look for leftovers.
        size = os.fstat(handle.fileno()).st_size
        handle.seek(end)
        leftover = handle.read(_LEFTOVER_SCAN)
        if size - end > _LEFTOVER_SCAN or leftover.strip():
            yield IngestProblem(location=f"{self.location}@{end}", stage=READ_STAGE,
                                reason=f"{size - end} unreadable bytes at the end "
                                       "(truncated file?); skipped")

    def _broken(self, offset: int, exc: BaseException) -> IngestProblem:
        return IngestProblem(location=f"{self.location}@{offset}", stage=READ_STAGE,
                             reason=f"broken WARC data, rest of the file skipped: "
                                    f"{_describe(exc)}")

    def _record_item(self, record: Any, offset: int) -> FetchedDocument | IngestProblem | None:
        location = f"{self.location}@{offset}"
        try:
            return self._document(record, location)
        except _SkipRecord:
            return None
        except (*_BROKEN_ARCHIVE, UnicodeError) as exc:
            return IngestProblem(location=location, stage=READ_STAGE,
                                 reason=f"unreadable WARC record: {_describe(exc)}")

    def _document(self, record: Any, location: str) -> FetchedDocument | IngestProblem:
        if record.rec_type == "response":
            http = record.http_headers
            if http is None:
                raise _SkipRecord
            status = str(http.get_statuscode() or "")
            if not status.startswith("2"):
                raise _SkipRecord
            content_type = http.get_header("Content-Type")
        elif record.rec_type == "resource":
            content_type = record.rec_headers.get_header("Content-Type")
        else:
            raise _SkipRecord
        url = record.rec_headers.get_header("WARC-Target-URI")
        if not url:
            return IngestProblem(location=location, stage=READ_STAGE,
                                 reason="record has no WARC-Target-URI")
        body = record.content_stream().read(self.max_record_bytes + 1)
        if not is_html_content(content_type, body[:4096]):
            raise _SkipRecord
        if len(body) > self.max_record_bytes:
            return IngestProblem(location=location, stage=READ_STAGE,
                                 reason=f"page body over {self.max_record_bytes} bytes, skipped")
        return FetchedDocument(
            location=location,
            url=str(url),
            source=host_of(str(url)) or self.name,
            fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
            html=decode_bytes(body, declared=content_type),
            metadata={"warc": self.location,
                      "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")},
        )


def _header_flaw(record: Any) -> str | None:
    """Why a record's headers are not those of a whole WARC record, or ``None``."""
    if record.format != "warc":
        return f"not a WARC record (looks like {record.format})"
    if not record.rec_headers.get_header("WARC-Type"):
        return "record has no WARC-Type header (truncated?)"
    length = str(record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return f"record has no valid Content-Length header ({length!r}; truncated?)"
    return None


def _cut_short(record: Any, archive: Any) -> bool:
    """Whether the record (read to its end) had fewer bytes than its headers promised."""
    if getattr(record.raw_stream, "limit", 0) > 0:
        return True
    reader = getattr(archive, "reader", None)
    inflater = getattr(reader, "decompressor", None)
    return inflater is not None and not inflater.eof


def _warc_date(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        return aware_utc(datetime.fromisoformat(value.strip()))
    except ValueError:
        raise ValueError(f"bad WARC-Date {value!r}") from None


DESCRIBE_CHARACTERS = 160
"""The most of an exception's text a problem quotes (warcio quotes the bytes it choked on)."""


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().split(", first line:", 1)[0]  # warcio quotes the junk itself
    if not text:
        return type(exc).__name__
    shown = "".join(c if c.isprintable() else "?" for c in text[:DESCRIBE_CHARACTERS])
    more = "..." if len(text) > DESCRIBE_CHARACTERS else ""
    return f"{type(exc).__name__}: {shown}{more}"
