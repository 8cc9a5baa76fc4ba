"""The writing system a language is usually written in, for the clusterer's calibration.

Two reports of one story in languages that share a script (German and English)
share names, numbers and loanwords in the same letters, and their embeddings sit
closer than those of two languages written differently (Chinese and English).
The clusterer therefore calibrates cross-language pairs in different scripts
separately. Languages not listed are taken to be written in Latin letters.
"""

from __future__ import annotations

_SCRIPTS: dict[str, str] = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"), "cyrillic"),
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ug", "ckb"), "arabic"),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), "devanagari"),
    "zh": "han", "ja": "japanese", "ko": "hangul", "el": "greek", "he": "hebrew",
    "yi": "hebrew", "th": "thai", "hy": "armenian", "ka": "georgian", "bn": "bengali",
    "ta": "tamil", "te": "telugu", "km": "khmer", "lo": "lao", "my": "myanmar",
    "si": "sinhala", "am": "ethiopic", "gu": "gujarati", "pa": "gurmukhi", "kn": "kannada",
    "ml": "malayalam",
}


def script_of(lang: str) -> str:
    """The usual script of an ISO 639-1 code: ``latin`` unless listed (``und`` included)."""
    return _SCRIPTS.get(lang.split("-")[0].lower(), "latin")


def same_script(lang1: str, lang2: str) -> bool:
    return script_of(lang1) == script_of(lang2)
