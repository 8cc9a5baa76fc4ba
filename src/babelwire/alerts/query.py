"""The watch query language: parse a query into a tree, match it against one article.

Syntax (a superset of ``babelwire search``'s):

* words and ``"quoted phrases"``; juxtaposed terms mean AND;
* ``AND``, ``OR``, ``NOT`` (upper case) and parentheses; ``NOT`` binds tightest, then
  AND, then OR;
* ``entity:"Olaf Scholz"`` (or ``entity:Scholz``): the article mentions that entity under
  any of its spellings, in any language or script (resolved through the entity tables);
* ``lang:de``: the article's language; ``source:"Der Spiegel"``: the article's outlet;
* ``*``: every article (for a watch of everything that breaks, say).

Aliases (``rail strike=grève SNCF|Bahnstreik``) let a word or phrase also match other
spellings. Matching is on words: case and diacritics are ignored (as in FTS5's
``unicode61 remove_diacritics``); a phrase matches consecutive words; a term with
Chinese, Japanese or Korean characters matches as a substring. Malformed queries
raise :class:`~babelwire.errors.QueryError` naming the problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from babelwire.errors import QueryError
from babelwire.store.fts_query import has_cjk

FIELDS = ("entity", "lang", "source")
_TOKEN = re.compile(
    r'(?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|(?P<fword>[^\s()"]+))'
    r'|"(?P<phrase>[^"]*)"|(?P<lpar>\()|(?P<rpar>\))|(?P<word>[^\s()"]+)')
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Case-folded text without diacritics (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(text)))


@lru_cache(maxsize=8192)
def _term_words(term: str) -> tuple[str, ...]:
    return words(term)


@lru_cache(maxsize=8192)
def _term_flat(term: str) -> str:
    return normalise(term)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """An article's title and text, normalised once for every query run over it."""

    tokens: tuple[str, ...]
    flat: str


def prepare(title: str, text: str) -> PreparedText:
    flat = normalise(f"{title}\n{text}")
    return PreparedText(tokens=tuple(_WORD.findall(flat)), flat=flat)


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase, with the aliases that also match it."""

    text: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldTerm:
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Any_:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Everything:
    pass


Node = Term | FieldTerm | Not | All | Any_ | Everything


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleView:
    """What a query looks at in one article."""

    title: str
    text: str
    lang: str
    source: str
    entity_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # term, field, op, lpar, rpar
    value: str
    field: str = ""


def _tokens(query: str) -> list[_Token]:
    if query.count('"') % 2:
        raise QueryError(f"unbalanced quote in watch query {_shown(query)}: "
                         "close the phrase with '\"'")
    out: list[_Token] = []
    for m in _TOKEN.finditer(query):
        if m["field"] is not None:
            name = m["field"].lower()
            value = (m["fquoted"] if m["fquoted"] is not None else m["fword"] or "").strip()
            if name not in FIELDS:
                if m["fquoted"] is not None:
                    raise QueryError(f"unknown field {m['field']!r}: in watch query "
                                     f"{_shown(query)}; use one of "
                                     f"{', '.join(f + ':' for f in FIELDS)}")
                out.append(_Token("term", m.group(0)))  # a word with a colon, like 10:30
                continue
            if not value:
                raise QueryError(f"{name}: needs a value in watch query {_shown(query)}, "
                                 f'like {name}:"..."')
            out.append(_Token("field", value, name))
        elif m["phrase"] is not None:
            if m["phrase"].strip():
                out.append(_Token("term", m["phrase"].strip()))
        elif m["lpar"]:
            out.append(_Token("lpar", "("))
        elif m["rpar"]:
            out.append(_Token("rpar", ")"))
        elif m["word"] in {"AND", "OR", "NOT"}:
            out.append(_Token("op", m["word"]))
        else:
            out.append(_Token("term", m["word"]))
    return out


MAX_QUERY_CHARACTERS = 1000
"""The longest watch query."""
MAX_DEPTH = 32
"""The deepest nesting of parentheses and NOTs in a watch query (matching recurses)."""


def _shown(query: str) -> str:
    """``query`` as error messages quote it: at most 80 characters."""
    return repr(query) if len(query) <= 80 else repr(query[:80]) + "..."


class _Parser:
    def __init__(self, query: str, aliases: Mapping[str, tuple[str, ...]]) -> None:
        if len(query) > MAX_QUERY_CHARACTERS:
            raise QueryError(f"watch query {_shown(query)} is {len(query)} characters long; "
                             f"the most is {MAX_QUERY_CHARACTERS}")
        self.query = query
        self.tokens = _tokens(query)
        self.pos = 0
        self.depth = 0
        self.aliases = {normalise(k): v for k, v in aliases.items()}

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"more than {MAX_DEPTH} nested parentheses or NOTs")

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def fail(self, problem: str) -> QueryError:
        return QueryError(f"{problem} in watch query {_shown(self.query)}")

    def parse(self) -> Node:
        if not self.tokens:
            raise QueryError('empty watch query: give a word, a "quoted phrase" or '
                             'entity:"Name"')
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise self.fail("misplaced ')'" if extra.kind == "rpar" else
                            f"unexpected {extra.value!r}")
        return node

    def parse_or(self) -> Node:
        children = [self.parse_and()]
        while (t := self.peek()) is not None and t.kind == "op" and t.value == "OR":
            self.pos += 1
            children.append(self.parse_and())
        return children[0] if len(children) == 1 else Any_(tuple(children))

    def parse_and(self) -> Node:
        children = [self.parse_not()]
        while (t := self.peek()) is not None and t.kind != "rpar" and not (
                t.kind == "op" and t.value == "OR"):
            if t.kind == "op" and t.value == "AND":
                self.pos += 1
            children.append(self.parse_not())
        return children[0] if len(children) == 1 else All(tuple(children))

    def parse_not(self) -> Node:
        t = self.peek()
        if t is not None and t.kind == "op" and t.value == "NOT":
            self.pos += 1
            self.deeper()
            node = Not(self.parse_not())
            self.depth -= 1
            return node
        return self.parse_atom()

    def parse_atom(self) -> Node:
        t = self.peek()
        if t is None:
            raise self.fail("the query ends with an operator or '(': add a term after it")
        self.pos += 1
        if t.kind == "lpar":
            self.deeper()
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != "rpar":
                raise self.fail("unclosed '('")
            self.pos += 1
            self.depth -= 1
            return node
        if t.kind == "rpar":
            raise self.fail("misplaced ')'")
        if t.kind == "op":
            raise self.fail(f"operator {t.value} needs a term before it")
        if t.kind == "field":
            return FieldTerm(t.field, t.value)
        if t.value == "*":
            return Everything()
        if not words(t.value) and not has_cjk(t.value):
            raise self.fail(f"term {t.value!r} has no letters or digits")
        return Term(t.value, tuple(self.aliases.get(normalise(t.value), ())))


def parse_watch_query(query: str, aliases: Mapping[str, tuple[str, ...]] | None = None) -> Node:
    """The query's tree; QueryError when it is malformed."""
    node = _Parser(query, aliases or {}).parse()
    if not _has_positive(node):
        raise QueryError(f"watch query {_shown(query)} only excludes (NOT ...): it would match "
                         "almost everything; add a term it must contain")
    return node


