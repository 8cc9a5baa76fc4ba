"""Regions (ISO 3166-2 subdivisions) in the languages of pycountry's iso-codes translations."""

import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder


@pytest.mark.parametrize(("form", "lang", "key"), [
    ("Калифорния", "bg", "place:US-CA"), ("Kalifornie", "cs", "place:US-CA"),
    ("Каталония", "ru", "place:ES-CT"), ("Bawarii", "pl", "place:DE-BY"),  # a case form
    ("Баварії", "uk", "place:DE-BY"), ("Мурманська область", "uk", "place:RU-MUR"),
    ("Nadrenia Północna-Westfalia", "pl", "place:DE-NW"),
])
def test_a_region_is_found_by_its_translated_name(form, lang, key):
    entry = default_gazetteer().lookup(form, lang)
    assert entry is not None and (entry.kind, entry.canonical) == ("place", key)


def test_a_translation_of_a_words_meaning_is_no_name():
    # Bulgarian iso-codes translate the Philippine province Antique as Стария, "the old"
    assert default_gazetteer().lookup("Стария", "bg") is None


def test_a_region_named_like_a_common_word_is_dropped_opening_a_sentence():
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    for n in range(3):  # the stream learns that kampania ("campaign") is a common word
        stage.analyse(n + 1, "", "Wczoraj ruszyła kampania wyborcza, a kampania trwa.", "pl",
                      None, story_id=None)
    found = stage.analyse(9, "", "Kampania wyborcza ruszyła. W Kampanii we Włoszech pada.",
                          "pl", None, story_id=None)
    assert next((m.text, m.canonical) for m in found.mentions if m.kind == "place") == (
        "Kampanii", "place:IT-72")
    assert all(m.text != "Kampania" for m in found.mentions)


def test_a_city_keeps_the_names_of_the_district_named_after_it():
    gaz = default_gazetteer()
    keys = {gaz.lookup(form, lang).canonical for form, lang in (
        ("Nottingham", "en"), ("Ноттингем", "ru"), ("Нотингам", "bg"))}
    assert len(keys) == 1 and keys.pop().startswith("place:geo:")
    assert gaz.lookup("Hamburg", "de").canonical.startswith("place:geo:")  # not DE-HH
    assert gaz.lookup("Wales", "en").canonical == "place:GB-WLS"  # no city of that name


def test_polish_case_forms_of_countries():
    gaz = default_gazetteer()
    assert gaz.lookup("Chin", "pl").canonical == "place:CN"  # of China, not Myanmar's Chin
    assert gaz.lookup("Białorusi", "pl").canonical == "place:BY"  # ś before an ending: si
    assert gaz.lookup("Poznaniu", "pl") == gaz.lookup("Poznań", "pl")


@pytest.mark.parametrize(("doc", "lang", "name"), [
    ("Rząd Zjednoczonego Królestwa Wielkiej Brytanii i Irlandii Północnej ogłosił.", "pl",
     "Zjednoczonego Królestwa Wielkiej Brytanii i Irlandii Północnej"),
    ("Граждане Соединенного Королевства Великобритании и Северной Ирландии заявили.", "ru",
     "Соединенного Королевства Великобритании и Северной Ирландии"),
])
def test_the_united_kingdoms_full_name_is_one_mention(doc, lang, name):
    from babelwire.stages.entities_mentions import CasedMentionFinder

    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [(m.text, m.canonical) for m in found] == [(name, "place:GB")]


@pytest.mark.parametrize(("form", "lang", "key"), [
    ("Francii", "cs", "place:FR"),  # Francie's shortest-ending stem (franci-), not Polish frant-
    ("Kitajskem", "sl", "place:CN"),  # na Kitajskem: Kitajska in the locative
    ("Švedske", "sl", "place:SE"),
    ("Китае", "ru", "place:CN"),  # Китай keeps its й only without an ending
    ("Włoszech", "pl", "place:IT"),  # Włochy: we Włoszech
    ("Indiach", "pl", "place:IN"),
    ("Stanami Zjednoczonymi", "pl", "place:US"),
    ("Britanije", "sl", "place:GB"),
    ("Kremlja", "sl", "org:Kremlin"),
    ("Кремъл", "bg", "org:Kremlin"),
    ("Кремлём", "ru", "org:Kremlin"),
])
def test_case_forms_whose_stem_hides_the_name(form, lang, key):
    entry = default_gazetteer().lookup(form, lang)
    assert entry is not None and entry.canonical == key


