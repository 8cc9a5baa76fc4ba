import pytest

from babelwire.errors import QueryError
from babelwire.store.fts_query import parse_query


def test_words_become_quoted_and_joined_by_and():
    q = parse_query("flood Valencia")
    assert q.expression == '"flood" AND "Valencia"'
    assert q.terms == ("flood", "Valencia")
    assert not q.cjk


def test_phrases_operators_and_parentheses():
    q = parse_query('"central bank" AND (rate OR rates) NOT Japan')
    assert q.expression == '"central bank" AND ( "rate" OR "rates" ) NOT "Japan"'


def test_and_not_is_folded_into_binary_not():
    assert parse_query("storm AND NOT typhoon").expression == '"storm" NOT "typhoon"'


def test_fts_syntax_inside_words_is_neutralised():
    q = parse_query("title:foo* bar^")
    assert q.expression == '"title:foo*" AND "bar^"'


def test_cjk_is_detected():
    assert parse_query("台风").cjk
    assert parse_query("地震 Tokyo").cjk


@pytest.mark.parametrize("bad, hint", [
    ('"unclosed phrase', "unbalanced quote"),
    ("", "empty query"),
    ("   ", "empty query"),
    ("flood AND", "ends with an operator"),
    ("OR flood", "needs a term before"),
    ("(flood", "unclosed"),
    ("flood)", "misplaced"),
    ("()", "misplaced"),
])
def test_malformed_queries_explain_themselves(bad, hint):
    with pytest.raises(QueryError, match=hint):
        parse_query(bad)
