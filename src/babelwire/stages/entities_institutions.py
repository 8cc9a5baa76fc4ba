"""A country's institutions as entities of their own: its parliament, government, supreme
court, foreign and health ministries, however each language names them.

``britský parlament``, ``brytyjskiego parlamentu``, ``British Parliament`` and
``британския парламент`` are one organisation, and so are ``МИД Великобритании`` and
``Foreign Office``-like phrasings built from a head and a country. No list of the world's
institutions ships in a package, but their shape is regular: an institution *head* (a
parliament, a government, a supreme court...) with a *country*, given as a country name
after the head (``Верховный суд Пакистана``, ``Върховният съд на Пакистан``) or as an
adjective before it (``pakistański Sąd Najwyższy``, ``британское правительство``). Such a
mention gets the key ``org:<type>:<country code>``, which links it across languages.

The heads below were written here by hand, in the languages we read most; the country
adjectives are not listed but recognised from the gazetteer's country names and nationality
nouns, whose stem they share (``britský`` / ``Británie``, ``холандски`` / ``Холандия``).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from babelwire.stages.entities_keys import fold, short_stem_key, split_words, stem_key
from babelwire.stages.entities_notable import CONTEXT_COUNTRIES
from babelwire.stages.entities_records import Mention

if TYPE_CHECKING:
    from babelwire.stages.entities_gazetteer import Gazetteer

TYPES: dict[str, str] = {
    "parliament": "Parliament",
    "government": "Government",
    "cabinet": "Cabinet",
    "supreme-court": "Supreme Court",
    "foreign-ministry": "Ministry of Foreign Affairs",
    "health-ministry": "Ministry of Health",
    "defence-ministry": "Ministry of Defence",
    "finance-ministry": "Ministry of Finance",
    "interior-ministry": "Ministry of the Interior",
    "justice-ministry": "Ministry of Justice",
}

_HEADS = """
parliament|parliament|parlament|parlamentu|парламент|парламента|парламентът|парламентом|
    parlamentem|parlamencie|parlamentowi|parlamentom|парламенте|парламенту|парламенті
government|government|vláda|vlády|vládě|vládou|rząd|rządu|rządem|rządzie|vlada|vlade|vladi|
    правительство|правительства|правительству|правительством|правительстве|уряд|уряду|
    урядом|правителство|правителството|правителства
cabinet|cabinet|кабмин|кабмина|кабмином|кабмине|кабинет министров|кабинета министров|
    кабинете министров|кабінет міністрів|кабінету міністрів
supreme-court|supreme court|nejvyšší soud|nejvyššího soudu|nejvyšším soudem|sąd najwyższy|
    sądu najwyższego|sądem najwyższym|vrhovno sodišče|vrhovnega sodišča|верховный суд|
    верховного суда|верховным судом|верховном суде|верховний суд|верховного суду|
    върховен съд|върховният съд|върховния съд|najvyšší súd
foreign-ministry|foreign ministry|foreign office|ministry of foreign affairs|мид|мида|миду|
    мидом|миде|mzv|msz|мзс|
    мвнр|ministerstvo zahraničí|ministerstvo zahraničních věcí|
    ministerstwo spraw zagranicznych|ministerstwa spraw zagranicznych|
    ministrstvo za zunanje zadeve|министерство иностранных дел|министерства иностранных дел|
    міністерство закордонних справ|міністерства закордонних справ|
    министерство на външните работи|министерството на външните работи|
    ministerstvem zahraničí|ministerstvu zahraničí|ministerstvem zahraničních věcí|
    ministerstwem spraw zagranicznych|ministerstwie spraw zagranicznych|
    ministrstva za zunanje zadeve|ministrstvu za zunanje zadeve|
    министерством иностранных дел|министерстве иностранных дел|министерству иностранных дел|
    міністерством закордонних справ|міністерстві закордонних справ
health-ministry|health ministry|ministry of health|минздрав|минздрава|moz|мoз|
    ministerstvo zdravotnictví|ministerstva zdravotnictví|ministerstwo zdrowia|
    ministerstwa zdrowia|ministrstvo za zdravje|министерство здравоохранения|
    министерства здравоохранения|міністерство охорони здоров'я|
    министерство на здравеопазването|министерството на здравеопазването|
    ministerstvem zdravotnictví|ministerstvu zdravotnictví|ministerstwem zdrowia|
    ministerstwie zdrowia|ministrstva za zdravje|ministrstvu za zdravje|минздравом|минздраве|
    минздраву|министерством здравоохранения|министерстве здравоохранения|
    здравното министерство|здравно министерство|
    міністерства охорони здоров'я|міністерством охорони здоров'я
