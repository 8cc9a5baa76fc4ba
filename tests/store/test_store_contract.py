"""The Store contract, run on SQLite and on PostgreSQL (the ``store`` fixture in conftest)."""

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from babelwire.errors import QueryError
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.store import ArticleWrite, open_store

T0 = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)


def enriched(n: int, title: str, text: str, lang: str = "en", *, dup: int | None = None,
             when: datetime = T0) -> EnrichedArticle:
    url = f"https://news-example.com/{n}"
    article = Article(url=url, canonical_url=url, title=title, text=text, source="Example News",
                      published=when, fetched_at=when, location=url)
    vec = np.zeros(4, dtype=np.float32)
    vec[n % 4] = 1.0
    return EnrichedArticle(
        article=article, language=Language(code=lang, confidence=0.99),
        dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2, 3), duplicate_of=dup,
                             reason="near" if dup else None),
        embedding=vec)


def integrity_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, psycopg.IntegrityError)


def test_schema_is_migrated_once(store_location):
    with open_store(store_location) as first:
        version = first.schema_version  # type: ignore[attr-defined]
    with open_store(store_location) as again:  # reopening applies nothing twice
        assert again.schema_version == version >= 3  # type: ignore[attr-defined]


def test_write_read_stories_and_copies_count_once(store):
    sid = store.new_story("Floods in Valencia", T0)
    ids = store.write_batch([
        ArticleWrite(enriched=enriched(1, "Floods in Valencia", "Twelve died."), story_id=sid,
                     story_score=1.0, story_evidence={"decision": "new story"}),
        ArticleWrite(enriched=enriched(2, "Povodně ve Valencii", "Zemřelo dvanáct lidí.", "cs",
                                       when=T0 + timedelta(hours=5)),
                     story_id=sid, story_score=0.8),
    ])
    store.write_batch([ArticleWrite(enriched=enriched(3, "Floods in Valencia!", "Twelve died.",
                                                      dup=ids[0]), story_id=sid, story_score=0.9)])
    story = store.story(sid)
    assert story is not None
    assert story.size == 3 and story.independent_size == 2
    assert story.languages == ("cs", "en")
    assert story.first_seen == T0 and story.last_seen == T0 + timedelta(hours=5)
    arts = store.articles()
    assert arts[0].title == "Floods in Valencia"
    copy = next(a for a in arts if a.url.endswith("/3"))
    assert copy.duplicate_of_url == "https://news-example.com/1"
    assert arts[0].published is not None and arts[0].published.tzinfo is not None
    assert store.known_urls(["https://news-example.com/1", "https://x.org"]) == {
        "https://news-example.com/1"}
    assert store.find_by_hash("h2") == ids[1]
    assert store.counts()["duplicates"] == 1
    members = list(store.iter_cluster_members())
    assert len(members) == 3 and members[0].embedding.shape == (4,)


def test_cluster_members_by_time_and_by_story(store):
    first, second = store.new_story("a", T0), store.new_story("b", T0)
    store.write_batch([
        ArticleWrite(enriched=enriched(n, f"t{n}", "x", when=T0 + timedelta(days=n)),
                     story_id=first if n % 2 else second, story_score=1.0)
        for n in range(1, 7)])
    day = timedelta(days=1)
    # since is inclusive, until exclusive; the time is published, else fetched
    assert [m.id for m in store.iter_cluster_members(since=T0 + 2 * day, until=T0 + 4 * day)
            ] == [2, 3]
    assert [m.id for m in store.iter_cluster_members(since=T0 + 5 * day)] == [5, 6]
    assert [m.id for m in store.iter_cluster_members(story_ids=[first])] == [1, 3, 5]
    assert [m.id for m in store.iter_cluster_members(story_ids={first, second},
                                                     until=T0 + 3 * day)] == [1, 2]
    assert list(store.iter_cluster_members(story_ids=[])) == []


def test_minhashes_of_originals_by_time(store):
    sid = store.new_story("a", T0)
    day = timedelta(days=1)
    store.write_batch([ArticleWrite(enriched=enriched(n, f"t{n}", "x", when=T0 + n * day),
                                    story_id=sid, story_score=1.0) for n in range(1, 5)])
    ids = [a.id for a in sorted(store.articles(), key=lambda a: a.url)]
    store.write_batch([ArticleWrite(  # a copy is never an original, whatever its time
        enriched=enriched(5, "t5", "x", when=T0 + 2 * day, dup=ids[0]), story_id=sid,
        story_score=1.0)])
    assert [aid for aid, _ in store.iter_minhashes()] == ids
    assert [aid for aid, _ in store.iter_minhashes(since=T0 + 2 * day, until=T0 + 4 * day)
            ] == ids[1:3]
    assert [aid for aid, _ in store.iter_minhashes(since=T0 + 4 * day)] == ids[3:]
    assert dict(store.iter_minhashes(until=T0 + 2 * day))[ids[0]] == (1, 2, 3)


