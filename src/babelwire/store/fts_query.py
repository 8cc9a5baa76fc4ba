"""Translate a user's keyword query into FTS5 syntax, safely.

Accepted syntax: words, ``"quoted phrases"``, the operators ``AND``, ``OR`` and
``NOT`` (upper case), and parentheses. Juxtaposed terms mean AND. Every term is
quoted on the way out, so FTS5's own operators and column filters inside a
user's words can never change the query's meaning. Malformed input raises
:class:`~babelwire.errors.QueryError` with a message that says what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babelwire.errors import QueryError

_OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class FtsQuery:
    expression: str
    """The FTS5 MATCH expression."""
    terms: tuple[str, ...]
    """The plain terms and phrases, for highlighting and fallbacks."""
    cjk: bool
    """True when a term contains Chinese, Japanese or Korean characters."""


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse_query(query: str) -> FtsQuery:
    """Parse ``query``; raise QueryError when it is empty or malformed."""
    if query.count('"') % 2:
        raise QueryError(f"unbalanced quote in query {query!r}: close the phrase with '\"'")
    parts: list[str] = []
    terms: list[str] = []
    depth = 0
    expect_term = True  # at start, after an operator or '('
    for match in _TOKEN.finditer(query):
        phrase, lpar, rpar, word = match.groups()
        if lpar:
            if not expect_term:
                parts.append("AND")
            parts.append("(")
            depth += 1
            expect_term = True
            continue
        if rpar:
            if depth == 0 or expect_term:
                raise QueryError(f"misplaced ')' in query {query!r}")
            parts.append(")")
            depth -= 1
            continue
        if word is not None and word in _OPERATORS:
            if expect_term and not (word == "NOT" and parts and parts[-1] in {"AND", "OR"}):
                raise QueryError(f"operator {word} needs a term before it in query {query!r}")
            if word == "NOT" and parts and parts[-1] in {"AND", "OR"}:
                parts.pop()  # FTS5's NOT is binary: 'a AND NOT b' is 'a NOT b'
            parts.append(word)
            expect_term = True
            continue
        term = (phrase if phrase is not None else word or "").strip()
        if not term:
            continue
        if not expect_term:
            parts.append("AND")
        parts.append(_quote(term))
        terms.append(term)
        expect_term = False
    if depth:
        raise QueryError(f"unclosed '(' in query {query!r}")
    if not terms:
        raise QueryError("empty query: give at least one word or \"quoted phrase\"")
    if expect_term:
        raise QueryError(f"query {query!r} ends with an operator: add a term after it")
    return FtsQuery(expression=" ".join(parts), terms=tuple(terms),
                    cjk=any(has_cjk(t) for t in terms))
