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


def test_ukrainian_given_names_are_known_as_the_latin_script_press_writes_them():
    # ICU's plain transliteration gives Dmitro; Ukrainian BGN/PCGN gives the press's Dmytro
    for word in ("Dmytro", "Oleksandr", "Volodymyr", "Andriy"):
        assert is_given_name(word), word


def test_a_ukrainian_given_name_cuts_a_person_off_the_organisation_before_it():
    from babelwire.stages.entities_gazetteer import default_gazetteer
    from babelwire.stages.entities_mentions import CasedMentionFinder, mention_texts

    found = CasedMentionFinder(default_gazetteer()).find(
        "Oświadczył szef MSZ Ukrainy Dmytro Kułeba, cytowany przez agencję.", "pl")
    assert ("Dmytro Kułeba", "person") in mention_texts(found)
