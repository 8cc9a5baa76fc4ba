"""Runs of capitalised words: where a candidate name in a cased script starts and ends.

A run starts at a capitalised word (with the particles of a surname before it: ``фон дер
Ляйен``) and goes on over capitalised words, connectors between two of them (``Center for
European Reform``), a Slavic organisation or place head after an adjective (``Hospodářská
komora``) and the lower-case words that finish an institution's name (``Úřadu pro
rozpočtovou zodpovědnost``, :mod:`entities_complements`), abbreviations written with a
full stop (``Wlk. Brytanii``), and lower-case words or a number when the gazetteer knows
the longer name (``Spojené státy``, ``Nord Stream 2``). It crosses from one script to the
other only for a name the gazetteer knows (``Спутник V``). :mod:`entities_mentions` then
trims, splits and types the runs.
"""

from __future__ import annotations

import re

from babelwire.stages.entities_complements import complement, complement_head
from babelwire.stages.entities_gazetteer import INFLECTING, Gazetteer
from babelwire.stages.entities_given_names import is_given_name
from babelwire.stages.entities_keys import (
    fold,
    looks_adjectival,
    split_words,
)
from babelwire.stages.entities_shapes import REGNAL as _REGNAL
from babelwire.stages.entities_shapes import is_head as _is_head
from babelwire.stages.entities_tokens import PARTICLES as _PARTICLES
from babelwire.stages.entities_tokens import SLAVIC as _SLAVIC
from babelwire.stages.entities_tokens import Span as _Span
from babelwire.stages.entities_tokens import Token as _Token
from babelwire.stages.entities_tokens import word_script as _script
from babelwire.stages.entities_triggers import (
    LEGAL_FORMS,
    org_heads,
    place_heads,
)

_LOCATIVE_ADJECTIVE = re.compile(r"(?:[нк]ом|[нк]ім|[нк]ому)$")
"""An adjective in the locative or dative, which :func:`adjectival` leaves to surnames and
place names (``Балтийском колледже обороны``)."""
_SURNAME_END = re.compile(r"(?:ová|ova|ева|ова|ина)$")
"""A feminine surname ends like an adjective: ``Merkelová | nové vládě`` is no institution."""


def _text(doc: str, run: list[_Token]) -> str:
    return doc[run[0].start : run[-1].end]


_NAME_ABBREVIATIONS = frozenset({"wlk", "św", "sw", "sv", "st"})
"""Abbreviated words inside names, written with a full stop (``Wlk. Brytania``,
``Św. Mikołaja``, ``St. Pölten``): the run goes on past the stop."""
_SENTENCE_END = re.compile(r"[.!?…:;\n]\s*[\"'«»„“”‘’(\[]*\s*$|^\s*[\"'«»„“”‘’-]+\s*$")
"""What ends a sentence before a word: a stop and any quotes or brackets, or only quotes or
dashes after the word before (a quotation opening); a bracket after a word is no sentence's
start (``Svetovne zdravstvene organizacije (WHO)``)."""
CONNECTORS_BY_LANG: dict[str, frozenset[str]] = {
    lang: split_words(words) for lang, words in {
        "en": "of the for",
        "de": "für der des",
        "fr": "de du des la le",
        "es": "de del la las los",
        "it": "di del della dei degli",
        "pt": "de do da dos das",
        "nl": "voor",
    }.items()}
_ADJECTIVE_END = re.compile(
    r"(?:ая|яя|ое|ее|ый|ий|ой|ые|ие|ого|его|ых|их|ую|ої|ій|ым|ому|ыми|ния|ната|ното|ният|ската|ското|"
    r"ският|ý|á|é|í|ého|ých|ým|owy|owa|owe|owej|ego|na|ny|ne|ni|ski|ska|sko|ske|skega|skem)$")
SPACES = frozenset({" ", "\u00a0"})
_VI_COMPOUNDS = frozenset(
    ("ngân hàng", "bộ trưởng", "thủ tướng", "ủy ban", "trung ương", "hội đồng", "công ty",
     "tập đoàn", "chủ tịch", "tổng thống", "thống đốc", "quốc hội", "chính phủ"))


