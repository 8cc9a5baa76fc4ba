"""The entity stage's parts: keys, gazetteer, documents, dates, linking."""

from datetime import UTC, date, datetime

import pytest

from babelwire.stages.entities_dates import find_dates
from babelwire.stages.entities_documents import find_documents
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_keys import latin, skeleton, stem_key
from babelwire.stages.entities_linking import EntityLinker
from babelwire.stages.entities_records import Mention

PUB = datetime(2026, 10, 1, 18, 0, tzinfo=UTC)


def test_keys_meet_across_cases_and_scripts():
    assert stem_key("Шольца") == stem_key("Шольц")
    assert stem_key("Unii Europejskiej") == stem_key("Unia Europejska")
    assert stem_key("Německa") == stem_key("Německo")
    assert stem_key("Libereckém kraji") == stem_key("Liberecký kraj")  # Czech locative -ém
    keys = {skeleton(n) for n in ("Olaf Scholz", "Олаф Шольц", "أولاف شولتس", "Olaf Schulz",
                                  "オラフ・ショルツ")}
    assert len(keys) == 1  # the skeleton collides on purpose; context decides
    assert latin("Олаф Шольц") == "olaf solc"
    # a plain Latin c before a, o, u, l, r is k; French -ier is said -ié
    assert skeleton("Emmanuel Macron") == skeleton("Еманюел Макрон")
    assert skeleton("David Cameron") == skeleton("Дейвид Камерън")
    assert skeleton("Michel Barnier") == skeleton("Мишел Барние") == skeleton("Мишель Барнье")
    assert skeleton("Zuckerberg") == skeleton("Цукерберг")  # c from ц or z stays a sibilant
    # a word's first я, ю is ja, ju, and a Latin y before a vowel opening a word is j
    assert skeleton("Juncker") == skeleton("Юнкер") and skeleton("Jaroslav") == skeleton("Ярослав")
    assert skeleton("Yanukovych") == skeleton("Янукович") == skeleton("Janukovyč")
    assert skeleton("Yulia") == skeleton("Юлия") == skeleton("Julia")
    assert skeleton("Valya") == skeleton("Валя")  # not inside a word


@pytest.mark.parametrize(("form", "lang", "canonical"), [
    ("Německa", "cs", "place:DE"), ("Германии", "ru", "place:DE"), ("ألمانيا", "ar", "place:DE"),
    ("德国", "zh", "place:DE"), ("Киева", "ru", "place:city:Europe/Kyiv"),
    ("Paris", "en", "place:city:Europe/Paris"), ("Evropské unie", "cs", "org:EU"),
    ("ЄС", "uk", "org:EU"), ("Wspólnoty", "pl", "org:EU"), ("Wyspach", "pl", "place:GB"),
    ("Wspólnoty Niepodległych Państw", "pl", "org:CIS"),
])
def test_gazetteer_from_cldr_pycountry_and_tables(form, lang, canonical):
    entry = default_gazetteer().lookup(form, lang)
    assert entry is not None and entry.canonical == canonical


def test_stems_only_for_languages_that_inflect_names():
    gaz = default_gazetteer()
    assert gaz.lookup("German", "en") is None  # the adjective is not Germany
    assert gaz.lookup("Німеччини", "uk") is not None


@pytest.mark.parametrize(("text", "lang", "canonical"), [
    ("The Party issued Resolution No. 24-NQ/TW.", "en", "doc:resolution|?|24-NQ/TW"),
    ("Кабмін ухвалив постанову № 1234.", "uk", "doc:resolution|?|1234"),
    ("وفقا للقرار رقم 2334 الصادر عن مجلس الأمن", "ar", "doc:resolution|unsc|2334"),
    ("The AI Act, Regulation (EU) 2024/1689, applies.", "en", "doc:regulation|eu|2024/1689"),
    ("Die Verordnung (EU) 2024/1689 gilt ab August.", "de", "doc:regulation|eu|2024/1689"),
    ("under UN Security Council resolution 2231, Iran", "en", "doc:resolution|unsc|2231"),
    ("резолюции Совета Безопасности ООН 2231", "ru", "doc:resolution|unsc|2231"),
    ("Nghị quyết số 24-NQ/TW của Bộ Chính trị", "vi", "doc:resolution|?|24-NQ/TW"),
    ("Directive 2019/790/EU on copyright", "en", "doc:directive|eu|2019/790"),
    ("ministr podepsal zákon č. 123/2024 Sb.", "cs", "doc:law|?|123/2024"),
])
def test_cited_documents(text, lang, canonical):
    found = find_documents(text, lang)
    assert [m.canonical for m in found] == [canonical]
    assert text[found[0].start : found[0].end] == found[0].text


