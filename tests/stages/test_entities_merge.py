"""Entities merged after the fact: a second script's first article came before any context."""

from datetime import UTC, datetime

import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_keys import stem_key
from babelwire.stages.entities_linking import EntityLinker
from babelwire.stages.entities_records import Mention

PUB = datetime(2026, 10, 1, 18, 0, tzinfo=UTC)

SCHOLZ_EN = ("Scholz meets Macron", "German Chancellor Olaf Scholz met French President "
             "Emmanuel Macron in Paris to discuss Ukraine.", "en")
SCHOLZ_RU_ALONE = ("Шольц на верфи", "Олаф Шольц осмотрел новую верфь. Рабочие ждали "
                   "Шольца с утра.", "ru")
SCHOLZ_RU_PARIS = ("Шольц и Макрон", "Олаф Шольц встретился с Эмманюэлем Макроном в Париже "
                   "и обсудил Украину.", "ru")
SCHULZ_EN = ("Bakery award", "Local baker Olaf Schulz from Lübeck won the regional bread prize "
             "on Sunday.", "en")


def _ids(found, text):
    ids = {m.entity_id for m in found.mentions if m.text == text}
    assert len(ids) == 1, (text, [(m.text, m.entity_id) for m in found.mentions])
    return ids.pop()


def test_second_script_entity_is_merged_back_once_context_is_shared():
    stage = EntityStage(None, backend="none", merge_every=0)
    en = stage.analyse(1, *SCHOLZ_EN[:2], "en", PUB, story_id=1)
    alone = stage.analyse(2, *SCHOLZ_RU_ALONE[:2], "ru", PUB, story_id=2)
    scholz, russian = _ids(en, "Olaf Scholz"), _ids(alone, "Олаф Шольц")
    assert russian != scholz  # no context yet: the linker may not guess
    assert _ids(alone, "Шольца") == russian
    schulz = _ids(stage.analyse(3, *SCHULZ_EN[:2], "en", PUB, story_id=3), "Olaf Schulz")
    paris = stage.analyse(4, *SCHOLZ_RU_PARIS[:2], "ru", PUB, story_id=1)
    assert _ids(paris, "Олаф Шольц") == russian  # same spelling: the Russian entity
    merges = stage.merge_now()
    assert [(kept.id, gone) for kept, gone in merges] == [(scholz, russian)]
    assert merges[0][0].name == "Olaf Scholz"
    linker = stage.linker
    assert linker.resolve(russian) == scholz and linker.resolve(schulz) == schulz
    variants = linker.entities[scholz].variants
    assert variants[("Олаф Шольц", "ru")] == 2 and variants[("Шольца", "ru")] == 1
    assert russian not in linker.entities
    # the merged spellings now link directly, and Schulz stays another person
    later = stage.analyse(5, "Шольц", "Канцлер Олаф Шольц вернулся в Берлин.", "ru", PUB,
                          story_id=9)
    assert _ids(later, "Олаф Шольц") == scholz
    again = stage.analyse(6, *SCHULZ_EN[:2], "en", PUB, story_id=3)
    assert _ids(again, "Olaf Schulz") == schulz != scholz
    assert stage.merge_now() == ()


def _mention(text, kind="person", lang="en"):
    return Mention(text=text, kind=kind, start=0, end=len(text), lang=lang)


def test_people_named_in_one_article_are_never_merged():
    linker = EntityLinker()
    # Bill and Hillary Clinton share every context but appear together: two people
    for _ in range(3):
        linker.link([_mention("Bill Clinton"), _mention("Hillary Clinton"),
                     _mention("Washington", "place")], story_id=1)
    assert linker.merge_pass() == []
    names = {e.record.name for e in linker.entities.values()}
    assert {"Bill Clinton", "Hillary Clinton"} <= names


def test_first_names_that_differ_keep_people_apart():
    linker = EntityLinker()
    linker.link([_mention("Joe Biden"), _mention("Washington", "place"),
                 _mention("Kamala Harris")], story_id=1)
    linker.link([_mention("Джилл Байден", lang="ru"), _mention("Камала Харрис", lang="ru")],
                story_id=1)
    joe = next(e for e in linker.entities.values() if e.record.name == "Joe Biden")
    assert all(linker.resolve(e) == e for e in linker.entities)
    linker.merge_pass()
    assert not any(("Джилл Байден", "ru") in e.variants
                   for e in linker.entities.values() if e is joe)


