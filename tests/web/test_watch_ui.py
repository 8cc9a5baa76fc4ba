"""The Stories page's watchlist filter and the Watchlists page's add and remove forms."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from babelwire.alerts.watches import add_watch, matching_stories, new_watch
from babelwire.pipeline import Pipeline
from babelwire.records import FetchedDocument
from babelwire.web.auth import COOKIE
from babelwire.web.tokens import create_token
from babelwire.web.watch_filter import WatchIndex

from .conftest import NOW, web_settings

HOSTILE_NAME = '<img src=x onerror="alert(5)"> & "co"'
HOSTILE_ESCAPED = "&lt;img src=x onerror=&#34;alert(5)&#34;&gt; &amp; &#34;co&#34;"


@pytest.fixture(scope="module")
def tokens(store):
    write, _ = create_token(store, "ui-writer", can_write=True)
    read, _ = create_token(store, "ui-reader", can_write=False)
    return {"write": write, "read": read}


@pytest.fixture(scope="module")
def quake(store):
    watch = new_watch(name="quake", query="earthquake OR Erdbeben OR séisme OR terremoto",
                      created_at=datetime(2026, 11, 14, tzinfo=UTC))
    return add_watch(store, watch)


def test_the_filter_menu_is_hidden_without_watches(client, store):
    assert not store.watches()  # the first test of the module: no watch exists yet
    assert 'id="f-watch"' not in client.get("/").text


def _ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'class="story-title"[^>]*><a href="/story/(\d+)"', page)]


def test_api_stories_filtered_by_a_watch(client, store, quake):
    expected = {m.story_id for m in matching_stories(store, quake)}
    assert expected
    got = client.get("/api/stories", params={"watch": "quake", "range": "all", "limit": 200})
    assert got.status_code == 200, got.text
    body = got.json()
    assert {s["id"] for s in body["items"]} == expected and body["total"] == len(expected)
    assert body["watch"] == "quake" and body["range"] == "all"
    everything = client.get("/api/stories", params={"range": "all", "limit": 200}).json()
    assert everything["total"] > len(expected)
    # combined with a language: the intersection
    fr = client.get("/api/stories", params={"watch": "quake", "range": "all", "lang": "fr",
                                            "limit": 200}).json()
    only_fr = {s["id"] for s in client.get("/api/stories", params={
        "range": "all", "lang": "fr", "limit": 200}).json()["items"]}
    assert {s["id"] for s in fr["items"]} == expected & only_fr


def test_the_watch_filter_pages_with_cursors(client, store, quake):
    expected = {m.story_id for m in matching_stories(store, quake)}
    seen, cursor = [], None
    while True:
        params = {"watch": "quake", "range": "all", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/stories", params=params).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) and set(seen) == expected
    first = client.get("/api/stories", params={"watch": "quake", "range": "all",
                                               "limit": 1}).json()
    if first["next_cursor"]:
        other = client.get("/api/stories", params={"range": "all", "limit": 1,
                                                   "cursor": first["next_cursor"]})
        assert other.status_code == 400 and "different query" in other.json()["detail"]


def test_the_stories_page_filters_by_a_watch(client, store, quake):
    expected = {m.story_id for m in matching_stories(store, quake)}
    page = client.get("/", params={"watch": "quake", "range": "all"})
    assert page.status_code == 200
    assert set(_ids(page.text)) == expected
    assert 'id="f-watch"' in page.text and '<option value="quake" selected>' in page.text
    assert "matching the watchlist" in page.text


def test_an_unknown_watch_is_a_404_not_a_500(client, quake):
    got = client.get("/api/stories", params={"watch": "no such watch"})
    assert got.status_code == 404 and "no watchlist called 'no such watch'" in got.json()["detail"]
    page = client.get("/", params={"watch": "no such watch"})
    assert page.status_code == 404 and "no watchlist called" in page.text


def test_the_openapi_document_has_the_watch_parameter(client):
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/api/stories"]["get"]["parameters"]}
    assert {"watch", "lang", "source", "range", "cursor", "limit"} <= params


def _add(client, token: str | None, **fields: str):
    form = {"name": "", "query": "", "languages": "", "sources": "", "webhook": "",
            "email": "", **fields}
    if token is not None:
        form["token"] = token
    return client.post("/watchlists", data=form, follow_redirects=False)


def test_adding_a_watch_needs_a_write_token(client, store, tokens):
    none = _add(client, None, name="rail", query='"rail strike"')
    assert none.status_code == 401 and "needs a write token" in none.text
    assert 'value="rail"' in none.text and 'value="&#34;rail strike&#34;"' in none.text
    wrong = _add(client, "bw_not-a-token", name="rail", query="strike")
    assert wrong.status_code == 401 and "unknown or revoked token" in wrong.text
    reader = _add(client, tokens["read"], name="rail", query="strike")
    assert reader.status_code == 403 and "may only read" in reader.text
    assert store.watch("rail") is None
    # the sign-in cookie, even of a write token, never authorises a write
    client.cookies.set(COOKIE, tokens["write"])
    try:
        cookie = _add(client, None, name="rail", query="strike")
        assert cookie.status_code == 401 and store.watch("rail") is None
    finally:
        client.cookies.clear()
    made = _add(client, tokens["write"], name="rail", query='"rail strike" OR grève',
                languages="fr, de en", sources="Le Monde\nDer Spiegel",
                webhook="https://hooks.example.org/bw", email="desk@example.org")
    assert made.status_code == 303 and made.headers["location"] == "/watchlists?added=rail"
    watch = store.watch("rail")
    assert watch is not None and watch.languages == ("fr", "de", "en")
    assert watch.sources == ("Le Monde", "Der Spiegel") and watch.email == "desk@example.org"
    assert watch.webhook_url == "https://hooks.example.org/bw" and watch.webhook_secret
    page = client.get(made.headers["location"])
    assert "Watchlist &#39;rail&#39; added." in page.text
    assert '<h2>rail</h2>' in page.text


def test_validation_errors_are_shown_by_the_form_with_the_values_kept(client, tokens):
    bad = _add(client, tokens["write"], name="broken", query="(floods OR rain")
    assert bad.status_code == 400 and "unclosed &#39;(&#39;" in bad.text
    assert 'id="add-error"' in bad.text and 'value="(floods OR rain"' in bad.text
    assert tokens["write"] not in bad.text  # the token is never echoed
    mail = _add(client, tokens["write"], name="m", query="x", email="not-an-address")
    assert mail.status_code == 400 and "is not an email address" in mail.text
    hook = _add(client, tokens["write"], name="h", query="x", webhook="ftp://example.org/")
    assert hook.status_code == 400 and "webhook" in hook.text
    empty = _add(client, tokens["write"], name="  ", query="x")
    assert empty.status_code == 400 and "watch name" in empty.text
    twice = _add(client, tokens["write"], name="rail", query="x")
    assert twice.status_code == 400 and "exists already" in twice.text


def test_removing_a_watch(client, store, tokens):
    assert _add(client, tokens["write"], name="gone soon", query="x").status_code == 303
    form = {"name": "gone soon"}
    refused = client.post("/watchlists/remove", data={**form, "token": tokens["read"]},
                          follow_redirects=False)
    assert refused.status_code == 403 and "may only read" in refused.text
    assert store.watch("gone soon") is not None
    none = client.post("/watchlists/remove", data=form, follow_redirects=False)
    assert none.status_code == 401 and store.watch("gone soon") is not None
    done = client.post("/watchlists/remove", data={**form, "token": tokens["write"]},
                       follow_redirects=False)
    assert done.status_code == 303 and store.watch("gone soon") is None
    assert "removed" in client.get(done.headers["location"]).text
    again = client.post("/watchlists/remove", data={**form, "token": tokens["write"]},
                        follow_redirects=False)
    assert again.status_code == 404 and "no watchlist called" in again.text


def test_hostile_watch_names_are_escaped_everywhere(client, store, tokens):
    made = _add(client, tokens["write"], name=HOSTILE_NAME, query="earthquake")
    assert made.status_code == 303
    for path in ("/watchlists", "/"):
        page = client.get(path)
        assert page.status_code == 200
        assert HOSTILE_NAME not in page.text
        assert HOSTILE_ESCAPED in page.text
    filtered = client.get("/", params={"watch": HOSTILE_NAME, "range": "all"})
    assert filtered.status_code == 200 and HOSTILE_NAME not in filtered.text
    assert _ids(filtered.text)
    api = client.get("/api/stories", params={"watch": HOSTILE_NAME, "range": "all"})
    assert api.status_code == 200 and api.json()["items"]
    bad = _add(client, tokens["write"], name=HOSTILE_NAME + "x", query='"<b>unclosed')
    assert bad.status_code == 400 and "<b>" not in bad.text and HOSTILE_NAME not in bad.text


def test_the_index_follows_new_articles_and_changed_watches(client, store, tokens, quake,
                                                            hostile_story):
    before = client.get("/api/stories", params={"watch": "quake", "range": "all",
                                                "limit": 200}).json()["total"]
    assert _add(client, tokens["write"], name="dam", query="Hostile").status_code == 303
    found = client.get("/api/stories", params={"watch": "dam", "range": "all"}).json()
    assert [s["id"] for s in found["items"]] == [hostile_story]
    assert client.get("/api/stories", params={"watch": "quake", "range": "all",
                                              "limit": 200}).json()["total"] == before


def test_a_private_server_needs_a_reader_too(make_app, store, tokens):
    from fastapi.testclient import TestClient

    with TestClient(make_app(read_token_required=True)) as private:
        form = {"name": "private", "query": "x", "token": tokens["write"]}
        anonymous = private.post("/watchlists", data=form, follow_redirects=False)
        assert anonymous.status_code == 401 and store.watch("private") is None
        private.cookies.set(COOKIE, tokens["read"])  # signed in to read; the form writes
        made = private.post("/watchlists", data=form, follow_redirects=False)
        assert made.status_code == 303 and store.watch("private") is not None
        assert private.get("/", params={"watch": "private"}).status_code == 200


class _Counting:
    """A store that records where ``articles_after`` was asked to start."""

    def __init__(self, store):
        self._store = store
        self.starts: list[int] = []

    def articles_after(self, article_id, *, limit):
        self.starts.append(article_id)
        return self._store.articles_after(article_id, limit=limit)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_the_index_reads_only_new_articles_and_follows_merges(client, store, web_db, embedder,
                                                             quake):
    """Last in the module: it adds an article and merges two stories."""
    watch = store.watch("quake")
    index = WatchIndex()
    counting = _Counting(store)
    first = index.story_ids(counting, watch)
    assert first == {m.story_id for m in matching_stories(store, watch)}
    top = store.max_article_id()
    counting.starts.clear()
    assert index.story_ids(counting, watch) == first and counting.starts == [top]
    new = FetchedDocument(
        location="quake-new", url="https://example.org/quake-testland", source="Test Wire",
        fetched_at=NOW, title="Earthquake shakes the coast of Testland",
        text="A strong earthquake shook the coast of Testland on Friday morning; the "
             "seismological office measured magnitude 6.1 and reported damage to harbour "
             "buildings in three towns.",
        published=datetime(2026, 11, 13, 15, 0, tzinfo=UTC), lang="en")
    assert Pipeline(store, web_settings(web_db), embedder=embedder).run([new]).new == 1
    counting.starts.clear()
    second = index.story_ids(counting, watch)
    added = next(a for a in store.articles_after(top, limit=10) if a.url == new.url)
    assert added.story_id in second and counting.starts[0] == top
    gone = next(iter(sorted(second)))
    into = next(s.id for s in store.stories(limit=50) if s.id not in second)
    store.merge_stories(gone, into, {"test": True})
    third = index.story_ids(store, watch)
    assert into in third and gone not in third
    assert third == {m.story_id for m in matching_stories(store, watch)}
    api = client.get("/api/stories", params={"watch": "quake", "range": "all", "limit": 200})
    assert {s["id"] for s in api.json()["items"]} == third