defence-ministry|defence ministry|defense ministry|ministry of defence|минобороны|
    министерство обороны|министерства обороны|министерству обороны|министерством обороны|
    министерстве обороны|міноборони|міністерство оборони|міністерства оборони|
    міністерством оборони|міністерстві оборони|ministerstvo obrany|ministerstva obrany|
    ministerstvem obrany|ministerstvu obrany|ministerstwo obrony|ministerstwa obrony|
    ministerstwem obrony|ministerstwie obrony|ministrstvo za obrambo|ministrstva za obrambo|
    ministrstvu za obrambo|министерство на отбраната|министерството на отбраната
finance-ministry|finance ministry|ministry of finance|минфин|минфина|минфину|минфином|минфине|
    министерство финансов|министерства финансов|министерству финансов|министерством финансов|
    министерстве финансов|мінфін|мінфіну|міністерство фінансів|міністерства фінансів|
    ministerstvo financí|ministerstva financí|ministerstwo finansów|ministerstwa finansów|
    ministrstvo za finance|ministrstva za finance|министерство на финансите|
    министерството на финансите
interior-ministry|interior ministry|ministry of the interior|мвд|министерство внутренних дел|
    министерства внутренних дел|мвс|міністерство внутрішніх справ|
    міністерства внутрішніх справ|ministerstvo vnitra|ministerstva vnitra|msw|
    ministerstwo spraw wewnętrznych|ministerstwa spraw wewnętrznych|
    ministrstvo za notranje zadeve|мвр|министерство на вътрешните работи|
    министерството на вътрешните работи
justice-ministry|justice ministry|ministry of justice|минюст|минюста|минюсте|
    министерство юстиции|министерства юстиции|мін'юст|міністерство юстиції|
    міністерства юстиції|ministerstvo spravedlnosti|ministerstva spravedlnosti|
    ministerstwo sprawiedliwości|ministerstwa sprawiedliwości|ministrstvo za pravosodje|
    министерство на правосъдието|министерството на правосъдието