def test_polish_and_czech_consonant_alternations_share_a_stem():
    assert stem_key("Brexicie") == stem_key("Brexitu") == stem_key("Brexit")
    assert stem_key("Ameryce") == stem_key("Ameryki")
    assert stem_key("Americe") == stem_key("Amerika")
    assert stem_key("Шольца") == stem_key("Шольц")
    assert stem_key("Varšavy") == stem_key("Varšava")
    assert stem_key("Kyjeva") == stem_key("Kyjev")
    assert stem_key("Polsce") == stem_key("Polska")
    assert stem_key("Hammondzie") == stem_key("Hammond")  # -ndzie after a consonant
    # Polish surnames in -ki, -gi decline as adjectives
    assert stem_key("Morawieckiego") == stem_key("Morawieckiemu") == stem_key("Morawiecki")
    assert stem_key("Parlamencie") == stem_key("Parlament")
    assert stem_key("Spojených států") == stem_key("Spojené státy")
    assert stem_key("Severnega toka") == stem_key("Severni tok")


def test_demonyms_are_people_who_link_to_their_country():
    stage = EntityStage(None, backend="none", merge_every=0)
    pl = stage.analyse(1, "Brexit", "Brytyjczycy zagłosowali za wyjściem. Wielka Brytania "
                       "opuści Unię.", "pl", PUB, story_id=1)
    ru = stage.analyse(2, "Брексит", "Британцы проголосовали за выход. Великобритания покинет "
                       "ЕС.", "ru", PUB, story_id=2)
    cs = stage.analyse(3, "Němci", "Němci a Poláci volili. Ruský prezident mlčel.", "cs", PUB,
                       story_id=3)
    people = {m.text: m for found in (pl, ru, cs) for m in found.mentions}
    assert people["Brytyjczycy"].kind == "person" == people["британцы".capitalize()].kind
    country = _ids(pl, "Wielka Brytania")
    assert _ids(pl, "Brytyjczycy") == _ids(ru, "Британцы") == _ids(ru, "Великобритания") == country
    assert stage.linker.entities[country].record.kind == "place"
    assert people["Němci"].canonical == "place:DE" and people["Poláci"].canonical == "place:PL"
    assert "Ruský" not in people  # an adjective is not a mention


@pytest.mark.parametrize(("form", "lang", "key"), [
    ("Portugalczycy", "pl", "place:PT"), ("Belgowie", "pl", "place:BE"),
    ("Holanďané", "cs", "place:NL"), ("Avstrijec", "sl", "place:AT"),
    ("датчане", "ru", "place:DK"), ("швейцарци", "bg", "place:CH"),
])
def test_nationality_nouns_of_more_countries(form, lang, key):
    entry = default_gazetteer().lookup(form, lang)
    assert entry is not None and (entry.kind, entry.canonical) == ("person", key)


def test_a_different_first_name_is_another_person_even_in_shared_context():
    linker = EntityLinker()
    for _ in range(2):
        linker.link([_mention("Boris Johnson"), _mention("London", "place"),
                     _mention("Theresa May")], story_id=1)
    boris = next(e for e, ent in linker.entities.items() if ent.record.name == "Boris Johnson")
    linked, _ = linker.link([_mention("Gary Johnson"), _mention("London", "place"),
                             _mention("Theresa May")], story_id=1)
    assert linked[0].entity_id != boris
    ru, _ = linker.link([_mention("Борис Джонсон", lang="ru"), _mention("Тереза Мэй", lang="ru")],
                        story_id=1)
    assert ru[0].entity_id == boris  # the same first name in another script still links


def test_a_possessive_of_a_surname_is_the_person():
    linker = EntityLinker()
    # within an article: Slovene Mayeve (vlade) is Theresa May's
    found, _ = linker.link([_mention("Theresa May", lang="sl"), _mention("Mayeve", lang="sl")])
    assert found[0].entity_id == found[1].entity_id
    # across articles, a possessive alone: Czech Merklova (the e of Merkel drops)
    merkel, _ = linker.link([_mention("Angela Merkelová", lang="cs")])
    alone, _ = linker.link([_mention("Merklova", lang="cs")])
    assert alone[0].entity_id == merkel[0].entity_id
    # a word with such an ending but no such surname known is someone else
    other, _ = linker.link([_mention("Ivanova", lang="cs")])
    assert other[0].entity_id not in {found[0].entity_id, merkel[0].entity_id}


def test_first_names_spelled_by_sound_in_another_script_agree():
    from babelwire.stages.entities_groups import first_names as _first_names
    from babelwire.stages.entities_groups import first_names_agree as _first_names_agree

    def agree(a, b):
        return _first_names_agree(_first_names([(a, "")]), _first_names([(b, "")]))

    assert agree("Michael Gove", "Майкл Гоув")
    assert agree("Jean-Claude Juncker", "Жан-Клод Юнкер")
    assert agree("Joe Biden", "Джо Байдън")
    assert not agree("Joe Biden", "Jill Biden")
    assert not agree("Ekaterina Zaharieva", "Мария Захарова")
    assert not agree("Heiko Maas", "Ашик Масих")


