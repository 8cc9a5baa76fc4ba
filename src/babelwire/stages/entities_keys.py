"""Keys that make spellings of one name meet: folded forms, stems, Latin and skeleton keys.

* ``fold`` — case-folded, NFKC, quotes and dashes unified: ``Scholz`` = ``SCHOLZ``.
* ``stem_key`` — every word with an inflectional ending cut (Slavic, Baltic and
  Romance endings): ``Шольца`` and ``Шольц``, ``Německa`` and ``Německo`` meet.
* ``latin`` — ICU ``Any-Latin; Latin-ASCII`` transliteration (NFKD folding
  without PyICU): ``Олаф Шольц`` -> ``olaf sol'c``.
* ``skeleton`` — the Latin form reduced to its consonants with digraphs folded,
  so ``Scholz``, ``Шольц``, ``شولتس`` and ``Schulz`` all give ``slc``. It
  collides on purpose: it only proposes candidates, which the linker confirms
  with string similarity and context.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from babelwire.stages.entities_homoglyphs import unmix

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "–": "-", "—": "-",
                         "\u2010": "-", "\u2011": "-",  # hyphen, non-breaking hyphen
                         "\u00a0": " ", "ё": "е", "Ё": "Е"})

# Inflectional endings, longest first; a stem keeps at least _MIN_STEM letters.
_ENDINGS = tuple(sorted({
    # Cyrillic (ru, uk, bg)
    "ами", "ями", "ого", "его", "ому", "ему", "ими", "ыми", "ой", "ей", "ою", "ею", "ом", "ем",
    "ах", "ях", "ам", "ям", "ов", "ев", "ів", "ий", "ый", "ая", "ое", "ые", "ии", "ия", "ию",
    "ие", "ій", "ія", "ію", "ої", "их", "ых", "ым", "им", "а", "я", "у", "ю", "е",
    "и", "ы", "і", "ї", "є", "о", "ь", "та", "ът", "ият", "ят", "то", "те", "ата",
    "ите", "ото", "ове", "ові", "еві", "ії", "ією", "ией",
    # Latin (cs, pl, sl, sk, hr, lt...)
    "ami", "ach", "ách", "ích", "ých", "ého", "ému", "ými", "ími", "owi", "ovi", "ów", "om",
    "em", "ou", "ov", "ie", "ia", "ii", "ij", "iu", "ií", "ej", "ím", "ým", "ą", "ę", "a", "u",
    "e", "ě", "y", "i", "í", "o", "ý", "á", "é", "iej", "ego", "emu", "ym", "im", "ych",
    "iego", "iemu",  # Polish -ki, -gi surnames: Morawieckiego, Morawieckiemu = Morawiecki
    "iem",  # the Polish instrumental after k and g: Facebookiem, Hamburgiem
    "ią", "ię", "ih", "ima", "ové", "ům", "ského", "ském", "skou", "ská", "ské",
    "ová", "ovej", "ovou", "ove", "ovega", "ovemu", "ovim", "ovih", "ového", "ovému", "ových",
    "ův", "ovo", "ega", "ů", "ího", "ímu", "ém",
}, key=len, reverse=True))
_MIN_STEM = 3
MINOR_PLACE = re.compile(r"place:(?:geo:|[A-Z]{2}-)")
"""Keys of places whose names may also be common words or surnames: GeoNames cities, ISO
subdivisions (``place:geo:728193``, ``place:US-CA``)."""
_ENDING_SET = frozenset(_ENDINGS)
_LONGEST = max(len(e) for e in _ENDINGS)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case-folded NFKC text with quotes, dashes and spaces unified, and words that mix
    look-alike Latin and Cyrillic letters in one script (``Бaйдън`` = ``Байдън``)."""
    plain = unmix(unicodedata.normalize("NFKC", text))
    return " ".join(plain.translate(_QUOTES).casefold().split())


