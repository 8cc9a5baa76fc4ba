"""The tables written here, loaded into a gazetteer: organisations and place aliases
(:mod:`babelwire.stages.entities_aliases`), the notable names
(:mod:`babelwire.stages.entities_notable` and the tables it reads) and nationality nouns
(:mod:`babelwire.stages.entities_demonyms`). :func:`~babelwire.stages.entities_gazetteer.
default_gazetteer` calls :func:`add_tables` after CLDR and pycountry."""

from __future__ import annotations

from dataclasses import replace

from babelwire.stages.entities_aliases import ORGANISATIONS, PLACE_ALIASES
from babelwire.stages.entities_demonyms import demonym_forms
from babelwire.stages.entities_elections import ELECTION_NAME, election_key
from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry
from babelwire.stages.entities_keys import stem_key
from babelwire.stages.entities_notable import notable_entries

_NO_GROUP_NAMES = frozenset({"uk"})
"""Languages whose nationality nouns and party members are no mentions (see
``GazetteerEntry.not_in``)."""


def add_tables(gaz: Gazetteer) -> None:
    """Add the aliases, the notable names and the nationality nouns, in that order."""
    _written_here(gaz)
    _notable(gaz)
    _demonyms(gaz)


def _written_here(gaz: Gazetteer) -> None:
    for canonical, english, forms in ORGANISATIONS:
        entry = GazetteerEntry("organisation", canonical, english)
        for form in (english, *forms):
            gaz.add(form, entry, replace=True)
    for code, forms in PLACE_ALIASES:
        name = gaz.names.get(f"place:{code}", code)
        entry = GazetteerEntry("place", f"place:{code}", name)
        for form in forms:
            gaz.add(form, entry, replace=True)


def _notable(gaz: Gazetteer) -> None:
    """Events, products and organisations from the table in ``entities_notable``; a place
    CLDR or pycountry already knows by the same form keeps it."""
    for kind, canonical, english, forms in notable_entries():
        entry = (GazetteerEntry(kind, "", english, context_key=canonical[1:])
                 if canonical.startswith("~") else GazetteerEntry(kind, canonical, english))
        if entry.context_key:
            gaz.names.setdefault(entry.context_key, english)
        # a party's members are listed in their case forms, and their stem is often a common
        # word's (демократы, демократия): they are matched as written
        members = kind == "person" and canonical.lstrip("~").startswith("org:")
        if members:
            entry = replace(entry, not_in=_NO_GROUP_NAMES)
        limited: dict[str, set[str]] = {}  # uk:пандемія, one language's (or a few's)
        for form in forms:
            lang, colon, bare = form.partition(":")
            if colon and len(lang) == 2 and lang.islower():
                limited.setdefault(bare, set()).add(lang)
            else:
                gaz.add(form, entry, stem=not members)
        for bare, langs in limited.items():
            gaz.add(bare, replace(entry, langs=frozenset(langs)),
                    lang=next(iter(langs)) if len(langs) == 1 else None, stem=not members)
    # the US presidential elections entities_elections finds: with no year, and each year's
    gaz.names[election_key(None)] = ELECTION_NAME
    for year in range(1788, 2101, 4):
        gaz.names[election_key(year)] = f"{year} {ELECTION_NAME}"


def _demonyms(gaz: Gazetteer) -> None:
    """Nationality nouns: people who link to their country (never replacing a name)."""
    for form, code in demonym_forms():
        canonical = f"place:{code}"
        # short stems (Italové -> ital, Rusi -> rus) would catch the country's own case forms
        gaz.add(form, GazetteerEntry("person", canonical, gaz.names.get(canonical, code),
                                     not_in=_NO_GROUP_NAMES),
                stem=len(stem_key(form)) >= 6)


__all__ = ["add_tables"]
