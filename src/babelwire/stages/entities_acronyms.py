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

from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import Mention

_BRACKETED = re.compile(r"[ \u00a0]*\(([A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ0-9&-]{1,7})\)")
_KINDS = frozenset({"organisation", "place", "event", "product"})


def _initial_fits(acronym: str, name: str) -> bool:
    """The acronym starts with the name's first letter (in the name's script): VC for
    Vereinigung Cockpit, СЗО for Световната здравна организация."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and fold(acronym[0]) == fold(words[0][0])


def defined_acronyms(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Add the acronyms defined in brackets after a name, and their later uses, as mentions
    of that name; ``mentions`` are sorted by start."""
    defined: dict[str, Mention] = {}
    for m in mentions:
        found = _BRACKETED.match(doc, m.end) if m.kind in _KINDS else None
        if found is not None and _initial_fits(found.group(1), m.text):
            defined.setdefault(found.group(1), m)
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
