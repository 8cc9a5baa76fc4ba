"""Where a cased-script mention starts and ends, and which runs a learned gazetteer leaves out."""

import pytest

from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder, mention_texts, tokens_of
from babelwire.stages.entities_shapes import looks_like_person
from babelwire.stages.entities_tokens import Span, Token


def _gazetteer(*forms: tuple[str, str, str]) -> Gazetteer:
    gaz = Gazetteer()
    for form, kind, canonical in forms:
        gaz.add(form, GazetteerEntry(kind, canonical, form))
    return gaz


def _texts(gaz: Gazetteer, doc: str, lang: str) -> list[str]:
    return [text for text, _kind in mention_texts(CasedMentionFinder(gaz).find(doc, lang))]


def test_a_known_name_that_starts_in_lower_case_is_matched_word_for_word():
    gaz = _gazetteer(("коллегия выборщиков", "organisation", "learned:ORG-EC"),
                     ("západní Evropy", "place", "learned:LOC-WE"))
    found = CasedMentionFinder(gaz).find("Вчера собралась коллегия выборщиков штата.", "ru")
    assert [(m.text, m.kind, m.canonical) for m in found] == [
        ("коллегия выборщиков", "organisation", "learned:ORG-EC")]
    # the capitalised word inside the phrase makes no mention of its own
    assert _texts(gaz, "Tak je to v zemích západní Evropy obvyklé.", "cs") == ["západní Evropy"]


def test_quotes_belong_to_a_name_the_gazetteer_knows_with_them():
    gaz = _gazetteer(("«Спутник V»", "product", "learned:PRO-Sputnik"),
                     ("Спутник V", "product", "learned:PRO-Sputnik"))
    # the run also crosses from Cyrillic to Latin, because the gazetteer knows the whole name
    found = CasedMentionFinder(gaz).find("Вакцина «Спутник V» зарегистрирована.", "ru")
    assert [(m.text, m.start) for m in found] == [("«Спутник V»", 8)]
    # without the quoted form the quotes stay outside, except around a Russian product
    plain = _gazetteer(("Спутник V", "product", "learned:PRO-Sputnik"),
                       ("Газпром", "organisation", "learned:ORG-Gazprom"))
    assert _texts(plain, "Вакцина «Спутник V» зареєстрована.", "uk") == ["Спутник V"]
    assert _texts(plain, "Вакцина «Спутник V» зарегистрирована.", "ru") == ["«Спутник V»"]
    assert _texts(plain, "Компания «Газпром» заявила.", "ru") == ["Газпром"]


def test_a_known_name_takes_a_number_after_a_spaced_dash():
    gaz = _gazetteer(("Северный поток-2", "product", "learned:PRO-NS2"),
                     ("Северный поток", "product", "learned:PRO-NS1"))
    found = CasedMentionFinder(gaz).find("Газопровод Северный поток - 2 готов.", "ru")
    assert [(m.text, m.canonical) for m in found] == [("Северный поток - 2", "learned:PRO-NS2")]
    # a dash and a number the gazetteer does not know with the name stay outside
    assert _texts(gaz, "Северный поток - 7 раз.", "ru") == ["Северный поток"]


def test_a_number_after_the_closing_quote_belongs_to_a_known_numbered_name():
    gaz = _gazetteer(("Северен поток-2", "product", "learned:PRO-NS2"),
                     ("Северен поток", "product", "learned:PRO-NS1"))
    found = CasedMentionFinder(gaz).find('Санкциите не спират "Северен поток" 2 днес.', "bg")
    assert [(m.text, m.canonical) for m in found] == [('"Северен поток" 2', "learned:PRO-NS2")]
    assert _texts(gaz, 'По "Северен поток" 15 пъти повече газ.', "bg") == ["Северен поток"]


def test_slovene_adjective_case_forms_find_a_known_name():
    found = CasedMentionFinder(default_gazetteer()).find(
        "Članice EU glede Severnega toka 2 dosegle dogovor.", "sl")
    assert [(m.text, m.canonical) for m in found][-1] == (
        "Severnega toka 2", "product:nord-stream-2")


def test_a_known_name_goes_on_after_its_number():
    gaz = _gazetteer(("Nord Stream 2", "product", "learned:PRO-NS2"),
                     ("Nord Stream 2 AG", "organisation", "learned:ORG-NS2AG"))
    assert _texts(gaz, "Jak podała spółka Nord Stream 2 AG, gazociąg jest gotowy.", "pl") == [
        "Nord Stream 2 AG"]
    # a number before a full stop is still a word of the name
    assert _texts(gaz, "Wszyscy mówią o budowie Nord Stream 2. Potem o cenach.", "pl") == [
        "Nord Stream 2"]


def test_slavic_case_endings_after_an_apostrophe_stay_with_the_name():
    gaz = Gazetteer()
    assert "Jean-Claude'a Junckera" in _texts(
        gaz, "Rozmawiali z przewodniczącym, czyli z Jean-Claude'a Junckera kolegą.", "pl")
    # an English possessive is still cut off
    assert tokens_of("Germany's plan", "en")[0].text == "Germany"