# Polish and Czech case endings that change the consonant before them (after a vowel):
# Brexicie -> Brexit, Ameryce/Americe -> Amerik-, Ameryki -> Amerik-, Madrycie -> Madryt;
# Polish -sce for -ska and -ncie for -nt (Polsce -> Polsk-, Parlamencie -> Parlament-),
# -rcie and -pcie for -rt and -pt (Frankfurcie -> Frankfurt, Egipcie -> Egipt)
_ALTERNATIONS = (("ndzie", "nd"), ("dzie", "d"), ("ncie", "nt"), ("szcie", "szt"),
                 ("ście", "st"), ("rcie", "rt"), ("pcie", "pt"), ("cie", "t"), ("rze", "r"),
                 ("yce", "yk"), ("ice", "ik"), ("sce", "sk"),
                 # Slovene puts j between a final r and an ending: Junckerja, premierju
                 ("rjem", "r"), ("rja", "r"), ("rju", "r"), ("rji", "r"))
_ANY_BEFORE = frozenset({"sce", "ncie", "ndzie", "szcie", "ście", "rcie", "pcie"})
_VOWEL_BEFORE = frozenset("aeiouyáéíóúůýě")


@lru_cache(maxsize=131072)
def stem_word(word: str) -> str:
    """``word`` (already folded) without its longest inflectional ending."""
    if len(word) <= _MIN_STEM or not word.isalpha():
        return word
    for ending, consonant in _ALTERNATIONS:
        if (word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM
                and (ending[0] in _VOWEL_BEFORE or word[-len(ending) - 1] in _VOWEL_BEFORE
                     or ending in _ANY_BEFORE)):
            return word[:-len(ending)] + consonant
    for size in range(min(_LONGEST, len(word) - _MIN_STEM), 0, -1):
        if word[-size:] in _ENDING_SET:
            return _hard_final(word[:-size])
    return _hard_final(word)


_SOFT_FINAL = str.maketrans("ńśćź", "nscz")


def _hard_final(stem: str) -> str:
    """A Polish stem's last soft consonant written plain, as before an ending: Białoruś and
    Białorusi, Poznań and Poznaniu share ``białorus``, ``poznan``."""
    return stem[:-1] + stem[-1].translate(_SOFT_FINAL) if stem else stem


# Endings of adjectives (Czech, Slovak, Polish, Slovene, Russian, Ukrainian, Bulgarian): a
# word with one shares its stem with a country (ruský/Rusko, британски/Британия) but is no name
_ADJECTIVE_ENDINGS = tuple(sorted({
    "ý", "á", "é", "ého", "ému", "ém", "ých", "ými", "ým",
    "skiego", "skiej", "skim", "skich", "skimi", "skie", "ckiego", "ckiej", "ckim", "ckich",
    "ckie", "skega", "skemu", "skem", "skih",
    "ский", "ская", "ское", "ские", "ского", "скому", "ским", "ских", "ской", "скую",
    "ський", "ська", "ське", "ські", "ського", "ському", "ським", "ських", "ській",
    "ският", "ската", "ското", "ските", "ския", "ски",
    "ый", "ые", "ого", "ому", "ых", "ыми",
}, key=len, reverse=True))


@lru_cache(maxsize=65536)
def looks_adjectival(text: str) -> bool:
    """Whether the last word of ``text`` ends like a Slavic adjective (``ruský``,
    ``британският``, ``rosyjskiego``): such a word must not find a name by its stem."""
    words = _WORD.findall(fold(text))
    return bool(words) and len(words[-1]) > 4 and words[-1].endswith(_ADJECTIVE_ENDINGS)