def test_acronyms_alike_in_letters_stay_apart():
    stage = EntityStage(None, backend="none", merge_every=0)
    texts = ["Die CSU stimmte in München dagegen, sagte Markus Söder.",
             "The ACS in München backed Markus Söder on Monday.",
             "The CSU in München backed Markus Söder on Monday."]
    found = [stage.analyse(n, "Vote", text, "de" if n == 1 else "en", PUB, story_id=1)
             for n, text in enumerate(texts, 1)]
    stage.merge_now()
    csu, acs, csu2 = (_ids(found[0], "CSU"), _ids(found[1], "ACS"), _ids(found[2], "CSU"))
    assert stage.linker.resolve(csu) == stage.linker.resolve(csu2)
    assert stage.linker.resolve(acs) != stage.linker.resolve(csu)


def test_a_russian_surname_in_the_genitive_is_the_person_named_in_full():
    from babelwire.stages.entities import EntityStage
    from babelwire.stages.entities_gazetteer import default_gazetteer
    from babelwire.stages.entities_groups import surname_key

    # the stemmer reads -ев as an ending in Медведев but not in Медведева
    assert surname_key("Медведев") == surname_key("Медведева") == surname_key("Медведеву")
    assert surname_key("Johnsona") == surname_key("Johnson")
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    doc = ("Зампред Совбеза Дмитрий Медведев заявил о санкциях. По словам Медведева, "
           "Европа ошиблась.")
    found = stage.analyse(1, "", doc, "ru", None, story_id=None)
    ids = {m.text: m.entity_id for m in found.mentions}
    assert ids["Медведева"] == ids["Дмитрий Медведев"]


def test_a_given_name_alone_is_not_the_surname_made_from_it():
    from babelwire.stages.entities import EntityStage
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    first = stage.analyse(1, "", "Премьерът Бойко Борисов заяви. Борисов добави.", "bg", None,
                          story_id=None)
    second = stage.analyse(2, "", "Премьер поблагодарила Бориса за работу.", "ru", None,
                           story_id=None)
    stage.merge_now()
    borisov = {stage.linker.resolve(m.entity_id) for m in first.mentions}
    boris = {stage.linker.resolve(m.entity_id) for m in second.mentions}
    assert len(borisov) == 1 and boris and not boris & borisov


def test_a_first_name_alone_is_the_person_named_in_full_in_that_article_only():
    linker = EntityLinker()
    linked, _ = linker.link([_mention("Борис Джонсон", lang="ru"), _mention("Бориса", lang="ru"),
                             _mention("Тереза Мэй", lang="ru")])
    ids = {m.text: m.entity_id for m in linked}
    assert ids["Бориса"] == ids["Борис Джонсон"] != ids["Тереза Мэй"]
    # the first name alone is kept as a spelling but names no one in another article
    other, _ = linker.link([_mention("Борис", lang="ru"), _mention("Кремль", "place", "ru")])
    assert other[0].entity_id != ids["Борис Джонсон"]
    # two people with one first name: the first name alone stays apart from both
    both, _ = linker.link([_mention("Anna Nowak", lang="pl"), _mention("Anna Kowalska", lang="pl"),
                           _mention("Anna", lang="pl")])
    ids = {m.text: m.entity_id for m in both}
    assert ids["Anna"] not in (ids["Anna Nowak"], ids["Anna Kowalska"])


def test_a_reloaded_linker_keeps_a_first_name_out_of_its_index():
    from babelwire.stages.entities_records import StoredVariant

    linker = EntityLinker()
    linker.link([_mention("Бориса", lang="ru"), _mention("Борис Джонсон", lang="ru")])
    rows = [StoredVariant(entity=e.record, text=text, lang=lang, count=n)
            for e in linker.entities.values() for (text, lang), n in e.variants.items()]
    rows.sort(key=lambda row: len(row.text))
    again = EntityLinker()
    again.load(rows)  # the lone first name first: the load still sees the full name first
    assert set(again.by_form) == set(linker.by_form)
    assert not any(key[1] == "бориса" for key in again.by_form)


def test_a_surname_after_a_locative_preposition_stays_the_person():
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    doc = ("Властелин бизнеса и колец. Герхард Шрёдер был канцлером Германии. В конце 2005-го "
           "Шрёдер стал председателем. В 2017-м Шрёдера избрали председателем совета.")
    found = stage.analyse(1, "", doc, "ru", None, story_id=None)
    kinds = {(m.text, m.kind) for m in found.mentions}
    ids = {m.entity_id for m in found.mentions if m.text.startswith(("Шрёдер", "Герхард"))}
    assert ("Шрёдера", "person") in kinds and ("Шрёдера", "place") not in kinds
    assert len(ids) == 1


