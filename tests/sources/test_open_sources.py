"""open_sources: what each target is, decided by path or by one sniffing fetch."""

from __future__ import annotations

import gzip

import pytest

import babelwire.sources as sources
from babelwire.errors import SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources import (
    FailedSource,
    FeedSource,
    FileSource,
    OpmlSource,
    PageSource,
    SitemapSource,
    Source,
    UnchangedSource,
    open_sources,
)

HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}
PAGE = b"<!DOCTYPE html><html><head><title>P</title></head><body><p>page</p></body></html>"


def _serve_everything(server) -> None:
    server.routes["/feed"] = (200, {"Content-Type": "application/xml"}, (
        f'<rss version="2.0"><channel><title>Wire</title><item><title>One</title>'
        f"<link>{server.url('/page')}</link><description>s</description></item>"
        "</channel></rss>").encode())
    server.routes["/atom"] = (200, {"Content-Type": "text/xml"}, (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title>'
        f'<link href="{server.url("/page")}"/><id>e1</id><summary>s</summary></entry></feed>'
    ).encode())
    server.routes["/sitemap"] = (200, {"Content-Type": "text/xml"}, (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{server.url('/page')}</loc></url></urlset>").encode())
    server.routes["/sitemap.xml.gz"] = (200, {"Content-Type": "application/gzip"},
                                        gzip.compress(server.routes["/sitemap"][2]))
    server.routes["/subs"] = (200, {"Content-Type": "text/x-opml"}, (
        f'<opml version="2.0"><body><outline text="w" xmlUrl="{server.url("/feed")}"/>'
        "</body></opml>").encode())
    server.routes["/page"] = (200, HTML_TYPE, PAGE)


def test_urls_are_sniffed(server, fetcher):
    _serve_everything(server)
    opened = open_sources([server.url(p) for p in
                           ("/feed", "/atom", "/sitemap", "/sitemap.xml.gz", "/subs", "/page")],
                          fetcher=fetcher)
    assert [type(s) for s in opened] == [FeedSource, FeedSource, SitemapSource, SitemapSource,
                                         OpmlSource, PageSource]
    assert all(isinstance(s, Source) for s in opened)
    fetched_once = [p for p in server.paths() if p != "/robots.txt"]
    assert fetched_once == ["/feed", "/atom", "/sitemap", "/sitemap.xml.gz", "/subs", "/page"]


def test_sniffed_sources_reuse_the_first_response(server, fetcher):
    _serve_everything(server)
    [page] = open_sources([server.url("/page")], fetcher=fetcher)
    [doc] = page.documents()
    assert isinstance(doc, FetchedDocument)
    assert doc.html is not None and "<p>page</p>" in doc.html
    assert server.paths().count("/page") == 1
    [feed] = open_sources([server.url("/feed")], fetcher=fetcher)
    docs = list(feed.documents())
    assert server.paths().count("/feed") == 1
    assert [d.url for d in docs] == [server.url("/page")]


def test_paths_open_file_sources(data_dir):
    opened = open_sources([str(data_dir), str(data_dir / "feed.rss"),
                           (data_dir / "note.txt").as_uri()], fetcher=None)
    assert [type(s) for s in opened] == [FileSource, FileSource, FileSource]
    [doc] = opened[2].documents()
    assert doc.title == "Storm closes harbour"


def test_unknown_target_is_a_clear_error(tmp_path):
    with pytest.raises(SourceError, match="no such file or URL"):
        open_sources([str(tmp_path / "nope.jsonl")], fetcher=None)
    with pytest.raises(SourceError, match="scheme"):
        open_sources(["ftp://example.com/feed"], fetcher=None)
    with pytest.raises(SourceError, match="Fetcher"):
        open_sources(["https://example.com/feed"], fetcher=None)


def test_unreachable_url_is_reported_not_raised(server, fetcher, make_fetcher):
    [failed] = open_sources([server.url("/missing")], fetcher=fetcher)
    assert isinstance(failed, FailedSource)
    [problem] = failed.documents()
    assert isinstance(problem, IngestProblem)
    assert (problem.location, problem.stage) == (server.url("/missing"), "fetch")
    assert "404" in problem.reason
    [blocked] = open_sources([server.url("/x")], fetcher=make_fetcher(allow_loopback=False))
    [problem] = blocked.documents()
    assert "loopback" in problem.reason


def test_unchanged_url_gives_an_empty_source(server, fetcher):
    def page(request):
        if request.headers.get("if-none-match") == '"1"':
            return 304, {}, b""
        return 200, {**HTML_TYPE, "ETag": '"1"'}, PAGE

    server.routes["/page"] = page
    [first] = open_sources([server.url("/page")], fetcher=fetcher)
    assert len(list(first.documents())) == 1
    [second] = open_sources([server.url("/page")], fetcher=fetcher)
    assert isinstance(second, UnchangedSource)
    assert list(second.documents()) == []
    [third] = open_sources([server.url("/page")], fetcher=fetcher, conditional=False)
    assert isinstance(third, PageSource)


def test_page_source_reports_non_html(server, fetcher):
    server.routes["/file.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    [problem] = PageSource(server.url("/file.pdf"), fetcher=fetcher).documents()
    assert "not an HTML page" in problem.reason


def test_public_api():
    for name in sources.__all__:
        assert getattr(sources, name) is not None, name
    assert {"open_sources", "Source", "Fetcher", "FetchResult", "ValidatorCache",
            "MemoryValidatorCache"} <= set(sources.__all__)