"""

_ADJECTIVE = re.compile(
    r"(?:sk|ck|šk|ск|цк|ськ|цьк)(?:[a-zа-яёіїєґáéíóúýěůąęóśżźćńłčřšžťďň]{1,4})$")
"""A country adjective's suffix: the stem before it is the country's (britsk-ý, британск-ое,
британськ-ий)."""
_OWN_ADJECTIVES = {"sl": {"slovensk": "SI"}, "sk": {"slovensk": "SK"},
                   "cs": {"slovensk": "SK"}}
"""Where a language's adjective for its own country is another's country name (Slovene
``slovenski`` is Slovenian, Slovak ``Slovensko`` is Slovakia)."""
_MIN_PREFIX = 4
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?…]\s*[\"'«»„“”]?|\n)\s*$")
_NOT_FREE = frozenset({"government", "cabinet"})
"""Heads not taken from running text: ``британското правителство`` and ``polski rząd`` are
descriptions more often than names (SlavicNER's annotators mark about one in eight), so a
government is an entity only where the rules already found an organisation, and not where
a country adjective and the head are capitalised only because they open a sentence
(``Britská vláda``: 9 of 73 such in the training documents are annotated)."""
_FREE_GOVERNMENT_LANGS = frozenset({"ru"})
"""Languages whose news names a government (or cabinet) with its country as an organisation:
Russian ``британское правительство`` and ``правительство Великобритании`` are annotated
in 69 of 103 such phrases in SlavicNER's training documents (Polish, Czech and Slovene 18
of 242, Bulgarian none of 145)."""


_NOT_FREE_IN = {"bg": frozenset({"parliament"})}
"""Heads one language's news does not make a name of with a country adjective: SlavicNER's
Bulgarian documents label ``британския парламент`` (a lower-case head) in 8 of 35 uses."""
_NOT_NAMED_ALONE = {"bg": frozenset({"supreme-court"})}
"""Heads one language's news does not make a name of alone: SlavicNER's Bulgarian documents
label ``Върховния съд`` with no country in 17 of 63 uses."""


def _not_free(kind: str, lang: str) -> bool:
    return ((kind in _NOT_FREE and lang not in _FREE_GOVERNMENT_LANGS)
            or kind in _NOT_FREE_IN.get(lang, ()))


def _head_forms() -> Iterable[tuple[str, str]]:
    for line in _HEADS.strip().replace("|\n    ", "|").splitlines():
        kind, *forms = line.split("|")
        for form in forms:
            yield fold(form), kind


@lru_cache(maxsize=1)
def _head_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for form, kind in _head_forms():
        for key in (form, stem_key(form), short_stem_key(form)):
            index.setdefault(key, kind)
    return index


def institution_type(head: str) -> str | None:
    """The institution type a head names (``Верховным судом`` -> ``supreme-court``)."""
    index = _head_index()
    for key in (fold(head), stem_key(head), short_stem_key(head)):
        kind = index.get(key)
        if kind is not None:
            return kind
    return None


def institution_key(kind: str, country: str) -> str:
    """``org:<type>:<country code>``."""
    return f"org:{kind}:{country}"


def institution_names(countries: dict[str, str]) -> Iterable[tuple[str, str]]:
    """(key, English name) for every type and country: ``Parliament (United Kingdom)``."""
    for code, country in countries.items():
        for kind, name in TYPES.items():
            yield institution_key(kind, code), f"{name} ({country})"


class CountryAdjectives:
    """Country adjectives by the prefix they share with a country name or nationality noun."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        """``forms``: (name or nationality noun, country code) pairs."""
        # one-word names first; the last word of longer ones (Velká Británie) only where no
        # one-word name fits (Holandsko is the Netherlands, Karibské Holandsko is not)
        self.prefixes: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
        for form, code in forms:
            words = fold(form).split()
            if not words:
                continue
            index = self.prefixes[0 if len(words) == 1 else 1]
            for size in range(_MIN_PREFIX, len(words[-1]) + 1):
                index.setdefault(words[-1][:size], set()).add(code)

    def country(self, word: str, lang: str) -> str | None:
        """The country code of adjective ``word`` (``brytyjskiego`` -> ``GB``), or None."""
        folded = fold(word)
        m = _ADJECTIVE.search(folded)
        if m is None:
            return None
        base = folded[: m.start()]
        own = _OWN_ADJECTIVES.get(lang, {})
        for index in self.prefixes:
            for size in range(len(base) + 2, _MIN_PREFIX - 1, -1):  # britsk, brits, brit
                prefix = folded[:size]
                if prefix in own:
                    return own[prefix]
                codes = index.get(prefix)
                if codes:
                    return next(iter(codes)) if len(codes) == 1 else None
        return None


_COUNTRY_KEY = re.compile(r"place:([A-Z]{2})")
_ONE_SPACE = frozenset({" "})
_COUNTRY_GAPS = {"bg": frozenset({" ", " на "}), "mk": frozenset({" ", " на "})}
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]$")
_ADJECTIVES: weakref.WeakKeyDictionary[Gazetteer, CountryAdjectives] = (
    weakref.WeakKeyDictionary())


def country_adjectives(gaz: Gazetteer) -> CountryAdjectives:
    """The country adjectives of ``gaz``'s country names and nationality nouns (built once)."""
    found = _ADJECTIVES.get(gaz)
    if found is None:
        forms = []
        for form, entry in gaz.exact.items():
            m = _COUNTRY_KEY.fullmatch(entry.canonical)
            if m is not None and entry.kind in ("place", "person"):
                forms.append((form, m.group(1)))
        found = _ADJECTIVES[gaz] = CountryAdjectives(forms)
    return found


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    forms = sorted({form for form, _kind in _head_forms()}, key=len, reverse=True)
    words = "|".join(re.escape(f).replace("\\ ", "[ \u00a0]+") for f in forms)
    return re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])", re.IGNORECASE)


def _adjective_key(text: str, lang: str, adjectives: CountryAdjectives) -> str | None:
    """``Pakistański Sąd Najwyższy``: an adjective of a country, then an institution head."""
    first, _, rest = text.partition(" ")
    if not rest:
        return None
    kind = institution_type(rest)
    code = adjectives.country(first, lang) if kind else None
    return institution_key(kind, code) if kind and code else None


