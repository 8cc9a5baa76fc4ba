"""Company names in quotes with their legal form are one organisation."""

import pytest

from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder


def found(doc: str, lang: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.canonical)
            for m in CasedMentionFinder(default_gazetteer()).find(doc, lang)]


@pytest.mark.parametrize(("doc", "lang", "name"), [
    # the form after the name; three capitalised words looked like a person
    ('Текстовете са собственост на "Уеб Медия Груп" АД и са под закрила.', "bg",
     "Уеб Медия Груп"),
    # the form before it; a word that is also a place cut the name in two
    ("Договор подписало ООО «Северная Звезда Плюс» вчера.", "ru", "Северная Звезда Плюс"),
    ('Firma "Nowa Era Druku" sp. z o.o. upadła.', "pl", "Nowa Era Druku"),
    ("Společnost „Modrá Hvězda“ a.s. zkrachovala.", "cs", "Modrá Hvězda"),
])
def test_a_quoted_name_with_a_legal_form_is_one_organisation(doc, lang, name):
    assert (name, "organisation", None) in found(doc, lang)


def test_quotes_without_a_legal_form_change_nothing():
    assert ("Jan Kowalski", "person", None) in found(
        'Jak powiedział "Jan Kowalski" wczoraj.', "pl")


def test_a_keyed_name_in_quotes_keeps_its_key_and_a_longer_name_is_another_company():
    assert ("Газпром", "organisation", "org:gazprom") in found(
        "Акции ПАО «Газпром» выросли.", "ru")
    assert ("Газпром нефть", "organisation", None) in found(
        "Компания АО «Газпром нефть» сообщила.", "ru")


@pytest.mark.parametrize(("doc", "lang", "name"), [
    # a capitalised phrase: head and quotes included
    ('Позоваването на Информационна агенция "Фокус" е задължително.', "bg",
     'Информационна агенция "Фокус"'),
    ('Това предаде Агенция "Фокус".', "bg", 'Агенция "Фокус"'),
    # a lower-case head, or a verb that credits the agency: the name alone
    ('Иванов съобщи за агенция "Фокус", че всичко е наред.', "bg", "Фокус"),
    ('Трябва да стоим отвън, заяви той, цитиран от "Фокус". Така е.', "bg", "Фокус"),
    ("Об этом сообщает «Мир Новостей» со ссылкой на источник.", "ru", "Мир Новостей"),
])
def test_an_agency_named_in_quotes_is_one_organisation_with_one_key(doc, lang, name):
    key = "org:agency:" + ("фокус" if "Фокус" in name else "мир новостей")
    assert (name, "organisation", key) in found(doc, lang)


def test_an_agency_the_gazetteer_knows_keeps_its_key_and_a_plain_quote_is_no_agency():
    assert found("Это сообщило агентство «Интерфакс» вчера.", "ru") == [
        ("Интерфакс", "organisation", "org:interfax")]
    assert found('Той каза, че "Голямата игра" не е свършила.', "bg") == []


@pytest.mark.parametrize(("doc", "lang", "name"), [
    # union and confederation heads: two capitalised words were read as a person
    ("Jak podała Konfederacja Lewiatan, eksport spadł.", "pl", "Konfederacja Lewiatan"),
    ("Лидеры стран Африканский Союз поддержали решение.", "ru", "Африканский Союз"),
])
def test_a_union_or_confederation_head_opens_an_organisation(doc, lang, name):
    assert (name, "organisation", None) in found(doc, lang)


def test_an_agency_credited_as_quoted_by_without_quotes():
    from babelwire.stages.entities_gazetteer import default_gazetteer
    from babelwire.stages.entities_mentions import CasedMentionFinder

    doc = ("Преговорите вървят зле, предава Ройтерс, цитирана от Фокус. По-късно агенция "
           "\"Фокус\" добави подробности.")
    found = CasedMentionFinder(default_gazetteer()).find(doc, "bg")
    keys = [(m.text, m.canonical) for m in found if m.canonical == "org:agency:фокус"]
    assert keys == [("Фокус", "org:agency:фокус"), ("Фокус", "org:agency:фокус")]