@lru_cache(maxsize=131072)
def adjective_stem_key(text: str) -> str:
    """A key for an adjective and a noun: a word that ends like an adjective loses that
    ending, any other its shortest one, so case forms meet where :func:`stem_word` cuts
    them unevenly (Czech ``Evropský parlament`` and ``Evropského parlamentu`` give
    ``evrop parlament``, where their stems are ``evropsk`` and ``evrop``; Russian
    ``Европейского совета`` gives ``европей совет``, not the ``сове`` of a Bulgarian
    article ending)."""
    out = []
    for word in _WORD.findall(fold(text)):
        if len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS):  # one C call for most words
            cut = next(e for e in _ADJECTIVE_ENDINGS if word.endswith(e))
            out.append(word[: -len(cut)])
        else:
            out.append(short_stem_word(word))
    return " ".join(out)


@lru_cache(maxsize=131072)
def short_stem_word(word: str) -> str:
    """``word`` without its *shortest* inflectional ending: a second guess where two endings
    overlap (Russian ``Брекзита`` is ``Брекзит`` + ``а``, not Bulgarian ``Брекзи`` + ``та``)."""
    if len(word) <= _MIN_STEM or not word.isalpha():
        return word
    for size in range(1, min(_LONGEST, len(word) - _MIN_STEM) + 1):
        if word[-size:] in _ENDING_SET:
            return word[:-size]
    return word


@lru_cache(maxsize=131072)
@lru_cache(maxsize=131072)
def short_stem_key(text: str) -> str:
    """Like :func:`stem_key`, with each word's shortest ending cut."""
    return " ".join(short_stem_word(w) for w in _WORD.findall(fold(text)))


@lru_cache(maxsize=131072)
def stem_key(text: str) -> str:
    """Folded text with each word stemmed: one key for the case forms of a name."""
    return " ".join(stem_word(w) for w in _WORD.findall(fold(text)))


@lru_cache(maxsize=1)
def _transliterator() -> Any:
    try:
        import icu
    except ImportError:  # without PyICU only Latin scripts fold; others keep no Latin key
        return None
    return icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")


@lru_cache(maxsize=131072)
def latin(text: str) -> str:
    """ASCII Latin transliteration, lower case, letters, digits and spaces only."""
    tr = _transliterator()
    out = tr.transliterate(text) if tr is not None else text
    out = unicodedata.normalize("NFKD", out).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]", "", out.replace("-", " ")).split())


@lru_cache(maxsize=1)
def _cyrillic_bgn() -> Any:
    try:
        import icu
    except ImportError:
        return None
    return icu.Transliterator.createInstance("Russian-Latin/BGN; Latin-ASCII")


_CYRILLIC = re.compile("[\u0400-\u04ff]")


@lru_cache(maxsize=1)
def _ukrainian_bgn() -> Any:
    try:
        import icu
    except ImportError:
        return None
    return icu.Transliterator.createInstance("Ukrainian-Latin/BGN; Latin-ASCII")


def ukrainian_latin(text: str) -> str:
    """The BGN/PCGN romanisation of Ukrainian (``Дмитро`` -> ``dmytro``, ``Олександр`` ->
    ``oleksandr``), lower-cased: how Latin-script news writes Ukrainian names (without
    PyICU, :func:`latin`)."""
    tr = _ukrainian_bgn()
    return latin(text) if tr is None else str(tr.transliterate(text)).lower()


_POLISH_LETTERS = (("cz", "c"), ("sz", "s"), ("rz", "z"), ("w", "v"))
_POLISH_MARKS = re.compile("[ąęłńśźżćó]")


def iotated_latin(text: str) -> str:
    """:func:`latin`, with a word's first я, ю, є, ї written ja, ju, je, ji, as Slavic Latin
    spellings have them (``Яцек`` -> ``jacek``, ``Юлия`` -> ``julija``), where ICU writes a
    bare vowel (``acek``)."""
    return latin(_IOTATED_START.sub(lambda m: _IOTATED[m.group(0)], text))