def test_slavic_heads_join_a_run_only_after_an_adjective():
    gaz = _gazetteer(("Дума", "organisation", "learned:ORG-Duma"))
    # "По думите й" (in her words): the preposition opening the sentence is no name
    assert _texts(gaz, "Тя е лекар. По думите й ваксината е безопасна.", "bg") == []
    assert _texts(gaz, "Законопроект внесен в Государственная дума вчера.", "ru") == [
        "Государственная дума"]
    assert _texts(Gazetteer(), "Пожары в Волгоградской области потушены.", "ru") == [
        "Волгоградской области"]


def test_a_full_stop_glued_to_the_next_sentence_ends_a_name():
    assert [t.text for t in tokens_of("Тереза Мей.Срещата", "bg")] == [
        "Тереза", "Мей", "Срещата"]
    # abbreviations and addresses stay whole
    assert [t.text for t in tokens_of("U.S. kp.ru TÝDEN.CZ", "en")] == [
        "U.S.", "kp.ru", "TÝDEN.CZ"]
    found = _texts(Gazetteer(), "Разговаря с Тереза Мей.Срещата беше дълга.", "bg")
    assert "Тереза Мей" in found and not any("Срещата" in t for t in found)


def test_a_known_place_leading_a_longer_run_is_cut_off():
    found = CasedMentionFinder(default_gazetteer()).find(
        "Кметът на Парижа Анн Идальго каза това.", "bg")
    assert [(m.text, m.kind) for m in found] == [("Парижа", "place"), ("Анн Идальго", "person")]


def test_a_lower_case_word_needs_its_very_form_in_the_gazetteer():
    gaz = _gazetteer(("американских", "place", "place:US"))
    assert _texts(gaz, "Отряды американских солдат ушли.", "ru") == ["американских"]
    # the Bulgarian adjective shares the stem, not the form
    assert _texts(gaz, "Отрядите на американски войници се изтеглиха.", "bg") == []


def test_no_stem_lookup_on_a_stem_shorter_than_four_letters():
    gaz = _gazetteer(("Mamou", "place", "place:GN-M"), ("Германия", "place", "place:DE"))
    assert gaz.lookup("Mamy", "pl") is None  # "we have"
    assert gaz.lookup("Германии", "ru").canonical == "place:DE"


@pytest.mark.parametrize(("learned", "expected"), [
    (False, ["ČEZ", "Britský ministr"]),  # VAT is a common noun's acronym either way
    (True, []),
])
def test_a_learned_gazetteer_types_no_organisation_by_shape_alone(learned, expected):
    gaz = Gazetteer()
    gaz.learned = learned
    doc = "Vláda prodá ČEZ a zvýší VAT. Podle slov politika Britský ministr odstoupil."
    assert _texts(gaz, doc, "cs") == expected


def test_common_words_opening_a_sentence_are_no_names():
    gaz = _gazetteer(("Лондон", "place", "place:city:Europe/London"))
    doc = "Переговоры идут. Если Лондон согласится, сделка будет."
    # a word before a name the gazetteer knows is dropped even where no list calls it common
    assert _texts(gaz, doc, "ru") == ["Лондон"]
    gaz.common_words = frozenset({"если"})
    assert _texts(gaz, doc, "ru") == ["Лондон"]
    # a known name that opens a sentence keeps its first word
    gaz.add("Если Лондон", GazetteerEntry("product", "learned:PRO-X", "Если Лондон"))
    assert _texts(gaz, doc, "ru") == ["Если Лондон"]
    # a GeoNames city's alternate name (Dali: Дали) keeps no common word opening a sentence
    gaz = _gazetteer(("Дали", "place", "place:geo:1814093"))
    doc = "Тя не знае. Дали ще дойде, не е ясно."
    assert _texts(gaz, doc, "bg") == ["Дали"]
    gaz.common_words = frozenset({"дали"})
    assert _texts(gaz, doc, "bg") == []


def test_a_company_legal_form_after_a_known_name_makes_an_organisation():
    gaz = _gazetteer(("Nord Stream 2", "product", "product:nord-stream-2"))
    found = CasedMentionFinder(gaz).find("Spór z Nord Stream 2 AG trwa.", "pl")
    assert [(m.text, m.kind) for m in found] == [("Nord Stream 2 AG", "organisation")]


def test_a_known_name_after_a_leading_word_is_cut_from_it_across_a_number():
    gaz = _gazetteer(("Nord Stream 2", "product", "product:nord-stream-2"))
    # the run starts with a capitalised common word; the known name still grows over its number
    assert _texts(gaz, "Akcje Nord Stream 2 spadły.", "pl") == ["Nord Stream 2"]
    # a lower-case head after an adjective is never cut off as a name of its own
    komory = _gazetteer(("Komory", "place", "place:KM"))
    assert _texts(komory, "Podle ní Hospodářská komora to řekla.", "cs") == [
        "Hospodářská komora"]


