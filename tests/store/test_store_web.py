"""The store methods the web layer added, on small hand-built data (no models), on both
backends (``store_location`` in tests/store/conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from babelwire.errors import QueryError, StoreError
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.store import ArticleWrite, open_store

T0 = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)


def enriched(n: int, lang: str = "en", *, source: str = "Example News", dup: int | None = None,
             when: datetime = T0, vec: int | None = None) -> EnrichedArticle:
    url = f"https://news-example.com/{n}"
    article = Article(url=url, canonical_url=url, title=f"Title {n}", text=f"Text {n}",
                      source=source, published=when, fetched_at=when, location=url)
    embedding = np.zeros(4, dtype=np.float32)
    embedding[(n if vec is None else vec) % 4] = 1.0
    return EnrichedArticle(
        article=article, language=Language(code=lang, confidence=0.9),
        dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2), duplicate_of=dup,
                             reason="near" if dup else None, similarity=0.8 if dup else None),
        embedding=embedding)


@pytest.fixture
def store(store_location):
    with open_store(store_location) as s:
        a = s.new_story("Floods", T0)
        b = s.new_story("Rates", T0 + timedelta(days=2))
        ids = s.write_batch([
            ArticleWrite(enriched=enriched(1, "es", source="Diario"), story_id=a, story_score=1,
                         story_evidence={"decision": "new story"}),
            ArticleWrite(enriched=enriched(2, "en", source="Wire", when=T0 + timedelta(hours=3)),
                         story_id=a, story_score=1.2, story_evidence={"decision": "joined"}),
            ArticleWrite(enriched=enriched(4, "de", source="Zeitung", when=T0 + timedelta(days=2)),
                         story_id=b, story_score=1, story_evidence={"decision": "new story"}),
        ])
        s.write_batch([ArticleWrite(
            enriched=enriched(3, "en", source="Copycat", dup=ids[0], vec=1,
                              when=T0 + timedelta(hours=5)),
            story_id=a, story_score=0.8, story_evidence={"decision": "copy"})])
        yield s


def test_story_activity_counts_copies_once_and_filters(store):
    found = {s.title: s for s in store.story_activity()}
    floods = found["Floods"]
    assert (floods.size, floods.independent_size, floods.independent_sources) == (3, 2, 2)
    assert floods.languages == ("en", "es") and len(floods.times) == 3
    assert floods.original_times == (T0, T0 + timedelta(hours=3))
    assert floods.first_seen == T0 and floods.last_seen == T0 + timedelta(hours=5)
    assert [s.title for s in store.story_activity(lang="de")] == ["Rates"]
    assert [s.title for s in store.story_activity(source="Copycat")] == ["Floods"]
    assert [s.title for s in store.story_activity(since=T0 + timedelta(days=1))] == ["Rates"]
    assert store.story_activity(lang="es", source="Zeitung") == []


def test_story_members_carry_evidence_and_copy_reasons(store):
    members = store.story_members(store.story_activity(lang="es")[0].id)
    assert [m.article.title for m in members] == ["Title 1", "Title 2", "Title 3"]
    assert members[0].evidence == {"decision": "new story"}
    assert members[2].duplicate_reason == "near" and members[2].duplicate_similarity == 0.8
    assert members[2].article.duplicate_of == members[0].article.id


def test_articles_page_is_keyset_paginated_newest_first(store):
    first = store.articles_page(limit=2)
    assert [a.title for a in first] == ["Title 4", "Title 3"]
    last = first[-1]
    rest = store.articles_page(limit=5, before=(last.published, last.id))
    assert [a.title for a in rest] == ["Title 2", "Title 1"]
    assert [a.title for a in store.articles_page(lang="en")] == ["Title 3", "Title 2"]
    window = store.articles_page(since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=5))
    assert [a.title for a in window] == ["Title 2"]
    assert store.articles_by_ids([3, 99, 1]) == [store.article(3), store.article(1)]
    stories = store.stories_by_ids([2, 1, 7])
    assert [s.title for s in stories] == ["Rates", "Floods"]


def test_semantic_search_ranks_originals_by_cosine_and_sees_new_rows(store):
    query = np.array([0, 1, 0, 0], dtype=np.float32)
    hits = store.semantic_search(query, limit=3)
    assert hits[0].title == "Title 1" and hits[0].score == 1.0  # the copy (also axis 1) is left out
    assert {h.title for h in hits} == {"Title 1", "Title 2", "Title 4"}
    sid = store.story_activity(lang="de")[0].id
    store.write_batch([ArticleWrite(enriched=enriched(5, vec=1), story_id=sid, story_score=1)])
    assert {h.title for h in store.semantic_search(query, limit=2)} == {"Title 1", "Title 5"}
    with pytest.raises(QueryError, match="dimensions"):
        store.semantic_search(np.ones(3, dtype=np.float32))


def test_sources_health_languages_and_marker(store):
    marker = store.change_marker()
    health = {h.name: h for h in store.sources_health(daily_since=T0)}
    assert set(health) == {"Diario", "Wire", "Zeitung", "Copycat"}
    assert health["Copycat"].originals == 0 and health["Wire"].articles == 1
    assert health["Zeitung"].daily == {"2026-11-05": 1}
    assert store.language_counts()[0] == ("en", 2)
    assert store.newest_article_time() == T0 + timedelta(days=2)
    store.register_source("Wire", "https://wire.example/feed")
    assert store.change_marker() != marker


def test_registered_sources_and_tokens(store):
    first, created = store.register_source("Wire", "https://wire.example/feed")
    again, created_again = store.register_source("Other", "https://wire.example/feed")
    assert created and not created_again and again == first
    assert [s.url for s in store.registered_sources()] == ["https://wire.example/feed"]
    token = store.add_token("ci", "abc123", can_write=True)
    assert token.can_write and store.token_for_hash("abc123") == token
    with pytest.raises(StoreError, match="already exists"):
        store.add_token("ci", "def456", can_write=False)
    assert [t.name for t in store.api_tokens()] == ["ci"]
    assert store.revoke_token("ci") and not store.revoke_token("ci")
    assert store.token_for_hash("abc123") is None
