"""Cues around a word that tell what a name is: the words before it in its clause, a verb
of saying beside it (``подчерта Барние``: a person), and a misspelt known name
(``Брезкит`` with two letters swapped: Brexit)."""

from __future__ import annotations

import re
from itertools import dropwhile

from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry
from babelwire.stages.entities_keys import MINOR_PLACE, fold, split_words, stem_word
from babelwire.stages.entities_shapes import is_head
from babelwire.stages.entities_tokens import Token
from babelwire.stages.entities_triggers import (
    auxiliaries,
    org_heads,
    person_titles,
    reporting_verbs,
    sentence_starters,
)

CLAUSE_BREAK = re.compile(r"[.!?;:\n()«»\"„“”]")
_TYPO_KINDS = frozenset({"place", "organisation", "event", "product"})


MEDIA_NOUN = re.compile(
    r"(?:deník|denník|časopis|magazín|týdeník|televiz|rozhlas|podcast|dziennik|tygodnik|"
    r"czasopism|magazyn|portal|serwis|telewizj|rozgłośni|газет|журнал|издани|видан|портал|"
    r"телеканал|радиостанци|вестник|списани|телевизи|časnik|tednik|revij|televizij)"
    r"(?:a|u|e|y|i|em|ie|om|ou|ем|у|а|е|и|ы|ом|ой|ів|ах|ите|ът|то|та)?")
"""Lower-case nouns for a newspaper, magazine, portal or channel: the unknown name right
after one is the outlet's (``deník Echo24``, ``portal Defense One``, ``вестник Гардиън``).
In SlavicNER's training documents 552 of the 635 capitalised names right after such a
noun are products (its type for outlets), 52 organisations, 7 people."""
MEDIA_GAP = re.compile(r" ?[«\"„“”']?")
"""What may stand between the noun and the outlet's name: a space and an opening quote."""
ORG_NOUN = re.compile(
    r"(?:společnost|firm|agentur|svaz|pracowni|ośrod|instytut|spółk|koncern|компани|фирм|"
    r"агентств|концерн|холдинг|družb|podjetj|agencij|sindikat|przewoźni|dopravc|перевозчик|"
    r"авиакомпани|aerolini)\w*|odbor(?:y|ů|ech|ům)")
"""Lower-case nouns for a company, agency, union or institute: the unknown name right after
one is an organisation's (``pracownia Survation``, ``společnost Emirates``, ``odbory
Verdi``). In SlavicNER's training documents 1,191 of 1,576 capitalised runs after such a
noun are organisations and 288 newspapers or products; most of the 46 people are a full
name after the company (``společnosti Michael O'Leary``), which a given name keeps."""


def preceding_words(doc: str, toks: list[Token], index: int, limit: int = 3) -> list[str]:
    """Folded words before token ``index`` in the same clause, nearest first."""
    return [fold(t.text) for t in preceding_tokens(doc, toks, index, limit)]


_TITLE_ABBREVIATIONS = frozenset({"prof", "dr", "doc", "mgr", "ing", "inż", "проф", "mr", "ms"})
"""Titles written short with a full stop, which then ends no clause (``prof. Banach``)."""


def preceding_tokens(doc: str, toks: list[Token], index: int, limit: int = 3) -> list[Token]:
    """The tokens before token ``index`` in the same clause, nearest first."""
    out: list[Token] = []
    k = index - 1
    while k >= 0 and len(out) < limit:
        gap = doc[toks[k].end : toks[k + 1].start]
        if CLAUSE_BREAK.search(gap) and not (
                gap.rstrip() == "." and fold(toks[k].text) in _TITLE_ABBREVIATIONS):
            break
        out.append(toks[k])
        k -= 1
    return out


_TITLE_ACRONYMS = frozenset({"ceo", "mep", "mp", "pm"})


def may_be_title(tok: Token) -> bool:
    """An acronym is a title only if it is one of the titles written as acronyms: PAP, the
    press agency, is no papa (``pap-``), but an MEP is a title."""
    return not tok.acronym or fold(tok.text) in _TITLE_ACRONYMS


def title_before(doc: str, toks: list[Token], index: int) -> bool:
    """A title among the three words before token ``index`` in its clause; an acronym only
    if titles are written so (``PAP Video``: the press agency is no papa)."""
    return any(may_be_title(t) and stem_word(fold(t.text)) in person_titles()
               for t in preceding_tokens(doc, toks, index))


def speaker(doc: str, toks: list[Token], index: int) -> bool:
    """Whether the lone word at ``index`` stands right beside a verb of saying, as the one
    who speaks: ``подчерта Барние``, ``Дейвис заяви``, ``Janša je dejal``. Acronyms,
    titles and organisation heads are no speakers by name."""
    tok = toks[index]
    word = fold(tok.text)
    if (tok.acronym or tok.inflected_acronym or len(word) < 3 or not word.isalpha()
            or stem_word(word) in person_titles() or is_head(word, org_heads())
            or word in sentence_starters()):
        return False
    verbs = reporting_verbs()
    if index and fold(toks[index - 1].text) in verbs and \
            doc[toks[index - 1].end : tok.start].isspace():
        return True
    k = index + 1
    if k < len(toks) and fold(toks[k].text) in auxiliaries() and \
            doc[tok.end : toks[k].start].isspace():
        tok, k = toks[k], k + 1
    return (k < len(toks) and fold(toks[k].text) in verbs
            and doc[tok.end : toks[k].start].isspace())


def transposed_entry(gaz: Gazetteer, tokens: list[Token], lang: str) -> GazetteerEntry | None:
    """The gazetteer's one place, organisation, event or product that a single unknown word
    names with two neighbouring letters swapped (``Брезкит``, ``Брекизт``: Brexit). Small
    places and regions are left out: ``Lubmin`` is no ``Lumbin``."""
    word = tokens[0].text
    if len(tokens) > 1 or len(word) < 6 or not word.isalpha():
        return None
    found = {}
    for i in range(1, len(word) - 1):
        if word[i] == word[i + 1]:
            continue
        entry = gaz.lookup(word[:i] + word[i + 1] + word[i] + word[i + 2:], lang)
        if (entry is not None and entry.kind in _TYPO_KINDS
                and not MINOR_PLACE.match(entry.canonical)):
            found[entry.canonical] = entry
    return next(iter(found.values())) if len(found) == 1 else None


NOT_NAMES_EXTRA = split_words(  # and Bulgarian "the Island" (Britain): 2 of 43 labelled,
    # and "the Union" (the EU) alone: 3 of 65
    "internet online foto photo фото фотография video wideo видео zdroj źródło джерело "
    "источник сми змі смі острова островът съюза съюзът")
"""Capitalised words that are never a name: credits (``Foto``, ``Video``) and a few nouns."""


def after_credits(tokens: list[Token]) -> list[Token]:
    """A run's tokens without a leading credit word (``Foto | Elijah Nouvelage``) and any
    lower-case words after it (``Video of | Kim Wehleová``); empty when nothing is left or
    every token is such a word; ``tokens`` itself when nothing is dropped."""
    if all(fold(t.text) in NOT_NAMES_EXTRA for t in tokens):
        return []
    if fold(tokens[0].text) not in NOT_NAMES_EXTRA:
        return tokens
    return list(dropwhile(lambda t: not t.text[:1].isupper(), tokens[1:]))


__all__ = ["CLAUSE_BREAK", "MEDIA_GAP", "MEDIA_NOUN", "NOT_NAMES_EXTRA", "ORG_NOUN",
           "after_credits", "may_be_title",
           "preceding_tokens", "preceding_words", "speaker", "title_before", "transposed_entry"]
