"""Tokens of the cased-script mention finder: words with their offsets, cleaned of
elisions, possessives and glued sentence ends."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:[-\u2010\u2011'’.]\w+)*(?:\.|\+(?![\w+]))?", re.UNICODE)
"""A word, with its hyphens and dots, and a trailing plus (``Canal+``, ``Днес+``)."""
_GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_]{2})\.(?=[^\W\d_])")
_ROMAN = re.compile(r"[IVXLC]+")
_GLUED_INITIAL = re.compile(r"[A-ZА-ЯЁІЇЄҐ]\.(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’]{2})")
"""A first name's initial and its full stop glued to the surname (``Т.Мэй``)."""
_INFLECTED_ACRONYM = re.compile(r"[A-ZА-ЯЁЇІЄҐ]{2,5}-?[a-zа-яёїієґ]{1,3}")
SLAVIC = frozenset({"cs", "sk", "pl", "ru", "uk", "bg", "sl", "hr", "sr", "be"})
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "da", "di", "du", "le", "la", "al", "el", "bin", "ibn",
    "ben", "abu", "ter", "op", "zu", "dos", "фон", "дер", "ван", "аль", "бин", "ибн"})
"""Lower-case words inside personal names: Ursula von der Leyen, Урсула фон дер Ляйен."""
_APOSTROPHE_SUFFIX = re.compile(
    r"['’](?:s|in|nin|un|ün|ın|da|de|ta|te|den|dan|ten|tan|e|a|ya|ye|na|ne|i|ı|u|ü|"
    r"yı|yi|nın|nün|ndan|nden|la|le|yla|yle)$")


def word_script(word: str) -> str:
    """``cyrillic``, ``latin`` or ``other``, by the first letter."""
    ch = word[:1]
    return "cyrillic" if "\u0400" <= ch <= "\u04ff" else "latin" if ch.isascii() or \
        "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" else "other"


class Token:
    """A word of a document and where it is."""

    __slots__ = ("cap", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cap = text[:1].isupper()

    @property
    def inflected_acronym(self) -> bool:
        """An acronym with a case ending: ``МИДа``, ``NATO-u``, ``ЕСу``."""
        return _INFLECTED_ACRONYM.fullmatch(self.text) is not None

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return (2 <= len(letters) <= 6 and all(c.isupper() for c in letters)
                and not _ROMAN.fullmatch(self.text))


def _clean_token(tok: Token, lang: str) -> Token | None:
    if tok.text.isalpha():
        return tok
    if tok.text.rstrip(".").isdigit():  # Nord Stream 2. at the end of a sentence
        digits = tok.text.rstrip(".")
        return Token(tok.start, tok.start + len(digits), digits) if len(digits) <= 4 else None
    if not tok.text[0].isalpha():
        return None
    text = tok.text.rstrip(".") if not re.fullmatch(r"(?:\w\.)+", tok.text) else tok.text
    start, end = tok.start, tok.start + len(text)
    m = re.match(r"^(?:[dlLD]|qu|dell|dall|nell|sull|all)['’]", text)
    if m:  # French and Italian elision: d'Ukraine, l'UE, dell'Unione
        text, start = text[m.end():], start + m.end()
    m = None if lang in SLAVIC else _APOSTROPHE_SUFFIX.search(text)
    if m:  # English possessive and Turkish case suffixes: Germany's, Ankara'da (a Slavic
        # case ending after an apostrophe is part of the name: Jean-Claude'a, Farage'a)
        text, end = text[: m.start()], start + m.start()
    head, dash, tail = text.partition("-")
    if dash and len(head) > 1 and head[:1].isupper() and tail.isalpha() and tail.islower() \
            and len(tail) >= 5 and (head.isupper() or word_script(head) != word_script(tail)):
        text, end = head, start + len(head)  # COVID-вакцини, EU-rozpočet, Telegram-канале
    if not text or not text[0].isalpha():
        return None
    return Token(start, end, text)


def tokens_of(doc: str, lang: str) -> list[Token]:
    out = []
    for found in _TOKEN.finditer(doc):
        m: re.Match[str] | None = found
        if _GLUED_INITIAL.match(found.group(0)):  # Д.Дэвис, Т.Мэй: an initial glued to a name
            out.append(Token(found.start(), found.start() + 2, found.group(0)[:2]))
            m = _TOKEN.match(doc, found.start() + 2)
        if m is None:
            continue
        text = m.group(0)
        if "." in text and len(text) > 4:
            parts = _GLUED_SENTENCE.split(text)
            if len(parts) > 1 and all(p[:1].isupper() and p[1:2].islower() for p in parts[1:]):
                start = m.start()  # Мей.Срещата: a full stop without a space after it
                for part in parts:
                    tok = _clean_token(Token(start, start + len(part), part), lang)
                    if tok is not None:
                        out.append(tok)
                    start += len(part) + 1
                continue
        tok = _clean_token(Token(m.start(), m.end(), text), lang)
        if tok is not None:
            out.append(tok)
    return out



@dataclass
class Span:
    """A run of tokens that may be a name, and what the rules made of it."""

    tokens: list[Token]
    sentence_start: bool
    kind: str | None = None
    rule: str = ""
    canonical: str | None = None
    lemma: str | None = None


def span_text(doc: str, span: Span) -> str:
    return doc[span.tokens[0].start : span.tokens[-1].end]


class LowerAware:
    """Stop words, plus any word the document also writes in lower case (checked lazily)."""

    def __init__(self, stop: frozenset[str], toks: list[Token],
                 common: Container[str] = frozenset()) -> None:
        self.stop = stop
        self.common = common
        self.toks = toks
        self.lower: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if word in self.stop or word in self.common:
            return True
        if self.lower is None:
            self.lower = {t.text.lower() for t in self.toks if not t.cap}
        return word in self.lower


__all__ = ["PARTICLES", "SLAVIC", "LowerAware", "Span", "Token", "span_text", "tokens_of",
           "word_script"]
