"""Russian country adjectives in an article about the United States, as their country.

``американские выборы``, ``российских хакеров``: an adjective is no name, and most
annotators leave it alone. SlavicNER's Russian annotators of its US election topic do not:
they label the lower-case adjective with its country's id. Counted over the training
documents (2026-12-07), in Russian articles whose most named country is the United States
403 of 670 lower-case country adjectives are labelled, 393 of 530 in the US election topic
and 10 of 140 in the others; in the other Russian articles 175 of 1,152. The rule follows
that convention where it holds most, in Russian articles about the US, as the party
adjectives (``демократических``) do in ``entities_notable_politics``; users of other corpora
may want it off (``ADJECTIVE_LANGS``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from babelwire.stages.entities_institutions import country_adjectives, leading_country
from babelwire.stages.entities_records import Mention

if TYPE_CHECKING:
    from babelwire.stages.entities_gazetteer import Gazetteer

ADJECTIVE_LANGS = frozenset({"ru"})
"""Languages whose lower-case country adjectives are mentions in an article about the US."""
_STEMS = (
    "американ|российск|русск|британ|английск|китайск|украинск|немецк|германск|французск|"
    "польск|итальянск|испанск|японск|турецк|иранск|израильск|канадск|мексиканск|индийск|"
    "пакистанск|белорусск|сирийск|иракск|афганск|шведск|норвежск|финск|датск|голландск|"
    "нидерландск|бельгийск|австрийск|швейцарск|чешск|венгерск|румынск|болгарск|сербск|"
    "хорватск|греческ|латвийск|литовск|эстонск|грузинск|армянск|азербайджанск|"
    "казахстанск|узбекск|саудовск|египетск|австралийск|бразильск|аргентинск|"
    "венесуэльск|кубинск|корейск|вьетнамск|ирландск|шотландск|словацк|словенск|"
    "португальск|молдавск|киргизск|таджикск|туркменск|ливийск|иорданск|ливанск|катарск")
"""Stems of the country adjectives (``американских``), written out: a stem shared with a
country name is not enough (``политической`` is no Polynesia)."""
_WORD = re.compile(rf"(?<![\w-])(?:{_STEMS})[а-я]*?"
                   r"(?:ий|ая|ое|ие|ого|ой|ому|ым|ом|ую|их|им|ими|ых)(?![\w-])")


def adjectives_in_us_articles(doc: str, mentions: list[Mention], lang: str,
                              gaz: Gazetteer) -> list[Mention]:
    """``mentions`` (in text order) with each lower-case country adjective that no mention
    covers, where ``lang`` is in ``ADJECTIVE_LANGS`` and the United States is the article's
    most named country (its states count for it)."""
    if lang not in ADJECTIVE_LANGS:
        return mentions
    if leading_country(mentions) != "US":
        return mentions
    adjectives = country_adjectives(gaz)
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for match in _WORD.finditer(doc):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        code = adjectives.country(match.group(0), lang)
        if code is not None:
            added.append(Mention(text=match.group(0), kind="place", start=match.start(),
                                 end=match.end(), lang=lang, rule="pattern",
                                 canonical=f"place:{code}"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


__all__ = ["ADJECTIVE_LANGS", "adjectives_in_us_articles"]