def test_organisation_heads_after_adjectives_in_russian_bulgarian_and_slovene():
    gaz = Gazetteer()
    found = {m.text: m.kind for doc, lang in (
        ("Председатель Восточного комитета сказал.", "ru"),  # комитета: комитет + а
        ("Според Европейския съд решението е вярно.", "bg"),
        ("Po mnenju Evropske komisije je to dobro.", "sl"))
        for m in CasedMentionFinder(gaz).find(doc, lang)}
    assert found == {"Восточного комитета": "organisation", "Европейския съд": "organisation",
                     "Evropske komisije": "organisation"}
    # an instrumental adjective; a head inside the run, not only at its ends
    assert mention_texts(CasedMentionFinder(gaz).find(
        "Она оправдана Верховным судом по делу.", "ru")) == [("Верховным судом", "organisation")]
    assert mention_texts(CasedMentionFinder(gaz).find(
        "Wczoraj Pakistański Sąd Najwyższy uniewinnił ją.", "pl")) == [
        ("Pakistański Sąd Najwyższy", "organisation")]


def test_a_person_named_after_an_organisation_is_cut_from_it():
    gaz = Gazetteer()
    found = {m.text: m.kind for doc, lang in (
        ("Natomiast szef Rady Europejskiej Donald Tusk zarekomendował.", "pl"),
        ("Predsednica Evropske komisije Ursula von der Leyen je rekla.", "sl"),
        ("Глава МИД Борис Джонсон заявил.", "ru"))
        for m in CasedMentionFinder(gaz).find(doc, lang)}
    assert found == {"Rady Europejskiej": "organisation", "Donald Tusk": "person",
                     "Evropske komisije": "organisation", "Ursula von der Leyen": "person",
                     "МИД": "organisation", "Борис Джонсон": "person"}
    # a name with particles after an organisation is cut off it too
    assert _texts(default_gazetteer(), "Председатель Еврокомиссии Урсула фон дер Ляйен заявила.",
                  "ru") == ["Еврокомиссии", "Урсула фон дер Ляйен"]
    # two capitalised words before a name and surname that end a run: the person is cut off,
    # and the rest is no second person by its shape alone
    assert _texts(gaz, "Lider Laburzystów Jeremy Corbyn i inne osoby.", "pl") == [
        "Jeremy Corbyn"]
    # an adjective before a given name is no organisation: nothing is cut
    assert _texts(gaz, "Wczoraj przemawiał Jarosław Kaczyński.", "pl") == ["Jarosław Kaczyński"]