def test_a_lone_surname_is_keyed_as_written_not_by_its_stem_twice():
    # Slovene Pompeo, Pompea: the stem of Pompeo (pompe) stemmed again (pomp) missed the
    # full name's surname key
    linker = EntityLinker()
    linked, _ = linker.link([_mention("Mike Pompeo", lang="sl"), _mention("Pompeo", lang="sl"),
                             _mention("Pompea", lang="sl")])
    assert len({m.entity_id for m in linked}) == 1


def test_a_surname_whose_e_drops_keeps_one_key():
    from babelwire.stages.entities_groups import surname_key

    assert surname_key("Havlíček") == surname_key("Havlíčka") == surname_key("Havlíčkovi")
    assert surname_key("Kaczorek") == surname_key("Kaczorka")
    assert surname_key("Кравец") == surname_key("Кравца")
    assert surname_key("Beck") == "beck"  # too short to drop its e
    linker = EntityLinker()
    linked, _ = linker.link([_mention("Karla Havlíčka", lang="cs"),
                             _mention("Havlíček", lang="cs")])
    assert len({m.entity_id for m in linked}) == 1


def test_a_surname_that_is_also_a_small_place_stays_the_person_named_in_full():
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    doc = ("Minister energetyki USA Rick Perry odwiedził Warszawę. Perry mówił o gazie, "
           "a potem Perry pojechał dalej.")
    found = stage.analyse(1, "", doc, "pl", None, story_id=None)
    kinds = {m.text: m.kind for m in found.mentions}
    ids = {m.entity_id for m in found.mentions if "Perry" in m.text}
    assert kinds["Perry"] == "person" and len(ids) == 1


def test_a_full_name_whose_first_word_is_written_in_lower_case_names_no_one():
    from babelwire.stages.entities_shapes import named_person
    from babelwire.stages.entities_tokens import Span, tokens_of

    doc = "Концесията за летище Пловдив. Летище Пловдив е затворено."
    span = Span(tokens_of("Летище Пловдив", "bg"), False)
    assert not named_person(doc, span)
    assert named_person("Rick Perry said.", Span(tokens_of("Rick Perry", "en"), False))


@pytest.mark.parametrize(("doc", "lang", "cut", "kept"), [
    # the rest of the run stands alone as a full name in the article
    ("Лидерът на партията Лейбъристите Джереми Корбин заяви, че ще гласува против. "
     "Вчера Джереми Корбин беше в Брюксел.", "bg", "Лейбъристите Джереми Корбин",
     "Джереми Корбин"),
    # a common noun (written in lower case elsewhere) before the surname of a full name
    ("Jeremy Corbyn mówił długo. Pacyfista Corbyn nie chce wojny, bo pacyfista nie "
     "strzela.", "pl", "Pacyfista Corbyn", "Corbyn"),
])
def test_a_word_that_is_no_name_is_cut_off_a_persons_run(doc, lang, cut, kept):
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    texts = [m.text for m in stage.analyse(1, "", doc, lang, None, story_id=None).mentions]
    assert cut not in texts and kept in texts


def test_a_first_name_before_a_surname_is_never_cut():
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    doc = "Premier Theresa May przyjechała. Theresa May mówiła, a May słuchała."
    texts = [m.text for m in stage.analyse(1, "", doc, "pl", None, story_id=None).mentions]
    assert "Theresa May" in texts


def test_a_place_glued_to_a_surname_is_cut_off_but_a_first_names_spelling_is_not():
    from babelwire.stages.entities_gazetteer import default_gazetteer

    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    doc = ("Premier Theresa May rozmawiała z liderami. W Brukseli May podjęła decyzję.")
    found = {(m.text, m.kind) for m in stage.analyse(1, "", doc, "pl", None).mentions}
    assert ("Brukseli", "place") in found and ("May", "person") in found
    assert not any(text == "Brukseli May" for text, _ in found)
    doc = "Асия Биби е освободена. Според съда Азия Биби е невинна."
    found = {(m.text, m.kind) for m in stage.analyse(2, "", doc, "bg", None).mentions}
    assert ("Азия", "place") not in found


@pytest.mark.parametrize(("form", "lang", "key"), [
    # the English, a common word for the British; Canadians, Nigerians; women's forms
    ("Anglicy", "pl", "place:GB"), ("Angličané", "cs", "place:GB"),
    ("Kanadyjczycy", "pl", "place:CA"), ("канадцы", "ru", "place:CA"),
    ("Nigeryjka", "pl", "place:NG"), ("Polki", "pl", "place:PL"),
    ("Amerykanka", "pl", "place:US"),
])
def test_more_nationality_nouns_link_to_their_country(form, lang, key):
    entry = default_gazetteer().lookup(form, lang)
    assert entry is not None and (entry.kind, entry.canonical) == ("person", key)
