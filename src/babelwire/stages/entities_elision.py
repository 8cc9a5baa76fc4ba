"""Regions named by one adjective in a coordination: ``střední a východní Evropa``.

"Central and Eastern Europe" names two regions, and the Slavic languages write the first
(or, in Polish, the second) as a lone adjective: ``střední a východní Evropy``,
``Централна и Източна Европа``, ``Europy Środkowej i Wschodniej``. The adjective is a
mention of its region of its own: SlavicNER's training documents annotate it so in every
one of the 41 such phrases in Bulgarian, Czech, Russian and Slovene.
"""

from __future__ import annotations

import re

from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import Mention

_REGION = re.compile(r"place:region:(central|eastern|western)-europe")
_DIRECTIONS = (
    ("central", ("střed", "sred", "środk", "центр", "централ")),
    ("eastern", ("východ", "vzhod", "wschod", "восточ", "източ", "східн")),
    ("western", ("západ", "zahod", "zachod", "запад", "захід", "західн")),
)
_AND = r"(?:a|i|in|и|і|oraz|und|and)"
_BEFORE = re.compile(rf"(?<![\w-])([^\W\d_]+)[ \u00a0]+{_AND}[ \u00a0]+$", re.IGNORECASE)
_AFTER = re.compile(rf"[ \u00a0]+{_AND}[ \u00a0]+([^\W\d_]+)(?![\w-])", re.IGNORECASE)


def _direction(word: str) -> str | None:
    folded = fold(word)
    for name, stems in _DIRECTIONS:
        if folded.startswith(stems):
            return name
    return None


def elided_regions(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Add the lone adjective of a coordinated European region as a mention of its region;
    ``mentions`` are sorted by start."""
    added: list[Mention] = []
    for m in mentions:
        own = _REGION.fullmatch(m.canonical or "")
        if m.kind != "place" or own is None:
            continue
        found = [(g.start(1), g.end(1)) for g in (
            _BEFORE.search(doc, max(0, m.start - 40), m.start),
            _AFTER.match(doc, m.end))
            if g is not None]
        for start, end in found:
            direction = _direction(doc[start:end])
            if direction is None or direction == own.group(1) or any(
                    o.start < end and start < o.end for o in (*mentions, *added)):
                continue
            added.append(Mention(text=doc[start:end], kind="place", start=start, end=end,
                                 lang=lang, rule="pattern",
                                 canonical=f"place:region:{direction}-europe"))
    return sorted([*mentions, *added], key=lambda x: x.start) if added else mentions


__all__ = ["elided_regions"]
