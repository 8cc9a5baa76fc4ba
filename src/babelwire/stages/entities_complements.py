"""The lower-case words that finish a Slavic institution's name after its head.

Slavic languages capitalise only the first word of an institution's name, so a run of
capitalised words stops at its head: ``Úřadu | pro rozpočtovou zodpovědnost``,
``Mednarodna agencija | za energijo``, ``Сдружение | на преследваните християни``,
``Міжнародний центр | перспективних досліджень``. :func:`complement` finds how far the
name goes on: a phrase led by one of the prepositions such names use (``pro``, ``za``,
``на``, ``по``, ``для``) or, in the languages with cases, words in the genitive; at most
:data:`_MOST` words, and never past a word no name goes on with (a verb's ending, a
function word, punctuation, a capitalised word).
"""

from __future__ import annotations

import re

from babelwire.stages.entities_keys import fold, short_stem_word, split_words, stem_word
from babelwire.stages.entities_tokens import Token

_MOST = 5
"""Words a complement takes at most (``на труда и социалната политика``)."""

_PREPOSITIONS: dict[str, frozenset[str]] = {
    lang: split_words(words) for lang, words in {
        "bg": "на за по",
        "cs": "pro",
        "sk": "pre",
        "pl": "do dla",
        "sl": "za",
        "ru": "по для",
        "uk": "з для",
        "hr": "za",
        "sr": "за za",
    }.items()}
"""Prepositions that go on an institution's name (``Агенция по заетостта``, ``Úřad pro
...``, ``Agencija za ...``); not ``в``, ``v``, ``w``, which more often begin what the
sentence says of it."""

_CONJUNCTIONS = split_words("и i a in та й")
"""Joining two nouns of one complement (``труда и социалната политика``)."""

_GENITIVE = re.compile(
    r"(?:ого|его|ой|ей|ых|их|ої|ів|ов|ий|ия|ии|ья|ения|ання|ення|ості|ости|ства|ы|ень|ань|"
    r"ého|ých|ské|ní|ství|ctví|ů|"
    r"ego|ych|ich|ów|ości|stwa|"
    r"ega|ih|ov|ev|nosti|stva)$")
"""Endings of a genitive adjective or noun (``здравоохранения``, ``перспективних
досліджень``, ``všeobecného lékařství``, ``nemških gospodarskih zbornic``): a complement
that no preposition leads must start with one."""

_GENITIVE_LANGS = frozenset({"ru", "uk", "be", "cs", "sk", "pl", "sl", "hr", "sr"})

_VERB = re.compile(r"(?:л|ла|ли|ув|ив|ів|ł|ła|li|l|la|ть|ти|ся|сь|ют|ха|ше)$")
"""Past-tense, infinitive and reflexive endings (``заявил``, ``řekl``, ``powiedział``,
Bulgarian ``заявиха``): the sentence's verb, which ends the name."""
_NEUTER_PAST = re.compile(r"(?:ло|ło|lo)$")
"""The neuter past (``было``, ``bylo``), only in longer words: ``дело`` is a noun."""

_BG_DEFINITE = re.compile(r"(?:та|то|те|ът|ят)$")
_BG_DEFINITE_ADJECTIVE = re.compile(r"(?:ната|ската|ното|ското|ните|ските|ния|ския|ият|ия)$")
"""A Bulgarian noun with its article ends the complement unless ``и`` or ``на`` goes on
(``Агенция по заетостта | по места``); an adjective with its article leaves room for
its noun (``на националната хармония | обеща``). Bulgarian verbs have no ending to tell
them by, so its articles mark where names end."""

