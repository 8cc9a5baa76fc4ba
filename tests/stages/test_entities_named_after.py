"""Institutions named after a person (``НИИ им. Гамалеи``): one organisation, keyed by the
person's name, in place of a person found alone."""

import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder
from babelwire.stages.entities_named_after import named_after


@pytest.mark.parametrize(("doc", "lang", "text"), [
    ("Вакцину разработал НИИ им. Гамалеи в Москве.", "ru", "НИИ им. Гамалеи"),
    ("Центр имени Н. Ф. Гамалеи подтвердил данные.", "ru", "Центр имени Н. Ф. Гамалеи"),
    ("Учёные ИМЭМО имени Примакова РАН считают так.", "ru", "ИМЭМО имени Примакова РАН"),
    ("Pacjent trafił do Szpitala im. Jana Pawła II w Krakowie.", "pl",
     "Szpitala im. Jana Pawła II"),
    ("Вакцину створив центр імені Гамалії.", "uk", "центр імені Гамалії"),
])
def test_an_institution_named_after_a_person_is_one_organisation(doc, lang, text):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert (text, "organisation") in [(m.text, m.kind) for m in found]
    assert not any(m.kind == "person" for m in found)  # Гамалеи is not a person here


@pytest.mark.parametrize(("doc", "lang"), [
    ("Оскорбление имени пророка Мухаммеда вызвало протесты.", "ru"),  # no head before it
    ("От имени всех верующих выступил патриарх.", "ru"),
    ("Вакцину разработал НИИ им. Гамалеи.", "cs"),  # not a language that writes so
])
def test_the_marker_alone_names_no_institution(doc, lang):
    assert list(named_after(doc, lang)) == []


def test_one_institution_under_different_heads_and_languages_links_as_one():
    stage = EntityStage(None, backend="none", merge_every=0)
    ru = stage.analyse(1, "Вакцина", "НИИ им. Гамалеи создал вакцину.", "ru", None,
                       story_id=1)
    uk = stage.analyse(2, "Вакцина", "Вакцину створив центр імені Гамалії.", "uk", None,
                       story_id=2)
    ids = {m.entity_id for found in (ru, uk) for m in found.mentions
           if m.kind == "organisation"}
    assert len(ids) == 1


def test_a_name_the_gazetteer_knows_keeps_its_key():
    found = CasedMentionFinder(default_gazetteer()).find(
        "Інститут імені Роберта Коха повідомив.", "uk")
    assert [(m.text, m.canonical) for m in found] == [
        ("Інститут імені Роберта Коха", "org:rki")]
