"""Given names and surnames in many languages and scripts, from Faker's person providers
(MIT licence).

Faker ships, for each of its ~80 locales, the first names its fake people get: Polish
``Jarosław``, Russian ``Владимир``, Bulgarian ``Бойко``, Arabic ``أحمد`` and some 30,000
more. A run of two or three capitalised words whose first word is a given name is a
person; one whose first word is not, and that is made of common words or ends in an
adjective (``Morza Bałtyckiego``, ``Parlamencie Europejskim``), is not one by its shape.

Names are kept as folded stems and as their Latin transliteration, so ``Jarosława``
(genitive) finds ``Jarosław`` and Cyrillic ``Дональд`` finds English ``Donald``; Cyrillic
names also as Ukrainian BGN/PCGN romanises them, so that ``Дмитро`` finds the Latin-script
press's ``Dmytro`` (ICU's plain transliteration gives ``Dmitro``). Without
Faker installed the set is empty and the rules fall back to shape alone.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import re
from collections.abc import Iterator
from functools import lru_cache

from babelwire.stages.entities_keys import fold, latin, stem_word, ukrainian_latin

log = logging.getLogger(__name__)

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female")
_SURNAMES = ("last_names", "last_names_male", "last_names_female")


def _faker_names(attributes: tuple[str, ...]) -> Iterator[str]:
    """Every name under ``attributes`` of every Faker person provider, folded."""
    try:
        import faker.providers.person as providers
    except ImportError:
        log.info("given names: Faker is not installed; person shapes go unchecked")
        return
    for module in pkgutil.iter_modules(providers.__path__):
        try:
            provider = importlib.import_module(f"{providers.__name__}.{module.name}").Provider
        except (ImportError, AttributeError) as exc:  # a locale this Faker lacks
            log.debug("given names: skipped %s (%s)", module.name, exc)
            continue
        for attribute in attributes:
            names = getattr(provider, attribute, None)
            if names is not None and not isinstance(names, property):
                yield from (fold(str(name)) for name in names)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded stems and Latin forms of every single-word given name Faker knows (~0.5 s)."""
    keys: set[str] = set()
    for form in _faker_names(_ATTRIBUTES):
        if len(form) >= 2 and " " not in form:
            stem = stem_word(form)
            keys.update((stem, latin(form), latin(stem)))
            if _CYRILLIC.search(form):  # Дмитро is Dmytro in the Latin-script press
                keys.add(ukrainian_latin(form))
    keys.discard("")
    return frozenset(keys)


@lru_cache(maxsize=1)
def personal_name_forms() -> frozenset[str]:
    """Folded given names and surnames Faker knows, as written: what a city must not be
    called for its name to become a place wherever it appears (``Jackson``, ``Victoria``)."""
    return frozenset(_faker_names((*_ATTRIBUTES, *_SURNAMES)))


def is_given_name(word: str) -> bool:
    """Whether ``word`` (as written) is a given name, in any case form or script."""
    names = given_names()
    form = fold(word)
    stem = stem_word(form)
    return (form in names or stem in names or latin(form) in names
            or latin(stem) in names)


__all__ = ["given_names", "is_given_name", "personal_name_forms"]