def test_numbers_without_a_citation_are_not_documents():
    assert find_documents("In 2024 the law was passed by 300 votes.", "en") == []
    # a verb that starts like a law or a decree, and a bare number after a common noun
    assert find_documents("Он закончит 2022 год, как указано 153 раза.", "ru") == []
    assert find_documents("Законы 33 стран и законы 33 стран различаются.", "ru")[1:] == []
    assert find_documents("Путин подписал указ № 3848.", "ru")[0].canonical == (
        "doc:decree|?|3848")


@pytest.mark.parametrize(("text", "lang", "phrase", "value", "relative"), [
    ("Praha 21:18 7. února 2018", "cs", "7. února 2018", date(2018, 2, 7), False),
    ("30 декабря 2020, 15:13", "ru", "30 декабря 2020", date(2020, 12, 30), False),
    ("On October 2, 2024 it rained", "en", "October 2, 2024", date(2024, 10, 2), False),
    ("12 de mayo de 2024", "es", "12 de mayo de 2024", date(2024, 5, 12), False),
    ("11 listopada 2020 r.", "pl", "11 listopada 2020 r.", date(2020, 11, 11), False),
    ("5 травня 2024 року", "uk", "5 травня 2024 року", date(2024, 5, 5), False),
    ("計画は2026年12月19日に開始", "ja", "2026年12月19日", date(2026, 12, 19), False),
    ("日本央行30日结束会议", "zh", "30日", date(2026, 9, 30), True),
    ("태풍이 4일 새벽 상륙", "ko", "4일", date(2026, 10, 4), True),
    ("Sáng 6/11 tại Hà Nội", "vi", "6/11", date(2026, 11, 6), True),
    ("في 9 نوفمبر 2024", "ar", "9 نوفمبر 2024", date(2024, 11, 9), False),
    ("am 3. Oktober und gestern", "de", "gestern", date(2026, 9, 30), True),
    ("the minister said on Monday", "en", "Monday", date(2026, 9, 28), True),
    ("12.05.2024", "de", "12.05.2024", date(2024, 5, 12), False),
])
def test_dates_in_text(text, lang, phrase, value, relative):
    found = {d.text: d for d in find_dates(text, lang, PUB)}
    assert phrase in found, found
    assert found[phrase].value == value and found[phrase].relative is relative
    assert text[found[phrase].start : found[phrase].end] == phrase


def test_year_less_dates_need_a_publication_date():
    assert find_dates("vendredi 2 octobre", "fr", None) == []
    assert [d.value for d in find_dates("2 octobre 2025", "fr", None)] == [date(2025, 10, 2)]
    assert find_dates("December 31 and 31 December 2025", "en", datetime(2026, 1, 2, tzinfo=UTC)
                      )[0].value == date(2025, 12, 31)  # nearest to publication


def _m(text: str, kind: str, lang: str, canonical: str | None = None) -> Mention:
    return Mention(text=text, kind=kind, start=0, end=len(text), lang=lang, canonical=canonical)


def test_linker_needs_context_for_a_skeleton_match():
    linker = EntityLinker()
    (scholz, berlin), _ = linker.link([_m("Olaf Scholz", "person", "en"),
                                       _m("Berlin", "place", "en", "place:city:Europe/Berlin")])
    alone, _ = linker.link([_m("Олаф Шольц", "person", "ru")])
    assert alone[0].entity_id != scholz.entity_id  # no shared context: not merged
    with_context, _ = linker.link([_m("Олаф Шольц", "person", "ru"),
                                   _m("Берлин", "place", "ru", "place:city:Europe/Berlin")],
                                  story_id=None)
    assert with_context[1].entity_id == berlin.entity_id


def test_linker_merges_by_story_and_keeps_variant_counts():
    linker = EntityLinker()
    first, created = linker.link([_m("Olaf Scholz", "person", "en")], story_id=3)
    assert [e.name for e in created] == ["Olaf Scholz"]
    second, created = linker.link([_m("أولاف شولتس", "person", "ar")], story_id=3)
    assert second[0].entity_id == first[0].entity_id and created == []
    third, _ = linker.link([_m("Шольца", "person", "ru")], story_id=3)
    assert third[0].entity_id == first[0].entity_id
    variants = linker.entities[first[0].entity_id].variants
    assert variants[("أولاف شولتس", "ar")] == 1


def test_unknown_issuer_joins_the_one_known_document():
    linker = EntityLinker()
    known, _ = linker.link([_m("resolution 2231", "document", "en", "doc:resolution|unsc|2231")])
    vague, _ = linker.link([_m("القرار 2231", "document", "ar", "doc:resolution|?|2231")])
    assert vague[0].entity_id == known[0].entity_id