def _slavic_latin(text: str) -> str | None:
    """One spelling for Slavic names across scripts, Czech-like: Cyrillic with a word's
    first я, ю, є, ї as ja, ju, je, ji (``Яцек`` -> ``jacek``, where ICU writes ``acek``),
    Polish with its digraphs as single letters (``Czaputowicz`` -> ``caputovic``, as
    ``Чапутович`` gives). None where it adds nothing to :func:`latin`."""
    if _CYRILLIC.search(text):
        return iotated_latin(text) if _IOTATED_START.search(text) else None
    folded = text.casefold()
    if not _POLISH_MARKS.search(folded) and not any(d in folded for d, _ in _POLISH_LETTERS):
        return None
    out = latin(text)
    for digraph, single in _POLISH_LETTERS:
        out = out.replace(digraph, single)
    return out


@lru_cache(maxsize=131072)
def latin_forms(text: str) -> tuple[str, ...]:
    """``latin(text)`` and, for Cyrillic, the BGN/PCGN romanisation too, which is nearer to
    English spellings (``Шольц``: ``solc`` and ``sholts``; ``Зеленский``: ``zelenskiy``),
    and a Czech-like Slavic spelling where it differs (:func:`_slavic_latin`: ``Яцек
    Чапутович`` and ``Jacek Czaputowicz`` both give ``jacek caputovic``)."""
    forms = [latin(text)]
    tr = _cyrillic_bgn() if _CYRILLIC.search(text) else None
    if tr is not None:
        out = unicodedata.normalize("NFKD", tr.transliterate(text)).encode("ascii", "ignore")
        forms.append(" ".join(re.sub(r"[^a-z0-9 ]", "",
                                     out.decode().lower().replace("-", " ")).split()))
    slavic = _slavic_latin(text)
    if slavic is not None:
        forms.append(slavic)
    return tuple(dict.fromkeys(forms))


