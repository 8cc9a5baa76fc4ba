"""Given names from Faker's person providers: case forms and scripts."""

from babelwire.stages.entities_given_names import given_names, is_given_name


def test_given_names_in_many_languages_and_scripts():
    assert len(given_names()) > 20_000
    assert is_given_name("Jarosław") and is_given_name("Jarosława")  # Polish genitive
    assert is_given_name("Владимир") and is_given_name("Бойко")
    assert is_given_name("Дональд")  # Cyrillic spelling of English Donald, through Latin


def test_common_words_are_not_given_names():
    for word in ("Morza", "Parlamencie", "Gazociągu", "Centre", "Partners"):
        assert not is_given_name(word), word
