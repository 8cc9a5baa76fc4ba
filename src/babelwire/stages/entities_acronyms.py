"""Acronyms an article defines: ``Vereinigung Cockpit (VC)``, then ``VC`` alone.

An acronym in brackets right after a name is that name's, for the rest of the article, even
where it is too short or too common to be taken for a name on its own (``VC``, ``AP``).
In SlavicNER's training documents the bracketed acronym after a name is annotated in 511
of 532 cases. The acronym's mentions take the name's key, and the name as their lemma, so
that the article's mentions of both are grouped as one entity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from babelwire.stages.entities_keys import fold, split_words
from babelwire.stages.entities_records import Mention

_BRACKETED = re.compile(r"[ \u00a0]*\(([A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ0-9&-]{1,7})\)")
_KINDS = frozenset({"organisation", "place", "event", "product"})
_ACRONYM = re.compile(r"[A-ZА-ЯЁІЇЄҐ]{2,6}")
_TICKER = re.compile(r"[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,2}")
"""A stock exchange code in brackets after a company (Reuters writes ``Uniper (UN01.DE)``)."""
_BRACKETED_TICKER = re.compile(rf"[ \u00a0]*\(({_TICKER.pattern})\)")


def _initial_fits(acronym: str, name: str) -> bool:
    """The acronym starts with the name's first letter (in the name's script): VC for
    Vereinigung Cockpit, СЗО for Световната здравна организация."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and fold(acronym[0]) == fold(words[0][0])


_MINOR = split_words("for of the and und der des für de du la le et na za po по на за и і i a w "
                     "ds do z ze s с в von van")


def _initials(name: str) -> str:
    """The capitals an acronym of ``name`` would have: ``Center for European Reform`` -> CER,
    ``Световната здравна организация`` -> СЗО, ``Ekonomiczno-Społecznego`` -> ES."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if fold(w) not in _MINOR]
    return "".join(w[0] for w in words).upper()


def _spelled_out(mentions: list[Mention], defined: dict[str, Mention]) -> dict[str, Mention]:
    """Acronyms found as mentions of their own whose letters are the initials of exactly one
    longer name of the article (or that a bracket defines): acronym -> that name."""
    acronyms = {m.text for m in mentions if _unkeyed(m)
                and (_ACRONYM.fullmatch(m.text) or _TICKER.fullmatch(m.text))}
    if not acronyms:
        return {}
    names: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        if m.kind in _KINDS and len(m.text.split()) > 1:
            initials = _initials(m.lemma or m.text)
            if initials in acronyms:
                names.setdefault(initials, {}).setdefault(fold(m.lemma or m.text), m)
    out = {acr: next(iter(found.values())) for acr, found in names.items() if len(found) == 1}
    out.update((acr, name) for acr, name in defined.items() if acr in acronyms)
    return out


def _unkeyed(m: Mention) -> bool:
    """No key of its own, or only the web address a ticker looks like (``UN01.DE``)."""
    return m.canonical is None or (m.canonical.startswith("site:")
                                   and _TICKER.fullmatch(m.text) is not None)


def _as_name(acronym: Mention, name: Mention) -> Mention:
    """The acronym's mention, keyed and typed as the name it stands for."""
    return replace(acronym, kind=name.kind, canonical=name.canonical,
                   lemma=name.lemma or name.text, rule="document")


def defined_acronyms(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Add the acronyms defined in brackets after a name, and their later uses, as mentions
    of that name; ``mentions`` are sorted by start."""
    defined: dict[str, Mention] = {}
    for m in mentions:
        found = _BRACKETED.match(doc, m.end) if m.kind in _KINDS else None
        if found is not None and _initial_fits(found.group(1), m.text):
            defined.setdefault(found.group(1), m)
        ticker = _BRACKETED_TICKER.match(doc, m.end) if m.kind == "organisation" else None
        if ticker is not None:  # Uniper (UN01.DE): the code is the company's
            defined.setdefault(ticker.group(1), m)
    spelled = _spelled_out(mentions, defined)
    if spelled:  # CER alone, where the article names the Center for European Reform
        mentions = [_as_name(m, spelled[m.text]) if m.text in spelled and _unkeyed(m)
                    else m for m in mentions]
    if not defined:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    alternatives = "|".join(re.escape(a) for a in sorted(defined, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")
    for hit in pattern.finditer(doc):
        start, end = hit.span(1)
        name = defined[hit.group(1)]
        if start < name.end or any(s < end and start < e for s, e in taken):
            continue  # before its definition, or already a mention
        added.append(replace(name, text=hit.group(1), start=start, end=end, rule="document",
                             lemma=name.lemma or name.text))
        taken.append((start, end))
    return sorted([*mentions, *added], key=lambda x: x.start) if added else mentions


__all__ = ["defined_acronyms"]
