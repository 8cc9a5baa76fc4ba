"""An institution named with the city it sits in is one organisation: ``Районния съд в
Лахор``, ``Uniwersytetu w Cambridge``, ``Univerze v Ljubljani``, ``Высокий суд в Лахоре``.

Courts, universities, colleges, institutes, centres, hospitals and forums are told apart
by their seat: the city is part of the name. In SlavicNER's training documents, where a
capitalised phrase ending in such a head noun is followed by "in" and a city (not a country
or region), the annotators take the city into the organisation 21 times in 25; where the
phrase opens a sentence, or the head is written in lower case with nothing capitalised
before it (``sądu w Lahaur``), they mostly do not, and neither does this rule.
"""

from __future__ import annotations

import re

from babelwire.stages.entities_records import Mention

_HEAD = re.compile(
    r"(?:s[aą]d|суд|съд|soud|sodišč|univerz|uniwersytet|университет|університет|колеж|"
    r"college|форум|forum|centrum|центр|център|urz[aą]d|institut|instytut|институт|"
    r"інститут|akadem|академи|академі|szpital|nemocnic|больниц|болниц|bolnišnic)\w*",
    re.IGNORECASE)
"""Head nouns of institutions known by their seat, by stem, in the languages we read most."""
_IN = {"pl": ("w", "we"), "ru": ("в", "во"), "uk": ("в", "у"), "be": ("в", "у"),
       "bg": ("в", "във"), "mk": ("во",), "cs": ("v", "ve"), "sk": ("v", "vo"),
       "sl": ("v",), "hr": ("u",), "bs": ("u",), "sr": ("u", "у"), "en": ("in",)}
"""The preposition "in" before a city, per language (Slovene ``in`` is "and")."""
_GAPS = {lang: re.compile("[ \u00a0]+(?:{})[ \u00a0]+$".format("|".join(preps)))
         for lang, preps in _IN.items()}
_COUNTRY_OR_REGION = re.compile(r"place:[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
_WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]+$")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?…:]\s*[\"'«»„“”]?|\n)\s*$")


def _phrase_start(doc: str, head_start: int) -> int | None:
    """Where the capitalised phrase ending in the head at ``head_start`` starts: the head
    itself if capitalised, else the capitalised word one or two words before it
    (``Районния съд``, ``Световния икономически форум``); None without one, or where the
    phrase opens a sentence."""
    start = head_start
    for _ in range(2):
        if doc[start].isupper():
            break
        before = _WORD_BEFORE.search(doc, max(0, start - 40), start)
        if before is None:
            return None
        start = before.start(1)
    if not doc[start].isupper():
        return None
    before = _WORD_BEFORE.search(doc, max(0, start - 40), start)
    if before is not None and before.group(1)[0].isupper() and not _OPENS_SENTENCE.search(
            doc, max(0, before.start(1) - 8), before.start(1)):
        start = before.start(1)  # Medyczny Uniwersytet
    return None if _OPENS_SENTENCE.search(doc, max(0, start - 8), start) else start


def join_seats(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Institutions followed by their city become one organisation; ``mentions`` are sorted
    by start. A key found for the institution alone stays (the World Economic Forum's)."""
    gap = _GAPS.get(lang)
    if gap is None:
        return mentions
    out = list(mentions)
    for m in mentions:
        if m.kind != "place" or _COUNTRY_OR_REGION.fullmatch(m.canonical or ""):
            continue
        g = gap.search(doc, max(0, m.start - 6), m.start)
        if g is None:
            continue
        head = _WORD_BEFORE.search(doc, max(0, g.start() - 40), g.start() + 1)
        if head is not None and not _HEAD.fullmatch(head.group(1)) and head.group(1)[0].isupper():
            # the head, then a capitalised word of the name: Sąd Najwyższy, Centrum Pokoju
            head = _WORD_BEFORE.search(doc, max(0, head.start(1) - 40), head.start(1))
        if head is None or not _HEAD.fullmatch(head.group(1)):
            continue
        start = _phrase_start(doc, head.start(1))
        if start is None:
            continue
        inside = [o for o in out if start <= o.start and o.end <= m.end]
        if any(o.start < start < o.end or o.start < m.end < o.end for o in out):
            continue  # a mention across the phrase's edge: leave both as they are
        keyed = next((o.canonical for o in inside if o is not m and o.canonical), None)
        out = [o for o in out if o not in inside]
        out.append(Mention(text=doc[start : m.end], kind="organisation", start=start,
                           end=m.end, lang=lang, rule="pattern", canonical=keyed))
    return sorted(out, key=lambda x: x.start)


__all__ = ["join_seats"]
