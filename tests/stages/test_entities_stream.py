"""Name variants merged in the stream: a real pipeline run over the sample corpus plus a few
articles about Olaf Scholz in three scripts, and one about a baker called Olaf Schulz."""

import json
from datetime import UTC, datetime

import pytest

from babelwire.demo import sample_corpus_path
from babelwire.pipeline import Pipeline
from babelwire.records import FetchedDocument
from babelwire.store import open_store

NOW = datetime(2026, 11, 5, tzinfo=UTC)
PUBLISHED = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)

EXTRA = [
    ("en", "Scholz meets Macron in Paris", "German Chancellor Olaf Scholz met French President "
     "Emmanuel Macron in Paris on Monday to discuss support for Ukraine and energy prices."),
    # the first Russian article names nobody else: nothing yet links it to the English one
    ("ru", "Шольц осмотрел верфь", "Олаф Шольц осмотрел новую верфь. Рабочие ждали Шольца с "
     "самого утра, а он говорил с ними о заказах."),
    ("en", "Bakery award", "Local baker Olaf Schulz from Lübeck won the regional bread prize "
     "on Sunday, his third in a row."),
    ("ru", "Шольц и Макрон в Париже", "Канцлер Германии Олаф Шольц встретился в Париже с "
     "президентом Франции Эмманюэлем Макроном. Шольц и Макрон обсудили помощь Украине и цены "
     "на энергию."),
    ("ar", "شولتس يلتقي ماكرون في باريس", "التقى المستشار الألماني أولاف شولتس الرئيس الفرنسي "
     "إيمانويل ماكرون في باريس يوم الاثنين لبحث دعم أوكرانيا وأسعار الطاقة."),
]
SCHOLZ = {("Olaf Scholz", "en"), ("Олаф Шольц", "ru"), ("Шольца", "ru"), ("أولاف شولتس", "ar")}


def _docs() -> list[FetchedDocument]:
    rows = [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()]
    docs = [FetchedDocument(location=f"corpus:{n}", url=r["url"], source=r["source"],
                            fetched_at=NOW, title=r["title"], text=r["text"],
                            published=datetime.fromisoformat(r["published"]), lang=r.get("lang"))
            for n, r in enumerate(rows, 1)]
    extra = [FetchedDocument(location=f"extra:{n}", url=f"https://news-example.com/scholz/{n}",
                             source="Example", fetched_at=NOW, title=title, text=text,
                             published=PUBLISHED, lang=lang)
             for n, (lang, title, text) in enumerate(EXTRA)]
    for n, doc in enumerate(extra):  # early in the stream, between corpus articles
        docs.insert(2 + 3 * n, doc)
    return docs


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, embedder):
    from babelwire.settings import load_settings

    path = tmp_path_factory.mktemp("stream") / "stream.db"
    settings = load_settings(env={}, overrides={"db": str(path)})
    store = open_store(path)
    pipeline = Pipeline(store, settings, embedder=embedder)
    report = pipeline.run(_docs())
    yield store, report
    store.close()


def test_scholz_in_three_scripts_is_one_entity_and_schulz_another(ingested):
    store, report = ingested
    assert report.failed == 0
    people = store.entities(kind="person")
    holding = [e for e in people if SCHOLZ & {(v.text, v.lang) for v in e.variants}]
    assert len(holding) == 1, [(e.name, [(v.text, v.lang) for v in e.variants]) for e in holding]
    scholz = holding[0]
    assert {(v.text, v.lang) for v in scholz.variants} >= SCHOLZ
    assert scholz.name == "Olaf Scholz"
    assert len([u for u in scholz.article_urls if "/scholz/" in u]) == 4
    schulz = [e for e in people if any(v.text == "Olaf Schulz" for v in e.variants)]
    assert len(schulz) == 1 and schulz[0].id != scholz.id


def test_no_entity_is_left_without_mentions_after_merges(ingested):
    store, _report = ingested
    orphans = store._db.execute("SELECT COUNT(*) FROM entities WHERE id NOT IN "
                                "(SELECT entity_id FROM entity_mentions)").fetchone()[0]
    assert orphans == 0


