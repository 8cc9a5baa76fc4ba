"""Shapes of names in cased scripts: a person by the look of a run, a person's name that
follows an organisation or a place in one run, a word that heads an organisation."""

from __future__ import annotations

import re
from collections.abc import Container
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio as _ratio

from babelwire.stages.entities_given_names import is_given_name
from babelwire.stages.entities_keys import (
    MINOR_PLACE,
    fold,
    looks_adjectival,
    possessive_bases,
    short_stem_word,
    stem_word,
)
from babelwire.stages.entities_tokens import (
    PARTICLES,
    SLAVIC,
    Span,
    Token,
    span_text,
    word_script,
)
from babelwire.stages.entities_triggers import org_heads, place_heads

if TYPE_CHECKING:
    from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry
    from babelwire.stages.entities_stream import StreamNames

_SLAVIC_SURNAME = re.compile(
    r"(ov|ova|ová|ev|eva|in|ina|ski|ska|sky|ský|ská|skij|enko|uk|yk|ić|vić|ek|czyk|ak|"
    r"ов|ова|ев|ева|ин|ина|ский|ская|енко|юк|ук|чук|ич|ський|ська)$")
REGNAL = re.compile(r"[IVX]{1,5}")
"""A monarch's or pope's number after the name: Елизавета II, Jan Paweł II."""


def is_head(word: str, heads: frozenset[str]) -> bool:
    """Whether the folded ``word`` is one of ``heads`` by its longest or shortest ending
    (Russian ``комитета`` is ``комитет`` + ``а``, not ``комите`` + Bulgarian ``та``)."""
    return stem_word(word) in heads or short_stem_word(word) in heads


_NOMINATIVE_ADJECTIVE = ("ski", "cki", "ska", "cka", "ny", "na", "ni", "wy", "wa", "ій", "ий")
"""Nominative adjective endings that looks_adjectival leaves to surnames (Kowalski)."""


def person_after_name(doc: str, span: Span, lang: str,
                       gaz: Gazetteer | None = None) -> list[Span]:
    """Cut a run before a given name and its surname that follow an organisation or place
    (``Rady Europejskiej | Donald Tusk``, ``Evropske komisije | Ursula von der Leyen``).
    A run the gazetteer knows whole stays whole (``The New York Times``)."""
    toks = span.tokens
    if gaz is not None and len(toks) > 2 and gaz.lookup(span_text(doc, span), lang) is not None:
        return [span]
    for k in range(1, len(toks) - 1):
        if not (toks[k].cap and is_given_name(toks[k].text)
                and (toks[k + 1].cap or fold(toks[k + 1].text) in PARTICLES)
                and not REGNAL.fullmatch(toks[k + 1].text)):
            continue  # Jan Paweł | II is one person
        if gaz is not None and gaz.lookup(span_text(doc, Span(toks[: k + 1], False)),
                                          lang) is not None:
            continue  # New York | Post: the given name ends a known name
        head = [fold(t.text) for t in toks[:k]]
        if (any(is_head(w, org_heads()) or is_head(w, place_heads()) for w in head)
                or (k >= 2 and k + 2 == len(toks))  # Lider Laburzystów | Jeremy Corbyn
                or (k == 1 and toks[0].acronym)  # ACS | Ašik Masíh
                # a name ending a clause, then a person in full: Putinowi | Donald Tusk
                or (k == 1 and len(toks) == 3 and lang in SLAVIC
                    and not is_given_name(toks[0].text) and not toks[2].acronym
                    and not looks_adjectival(toks[0].text)  # Pakistański Sąd Najwyższy
                    and not fold(toks[0].text).endswith(_NOMINATIVE_ADJECTIVE))
                or (gaz is not None and gaz.lookup(span_text(doc, Span(toks[:k], False)), lang)
                    is not None)):  # Ital | Antonio Tajani, Włoszech | Tehmina Janjua
            return [Span(toks[:k], span.sentence_start), Span(toks[k:], False)]
    return [span]


