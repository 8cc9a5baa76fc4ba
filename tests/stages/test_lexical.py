import numpy as np
import pytest

from babelwire.stages.lexical import (
    BUCKETS,
    SKETCH_CHARACTERS,
    DocumentFrequencies,
    article_sketch,
    cosine,
    sketch,
)

STRIKE = "Trenitalia cancels 300 trains as the rail strike reaches Milano and Torino"
QUAKE = "A magnitude 6.1 earthquake shook Denizli province early on Tuesday morning"


def counted(*texts: str) -> DocumentFrequencies:
    frequencies = DocumentFrequencies()
    for text in texts:
        frequencies.add(sketch(text))
    return frequencies


def test_a_sketch_ignores_case_and_runs_of_white_space():
    a, b = sketch("Rail  STRIKE\n in Milano"), sketch("rail strike in milano")
    assert np.array_equal(a.buckets, b.buckets) and np.array_equal(a.tf, b.tf)
    assert list(a.buckets) == sorted(set(a.buckets))


def test_repeated_grams_count_sublinearly_and_short_texts_have_none():
    once, thrice = sketch("abcd"), sketch("abcdabcdabcd")
    assert once.tf[0] == pytest.approx(1.0)
    assert max(thrice.tf) == pytest.approx(1 + np.log(3))
    assert len(sketch("abc")) == 0 and len(sketch("   ")) == 0


def test_only_the_beginning_of_a_long_text_is_sketched():
    head = "x" * SKETCH_CHARACTERS
    assert np.array_equal(sketch(head + " unrelated tail words").buckets, sketch(head).buckets)


def test_an_article_sketch_is_its_title_then_its_text():
    assert np.array_equal(article_sketch("Strike", "in Milano").buckets,
                          sketch("Strike in Milano").buckets)
    assert np.array_equal(article_sketch("", "in Milano").buckets, sketch("in Milano").buckets)


def test_cosine_is_one_for_the_same_text_and_zero_for_nothing_shared():
    frequencies = counted(STRIKE, QUAKE, "Parliament passes the budget")
    assert cosine(sketch(STRIKE), sketch(STRIKE), frequencies) == pytest.approx(1.0)
    assert cosine(sketch("aaaa bbbb"), sketch("cccc dddd"), frequencies) == 0.0
    assert cosine(sketch(STRIKE), sketch("ab"), frequencies) == 0.0


def test_without_document_frequencies_every_cosine_is_zero():
    assert cosine(sketch(STRIKE), sketch(STRIKE), DocumentFrequencies()) == 0.0


def test_wording_every_article_has_counts_for_nothing():
    # The two strike reports share rare names; the boilerplate sentence is in every article.
    boiler = " Subscribe to our newsletter for more news every day."
    one = STRIKE + boiler
    two = "Strike: Trenitalia trains stop in Milano and Torino" + boiler
    other = QUAKE + boiler
    frequencies = counted(one, two, other, "Parliament passes the budget" + boiler)
    same_story = cosine(sketch(one), sketch(two), frequencies)
    different = cosine(sketch(one), sketch(other), frequencies)
    assert same_story > 0.2 and different < 0.05
    # where few articles carry it, the same sentence lifts the unrelated pair
    rare = counted(one, other, "Parliament passes the budget", "Floods in Valencia")
    assert cosine(sketch(one), sketch(other), rare) > 0.1


def test_frequencies_hand_over_what_was_added_once_and_load_back():
    frequencies = counted(STRIKE, QUAKE)
    documents, buckets, counts = frequencies.take_added()
    assert documents == 2 and counts.sum() == len(sketch(STRIKE)) + len(sketch(QUAKE))
    assert frequencies.take_added()[0] == 0 and len(frequencies.take_added()[1]) == 0
    again = DocumentFrequencies()
    again.load(documents, buckets, counts)
    assert again.documents == 2 and np.array_equal(again.counts, frequencies.counts)
    assert again.take_added()[0] == 0  # loaded counts are the store's, not new


def test_stored_buckets_out_of_range_are_refused():
    with pytest.raises(ValueError, match="outside"):
        DocumentFrequencies().load(1, [BUCKETS], [1])


def test_a_lone_surrogate_is_sketched_not_refused():
    # JSON can carry "\ud800"; the sketch must not be where an article fails
    assert len(sketch("flood \ud800 in the town")) == len(sketch("flood x in the town"))
