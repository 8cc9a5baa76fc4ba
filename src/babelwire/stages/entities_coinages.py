"""Events named by a coinage on the pattern of Brexit: ``Grexit``, ``Czexit``, ``italexitu``.

News coins a word for a country leaving a union from the country's name and *exit*, in
upper or lower case and in every case form (Czech ``czexitu``, Polish ``polexitem``). Such a
word is an event, keyed by its folded stem (``event:exit:czexit``) so that its case forms
are one entity; ``Brexit`` keeps its own table key.
"""

from __future__ import annotations

import re

from babelwire.stages.entities_records import Mention

_COINAGE = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]{1,6}|[a-z]{2,7})exit|(?:[А-ЯЁІЇЄ][а-яёіїє]{1,6}|[а-яёіїє]{2,7})"
    r"(?:ексит|экзит|екзит|ексіт))(\w{0,3})(?![\w-])")
_NOT_COINAGES = frozenset({"brexit", "брексит", "брекзит", "брэксит", "брексіт", "брекзіт"})


def coined_events(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` (sorted by start) with coinages on *exit* no other mention covers."""
    added = []
    for m in _COINAGE.finditer(doc):
        stem = m.group(1).lower()
        if stem in _NOT_COINAGES or any(x.start < m.end() and m.start() < x.end
                                        for x in mentions):
            continue
        added.append(Mention(text=m.group(0), kind="event", start=m.start(), end=m.end(),
                             lang=lang, rule="pattern", canonical=f"event:exit:{stem}"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda x: x.start)


__all__ = ["coined_events"]
