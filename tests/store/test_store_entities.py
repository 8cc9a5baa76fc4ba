"""Entities, spellings, mentions and text dates (migration 0002_entities), on both backends."""

from datetime import UTC, date, datetime

import numpy as np
import pytest

from babelwire.errors import StoreError
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import (
    ArticleEntities,
    EntityRecord,
    Mention,
    TextDate,
)
from babelwire.store import ArticleWrite, open_store
from babelwire.store.base import Store

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


def _write(store: Store, n: int, title: str, text: str, lang: str) -> int:
    url = f"https://news-example.com/{n}"
    article = Article(url=url, canonical_url=url, title=title, text=text, source="Example",
                      published=T0, fetched_at=T0, location=url)
    enriched = EnrichedArticle(article=article, language=Language(code=lang, confidence=1.0),
                               dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2)),
                               embedding=np.ones(4, dtype=np.float32))
    story = store.new_story(title, T0)
    (aid,) = store.write_batch([ArticleWrite(enriched=enriched, story_id=story, story_score=1.0)])
    return aid


def test_migration_adds_the_entity_tables_once(store, store_location, raw_sql):
    names = [r[0] for r in raw_sql(store, "SELECT name FROM schema_migrations")]
    assert names.count("0002_entities") == 1
    for table in ("entities", "entity_variants", "entity_mentions", "text_dates"):
        assert raw_sql(store, f"SELECT COUNT(*) FROM {table}") == [(0,)]
    store.close()
    open_store(store_location).close()  # reopening applies nothing twice


def test_write_read_and_rewrite_an_article(store):
    aid = _write(store, 1, "Scholz", "Olaf Scholz in Berlin", "en")
    person = EntityRecord(id=1, name="Olaf Scholz", kind="person")
    found = ArticleEntities(
        article_id=aid,
        mentions=(Mention(text="Olaf Scholz", kind="person", start=8, end=19, lang="en",
                          entity_id=1, rule="caps"),
                  Mention(text="Scholz", kind="person", start=0, end=6, lang="en", entity_id=1)),
        dates=(TextDate(text="today", start=0, end=5, value=date(2026, 10, 1), precision="day",
                        relative=True),),
        entities=(person,))
    store.write_entities(found)
    store.write_entities(found)  # writing the same article again replaces, not doubles
    [summary] = store.entities()
    assert summary.name == "Olaf Scholz" and summary.article_urls == ("https://news-example.com/1",)
    assert {(v.text, v.lang, v.count) for v in summary.variants} == {
        ("Olaf Scholz", "en", 1), ("Scholz", "en", 1)}
    assert [m.text for m in store.article_mentions(aid)] == ["Scholz", "Olaf Scholz"]
    assert store.article_dates(aid)[0].value == date(2026, 10, 1)
    rows = list(store.iter_entity_variants())
    assert {r.text for r in rows} == {"Olaf Scholz", "Scholz"}
    assert next(iter(store.iter_article_entities()))[0] == (1,)
    store.clear_entities()
    assert store.entities() == []


def test_stage_with_a_store_persists_and_reloads_its_memory(store):
    a1 = _write(store, 1, "Scholz in Paris", "Chancellor Olaf Scholz met Emmanuel Macron.", "en")
    a2 = _write(store, 2, "Шольц", "Канцлер Олаф Шольц встретился с Макроном.", "ru")
    stage = EntityStage(store, backend="none")
    first = stage.process(a1, "Scholz in Paris", "Chancellor Olaf Scholz met Emmanuel Macron.",
                          "en", T0)
    assert any(m.text == "Olaf Scholz" for m in first)
    again = EntityStage(store, backend="none")  # a new run reads entities back as named
    assert again.linker.entities == {} and again.linker.resident is not None
    second = again.process(a2, "Шольц", "Канцлер Олаф Шольц встретился с Макроном.", "ru", T0)
    macron = next(m.entity_id for m in first if m.text == "Emmanuel Macron")
    assert {m.entity_id for m in second if m.text == "Макроном"} == {macron}
    assert macron in again.linker.entities and again.linker.resident.loads >= 1
    # the same as one process that kept everything in memory
    alone = EntityStage(None, backend="none")
    alone.analyse(a1, "Scholz in Paris", "Chancellor Olaf Scholz met Emmanuel Macron.", "en", T0,
                  story_id=store.story_of(a1))
    both = alone.analyse(a2, "Шольц", "Канцлер Олаф Шольц встретился с Макроном.", "ru", T0,
                         story_id=store.story_of(a2))
    # the same entities; a new one's id comes from the second process's own block
    stored = {m.entity_id for m in first}
    assert [(m.text, m.entity_id if m.entity_id in stored else "new") for m in both.mentions] == [
        (m.text, m.entity_id if m.entity_id in stored else "new") for m in second]


def test_merged_ids_lead_to_the_entity_that_absorbed_them_after_later_merges(store):
    aid = _write(store, 1, "Three", "E1 E2 E3", "en")
    people = tuple(EntityRecord(id=i, name=f"E{i}", kind="person") for i in (1, 2, 3))

    def write(ids: tuple[int, ...], merges: tuple[tuple[EntityRecord, int], ...] = ()) -> None:
        mentions = tuple(Mention(text=f"E{i}", kind="person", start=3 * i - 3, end=3 * i - 1,
                                 lang="en", entity_id=i) for i in ids)
        store.write_entities(ArticleEntities(article_id=aid, mentions=mentions, dates=(),
                                             entities=people if not merges else (),
                                             merges=merges))

    assert store.next_entity_id() == 1
    write((1, 2, 3))
    assert store.next_entity_id() == 4
    write((2, 3), merges=((people[1], 1),))  # 1 -> 2
    write((2,), merges=((people[1], 3),))  # 3 -> 2, the highest id goes
    assert store.next_entity_id() == 4
    write((2,))
    assert (store.entity_successor(1), store.entity_successor(3)) == (2, 2)
    # 2 itself is merged into a new entity 4: every id that led to 2 now leads to 4
    four = EntityRecord(id=4, name="E4", kind="person")
    store.write_entities(ArticleEntities(article_id=aid, mentions=(), dates=(), entities=(four,),
                                         merges=((four, 2),)))
    assert [store.entity_successor(i) for i in (1, 2, 3, 4)] == [4, 4, 4, None]
    assert store.next_entity_id() == 5
    store.clear_entities()  # re-indexing starts the ids again
    assert store.entity_successor(1) is None and store.next_entity_id() == 1