def looks_like_person(span: Span, text: str, words: Container[str] | None = None) -> bool:
    """Two or three capitalised words, or one with a Slavic surname ending mid-sentence.

    Two or three words not led by a given name are no person when one of them is a word
    the stream writes in lower case or the last is an adjective (``Morza Bałtyckiego``,
    ``Parlamencie Europejskim``, ``Alexandra Park``); one word is none when the stream
    writes it in lower case (Bulgarian ``на Острова``, "on the Island": Britain)."""
    tokens = span.tokens[:-1] if REGNAL.fullmatch(span.tokens[-1].text) else span.tokens
    if 2 <= len(tokens) <= 3 or (len(tokens) == 1 and len(span.tokens) == 2
                                 and is_given_name(tokens[0].text)):  # Elżbieta II
        if span.sentence_start and not all(len(t.text) > 2 for t in tokens):
            return False
        if all(t.text.isupper() for t in span.tokens):
            return False  # a shouted headline or banner: ВИДИТЕ НЕЩО ЛЮБОПИТНО
        if is_given_name(span.tokens[0].text):
            return True
        return not (looks_adjectival(text) or (
            words is not None and any(fold(t.text) in words for t in span.tokens)))
    return (len(span.tokens) == 1 and not span.sentence_start and len(text) > 4
            and bool(_SLAVIC_SURNAME.search(fold(text)))
            and not (words is not None and fold(text) in words))  # на Острова: the island


def trim_leading_words(doc: str, spans: list[Span], gaz: Gazetteer | None = None,
                       lang: str | None = None) -> None:
    """Cut a word that is no name off the front of a person's run when the rest of the run
    is a person the article names: ``Лейбъристите Джереми Корбин`` where ``Джереми Корбин``
    stands alone too, ``Pacyfista Corbyn`` where ``Jeremy Corbyn`` gives the surname. A
    given name is never cut, and a lone surname is kept whole unless the word before it is
    written in lower case somewhere in the article (a common noun, capitalised where a
    sentence starts) or opens its sentence."""
    people = [s for s in spans if s.kind == "person" and len(s.tokens) > 1]
    full = {fold(span_text(doc, s)) for s in people}
    firsts_of: dict[str, set[str]] = {}
    for s in people:
        if is_given_name(s.tokens[0].text):
            firsts_of.setdefault(stem_word(fold(s.tokens[-1].text)), set()).add(
                fold(s.tokens[0].text))
    surnames = set(firsts_of)
    for span in people:
        first = span.tokens[0].text
        if is_given_name(first) or fold(first) in PARTICLES:
            continue
        rest = fold(doc[span.tokens[1].start : span.tokens[-1].end])
        named_alone = len(span.tokens) > 2 and rest in full
        common_before_surname = (
            len(span.tokens) == 2 and stem_word(fold(span.tokens[1].text)) in surnames
            and (span.sentence_start or re.search(
                rf"(?<!\w){re.escape(first.lower())}(?!\w)", doc) is not None))
        place = _place_before_surname(span, firsts_of, gaz, lang)
        if named_alone or common_before_surname or place is not None:
            if place is not None:  # na Francja | Barnier: a comma lost between the two
                spans.append(Span(span.tokens[:1], span.sentence_start, "place", "gazetteer",
                                  place.canonical, place.lemma))
            span.tokens, span.sentence_start = span.tokens[1:], False


def _place_before_surname(span: Span, firsts_of: dict[str, set[str]], gaz: Gazetteer | None,
                          lang: str | None) -> GazetteerEntry | None:
    """The gazetteer's country or city that opens a two-word person run whose second word
    is the surname of a full name in the article (``Давос Мей``, ``Brukseli May``), unless
    it is that person's first name spelt another way (``Азия Биби`` beside ``Асия Биби``)."""
    if gaz is None or len(span.tokens) != 2:
        return None
    firsts = firsts_of.get(stem_word(fold(span.tokens[1].text)))
    first = fold(span.tokens[0].text)
    if not firsts or any(_ratio(first, other) >= 60 for other in firsts):
        return None
    entry = gaz.lookup(span.tokens[0].text, lang)
    if entry is None or entry.kind != "place" or MINOR_PLACE.match(entry.canonical):
        return None
    return entry


