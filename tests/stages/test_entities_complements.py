"""A Slavic institution's name goes on in lower case after its head (``Úřadu pro
rozpočtovou zodpovědnost``): how far, and where it stops."""

import pytest

from babelwire.stages.entities_complements import complement, complement_head
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder
from babelwire.stages.entities_tokens import tokens_of


def _after(doc: str, head: str, lang: str) -> str:
    """The complement :func:`complement` finds after the word ``head`` of ``doc``."""
    toks = tokens_of(doc, lang)
    j = next(i for i, t in enumerate(toks) if t.text == head) + 1
    count = complement(doc, toks, j, lang)
    return doc[toks[j].start : toks[j + count - 1].end] if count else ""


@pytest.mark.parametrize(("doc", "head", "lang", "words"), [
    ("Podle Úřadu pro rozpočtovou zodpovědnost v roce 2021 poroste.", "Úřadu", "cs",
     "pro rozpočtovou zodpovědnost"),
    ("Lékař ze Společnosti všeobecného lékařství řekl, že ne.", "Společnosti", "cs",
     "všeobecného lékařství"),  # the verb ends it
    ("Lékař ze Společnosti všeobecného lékařství. Riziko roste.", "Společnosti", "cs",
     "všeobecného lékařství"),  # the sentence ends it
    ("Mednarodna agencija za energijo (IEA) napoveduje rast.", "agencija", "sl",
     "za energijo"),
    ("Представителите на Агенция по заетостта по места казаха.", "Агенция", "bg",
     "по заетостта"),  # a noun with its article ends a Bulgarian name
    ("Министерство на националната хармония обеща помощ.", "Министерство", "bg",
     "на националната хармония"),
    ("Министерството на труда и социалната политика предложи.", "Министерството", "bg",
     "на труда и социалната политика"),
    # the noun after an adjective with its article, though it ends like a verb (работи)
    ("Съобщава Министерство на външните работи днес.", "Министерство", "bg",
     "на външните работи"),
    ("Двух работников Национальной системы здравоохранения (NHS) уволили.", "системы",
     "ru", "здравоохранения"),
    ("Верховный суд страны отклонил жалобу.", "суд", "ru", ""),  # "of the country"
    ("Союза должны договориться.", "Союза", "ru", ""),  # a modal verb
    ("Agenciji za medicinske vede prof. dr. Gregor je dejal.", "Agenciji", "sl",
     "za medicinske vede"),  # an abbreviation is no word of the name
    ("Komise v Bruselu rozhodla.", "Komise", "cs", ""),  # v starts what is said of it
])
def test_the_complement_stops_where_the_name_does(doc, head, lang, words):
    assert _after(doc, head, lang) == words


@pytest.mark.parametrize(("doc", "lang", "text"), [
    ("HDP má být podle Úřadu pro rozpočtovou zodpovědnost v roce 2021 vyšší.", "cs",
     "Úřadu pro rozpočtovou zodpovědnost"),
    ("Mednarodna agencija za energijo (IEA) zdaj napoveduje rast.", "sl",
     "Mednarodna agencija za energijo"),
    ("Това се случи на заседание на Съвета по общи въпроси, който заседава.", "bg",
     "Съвета по общи въпроси"),
    ("Микола Капітоненко, Міжнародний центр перспективних досліджень, сказав.", "uk",
     "Міжнародний центр перспективних досліджень"),
    ("Он работал в Балтийском колледже обороны в Тарту.", "ru",
     "Балтийском колледже обороны"),
    ("В журнале Королевского научного общества появилось слово.", "ru",
     "Королевского научного общества"),
    ("V raziskavi Združenja nemških gospodarskih zbornic, v kateri je sodelovalo.", "sl",
     "Združenja nemških gospodarskih zbornic"),
])
def test_an_institution_written_in_sentence_case_is_one_organisation(doc, lang, text):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert (text, "organisation") in [(m.text, m.kind) for m in found]


@pytest.mark.parametrize(("doc", "lang", "text"), [
    ("Европейския съюз на втората годишнина от референдума.", "bg", "Европейския съюз"),
    ("Kancléřka Merkelová nové vládě poděkovala.", "cs", "Merkelová"),
])
def test_a_known_name_or_a_surname_takes_no_complement(doc, lang, text):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert text in [m.text for m in found]


def test_a_head_that_needs_a_complement_names_nothing_alone():
    assert complement_head("центр") and complement_head("общества")
    assert not complement_head("центр", alone=True)  # a town's centre
    assert complement_head("združenja", alone=True)
    found = CasedMentionFinder(default_gazetteer()).find("Он приехал в Центр города.", "ru")
    assert not any(m.kind == "organisation" for m in found)