_NAME_PREFIXES = frozenset({"von", "фон", "van", "ван"})


def leading_particles_of(toks: list[_Token]) -> bool:
    """Whether ``toks`` open with a surname's particles (von der Leyen), then go on."""
    k = 0
    while k < len(toks) and toks[k].text in _PARTICLES:
        k += 1
    return 0 < k < len(toks) and any(t.text in _NAME_PREFIXES for t in toks[:k])


def _leading_particles(doc: str, toks: list[_Token], i: int) -> list[_Token]:
    """The particles that open a surname written without its given name: ``фон дер``
    Ляйен, ``von der`` Leyen, ``van`` Gogh (``von`` or ``van`` must be among them)."""
    k = i
    while (k > 0 and i - k < 2 and toks[k - 1].text in _PARTICLES
           and doc[toks[k - 1].end : toks[k].start] == " "):
        k -= 1
    particles = toks[k:i]
    if not any(t.text in _NAME_PREFIXES for t in particles):
        return []
    return particles


def _grow(run: list[_Token], toks: list[_Token], j: int, count: int) -> int:
    run.extend(toks[j : j + count])
    return count


def _lower_head(doc: str, toks: list[_Token], run: list[_Token], j: int, lang: str,
                sentence_start: bool) -> int:
    """Grow ``run``, which ends in a capitalised adjective, over the lower-case head of
    an institution and the complement after it; how many tokens it took (0: none).

    The head may follow one more lower-case adjective (``Королевского научного
    общества``), inside a sentence and after no feminine surname; a head that is also a
    common noun (``центр``, :func:`complement_head`) needs that second adjective or a
    complement (``Міжнародний центр перспективних досліджень``)."""
    head = j
    if (head + 1 < len(toks) and adjectival(toks[head].text) and not sentence_start
            and not _SURNAME_END.search(fold(run[-1].text))
            and gap(doc, toks[head], toks[head + 1]) in SPACES):
        head += 1
    if head >= len(toks) or toks[head].cap:
        return 0
    low = fold(toks[head].text)
    if head > j and _is_head(low, org_heads()):
        more = complement(doc, toks, head + 1, lang)
    elif complement_head(low):
        more = complement(doc, toks, head + 1, lang)
        if not more and head == j:
            return 0
    else:
        return 0  # most adjectives are followed by no institution head: no complement sought
    return _grow(run, toks, j, head + 1 - j + more)


def two_names(first: _Token, last: _Token) -> bool:
    """Whether two words could be a given name and a surname: capitalised, neither an
    acronym, and the last no legal form or organisation head (``HNA | Airport Group``)."""
    low = fold(last.text)
    return (first.cap and last.cap and not first.acronym and not last.acronym
            and low not in LEGAL_FORMS and not _is_head(low, org_heads())
            and "." not in last.text)


def gap(doc: str, a: _Token, b: _Token) -> str:
    """The text between two tokens."""
    return doc[a.end : b.start]


def _extend(doc: str, toks: list[_Token], run: list[_Token], j: int, gaz: Gazetteer,
            lang: str) -> int:
    """Grow ``run`` over up to three lower-case words or a number when the gazetteer knows the
    longer name (``Spojené státy``, ``Белия дом``, ``Nord Stream 2``); return the next index."""
    if j >= len(toks) or toks[j].cap or doc[run[-1].end : toks[j].start] not in SPACES:
        return j
    for k in (3, 2, 1):
        last = j + k - 1
        if last >= len(toks):
            continue
        if any(gap(doc, toks[m - 1] if m > j else run[-1], toks[m]) not in SPACES
               for m in range(j, last + 1)):
            continue  # after a lower-case word names may follow: Съда на ЕС
        if _known_tail(doc, run, toks[last].end, gaz) or (
                lang in INFLECTING and _known_case_form(doc, run, toks[last].end, gaz, lang)):
            run.extend(toks[j : last + 1])
            return last + 1
    return j


