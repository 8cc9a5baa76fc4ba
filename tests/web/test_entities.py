"""Entity pages and ``/api/entities`` over the sample corpus (in-process, real SQLite)."""

from __future__ import annotations

import re

import pytest

from babelwire.stages.entities_records import ArticleEntities, EntityRecord, Mention
from babelwire.web.pagination import encode_cursor

HOSTILE_NAME = '<script>alert("entity")</script>'


def entity_id(client, name, kind=None):
    params = {"q": name, **({"kind": kind} if kind else {})}
    items = client.get("/api/entities", params=params).json()["items"]
    found = [e["id"] for e in items if e["name"] == name]
    assert found, (name, items)
    return found[0]


def test_entity_list_is_ranked_filtered_and_paginated(client):
    first = client.get("/api/entities", params={"limit": 10}).json()
    assert len(first["items"]) == 10 and first["next_cursor"]
    counts = [e["articles"] for e in first["items"]]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 5
    assert {"id", "name", "kind", "canonical", "articles", "languages"} <= set(first["items"][0])
    seen, cursor, pages = [], None, 0
    while True:
        body = client.get("/api/entities", params={
            "kind": "place", "limit": 25, **({"cursor": cursor} if cursor else {})}).json()
        seen.extend(body["items"])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages >= 2 and len({e["id"] for e in seen}) == len(seen) > 25
    assert {e["kind"] for e in seen} == {"place"}
    # The name filter matches any spelling, case-insensitively, in any script.
    by_cyrillic = client.get("/api/entities", params={"q": "ВЬЕТНАМ"}).json()["items"]
    by_han = client.get("/api/entities", params={"q": "越南"}).json()["items"]
    assert by_cyrillic[0]["name"] == "Vietnam" == by_han[0]["name"]
    assert client.get("/api/entities", params={"q": "zzqx-nothing"}).json() == {
        "items": [], "next_cursor": None}


def test_entity_list_refuses_a_bad_kind_or_a_foreign_cursor(client):
    bad = client.get("/api/entities", params={"kind": "planet"})
    assert bad.status_code == 400 and "unknown entity kind 'planet'" in bad.json()["detail"]
    # events and products (Brexit, Nord Stream 2) are kinds too, since the notable-names table
    for kind in ("event", "product"):
        ok = client.get("/api/entities", params={"kind": kind})
        assert ok.status_code == 200 and all(e["kind"] == kind for e in ok.json()["items"])
    cursor = encode_cursor({"o": 10}, scope="entities", params={"kind": "place"})
    other = client.get("/api/entities", params={"kind": "person", "cursor": cursor})
    assert other.status_code == 400 and "different query" in other.json()["detail"]


def test_entity_detail_groups_spellings_and_counts_coverage(client):
    eid = entity_id(client, "Vietnam", "place")
    d = client.get(f"/api/entities/{eid}").json()
    assert d["name"] == "Vietnam" and d["kind"] == "place" and d["canonical"] == "place:VN"
    scripts = {v["text"]: v["script"] for v in d["variants"]}
    assert scripts["越南"] == "Han" and scripts["Вьетнам"] == "Cyrillic"
    assert scripts["Việt Nam"] == "Latin" and scripts["베트남"] == "Hangul"
    langs = {c["key"]: c["articles"] for c in d["languages"]}
    assert sum(langs.values()) == d["articles"] >= 8 and langs["vi"] >= 2
    countries = {c["key"]: c for c in d["countries"]}
    assert countries["VN"]["name"] == "Vietnam" and countries["RU"]["articles"] >= 1
    assert sum(c["articles"] for c in d["countries"]) == d["articles"]
    # The timeline buckets add up to the same totals, per language and per country.
    buckets = d["timeline"]["buckets"]
    assert d["timeline"]["bucket_seconds"] in {3600, 21600, 86400, 604800, 2592000}
    assert sum(sum(b["by_language"].values()) for b in buckets) == d["articles"]
    assert sum(sum(b["by_country"].values()) for b in buckets) == d["articles"]
    assert [b["start"] for b in buckets] == sorted(b["start"] for b in buckets)
    # Co-mentions are ranked and point at real entities; stories name it.
    shared = [c["articles"] for c in d["co_mentions"]]
    assert shared and shared == sorted(shared, reverse=True)
    assert all(c["id"] != eid for c in d["co_mentions"])
    assert d["stories"] and d["story_count"] >= len(d["stories"])
    story = client.get(f"/api/story/{d['stories'][0]['id']}").json()
    assert eid in {e["id"] for e in story["entities"]}
    missing = client.get("/api/entities/987654")
    assert missing.status_code == 404 and missing.json() == {"detail": "no entity with id 987654"}


