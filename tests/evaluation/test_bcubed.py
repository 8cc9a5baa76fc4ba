from babelwire.evaluation.bcubed import bcubed


def test_perfect_and_degenerate_clusterings():
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    assert bcubed(gold, gold).f1 == 1.0
    lumped = bcubed({i: 0 for i in gold}, gold)
    assert lumped.recall == 1.0 and lumped.precision == 0.5
    split = bcubed({i: i for i in gold}, gold)
    assert split.precision == 1.0 and split.recall == 0.5


def test_textbook_example():
    # Cluster X = {1,2,3} with gold a,a,b; cluster Y = {4} gold b.
    pred = {1: "X", 2: "X", 3: "X", 4: "Y"}
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    score = bcubed(pred, gold)
    assert score.precision == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4)
    assert score.recall == round((1 + 1 + 1 / 2 + 1 / 2) / 4, 4)


def test_cross_language_pairs_only():
    lang = {1: "en", 2: "cs", 3: "en", 4: "cs"}
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    pred = {1: "X", 2: "Y", 3: "Z", 4: "Z"}  # a split across languages, b joined
    cross = bcubed(pred, gold, lambda i, j: lang[i] != lang[j])
    assert cross.recall == 0.5