def test_a_run_grows_over_a_lower_case_word_into_a_case_form_of_a_known_name():
    gaz = default_gazetteer()
    found = CasedMentionFinder(gaz).find("Vláda České republiky to schválila.", "cs")
    assert [(m.text, m.canonical) for m in found] == [("České republiky", "place:CZ")]
    found = CasedMentionFinder(gaz).find("Строительство Северного потока завершено.", "ru")
    assert [(m.text, m.kind) for m in found] == [("Северного потока", "product")]


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    ("Вчера Верховный суд Пакистана оправдал её.", "ru", ["Верховный суд Пакистана"]),
    ("Вчера Върховният съд на Пакистан я оправда.", "bg", ["Върховният съд на Пакистан"]),
    ("Вчера МИД Великобритании и Конгресс США заявили.", "ru",
     ["МИД Великобритании", "Конгресс США"]),
    # an organisation with a key of its own next to a country is a list, not one name
    ("Negocjacje UE Wielka Brytania trwają.", "pl", ["UE", "Wielka Brytania"]),
])
def test_an_institution_named_with_its_country_is_one_organisation(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    # an acronym glued to a lower-case word by a hyphen is the name
    ("Закупили 100 мільйонів доз COVID-вакцини для людей.", "uk", ["COVID"]),
    # a name glued by a hyphen to a common noun in another script is the name
    ("В своём Telegram-канале он написал.", "ru", ["Telegram"]),
    # a company's legal form stays with the known name before it
    ("Vlastníkem plynovodu je Nord Stream AG podle rejstříku.", "cs", ["Nord Stream AG"]),
    # Bulgarian на is "of" as often as "on": no place by that cue alone
    ("Заради напускането на Съюза, информира агенцията.", "bg", []),
    # a four-letter city's alternate name finds no case forms (Durg's "Drug": Polish drugi)
    ("W sumie w 140 państwach. Drugi to sfinalizowanie transakcji.", "pl", []),
    # mass-media acronyms are no organisations
    ("По данным СМИ, речь идет о предоставлении убежища.", "ru", []),
    # Czech genitive plural -ů, Slovene adjective genitive -ega
    ("Vztahy Spojených států a Číny.", "cs", ["Spojených států", "Číny"]),
    ("Včera volili občané Severního Irska.", "cs", ["Severního Irska"]),  # soft adjective -ího
    # acronyms of common nouns and currency codes are no organisations
    ("Lani je rast BDP bila 2 odstotka, tečaj USD pa je padel.", "sl", []),
    ("Ръстът на БВП е 2 процента, а вирусът се свързва с рецептора АСЕ2.", "bg", []),
    # a sentence's first word is no GeoNames town by its stem (Sochi)
    ("Sochy na náměstí stojí dál.", "cs", []),
    ("Równie trudno dziś przewidzieć wynik.", "pl", []),
    # a region's case form may open a sentence: Slavic word order puts objects first
    # (and the Democrats, in an article about an American state, are their party's members)
    ("Pensylwanię wygrał kandydat demokratów.", "pl", ["Pensylwanię", "demokratów"]),
    # a title and a lower-case head after it leave no name (Szefowa is adjective-shaped)
    ("Szefowa rządu udzieliła wywiadu wczoraj.", "pl", []),
    # a run in capitals is a banner, no person by its shape
    ("Материал: ВИДИТЕ НЕЩО ЛЮБОПИТНО днес.", "bg", []),
    # a monarch's or pope's number belongs to the name, in any script
    ("Королева Елизавета II выступила.", "ru", ["Елизавета II"]),
    ("Papież Jan Paweł II odwiedził Kraków.", "pl", ["Jan Paweł II", "Kraków"]),
    # a Slovene -ski word is an adjective: Slovenski is of Slovenia, not Slovakia's Slovensko
    ("Slovenski škofje pripravili nova navodila.", "sl", []),
    # a run grows over a lower-case word into a longer known name that goes on in capitals
    ("Решение на Съда на Европейския съюз днес.", "bg", ["Съда на Европейския съюз"]),
])
def test_words_that_are_or_are_not_names(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


def test_a_given_name_opening_a_sentence_before_a_known_surname_stays_in_the_name():
    """``Визит Шольца`` loses its noun, ``Памела Гелер`` keeps its given name."""
    found = CasedMentionFinder(default_gazetteer()).find(
        "Говори министър Памела Гелер.\n\nПамела Гелер: Какво се случи?", "bg")
    assert [m.text for m in found] == ["Памела Гелер", "Памела Гелер"]


def test_an_acronym_with_a_case_ending_after_a_title_is_no_person():
    found = CasedMentionFinder(default_gazetteer()).find(
        "На отставку главы британского МИДа уже начали реагировать лидеры.", "ru")
    assert all(m.kind != "person" for m in found)


@pytest.mark.parametrize(("doc", "lang", "key"), [
    ("Vlada je sprejela ukrepe, poroča dpa.", "sl", "org:dpa"),
    ("Vláda to oznámila (čtk).", "cs", "org:ctk"),
])
def test_news_agencies_credited_in_lower_case(doc, lang, key):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [(m.kind, m.canonical) for m in found] == [("organisation", key)]


def test_one_word_the_stream_writes_in_lower_case_is_no_person_by_its_ending():
    span = Span([Token(20, 27, "Острова")], sentence_start=False)
    assert looks_like_person(span, "Острова")  # a Slavic surname ending, mid-sentence
    assert not looks_like_person(span, "Острова", {"острова"})  # на Острова: the island


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    ("Według posła SLD Leszka Millera to błąd.", "pl",
     [("SLD", "organisation"), ("Leszka Millera", "person")]),
    ("Заявил представитель ИАТА Дэвид Пауэлл вчера.", "ru",
     [("ИАТА", "organisation"), ("Дэвид Пауэлл", "person")]),
    # an acronym before a company's own words stays in the name
    ("Letiště loni koupila HNA Airport Group.", "cs", [("HNA Airport Group", "organisation")]),
])
def test_an_acronym_before_a_full_name_is_cut_off(doc, lang, expected):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [(m.text, m.kind) for m in found] == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    ("Работа по сделката, съобщи Барние. Според него има риск.", "bg", ["Барние"]),
    ("Вчера Дейвис заяви, че ще обсъди въпроса.", "bg", ["Дейвис"]),
    ("Potem Janša je dejal, da bo vlada odstopila.", "sl", ["Janša"]),
    ("Министрите одобриха насоките, които представи г-н Барние.", "bg", ["Барние"]),
    # a common noun opening a sentence before a verb of saying is nobody's name
    ("To jest trudne. Profesor powiedział, że szczepionka działa.", "pl", []),
    # nor an unknown word next to some other verb
    ("Sondaż wykonany przez pracownię Survation pokazuje wiele.", "pl", []),
])
def test_a_lone_word_beside_a_verb_of_saying_is_a_person(doc, lang, expected):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [m.text for m in found if m.kind == "person"] == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    # an abbreviation inside a name does not end the run
    ("Eksport z Wlk. Brytanii spadł.", "pl", [("Wlk. Brytanii", "place:GB")]),
    # English connectors inside an English name in Slavic text
    ("Analityk z Center for European Reform to potwierdził.", "pl",
     [("Center for European Reform", None)]),
    # Czech -sko countries in the instrumental (the adjective's case is -ském)
    ("Hranice je mezi Norskem a Švédskem otevřená.", "cs",
     [("Norskem", "place:NO"), ("Švédskem", "place:SE")]),
    # a city whose e drops in its case forms
    ("Vlak je peljal proti Manchestru in Leedsu.", "sl",
     [("Manchestru", "place:geo:2643123"), ("Leedsu", "place:geo:2644688")]),
])
def test_name_boundaries_and_case_forms(doc, lang, expected):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [(m.text, m.canonical) for m in found] == expected