def test_entity_page_shows_variants_charts_countries_and_links(client):
    eid = entity_id(client, "Vietnam", "place")
    page = client.get(f"/entities/{eid}")
    assert page.status_code == 200
    html = page.text
    assert '<h1 class="entity-heading" dir="auto">Vietnam</h1>' in html
    assert "Names by language and script" in html and ">Cyrillic<" in html and ">Han<" in html
    assert html.count('class="cv-bar"') >= 4  # bars in both coverage charts
    assert 'id="coverage-language"' in html and 'id="coverage-country"' in html
    assert "country-code domain" in html and "unknown" in html
    assert re.search(r'href="/story/\d+"', html)
    assert re.search(r'href="/entities/\d+"', html)  # co-mentioned entities are linked
    listing = client.get("/entities", params={"kind": "person"})
    assert listing.status_code == 200 and 'aria-current="page">Entities<' in listing.text
    assert client.get("/entities", params={"kind": "planet"}).status_code == 400
    assert client.get("/entities/987654").status_code == 404


def test_story_page_and_search_link_to_entities(client):
    eid = entity_id(client, "Vietnam", "place")
    story_id = client.get(f"/api/entities/{eid}").json()["stories"][0]["id"]
    html = client.get(f"/story/{story_id}").text
    assert 'id="entities-h"' in html and f'href="/entities/{eid}"' in html
    found = client.get("/search", params={"q": "Vietnam"}).text
    assert f'href="/entities/{eid}"' in found


def test_right_to_left_names_are_marked(client):
    eid = entity_id(client, "إيلينا أورتيز")
    html = client.get(f"/entities/{eid}").text
    assert 'dir="rtl"' in html and ">Arabic<" in html
    assert '<h1 class="entity-heading" dir="auto">إيلينا أورتيز</h1>' in html


@pytest.fixture(scope="module")
def hostile_entity(store, client):
    article = store.articles(limit=1)[0]
    record = EntityRecord(id=900001, name=HOSTILE_NAME, kind="person")
    store.write_entities(ArticleEntities(
        article_id=article.id, entities=(record,), dates=(),
        mentions=(*store.article_mentions(article.id),
                  Mention(text=HOSTILE_NAME, kind="person", start=0, end=5, lang=article.lang,
                          entity_id=record.id))))
    return record.id


def test_hostile_entity_names_are_shown_as_text(client, hostile_entity):
    for path in (f"/entities/{hostile_entity}", "/entities?q=script"):
        html = client.get(path).text
        assert "<script>alert(" not in html
        assert "&lt;script&gt;alert(&#34;entity&#34;)&lt;/script&gt;" in html
    body = client.get(f"/api/entities/{hostile_entity}").json()
    assert body["name"] == HOSTILE_NAME  # JSON carries it verbatim; escaping is the page's job


def test_openapi_describes_the_entity_endpoints(client):
    spec = client.get("/openapi.json").json()
    listing = spec["paths"]["/api/entities"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"kind", "q", "limit", "cursor"}
    assert listing["responses"]["200"]["content"]["application/json"]["schema"][
        "$ref"].endswith("/EntitiesPage")
    detail = spec["paths"]["/api/entities/{entity_id}"]["get"]
    assert detail["responses"]["200"]["content"]["application/json"]["schema"][
        "$ref"].endswith("/EntityDetailOut")
    assert "404" in detail["responses"]
    fields = spec["components"]["schemas"]["EntityDetailOut"]["properties"]
    assert {"variants", "languages", "countries", "timeline", "co_mentions", "stories"} <= set(
        fields)
    story = spec["components"]["schemas"]["StoryDetailOut"]["properties"]
    assert "entities" in story
    search = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"lang", "source", "range"} <= search
