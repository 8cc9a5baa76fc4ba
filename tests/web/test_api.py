"""The JSON API over the sample corpus: shapes, ranking, filters, cursors, search, exports."""

from __future__ import annotations

import csv
import io
import json

import pytest

from babelwire.web.pagination import encode_cursor


def all_pages(client, path, params, *, key="items", limit=7):
    """Every item of a paginated list, following next_cursor; also the number of pages."""
    items, pages, cursor = [], 0, None
    while True:
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=query).json()
        items.extend(body[key])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages
        assert pages < 100


def test_stories_are_ranked_and_paginated_with_an_opaque_cursor(client):
    first = client.get("/api/stories", params={"range": "all", "limit": 5})
    assert first.status_code == 200
    body = first.json()
    assert body["total"] >= 20 and len(body["items"]) == 5
    assert body["as_of"].startswith("2026-11-13T14:00")  # the newest article, not the clock
    story = body["items"][0]
    assert {"id", "title", "languages", "size", "independent_size", "independent_sources",
            "first_seen", "last_seen", "recent", "heat", "activity"} <= set(story)
    heats = [s["heat"] for s in body["items"]]
    assert heats == sorted(heats, reverse=True)
    assert all(s["independent_sources"] <= s["independent_size"] <= s["size"]
               for s in body["items"])
    assert len(story["activity"]) == len(body["items"][1]["activity"]) > 1
    items, pages = all_pages(client, "/api/stories", {"range": "all"}, limit=7)
    assert len(items) == body["total"] and pages == -(-body["total"] // 7)
    assert len({s["id"] for s in items}) == len(items)
    assert [s["id"] for s in items[:5]] == [s["id"] for s in body["items"]]


def test_story_filters_by_language_source_and_range(client):
    everything = client.get("/api/stories", params={"range": "all", "limit": 200}).json()
    week = client.get("/api/stories", params={"range": "7d", "limit": 200}).json()
    assert 0 < week["total"] < everything["total"]
    assert all(s["last_seen"] >= "2026-11-06T14:00" for s in week["items"])
    arabic = client.get("/api/stories", params={"range": "all", "lang": "ar"}).json()
    assert arabic["total"] >= 3
    assert all("ar" in s["languages"] for s in arabic["items"])
    outlet = client.get("/api/stories", params={"range": "all", "source": "Global Wire"}).json()
    assert 1 <= outlet["total"] < everything["total"]
    nothing = client.get("/api/stories", params={"lang": "xx"}).json()
    assert nothing["items"] == [] and nothing["next_cursor"] is None
    bad = client.get("/api/stories", params={"range": "fortnight"})
    assert bad.status_code == 400 and "unknown range" in bad.json()["detail"]


def test_a_cursor_is_checked(client):
    body = client.get("/api/stories", params={"range": "all", "limit": 3}).json()
    cursor = body["next_cursor"]
    other = client.get("/api/stories", params={"range": "7d", "limit": 3, "cursor": cursor})
    assert other.status_code == 400 and "different query" in other.json()["detail"]
    for junk in ("%%%", "bm90IGpzb24", encode_cursor({"o": -4}, scope="stories",
                                                     params={"range": "all"})):
        bad = client.get("/api/stories", params={"range": "all", "cursor": junk})
        assert bad.status_code == 400 and "cursor" in bad.json()["detail"]
    too_many = client.get("/api/stories", params={"limit": 1000})
    assert too_many.status_code == 422 and "limit" in too_many.json()["detail"]


def test_story_detail_has_every_article_with_evidence_and_the_first_outlet(client):
    ranked = client.get("/api/stories", params={"range": "all", "limit": 200}).json()["items"]
    with_copies = next(s for s in ranked if s["size"] > s["independent_size"])
    body = client.get(f"/api/story/{with_copies['id']}").json()
    assert body["size"] == len(body["articles"]) == with_copies["size"]
    times = [a["published"] for a in body["articles"]]
    assert times == sorted(times)
    originals = [a for a in body["articles"] if a["duplicate_of"] is None]
    assert body["first"]["article_id"] == originals[0]["id"]
    assert body["first"]["source"] == originals[0]["source"]
    decisions = {a["evidence"]["decision"] for a in body["articles"]}
    assert {"started", "copy"} <= decisions
    copy = next(a for a in body["articles"] if a["duplicate_of"] is not None)
    assert copy["evidence"]["copy_of"] == copy["duplicate_of"]
    assert copy["duplicate_of"] in {a["id"] for a in body["articles"]}
    joined = [a for a in body["articles"] if a["evidence"]["decision"] == "joined"]
    for a in joined:
        e = a["evidence"]
        assert e["score"] >= e["threshold"] and 0 < e["nearest_similarity"] <= 1
        assert e["raw"]["decision"] == "joined"
        assert 0 <= e["lexical_similarity"] <= 1
        assert e["lexical_similarity"] == e["raw"]["lexical_similarity"]
    assert client.get("/api/story/999999").status_code == 404
    assert client.get("/api/story/abc").status_code == 422


@pytest.mark.parametrize("path", ["/api/story/99999999999999999999",
                                  "/api/entities/99999999999999999999",
                                  "/api/articles?story_id=-99999999999999999999"])
def test_ids_beyond_64_bits_are_a_named_422_not_a_server_error(client, path):
    answer = client.get(path)
    assert answer.status_code == 422
    assert "9223372036854775807" in answer.json()["detail"]
    name = path.split("?")[1].split("=")[0] if "?" in path else (
        "story_id" if "/story/" in path else "entity_id")
    assert f"parameter '{name}':" in answer.json()["detail"]  # named once, not 'path.x'


def test_articles_keyset_pagination_is_complete_and_newest_first(client, store):
    items, pages = all_pages(client, "/api/articles", {}, limit=40)
    assert len(items) == store.counts()["articles"] and pages == -(-len(items) // 40)
    assert len({a["id"] for a in items}) == len(items)
    keys = [(a["published"], a["id"]) for a in items]
    assert keys == sorted(keys, reverse=True)
    czech, _ = all_pages(client, "/api/articles", {"lang": "cs"}, limit=3)
    assert czech and all(a["lang"] == "cs" for a in czech)
    window = client.get("/api/articles", params={
        "since": "2026-11-03T00:00:00Z", "until": "2026-11-04T00:00:00Z", "limit": 200}).json()
    assert window["items"] and all(a["published"].startswith("2026-11-03")
                                   for a in window["items"])
    assert window["items"][0]["text"] is None
    with_text = client.get("/api/articles", params={"limit": 1, "include_text": "true"}).json()
    assert len(with_text["items"][0]["text"]) > 50
    naive = client.get("/api/articles", params={"since": "2026-11-03T00:00:00"})
    assert naive.status_code == 400 and "time zone" in naive.json()["detail"]
    for name, edge in (("since", "0001-01-01T00:00:00+14:00"),
                       ("until", "9999-12-31T23:59:59-14:00")):
        beyond = client.get("/api/articles", params={name: edge})  # not a year in UTC
        assert beyond.status_code == 400 and "out of range" in beyond.json()["detail"]


def test_keyword_search_groups_by_story_and_paginates(client):
    body = client.get("/api/search", params={"q": "Valencia OR Valencie OR Valence"}).json()
    assert body["mode"] == "keyword" and len(body["items"]) >= 3
    assert body["stories"] and sum(len(g["article_ids"]) for g in body["stories"]) == len(
        body["items"])
    scores = [h["score"] for h in body["items"]]
    assert scores == sorted(scores, reverse=True)
    items, pages = all_pages(client, "/api/search", {"q": "the OR der OR la"}, limit=25)
    assert pages >= 2 and len({h["id"] for h in items}) == len(items)


def test_search_filters_by_language_source_and_range(client):
    q = "the OR der OR la OR le OR el OR di"
    everything, _ = all_pages(client, "/api/search", {"q": q}, limit=50)
    german, pages = all_pages(client, "/api/search", {"q": q, "lang": "de"}, limit=3)
    assert pages >= 2 and german and {h["lang"] for h in german} == {"de"}
    assert [h["id"] for h in german] == [h["id"] for h in everything if h["lang"] == "de"]
    outlet = client.get("/api/search", params={"q": q, "source": "Global Wire"}).json()
    assert outlet["items"] and {h["source"] for h in outlet["items"]} == {"Global Wire"}
    week = client.get("/api/search", params={"q": q, "range": "7d", "limit": 200}).json()
    assert 0 < len(week["items"]) < len(everything)
    assert all((h["published"] or h["fetched_at"]) >= "2026-11-06T14:00" for h in week["items"])
    cursor = client.get("/api/search", params={"q": q, "lang": "de", "limit": 2}).json()[
        "next_cursor"]
    other = client.get("/api/search", params={"q": q, "lang": "fr", "cursor": cursor})
    assert other.status_code == 400 and "different query" in other.json()["detail"]
    bad = client.get("/api/search", params={"q": q, "range": "fortnight"})
    assert bad.status_code == 400 and "unknown range" in bad.json()["detail"]
    rows = client.get("/api/search.jsonl", params={"q": q, "lang": "de"}).text.splitlines()
    assert len(rows) == len(german) and all(json.loads(r)["lang"] == "de" for r in rows)


def test_a_malformed_query_is_a_400_with_an_explanation(client):
    for q in ('"unclosed', "(flood", "flood AND", "NOT"):
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 400, q
        assert r.json()["detail"] and "Traceback" not in r.text
    unknown = client.get("/api/search", params={"q": "flood", "mode": "fuzzy"})
    assert unknown.status_code == 400 and "mode" in unknown.json()["detail"]
    assert client.get("/api/search", params={"q": "x" * 600}).status_code == 400


def test_semantic_search_finds_other_languages(client):
    body = client.get("/api/search", params={"q": "earthquake injures people",
                                             "mode": "semantic", "limit": 30}).json()
    langs = {h["lang"] for h in body["items"]}
    assert len(langs) >= 4, langs
    assert all(h["duplicate_of"] is None for h in body["items"])
    top_story = body["stories"][0]
    assert "6" in top_story["title"] or "6,3" in top_story["title"] or "6.3" in top_story["title"]
    scores = [h["score"] for h in body["items"]]
    assert scores == sorted(scores, reverse=True) and 0.7 < scores[0] <= 1.0


def test_search_exports_csv_and_jsonl(client):
    params = {"q": "Valencia OR Valencie OR Valence", "limit": 50}
    page = client.get("/api/search", params={**params, "limit": 200}).json()["items"]
    r = client.get("/api/search.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [int(row["article_id"]) for row in rows] == [h["id"] for h in page]
    assert set(rows[0]) == {"article_id", "story_id", "score", "published", "lang", "source",
                            "title", "url", "duplicate_of"}
    j = client.get("/api/search.jsonl", params=params)
    assert j.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in j.text.splitlines()]
    assert [x["article_id"] for x in lines] == [h["id"] for h in page]
    assert client.get("/api/search.csv", params={"q": '"oops'}).status_code == 400
    small = client.get("/api/search.jsonl", params={**params, "limit": 2})
    assert len(small.text.splitlines()) == 2


def test_csv_cells_that_look_like_formulas_are_defused():
    from babelwire.web.api import _spreadsheet_safe

    assert _spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _spreadsheet_safe("-5 dead") == "'-5 dead"
    assert _spreadsheet_safe("Floods") == "Floods" and _spreadsheet_safe(3) == 3


def test_sources_report_counts_and_silence(client, store):
    items, _ = all_pages(client, "/api/sources", {}, limit=20)
    assert len(items) == store.counts()["sources"]
    assert sum(s["articles"] for s in items) == store.counts()["articles"]
    wire = next(s for s in items if s["name"] == "Global Wire")
    assert wire["articles"] >= 2 and wire["per_day"] > 0 and wire["last_article"]
    silent = [s for s in items if s["silent_days"] is not None]
    assert silent and all(s["silent_days"] >= 2 for s in silent)
    by_silence = client.get("/api/sources", params={"sort": "silent", "limit": 200}).json()
    lasts = [s["last_article"] for s in by_silence["items"]]
    assert lasts == sorted(lasts)


def test_openapi_describes_the_api_and_no_cdn_docs_are_served(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/story/{story_id}", "/api/articles", "/api/search",
            "/api/search.csv", "/api/search.jsonl", "/api/sources"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/sources"]
    assert "token" in spec["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_security_headers_on_every_response(client):
    for path in ("/", "/api/stories", "/static/style.css", "/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