def _head_country_key(text: str, lang: str, gaz: Gazetteer) -> str | None:
    """``МИД Германии`` found as one run: an institution head, then a country."""
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        kind = institution_type(" ".join(words[:cut]))
        if kind is None:
            continue
        entry = gaz.lookup(" ".join(words[cut:]), lang)
        country = _COUNTRY_KEY.fullmatch(entry.canonical) if entry is not None else None
        if country is not None and entry is not None and entry.kind == "place":
            return institution_key(kind, country.group(1))
    return None


def join_institutions(doc: str, mentions: list[Mention], lang: str,
                      gaz: Gazetteer) -> list[Mention]:
    """Institutions named with their country become one organisation, keyed by type and
    country where the head is a known one: ``МИД Великобритании``, ``Верховный суд
    Пакистана``, ``Върховният съд на Пакистан``, ``britský parlament``, ``правительство
    Великобритании``. ``mentions`` are sorted by start.

    Only an organisation with no key of its own takes the country (``UE Wielka Brytania`` is
    a list); in SlavicNER's training documents the country is inside such a name six times
    as often as after it."""
    adjectives = country_adjectives(gaz)
    gaps = _COUNTRY_GAPS.get(lang, _ONE_SPACE)
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        country = _COUNTRY_KEY.fullmatch(m.canonical or "") if m.kind == "place" else None
        if (prev is not None and prev.kind == "organisation" and not prev.canonical
                and country is not None and doc[prev.end : m.start] in gaps):
            words = prev.text.split()  # Оправдана | Верховным судом: a word opening a sentence
            kind = next((k for k in (institution_type(" ".join(words[i:]))
                                     for i in range(len(words))) if k), None)
            entry = gaz.lookup(prev.text, lang) if kind is None else None
            own = entry.context_key if entry is not None else None  # Сенат США
            out[-1] = replace(prev, text=doc[prev.start : m.end], end=m.end,
                              canonical=institution_key(kind, country.group(1)) if kind
                              else own if own and CONTEXT_COUNTRIES.get(own) == country.group(1)
                              else prev.canonical)
            continue
        if m.kind == "organisation" and not m.canonical:
            key = (_adjective_key(m.text, lang, adjectives)
                   or _head_country_key(m.text, lang, gaz))
            if (key is not None and key.startswith("org:government:")
                    and _not_free("government", lang)
                    and len(m.text.split()) == 2 and _OPENS_SENTENCE.search(doc[:m.start])):
                continue  # Britská vláda opening a sentence: capitalised as any sentence is
            if key is not None:
                m = replace(m, canonical=key)
        out.append(m)
    found = _context_keys(_free_heads(doc, out, lang, adjectives, gaps), lang, gaz)
    return [m for m in found if not _described(doc, m)]


def _described(doc: str, m: Mention) -> bool:
    """An adjective and a lower-case head opening a sentence, with no key found for them
    (``Nový ministr``, ``Szwajcarski bank``, ``Náborová agentura``): capitalised only as a
    sentence's first word, a description rather than a name. On the development sample 1
    of 32 such was a gold name."""
    words = m.text.split()
    return (m.kind == "organisation" and m.rule == "pattern" and m.canonical is None
            and len(words) == 2 and words[1][:1].islower()
            and _OPENS_SENTENCE.search(doc[:m.start]) is not None)


_PARTIES = frozenset({"org:democrats-us", "org:republicans-us", "org:conservatives-uk",
                      "org:labour-uk"})
"""Parties, and their members, that take their key wherever their country is named at all
(``демократы`` in an article about Nord Stream that names the USA once): over the training
documents 75 of 90 such were gold names of the party, where most other countries came first."""

_ONE_MEMBER = {
    "cs": split_words("demokrat demokrata demokratovi demokratem demokratka demokratky "
                     "republikán republikána republikánovi republikánem republikánka "
                     "republikánky"),
    # Slovene republikancem is also the dative plural (labelled): kept
    "sl": split_words("demokrat demokrata demokratu demokratka demokratke republikanec "
                     "republikanca republikancu republikanka republikanke"),
}
"""One member of a party (``demokrat Biden``), which Czech and Slovene annotators leave
unlabelled: over the training documents Czech 0 of 16, Slovene 57 of 124; the other
languages label them (Polish 51 of 55, Russian 224 of 245)."""