LINKED_NAME = re.compile(
    r"[A-ZА-ЯЁ][a-zа-яё]+-(e|i|ul|ud|ut|ur|al|un|э|и|е|уль|ул|уд|ут|ур|ал)-[A-Za-zА-Яа-яЁё]+")
"""A name of Arabic, Persian or Urdu words joined by a linking particle, as the Slavic
press writes them (``Tehreek-e-Labbaik``, ``Техрик-и-Лабаик``, ``Jamaat-ud-Dawa``): 123 of
124 such words are names in SlavicNER's training documents."""
PERSON_LINKS = frozenset({"ul", "уль", "ул"})
"""Particles of personal names (``Noor-ul-Haq``, ``Сайф-уль-Малук``); the others mostly
join party and movement names."""
_SURNAME_NOMINATIVE = ("ý", "ий", "ый", "ій", "ski", "cki", "ská", "ая", "ова", "ева")


def no_person_after_title(word: str, adjectival: bool) -> bool:
    """Whether one folded word after a title is no person: an institution's head (``глава
    Офиса``) or an ``adjectival`` word in a case a surname's nominative does not end in
    (``Předseda Ústředního``; ``poslanec Novotný``, ``депутат Жириновский`` are people)."""
    return is_head(word, org_heads()) or (adjectival
                                           and not word.endswith(_SURNAME_NOMINATIVE))


LOCATIVE_ADJECTIVE = re.compile(r"(?:[нк]ом|[нк]ім|[sš]kem|čkem)$")
"""The locative of an adjective (Russian ``Международном``, ``Рижском``, Ukrainian
``Київськім``, Slovene ``Mehiškem``): after ``в`` or ``v`` it opens a name (``в
Международном агентстве``, ``v Mehiškem zalivu``), it is no place by itself."""
NAME_ADJECTIVE = re.compile(
    r"(?:ow(?:a|e|y|ej|ego|emu|ym|ych|ymi)|ov(?:ý|á|é|ou|ého|ém|ému|ých|ým|ými)"
    r"|sk(?:i|a|o|e|em|ih|ega|emu|im)|sn(?:i|a|o|e|em|ih|ega|im))$")
"""An adjective made from an event's name (Polish ``brexitowej``, Czech ``brexitovou``,
``koronavirové``, Slovene ``brexitski``, ``koronavirusni``): SlavicNER labels none of the
127 in its training documents alone (24 are inside a longer name), though the stem is the
event's (``brexitowi``, a case form of the noun, is labelled)."""


_LOWER_CYRILLIC_NEXT = re.compile(r" [а-яёєіїґ]")


def adjective_before_noun(doc: str, span: Span, text: str) -> bool:
    """A lone Cyrillic word with an adjective's ending before a lower-case word: the first
    word of a name the rules did not find whole (``Будапештский меморандум``), which
    SlavicNER labels alone 37 times in 742 in its Russian and Ukrainian training documents
    (665 inside a longer name), not a surname to type by its ending."""
    return (len(span.tokens) == 1 and word_script(text) == "cyrillic"
            and looks_adjectival(text)
            and _LOWER_CYRILLIC_NEXT.match(doc, span.tokens[0].end) is not None)


def named_person(doc: str, span: Span) -> bool:
    """Whether a full name opens with a given name the article never writes in lower case
    (``Rick Perry``; not ``Летище Пловдив``, where the airport noun is also a given name)."""
    first = span.tokens[0].text
    return is_given_name(first) and re.search(
        rf"(?<!\w){re.escape(first.lower())}(?!\w)", doc) is None


