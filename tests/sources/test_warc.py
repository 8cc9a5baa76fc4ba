"""WARC archives written here with warcio, read back as documents."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.files import FileSource
from babelwire.sources.warc import WarcSource


def _response(writer, url, body, *, status="200 OK", content_type="text/html; charset=utf-8",
              date="2024-05-01T10:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                       http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def _write_warc(path, *, gzip: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    _response(writer, "https://news.example.com/a",
              b"<html><body><p>Harbour reopens.</p></body></html>")
    _response(writer, "https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n...",
              content_type="image/png")
    _response(writer, "https://news.example.com/missing", b"<html>Not found</html>",
              status="404 Not Found")
    request = writer.create_warc_record("https://news.example.com/a", "request",
                                        payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"))
    writer.write_record(request)
    _response(writer, "https://novosti.example.ru/b",
              "<html><body><p>Шторм закрыл гавань.</p></body></html>".encode("cp1251"),
              content_type="text/html; charset=windows-1251", date="2024-05-02T08:15:30Z")
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def _offsets(data: bytes) -> list[int]:
    archive = ArchiveIterator(io.BytesIO(data))
    found = []
    for record in archive:
        if record.rec_type == "response":
            found.append(archive.get_record_offset())
    return found


@pytest.mark.parametrize("gzip", [True, False])
def test_round_trip(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    data = _write_warc(path, gzip=gzip)
    items = list(WarcSource(path).documents())
    assert all(isinstance(item, FetchedDocument) for item in items)
    first, second = items
    offsets = _offsets(data)
    assert first.location == f"{path}@{offsets[0]}"
    assert second.location == f"{path}@{offsets[3]}"
    assert first.url == "https://news.example.com/a"
    assert first.source == "news.example.com"
    assert first.html == "<html><body><p>Harbour reopens.</p></body></html>"
    assert first.fetched_at == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    assert second.html is not None and "Шторм закрыл гавань." in second.html
    assert second.fetched_at == datetime(2024, 5, 2, 8, 15, 30, tzinfo=UTC)
    assert first.metadata["warc_record_id"].startswith("<urn:uuid:")


def test_files_source_delegates_warc(tmp_path):
    _write_warc(tmp_path / "crawl.warc.gz")
    docs = list(FileSource(tmp_path).documents())
    assert [doc.url for doc in docs] == ["https://news.example.com/a",
                                         "https://novosti.example.ru/b"]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.5, 0.8, 0.99])
def test_truncated_file_reported_without_raising(tmp_path, gzip, keep):
    full = tmp_path / "full.warc"
    data = _write_warc(full, gzip=gzip)
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: int(len(data) * keep)])
    items = list(WarcSource(cut).documents())
    assert items, "a truncated archive must be reported"
    *docs, problem = items
    assert isinstance(problem, IngestProblem)
    assert problem.location.startswith(f"{cut}@")
    assert problem.stage == "read"
    assert all(isinstance(doc, FetchedDocument) for doc in docs)
    complete = [doc.url for doc in WarcSource(full).documents()]
    assert [doc.url for doc in docs] == complete[: len(docs)]


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("hello, I am not an archive\n", encoding="utf-8")
    [problem] = WarcSource(path).documents()
    assert isinstance(problem, IngestProblem)
    assert "broken WARC" in problem.reason


def test_binary_junk_is_named_without_quoting_the_junk(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(bytes(range(1, 256)) * 40)
    [problem] = WarcSource(path).documents()
    assert "broken WARC" in problem.reason
    assert len(problem.reason) < 300 and problem.reason.isascii()


def test_oversized_record_skipped(tmp_path):
    path = tmp_path / "big.warc.gz"
    _write_warc(path)
    items = list(WarcSource(path, max_record_bytes=40).documents())
    assert [type(item).__name__ for item in items] == ["IngestProblem", "IngestProblem"]
    assert "over 40 bytes" in items[0].reason


def test_missing_file(tmp_path):
    [problem] = WarcSource(tmp_path / "none.warc.gz").documents()
    assert isinstance(problem, IngestProblem)


@pytest.mark.parametrize("gzip", [True, False])
def test_cut_anywhere_never_raises(tmp_path, gzip):
    data = _write_warc(tmp_path / "full.warc", gzip=gzip)
    cut = tmp_path / "cut.warc"
    for size in range(1, len(data), 13):
        cut.write_bytes(data[:size])
        items = list(WarcSource(cut).documents())  # must not raise
        problems = [item for item in items if isinstance(item, IngestProblem)]
        assert len(problems) <= 1
        assert not problems or items[-1] is problems[0]
