"""Turn a parsed keyword query (:mod:`babelwire.store.fts_query`) into PostgreSQL SQL.

:func:`~babelwire.store.fts_query.parse_query` checks the user's syntax and
writes an FTS5 expression of quoted terms and the operators ``AND``, ``OR``,
``NOT`` (binary, as FTS5 has it) and parentheses. This module reads that
expression back with FTS5's precedence (NOT binds tightest, then AND, then OR)
and writes either a ``tsquery`` expression (words: each term a
``phraseto_tsquery('simple', babelwire_fold(term))``) or a boolean condition of
case-insensitive substring matches (Chinese and Japanese, which ``simple`` does
not split into words). Terms always travel as bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from babelwire.errors import QueryError
from babelwire.store.fts_query import FtsQuery

_TOKEN = re.compile(r'"((?:[^"]|"")*)"|(\()|(\))|(AND|OR|NOT)')


@dataclass(frozen=True, slots=True)
class _Term:
    text: str


@dataclass(frozen=True, slots=True)
class _Op:
    op: Literal["and", "or", "not"]
    left: _Term | _Op
    right: _Term | _Op


Node = _Term | _Op


@dataclass(frozen=True, kw_only=True, slots=True)
class SqlQuery:
    sql: str
    """A tsquery expression (``words``) or a boolean condition on ``a`` (``substring``)."""
    params: tuple[str, ...]


def _tokens(expression: str) -> list[str | tuple[str]]:
    out: list[str | tuple[str]] = []
    for match in _TOKEN.finditer(expression):
        term, lpar, rpar, op = match.groups()
        if term is not None:
            out.append((term.replace('""', '"'),))
        else:
            out.append(lpar or rpar or op)
    return out


class _Reader:
    def __init__(self, tokens: list[str | tuple[str]]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | tuple[str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str | tuple[str]:
        token = self.peek()
        if token is None:
            raise QueryError("query ends too early")
        self.at += 1
        return token

    def either(self) -> Node:
        node = self.both()
        while self.peek() == "OR":
            self.take()
            node = _Op("or", node, self.both())
        return node

    def both(self) -> Node:
        node = self.unless()
        while self.peek() == "AND":
            self.take()
            node = _Op("and", node, self.unless())
        return node

    def unless(self) -> Node:
        node = self.primary()
        while self.peek() == "NOT":
            self.take()
            node = _Op("not", node, self.primary())
        return node

    def primary(self) -> Node:
        token = self.take()
        if isinstance(token, tuple):
            return _Term(token[0])
        if token == "(":
            node = self.either()
            if self.take() != ")":
                raise QueryError("unclosed '(' in query")
            return node
        raise QueryError(f"unexpected {token!r} in query")


def _tree(parsed: FtsQuery) -> Node:
    reader = _Reader(_tokens(parsed.expression))
    node = reader.either()
    if reader.peek() is not None:
        raise QueryError(f"unexpected {reader.peek()!r} in query")
    return node


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def to_tsquery_sql(parsed: FtsQuery) -> SqlQuery:
    """A tsquery expression for word search (``a.fts @@ (<sql>)``)."""
    params: list[str] = []

    def emit(node: Node) -> str:
        if isinstance(node, _Term):
            params.append(node.text)
            return "phraseto_tsquery('simple', babelwire_fold(%s))"
        op, left, right = node.op, node.left, node.right
        lhs, rhs = emit(left), emit(right)
        if op == "and":
            return f"({lhs} && {rhs})"
        if op == "or":
            return f"({lhs} || {rhs})"
        return f"({lhs} && !!{rhs})"

    sql = emit(_tree(parsed))
    return SqlQuery(sql=sql, params=tuple(params))


def to_substring_sql(parsed: FtsQuery) -> SqlQuery:
    """A condition on article ``a`` matching each term as a case-insensitive substring."""
    params: list[str] = []

    def emit(node: Node) -> str:
        if isinstance(node, _Term):
            params.append(_like(node.text))
            return "((a.title || ' ' || a.text) ILIKE %s)"
        op, left, right = node.op, node.left, node.right
        lhs, rhs = emit(left), emit(right)
        if op == "and":
            return f"({lhs} AND {rhs})"
        if op == "or":
            return f"({lhs} OR {rhs})"
        return f"({lhs} AND NOT {rhs})"

    sql = emit(_tree(parsed))
    return SqlQuery(sql=sql, params=tuple(params))