_STOP = split_words(
    "je jest są se sa si by jsou byl była było byli был была было были есть е са бе бяха "
    "є був була було були ще не да че что що že że který která které kteří който която "
    "което които который которая которое которые котрий яка яке які ki "
    "również także také tudi тоже также също вече již už уже вже še "
    "на в во v w u у и i a in та й о o ob od от до do из z ze s со с при pri "
    "po по за za pro dla для "
    "nyní teď dnes zde сейчас теперь сегодня днес сега зараз тепер сьогодні dziś teraz "
    "danes zdaj sedaj "
    "страны країни země kraje kraju države държавата страната государства держави państwa "
    "държава време начин повод отношение "
    "должны должен должна может могут будет будут можно нужно надо "
    "musí může mohou bude budou może mogą będzie będą mora morajo lahko bo bodo")
"""Words that end a complement wherever they stand: verbs of being and modals, relative
pronouns, adverbs of time, "the country" (``Верховный суд | страны``), and prepositions
once the complement has begun (``Агенция по заетостта | по места``)."""

_MORE_HEADS = frozenset(stem_word(w) for w in split_words(
    "общество товарищество система центр альянс колледж коалиция инициатива движение "
    "товариство спілка коаліція ініціатива рух "
    "hnutí koalice iniciativa aliance "
    "združenje gibanje koalicija pobuda zavezništvo "
    "koalicja inicjatywa sojusz ruch "
    "алианс"))
"""Heads that make an organisation only with a complement or an adjective with them
(``Королевского научного общества``, ``Міжнародний центр перспективних досліджень``,
``Hnutí pěti hvězd``), never alone: ``центр`` is also a town's centre."""

_WEAK_HEADS = frozenset(stem_word(w) for w in split_words(
    "система центр инициатива движение ініціатива рух iniciativa gibanje pobuda "
    "inicjatywa ruch"))
"""Of those, the ones that need an adjective before them as well: ``Центр | города``."""


def complement_head(word: str, alone: bool = False) -> bool:
    """Whether the folded ``word`` heads an organisation's name when a complement or an
    adjective comes with it; with ``alone``, when only a complement does."""
    stems = {stem_word(word), short_stem_word(word)}
    return bool(stems & _MORE_HEADS) and not (alone and stems & _WEAK_HEADS)


def complement(doc: str, toks: list[Token], j: int, lang: str) -> int:
    """How many tokens from ``j`` go on the name whose head is ``toks[j - 1]`` (0: none)."""
    if j >= len(toks) or j == 0 or toks[j - 1].text.endswith("."):
        return 0
    preps = _PREPOSITIONS.get(lang, frozenset())
    first = fold(toks[j].text)
    k = j
    if first in preps:
        k += 1
    elif lang not in _GENITIVE_LANGS or not _GENITIVE.search(first):
        return 0
    taken, end = 0, j
    closed = adjective_before = False  # Bulgarian: where an article ends the name
    while k < len(toks) and k - j < _MOST:
        tok = toks[k]
        if doc[toks[k - 1].end : tok.start] not in (" ", "\u00a0") or tok.cap:
            break
        if not tok.text.isalpha():
            break  # a number, or a word with a full stop in it
        low = fold(tok.text)
        last = tok.end < len(doc) and doc[tok.end] == "."
        if last and len(low) <= 4:
            break  # an abbreviation (prof.), no word of the name
        if ((low in _CONJUNCTIONS or (lang == "bg" and low == "на"))
                and k > j + (first in preps)):
            closed = adjective_before = False
            k += 1  # труда и социалната политика; опазване на природата
            continue
        noun_due = lang == "bg" and adjective_before  # външните | работи: a noun, not a verb
        if closed or low in _STOP or (len(low) > 3 and _VERB.search(low) and not noun_due) \
                or (len(low) > 4 and _NEUTER_PAST.search(low)):
            break
        if lang == "bg":
            if adjective_before:
                closed = True
            elif _BG_DEFINITE_ADJECTIVE.search(low):
                adjective_before = True
            elif _BG_DEFINITE.search(low):
                closed = True
        taken += 1
        k += 1
        end = k
        if last:
            break  # the sentence ends with the name
    return end - j if taken else 0


__all__ = ["complement", "complement_head"]
