import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer


def _mentions(doc: str, lang: str) -> list[tuple[str, str]]:
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    found = stage.analyse(1, "", doc, lang, None, story_id=None)
    return [(m.text, m.kind) for m in found.mentions]


@pytest.mark.parametrize(("doc", "lang", "name"), [
    ("Делото е във Районния съд в Лахор от години.", "bg", "Районния съд в Лахор"),
    ("Той учи в Кралския колеж в Лондон.", "bg", "Кралския колеж в Лондон"),
    ("Profesor z Uniwersytetu w Cambridge powiedział, że.", "pl", "Uniwersytetu w Cambridge"),
    ("Wczoraj Sąd Najwyższy w Lahaur oddalił apelację.", "pl", "Sąd Najwyższy w Lahaur"),
    ("Вчера Высокий суд в Лахоре отклонил апелляцию.", "ru", "Высокий суд в Лахоре"),
])
def test_an_institution_and_its_city_are_one_organisation(doc, lang, name):
    assert (name, "organisation") in _mentions(doc, lang)


@pytest.mark.parametrize(("doc", "lang", "place"), [
    ("Wyrok wydał Sąd Najwyższy w Pakistanie w czwartek.", "pl", "Pakistanie"),  # a country
    ("Profesor sądu w Lahaur.", "pl", "Lahaur"),  # a lower-case head alone
    ("Высокий суд в Лахоре отклонил апелляцию.", "ru", "Лахоре"),  # opening a sentence
    ("Mówił Jan Kowalski w Lahore.", "pl", "Lahore"),  # no institution
])
def test_the_city_stays_a_place_elsewhere(doc, lang, place):
    assert (place, "place") in _mentions(doc, lang)
