"""JSON Lines article files: the documented shape, and every kind of broken line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.jsonl import JsonlSource


def test_fixture_good_lines_pass_and_bad_lines_are_reported(data_dir):
    path = data_dir / "articles.jsonl"
    items = list(JsonlSource(path).documents())
    docs = [item for item in items if isinstance(item, FetchedDocument)]
    problems = [item for item in items if isinstance(item, IngestProblem)]

    assert [doc.url for doc in docs] == ["https://news.example.com/a",
                                         "https://beispiel.example.org/d"]
    assert {p.location: p.stage for p in problems} == {
        f"{path}:2": "read", f"{path}:3": "read", f"{path}:4": "read", f"{path}:6": "read",
    }
    reasons = {p.location.rsplit(":", 1)[1]: p.reason for p in problems}
    assert "published" in reasons["2"]
    assert "JSON" in reasons["3"]
    assert "url" in reasons["4"]
    assert "text" in reasons["6"] and "html" in reasons["6"]

    first, second = docs
    assert first.location == f"{path}:1"
    assert first.title == "Harbour reopens"
    assert first.text == "The harbour reopened on Wednesday."
    assert first.html is None
    assert first.source == "Example Wire"
    assert first.published == datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert first.fetched_at.tzinfo is not None
    assert first.metadata == {}

    assert second.location == f"{path}:7"
    assert second.html is not None and second.text is None
    assert second.published == datetime(2024, 5, 3, 7, 0, tzinfo=UTC)  # naive date: UTC
    assert second.source == "beispiel.example.org"  # no source: the URL's host
    assert second.lang == "de"
    assert second.doc_id == "d-1"
    assert second.metadata == {"section": "Verkehr"}


def _write(tmp_path, *lines: str):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_exact_documented_shape_is_accepted(tmp_path):
    record = {"url": "https://x.example/1", "title": "T", "text": "Body.",
              "published": "2024-01-02T03:04:05Z", "source": "X"}
    [doc] = JsonlSource(_write(tmp_path, json.dumps(record))).documents()
    assert isinstance(doc, FetchedDocument)
    assert (doc.url, doc.title, doc.text, doc.source) == ("https://x.example/1", "T", "Body.", "X")
    assert doc.published == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_optional_fields_and_types(tmp_path):
    lines = [
        json.dumps({"url": "https://x.example/1", "text": "a", "id": 7}),
        json.dumps({"url": "https://x.example/2", "text": "b", "published": "2024-03-04"}),
        json.dumps({"url": "https://x.example/3", "text": "c", "published": 1700000000}),
        json.dumps({"url": "https://x.example/4", "text": "d", "title": 5}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"url": "https://x.example/5", "text": "   "}),
        '{"url": "https://x.example/6", "text": "cut',
    ]
    items = list(JsonlSource(_write(tmp_path, *lines)).documents())
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["FetchedDocument", "FetchedDocument"] + ["IngestProblem"] * 5
    assert items[0].doc_id == "7"
    assert items[0].title is None and items[0].published is None
    assert items[1].published == datetime(2024, 3, 4, tzinfo=UTC)
    assert [item.location.rsplit(":", 1)[1] for item in items[2:]] == ["3", "4", "5", "6", "7"]


def test_bom_blank_lines_and_bad_bytes(tmp_path):
    path = tmp_path / "bom.jsonl"
    good = json.dumps({"url": "https://x.example/1", "text": "ok"}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n\n   \n" + b'{"url": "\xff"}\n' + good + b"\n")
    items = list(JsonlSource(path).documents())
    assert [type(item).__name__ for item in items] == [
        "FetchedDocument", "IngestProblem", "FetchedDocument"]
    assert items[1].location == f"{path}:4"
    assert "UTF-8" in items[1].reason


def test_missing_file_is_a_problem(tmp_path):
    [problem] = JsonlSource(tmp_path / "nope.jsonl").documents()
    assert isinstance(problem, IngestProblem)
    assert problem.location == str(tmp_path / "nope.jsonl")


def test_a_bad_line_is_reported_at_its_own_column(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_bytes(b'{"url": "https://x.example/1", "title": "x"\r\n'
                     b'{"url": "https://x.example/2",, "text": "y"}\n')
    cut, doubled = list(JsonlSource(path).documents())
    assert cut.reason == ("bad JSON: Expecting ',' delimiter at column 44 "
                          "(the line ends before the record is closed)")
    assert doubled.reason == "bad JSON: Expecting property name enclosed in double quotes " \
                             "at column 31"


def test_a_line_too_long_is_skipped_without_losing_the_next(tmp_path, monkeypatch):
    from babelwire.sources import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 100)
    good = json.dumps({"url": "https://x.example/1", "text": "ok"}).encode()
    path = tmp_path / "long.jsonl"
    path.write_bytes(good + b"\n" + b'{"text": "' + b"x" * 1000 + b'"}\n' + good[:-1]
                     + b', "title": "t"}\n' + b"y" * 250)
    items = list(JsonlSource(path).documents())
    assert [type(i).__name__ for i in items] == [
        "FetchedDocument", "IngestProblem", "FetchedDocument", "IngestProblem"]
    assert items[1].location.endswith(":2") and "longer than" in items[1].reason
    assert items[2].location.endswith(":3") and items[3].location.endswith(":4")


def test_a_date_outside_the_calendar_in_utc_is_a_named_line_problem(tmp_path):
    path = tmp_path / "edge.jsonl"
    path.write_text(json.dumps({"url": "https://x.example/1", "text": "ok",
                                "published": "0001-01-01T00:00:00+14:00"}) + "\n")
    [problem] = JsonlSource(path).documents()
    assert isinstance(problem, IngestProblem) and problem.stage == "read"
    assert "falls outside the years 1-9999" in problem.reason