def _known_case_form(doc: str, run: list[_Token], end: int, gaz: Gazetteer, lang: str) -> bool:
    """Whether the run, from one of its last words up to ``end``, is a case form of a place,
    organisation, product or event the gazetteer knows (``České republiky`` of ``Česká
    republika``, ``Северного потока`` of ``Северный поток``)."""
    for tok in run[-4:]:
        entry = gaz.lookup(doc[tok.start : end], lang)
        if entry is not None and entry.kind in ("place", "organisation", "product", "event"):
            return True
    return False


def _known_tail(doc: str, run: list[_Token], end: int, gaz: Gazetteer) -> bool:
    """Whether the gazetteer knows the text from some word of ``run`` to ``end``: a run may
    start with a word the trimming drops later (``Akcje Nord Stream 2``)."""
    return any(fold(doc[tok.start : end]) in gaz.exact for tok in run[-4:])


def adjectival(word: str) -> bool:
    """Whether a Slavic word ends like an adjective (``Государственная``, ``Hospodářská``,
    ``Волгоградской``, ``Narodowy``), as the word before an organisation or place head does."""
    return looks_adjectival(word) or bool(_ADJECTIVE_END.search(fold(word)))


def _goes_on(doc: str, toks: list[_Token], run: list[_Token], j: int, gaz: Gazetteer) -> bool:
    """Whether the capitalised word at ``j`` (and perhaps the next) continues a known name."""
    for last in (j, j + 1):
        if last >= len(toks) or not toks[last].cap or gap(doc, toks[last - 1], toks[last]) \
                not in SPACES:
            return False
        if _known_tail(doc, run, toks[last].end, gaz):
            return True
        if last == j and fold(toks[j].text) in LEGAL_FORMS:  # Nord Stream 2 | AG
            return True
    return False


def pair_of_names(left: str, right: str, gaz: Gazetteer, lang: str) -> bool:
    """Two names the gazetteer knows joined by a hyphen into no name it knows: a route or
    a pair (``Zaporoże-Lwów``, ``Praha-Oslo``, ``Киев-Берлин``, ``UE-USA``), which the
    BSNLP guidelines, and SlavicNER's annotators in 76 of the 82 pairs of places in its
    training documents, count as two names. An organisation named with its country stays
    one (``Інтерфакс-Україна``), unless it is an acronym (``UE-USA``)."""
    if len(left) < 2 or len(right) < 2 or not (left[:1].isupper() and right[:1].isupper()):
        return False
    if gaz.lookup(f"{left}-{right}", lang) is not None:
        return False  # Baden-Württemberg, Guinea-Bissau
    first, second = gaz.lookup(left, lang), gaz.lookup(right, lang)
    return (first is not None and second is not None and bool(first.canonical)
            and bool(second.canonical)
            and not (first.kind == "organisation" and second.kind == "place"
                     and not left.isupper()))


def split_pairs(toks: list[_Token], gaz: Gazetteer, lang: str) -> list[_Token]:
    """Each hyphenated word made of two known names (:func:`pair_of_names`) as two words."""
    out: list[_Token] = []
    for tok in toks:
        left, dash, right = tok.text.partition("-")
        if dash and tok.cap and "-" not in right and pair_of_names(left, right, gaz, lang):
            out.append(_Token(tok.start, tok.start + len(left), left))
            out.append(_Token(tok.end - len(right), tok.end, right))
        else:
            out.append(tok)
    return out