def test_duplicate_canonical_url_rolls_back_the_whole_batch(store):
    sid = store.new_story("s", T0)
    store.write_batch([ArticleWrite(enriched=enriched(1, "a", "b"), story_id=sid,
                                    story_score=1)])
    with pytest.raises(integrity_errors()):
        store.write_batch([
            ArticleWrite(enriched=enriched(2, "c", "d"), story_id=sid, story_score=1),
            ArticleWrite(enriched=enriched(1, "a", "b"), story_id=sid, story_score=1),
        ])
    assert [a.title for a in store.articles()] == ["a"]


def test_full_text_search_diacritics_cjk_and_errors(store):
    sid = store.new_story("s", T0)
    store.write_batch([
        ArticleWrite(enriched=enriched(1, "Povodně ve Valencii", "Záchranáři pracovali celou noc.",
                                       "cs"), story_id=sid, story_score=1),
        ArticleWrite(enriched=enriched(2, "台风袭击越南中部", "台风造成十二人死亡。", "zh"),
                     story_id=sid, story_score=1),
        ArticleWrite(enriched=enriched(3, "Central bank holds rates", "The bank kept rates.",
                                       "en"), story_id=sid, story_score=1),
    ])
    assert [h.url for h in store.search_text("povodne")] == ["https://news-example.com/1"]
    assert sorted(h.url for h in store.search_text("Zachranari OR rates")) == [
        "https://news-example.com/1", "https://news-example.com/3"]
    assert [h.url for h in store.search_text("越南中部")] == ["https://news-example.com/2"]
    assert [h.url for h in store.search_text("台风")] == ["https://news-example.com/2"]
    assert store.search_text('"central bank" NOT Japan')[0].url == "https://news-example.com/3"
    assert store.search_text("rates NOT bank") == []
    with pytest.raises(QueryError):
        store.search_text('"broken')


def test_validators_round_trip(store):
    assert store.get_validators("https://a.example/feed") == (None, None)
    store.put_validators("https://a.example/feed", '"abc"', "Tue, 03 Nov 2026 08:00:00 GMT")
    store.put_validators("https://a.example/feed", '"def"', None)
    assert store.get_validators("https://a.example/feed") == ('"def"', None)


def test_merge_stories_moves_articles_and_records_the_merge(store, raw_sql):
    a = store.new_story("A", T0)
    b = store.new_story("B", T0 + timedelta(days=1))
    store.write_batch([
        ArticleWrite(enriched=enriched(1, "one", "x"), story_id=a, story_score=1),
        ArticleWrite(enriched=enriched(2, "two", "y", when=T0 + timedelta(days=1)), story_id=b,
                     story_score=1, story_evidence={"decision": "new story"}),
    ])
    store.merge_stories(b, a, {"score": 0.9})
    assert store.story(b) is None
    merged = store.story(a)
    assert merged is not None and merged.size == 2
    assert merged.last_seen == T0 + timedelta(days=1)
    [(evidence,)] = raw_sql(store, "SELECT story_evidence FROM articles WHERE id = 2")
    if isinstance(evidence, str):  # SQLite keeps JSON as text
        evidence = json.loads(evidence)
    assert evidence == {"decision": "new story", "merge": {"merged_from": b, "score": 0.9}}
    assert raw_sql(store, "SELECT merged_into FROM stories WHERE id=?", (b,)) == [(a,)]
    assert store.story_successor(b) == a and store.story_successor(a) is None
    c = store.new_story("C", T0)
    store.write_batch([ArticleWrite(enriched=enriched(3, "three", "z"), story_id=c,
                                    story_score=1)])
    store.merge_stories(a, c, {"score": 0.8})  # a link to b follows both merges
    assert store.story_successor(b) == c and store.story_successor(a) == c
    assert store.story_successor(c) is None and store.story_successor(10_000) is None


def test_lexical_frequencies_add_up_and_are_committed_at_once(store, store_location):
    assert store.lexical_frequencies() == (0, [], [])
    store.add_lexical_frequencies(2, [7, 3, 262_143], [1, 2, 2])
    store.add_lexical_frequencies(1, [3, 11], [1, 1])
    documents, buckets, counts = store.lexical_frequencies()
    assert documents == 3
    assert dict(zip(buckets, counts, strict=True)) == {3: 3, 7: 1, 11: 1, 262_143: 2}
    store.add_lexical_frequencies(5, [3], [5])
    store.rollback()  # nothing left to roll back: the counts are committed at once
    with open_store(store_location) as other:  # another process sees them
        assert other.lexical_frequencies()[0] == 8