def person_of_document(word: str, sentence_start: bool, surnames: Container[str],
                       firsts: Container[str], stream: StreamNames | None) -> bool:
    """Whether one word is a person by the rest of its document: the surname of a full name
    the document gives, or a possessive of one or of a person the stream knows (``Mayeva
    vláda``); or the first name of a full name (``Хиллари`` after ``Хиллари Клинтон``), a
    sentence's first word only when it is a given name. Lone first names are labelled in
    417 of 529 training documents that write one alone besides the full name (bg 201 of 217, ru 153
    of 183; measured with a crude check of the gold, 2026-12-07)."""
    stem = stem_word(fold(word))
    if stem in surnames:
        return True
    if stem in firsts and (not sentence_start or is_given_name(word)):
        return True
    return any(stem_word(base) in surnames
               or (stream is not None and stream.kind_of(base) == "person")
               for base in possessive_bases(word))


def acronym_then_person(toks: list[Token], lang: str, gaz: Gazetteer) -> bool:
    """Whether a two-word run is an organisation's acronym, then a person's surname:
    ``МИД | Захарова``, ``MSZ | Kułeba`` (the surname known, or Slavic by its ending in a
    Slavic language). SlavicNER's training documents label the acronym alone, or both apart,
    in 1,145 of the 1,787 runs of an acronym and one capitalised word (``США Дональд``,
    ``МИД Бориса``), the run whole in 417, mostly an agency or a ministry with its country
    (``РИА Новости``, ``МИД Германии``), which the surname test leaves whole."""
    if len(toks) != 2 or not toks[0].acronym or toks[1].acronym or lang not in SLAVIC:
        return False
    entry = gaz.lookup(toks[1].text, lang)
    if entry is not None:
        return entry.kind == "person" and entry.canonical.startswith("person:")
    return bool(_SLAVIC_SURNAME.search(fold(toks[1].text)))


def opening_word_before_name(doc: str, span: Span, gaz: Gazetteer, lang: str) -> bool:
    """Whether a run that opens a sentence is a common word, then a name the gazetteer
    knows: a name of several words as written (``Koncern | General Motors``), or one word
    (``Jenže | Londýn``, ``Взятый | Лондоном``). Before one word, the first word is no given
    name, no known name and no organisation's or place's head (``Ambasada Rosji`` stays
    whole), and the word no GeoNames town or region, which common words resemble."""
    toks = span.tokens
    if not span.sentence_start or len(toks) < 2:
        return False
    if len(toks) > 2:
        return fold(span_text(doc, Span(toks[1:], False))) in gaz.exact
    if not toks[1].cap or toks[0].acronym or is_given_name(toks[0].text):
        return False  # UKC Ljubljana, a hospital
    first = fold(toks[0].text)
    if (gaz.lookup(toks[0].text, lang) is not None or is_head(first, org_heads())
            or is_head(first, place_heads())):
        return False
    second = gaz.lookup(toks[1].text, lang)
    return second is not None and not MINOR_PLACE.match(second.canonical)


def splits_off(entry: GazetteerEntry | None) -> bool:
    """Whether a gazetteer hit inside a run is sure enough to cut the run there."""
    if entry is None:
        return False
    return (entry.kind in ("organisation", "event", "product")
            or bool(re.fullmatch(r"place:(?:[A-Z]{2}|region:.+)", entry.canonical)))


_POLISH_LOCATIVE = (("dzie", "d"), ("cie", "t"), ("rze", "r"))
"""Polish locative endings that soften the stem's last consonant: ``Radzie`` of ``Rada``,
``ambasadzie`` of ``ambasada``."""


def locative_bases(word: str) -> tuple[str, ...]:
    """The folded ``word`` and, for a Polish-style softened locative, its hard stem's
    nominative (``radzie`` -> ``radzie``, ``rada``): what a head list is checked against."""
    for ending, hard in _POLISH_LOCATIVE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return (word, word[: -len(ending)] + hard + "a")
    return (word,)


__all__ = ["LINKED_NAME", "LOCATIVE_ADJECTIVE", "NAME_ADJECTIVE", "PERSON_LINKS", "REGNAL",
           "acronym_then_person", "adjective_before_noun", "is_head", "locative_bases",
           "looks_like_person",
           "named_person", "no_person_after_title", "opening_word_before_name",
           "person_after_name", "person_of_document", "splits_off", "trim_leading_words"]
