from babelwire.stages.entities_cues import transposed_entry
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder
from babelwire.stages.entities_tokens import tokens_of


def _entry(word: str, lang: str):
    return transposed_entry(default_gazetteer(), tokens_of(word, lang), lang)


def test_a_known_name_with_two_letters_swapped_is_found():
    assert _entry("Брезкит", "bg").canonical == "event:brexit"
    assert _entry("Брекизт", "bg").canonical == "event:brexit"


def test_small_places_short_words_and_runs_are_no_misspellings():
    assert _entry("Lubmin", "pl") is None  # Lumbin is a small place in Nepal
    assert _entry("Нрод", "bg") is None  # too short to judge
    assert transposed_entry(default_gazetteer(), tokens_of("Nord Strem", "pl"), "pl") is None


def test_a_misspelt_name_inside_a_sentence_is_typed_as_the_name():
    finder = CasedMentionFinder(default_gazetteer())
    found = [(m.text, m.kind, m.canonical)
             for m in finder.find("Преговорите за Брезкит продължават и днес.", "bg")]
    assert ("Брезкит", "event", "event:brexit") in found
