"""One article's mentions grouped into the names they share, and comparisons of
person-name parts (surnames across case forms, first names across scripts).

Within an article, mentions with one stem are one group; a lone surname joins the
person named in full (``Шольца`` -> ``Олаф Шольц``), and so does a lone first name
when only one person named in full has it (``Бориса`` -> ``Борис Джонсон``).
:class:`~babelwire.stages.entities_linking.EntityLinker` then links each group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio as _ratio

from babelwire.stages.entities_keys import (
    fold,
    iotated_latin,
    possessive_bases,
    script_of,
    skeleton_word,
    stem_key,
    stem_word,
    writing_script,
)
from babelwire.stages.entities_records import Mention


@dataclass
class Group:
    kind: str
    mentions: list[Mention]
    canonical: str | None = None

    @property
    def longest(self) -> str:
        """The fullest name of the group: its base form when known."""
        return max((m.lemma or m.text for m in self.mentions),
                   key=lambda t: (len(t.split()), len(t)))

    @property
    def forms(self) -> set[str]:
        return {m.text for m in self.mentions} | {m.lemma for m in self.mentions if m.lemma}


_WORDS = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


PATRONYMIC_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ів|їв|ov|ev|ow|ew)$")
"""A Slavic surname's suffix (Медведев, Лавров, Ławrow): the stemmer takes it for an
ending, so the nominative's stem (медвед) and the genitive's (Медведева: медведев) differ."""


_FLEETING_E = re.compile(r"[^aeiouyáéíóúůýěаеиоуыэюяіїє][eе][kcкц]$")
"""A surname whose last e drops in the other cases (Czech, Polish, Slovak, Russian,
Ukrainian: ``Havlíček``, ``Havlíčka``; ``Kaczorek``, ``Kaczorka``; ``Кравец``, ``Кравца``)."""


def surname_key(word: str) -> str:
    """The key a surname is grouped and indexed by, the same in every case form:
    ``Медведев``, ``Медведева``, ``Медведеву`` -> ``медвед``; ``Johnsona`` -> ``johnson``."""
    stem = stem_word(fold(word))
    if len(stem) > 5 and PATRONYMIC_SURNAME.search(stem):
        return stem[:-2]
    if len(stem) > 4 and _FLEETING_E.search(stem):
        return stem[:-2] + stem[-1]  # Havlíček, Havlíčka: havlíčk
    return stem


def group_mentions(mentions: Sequence[Mention]) -> list[Group]:
    """Mentions of one article grouped: by canonical key, by stem, lone surnames to full names."""
    groups: dict[tuple[str, str], Group] = {}
    for m in mentions:
        key = (m.kind, m.canonical or stem_key(m.lemma or m.text))
        group = groups.get(key)
        if group is None:
            groups[key] = group = Group(m.kind, [], m.canonical)
        group.mentions.append(m)
    surnames: dict[str, Group] = {}
    firsts: dict[str, list[Group]] = {}
    for (kind, _key), group in groups.items():
        if kind == "person":  # a full name the table knows too: Дейвид Дейвис ... Дейвис
            words = words_of(group.longest)
            if len(words) > 1:
                surname = surname_key(words[-1])
                held = surnames.get(surname)
                if held is None or (held.canonical is None and group.canonical is not None):
                    surnames[surname] = group  # the known person before a run: Виена Дейвис
                firsts.setdefault(stem_word(words[0]), []).append(group)
    merged: list[Group] = []
    for (kind, group_key), group in groups.items():
        if kind == "person" and group.canonical is None and " " not in group_key:
            lone = words_of(group.longest)  # keyed as written: Pompeo's stem is no surname
            full = (surnames.get(surname_key(lone[0]) if len(lone) == 1 else "")
                    or surnames.get(surname_key(group_key)) or next(  # Tuskova: Donald Tusk's
                        (surnames[stem] for stem in map(surname_key,
                                                        possessive_bases(group.longest))
                         if stem in surnames), None))
            if full is None and len(firsts.get(group_key, ())) == 1:
                full = firsts[group_key][0]  # Бориса alone: Борис Джонсон's, the only Борис
            if full is not None and full is not group:
                full.mentions.extend(group.mentions)
                continue
        merged.append(group)
    return merged


def is_acronym(text: str) -> bool:
    """A short name written in capitals (``PiS`` too): ``ACS``, ``ЕС``, ``CSU``."""
    letters = [ch for ch in text if ch.isalpha()]
    return (0 < len(letters) <= 6 and " " not in text.strip()
            and sum(ch.isupper() for ch in letters) >= max(2, len(letters) - 1))


def first_names(texts: Iterable[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """The first names of the full names among (text, lang) spellings, each as (key, Latin
    form, script); the key is the first two letters of its consonant skeleton."""
    out = set()
    for text, _lang in texts:
        words = iotated_latin(text).split()  # Яцек: jacek, as Jacek (ICU writes acek)
        if len(words) > 1:
            script = writing_script(text)
            out.add((skeleton_word(words[0], script_of(text))[:2], words[0], script))
    return out


def first_names_agree(mine: AbstractSet[tuple[str, str, str]],
                       theirs: AbstractSet[tuple[str, str, str]]) -> bool:
    """Whether two people's first names can be one name (either unknown counts as yes):
    the same skeleton key (``Joe`` = ``Джо``, not ``Jill``), or, across scripts, the same
    first letter and Latin forms at least half alike, as a sound-by-sound spelling makes
    them (``Michael`` = ``Майкл`` = ``majkl``; French ``Jean`` = ``Жан`` = ``zan``)."""
    if not mine or not theirs:
        return True
    if {key for key, _form, _script in mine} & {key for key, _form, _script in theirs}:
        return True
    return any(a_script != b_script and _initial(a) == _initial(b) and _ratio(a, b) >= 50
               for _k, a, a_script in mine for _l, b, b_script in theirs)


def _initial(form: str) -> str:
    """A first name's first letter, with z as j (Жан = zan, Jean)."""
    return "j" if form[:1] == "z" else form[:1]


__all__ = ["PATRONYMIC_SURNAME", "Group", "first_names", "first_names_agree", "group_mentions",
           "is_acronym", "surname_key", "words_of"]