def test_a_store_without_entities_says_so():
    class Bare(Store):
        pass

    Bare.__abstractmethods__ = frozenset()  # a backend that implements nothing of entities
    bare = Bare()
    with pytest.raises(StoreError, match="does not store entities"):
        bare.write_entities(ArticleEntities(article_id=1, mentions=(), dates=(), entities=()))
    for call in (bare.clear_entities, bare.iter_entity_variants, bare.entities,
                 bare.next_entity_id):
        with pytest.raises(StoreError):
            call()


_SCHOLZ = [
    ("Scholz meets Macron", "German Chancellor Olaf Scholz met French President Emmanuel "
     "Macron in Paris to discuss Ukraine.", "en"),
    ("Шольц на верфи", "Олаф Шольц осмотрел новую верфь. Рабочие ждали Шольца с утра.", "ru"),
    ("Шольц и Макрон", "Олаф Шольц встретился с Эмманюэлем Макроном в Париже и обсудил "
     "Украину.", "ru"),
]
"""Olaf Scholz in English, then alone in Russian (a second entity, with no context to link
it), then in Russian again beside Macron: the merge pass finds the two Scholzes one."""


def _two_scholzes(store: Store, raw_sql, merge_every: int) -> tuple[list[int], EntityStage]:
    """The three articles stored and processed; articles 1 and 3 share a story, as the
    clusterer would have put them."""
    ids = [_write(store, n, title, text, lang) for n, (title, text, lang) in enumerate(_SCHOLZ)]
    raw_sql(store, "UPDATE articles SET story_id=(SELECT story_id FROM articles WHERE id=?) "
            "WHERE id=? RETURNING id", (ids[0], ids[2]))
    stage = EntityStage(store, backend="none", merge_every=merge_every)
    for aid, (title, text, lang) in zip(ids, _SCHOLZ, strict=True):
        stage.process(aid, title, text, lang, T0)
    return ids, stage


@pytest.mark.parametrize("merge_every", [3, 0])
def test_a_merge_moves_mentions_and_spellings_and_deletes_the_merged_entity(store, merge_every,
                                                                            raw_sql):
    ids, stage = _two_scholzes(store, raw_sql, merge_every)
    if not merge_every:  # no periodic pass: merged after the batch
        assert len(stage.flush_merges()) == 1
    assert stage.flush_merges() == ()
    scholz = [e for e in store.entities(kind="person") if e.name == "Olaf Scholz"]
    assert len(scholz) == 1, [(e.name, e.variants) for e in store.entities()]
    variants = {(v.text, v.lang): v.count for v in scholz[0].variants}
    assert variants[("Олаф Шольц", "ru")] == 2 and variants[("Шольца", "ru")] == 1
    assert len(scholz[0].article_urls) == 3
    assert {m.entity_id for m in store.article_mentions(ids[1]) if "Шольц" in m.text} == {
        scholz[0].id}
    assert raw_sql(store, "SELECT COUNT(*) FROM entities WHERE id NOT IN "
                          "(SELECT entity_id FROM entity_mentions)") == [(0,)]
    again = EntityStage(store, backend="none")  # a new run finds the merged entity by key
    assert again.linker.by_form.get(("person", fold("Шольца"))) == {scholz[0].id}
    assert again.linker.entities[scholz[0].id].variants[("Шольца", "ru")] == 1
    assert raw_sql(store, "SELECT COUNT(*) FROM entity_keys WHERE entity_id NOT IN "
                          "(SELECT id FROM entities)") == [(0,)]
    [(gone, kept)] = raw_sql(store, "SELECT gone, kept FROM entity_merges")
    assert kept == scholz[0].id and store.entity_successor(gone) == kept
    assert store.entity_successor(kept) is None
    # the merged-away id is never handed out again, even when it was the highest
    assert again.linker.next_id == store.next_entity_id() > max(gone, kept)


def test_merges_another_writer_got_to_first_are_dropped_and_the_stage_goes_on(store,
                                                                           monkeypatch,
                                                                           raw_sql):
    from babelwire.errors import EntityConflict

    _, stage = _two_scholzes(store, raw_sql, merge_every=0)
    write = store.write_entities
    refused = []

    def refuse_merges(found):  # as when another process merged one of them away first
        if found.merges:
            refused.append(found.merges)
            raise EntityConflict("entity 2 is gone")
        write(found)

    monkeypatch.setattr(store, "write_entities", refuse_merges)
    assert stage.flush_merges() == ()  # dropped, not raised
    assert refused  # the pass did find the two Scholzes one
    people = {e.name for e in store.entities(kind="person")}
    assert {"Olaf Scholz", "Олаф Шольц"} <= people  # nothing half-merged was stored
    later = _write(store, 9, "Scholz", "Olaf Scholz spoke in Berlin.", "en")
    mentions = stage.process(later, "Scholz", "Olaf Scholz spoke in Berlin.", "en", T0)
    stored = {m.entity_id for m in store.article_mentions(later)}
    assert stored == {m.entity_id for m in mentions if m.entity_id is not None} != set()