def test_a_slovene_adjective_in_ska_is_a_country_only_when_the_country_exists():
    gaz = default_gazetteer()
    assert gaz.lookup("Kitajske", "sl").canonical == "place:CN"
    assert gaz.lookup("Mariborske", "sl") is None


def test_an_adjective_before_a_region_head_is_a_place():
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    found = stage.analyse(1, "", "Новые случаи выявлены в Тверской области и Мурманской области.",
                          "ru", None, story_id=None)
    assert {(m.text, m.kind) for m in found.mentions} == {
        ("Тверской области", "place"), ("Мурманской области", "place")}


def test_polish_case_forms_that_keep_or_change_their_stem():
    gaz = default_gazetteer()
    assert gaz.lookup("Belfaście", "pl").canonical == gaz.lookup("Belfast", "pl").canonical
    assert gaz.lookup("Bukareszcie", "pl").canonical == gaz.lookup("Bukareszt", "pl").canonical
    assert gaz.lookup("Danią", "pl").canonical == "place:DK"  # not the given name Dania
    assert gaz.lookup("Дана", "ru") is None  # a given name, not Denmark's case form


def test_polands_official_name_and_abbreviation():
    gaz = default_gazetteer()
    assert gaz.lookup("Rzeczypospolitej Polskiej", "pl").canonical == "place:PL"
    assert gaz.lookup("RP", "pl").canonical == "place:PL"


@pytest.mark.parametrize(("doc", "lang", "alone"), [
    ("Země střední a východní Evropy souhlasí.", "cs", "střední"),
    ("Страните от Централна и Източна Европа са съгласни.", "bg", "Централна"),
    ("Kraje Europy Środkowej i Wschodniej protestują.", "pl", "Wschodniej"),
])
def test_a_lone_adjective_in_a_coordination_names_its_region(doc, lang, alone):
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    found = {m.text: m.canonical for m in stage.analyse(1, "", doc, lang, None,
                                                        story_id=None).mentions}
    assert len(set(found.values())) == 2 and found[alone] in {
        "place:region:central-europe", "place:region:eastern-europe"}


@pytest.mark.parametrize(("form", "lang", "key"), [
    ("Англия", "ru", "place:GB"),  # Russian news writes England for the United Kingdom
    ("Англии", "ru", "place:GB"),
    ("Англия", "bg", "place:GB-ENG"),  # Bulgarian and Ukrainian mean England
    ("Англії", "uk", "place:GB-ENG"),
    ("Anglii", "pl", "place:GB-ENG"),
])
def test_england_is_the_united_kingdom_only_in_russian(form, lang, key):
    entry = default_gazetteer().lookup(form, lang)
    assert entry is not None and entry.canonical == key


@pytest.mark.parametrize(("form", "key"), [
    ("Pákistánskou", None),  # the adjective: Pákistánskou křesťanku
    ("Ruskou", None),  # ruskou invazi
    ("Ruskem", "place:RU"),  # the country's instrumental
])
def test_czech_skou_is_an_adjective_not_a_country(form, key):
    entry = default_gazetteer().lookup(form, "cs")
    assert (entry.canonical if entry is not None else None) == key


@pytest.mark.parametrize(("doc", "text", "key"), [
    ("Mieszkają na Wyspach Brytyjskich od lat.", "Wyspach Brytyjskich", "place:GB"),
    ("Wyjechał na Zieloną Wyspę w 2005 roku.", "Zieloną Wyspę", "place:IE"),
])
def test_polish_epithets_of_britain_and_ireland_in_their_case_forms(doc, text, key):
    found = CasedMentionFinder(default_gazetteer()).find(doc, "pl")
    assert [(m.text, m.canonical) for m in found] == [(text, key)]


def test_slovene_news_calls_britain_the_island():
    found = CasedMentionFinder(default_gazetteer()).find(
        "Po izstopu bodo Otočani na Otoku živeli drugače.", "sl")
    assert [(m.text, m.kind, m.canonical) for m in found] == [
        ("Otočani", "person", "place:GB"), ("Otoku", "place", "place:GB")]
