"""GeoNames cities in the default gazetteer: scripts, case forms, shared names, people."""

from babelwire.stages.entities_cities import add_cities
from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder


def test_cities_in_several_scripts_and_case_forms_find_one_key():
    gaz = default_gazetteer()
    key = gaz.lookup("Wrocław").canonical
    assert key.startswith("place:geo:")
    assert gaz.lookup("Вроцлав").canonical == gaz.lookup("Wrocławia", "pl").canonical == key
    assert gaz.lookup("Лахор").name == "Lahore"


def test_a_city_cldr_knows_keeps_its_key_and_the_largest_city_takes_a_shared_name():
    gaz = default_gazetteer()
    assert gaz.lookup("Варшава").canonical == "place:city:Europe/Warsaw"
    assert gaz.lookup("Bristol").canonical == "place:geo:2654675"  # England's, not Tennessee's


def test_names_that_are_also_personal_names_are_left_out():
    gaz = Gazetteer()
    gaz.add("Paris", GazetteerEntry("place", "place:city:Europe/Paris", "Paris"))
    assert add_cities(gaz, min_population=100_000) > 10_000
    assert gaz.lookup("Jackson") is None  # a city of 150,000, and a surname
    assert gaz.lookup("Paris").canonical == "place:city:Europe/Paris"  # not replaced
    assert gaz.lookup("wrwslaf") is None  # lower-case romanisations are skipped


def test_the_nations_of_the_united_kingdom_in_slavic_case_forms():
    gaz = default_gazetteer()
    assert gaz.lookup("Anglii", "pl").canonical == "place:GB-ENG"
    assert gaz.lookup("Шотландии", "ru").canonical == "place:GB-SCT"
    assert gaz.lookup("Wales").name == "Wales"  # pycountry's "Wales [Cymru GB-CYM]", cleaned
    # Ukrainian -ії and Russian -ией meet the nominative's stem
    assert gaz.lookup("Португалії", "uk").canonical == "place:PT"
    assert gaz.lookup("Россией", "ru").canonical == "place:RU"


def test_a_form_two_sources_share_keeps_the_first_entry_for_its_case_forms_too():
    gaz = default_gazetteer()
    # CLDR's city Berlin comes before pycountry's state Berlin: its case forms follow the city
    assert gaz.lookup("Berlin").canonical == "place:city:Europe/Berlin"
    assert gaz.lookup("Berlinie", "pl").canonical == "place:city:Europe/Berlin"


def test_the_shortest_ending_is_a_second_guess_for_a_stem():
    gaz = default_gazetteer()
    assert gaz.lookup("Брекзита", "ru").canonical == "event:brexit"  # not Брекзи + та
    assert gaz.lookup("ФРГ").canonical == "place:DE"
    assert gaz.lookup("KE").canonical == "org:EC"


def test_a_name_that_ends_like_a_case_ending_still_meets_its_case_forms():
    gaz = default_gazetteer()
    # Газпром stems to Газпр (-ом is an ending); its instrumental Газпромом stems to Газпром
    assert gaz.lookup("Газпромом", "uk").canonical == "org:gazprom"


def test_a_country_with_a_three_letter_stem_in_its_case_forms():
    gaz = default_gazetteer()
    for form, lang, key in (("Чехии", "ru", "place:CZ"), ("Росії", "uk", "place:RU"),
                            ("Číně", "cs", "place:CN"), ("Indii", "pl", "place:IN"),
                            ("Сирии", "ru", "place:SY"), ("Danii", "pl", "place:DK")):
        assert gaz.lookup(form, lang).canonical == key, form
    # a surname's ending, a personal name and a short word are no case forms
    assert gaz.lookup("Чехов", "ru") is None
    assert gaz.lookup("Dana", "cs") is None and gaz.lookup("Дана", "uk") is None


def test_nationality_nouns_link_to_their_country_or_continent():
    gaz = default_gazetteer()
    for form, lang, key in (("Evropané", "cs", "place:150"), ("европейците", "bg", "place:150"),
                            ("Pakistańczyków", "pl", "place:PK"),
                            ("пакистанката", "bg", "place:PK"), ("българите", "bg", "place:BG"),
                            ("Hiszpanie", "pl", "place:ES")):
        entry = gaz.lookup(form, lang)
        assert entry is not None and entry.canonical == key, form


def test_new_york_is_one_city_in_every_form_and_washington_alone_is_the_capital():
    gaz = default_gazetteer()
    keys = {gaz.lookup(form, lang).canonical for form, lang in (
        ("New York", "en"), ("New Yorku", "cs"), ("Nowym Jorku", "pl"), ("Нью-Йорке", "ru"))}
    assert keys == {"place:city:America/New_York"}
    capital = {gaz.lookup(form, lang).canonical for form, lang in (
        ("Washington", "en"), ("Washingtonu", "cs"), ("Вашингтон", "ru"), ("Waszyngtonie", "pl"))}
    assert len(capital) == 1 and capital != {"place:US-WA"}
    found = CasedMentionFinder(gaz).find("George Washington byl prezident.", "cs")
    assert [(m.text, m.kind) for m in found] == [("George Washington", "person")]


def test_a_citys_own_name_beats_another_citys_old_name():
    gaz = default_gazetteer()  # Islamabad is also an old name of Chittagong, a larger city
    keys = {gaz.lookup(form, lang).canonical for form, lang in (
        ("Islamabad", "pl"), ("Islamabadzie", "pl"), ("Islámábád", "cs"), ("Исламабад", "ru"))}
    assert len(keys) == 1
