"""The US presidential election named by a common noun in an article about the US."""

from datetime import UTC, datetime

import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_elections import ELECTION_KEY, election_key, us_elections
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_records import Mention


def _us(doc: str, lang: str) -> list[Mention]:
    """A mention of the USA at each place ``doc`` names it, as the finder would give."""
    out = []
    for form in ("США", "USA", "САЩ"):
        start = doc.find(form)
        while start >= 0:
            out.append(Mention(text=form, kind="place", start=start, end=start + len(form),
                               lang=lang, rule="gazetteer", canonical="place:US"))
            start = doc.find(form, start + 1)
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize(("doc", "lang", "phrase"), [
    ("Трамп програв на виборах, кажуть у США.", "uk", "виборах"),
    ("Trump prohrál volby v USA, píše tisk v USA.", "cs", "volby v USA"),
    ("Trump przegrał wybory w USA, piszą media w USA.", "pl", "wybory w USA"),
    ("Тръмп загуби президентските избори в САЩ, пишат медиите в САЩ.", "bg",
     "президентските избори в САЩ"),
    ("Трамп проиграл на выборах президента США 2020 года, пишут СМИ США.", "ru",
     "выборах президента США 2020 года"),
])
def test_the_election_in_an_article_about_the_us(doc, lang, phrase):
    found = us_elections(doc, _us(doc, lang), lang)
    events = [(m.text, m.kind) for m in found if (m.canonical or "").startswith(ELECTION_KEY)]
    assert events == [(phrase, "event")]
    # the country inside the phrase is part of it, not a mention of its own
    start = doc.index(phrase)
    assert not any(start <= m.start < start + len(phrase) for m in found if m.kind == "place")


@pytest.mark.parametrize(("doc", "lang"), [
    # shapes these languages' annotators mostly leave unlabelled: the bare noun but in
    # Ukrainian, Polish "presidential elections" with no country, Russian with no year,
    # and Slovene at all
    ("Трамп проиграл выборы, пишут в США и в США.", "ru"),
    ("Трамп проиграл на президентских выборах в США, пишут в США.", "ru"),
    ("Trump przegrał wybory prezydenckie, piszą w USA i w USA.", "pl"),
    ("Trump je izgubil predsedniške volitve v ZDA.", "sl"),
])
def test_shapes_left_unlabelled(doc, lang):
    found = us_elections(doc, _us(doc, lang), lang)
    assert not any((m.canonical or "").startswith(ELECTION_KEY) for m in found)


def test_only_where_the_us_is_the_most_named_country():
    doc = "Польща і Німеччина. Трамп програв на виборах у США. Польща чекає."
    poland = [Mention(text="Польща", kind="place", start=s, end=s + 6, lang="uk",
                      rule="gazetteer", canonical="place:PL")
              for s in (0, doc.rindex("Польща"))]
    mentions = sorted([*poland, *_us(doc, "uk")], key=lambda m: m.start)
    assert us_elections(doc, mentions, "uk") == mentions


def test_the_year_comes_from_the_phrase_the_article_or_the_publication_date():
    doc = "Вибори 2016 року в США і вибори у США. Про вибори пишуть у США."
    keys = [m.canonical for m in us_elections(doc, _us(doc, "uk"), "uk") if m.kind == "event"]
    assert keys == [election_key(2016)] * 3  # the article's one year for the others
    doc = "Про вибори пишуть у США, а вибори у США тривають."
    published = datetime(2020, 11, 4, tzinfo=UTC)
    keys = {m.canonical for m in us_elections(doc, _us(doc, "uk"), "uk", published)}
    assert election_key(2020) in keys
    keys = {m.canonical for m in us_elections(doc, _us(doc, "uk"), "uk", None)}
    assert ELECTION_KEY in keys  # no date, no year: the election with no year


def test_the_stage_names_the_election_entity():
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    found = stage.analyse(1, "", "Трамп програв на виборах у США. У США рахують голоси.", "uk",
                          datetime(2021, 1, 10, tzinfo=UTC), story_id=None)
    event = next(m for m in found.mentions if m.kind == "event")
    assert event.canonical == election_key(2020)
    record = next(e for e in found.entities if e.id == event.entity_id)
    assert record.name == "2020 US presidential election"


def test_a_year_with_no_presidential_election_is_no_presidential_election():
    doc = "Республиканцы проиграли на американских выборах 2018 года, пишут в США и в США."
    found = us_elections(doc, _us(doc, "ru"), "ru")
    assert not any((m.canonical or "").startswith(ELECTION_KEY) for m in found)