def _has_positive(node: Node) -> bool:
    if isinstance(node, Not):
        return False
    if isinstance(node, All | Any_):
        return any(_has_positive(c) for c in node.children)
    return True


def parse_alias(text: str) -> tuple[str, tuple[str, ...]]:
    """``"rail strike=grève SNCF|Bahnstreik"`` -> ``("rail strike", ("grève SNCF", ...))``."""
    term, sep, rest = text.partition("=")
    alternatives = tuple(a.strip() for a in rest.split("|") if a.strip())
    if not sep or not term.strip() or not alternatives:
        raise QueryError(f"alias {text!r} is malformed: write TERM=OTHER|OTHER, like "
                         "'rail strike=grève SNCF|Bahnstreik'")
    return term.strip(), alternatives


def entity_names(node: Node) -> set[str]:
    """The names in the query's ``entity:`` terms."""
    if isinstance(node, FieldTerm):
        return {node.value} if node.field == "entity" else set()
    if isinstance(node, Not):
        return entity_names(node.child)
    if isinstance(node, All | Any_):
        return set().union(*(entity_names(c) for c in node.children))
    return set()


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    if n == 0:
        return False
    first = needle[0]
    return any(haystack[i] == first and haystack[i:i + n] == needle
               for i in range(len(haystack) - n + 1))


class Matcher:
    """Evaluates a parsed query against articles; ``resolve`` maps an entity name to ids."""

    def __init__(self, node: Node, resolve: Callable[[str], frozenset[int]]) -> None:
        self.node = node
        self.resolve = resolve

    def matches(self, article: ArticleView, prepared: PreparedText | None = None) -> list[str]:
        """The terms that matched when the article matches the query, else an empty list.

        ``prepared`` is :func:`prepare` of the article's title and text, when the caller
        runs several queries over one article.
        """
        hits: list[str] = []
        p = prepared or prepare(article.title, article.text)
        ok = self._eval(self.node, article, p.tokens, p.flat, hits)
        return list(dict.fromkeys(hits)) if ok else []

    def _eval(self, node: Node, a: ArticleView, toks: tuple[str, ...], flat: str,
              hits: list[str]) -> bool:
        if isinstance(node, Everything):
            hits.append("*")
            return True
        if isinstance(node, Term):
            for candidate in (node.text, *node.alternatives):
                if has_cjk(candidate):
                    found = _term_flat(candidate) in flat
                else:
                    found = _contains(toks, _term_words(candidate))
                if found:
                    hits.append(candidate)
                    return True
            return False
        if isinstance(node, FieldTerm):
            if node.field == "lang":
                ok = a.lang.lower() == node.value.lower()
            elif node.field == "source":
                ok = normalise(a.source) == normalise(node.value)
            else:
                ok = bool(self.resolve(node.value) & a.entity_ids)
            if ok:
                hits.append(f"{node.field}:{node.value}")
            return ok
        if isinstance(node, Not):
            return not self._eval(node.child, a, toks, flat, [])
        if isinstance(node, All):
            return all(self._eval(c, a, toks, flat, hits) for c in node.children)
        return any([self._eval(c, a, toks, flat, hits) for c in node.children])


def entity_resolver(spellings: Iterable[tuple[int, str]]) -> Callable[[str], frozenset[int]]:
    """A lookup from a name to the entities with that name or spelling (case, diacritics and
    inflection aside: the entity keys' ``stem_key`` is compared too)."""
    from babelwire.stages.entities_keys import stem_key

    by_form: dict[str, set[int]] = {}
    for eid, text in spellings:
        for form in {normalise(text), normalise(stem_key(text))}:
            by_form.setdefault(form, set()).add(eid)

    def resolve(name: str) -> frozenset[int]:
        found: set[int] = set()
        for form in {normalise(name), normalise(stem_key(name))}:
            found |= by_form.get(form, set())
        return frozenset(found)

    return resolve
