"""Translating a parsed query into PostgreSQL: precedence and quoting (no server needed)."""

import pytest

from babelwire.store.fts_query import parse_query
from babelwire.store.postgres_search import to_substring_sql, to_tsquery_sql

Q = "phraseto_tsquery('simple', babelwire_fold(%s))"


def test_terms_become_bound_phrases_joined_by_and():
    out = to_tsquery_sql(parse_query('floods "central bank"'))
    assert out.sql == f"({Q} && {Q})"
    assert out.params == ("floods", "central bank")


@pytest.mark.parametrize(("query", "shape"), [
    ("a OR b c", "(A || (B && C))"),  # AND binds tighter than OR
    ("a OR b NOT c", "(A || (B && !!C))"),  # NOT tighter still
    ("(a OR b) NOT c", "((A || B) && !!C)"),
    ("a AND NOT b", "(A && !!B)"),
    ("a NOT (b OR c)", "(A && !!(B || C))"),
])
def test_precedence_follows_fts5(query, shape):
    out = to_tsquery_sql(parse_query(query))
    letters = iter("ABC")
    assert out.sql.replace(Q, "{}").format(*[next(letters) for _ in out.params]) == shape
    assert out.params == tuple(t for t in "abc" if t in query)


def test_operator_characters_inside_terms_stay_data():
    out = to_tsquery_sql(parse_query('"a & b" c|d !e x:*'))
    assert out.sql.count("%s") == len(out.params) == 4
    assert out.params == ("a & b", "c|d", "!e", "x:*")
    assert "&" not in out.sql.replace("&&", "")


def test_substring_matching_escapes_like_wildcards():
    out = to_substring_sql(parse_query("台风 NOT 50%_x"))
    assert out.sql.count("ILIKE %s") == 2 and "AND NOT" in out.sql
    assert out.params == ("%台风%", "%50\\%\\_x%")