_DIGRAPHS = (("tsch", "c"), ("ph", "f"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"),
             ("dzh", "j"), ("dz", "j"), ("zh", "z"), ("ts", "c"), ("tz", "c"), ("th", "t"),
             ("ck", "k"), ("dj", "j"), ("gh", "g"), ("q", "k"), ("x", "ks"), ("w", "v"),
             ("f", "v"), ("z", "c"), ("ou", "u"))
_GLIDE_J = re.compile(r"(?<=[aeiouy])j")
_INNER_H = re.compile(r"(?<=.)h")
_Y_GLIDE = re.compile(r"\b[Yy](?=[aeiou])")
"""A Latin y before a vowel opening a word is the glide j: Yanukovych = Янукович, Yulia = Юлия."""
_IOTATED = {"Я": "Ja", "я": "ja", "Ю": "Ju", "ю": "ju", "Є": "Je", "є": "je", "Ї": "Ji",
            "ї": "ji"}
_IOTATED_START = re.compile(r"\b[ЯяЮюЄєЇї]")
_HARD_C = re.compile(r"[cC](?=[aoulrAOULR])")
"""A plain Latin c before a, o, u, l, r is said k (Macron = Макрон, Cameron = Камерън); not
one transliterated from ц or made from z, ts, č (Цукерберг = Zuckerberg, Čaputová)."""


@lru_cache(maxsize=131072)
def skeleton_word(word: str, script: str = "latin") -> str:
    """Consonant skeleton of one ASCII word: ``scholz`` -> ``slc``.

    ``script`` is the script the word was transliterated from: for ``arabic``
    the letters w and y between others stand for vowels; for ``cjk`` r and l
    are one sound.
    """
    w = word
    if script == "arabic":
        w = w[:1] + re.sub(r"[wy]", "", w[1:])
    for digraph, single in _DIGRAPHS:
        w = w.replace(digraph, single)
    if script == "cjk":
        w = w.replace("r", "l")
    w = _INNER_H.sub("", _GLIDE_J.sub("", w))  # Bajden = Biden, Johnson = Dzonsn
    if w.endswith("ier") and len(w) > 5:
        w = w[:-1]  # French -ier is said -ié: Barnier = Барние, Барнье
    w = w.replace("c", "s")  # Scholz = Шольц (ts), Theresa = Тереза (z): one sibilant
    w = _VOWELS.sub("", w[1:]) if w[:1] in "aeiouy" else w[:1] + _VOWELS.sub("", w[1:])
    w = re.sub(r"(.)\1+", r"\1", w)
    return w[:5]


def script_of(text: str) -> str:
    """``arabic``, ``cjk`` (Han, kana, Hangul) or ``latin`` (all else), by the first letter."""
    for ch in text:
        if ch.isalpha():
            code = ord(ch)
            if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
                return "arabic"
            if 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF:
                return "cjk"
            return "latin"
    return "latin"


_NAME_SEPARATORS = re.compile(r"[·・•‧\-\s]+")


def writing_script(text: str) -> str:
    """:func:`script_of` with Cyrillic told from Latin (``cyrillic``), for questions of
    which alphabet a name is written in (skeletons treat the two as one)."""
    script = script_of(text)
    return "cyrillic" if script == "latin" and _CYRILLIC.search(text) else script


def skeleton(text: str) -> str:
    """Skeleton key of a name: one consonant skeleton per word, joined by spaces."""
    script = script_of(text)
    if script == "cjk":  # ICU spaces syllables: join them back within each word
        words = ["".join(latin(part).split()) for part in _NAME_SEPARATORS.split(text)]
    else:
        if script == "latin" and text.isascii():
            text = _HARD_C.sub("k", text)
            text = _Y_GLIDE.sub(lambda m: "J" if m.group(0) == "Y" else "j", text)
        else:  # ICU writes a word's first я, ю as a, u: Юнкер = Juncker, Ярослав = Jaroslav
            text = _IOTATED_START.sub(lambda m: _IOTATED[m.group(0)], text)
        words = latin(text).split()
    parts = [skeleton_word(w, script) for w in words if w]
    return " ".join(p for p in parts if p)


# Possessive adjectives of surnames in Czech, Slovak and Slovene (``Tuskova`` vláda,
# ``Barnierův`` plán, ``Mayeve`` vlade, Slovene ``Junckerjevih``), and the Czech dative
# ``-ovi`` of a surname ending in a vowel (``Farageovi``), with their case endings.
_POSSESSIVE_ENDINGS = tuple(sorted({
    *(f"{stem}{case}" for stem in ("ov", "ev", "jev")
      for case in ("", "a", "e", "i", "o", "u", "y", "ě", "ih", "im", "ima", "ega", "emu", "em",
                   "ou", "ých", "ým", "ými")),
    "ův",
}, key=len, reverse=True))
_FLEETING_E = re.compile(r"[bcčdfghklmnprsštvzž][lrkn]$")


@lru_cache(maxsize=65536)
def possessive_bases(word: str) -> tuple[str, ...]:
    """The surnames a Latin-script possessive adjective may be made from (folded):
    ``Tuskova`` -> ``tusk``; ``Merklova`` -> ``merkl``, ``merkel`` (the e of Merkel
    drops); ``Junckerjevih`` -> ``juncker``. Empty when ``word`` has no such ending."""
    folded = fold(word)
    if not folded.isalpha() or any(ord(ch) > 0x24F for ch in folded):  # Latin letters only
        return ()
    for ending in _POSSESSIVE_ENDINGS:
        base = folded[: -len(ending)]
        if folded.endswith(ending) and len(base) >= 3:
            if _FLEETING_E.search(base):
                return base, f"{base[:-1]}e{base[-1]}"
            return (base,)
    return ()


def split_words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists are written as one string)."""
    return frozenset(text.split())


__all__ = [
    "MINOR_PLACE",
    "adjective_stem_key",
    "fold",
    "iotated_latin",
    "latin",
    "latin_forms",
    "looks_adjectival",
    "possessive_bases",
    "script_of",
    "short_stem_key",
    "skeleton",
    "skeleton_word",
    "split_words",
    "stem_key",
    "stem_word",
    "writing_script",
]
