"""Nationality nouns (demonyms) that name a country's people: ``Brytyjczycy``, ``Němci``,
``американцы``. As in the BSNLP annotation guidelines they are mentions of people that
link to the country (``place:GB``), so the linker joins them to the country's entity.

Only nouns: adjectives (``британский``, ``německý``) are not mentions. Forms that are
also a country or a common word are left out (Polish ``Niemcy`` is Germany and the
Germans, ``Włoch`` a genitive of ``Włochy``; Russian ``Чехов`` is a writer). Nominative
and genitive plurals and the singular are listed; the gazetteer's stems find the other
case forms. Russian, Ukrainian and Bulgarian write them in lower case: those are looked
up word by word like other lower-case names.
"""

from __future__ import annotations

from babelwire.stages.entities_keys import split_words

# country code -> space-separated forms in en, pl, cs, sk, sl, ru, uk, bg
DEMONYMS: tuple[tuple[str, str], ...] = (
    ("GB", "Britons Brits Brytyjczycy Brytyjczyków Brytyjczyk Britové Britů Britanci "
           "Britancev Britanec британцы британцев британец британці британців британець "
           "британци британците"),
    ("US", "Americans Amerykanie Amerykanów Amerykanin Američané Američanů Američan Američania "
           "Američanov Američani американцы американцев американец американці американців "
           "американець американци американците"),
    ("DE", "Germans Niemców Němci Němců Nemci Nemcev Nemec немцы немцев немец німці німців "
           "німець германци германците германец"),
    ("FR", "Francuzi Francuzów Francuz Francouzi Francouzů Francouz Francúzi Francúzov "
           "Francozi Francozov Francoz французы французов француз французи французів "
           "французите французин"),
    ("RU", "Russians Rosjanie Rosjan Rosjanin Rusové Rusů Rusi Rusov россияне россиян "
           "россиянин росіяни росіян росіянин руснаци руснаците руснак"),
    ("UA", "Ukrainians Ukraińcy Ukraińców Ukrainiec Ukrajinci Ukrajinců Ukrajinec Ukrajincev "
           "украинцы украинцев украинец українці українців українець украинци украинците"),
    ("PL", "Polacy Polaków Polak Poláci Poláků Polák Poliaci Poliakov Poljaki Poljakov Poljak "
           "поляки поляков поляків поляци поляците"),
    ("CN", "Chińczycy Chińczyków Chińczyk Číňané Číňanů Číňan Číňania Kitajci Kitajcev "
           "Kitajec китайцы китайцев китаец китайці китайців китаєць китайци китайците"),
    ("IE", "Irlandczycy Irlandczyków Irlandczyk Irci Ircev Irec ирландцы ирландцев ирландец "
           "ірландці ірландців ірландець ирландци ирландците"),
    ("IT", "Italians Włosi Włochów Italové Italů Talijani Italijani Italijanov "
           "итальянцы итальянцев итальянец італійці італійців италианци италианците"),
)


def demonym_forms() -> list[tuple[str, str]]:
    """(form, country code) for every listed nationality noun."""
    return [(form, code) for code, forms in DEMONYMS for form in sorted(split_words(forms))]


__all__ = ["DEMONYMS", "demonym_forms"]
