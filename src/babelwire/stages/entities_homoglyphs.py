"""Words that mix Latin and Cyrillic letters which look alike, written in one script.

Some outlets (and some copy-paste chains) write Cyrillic words with Latin look-alikes
(``Бaйдън`` with a Latin ``a``, ``Tpъмп``, ``CAЩ``) or Latin words with Cyrillic ones
(``СOVID-19``, ``Тwіttеr``). To a reader nothing differs; to a gazetteer lookup, a stem
or a skeleton key they are other words. :func:`unmix` rewrites each such word in the
script it is written in, letter for letter, so that the text keeps its length and every
offset into it stays valid.

A word's script is the one of its letters that have no look-alike in the other script
(``ъ``, ``Щ``, ``д`` are Cyrillic only; ``V``, ``D``, ``w`` Latin only). A word with
such letters in both scripts, or in neither, goes by the majority of its letters, and
is left alone on a tie.
"""

from __future__ import annotations

import re

# Latin letter -> the Cyrillic letter that looks the same (upper and lower case)
_PAIRS = {
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "J": "Ј", "K": "К", "M": "М",
    "O": "О", "P": "Р", "S": "Ѕ", "T": "Т", "X": "Х", "Y": "У",
    "a": "а", "c": "с", "e": "е", "i": "і", "j": "ј", "o": "о", "p": "р", "s": "ѕ", "x": "х",
    "y": "у",
}
_CYRILLIC_LOOKALIKES = frozenset(_PAIRS.values())
_TO_CYRILLIC = str.maketrans(_PAIRS)
_TO_LATIN = str.maketrans({cyr: lat for lat, cyr in _PAIRS.items()})
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_MIXED_WORD = re.compile(r"[^\W\d_]*(?:[A-Za-z][^\W\d_]*[\u0400-\u04ff]|[\u0400-\u04ff]"
                         r"[^\W\d_]*[A-Za-z])[^\W\d_]*")


def _script(word: str) -> str | None:
    """"latin", "cyrillic", or None where the word gives no answer."""
    own_latin = sum(1 for ch in word if _LATIN.match(ch) and ch not in _PAIRS)
    own_cyrillic = sum(1 for ch in word if _CYRILLIC.match(ch) and ch not in _CYRILLIC_LOOKALIKES)
    if own_latin and not own_cyrillic:
        return "latin"
    if own_cyrillic and not own_latin:
        return "cyrillic"
    latin = sum(1 for ch in word if _LATIN.match(ch))
    cyrillic = sum(1 for ch in word if _CYRILLIC.match(ch))
    if latin == cyrillic:
        return None
    return "latin" if latin > cyrillic else "cyrillic"


def _rewrite(match: re.Match[str]) -> str:
    word = match.group(0)
    script = _script(word)
    if script == "latin":
        return word.translate(_TO_LATIN)
    if script == "cyrillic":
        return word.translate(_TO_CYRILLIC)
    return word


def unmix(text: str) -> str:
    """``text`` with every word that mixes look-alike Latin and Cyrillic letters written
    in its own script; the same length as ``text``."""
    if not (_LATIN.search(text) and _CYRILLIC.search(text)):
        return text
    return _MIXED_WORD.sub(_rewrite, text)


__all__ = ["unmix"]