def test_a_country_adjective_takes_no_place_from_the_stream_or_the_document():
    from babelwire.stages.entities_stream import StreamNames

    stream = StreamNames()
    for _ in range(3):
        stream.learn("Irsko", "place")
    finder = CasedMentionFinder(default_gazetteer(), stream=stream)
    doc = "Letadla zůstala v Irsku. Irský dopravce čelí kritice odborů."
    assert [m.text for m in finder.find(doc, "cs")] == ["Irsku"]


def test_slovene_slovenska_is_no_slovakia():
    gaz = default_gazetteer()
    assert gaz.lookup("Slovenska", "cs").canonical == "place:SK"  # Czech: of Slovakia
    assert gaz.lookup("Slovenske", "sl") is None  # Slovene: Slovenian (adjective)
    assert gaz.lookup("Slovaškem", "sl").canonical == "place:SK"


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    ("Вчера фон дер Ляйен добавила, что план готов.", "ru", ["фон дер Ляйен"]),
    ("Podle von der Leyenové je to dobrý plán.", "cs", ["von der Leyenové"]),
    ("Obraz namalował van Gogh w Arles.", "pl", ["van Gogh", "Arles"]),
])
def test_a_surname_written_with_its_particles_keeps_them(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    # a name ending a clause, then a person in full
    ("Listu gratulacyjnego nie wysłał Putinowi Donald Tusk w poniedziałek.", "pl",
     ["Putinowi", "Donald Tusk"]),
    ("Spotkali się Jan Maria Rokita i inni.", "pl", ["Jan Maria Rokita"]),
    # after a title, a known event is still cut off the person
    ("Според британския министър за Брекзит Дейвид Дейвис Брекзит няма да има недостатъци.",
     "bg", ["Брекзит", "Дейвид Дейвис", "Брекзит"]),
    # a region after a name; a verb of saying opening a sentence
    ("Powiedział Refat Czubarow: dla Putina Krym to viagra.", "pl",
     ["Refat Czubarow", "Putina", "Krym"]),
    # a Slovene title with its j before the ending
    ("To je pomembno. Premierju Borisu Johnsonu se mudi.", "sl", ["Borisu Johnsonu"]),
])
def test_runs_cut_where_one_name_ends_and_another_begins(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    # a possessive of a surname the article names in full is the person
    ("Theresa May je rekla. Po besedah Mayeve vlade je to dobro.", "sl",
     ["Theresa May", "Mayeve"]),
    ("Donald Tusk řekl, že Tuskova vláda padla.", "cs", ["Donald Tusk", "Tuskova"]),
    # no full name: no person
    ("Po besedah Mayeve vlade je to dobro.", "sl", []),
])
def test_a_possessive_of_a_surname_named_in_full_is_a_person(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    # church titles are titles; "himself", "earlier" opening a sentence are no names
    ("Otec Morselli to řekl.", "cs", ["Morselli"]),
    ("Ksiądz Boguszewski to powiedział.", "pl", ["Boguszewski"]),
    ("Ранее Верховный суд Пакистана оправдал её.", "ru", ["Верховный суд Пакистана"]),
])
def test_church_titles_and_sentence_openers_are_cut_off(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    # what a lower-case phrase leaves of a run stays a run
    ("Predsednica evropske komisije Ursula von der Leyen je dejala.", "sl",
     ["evropske komisije", "Ursula von der Leyen"]),
    # and an acronym after a lower-case word (zveze, the alliance) does not take the word
    ("Generalni sekretar zveze Nato Jens Stoltenberg je v govoru.", "sl",
     ["Nato", "Jens Stoltenberg"]),
    # NATO's Czech and Slovene case forms cut the person off
    ("Generalni sekretar Nata Jens Stoltenberg pa je dejal.", "sl", ["Nata", "Jens Stoltenberg"]),
])
def test_a_run_around_a_lower_case_phrase_keeps_its_rest(doc, lang, expected):
    assert _texts(default_gazetteer(), doc, lang) == expected


def test_a_country_named_as_written_is_no_given_name_by_its_stem():
    gaz = default_gazetteer()
    finder = CasedMentionFinder(gaz)
    # Германия shares its stem with Герман (Herman); a lost full stop glued the next word
    doc = "Това е партньорството с Германия Всичко, което трябва да знаете."
    assert ("Германия", "place") in mention_texts(finder.find(doc, "bg"))
    # a given name that is also a country as written still starts a person
    assert ("Jordan Henderson", "person") in mention_texts(
        finder.find("Wczoraj Jordan Henderson strzelił gola.", "pl"))


@pytest.mark.parametrize(("doc", "lang", "name"), [
    ("Vlada je Slovensko vojsko napotila na mejo.", "sl", "Slovensko vojsko"),
    ("Podle mluvčího Ukrajinská armáda ustoupila.", "cs", "Ukrajinská armáda"),
])
def test_a_country_adjective_before_an_army_is_an_organisation(doc, lang, name):
    finder = CasedMentionFinder(default_gazetteer())
    assert (name, "organisation") in mention_texts(finder.find(doc, lang))