_NATION_KEY = re.compile(r"place:([A-Z]{2})(?:-[A-Z0-9]{1,3})?")


def country_counts(mentions: Iterable[Mention]) -> Counter[str]:
    """How often an article names each country: by name, region or people (``place:US-TX``
    and ``американцы`` count for the US)."""
    return Counter(n.group(1) for m in mentions
                   if (n := _NATION_KEY.fullmatch(m.canonical or "")) is not None)


def leading_country(mentions: Iterable[Mention]) -> str | None:
    """The country an article names most, where one country leads (no tie)."""
    ranked = country_counts(mentions).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _context_keys(mentions: list[Mention], lang: str, gaz: Gazetteer) -> list[Mention]:
    """A name several countries use takes its table key in an article whose most named
    country is the key's: ``Senat`` in an article naming the USA most is the US Senate,
    ``Partia Pracy`` in one about Britain is Labour. Elsewhere it stays unkeyed, but for the
    parties in ``_PARTIES``, which need their country named only once.

    An institution's head named alone (``Верховный суд``, ``МИД``) is the institution of
    the country the article names most, where one country leads; a government is not
    (see ``_NOT_FREE``)."""
    counts = country_counts(mentions)
    one = _ONE_MEMBER.get(lang, frozenset())
    mentions = [m for m in mentions if m.canonical or fold(m.text) not in one]
    if not counts:
        return mentions
    (main, top), *rest = counts.most_common(2)
    alone = not rest or rest[0][1] < top
    out = []
    for m in mentions:
        if m.kind in ("organisation", "person") and not m.canonical:
            entry = gaz.lookup(m.text, lang)
            key = entry.context_key if entry is not None else None
            named = counts.get(CONTEXT_COUNTRIES.get(key or "", ""), 0)
            if key and (named == top or (named and key in _PARTIES)):
                m = replace(m, canonical=key)  # also a party's members: консерваторите
            elif (m.kind == "organisation" and (kind := institution_type(m.text)) is not None
                  and kind in _NOT_NAMED_ALONE.get(lang, ())):
                continue  # Върховния съд alone
            elif m.kind == "organisation" and alone and kind is not None and kind not in _NOT_FREE:
                m = replace(m, canonical=institution_key(kind, main))
        out.append(m)
    return out


def _free_heads(doc: str, mentions: list[Mention], lang: str, adjectives: CountryAdjectives,
                gaps: frozenset[str]) -> list[Mention]:
    """Heads outside any mention, with a country adjective before them or a country after."""
    added: list[Mention] = []
    gone: set[int] = set()
    starts = [m.start for m in mentions]
    for h in _head_pattern().finditer(doc):
        if any(m.start < h.end() and h.start() < m.end for m in mentions):
            continue
        kind = institution_type(h.group(0))
        if kind is None or _not_free(kind, lang):
            continue
        before = _WORD_BEFORE.search(doc, max(0, h.start() - 40), h.start())
        code = adjectives.country(before.group(1), lang) if before else None
        if before is not None and code is not None and not any(
                m.start < h.start() and before.start(1) < m.end for m in mentions):
            start = before.start(1)
            added.append(Mention(text=doc[start : h.end()], kind="organisation", start=start,
                                 end=h.end(), lang=lang, rule="pattern",
                                 canonical=institution_key(kind, code)))
            continue
        nxt = next((i for i, s in enumerate(starts) if s >= h.end()), None)
        if nxt is None:
            continue
        m = mentions[nxt]
        country = _COUNTRY_KEY.fullmatch(m.canonical or "") if m.kind == "place" else None
        if country is not None and doc[h.end() : m.start] in gaps:
            gone.add(nxt)
            added.append(Mention(text=doc[h.start() : m.end], kind="organisation",
                                 start=h.start(), end=m.end, lang=lang, rule="pattern",
                                 canonical=institution_key(kind, country.group(1))))
    if not added:
        return mentions
    kept = [m for i, m in enumerate(mentions) if i not in gone]
    return sorted(kept + added, key=lambda m: m.start)


__all__ = ["TYPES", "CountryAdjectives", "country_adjectives", "country_counts",
           "institution_key", "institution_names", "institution_type", "join_institutions",
           "leading_country"]
