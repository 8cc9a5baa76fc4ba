"""The watch query language: parsing, errors that name the problem, matching."""

from __future__ import annotations

import pytest

from babelwire.alerts.query import (
    ArticleView,
    Matcher,
    entity_names,
    entity_resolver,
    parse_alias,
    parse_watch_query,
)
from babelwire.errors import QueryError


def match(query, title, text="", *, lang="en", source="Wire", entities=(), aliases=None,
          resolve=None):
    node = parse_watch_query(query, aliases)
    article = ArticleView(title=title, text=text, lang=lang, source=source,
                          entity_ids=frozenset(entities))
    return Matcher(node, resolve or (lambda _n: frozenset())).matches(article)


def test_words_phrases_and_boolean_operators():
    assert match("strike", "Rail STRIKE today") == ["strike"]
    assert match('"rail strike"', "A strike on the rail") == []
    assert match('"rail strike"', "The rail strike goes on") == ["rail strike"]
    assert match("rail strike", "strike ... rail") == ["rail", "strike"]  # juxtaposed: AND
    assert match("rail OR tram", "tram stops") == ["tram"]
    assert match("rail NOT football", "rail and football") == []
    assert match("rail AND NOT football", "rail news") == ["rail"]
    assert match("(rail OR tram) AND strike", "tram strike") == ["tram", "strike"]
    assert match("(rail OR tram) AND strike", "tram news") == []


def test_case_and_diacritics_are_ignored_and_words_are_whole():
    assert match("greve", "Grève à la SNCF") == ["greve"]
    assert match("Jucar", "Ribera del Júcar") == ["Jucar"]
    assert match("strike", "strikes") == []


def test_cjk_terms_match_as_substrings():
    assert match("洪灾", "西班牙巴伦西亚暴雨引发洪灾") == ["洪灾"]


def test_fields_filter_language_source_and_entities():
    assert match("rail lang:fr", "rail", lang="fr") == ["rail", "lang:fr"]
    assert match("rail lang:fr", "rail", lang="de") == []
    assert match('rail source:"Le Monde"', "rail", source="le monde") != []
    resolve = entity_resolver([(7, "Olaf Scholz"), (7, "Олаф Шольц"), (7, "Шольца"),
                               (9, "Angela Merkel")])
    assert resolve("olaf scholz") == frozenset({7})
    assert resolve("Шольц") == frozenset({7})  # an inflected spelling meets its stem
    hit = match('entity:"Olaf Scholz"', "Канцлер приехал", lang="ru", entities={7},
                resolve=resolve)
    assert hit == ["entity:Olaf Scholz"]
    assert match('entity:"Olaf Scholz"', "x", entities={9}, resolve=resolve) == []


def test_aliases_add_spellings_in_other_languages():
    aliases = dict([parse_alias("rail strike=grève SNCF|Bahnstreik")])
    assert aliases == {"rail strike": ("grève SNCF", "Bahnstreik")}
    assert match('"rail strike"', "Bahnstreik in Bayern", aliases=aliases) == ["Bahnstreik"]
    assert match('"rail strike"', "Nouvelle grève SNCF", aliases=aliases) == ["grève SNCF"]
    with pytest.raises(QueryError, match="TERM=OTHER"):
        parse_alias("no equals sign")


def test_entity_names_are_collected():
    node = parse_watch_query('entity:"Olaf Scholz" OR (entity:Merkel NOT lang:de)')
    assert entity_names(node) == {"Olaf Scholz", "Merkel"}


@pytest.mark.parametrize(("query", "problem"), [
    ("", "empty watch query"),
    ('"rail strike', "unbalanced quote"),
    ("(rail OR tram", "unclosed '('"),
    ("rail)", "misplaced ')'"),
    ("rail AND", "ends with an operator"),
    ("OR rail", "operator OR needs a term"),
    ('topic:"rail"', "unknown field 'topic'"),
    ('entity:""', "entity: needs a value"),
    ("NOT football", "only excludes"),
    ("---", "has no letters or digits"),
    ("(" * 33 + "rail" + ")" * 33, "more than 32 nested parentheses or NOTs"),
    ("NOT " * 33 + "rail", "more than 32 nested"),
    ("rail " * 201, "characters long; the most is 1000"),
])
def test_malformed_queries_name_the_problem(query, problem):
    with pytest.raises(QueryError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_watch_query(query)


def test_a_word_with_a_colon_is_a_word():
    assert match("10:30", "Talks at 10:30 today") == ["10:30"]


def test_a_star_matches_every_article():
    assert match("*", "anything at all") == ["*"]
    assert match("* NOT football", "football results") == []


def test_deep_queries_that_would_exhaust_the_stack_are_refused_with_a_short_message():
    deep = "(" * 3000 + "rail" + ")" * 3000  # once a RecursionError: a 500 from the API
    with pytest.raises(QueryError) as refused:
        parse_watch_query(deep)
    assert len(str(refused.value)) < 200
    nested = "(" * 31 + "rail OR NOT tram" + ")" * 31  # 32 deep: the limit still parses
    assert match(nested, "Rail strike") and not match(nested, "Tram strike")