@pytest.mark.parametrize(("doc", "lang", "mention"), [
    ("Zwolennicy partii Tehrik-i-Labaik protestowali.", "pl", ("Tehrik-i-Labaik", "organisation")),
    ("Сторонники партии Tehreek-e-Labaik вышли на улицы.", "ru",
     ("Tehreek-e-Labaik", "organisation")),
    ("Według Jamaat-ud-Dawa to kłamstwo.", "pl", ("Jamaat-ud-Dawa", "organisation")),
    ("Według Noor-ul-Haq Qadri to kłamstwo.", "pl", ("Noor-ul-Haq Qadri", "person")),
])
def test_names_joined_by_a_linking_particle(doc, lang, mention):
    finder = CasedMentionFinder(default_gazetteer())
    assert mention in mention_texts(finder.find(doc, lang))


@pytest.mark.parametrize(("doc", "lang", "mention"), [
    ("Sondaż wykonany przez pracownię Survation pokazuje, że.", "pl",
     ("Survation", "organisation")),
    ("Linku otevřela letecká společnost Emirates, ve stejný den.", "cs",
     ("Emirates", "organisation")),
    ("Šéf společnosti Michael O'Leary řekl, že.", "cs", ("Michael O'Leary", "person")),
    ("Stávku vyhlásil svaz německých pilotů Vereinigung Cockpit ve středu.", "cs",
     ("Vereinigung Cockpit", "organisation")),
])
def test_a_name_after_a_company_noun_is_the_companys(doc, lang, mention):
    finder = CasedMentionFinder(default_gazetteer())
    assert mention in mention_texts(finder.find(doc, lang))


@pytest.mark.parametrize(("doc", "lang", "name"), [
    ("Podle listu The Daily Sabah je to jinak.", "cs", "The Daily Sabah"),
    ("Както съобщи ABC News в неделя.", "bg", "ABC News"),
])
def test_a_title_shaped_run_is_a_publication_not_a_person(doc, lang, name):
    finder = CasedMentionFinder(default_gazetteer())
    assert (name, "product") in mention_texts(finder.find(doc, lang))


def test_an_acronym_is_no_title_unless_titles_are_written_so():
    finder = CasedMentionFinder(default_gazetteer())
    # PAP, the Polish press agency, shares its letters with pap-, the stem of papa (pope)
    assert mention_texts(finder.find("Foto: PAP Fundamentaliści islamscy żądają.", "pl")) == [
        ("PAP", "organisation")]  # nor is the word after it a person
    assert ("Video", "person") not in mention_texts(
        finder.find("Foto: PAP Video: TVN24 wyjaśnia.", "pl"))
    assert ("Jane Doe", "person") in mention_texts(
        finder.find("Yesterday MEP Jane Doe said it.", "en"))


def test_a_word_capitalised_again_and_again_is_a_name():
    finder = CasedMentionFinder(default_gazetteer())
    doc = ("Avast vstoupí na burzu. Analytici čekají, že Avast uspěje. Akcie firmy, kterou "
           "Avast vlastní, rostou. Avast loni zvýšil výnosy.")
    assert {m.text for m in finder.find(doc, "cs")} == {"Avast"}
    # once inside a sentence is not enough
    assert finder.find("Avast vstoupí na burzu. Analytici čekají, že Avast uspěje.", "cs") == []


def test_a_non_breaking_hyphen_joins_a_name_as_a_hyphen_does():
    finder = CasedMentionFinder(default_gazetteer())
    found = finder.find("В Адмиралтейском районе Санкт\u2011Петербурга на базе.", "ru")
    assert ("Санкт\u2011Петербурга", "place") in mention_texts(found)


def test_a_surname_opened_by_an_article_stays_a_person():
    finder = CasedMentionFinder(default_gazetteer())
    assert ("Le Pen", "product") not in mention_texts(
        finder.find("Według Le Pen Francja powinna wyjść.", "pl"))


@pytest.mark.parametrize("doc", [
    "To prawda – powiedział Banach. Dobrze.",  # ban- was a head: ủy ban split by syllable
    "Zauważył profesor Banach wczoraj.",  # an academic title
    "Jak uważa prof. Banach, to dopiero początek.",
])
def test_a_surname_after_a_title_or_a_verb_of_saying_is_a_person(doc):
    found = CasedMentionFinder(default_gazetteer()).find(doc, "pl")
    assert ("Banach", "person") in mention_texts(found)


@pytest.mark.parametrize(("doc", "lang", "name"), [
    ("Není to jisté, varoval Barnier na páteční konferenci.", "cs", "Barnier"),
    ("To nie koniec, przekonywał Czaputowicz w radiu.", "pl", "Czaputowicz"),
    ("Это не так, ответил Шмидт журналистам.", "ru", "Шмидт"),
    ("Не е така, обясни Барние пред журналисти.", "bg", "Барние"),
])
def test_more_verbs_of_saying_make_their_speaker_a_person(doc, lang, name):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert (name, "person") in mention_texts(found)


