"""The US presidential election, named by a common noun in an article about the United States.

News rarely names an election by a proper name: it writes ``президентские выборы в США``,
``wybory w USA``, ``americké prezidentské volby``, or in an article about the US simply
``виборів`` "of the elections". This module finds such phrases and keys them as the US
presidential election of the year they give (``выборах 2016 года``; a year with no
presidential election, a midterm's, is no such phrase), else of the one year
such phrases in the article give, else of the election nearest the publication date, else
as the US presidential election with no year.

Only in an article whose most named country is the United States (its states count for it),
and, but in Ukrainian, only with a qualifier: an adjective (presidential, American), the
country (``в США``) or a year. How SlavicNER's annotators treat these phrases differs by
language, and the rules follow what its *training* documents show (2026-12-07, counted over
the documents of its US election topic, where all but a few of them are):

* Ukrainian labels the bare noun too (``виборів``, ``виборах``: 146 labelled of 171 uses
  that are no voters or electors);
* Bulgarian, Czech and Polish label the qualified phrase about as often as not; Russian
  less often, more often with a year;
* Slovene labels none (3 of 149 qualified phrases), so Slovene is left out.
"""

from __future__ import annotations

import re
from datetime import datetime

from babelwire.stages.entities_institutions import leading_country
from babelwire.stages.entities_records import Mention

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PHRASES = {
    "ru": (r"(?P<adj>(?:(?:американск|президентск)(?:ие|их|им|ими) )+)?"
           r"(?P<noun>выборы|выборов|выборах|выборам|выборами)"
           r"(?P<country> президента США| в США| США)?"
           rf"(?: (?:в )?{_YEAR}(?: год[а-я]*)?)?"),
    "uk": (r"(?P<adj>(?:(?:американськ|президентськ)(?:і|их|им|ими) )+)?"
           r"(?P<noun>вибори|виборів|виборах|виборам|виборами)"
           r"(?P<country> президента США| [ув] США| США)?"
           rf"(?: (?:у |в )?{_YEAR}(?: ро(?:ку|ці|к))?)?"),
    "bg": (r"(?P<adj>(?:(?:американск|президентск)(?:ите|и) )+)?"
           r"(?P<noun>изборите|избори)"
           r"(?P<country> в САЩ| за президент на САЩ| в Съединените щати)?"
           rf"(?: (?:през )?{_YEAR}(?: г\.| година)?)?"),
    "pl": (r"(?P<adj>(?:amerykańsk(?:ie|ich|im|imi) )+)?"
           r"(?P<noun>wybory|wyborów|wyborach|wyborom|wyborami)"
           r"(?: prezydenck(?:ie|ich|im|imi))?"
           r"(?P<country> w USA| w Stanach Zjednoczonych)?"
           rf"(?: (?:w )?{_YEAR}(?: r\.| roku)?)?"),
    "cs": (r"(?P<adj>(?:(?:americk|prezidentsk)(?:é|ých|ým|ými) )+)?"
           r"(?P<noun>volby|voleb|volbách|volbám|volbami)"
           r"(?P<country> v USA| ve Spojených státech)?"
           rf"(?: (?:v )?{_YEAR})?"),
}
_COMPILED = {lang: re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.IGNORECASE)
             for lang, p in _PHRASES.items()}


def _labelled(lang: str, adjective: bool, country: bool, year: bool) -> bool:
    """Whether the language's annotators label a phrase of this shape more often than not
    (counted on the training documents; labelled / found in articles about the US):

    * Ukrainian: any, the bare noun too (74 / 87; with the country 38 / 61);
    * Bulgarian: an adjective and the country (``президентските избори в САЩ``, 26 / 39;
      either alone 28 / 94);
    * Czech and Polish: the country (``volby v USA``, 10 / 12; ``wybory w USA``, 49 / 66;
      Polish ``wybory prezydenckie`` with no country 1 / 47);
    * Russian: a year, and an adjective or the country (``выборах президента США 2020
      года``, 39 / 51; with neither or without the year 261 / 386 are not labelled)."""
    if lang == "uk":
        return True
    if lang == "bg":
        return adjective and country
    if lang in ("cs", "pl"):
        return country
    return lang == "ru" and year and (adjective or country)


ELECTION_KEY = "event:us-presidential-election"
ELECTION_NAME = "US presidential election"


def election_key(year: int | None) -> str:
    """The key of the US presidential election of ``year`` (none: the year is unknown)."""
    return ELECTION_KEY if year is None else f"{ELECTION_KEY}:{year}"


def _nearest_election(published: datetime | None) -> int | None:
    """The presidential election year nearest ``published`` (an upcoming one on a tie)."""
    if published is None:
        return None
    year = published.year + (1 if published.month > 11 else 0)
    return year + (-(year % 4) if year % 4 < 2 else 4 - year % 4)


def us_elections(doc: str, mentions: list[Mention], lang: str,
                 published: datetime | None = None) -> list[Mention]:
    """``mentions`` (in text order) with the US presidential election added where an article
    about the United States names it by a common noun; a phrase that would overlap a mention
    other than the country (``США`` inside ``выборах в США``) is left out."""
    pattern = _COMPILED.get(lang)
    if pattern is None:
        return mentions
    if leading_country(mentions) != "US":
        return mentions
    found = []
    for match in pattern.finditer(doc):
        if not _labelled(lang, bool(match.group("adj")), bool(match.group("country")),
                         bool(match.group("year"))):
            continue
        if match.group("year") and int(match.group("year")) % 4:
            continue  # выборах 2018 года: the midterms, no presidential election
        inside = [m for m in mentions if m.start < match.end() and match.start() < m.end]
        if any(not (match.start() <= m.start and m.end <= match.end()
                    and (m.canonical or "").startswith("place:US")) for m in inside):
            continue
        found.append((match, inside))
    if not found:
        return mentions
    years = {int(y) for match, _ in found if (y := match.group("year"))}
    default = next(iter(years)) if len(years) == 1 else _nearest_election(published)
    dropped = {id(m) for _, inside in found for m in inside}
    added = [Mention(text=match.group(0), kind="event", start=match.start(), end=match.end(),
                     lang=lang, rule="pattern",
                     canonical=election_key(int(match.group("year")) if match.group("year")
                                            else default))
             for match, _ in found]
    return sorted([*(m for m in mentions if id(m) not in dropped), *added],
                  key=lambda m: (m.start, m.end))


__all__ = ["ELECTION_KEY", "ELECTION_NAME", "election_key", "us_elections"]
