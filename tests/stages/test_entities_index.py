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


def test_a_miss_hook_is_asked_once_per_key_until_forgotten():
    asked: list[object] = []

    def miss(index: KeyIndex, key: object) -> None:
        asked.append(key)
        if key == "scholz":
            index.add(key, 7)  # what the store files under it

    index = KeyIndex("form", miss)
    assert index.get("scholz") == {7} and index.get("scholz") == {7}
    assert index.count("nobody") == 0 and index.get("nobody") == set()
    assert asked == ["scholz", "nobody"] and index.asked("scholz")
    index.mark_asked("prefetched")  # asked in a batch: no hook call
    assert index.get("prefetched") == set() and asked == ["scholz", "nobody"]
    index.clear()  # everything let go: asked again
    assert index.get("scholz") == {7} and asked[-1] == "scholz"
    assert KeyIndex().asked("anything")  # no hook: nothing to ask


def test_index_keys_file_a_full_name_under_its_surname_and_a_document_under_less():
    from babelwire.stages.entities_index import index_keys

    person = dict(index_keys("person", "Olaf Scholz"))
    assert {name for name, _key in index_keys("person", "Olaf Scholz")} == {
        "form", "stem", "any", "skeleton", "surname"}
    assert person["form"] == ("person", "olaf scholz")
    assert {name for name, _key in index_keys("document", "Resolution 2231")} == {"form", "stem"}
