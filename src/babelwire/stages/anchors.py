"""Language-independent anchors for story matching: numbers and name keys.

Two reports of one event in different languages share figures (12 dead, 3.5%)
and names (Novák = Новак = نوفاك). Numbers are normalised across digit scripts
and separators; capitalised names are transliterated to ASCII and reduced to a
consonant skeleton so inflected and transliterated spellings meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babelwire.stages.entities_keys import latin as latin_text

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\w])")
_NAME = re.compile(r"\b[^\W\d_][^\W\d_'’-]{2,}(?:[-'’][^\W\d_]+)?\b")
_VOWELS = str.maketrans("", "", "aeiouy")


@dataclass(frozen=True, slots=True)
class Anchors:
    numbers: frozenset[str]
    names: frozenset[str]


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def numbers(text: str) -> frozenset[str]:
    """Distinctive numbers: not small counts or calendar years, separators normalised."""
    found = set()
    for whole, frac in _NUMBER.findall(_ascii_digits(text)):
        digits = re.sub(r"\D", "", whole)
        if not digits:
            continue
        value = int(digits)
        if frac:
            found.add(f"{value}.{frac.rstrip('0') or '0'}")
        elif value >= 32 and not 1900 <= value <= 2100:
            found.add(str(value))
    return frozenset(found)


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A skeleton key: ASCII transliteration, lower case, inner vowels dropped, digraphs folded."""
    latin = re.sub(r"[^a-z]", "", latin_text(word))
    for digraph, single in (("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("ts", "c"),
                            ("tz", "c"), ("ph", "f"), ("th", "t"), ("w", "v"), ("q", "k"),
                            ("ck", "k"), ("x", "ks"), ("j", "i"), ("c", "s"), ("z", "s")):
        latin = latin.replace(digraph, single)
    if len(latin) < 3:
        return ""
    key = latin[0] + latin[1:].translate(_VOWELS)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key[:5] if len(key) >= 3 else ""


def names(text: str) -> frozenset[str]:
    """Keys of capitalised words (in scripts that have case) that are not sentence-initial."""
    keys = set()
    for match in _NAME.finditer(text):
        word = match.group(0)
        if not word[0].isupper():
            continue
        start = match.start()
        before = text[max(0, start - 2) : start]
        if start == 0 or before.strip() in {".", "!", "?", "\n"} or before.endswith("\n"):
            continue  # sentence-initial capitals say nothing
        key = name_key(word)
        if key:
            keys.add(key)
    return frozenset(keys)


def anchors(title: str, text: str, max_chars: int = 1500) -> Anchors:
    body = f"{title}\n{text[:max_chars]}"
    return Anchors(numbers=numbers(body), names=names(body))
