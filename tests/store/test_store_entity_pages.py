"""The entity pages' store queries (migrations 0005_web_entity_index and
0007_entity_page_index), on both backends, on small hand-built data: results, orderings and
tie-breaks must be the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.stages.entities_records import ArticleEntities, EntityRecord, Mention
from babelwire.store import ArticleWrite, Store
from babelwire.web.countries import url_origin

T0 = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)

SCHOLZ = EntityRecord(id=1, name="Olaf Scholz", kind="person", canonical=None)
VIETNAM = EntityRecord(id=2, name="Vietnam", kind="place", canonical="place:VN")
STRASSE = EntityRecord(id=3, name="Hauptstraße", kind="place")
ZETA = EntityRecord(id=4, name="zeta", kind="org")
ALPHA = EntityRecord(id=5, name="Alpha", kind="org")
QUIET = EntityRecord(id=6, name="Nobody", kind="person")  # stored, never mentioned


def _article(store: Store, n: int, lang: str, when: datetime | None, *, story: int | None,
             dup: int | None = None, fetched: datetime = T0,
             url: str | None = None) -> tuple[int, int]:
    url = url or f"https://news-example.{'de' if lang == 'de' else 'com'}/{n}"
    article = Article(url=url, canonical_url=url, title=f"Title {n}", text=f"Text {n}",
                      source=f"Outlet {n}", published=when, fetched_at=fetched, location=url)
    enriched = EnrichedArticle(
        article=article, language=Language(code=lang, confidence=1.0),
        dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2), duplicate_of=dup,
                             reason="near" if dup else None, similarity=0.9 if dup else None),
        embedding=np.ones(4, dtype=np.float32))
    sid = story if story is not None else store.new_story(f"Story {n}", when or fetched)
    (aid,) = store.write_batch([ArticleWrite(enriched=enriched, story_id=sid, story_score=1.0)])
    return aid, sid


def _mentions(store: Store, aid: int, lang: str, *named: tuple[str, EntityRecord]) -> None:
    store.write_entities(ArticleEntities(
        article_id=aid, dates=(),
        entities=(SCHOLZ, VIETNAM, STRASSE, ZETA, ALPHA, QUIET),
        mentions=tuple(Mention(text=text, kind=e.kind, start=10 * i, end=10 * i + len(text),
                               lang=lang, entity_id=e.id)
                       for i, (text, e) in enumerate(named))))


@pytest.fixture
def pages(store: Store) -> dict[str, int]:
    """Five articles in two stories; ids by name."""
    a1, s1 = _article(store, 1, "de", T0 + timedelta(hours=2), story=None)
    a2, _ = _article(store, 2, "ru", T0, story=s1)
    a3, _ = _article(store, 3, "vi", None, story=s1, fetched=T0 + timedelta(hours=1), dup=a1)
    a4, s2 = _article(store, 4, "zh", T0 + timedelta(days=1), story=None)
    a5, _ = _article(store, 5, "en", T0 + timedelta(hours=2), story=s1)
    _mentions(store, a1, "de", ("Olaf Scholz", SCHOLZ), ("Scholz", SCHOLZ), ("Vietnam", VIETNAM),
              ("Hauptstraße", STRASSE), ("zeta", ZETA), ("Alpha", ALPHA))
    _mentions(store, a2, "ru", ("Олаф Шольц", SCHOLZ), ("Вьетнам", VIETNAM), ("Alpha", ALPHA))
    _mentions(store, a3, "vi", ("Việt Nam", VIETNAM), ("Việt Nam", VIETNAM), ("zeta", ZETA))
    _mentions(store, a4, "zh", ("越南", VIETNAM), ("朔尔茨", SCHOLZ))
    _mentions(store, a5, "en", ("Scholz", SCHOLZ), ("Vietnam", VIETNAM))
    return {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5, "s1": s1, "s2": s2}


def _listed(store: Store, **kw: object) -> list[tuple[int, int, tuple[str, ...]]]:
    return [(e.id, e.articles, e.languages) for e in store.entity_listing(**kw)]  # type: ignore[arg-type]


def test_the_entity_list_ranks_by_articles_then_id_and_pages(store, pages):
    assert _listed(store) == [
        (2, 5, ("de", "en", "ru", "vi", "zh")), (1, 4, ("de", "en", "ru", "zh")),
        (4, 2, ("de", "vi")), (5, 2, ("de", "ru")), (3, 1, ("de",))]
    assert _listed(store, offset=1, limit=2) == [
        (1, 4, ("de", "en", "ru", "zh")), (4, 2, ("de", "vi"))]
    assert [e.id for e in store.entity_listing(kind="org")] == [4, 5]
    assert store.entity_listing(kind="planet") == []
    (vietnam,) = store.entity_listing(kind="place", limit=1)
    assert (vietnam.name, vietnam.kind, vietnam.canonical) == ("Vietnam", "place", "place:VN")


@pytest.mark.parametrize(("needle", "found"), [
    ("ВЬЕТНАМ", [2]),  # any spelling, case folded in any script
    ("越南", [2]), ("шольц", [1]), ("OLAF", [1]), ("  sch ", [1]),
    ("việt", [2]), ("VIỆT NAM", [2]),
    ("viet nam", []),  # accents count, as Python's casefold leaves them
    ("HAUPTSTRASSE", [3]), ("straße", [3]),  # sharp s folds to ss
    ("a", [2, 1, 4, 5, 3]), ("zzqx", []), ("   ", [2, 1, 4, 5, 3]),
])
def test_the_name_filter_folds_case_in_every_script(store, pages, needle, found):
    assert [e.id for e in store.entity_listing(name=needle)] == found


def test_a_spelling_taken_back_no_longer_matches_or_counts(store, pages):
    _mentions(store, pages["a2"], "ru", ("Alpha", ALPHA))  # a2 re-read: no Russian spellings
    assert [e.id for e in store.entity_listing(name="вьетнам")] == []
    assert _listed(store, kind="place")[0] == (2, 4, ("de", "en", "vi", "zh"))
    assert ("Олаф Шольц", "ru") not in {(v.text, v.lang) for v in
                                         store.entity_variant_counts(1)}


def test_entity_detail_reads(store, pages):
    assert store.entity_record(2) == VIETNAM and store.entity_record(10**9) is None
    assert [(v.text, v.lang, v.count) for v in store.entity_variant_counts(2)] == [
        ("Việt Nam", "vi", 2), ("Vietnam", "de", 1), ("Vietnam", "en", 1),
        ("Вьетнам", "ru", 1), ("越南", "zh", 1)]
    assert store.entity_variant_counts(10**9) == []
    found = store.entity_articles(2)
    assert [(a.article_id, a.when, a.mentions, a.duplicate_of) for a in found] == [
        (pages["a2"], T0, 1, None), (pages["a3"], T0 + timedelta(hours=1), 2, pages["a1"]),
        (pages["a1"], T0 + timedelta(hours=2), 1, None),
        (pages["a5"], T0 + timedelta(hours=2), 1, None),
        (pages["a4"], T0 + timedelta(days=1), 1, None)]
    assert (found[0].story_id, found[0].lang, found[0].source, found[0].url) == (
        pages["s1"], "ru", "Outlet 2", "https://news-example.com/2")
    assert store.entity_articles(6) == []


def test_co_mentions_and_story_entities_break_ties_the_same_way(store, pages):
    assert [(c.entity.id, c.articles) for c in store.co_mentions(2)] == [
        (1, 4), (4, 2), (5, 2), (3, 1)]
    assert [c.entity.id for c in store.co_mentions(2, limit=2)] == [1, 4]
    assert [(c.entity.id, c.articles) for c in store.co_mentions(3)] == [
        (1, 1), (2, 1), (4, 1), (5, 1)]
    assert store.co_mentions(6) == []
    # ties by name in code point order: "Alpha" < "Hauptstraße" < "zeta"
    assert [(c.entity.name, c.articles) for c in store.story_entities(pages["s1"])] == [
        ("Vietnam", 4), ("Olaf Scholz", 3), ("Alpha", 2), ("zeta", 2), ("Hauptstraße", 1)]
    assert [c.entity.id for c in store.story_entities(pages["s1"], limit=1)] == [2]
    assert [c.entity for c in store.story_entities(pages["s2"])] == [SCHOLZ, VIETNAM]
    assert store.story_entities(10**9) == []


def test_story_heads_facets_and_sizes(store, pages):
    s1, s2 = pages["s1"], pages["s2"]
    heads = store.story_heads([s2, 10**9, s1, s2])
    assert [(h.id, h.title, h.languages, h.size) for h in heads] == [
        (s2, "Story 4", ("zh",), 1), (s1, "Story 1", ("de", "en", "ru", "vi"), 4)]
    assert (heads[1].first_seen, heads[1].last_seen) == (T0, T0 + timedelta(hours=2))
    for story_id, head in ((s1, heads[1]), (s2, heads[0])):
        story = store.story(story_id)
        assert story is not None
        assert (head.title, head.languages, head.size, head.first_seen, head.last_seen) == (
            story.title, story.languages, story.size, story.first_seen, story.last_seen)
    assert store.story_heads([]) == []
    facets = store.article_facets([pages["a3"], 10**9, pages["a1"], pages["a3"]])
    assert [(f.id, f.lang, f.source, f.when) for f in facets] == [
        (pages["a3"], "vi", "Outlet 3", T0 + timedelta(hours=1)),
        (pages["a1"], "de", "Outlet 1", T0 + timedelta(hours=2))]
    assert store.article_facets([]) == []
    assert (store.story_size(s1), store.story_size(s2), store.story_size(10**9)) == (4, 1, 0)


def test_greek_final_sigma_and_sharp_s_fold_as_pythons_casefold(store):
    aid, _ = _article(store, 1, "el", T0, story=None)
    greek = EntityRecord(id=1, name="Γιάννης", kind="person")
    street = EntityRecord(id=2, name="GROẞE STRAẞE", kind="place")
    store.write_entities(ArticleEntities(
        article_id=aid, dates=(), entities=(greek, street),
        mentions=(Mention(text="Γιάννη", kind="person", start=0, end=6, lang="el", entity_id=1),
                  Mention(text="Große Straße", kind="place", start=9, end=21, lang="el",
                          entity_id=2))))
    for needle, found in (("σ", [1]), ("ΓΙΆΝΝΗΣ", [1]), ("γιάννη", [1]), ("γιαννης", []),
                          ("grosse strasse", [2]), ("ß", [2]), ("SS", [2]), ("ẞ", [2])):
        assert [e.id for e in store.entity_listing(name=needle)] == found, needle


def test_entity_span_and_page_counts(store, pages):
    span = store.entity_span(2)
    assert (span.articles, span.first, span.last) == (5, T0, T0 + timedelta(days=1))
    com, de = "https://news-example.com", "https://news-example.de"
    hourly = store.entity_page_counts(2, start=T0, bucket=timedelta(hours=1), buckets=25)
    assert hourly.by_language == (
        (0, "ru", 1), (1, "vi", 1), (2, "de", 1), (2, "en", 1), (24, "zh", 1))
    assert hourly.by_origin == ((0, com, 1), (1, com, 1), (2, com, 1), (2, de, 1), (24, com, 1))
    assert (hourly.top_stories, hourly.story_count) == (((pages["s1"], 4), (pages["s2"], 1)), 2)
    # Times before the first bucket count in it, times after the last in the last.
    clamped = store.entity_page_counts(2, start=T0 + timedelta(hours=1),
                                       bucket=timedelta(hours=1), buckets=2, most_stories=1)
    assert clamped.by_language == (
        (0, "ru", 1), (0, "vi", 1), (1, "de", 1), (1, "en", 1), (1, "zh", 1))
    assert clamped.by_origin == ((0, com, 2), (1, com, 2), (1, de, 1))
    assert (clamped.top_stories, clamped.story_count) == (((pages["s1"], 4),), 2)
    none = store.entity_page_counts(2, start=T0, bucket=timedelta(days=1), buckets=1,
                                    most_stories=0)
    assert (none.top_stories, none.story_count, none.by_language[0]) == ((), 2, (0, "de", 1))
    # Ties between stories go to the higher id.
    _mentions(store, pages["a4"], "zh", ("Hauptstraße", STRASSE))
    tied = store.entity_page_counts(3, start=T0, bucket=timedelta(days=1), buckets=2)
    assert tied.top_stories == ((pages["s2"], 1), (pages["s1"], 1))
    assert store.entity_span(3).articles == 2
    quiet = store.entity_page_counts(6, start=T0, bucket=timedelta(days=1), buckets=1)
    assert (quiet.by_language, quiet.by_origin, quiet.top_stories, quiet.story_count) == (
        (), (), (), 0)
    assert store.entity_span(6) == store.entity_span(10**9)
    assert (store.entity_span(6).articles, store.entity_span(6).first) == (0, None)
    with pytest.raises(ValueError, match="whole seconds"):
        store.entity_page_counts(2, start=T0, bucket=timedelta(seconds=1.5), buckets=2)
    with pytest.raises(ValueError, match="naive"):
        store.entity_page_counts(2, start=T0.replace(tzinfo=None), bucket=timedelta(hours=1),
                                 buckets=2)


@pytest.mark.parametrize("url", [
    "https://www.lemonde.fr/a/b", "http://news.bbc.co.uk", "https://h.example:8080/x?y=1",
    "https://user@h.example/x", "https://h.example?q=a/b", "https://h.example#r1",
    "https://nyheter.example.se/x#r7", "no slashes at all", "a//", "//h.example/x",
    "https://ví-dụ.vn/tin/1", "https://новости.рф/x//y",
])
def test_page_counts_cut_addresses_as_url_origin_does(store, url):
    aid, _ = _article(store, 1, "en", T0, story=None, url=url)
    _mentions(store, aid, "en", ("Vietnam", VIETNAM))
    counts = store.entity_page_counts(2, start=T0, bucket=timedelta(days=1), buckets=1)
    assert counts.by_origin == ((0, url_origin(url), 1),)


def test_a_database_made_before_0007_gets_the_index_and_keeps_its_counts(store_location,
                                                                         monkeypatch):
    from babelwire.store import migrations, open_store, postgres_migrations, sqlite

    names = [name for name, _ in migrations.MIGRATIONS]
    upto = names.index("0007_entity_page_index")
    monkeypatch.setattr(sqlite, "MIGRATIONS", migrations.MIGRATIONS[:upto])
    if store_location.startswith("postgresql"):
        from babelwire.store import postgres

        monkeypatch.setattr(postgres, "MIGRATIONS", postgres_migrations.MIGRATIONS[:upto])
    with open_store(store_location) as old:
        aid, _ = _article(old, 1, "de", T0, story=None)
        _mentions(old, aid, "de", ("Vietnam", VIETNAM))
        assert old.schema_version == upto  # type: ignore[attr-defined]
    monkeypatch.undo()
    with open_store(store_location) as new:
        assert new.schema_version == len(migrations.MIGRATIONS)  # type: ignore[attr-defined]
        counts = new.entity_page_counts(2, start=T0, bucket=timedelta(days=1), buckets=1)
        assert counts.by_language == ((0, "de", 1),) and counts.story_count == 1


def test_0008_moves_city_keys_to_current_zone_names(store_location, monkeypatch, raw_sql):
    """Entities found with an older Babel (Europe/Kiev) keep their key under the new name,
    unless an entity already holds the new one."""
    from babelwire.store import migrations, open_store, postgres_migrations, sqlite

    names = [name for name, _ in migrations.MIGRATIONS]
    upto = names.index("0008_current_zone_names")
    monkeypatch.setattr(sqlite, "MIGRATIONS", migrations.MIGRATIONS[:upto])
    if store_location.startswith("postgresql"):
        from babelwire.store import postgres

        monkeypatch.setattr(postgres, "MIGRATIONS", postgres_migrations.MIGRATIONS[:upto])
    kiev = EntityRecord(id=11, name="Kiev", kind="place", canonical="place:city:Europe/Kiev")
    saigon = EntityRecord(id=12, name="Saigon", kind="place", canonical="place:city:Asia/Saigon")
    hcmc = EntityRecord(id=13, name="Ho Chi Minh City", kind="place",
                        canonical="place:city:Asia/Ho_Chi_Minh")
    with open_store(store_location) as old:
        aid, _ = _article(old, 1, "uk", T0, story=None)
        old.write_entities(ArticleEntities(
            article_id=aid, dates=(), entities=(kiev, saigon, hcmc),
            mentions=tuple(Mention(text=e.name, kind="place", start=0, end=4, lang="uk",
                                   entity_id=e.id) for e in (kiev, saigon, hcmc))))
    monkeypatch.undo()
    with open_store(store_location) as new:
        keys = {name: key for name, key in raw_sql(new, "SELECT name, canonical FROM entities")}
    assert keys["Kiev"] == "place:city:Europe/Kyiv"
    assert keys["Saigon"] == "place:city:Asia/Saigon"  # the new key was taken: left as it was
    assert keys["Ho Chi Minh City"] == "place:city:Asia/Ho_Chi_Minh"
