"""Finds mentions of people, organisations and places in scripts that have capital letters.

A candidate is a run of capitalised words (lower-case particles such as ``von``,
``de``, ``of`` allowed inside). Each run is typed by the strongest cue it has:

1. the gazetteer (CLDR, pycountry, the organisations table), by form or stem;
2. a title inside or just before it (``Chancellor``, ``министр``, ``ministr zahraničí``)
   -> person; an organisation head or suffix (``Ministry``, ``Bank``, ``GmbH``,
   ``ООО``) -> organisation; a place head (``province``, ``область``, ``tỉnh``) -> place;
3. names the stream has already typed, twice (:class:`StreamNames`);
4. the document itself: a run typed elsewhere in it, or a surname of a person named in full;
5. shape: two or three capitalised words -> person (unless, not led by a given name, they
   hold a word the stream writes in lower case or end in an adjective); a Slavic surname
   ending -> person; an acronym -> organisation; after ``in``/``в``/``w``/``v`` -> place.

Runs with no cue at all are dropped in German, where every noun is capitalised.
Arabic and CJK text go to :mod:`entities_mentions_nocase`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator

from babelwire.stages.entities_acronyms import defined_acronyms
from babelwire.stages.entities_coinages import coined_events
from babelwire.stages.entities_companies import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    agencies_in_quotes,
    companies_in_quotes,
)
from babelwire.stages.entities_complements import complement_head
from babelwire.stages.entities_cues import (
    MEDIA_GAP,
    MEDIA_NOUN,
    ORG_NOUN,
    after_credits,
    preceding_words,
    speaker,
    transposed_entry,
)
from babelwire.stages.entities_cues import may_be_title as _may_be_title
from babelwire.stages.entities_cues import title_before as _title_before
from babelwire.stages.entities_elision import elided_regions
from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry
from babelwire.stages.entities_given_names import given_names, is_given_name
from babelwire.stages.entities_institutions import join_institutions
from babelwire.stages.entities_keys import (
    MINOR_PLACE,
    fold,
    latin,
    looks_adjectival,
    split_words,
    stem_key,
    stem_word,
)
from babelwire.stages.entities_named_after import join_named_after
from babelwire.stages.entities_owners import join_owners
from babelwire.stages.entities_records import Mention
from babelwire.stages.entities_runs import CONNECTORS_BY_LANG as _CONNECTORS_BY_LANG
from babelwire.stages.entities_runs import SPACES as _SPACES
from babelwire.stages.entities_runs import adjectival as _adjectival
from babelwire.stages.entities_runs import gap as _gap
from babelwire.stages.entities_runs import leading_particles_of as _leading_particles_of
from babelwire.stages.entities_runs import spans as _spans
from babelwire.stages.entities_runs import split_pairs
from babelwire.stages.entities_runs import two_names as _two_names
from babelwire.stages.entities_seats import join_seats
from babelwire.stages.entities_shapes import (
    LINKED_NAME,
    LOCATIVE_ADJECTIVE,
    NAME_ADJECTIVE,
    PERSON_LINKS,
    REGNAL,
    acronym_then_person,
    adjective_before_noun,
    locative_bases,
    named_person,
    no_person_after_title,
    opening_word_before_name,
    person_of_document,
    splits_off,
)
from babelwire.stages.entities_shapes import is_head as _is_head
from babelwire.stages.entities_shapes import looks_like_person as _looks_like_person
from babelwire.stages.entities_shapes import person_after_name as _person_after_name
from babelwire.stages.entities_shapes import trim_leading_words as _trim_leading_words
from babelwire.stages.entities_sites import mark_sites
from babelwire.stages.entities_stream import StreamNames, StreamWords
from babelwire.stages.entities_tokens import PARTICLES as _PARTICLES
from babelwire.stages.entities_tokens import SLAVIC as _SLAVIC
from babelwire.stages.entities_tokens import LowerAware as _LowerAware
from babelwire.stages.entities_tokens import Span as _Span
from babelwire.stages.entities_tokens import Token as _Token
from babelwire.stages.entities_tokens import span_text as _text
from babelwire.stages.entities_tokens import tokens_of
from babelwire.stages.entities_triggers import (
    LEGAL_FORMS,
    ORG_SUFFIXES,
    common_acronyms,
    org_heads,
    person_titles,
    place_heads,
    reporting_verbs,
    sentence_starters,
)

# Words that may sit inside a name but never end one: the particles of personal names
# (entities_tokens.PARTICLES: Ursula von der Leyen) and each language's connectors.
_ALL_CONNECTORS = frozenset().union(_PARTICLES, *_CONNECTORS_BY_LANG.values())
# Slavic prepositions of place: "v Praze", "w Warszawie", "в Москве", "у Києві".
_LOCATIVE = split_words("v ve w we в во у на na u")
_UNTYPED = "untyped"
"""The rule of a run that must stay no name, whatever the document says of its stem."""
_QUOTED_NUMBER = re.compile(r"[ \u00a0](\d{1,2})\b")
_SPACED_NUMBER = re.compile(r"[ \u00a0]?[-\u2013\u2014][ \u00a0]?(\d{1,2})\b")
_QUOTED_PRODUCT_LANGS = frozenset({"ru"})
"""Where a product's quotes are part of its name (``«Спутник V»``): SlavicNER's Russian
documents include them in about two product mentions of three, the others' rarely."""