def spans(doc: str, toks: list[_Token], lang: str, gaz: Gazetteer) -> list[_Span]:
    spans: list[_Span] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if not tok.cap:
            i += 1
            continue
        before = doc[toks[i - 1].end : tok.start] if i else doc[: tok.start]
        sentence_start = i == 0 or bool(_SENTENCE_END.search(before))
        run = [*_leading_particles(doc, toks, i), tok]
        j = i + 1
        extended = False
        while j < n:
            between = gap(doc, run[-1], toks[j])
            if (between == ". " and toks[j].cap
                    and fold(run[-1].text) in _NAME_ABBREVIATIONS):
                run.append(toks[j])  # Wlk. Brytanii, Św. Piotra
                j += 1
                continue
            if (not between and toks[j].cap and len(run[-1].text) == 2
                    and run[-1].text.endswith(".")):
                run.append(toks[j])  # Т.Мэй: an initial glued to the surname
                j += 1
                continue
            if between not in {" ", "-", "\u00a0"} and between.strip() != "&":
                break
            nxt = toks[j]
            if between == "-" and pair_of_names(run[-1].text, nxt.text, gaz, lang):
                break  # Zaporoże | Lwów (split_pairs)
            if (_script(nxt.text) != _script(run[-1].text)
                    and fold(doc[run[0].start : nxt.end]) not in gaz.exact
                    and not (_REGNAL.fullmatch(nxt.text) and is_given_name(run[-1].text))):
                break  # unless the gazetteer knows the name across scripts: Спутник V, or
                # it is a monarch's or pope's number: Елизавета II
            if nxt.cap:
                run.append(nxt)
                j += 1
                continue
            low = fold(nxt.text)
            if (lang == "vi" and f"{fold(run[-1].text)} {low}" in _VI_COMPOUNDS):
                run.append(nxt)
                j += 1
                continue
            if ((low in CONNECTORS_BY_LANG.get(lang, frozenset()) or low in _PARTICLES
                 or (lang in _SLAVIC and low in CONNECTORS_BY_LANG["en"]))  # Center for
                    and j + 1 < n and toks[j + 1].cap
                    and gap(doc, nxt, toks[j + 1]) == " "):
                run.extend([nxt, toks[j + 1]])
                j += 2
                continue
            if (low in _PARTICLES and j + 2 < n and fold(toks[j + 1].text) in _PARTICLES
                    and toks[j + 2].cap and gap(doc, nxt, toks[j + 1]) == " "
                    and gap(doc, toks[j + 1], toks[j + 2]) == " "):
                run.extend(toks[j : j + 3])  # Ursula von der Leyen, Урсула фон дер Ляєн
                j += 3
                continue
            if (_is_head(low, org_heads()) and lang in _SLAVIC
                    and adjectival(run[-1].text)):
                run.append(nxt)  # Hospodářská komora, Государственная дума
                j += 1
                if gaz.lookup(_text(doc, run), lang) is None:  # Úřad | pro ...
                    j += _grow(run, toks, j, complement(doc, toks, j, lang))
                break
            if lang in _SLAVIC and (adjectival(run[-1].text)
                                    or _LOCATIVE_ADJECTIVE.search(fold(run[-1].text))):
                grown = _lower_head(doc, toks, run, j, lang, sentence_start)
                if grown:  # Mednarodna agencija za energijo, Королевского научного общества
                    j += grown
                    break
            if (_is_head(low, place_heads()) and lang in _SLAVIC
                    and adjectival(run[-1].text)):
                run.append(nxt)  # Волгоградской области, Krasnodarský kraj
                j += 1
                break
            grown = _extend(doc, toks, run, j, gaz, lang)
            if grown == j or not _goes_on(doc, toks, run, grown, gaz):
                j, extended = grown, True
                break
            j = grown  # a known name goes on after its number: Nord Stream 2 AG
        if not extended:
            j = _extend(doc, toks, run, j, gaz, lang)
        if (lang in _SLAVIC and j < n and not toks[j].cap and toks[j - 1] is run[-1]
                and (_is_head(fold(run[-1].text), org_heads())
                     or complement_head(fold(run[-1].text), alone=len(run) == 1))
                and gaz.lookup(_text(doc, run), lang) is None):
            j += _grow(run, toks, j, complement(doc, toks, j, lang))  # Úřadu | pro ...
        spans.append(_Span(run, sentence_start))
        i = j
    return spans


__all__ = ["CONNECTORS_BY_LANG", "SPACES", "adjectival", "gap", "leading_particles_of",
           "pair_of_names", "spans", "split_pairs", "two_names"]
