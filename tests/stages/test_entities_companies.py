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
