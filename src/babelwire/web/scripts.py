"""The writing system of a name, from the Unicode names of its letters. No I/O.

``script_of("Шольц")`` is ``Cyrillic``; ``script_of("ベトナム")`` is ``Katakana``.
Only letters vote (digits, spaces and punctuation are shared by every script);
the script with most letters wins, the first seen on a tie.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

_PREFIXES: tuple[tuple[str, str], ...] = (
    ("LATIN", "Latin"), ("FULLWIDTH LATIN", "Latin"), ("CYRILLIC", "Cyrillic"),
    ("GREEK", "Greek"), ("ARABIC", "Arabic"), ("HEBREW", "Hebrew"), ("SYRIAC", "Syriac"),
    ("THAANA", "Thaana"), ("CJK", "Han"), ("HIRAGANA", "Hiragana"), ("KATAKANA", "Katakana"),
    ("HALFWIDTH KATAKANA", "Katakana"), ("HANGUL", "Hangul"), ("DEVANAGARI", "Devanagari"),
    ("BENGALI", "Bengali"), ("GURMUKHI", "Gurmukhi"), ("GUJARATI", "Gujarati"),
    ("TAMIL", "Tamil"), ("TELUGU", "Telugu"), ("KANNADA", "Kannada"),
    ("MALAYALAM", "Malayalam"), ("SINHALA", "Sinhala"), ("THAI", "Thai"), ("LAO", "Lao"),
    ("KHMER", "Khmer"), ("MYANMAR", "Myanmar"), ("GEORGIAN", "Georgian"),
    ("ARMENIAN", "Armenian"), ("ETHIOPIC", "Ethiopic"), ("TIBETAN", "Tibetan"),
    ("MONGOLIAN", "Mongolian"),
)

RTL_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
"""Scripts written right to left."""


@lru_cache(maxsize=4096)
def letter_script(char: str) -> str:
    """The script of one letter (``Other`` when not in the table, ``""`` for a non-letter)."""
    if not unicodedata.category(char).startswith("L"):
        return ""
    name = unicodedata.name(char, "")
    for prefix, script in _PREFIXES:
        if name.startswith(prefix):
            return script
    return "Other"


def script_of(text: str) -> str:
    """The script most of ``text``'s letters are written in; ``Unknown`` when it has none."""
    votes = Counter(s for s in map(letter_script, text) if s)
    if not votes:
        return "Unknown"
    return votes.most_common(1)[0][0]


def script_direction(script: str) -> str:
    """``rtl`` or ``ltr``."""
    return "rtl" if script in RTL_SCRIPTS else "ltr"
