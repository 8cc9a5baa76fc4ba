"""An organisation and the country, city or body it belongs to, named after it in the
genitive, are one name: ``Rady Najwyższej Ukrainy``, ``Rady bezpečnosti OSN``, ``Окружным
судом Амстердама``.

The languages with cases put the owner after the organisation, in the genitive. In
SlavicNER's training documents in those languages, 791 organisation names with a head
word end in a country, city or international body the gazetteer knows, and 79 are
followed by one outside the name (Ukrainian annotators account for 26 of those). The
owner must be written in the genitive (``Ukrainy``, not ``Ukraina`` or ``Ukrainę``) or be
an acronym (``НАТО``, ``ЕС``, ``США``), which does not decline. Bulgarian, which has no cases and
joins the owner with ``на``, is left out: there the join was as often wrong as right.
The joined mention keeps the organisation's key, so ``Rady Najwyższej Ukrainy`` is the
Verkhovna Rada, and the owner is no mention of its own, as the corpus annotates no name
inside another.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import Mention

if TYPE_CHECKING:
    from babelwire.stages.entities_gazetteer import Gazetteer

_GENITIVE: dict[str, re.Pattern[str]] = {
    lang: re.compile(f"(?:{endings})$") for lang, endings in {
        "pl": "y|i|u",
        "cs": "y|a|u|e|í",
        "sk": "y|a|u|e",
        "ru": "ы|и|а|я",
        "uk": "и|у|ї|а|я",
        "be": "ы|і|а|я|у",
        "sl": "e|a|ije",
        "hr": "e|a",
    }.items()}
"""Genitive endings of place names, per language with cases (not Bulgarian)."""

_BODY_OWNER_LANGS = frozenset({"ru"})
"""Languages where a body named after an organisation in the genitive owns it (``Палата
представителей Конгресса США``, ``Национального комитета Республиканской партии``): the
training documents' Russian annotators label such pairs whole 30 times of 50, the
Ukrainian and Czech ones mostly apart."""
_BODY_GENITIVE = re.compile(r"(?:а|я|ы|и|ой|ей|ого|его)$")
_OWNER_KEY = re.compile(r"place:[A-Z]{2}$|place:city:|org:")


def _owner(m: Mention, lang: str, gaz: Gazetteer) -> bool:
    """Whether ``m`` can own the organisation before it: a country, a city or an
    international body, in the genitive or as an acronym."""
    if m.canonical is None or not _OWNER_KEY.match(m.canonical):
        return False
    if m.text.isupper() and len(m.text) <= 6:
        return True  # НАТО, ЕС, ООН, США, USA: acronyms do not decline
    if m.kind == "organisation":  # Палата представителей | Конгресса США
        first = fold(m.text.split()[0])
        return (lang in _BODY_OWNER_LANGS and m.text[:1].isupper()
                and bool(_BODY_GENITIVE.search(first)))
    folded = fold(m.text)
    return (m.kind == "place" and " " not in m.text and folded not in gaz.exact
            and bool(_GENITIVE[lang].search(folded)))


def join_owners(doc: str, mentions: list[Mention], lang: str, gaz: Gazetteer) -> list[Mention]:
    """``mentions`` (sorted by start) with each organisation and its owner after it as one;
    not after an acronym, as two acronyms in a row are two names (``PAP | KE``)."""
    if lang not in _GENITIVE or len(mentions) < 2:
        return mentions
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        m = mentions[k]
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (nxt is not None and m.kind == "organisation" and not m.text.isupper()
                and doc[m.end : nxt.start] == " " and _owner(nxt, lang, gaz)):
            out.append(replace(m, text=doc[m.start : nxt.end], end=nxt.end))
            k += 2
            continue
        out.append(m)
        k += 1
    return out


__all__ = ["join_owners"]
