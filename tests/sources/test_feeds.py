"""RSS and Atom feeds, from files and from a local server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from babelwire.errors import SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.feeds import FeedSource

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def _split(items):
    docs = [item for item in items if isinstance(item, FetchedDocument)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    return docs, problems


def test_rss_file(data_dir):
    path = data_dir / "feed.rss"
    docs, problems = _split(list(FeedSource(path).documents()))
    assert [doc.url for doc in docs] == ["https://news.example.com/2024/05/harbour",
                                         "https://news.example.com/2024/05/budget"]
    first, second = docs
    assert first.title == "Harbour reopens after storm"
    assert first.source == "Example Wire"
    assert first.lang == "en"
    assert first.published == datetime(2024, 5, 1, 7, 30, tzinfo=UTC)
    assert first.doc_id == "wire-0001"
    assert first.html is not None and "Ferries resumed at noon" in first.html  # content:encoded
    assert first.location == first.url
    assert first.metadata["feed"] == str(path)
    assert second.published == datetime(2024, 5, 2, 18, 0, tzinfo=UTC)
    assert second.html is not None and "seven votes to four" in second.html  # the summary
    [problem] = problems
    assert problem.location == f"{path}#entry-3"
    assert "no link" in problem.reason


def test_atom_file(data_dir):
    [doc] = FeedSource(data_dir / "atom.xml").documents()
    assert isinstance(doc, FetchedDocument)
    assert doc.url == "https://beispiel.example.org/bruecke"
    assert doc.title == "Brücke wieder offen"
    assert doc.source == "Beispiel Nachrichten"
    assert doc.lang == "de"
    assert doc.published == datetime(2024, 5, 3, 7, 0, tzinfo=UTC)
    assert doc.html is not None and "wieder für den Verkehr" in doc.html


def test_broken_feed_is_reported(data_dir):
    [problem] = FeedSource(data_dir / "broken-feed.xml").documents()
    assert isinstance(problem, IngestProblem)
    assert problem.location == str(data_dir / "broken-feed.xml")
    assert problem.stage == "read"
    assert "broken feed" in problem.reason


def test_not_a_feed_is_reported(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<html><body><p>Just a page.</p></body></html>", encoding="utf-8")
    [problem] = FeedSource(path).documents()
    assert isinstance(problem, IngestProblem)


def test_missing_file_is_reported(tmp_path):
    [problem] = FeedSource(tmp_path / "none.rss").documents()
    assert isinstance(problem, IngestProblem)
    assert "cannot read" in problem.reason


def test_url_needs_a_fetcher():
    with pytest.raises(SourceError, match="Fetcher"):
        FeedSource("https://news.example.com/feed.rss")


def _serve_feed(server) -> None:
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url(f'/p/{n}')}</link>"
        f"<pubDate>Wed, 01 May 2024 0{n}:00:00 GMT</pubDate>"
        f"<description>Summary {n}</description></item>"
        for n in (1, 2, 3)
    )
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
            f"<link>{server.url('/')}</link>{items}</channel></rss>").encode()
    server.routes["/feed.rss"] = (200, {**RSS_TYPE, "ETag": '"f1"'}, feed)
    server.routes["/p/1"] = (200, {**HTML_TYPE, "ETag": '"p1"'},
                             b"<html><body><p>Full story one.</p></body></html>")
    # /p/2 is missing (404); /p/3 is not a page
    server.routes["/p/3"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7")


def test_feed_url_fetches_each_page_and_falls_back_to_summary(server, fetcher):
    _serve_feed(server)
    items = list(FeedSource(server.url("/feed.rss"), fetcher=fetcher).documents())
    kinds = [(type(item).__name__, item.location) for item in items]
    assert kinds == [
        ("FetchedDocument", server.url("/p/1")),
        ("IngestProblem", server.url("/p/2")),
        ("FetchedDocument", server.url("/p/2")),
        ("IngestProblem", server.url("/p/3")),
        ("FetchedDocument", server.url("/p/3")),
    ]
    full, missing, fallback2, not_html, fallback3 = items
    assert full.html is not None and "Full story one." in full.html
    assert full.title == "Story 1" and full.source == "Local Wire"
    assert full.published == datetime(2024, 5, 1, 1, 0, tzinfo=UTC)
    assert missing.stage == "fetch" and "404" in missing.reason
    assert fallback2.html == "Summary 2"
    assert fallback2.metadata["body"] == "feed-summary"
    assert "not an HTML page" in not_html.reason
    assert fallback3.html == "Summary 3"
    assert server.paths()[:2] == ["/robots.txt", "/feed.rss"]


def test_feed_url_without_page_fetching(server, fetcher):
    _serve_feed(server)
    docs, problems = _split(list(FeedSource(server.url("/feed.rss"), fetcher=fetcher,
                                            fetch_pages=False, limit=2).documents()))
    assert [doc.html for doc in docs] == ["Summary 1", "Summary 2"]
    assert problems == []
    assert not any(path.startswith("/p/") for path in server.paths())


def test_unchanged_feed_and_pages_yield_nothing_the_second_time(server, fetcher):
    def feed_or_304(request):
        if request.headers.get("if-none-match") == '"f1"':
            return 304, {}, b""
        return server_feed

    _serve_feed(server)
    server_feed = server.routes["/feed.rss"]
    server.routes["/feed.rss"] = feed_or_304
    first = list(FeedSource(server.url("/feed.rss"), fetcher=fetcher).documents())
    assert len(first) == 5
    assert list(FeedSource(server.url("/feed.rss"), fetcher=fetcher).documents()) == []


def test_feed_fetch_failure_is_reported(server, fetcher):
    [problem] = FeedSource(server.url("/nothing.rss"), fetcher=fetcher).documents()
    assert isinstance(problem, IngestProblem)
    assert problem.location == server.url("/nothing.rss")
    assert problem.stage == "fetch"


def test_entries_skip_says_are_known_are_left_out_before_their_page_is_fetched(server, fetcher):
    _serve_feed(server)
    known = {server.url("/p/1"), server.url("/p/3")}
    items = list(FeedSource(server.url("/feed.rss"), fetcher=fetcher,
                            skip=known.__contains__).documents())
    assert {item.location for item in items} == {server.url("/p/2")}
    assert "/p/1" not in server.paths() and "/p/3" not in server.paths()