_RECURRING = 3
"""Times an unknown capitalised word must occur in an article, twice at least inside a
sentence, to be taken for a name with no other cue."""


def _trim(span: _Span, stop: frozenset[str] | _LowerAware) -> tuple[_Span | None, bool]:
    """Drop leading sentence starters and titles; say whether a title was dropped."""
    titled = False
    toks = list(span.tokens)
    last_title = max((i for i, t in enumerate(toks[:4][: len(toks) - 1])
                      if _may_be_title(t) and stem_word(fold(t.text)) in person_titles()),
                     default=-1)
    if last_title >= 0:  # Foreign Minister Annalena Baerbock, Deputy Prime Minister X
        titled = True
        toks = toks[last_title + 1 :]
    while toks:
        low = fold(toks[0].text)
        if stem_word(low) in person_titles() and len(toks) > 1 and _may_be_title(toks[0]):
            titled = True
            toks.pop(0)
            continue
        if span.sentence_start and toks[0] is span.tokens[0] and (
                low in stop or low in reporting_verbs()):  # Powiedział | Refat Czubarow
            toks.pop(0)
            continue
        break
    while toks and fold(toks[-1].text) in _ALL_CONNECTORS:
        toks.pop()
    if not toks or not (toks[0].cap or _leading_particles_of(toks)):
        return None, titled  # Szefowa | rządu: a title and a lower-case head
    return _Span(toks, span.sentence_start and toks[0] is span.tokens[0], rule=span.rule), titled


def _untaken(spans: Iterable[_Span], taken: set[int]) -> Iterator[_Span]:
    """The runs, less the tokens a lower-case phrase took: what is left of a run on either
    side of the phrase stays a run (``zveze Nato | Jens Stoltenberg``)."""
    for span in spans:
        if not taken or not any(id(t) in taken for t in span.tokens):
            yield span
            continue
        part: list[_Token] = []
        first = True
        for tok in [*span.tokens, None]:
            if tok is not None and id(tok) not in taken:
                part.append(tok)
                continue
            if part and part[0].cap:
                yield _Span(part, span.sentence_start and first, rule=span.rule)
            part, first = [], False


def _entry_kind(entry: GazetteerEntry) -> tuple[str, str, str | None]:
    return entry.kind, "gazetteer", entry.canonical or None


def _take(span: _Span, entry: GazetteerEntry) -> None:
    """Type ``span`` as the gazetteer's ``entry``."""
    span.kind, span.rule, span.canonical = _entry_kind(entry)
    span.lemma = entry.lemma


