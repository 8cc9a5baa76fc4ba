"""Local files and folders: dispatch by extension, pages, text files, charsets."""

from __future__ import annotations

import shutil

from babelwire.records import FetchedDocument, IngestProblem
from babelwire.sources.files import FileSource, canonical_url, file_kind


def _split(items):
    docs = [item for item in items if isinstance(item, FetchedDocument)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    return docs, problems


def test_file_kinds(tmp_path):
    assert file_kind(tmp_path / "a.HTML") == "html"
    assert file_kind(tmp_path / "a.warc.gz") == "warc"
    assert file_kind(tmp_path / "a.gz") is None
    assert file_kind(tmp_path / "a.csv") is None


def test_windows_1251_page_with_meta_charset(data_dir):
    [doc] = FileSource(data_dir / "page-cp1251.html").documents()
    assert isinstance(doc, FetchedDocument)
    assert doc.html is not None and "Шторм закрыл гавань" in doc.html
    assert "\ufffd" not in doc.html
    assert doc.url.startswith("file://")
    assert doc.source == "sources"  # the folder's name
    assert doc.location == str(data_dir / "page-cp1251.html")


def test_broken_html_still_yields_a_document(data_dir):
    [doc] = FileSource(data_dir / "broken.html").documents()
    assert isinstance(doc, FetchedDocument)
    assert doc.html is not None and "storm closed the harbour" in doc.html


def test_text_file_title_and_body(data_dir):
    [doc] = FileSource(data_dir / "note.txt").documents()
    assert isinstance(doc, FetchedDocument)
    assert doc.title == "Storm closes harbour"
    assert doc.text == "The harbour was closed on Tuesday.\n\nFerries will resume on Wednesday."
    assert doc.html is None


def test_text_file_in_another_encoding(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(("Заголовок\n" + "Во вторник гавань была закрыта из-за шторма. " * 4)
                     .encode("cp1251"))
    [doc] = FileSource(path).documents()
    assert doc.title == "Заголовок"
    assert doc.text.startswith("Во вторник")


def test_empty_and_title_only_text_files(tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    (tmp_path / "title.txt").write_text("Only a title\n", encoding="utf-8")
    docs, problems = _split(list(FileSource(tmp_path).documents()))
    assert docs == []
    assert sorted(p.location for p in problems) == [str(tmp_path / "empty.txt"),
                                                    str(tmp_path / "title.txt")]


def test_canonical_url_gives_url_and_source(tmp_path):
    path = tmp_path / "saved.html"
    path.write_text('<html><head><meta property="og:url" content="https://b.example/og">'
                    '<link href="https://news.example.com/2024/story" rel="canonical">'
                    "</head><body><p>x</p></body></html>", encoding="utf-8")
    [doc] = FileSource(path).documents()
    assert doc.url == "https://news.example.com/2024/story"
    assert doc.source == "news.example.com"
    assert canonical_url('<meta property="og:url" content="https://b.example/og">') == \
        "https://b.example/og"
    assert canonical_url('<link rel="canonical" href="/relative">') is None


def test_folder_is_walked_recursively_in_sorted_order(tmp_path, data_dir):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(data_dir / "note.txt", tmp_path / "b" / "2.txt")
    shutil.copy(data_dir / "note.txt", tmp_path / "b" / "1.txt")
    shutil.copy(data_dir / "broken.html", tmp_path / "a" / "deeper" / "page.htm")
    shutil.copy(data_dir / "note.txt", tmp_path / "a" / "z.txt")
    shutil.copy(data_dir / "note.txt", tmp_path / ".hidden" / "secret.txt")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "README").write_text("x", encoding="utf-8")
    docs, problems = _split(list(FileSource(tmp_path).documents()))
    assert problems == []  # unknown kinds in a folder are skipped silently
    assert [doc.location for doc in docs] == [
        str(tmp_path / "a" / "z.txt"),
        str(tmp_path / "a" / "deeper" / "page.htm"),
        str(tmp_path / "b" / "1.txt"),
        str(tmp_path / "b" / "2.txt"),
    ]
    assert docs[2].source == "b"


def test_folder_with_every_kind(data_dir):
    docs, problems = _split(list(FileSource(data_dir).documents()))
    kinds = {doc.location.rsplit("/", 1)[-1].split(":")[0].split("#")[0] for doc in docs}
    assert {"articles.jsonl", "broken.html", "note.txt", "page-cp1251.html"} <= kinds
    # feed.rss yields its entries (url = entry link); atom.xml likewise
    assert "https://news.example.com/2024/05/harbour" in {doc.url for doc in docs}
    assert "https://beispiel.example.org/bruecke" in {doc.url for doc in docs}
    # the broken feed, the bad JSONL lines, the link-less entry, and OPML without a Fetcher
    assert any(p.location.endswith("broken-feed.xml") for p in problems)
    assert any("no Fetcher" in p.reason for p in problems)


def test_unknown_file_named_explicitly_is_a_problem(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("a,b\n", encoding="utf-8")
    [problem] = FileSource(path).documents()
    assert isinstance(problem, IngestProblem)
    assert problem.location == str(path)
    assert ".csv" in problem.reason


def test_missing_path_is_a_problem(tmp_path):
    [problem] = FileSource(tmp_path / "gone.html").documents()
    assert isinstance(problem, IngestProblem)
    assert "no such file" in problem.reason


def test_a_pipe_is_named_as_such_not_as_missing(tmp_path):
    import os

    fifo = tmp_path / "feed.html"
    os.mkfifo(fifo)
    [problem] = FileSource(fifo).documents()  # read nothing: a pipe would block
    assert isinstance(problem, IngestProblem)
    assert problem.reason.startswith("not a regular file or folder")
    (tmp_path / "page.txt").write_text("Title\n\nBody text.", encoding="utf-8")
    items = list(FileSource(tmp_path).documents())  # in a folder too, beside a real file
    assert [type(i).__name__ for i in items] == ["IngestProblem", "FetchedDocument"]
    assert items[0].location == str(fifo) and "regular" in items[0].reason


def test_a_file_too_large_to_be_a_page_or_feed_is_refused_unread(tmp_path, monkeypatch):
    from babelwire.sources import base

    monkeypatch.setattr(base, "MAX_LOCAL_BYTES", 1000)
    (tmp_path / "huge.html").write_text("<p>" + "word " * 400 + "</p>", encoding="utf-8")
    (tmp_path / "huge.rss").write_text("<rss>" + " " * 2000 + "</rss>", encoding="utf-8")
    (tmp_path / "small.txt").write_text("Title\n\nBody.", encoding="utf-8")
    items = list(FileSource(tmp_path).documents())
    refused = {i.location.rsplit("/", 1)[1]: i.reason for i in items
               if isinstance(i, IngestProblem)}
    assert set(refused) == {"huge.html", "huge.rss"}
    assert all("larger than 0 MiB" in r and "JSON Lines" in r for r in refused.values())
    assert [i.location.rsplit("/", 1)[1] for i in items
            if isinstance(i, FetchedDocument)] == ["small.txt"]
