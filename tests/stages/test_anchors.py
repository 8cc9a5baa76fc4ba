from babelwire.stages.anchors import anchors, name_key, numbers


def test_numbers_are_normalised_across_separators_and_digit_scripts():
    assert numbers("1 200 people, 3,5 %") == {"1200", "3.5"}
    assert numbers("1,200 people and 3.5%") == {"1200", "3.5"}
    assert numbers("١٢٠٠ شخص") == {"1200"}


def test_years_and_small_counts_are_not_distinctive():
    assert numbers("In 2026, 12 people and 3 dogs") == frozenset()


def test_names_meet_across_scripts_and_inflection():
    assert name_key("Novák") == name_key("Новак")
    assert name_key("Valencia") == name_key("Валенсія")
    assert name_key("Scholz") == name_key("Шольц")


def test_sentence_initial_capitals_are_ignored():
    found = anchors("", "The minister Karel Novák spoke. Rain fell.")
    assert name_key("Novák") in found.names
    assert name_key("Rain") not in found.names
