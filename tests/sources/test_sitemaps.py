"""Sitemaps and sitemap indexes: parsing (safely), following, fetching pages newest first."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from babelwire.errors import SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.sitemaps import SitemapSource, parse_sitemap

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}
XML_TYPE = {"Content-Type": "application/xml"}


def _urlset(*entries: str) -> bytes:
    return f'<?xml version="1.0"?><urlset {NS} {NEWS_NS}>{"".join(entries)}</urlset>'.encode()


def _url(loc: str, lastmod: str | None = None) -> str:
    mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    return f"<url><loc>{loc}</loc>{mod}</url>"


def test_parse_urlset_with_news_tags():
    data = _urlset(
        _url("https://x.example/a", "2024-05-01"),
        "<url><loc>https://x.example/b</loc><news:news><news:publication>"
        "<news:name>X Daily</news:name><news:language>fr</news:language></news:publication>"
        "<news:publication_date>2024-05-02T08:00:00+02:00</news:publication_date>"
        "<news:title>Le titre</news:title></news:news></url>",
        "<url><lastmod>2024-01-01</lastmod></url>",  # no <loc>: ignored
    )
    sitemap = parse_sitemap(data, location="s.xml")
    assert sitemap.kind == "urlset"
    a, b = sitemap.entries
    assert a.url == "https://x.example/a" and a.lastmod == datetime(2024, 5, 1, tzinfo=UTC)
    assert (b.title, b.publication, b.lang) == ("Le titre", "X Daily", "fr")
    assert b.published == datetime(2024, 5, 2, 6, 0, tzinfo=UTC)


def test_parse_index_and_gzip():
    index = (f'<sitemapindex {NS}><sitemap><loc>https://x.example/s1.xml</loc></sitemap>'
             "</sitemapindex>").encode()
    sitemap = parse_sitemap(gzip.compress(index), location="i.xml.gz")
    assert sitemap.kind == "sitemapindex"
    assert [e.url for e in sitemap.entries] == ["https://x.example/s1.xml"]


def test_dtd_and_entities_are_refused():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              b'<urlset><url><loc>&lol2;</loc></url></urlset>')
    with pytest.raises(SourceError, match="DTD"):
        parse_sitemap(laughs, location="evil.xml")
    external = (b'<?xml version="1.0"?><!DOCTYPE u SYSTEM "file:///etc/passwd">'
                b"<urlset></urlset>")
    with pytest.raises(SourceError):
        parse_sitemap(external, location="evil.xml")


def test_not_a_sitemap():
    with pytest.raises(SourceError, match="not a sitemap"):
        parse_sitemap(b"<rss><channel/></rss>", location="r.xml")
    with pytest.raises(SourceError, match="unreadable"):
        parse_sitemap(b"<html><body>", location="h.xml")


def test_index_followed_and_pages_fetched_newest_first(server, fetcher):
    server.routes["/sitemap_index.xml"] = (200, XML_TYPE, (
        f'<sitemapindex {NS}>'
        f"<sitemap><loc>{server.url('/s1.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url('/s2.xml.gz')}</loc></sitemap>"
        f"<sitemap><loc>{server.url('/gone.xml')}</loc></sitemap>"
        "</sitemapindex>").encode())
    server.routes["/s1.xml"] = (200, XML_TYPE, _urlset(
        _url(server.url("/old"), "2023-01-01"),
        _url(server.url("/new"), "2024-05-03T10:00:00Z"),
    ))
    server.routes["/s2.xml.gz"] = (200, {"Content-Type": "application/x-gzip"}, gzip.compress(
        _urlset(_url(server.url("/mid"), "2024-02-01"), _url(server.url("/undated")),
                _url(server.url("/new"), "2024-05-03T10:00:00Z"))))
    for path in ("/old", "/new", "/mid", "/undated"):
        server.routes[path] = (200, HTML_TYPE, f"<html><body>{path}</body></html>".encode())

    source = SitemapSource(server.url("/sitemap_index.xml"), fetcher=fetcher, limit=3)
    items = list(source.documents())
    problems = [item for item in items if isinstance(item, IngestProblem)]
    docs = [item for item in items if isinstance(item, FetchedDocument)]
    assert [p.location for p in problems] == [server.url("/gone.xml")]
    assert [doc.url for doc in docs] == [server.url("/new"), server.url("/mid"),
                                         server.url("/old")]
    assert docs[0].metadata["lastmod"] == "2024-05-03T10:00:00+00:00"
    assert docs[0].metadata["sitemap"] == server.url("/sitemap_index.xml")
    assert server.paths().count("/new") == 1
    assert "/undated" not in server.paths()  # beyond the limit


def test_news_sitemap_hints_reach_documents(server, fetcher, tmp_path):
    path = tmp_path / "news.xml"
    path.write_bytes(_urlset(
        f"<url><loc>{server.url('/n')}</loc><news:news><news:publication>"
        "<news:name>Local Times</news:name><news:language>en</news:language>"
        "</news:publication><news:publication_date>2024-05-01T12:00:00Z"
        "</news:publication_date><news:title>Big news</news:title></news:news></url>"))
    server.routes["/n"] = (200, HTML_TYPE, b"<html><body>n</body></html>")
    [doc] = SitemapSource(path, fetcher=fetcher).documents()
    assert isinstance(doc, FetchedDocument)
    assert (doc.title, doc.source, doc.lang) == ("Big news", "Local Times", "en")
    assert doc.published == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def test_index_loops_and_depth_are_bounded(server, fetcher):
    server.routes["/loop.xml"] = (200, XML_TYPE, (
        f'<sitemapindex {NS}><sitemap><loc>{server.url("/loop.xml")}</loc></sitemap>'
        "</sitemapindex>").encode())
    assert list(SitemapSource(server.url("/loop.xml"), fetcher=fetcher).documents()) == []
    assert server.paths().count("/loop.xml") == 1


def test_broken_sitemap_file_is_reported(tmp_path, fetcher):
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<urlset><url><loc>https://x.example/a</loc>")
    [problem] = SitemapSource(path, fetcher=fetcher).documents()
    assert isinstance(problem, IngestProblem)
    assert problem.location == str(path)


def test_pages_skip_says_are_known_are_not_fetched_and_do_not_use_the_limit(server, fetcher):
    server.routes["/s.xml"] = (200, XML_TYPE, _urlset(
        _url(server.url("/a"), "2024-05-03"), _url(server.url("/b"), "2024-05-02"),
        _url(server.url("/c"), "2024-05-01")))
    for path in ("/a", "/b", "/c"):
        server.routes[path] = (200, HTML_TYPE, f"<html><body>{path}</body></html>".encode())
    source = SitemapSource(server.url("/s.xml"), fetcher=fetcher, limit=2,
                           skip={server.url("/a")}.__contains__)
    docs = [item for item in source.documents() if isinstance(item, FetchedDocument)]
    assert [doc.url for doc in docs] == [server.url("/b"), server.url("/c")]
    assert "/a" not in server.paths()
