from babelwire.stages.entities_index import KeyIndex


def test_a_key_holds_one_id_then_many_then_one_again():
    index = KeyIndex()
    index.add(("person", "scholz"), 1)
    index.add(("person", "scholz"), 1)  # the same id twice is one id
    assert index.get(("person", "scholz")) == {1} and index.count(("person", "scholz")) == 1
    index.add(("person", "scholz"), 2)
    assert index.get(("person", "scholz")) == {1, 2} and index.count(("person", "scholz")) == 2
    index.discard(("person", "scholz"), 1)
    assert index.get(("person", "scholz")) == {2}
    index.discard(("person", "scholz"), 2)
    assert ("person", "scholz") not in index and len(index) == 0


def test_missing_keys_and_ids_answer_empty_and_change_nothing():
    index = KeyIndex()
    assert index.get("nobody") == set() and index.count("nobody") == 0
    index.discard("nobody", 3)
    index.add("a", 1)
    index.discard("a", 2)
    assert index.get("a") == {1}
    # a singleton's answer is a new set: changing it leaves the index alone
    index.get("a").add(9)
    assert index.get("a") == {1}
    assert list(index) == ["a"]
