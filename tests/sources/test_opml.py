"""OPML subscription lists: import, safety, and reading every listed feed."""

from __future__ import annotations

import pytest

from babelwire.errors import SourceError
from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.opml import OpmlFeed, OpmlSource, parse_opml, read_opml


def test_import_fixture(data_dir):
    feeds = read_opml(data_dir / "subscriptions.opml")
    assert feeds == [
        OpmlFeed(url="https://news.example.com/feed.rss", title="Example Wire",
                 html_url="https://news.example.com/", category="World"),
        OpmlFeed(url="https://beispiel.example.org/atom.xml", title="Beispiel",
                 category="World"),
        OpmlFeed(url="http://audio.example.net/podcast.xml", title="Podcast"),
    ]


def test_refuses_dtd_and_non_opml(tmp_path):
    with pytest.raises(SourceError, match="DTD"):
        parse_opml(b'<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>', location="x")
    with pytest.raises(SourceError, match="not an OPML"):
        parse_opml(b"<rss/>", location="x")
    with pytest.raises(SourceError, match="cannot read"):
        read_opml(tmp_path / "none.opml")


def _opml(*urls: str) -> bytes:
    outlines = "".join(f'<outline type="rss" text="f{n}" xmlUrl="{url}"/>'
                       for n, url in enumerate(urls))
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'.encode()


def _rss(title: str, *links: str) -> bytes:
    items = "".join(f"<item><title>{link}</title><link>{link}</link>"
                    f"<description>About {link}</description></item>" for link in links)
    return (f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>').encode()


def test_source_reads_every_feed(server, fetcher, tmp_path):
    server.routes["/one.rss"] = (200, {"Content-Type": "application/rss+xml"},
                                 _rss("One", "https://one.example/a", "https://one.example/b"))
    server.routes["/two.rss"] = (200, {"Content-Type": "application/rss+xml"},
                                 _rss("Two", "https://two.example/c"))
    path = tmp_path / "subs.opml"
    path.write_bytes(_opml(server.url("/one.rss"), server.url("/gone.rss"),
                           server.url("/two.rss"), "ftp://old.example/feed"))
    items = list(OpmlSource(path, fetcher=fetcher, fetch_pages=False).documents())
    docs = [item for item in items if isinstance(item, FetchedDocument)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    assert [(doc.source, doc.url) for doc in docs] == [
        ("One", "https://one.example/a"), ("One", "https://one.example/b"),
        ("Two", "https://two.example/c")]
    assert [p.location for p in problems] == [server.url("/gone.rss"), "ftp://old.example/feed"]


def test_without_fetcher_every_feed_is_a_problem(data_dir):
    items = list(OpmlSource(data_dir / "subscriptions.opml", fetcher=None).documents())
    assert len(items) == 3
    assert all(isinstance(item, IngestProblem) and "Fetcher" in item.reason for item in items)


def test_broken_opml_is_a_problem(tmp_path, fetcher):
    path = tmp_path / "bad.opml"
    path.write_bytes(b"<opml><body><outline")
    [problem] = OpmlSource(path, fetcher=fetcher).documents()
    assert isinstance(problem, IngestProblem)
    assert problem.location == str(path)
