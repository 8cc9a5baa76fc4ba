"""Institutions named after a person, with the word that says so: Russian and Ukrainian
``имени`` / ``им.`` / ``імені`` / ``ім.``, Polish ``imienia`` / ``im.`` (``НИИ им.
Гамалеи``, ``Институт имени Роберта Коха``, ``Szpital im. Jana Pawła II``).

Without this the person's name is found alone and taken for a person (``Н. Ф. Гамалеи``),
while the news means the institute. In SlavicNER's training documents every one of the 31
such phrases this finds is (part of) an organisation's name: 25 exactly these words, 6 a
longer name that ends so (``Национального центра эпидемиологии и микробиологии имени Н. Ф.
Гамалеи``). The institute is keyed by the person's name (``org:named-after:gml`` for
Gamaleya), so ``Центр им. Гамалеи``, ``НИИ имени Гамалеи`` and Ukrainian ``центр імені
Гамалії`` are one organisation, as the news treats them. A name the gazetteer knows keeps
its own key (``Институт имени Роберта Коха`` is ``org:rki``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babelwire.stages.entities_given_names import is_given_name
from babelwire.stages.entities_keys import fold, skeleton, stem_word
from babelwire.stages.entities_records import Mention

LANGS = frozenset({"ru", "uk", "pl", "be"})

_HEADS = """
центр институт университет госпиталь больница клиника школа музей театр библиотека академия
фонд лицей гимназия аэропорт стадион консерватория училище
інститут університет госпіталь лікарня клініка школа музей театр бібліотека академія фонд
ліцей гімназія аеропорт стадіон консерваторія училище
instytut uniwersytet szpital centrum szkoła muzeum teatr biblioteka akademia fundacja
lotnisko liceum gimnazjum stadion konserwatorium politechnika
"""

_MARKER = re.compile(r"(?<![\w.])(?:имени|им\.|імені|ім\.|imienia|im\.)\s+", re.IGNORECASE)
_HEAD = re.compile(r"([^\W\d_][\w-]*)[»\"”]?\s+$")
_INITIALS = re.compile(r"(?:(?:академика|akademika|św\.|ks\.)\s+)?(?:[^\W\d_]\.\s?){0,2}")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_REGNAL = re.compile(r"\s+([IVX]{1,4})(?![\w])")
_ACADEMY = re.compile(r"\s+(?:РАН|НАН|НАНУ|PAN)(?![\w])")
"""The academy of sciences an institute belongs to ends its name: ``им. Чумакова РАН``."""


def _heads() -> frozenset[str]:
    return frozenset(stem_word(w) for w in fold(_HEADS).split())


_HEAD_STEMS = _heads()


def _is_head(word: str) -> bool:
    return (stem_word(fold(word)) in _HEAD_STEMS
            or (len(word) >= 2 and word.isupper() and word.isalpha()))  # НИИ, НИЦЭМ


def _name_end(doc: str, at: int) -> tuple[int, str] | None:
    """Where the person's name that starts at ``at`` ends, and its surname."""
    initials = _INITIALS.match(doc, at)
    pos = initials.end() if initials else at
    first = _WORD.match(doc, pos)
    if first is None or not first.group(0)[:1].isupper():
        return None
    end, surname = first.end(), first.group(0)
    if is_given_name(surname) and not (initials and initials.group(0).strip()):
        nxt = re.compile(r"\s+").match(doc, end)
        second = _WORD.match(doc, nxt.end()) if nxt else None
        if second is not None and second.group(0)[:1].isupper():
            end, surname = second.end(), second.group(0)  # Роберта | Коха
    for tail in (_REGNAL, _ACADEMY):  # Jana Pawła II; имени Примакова РАН
        more = tail.match(doc, end)
        if more is not None:
            end = more.end()
    return end, surname


def _key(surname: str) -> str:
    """The person's consonant skeleton, or the folded name where that is too short to tell
    two people apart (``Коха`` is ``k``)."""
    key = skeleton(surname)
    return key if len(key) >= 3 else fold(surname)


def named_after(doc: str, lang: str) -> Iterable[Mention]:
    """Each institution named after a person in ``doc``, as an organisation."""
    if lang not in LANGS:
        return
    for marker in _MARKER.finditer(doc):
        head = _HEAD.search(doc, max(0, marker.start() - 40), marker.start())
        if head is None or not _is_head(head.group(1)):
            continue
        found = _name_end(doc, marker.end())
        if found is None:
            continue
        end, surname = found
        start = head.start(1)
        yield Mention(text=doc[start:end], kind="organisation", start=start, end=end,
                      lang=lang, rule="pattern",
                      canonical=f"org:named-after:{_key(surname)}")


def join_named_after(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` with each institution named after a person in place of the mentions it
    overlaps (the person's name, a head found as an organisation of its own)."""
    added = [a for a in named_after(doc, lang)  # a known name keeps its key: org:rki
             if not any(m.canonical and m.start <= a.start and a.end <= m.end
                        for m in mentions)]
    if not added:
        return mentions
    kept = [m for m in mentions
            if not any(m.start < a.end and a.start < m.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)


__all__ = ["LANGS", "join_named_after", "named_after"]