@pytest.mark.parametrize(("doc", "lang", "name"), [
    ("Vážení čtenáři, internetový deník Echo24 se rozhodl změnit podobu.", "cs", "Echo24"),
    ("Powiedział Laszko, którego cytuje portal Ukraińska Prawda. Wcześniej tak.", "pl",
     "Ukraińska Prawda"),
    ("Je poročal britanski časnik Spectator v ponedeljek.", "sl", "Spectator"),
])
def test_an_unknown_name_after_a_newspaper_or_portal_is_the_outlet(doc, lang, name):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert (name, "product") in mention_texts(found)


def test_a_sentence_after_a_newspaper_is_no_outlet():
    found = CasedMentionFinder(default_gazetteer()).find(
        "Psal o tom britský deník. Podle něj vláda padne.", "cs")
    assert ("Podle", "product") not in mention_texts(found)


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    ("Pociąg relacji Zaporoże-Lwów odjechał.", "pl",
     [("Zaporoże", "place:geo:687700"), ("Lwów", "place:geo:702550")]),
    ("Zrušeným spojům patří i ty na trase Praha-Oslo.", "cs",
     [("Praha", "place:city:Europe/Prague"), ("Oslo", "place:city:Europe/Oslo")]),
    ("Нынешние рейсы Киев-Берлин выполняются.", "ru",
     [("Киев", "place:city:Europe/Kyiv"), ("Берлин", "place:city:Europe/Berlin")]),
    ("Rozmowy UE-USA trwają.", "pl", [("UE", "org:EU"), ("USA", "place:US")]),
    # a hyphenated name the gazetteer knows whole stays whole
    ("Выборы в Баден-Вюртемберге прошли.", "ru", [("Баден-Вюртемберге", "place:DE-BW")]),
])
def test_two_known_names_joined_by_a_hyphen_are_two_mentions(doc, lang, expected):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [(m.text, m.canonical) for m in found] == expected


def test_an_organisation_named_with_its_country_by_a_hyphen_is_not_cut():
    gaz = _gazetteer(("Інтерфакс", "organisation", "org:interfax"),
                     ("Україна", "place", "place:UA"))
    assert _texts(gaz, "Про це повідомляє агенція Інтерфакс-Україна сьогодні.", "uk") != [
        "Інтерфакс", "Україна"]


@pytest.mark.parametrize(("doc", "lang", "expected"), [
    ("Zwrócił się do Stoltenberga Trump. Prezydent mówił dalej.", "pl",
     [("Stoltenberga", "person:stoltenberg"), ("Trump", "person:trump")]),
    ("Після перерахунку в окрузі Мілуокі Байден набрав голоси.", "uk",
     [("Мілуокі", "place:geo:5263045"), ("Байден", "person:biden")]),
    # a given name the gazetteer does not know stays with the surname
    ("Wczoraj Donald Trump i Ivanka Trump przyjechali.", "pl",
     [("Donald Trump", "person:trump"), ("Ivanka Trump", None)]),
])
def test_a_known_name_before_a_known_person_is_cut_off(doc, lang, expected):
    found = CasedMentionFinder(default_gazetteer()).find(doc, lang)
    assert [(m.text, m.canonical) for m in found] == expected


def test_a_given_name_that_ends_a_known_name_starts_no_person():
    finder = CasedMentionFinder(default_gazetteer())
    # York is a given name, but New York is a city: the run stays whole
    assert [m.text for m in finder.find("Napisał o tym New York Post wczoraj.", "pl")] == [
        "New York Post"]
    # a name ending a clause, then a person in full, is still cut
    assert [m.text for m in finder.find("Według Putinowi Donald Tusk powiedział.", "pl")] == [
        "Putinowi", "Donald Tusk"]


def test_a_given_name_that_is_only_a_town_elsewhere_starts_a_person():
    finder = CasedMentionFinder(default_gazetteer())
    # Марк is also a GeoNames town: before two unknown names it is the person's given name
    found = finder.find("Според Марк Малок Браун това е така.", "bg")
    assert [(m.text, m.kind) for m in found] == [("Марк Малок Браун", "person")]
    # a state named in full before a person stays a place of its own
    found = finder.find("Сенатор от Аризона Энтони Керн заявил это.", "ru")
    assert ("Аризона", "place") in [(m.text, m.kind) for m in found]


def test_an_acronym_before_a_surname_is_the_organisation_and_the_person():
    finder = CasedMentionFinder(default_gazetteer())
    found = finder.find("Представитель МИД Захарова сказала это.", "ru")
    assert [(m.text, m.kind) for m in found] == [("МИД", "organisation"), ("Захарова", "person")]
    # an agency named with a word the gazetteer knows stays whole
    assert [m.text for m in finder.find("Сообщило агентство РИА Новости вчера.", "ru")] == [
        "РИА Новости"]
    # after a title an acronym is the organisation, not a person
    assert [(m.text, m.kind) for m in finder.find("Rzecznik MSZ powiedział to.", "pl")] == [
        ("MSZ", "organisation")]


def test_hyphenated_titles_and_lawyers_are_titles():
    finder = CasedMentionFinder(default_gazetteer())
    found = finder.find("Віце-президент США Пенс заявив це.", "uk")
    assert [(m.text, m.kind) for m in found] == [("США", "place"), ("Пенс", "person")]
    found = finder.find("Адвокат Сайфул Мулок заявил это.", "ru")
    assert [(m.text, m.kind) for m in found] == [("Сайфул Мулок", "person")]