_TITLE_ARTICLES = frozenset({"the", "il", "les", "die", "der", "das", "los"})
"""A capitalised article opening a run inside a sentence: a title (a newspaper, a book, a
programme), not a person (``The Daily Sabah``, ``Il Giornale``). Not ``Le``, ``La``, ``El``:
they open surnames too (``Le Pen``, ``Le Maire``, ``La Russa``)."""
_MEDIA_WORDS = frozenset(split_words(
    "news express times post tv magazin magazine insider journal herald tribune gazette radio "
    "today weekly review observer telegraph mail mirror standard zeitung"))
"""Last words of newspaper, magazine and channel names (``ABC News``, ``Sunday Express``)."""

class CasedMentionFinder:
    """Rules for Latin, Cyrillic and other cased scripts."""

    def __init__(self, gazetteer: Gazetteer, stream: StreamNames | None = None,
                 months: frozenset[str] = frozenset(),
                 words: StreamWords | None = None) -> None:
        self.gaz = gazetteer
        self.stream = stream
        self.words = words
        self.stop = sentence_starters() | months
        self.months = months

    def find(self, doc: str, lang: str) -> list[Mention]:
        toks = split_pairs(tokens_of(doc, lang), self.gaz, lang)
        index_of = {id(t): k for k, t in enumerate(toks)}
        typed: list[_Span] = []
        loose: list[_Span] = []
        if self.words is not None:
            self.words.read([t.text for t in toks])
        stop = _LowerAware(self.stop, toks)
        # words the labelled documents (a learned gazetteer) or the stream write in lower case
        common: Container[str] | None = self.gaz.common_words or self.words
        stop_common = _LowerAware(self.stop, toks, common) if common is not None else stop
        phrases = self._phrases(doc, toks, lang)
        typed.extend(phrases)
        taken = {id(t) for span in phrases for t in span.tokens}
        if self.gaz.lower:
            for t in toks:
                if (t.text[:1].islower() and id(t) not in taken
                        and (stemmed := self.gaz.lower_entry(t.text)) is not None):
                    entry = self.gaz.exact.get(fold(t.text))
                    if entry is None:  # case forms of an event (brexitu) or a people (американцам)
                        people = (stemmed.kind == "person"
                                  and stemmed.canonical.startswith("place:"))
                        entry = (stemmed if (stemmed.kind == "event" or people)
                                 and not NAME_ADJECTIVE.search(fold(t.text)) else None)
                    if entry is not None and entry.names_in(lang) and stemmed.names_in(lang):
                        typed.append(_Span([t], False, *_entry_kind(entry), lemma=entry.lemma))
        for raw in _untaken(_spans(doc, toks, lang, self.gaz), taken):
            rest = after_credits(raw.tokens)  # Foto | Elijah Nouvelage
            if not rest:
                continue
            if rest is not raw.tokens:
                raw = _Span(rest, False, rule=raw.rule)
            # a common word opening a sentence is dropped, unless the run is a known name
            entry = self.gaz.lookup(_text(doc, raw), lang) if raw.sentence_start else None
            # a GeoNames city's alternate name or a region's translated name is no reason to
            # keep a common word (Дали, Eden, Polish Kampania "campaign" for Campania)
            if (entry is not None and entry.canonical.startswith("place:geo:")
                    and ((len(raw.tokens) == 1 and fold(raw.tokens[0].text) not in self.gaz.exact)
                         or (common is not None
                             and all(fold(t.text) in common for t in raw.tokens)))):
                continue  # a sentence's first word is no GeoNames town by its stem (Sochy),
                # nor common words written as one (Co do)
            known = entry is not None and not (len(raw.tokens) == 1 and (
                MINOR_PLACE.match(entry.canonical)  # nor a city by its stem alone: Колко
                or (entry.canonical.startswith("place:city:")
                    and fold(raw.tokens[0].text) not in self.gaz.exact)))
            # a known name opening a sentence stays even where the article also writes it in
            # lower case (Brexit ... brexit); a learned gazetteer knows too many common words
            if not known and opening_word_before_name(doc, raw, self.gaz, lang):
                raw = _Span(raw.tokens[1:], False, rule=raw.rule)  # Jenže | Londýn
            trimmed: _Span | None = raw  # a known name whole: "The Sun" after a quote
            titled = False
            if not ((known or not raw.sentence_start) and len(raw.tokens) > 1
                    and fold(_text(doc, raw)) in self.gaz.exact):
                trimmed, titled = _trim(raw, (stop if self.gaz.learned else self.stop) if known
                                        else stop_common)
            if trimmed is None:
                continue
            span = trimmed
            person_like = titled or _title_before(doc, toks, index_of[id(span.tokens[0])])
            # after a title only a leading name is cut off (Польщі | Томаш Врона); a trailing
            # one belongs to the person (Trần Minh Đức, where Đức is also Germany)
            named = [span] if lang == "vi" else _person_after_name(doc, span, lang, self.gaz)
            if len(named) > 1:  # the title is the person's: глава МИД | Борис Джонсон
                for piece in self._split(doc, named[0], lang):
                    self._type(doc, toks, index_of, piece, False, lang)
                    if piece.kind:  # untyped, it is no name by its shape alone: Lider
                        typed.append(piece)  # Laburzystów | Jeremy Corbyn is one person
                named = named[1:]
            parts = named if lang == "vi" else [
                piece for part in named
                for piece in self._split(doc, part, lang, tails=not person_like)]
            for part in parts:
                self._add(doc, toks, index_of, part, titled, lang, typed, loose)
                titled = False
        self._propagate(doc, typed, loose, lang)
        return self._mentions(doc, typed, lang)

    def _split(self, doc: str, span: _Span, lang: str, tails: bool = True) -> list[_Span]:
        """Cut a run where a gazetteer name ends or starts it: ``США Дональда Трампа``."""
        toks = span.tokens
        if len(toks) < 2 or self.gaz.lookup(_text(doc, span), lang) is not None:
            return [span]
        if (len(toks) == 2 and all(t.cap for t in toks) and is_given_name(toks[0].text)
                and not self._place_by_form(toks[0].text)
                and (self.gaz.lookup(toks[1].text, lang) is None
                     or (fold(toks[0].text) not in self.gaz.exact
                         and self.gaz.lookup(toks[0].text, lang) is not None))):
            # a given name that is also a place: Доминик Рааб, Jordan Henderson; one that
            # only looks like a place's case form before one: George (Georgia) Washington
            return [span]
        if acronym_then_person(toks, lang, self.gaz):  # МИД | Захарова
            return [_Span(toks[:1], span.sentence_start, rule=span.rule), _Span(toks[1:], False)]
        if (len(toks) == 2 and all(t.cap for t in toks)
                and (city := self.gaz.lookup(toks[0].text, lang)) is not None
                and city.canonical.startswith("place:city:")):  # Мадриде | Ермака
            return [_Span(toks[:1], span.sentence_start, rule=span.rule), _Span(toks[1:], False)]
        if (len(toks) == 3 and toks[0].acronym and _two_names(toks[1], toks[2])
                and lang != "vi"):
            # an organisation's acronym, then its spokesperson: ЮНИСЕФ | Этлева Кадилли
            return [_Span(toks[:1], span.sentence_start, rule=span.rule),
                    *self._split(doc, _Span(toks[1:], False), lang, tails)]
        # a run with a lower-case word or number in it is cut only before a known tail
        # (Akcje | Nord Stream 2)
        for cut in range(len(toks) - 1 if all(t.cap for t in toks) else 0, 0, -1):
            if (cut == len(toks) - 1 and fold(toks[cut].text) in LEGAL_FORMS) or (
                    cut == 1 and _is_head(fold(toks[0].text), org_heads())):
                continue  # Nord Stream AG, Komisji Spraw Zagranicznych: one organisation
            head = _Span(toks[:cut], span.sentence_start, rule=span.rule)
            entry = self.gaz.lookup(_text(doc, head), lang)
            if splits_off(entry) or (  # Парижа | Анн Идальго, Шотландия | Никола Стърджън
                    len(toks) - cut >= 2 and entry is not None and entry.kind == "place"
                    and entry.canonical.startswith("place:")
                    and not (cut == 1 and MINOR_PLACE.match(entry.canonical)
                             and is_given_name(toks[0].text) and (  # Марк Малок Браун
                                 entry.canonical.startswith("place:geo:")
                                 or fold(toks[0].text) not in self.gaz.exact))):
                return [head, *self._split(doc, _Span(toks[cut:], False), lang, tails)]
        for cut in range(1, len(toks)):
            tail = _Span(toks[cut:], False)
            entry = self.gaz.lookup(_text(doc, tail), lang) if toks[cut].cap else None
            # after a title only a known event, organisation or product is cut off the
            # person (Дейвид Дейвис | Брекзит); a place may be the name's (Trần Minh Đức)
            if splits_off(entry) and (tails or (entry is not None and entry.kind != "place")):
                return [*self._split(doc, _Span(toks[:cut], span.sentence_start), lang), tail]
            if entry is not None and entry.canonical.startswith("person:") and (
                    len(toks) - cut >= 2  # МИД ФРГ | Хайко Маас: a known person in full
                    or self.gaz.lookup(_text(doc, _Span(toks[:cut], False)), lang) is not None
                    or (cut == 1 and span.sentence_start and not is_given_name(toks[0].text))):
                # two names the gazetteer knows, the second a person's (Stoltenberga |
                # Trump), or a sentence's first word before a known person (Визит |
                # Зеленского; the whole run is no full name of theirs, see _full_name)
                return [_Span(toks[:cut], span.sentence_start, rule=span.rule), tail]
        return [span]

    def _place_by_form(self, word: str) -> bool:
        """A country's name as written that is a given name only by its stem (Германия,
        stem герман, Herman) is the country."""
        entry = self.gaz.exact.get(fold(word))
        return (entry is not None and bool(re.fullmatch(r"place:[A-Z]{2}", entry.canonical))
                and fold(word) not in given_names() and latin(fold(word)) not in given_names())

    def _add(self, doc: str, toks: list[_Token], index_of: dict[int, int], span: _Span,
             titled: bool, lang: str, typed: list[_Span], loose: list[_Span]) -> None:
        if all(fold(t.text) in self.months for t in span.tokens):
            return
        self._type(doc, toks, index_of, span, titled, lang)
        (typed if span.kind else loose).append(span)

    def _mentions(self, doc: str, typed: list[_Span], lang: str) -> list[Mention]:
        out = []
        for span in typed:
            text = _text(doc, span)
            start, end = span.tokens[0].start, span.tokens[-1].end
            numbered = _SPACED_NUMBER.match(doc, end)
            entry = (self.gaz.lookup(f"{text}-{numbered.group(1)}", lang)
                     if numbered is not None else None)
            if numbered is not None and entry is not None:  # «Северный поток - 2»
                end = numbered.end()
                _take(span, entry)
            if doc[end : end + 1] == "." and f"{fold(text)}." in self.gaz.exact:
                end += 1  # a name that ends in an abbreviation keeps its stop: Irlandii Płn.
            quoted = self._quoted(doc, start, end)
            numbered = _QUOTED_NUMBER.match(doc, end + 1) if end < len(doc) else None
            entry = (self.gaz.lookup(f"{text}-{numbered.group(1)}", lang)
                     if numbered is not None and doc[end] in CLOSING_QUOTES and start
                     and doc[start - 1] in OPENING_QUOTES else None)
            if quoted is not None:  # «Спутник V» where the quotes belong to the name
                start, end = start - 1, end + 1
                _take(span, quoted)
            elif numbered is not None and entry is not None:  # "Северен поток" 2
                start, end = start - 1, numbered.end()
                _take(span, entry)
            elif (lang in _QUOTED_PRODUCT_LANGS and span.kind == "product"
                  and start and end < len(doc) and doc[start - 1] in OPENING_QUOTES
                  and doc[end] in CLOSING_QUOTES):
                start, end = start - 1, end + 1  # Russian writes products in quotes
            out.append(Mention(text=doc[start:end], kind=span.kind or "person",
                               start=start, end=end, lang=lang,
                               rule=span.rule, canonical=span.canonical, lemma=span.lemma))
            if (self.stream is not None and span.rule in {"gazetteer", "trigger", "pattern"}
                    and len(span.tokens) <= 3):
                self.stream.learn(text, span.kind or "person")
            if (self.stream is not None and span.kind == "person" and 2 <= len(span.tokens) <= 3
                    and (span.rule in {"gazetteer", "trigger"}
                         or is_given_name(span.tokens[0].text))):
                self.stream.learn(span.tokens[-1].text, "person")  # Asia Bibi: later Bibiové
        out = mark_sites(doc, sorted(out, key=lambda m: m.start), lang)
        out = companies_in_quotes(doc, out, lang)
        out = agencies_in_quotes(doc, out, lang)
        out = coined_events(doc, out, lang)
        out = join_seats(doc, join_institutions(doc, out, lang, self.gaz), lang)
        out = join_named_after(doc, out, lang)  # НИИ им. Гамалеи
        out = join_owners(doc, out, lang, self.gaz)  # Rady Najwyższej Ukrainy
        return defined_acronyms(doc, elided_regions(doc, out, lang), lang)

    def _phrases(self, doc: str, toks: list[_Token], lang: str) -> list[_Span]:
        """Names the gazetteer knows that start with a lower-case word, matched word for word
        (``коллегия выборщиков``, ``novim koronavirusom``, ``západní Evropy``)."""
        found: list[_Span] = []
        phrases = self.gaz.phrases
        n, after = len(toks), 0
        starts = [k for k, t in enumerate(toks) if not t.cap and t.text.lower() in phrases]
        for k in starts:
            if k < after:
                continue
            for last in range(min(k + phrases[toks[k].text.lower()], n) - 1, k, -1):
                if any(_gap(doc, toks[m - 1], toks[m]) not in _SPACES
                       for m in range(k + 1, last + 1)):
                    continue
                entry = self.gaz.exact.get(fold(doc[toks[k].start : toks[last].end]))
                if entry is not None and entry.names_in(lang):
                    found.append(_Span(toks[k : last + 1], False, *_entry_kind(entry),
                                       lemma=entry.lemma))
                    after = last + 1
                    break
        return found

    def _quoted(self, doc: str, start: int, end: int) -> GazetteerEntry | None:
        """The gazetteer's entry for the name with the quotes around it, when it knows one."""
        if (start and end < len(doc) and doc[start - 1] in OPENING_QUOTES
                and doc[end] in CLOSING_QUOTES):
            return self.gaz.exact.get(fold(doc[start - 1 : end + 1]))
        return None

    def _type(self, doc: str, toks: list[_Token], index_of: dict[int, int], span: _Span,
              titled: bool, lang: str) -> None:
        text = _text(doc, span)
        words = [fold(t.text) for t in span.tokens]
        entry = self.gaz.lookup(text, lang)
        if entry is not None:
            span.kind, span.rule, span.canonical = _entry_kind(entry)
            span.lemma = entry.lemma
            return
        stems = [stem_word(w) for w in words]
        if len(words) > 1 and words[-1] in LEGAL_FORMS:  # Nord Stream 2 AG, Gazprom PAO
            span.kind, span.rule = "organisation", "pattern"
            return
        if len(words) > 1 and (any(_is_head(w, org_heads()) for w in words)
                               or (lang in _SLAVIC and any(complement_head(w) for w in words))
                               or words[-1] in ORG_SUFFIXES):
            if self.gaz.learned:  # it knows the organisations: Britský ministr is none
                span.rule = _UNTYPED
            else:
                span.kind, span.rule = "organisation", "pattern"
            return
        if (len(words) > 1 and _is_head(words[-1], place_heads())
                and span.tokens[-1].text[:1].islower() and looks_adjectival(words[-2])):
            span.kind, span.rule = "place", "pattern"  # Волгоградской области, Zlínský kraj
            return
        no_person = len(words) == 1 and no_person_after_title(words[0], _adjectival(text))
        if titled and not no_person and not span.tokens[0].acronym:  # Rzecznik | MSZ
            span.kind, span.rule = "person", "trigger"
            return
        before = preceding_words(doc, toks, index_of[id(span.tokens[0])])
        portfolio = bool(before) and before[0] in _ALL_CONNECTORS  # ministre des Transports
        if (not portfolio and not no_person
                and _title_before(doc, toks, index_of[id(span.tokens[0])])
                and not span.tokens[0].acronym and not span.tokens[0].inflected_acronym):
            span.kind, span.rule = "person", "trigger"
            return
        if before and stem_word(before[0]) in place_heads():
            span.kind, span.rule = "place", "trigger"
            return
        first = index_of[id(span.tokens[0])]
        # the noun, or the noun and up to two lower-case words after it (svaz německých
        # pilotů Vereinigung Cockpit)
        if (before and MEDIA_NOUN.fullmatch(before[0]) and not span.sentence_start and first
                and MEDIA_GAP.fullmatch(doc[toks[first - 1].end : span.tokens[0].start])
                and not (len(span.tokens) > 1 and is_given_name(span.tokens[0].text))):
            span.kind, span.rule = "product", "trigger"  # deník Echo24, portal Defense One
            return
        noun_at = next((k for k, word in enumerate(before) if ORG_NOUN.fullmatch(word)), None)
        if (noun_at is not None and not span.sentence_start
                and all(toks[first - 1 - j].text[:1].islower() for j in range(noun_at))
                and not (len(span.tokens) > 1 and is_given_name(span.tokens[0].text))):
            span.kind, span.rule = "organisation", "trigger"  # pracownia Survation
            return
        if len(span.tokens) > 1 and (fold(span.tokens[0].text) in _TITLE_ARTICLES
                                     or fold(span.tokens[-1].text) in _MEDIA_WORDS):
            span.kind, span.rule = "product", "shape"  # The Daily Sabah, Business Insider
            return
        compound = next((m for t in span.tokens if (m := LINKED_NAME.fullmatch(t.text))), None)
        if compound is not None:  # Tehreek-e-Labbaik, Jamaat-ud-Dawa; Noor-ul-Haq
            person = fold(compound.group(1)) in PERSON_LINKS
            span.kind, span.rule = ("person" if person else "organisation"), "shape"
            return
        if (len(span.tokens) == 1 and not span.sentence_start  # Profesor powiedział
                and speaker(doc, toks, index_of[id(span.tokens[0])])):
            span.kind, span.rule = "person", "trigger"
            return
        if len(span.tokens) > 1:  # a gazetteer name inside a longer run: Republic of Poland
            inner = self.gaz.lookup(span.tokens[-1].text, lang)
            if inner is not None and inner.kind == "place" and stems[0] in place_heads():
                span.kind, span.rule, span.canonical = _entry_kind(inner)
                return
        if self.stream is not None:
            known = self.stream.kind_of(text)
            if known == "place" and len(words) == 1 and looks_adjectival(text):
                known = None  # the stream's Irsko makes no place of Irský (dopravce)
            elif len(words) == 1 and self.words is not None and fold(text) in self.words:
                known = None  # Вы, Нека, Číst: capitalised common words, whatever it learned
            if known is not None:
                span.kind, span.rule = known, "stream"
                return
        if len(span.tokens) == 1 and span.tokens[0].acronym:
            # a learned gazetteer knows the acronyms that are names; VAT, USD, ПЦР are none
            if self.gaz.learned or words[0] in common_acronyms():
                span.rule = _UNTYPED
            else:
                span.kind, span.rule = "organisation", "shape"
            return
        if (len(span.tokens) == 1 and before and before[0] in _LOCATIVE and lang in _SLAVIC
                and not (lang == "bg" and before[0] == "на")  # Bulgarian на is also "of"
                and not _adjectival(span.tokens[0].text)
                and not LOCATIVE_ADJECTIVE.search(words[0])  # в Международном | агентстве
                and not REGNAL.fullmatch(span.tokens[0].text)  # w XXI wieku: a century
                and not any(_is_head(w, org_heads()) for w in locative_bases(words[0]))):
            span.kind, span.rule = "place", "shape"

    def _propagate(self, doc: str, typed: list[_Span], loose: list[_Span], lang: str) -> None:
        """Type loose runs from the document: same stem typed elsewhere, surnames, shape."""
        by_stem: dict[str, _Span] = {}
        surnames: dict[str, _Span] = {}
        firsts: set[str] = set()
        for span in typed:
            by_stem.setdefault(stem_key(_text(doc, span)), span)
            if span.kind == "person" and len(span.tokens) > 1:
                surnames.setdefault(stem_word(fold(span.tokens[-1].text)), span)
                firsts.add(stem_word(fold(span.tokens[0].text)))
        lone = [(stem_key(_text(doc, s)), s.sentence_start) for s in loose
                if len(s.tokens) == 1 and s.rule != _UNTYPED and not s.tokens[0].acronym]
        recurring = Counter(key for key, _ in lone)
        inside = Counter(key for key, opens in lone if not opens)
        for span in loose:
            if span.rule == _UNTYPED:
                continue
            if (span.sentence_start and len(span.tokens) == 2
                    and stem_word(fold(span.tokens[1].text)) in surnames
                    and not is_given_name(span.tokens[0].text)):  # Памела Гелер stays whole
                span.tokens = span.tokens[1:]  # "Визит Шольца": a noun opening the sentence
                span.sentence_start = False
            text = _text(doc, span)
            key = stem_key(text)
            twin = by_stem.get(key) if len(key) > 3 else None  # Чехов is no Чехии
            if (twin is not None and len(span.tokens) == 1 and looks_adjectival(text)
                    and not looks_adjectival(_text(doc, twin))):
                twin = None  # Irský dopravce is no Irsko
            if twin is not None:
                span.kind, span.rule, span.canonical = twin.kind, "document", twin.canonical
                span.lemma = twin.lemma
            elif len(span.tokens) == 1 and person_of_document(
                    text, span.sentence_start, surnames, firsts, self.stream):
                span.kind, span.rule = "person", "document"
            elif not span.sentence_start and (typo := transposed_entry(
                    self.gaz, span.tokens, lang)) is not None:
                span.kind, span.rule, span.canonical = _entry_kind(typo)  # Брезкит
                span.lemma = typo.lemma
            elif lang == "de":
                continue  # every German noun is capitalised: no cue, no name
            elif adjective_before_noun(doc, span, text):
                continue  # Будапештский меморандум, Стокгольмского арбитража: no surname
            elif _looks_like_person(span, text, self.words):
                span.kind, span.rule = "person", "shape"
            elif (len(span.tokens) == 1 and recurring[key] >= _RECURRING and inside[key] >= 2
                  and len(key) > 3 and not looks_adjectival(text)):
                # a word capitalised again and again, inside sentences too, with no cue to
                # its kind: a company or brand more often than not (Avast ... že Avast)
                span.kind, span.rule = "organisation", "document"
            else:
                continue
            typed.append(span)
            if span.kind == "person" and len(span.tokens) > 1:
                surnames.setdefault(stem_word(fold(span.tokens[-1].text)), span)
                firsts.add(stem_word(fold(span.tokens[0].text)))
        for span in typed:  # В 2017-м Шрёдера избрали: Gerhard Schröder's, not a place
            stem = stem_word(fold(span.tokens[0].text))
            if (span.kind == "place" and len(span.tokens) == 1
                    and sum(ch.isupper() for ch in span.tokens[0].text) == 1
                    and stem in surnames
                    and ((span.canonical is None and span.rule in ("shape", "document"))
                         or (MINOR_PLACE.match(span.canonical or "") is not None
                             and named_person(doc, surnames[stem])))):
                span.kind, span.canonical = "person", None  # Rick Perry ... Perry (a town)
        _trim_leading_words(doc, typed, self.gaz, lang)  # Лейбъристите | Джереми Корбин


def mention_texts(mentions: Iterable[Mention]) -> list[tuple[str, str]]:
    """(text, kind) pairs, for tests and debugging."""
    return [(m.text, m.kind) for m in mentions]


__all__ = ["CasedMentionFinder", "StreamNames", "mention_texts", "tokens_of"]