def test_a_stream_name_needs_two_sightings_and_a_majority():
    from babelwire.stages.entities_stream import StreamNames

    names = StreamNames()
    names.learn("Брекзит", "person")  # "министър по Брекзит": one misleading title
    assert names.kind_of("Брекзит") is None
    names.learn("Брекзит", "person")
    assert names.kind_of("Брекзит") == "person"
    names.learn("Брекзит", "event")
    names.learn("Брекзит", "event")
    assert names.kind_of("Брекзит") is None  # no majority


def test_stream_words_are_common_after_three_lower_case_sightings():
    from babelwire.stages.entities_stream import StreamWords

    words = StreamWords()
    words.read(["morza", "Morza", "Bałtyckiego", "morza"])
    assert "morza" not in words
    words.read(["morza"])
    assert "morza" in words and "bałtyckiego" not in words
    capped = StreamWords(limit=1)
    capped.read(["jeden", "dwa", "jeden", "jeden"])
    assert "jeden" in capped and capped.counts.keys() == {"jeden"}


def test_runs_of_common_words_or_ending_in_an_adjective_are_no_persons_by_shape():
    from babelwire.stages.entities_gazetteer import Gazetteer
    from babelwire.stages.entities_mentions import CasedMentionFinder
    from babelwire.stages.entities_stream import StreamNames, StreamWords

    finder = CasedMentionFinder(Gazetteer(), StreamNames(), words=StreamWords())
    doc = ("Statki płyną do portu. Statki wypłynęły z morza, morza były spokojne, a morza "
           "nikt nie pilnował. Rejs po wodach Morza Północnego trwał długo. "
           "Rozmawiał z nim prezes Jarosław Kaczyński i Jarosława Kaczyńskiego to ucieszyło.")
    kinds = {m.text: m.kind for m in finder.find(doc, "pl")}
    assert "Morza Północnego" not in kinds  # a common word, and an adjective at the end
    assert kinds["Jarosława Kaczyńskiego"] == "person"  # led by a given name


def test_a_surname_alone_is_a_person_once_the_stream_saw_the_full_name():
    from babelwire.stages.entities import EntityStage
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    lone = "Informovala o tom televize s odvoláním na právníka Bibiové."
    first = stage.analyse(1, "", lone, "cs", None, story_id=None)
    assert not any(m.kind == "person" for m in first.mentions)  # no cue yet
    for number in (2, 3):
        stage.analyse(number, "", "Soud osvobodil Asii Bibiovou z obvinění.", "cs", None,
                      story_id=None)
    later = stage.analyse(4, "", lone, "cs", None, story_id=None)
    assert [(m.text, m.kind) for m in later.mentions] == [("Bibiové", "person")]


def test_the_stream_learns_no_one_letter_name():
    from babelwire.stages.entities_stream import StreamNames

    names = StreamNames()
    for _ in range(3):  # George W. Bush: the W is no surname to remember
        names.learn("W", "person")
    assert names.kind_of("W") is None


def test_a_word_the_stream_writes_in_lower_case_is_no_name_it_learned():
    from babelwire.stages.entities_gazetteer import Gazetteer
    from babelwire.stages.entities_mentions import CasedMentionFinder
    from babelwire.stages.entities_stream import StreamNames, StreamWords

    names, words = StreamNames(), StreamWords()
    for _ in range(3):
        names.learn("Вы", "person")  # whatever once typed it
    finder = CasedMentionFinder(Gazetteer(), names, words=words)
    letter = "Скажите, Вы придёте? Мы знаем, что вы заняты, но вы обещали, и вы придёте."
    assert "Вы" not in {m.text for m in finder.find(letter, "ru")}
    names.learn("Бибиева", "person")
    names.learn("Бибиева", "person")
    assert "Бибиева" in {m.text for m in finder.find("Адвокат сказал, что Бибиева свободна.",
                                                     "ru")}
