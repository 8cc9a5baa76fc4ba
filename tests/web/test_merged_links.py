"""Links to a story or an entity that was merged into another lead on to the one it joined:
a 301 to it from the page and from the API, and the story command shows it."""

import sqlite3

from fastapi.testclient import TestClient

from babelwire.store import SQLiteStore


def test_a_merged_story_redirects_page_and_api_to_the_story_it_joined(client: TestClient,
                                                                     store: SQLiteStore):
    ranked = client.get("/api/stories", params={"range": "all", "limit": 200}).json()["items"]
    kept, gone = ranked[0]["id"], ranked[1]["id"]
    size = ranked[0]["size"] + ranked[1]["size"]
    store.merge_stories(gone, kept, {"score": 0.9, "test": True})

    page = client.get(f"/story/{gone}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/story/{kept}"
    followed = client.get(f"/story/{gone}")
    assert followed.status_code == 200 and str(followed.url).endswith(f"/story/{kept}")

    api = client.get(f"/api/story/{gone}", follow_redirects=False)
    assert api.status_code == 301 and api.headers["location"] == f"/api/story/{kept}"
    assert api.json() == {"detail": f"story {gone} was merged into story {kept}"}
    joined = client.get(f"/api/story/{gone}").json()
    assert joined["id"] == kept and joined["size"] == size
    # a story that never existed is still a 404, not a redirect
    assert client.get("/api/story/999999", follow_redirects=False).status_code == 404
    assert client.get("/story/999999", follow_redirects=False).status_code == 404


def test_a_merged_entity_redirects_page_and_api(client: TestClient, store: SQLiteStore,
                                                web_db):
    listing = client.get("/api/entities", params={"limit": 1}).json()["items"]
    kept = listing[0]["id"]
    gone = store.next_entity_id()  # an id no entity has: record it as merged into ``kept``
    with sqlite3.connect(web_db) as db:
        db.execute("INSERT INTO entity_merges (gone, kept) VALUES (?, ?)", (gone, kept))
    assert store.entity_successor(gone) == kept and store.next_entity_id() == gone + 1

    page = client.get(f"/entities/{gone}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/entities/{kept}"
    api = client.get(f"/api/entities/{gone}", follow_redirects=False)
    assert api.status_code == 301 and api.headers["location"] == f"/api/entities/{kept}"
    assert client.get(f"/api/entities/{gone}").json()["id"] == kept
    assert client.get(f"/entities/{gone + 1}", follow_redirects=False).status_code == 404


def test_the_openapi_schema_documents_the_redirects(client: TestClient):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/story/{story_id}", "/api/entities/{entity_id}"):
        assert "301" in paths[path]["get"]["responses"], path