def test_a_photo_credit_word_is_no_part_of_the_name_after_it():
    finder = CasedMentionFinder(default_gazetteer())
    found = finder.find("Trump je govoril. Foto Jonathan Ernst", "sl")
    assert ("Jonathan Ernst", "person") in [(m.text, m.kind) for m in found]


def test_a_known_city_before_one_more_capitalised_word_is_cut_off():
    finder = CasedMentionFinder(default_gazetteer())
    found = finder.find("Встреча в Мадриде Ермака прошла вчера.", "ru")
    assert [m.text for m in found][:1] == ["Мадриде"]
    # a known name that starts with a city stays whole
    found = finder.find("Napisał o tym Washington Post wczoraj.", "pl")
    assert [m.text for m in found] == ["Washington Post"]


def test_a_sentences_common_first_word_before_a_known_name_is_dropped():
    finder = CasedMentionFinder(default_gazetteer())
    assert [m.text for m in finder.find("Tak. Jenže Londýn to odmítl.", "cs")] == ["Londýn"]
    # an acronym or an organisation's head before a place stays with it
    assert [m.text for m in finder.find("Tak. UKC Ljubljana sporoča.", "sl")] == [
        "UKC Ljubljana"]
    # an event the table knows whole is not cut
    found = finder.find("Захват Капитолия произошел 6 января.", "ru")
    assert [(m.text, m.canonical) for m in found] == [
        ("Захват Капитолия", "event:capitol-storming")]


def test_bulgarian_the_island_is_no_name():
    finder = CasedMentionFinder(default_gazetteer())
    assert finder.find("Цените на Острова растат, казват анализатори.", "bg") == []


def test_a_century_or_a_council_after_w_is_no_place():
    finder = CasedMentionFinder(default_gazetteer())
    assert finder.find("Żyjemy w XXI wieku.", "pl") == []
    assert finder.find("Decyzję podjęto w Radzie wczoraj.", "pl") == []  # Rada, softened
    assert [(m.text, m.kind) for m in finder.find("Mieszka w Łodzi.", "pl")] == [
        ("Łodzi", "place")]


def test_a_known_person_named_in_full_is_cut_off_the_run_before():
    finder = CasedMentionFinder(default_gazetteer())
    found = finder.find("Об этом заявил глава МИД ФРГ Хайко Маас вчера.", "ru")
    assert [(m.text, m.canonical) for m in found] == [
        ("МИД ФРГ", "org:foreign-ministry:DE"), ("Хайко Маас", "person:maas")]


@pytest.mark.parametrize(("doc", "lang", "absent", "kept"), [
    # credits and the Bulgarian "Union" (the EU) alone, labelled 3 times of 65; each written
    # three times inside sentences, which alone would make a capitalised word a name
    ("Foto: PAP, Video: TVN24. Foto: EPA, Video: Reuters. Tak, Video: TVN24 i Foto: EPA.",
     "pl", "Video", "TVN24"),
    ("Преговарящият на Съюза Мишел Барние заяви, че Съюза няма да отстъпи, а от Съюза мълчат.",
     "bg", "Съюза", "Мишел Барние"),
])
def test_credit_words_and_the_union_alone_are_no_names(doc, lang, absent, kept):
    texts = _texts(default_gazetteer(), doc, lang)
    assert not any(absent in t for t in texts) and kept in texts


def test_a_credit_word_then_a_lower_case_word_drops_both():
    texts = _texts(default_gazetteer(),
                   "Video of Kim Wehleová: O podvodu nejsou důkazy, řekla Kim Wehleová.", "cs")
    assert "Kim Wehleová" in texts and not any(t.startswith(("Video", "of")) for t in texts)


def test_common_words_opening_a_sentence_are_no_geonames_town():
    # "Co do" ("as for") is also a village's name in GeoNames; the stream writes both words
    # in lower case, so opening a sentence they are no place
    from babelwire.stages.entities_stream import StreamNames, StreamWords

    finder = CasedMentionFinder(default_gazetteer(), StreamNames(), words=StreamWords())
    doc = ("Nie ma zgody co do tego, co do kogo należy i co do terminu. "
           "Co do przyszłych relacji z Brukselą nie ma jasności.")
    texts = [m.text for m in finder.find(doc, "pl")]
    assert "Co do" not in texts and "Brukselą" in texts


def test_a_trailing_plus_belongs_to_the_name():
    # Bulgarian articles end with their outlet's name, Днес+ (33 gold names in SlavicNER's
    # training documents), which is no "Днес" ("today")
    assert [t.text for t in tokens_of("Днес+ и Canal+ пишат, 2+2 е 4.", "bg")][:3] == [
        "Днес+", "и", "Canal+"]
    found = CasedMentionFinder(default_gazetteer()).find(
        "Семейството търси убежище в Канада. Днес+\n", "bg")
    assert ("Днес+", "product:dnes-plus") in [(m.text, m.canonical) for m in found]
