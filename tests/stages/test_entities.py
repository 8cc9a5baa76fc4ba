"""The entity stage end to end: finding, linking across scripts, documents, dates."""

from datetime import UTC, date, datetime

import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_backend import load_backend
from babelwire.stages.entities_records import document_text

PUB = datetime(2026, 10, 1, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(None, backend="none")


def _found(stage: EntityStage, title: str, text: str, lang: str) -> dict[str, str]:
    return {m.text: m.kind for m in stage.process(0, title, text, lang, PUB)}


def test_offsets_point_into_title_blank_line_body(stage):
    title, text = "Scholz in Paris", "Chancellor Olaf Scholz met Emmanuel Macron in Paris."
    doc = document_text(title, text)
    for m in stage.process(1, title, text, "en", PUB):
        assert doc[m.start : m.end] == m.text


@pytest.mark.parametrize(("lang", "title", "text", "expected"), [
    ("en", "Talks in Berlin", "Foreign Minister Annalena Baerbock met officials of the "
     "European Commission in Berlin on Monday.",
     {"Annalena Baerbock": "person", "European Commission": "organisation", "Berlin": "place"}),
    ("de", "Gespräche", "Die Bundesregierung und Kanzler Olaf Scholz reisten nach Frankreich.",
     {"Olaf Scholz": "person", "Frankreich": "place"}),
    ("cs", "Volby", "Předseda vlády Petr Fiala jednal v Praze s vedením Evropské unie.",
     {"Petr Fiala": "person", "Praze": "place", "Evropské unie": "organisation"}),
    ("ru", "Переговоры", "Министр иностранных дел Сергей Лавров прибыл в Германию.",
     {"Сергей Лавров": "person", "Германию": "place"}),
    ("uk", "Візит", "Міністр інфраструктури Польщі Томаш Врона відвідав Київ.",
     {"Томаш Врона": "person", "Київ": "place"}),
    ("ar", "زيارة", "وقال وزير الداخلية محمد أرسلان إن تركيا أرسلت فرق الإنقاذ.",
     {"محمد أرسلان": "person", "تركيا": "place"}),
    ("zh", "会谈", "越南政府副总理陈明德已赶赴广义省指挥救灾。日本央行行长森本健二表示。",
     {"陈明德": "person", "广义省": "place", "越南政府": "organisation"}),
    ("ja", "会見", "日本銀行の森本健二総裁は、秋田県横手市で述べた。",
     {"日本銀行": "organisation", "森本健二": "person", "秋田県": "place"}),
    ("vi", "Hội đàm", "Phó Thủ tướng Trần Minh Đức đến tỉnh Quảng Ngãi chiều 5/11.",
     {"Trần Minh Đức": "person", "Quảng Ngãi": "place"}),
])
def test_mentions_in_many_languages_and_scripts(stage, lang, title, text, expected):
    found = _found(stage, title, text, lang)
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found)


def test_scholz_is_one_person_across_scripts_and_cases_but_schulz_is_another():
    stage = EntityStage(None, backend="none")
    en = stage.analyse(1, "Scholz in Paris", "German Chancellor Olaf Scholz met French "
                       "President Emmanuel Macron in Paris to discuss Ukraine.", "en", PUB,
                       story_id=7)
    ru = stage.analyse(2, "Шольц в Париже", "Канцлер Германии Олаф Шольц встретился с "
                       "президентом Франции Эмманюэлем Макроном в Париже. Визит Шольца "
                       "касался Украины.", "ru", PUB, story_id=7)
    ar = stage.analyse(3, "شولتس في باريس", "التقى المستشار الألماني أولاف شولتس الرئيس "
                       "الفرنسي إيمانويل ماكرون في باريس لبحث الوضع في أوكرانيا.", "ar", PUB,
                       story_id=7)
    other = stage.analyse(4, "Bakery award", "Local baker Olaf Schulz from Lübeck won the regional "
                          "bread prize on Sunday.", "en", PUB, story_id=99)

    def entity_of(found, text):
        ids = {m.entity_id for m in found.mentions if m.text == text}
        assert len(ids) == 1, (text, [(m.text, m.entity_id) for m in found.mentions])
        return ids.pop()

    scholz = entity_of(en, "Olaf Scholz")
    assert entity_of(ru, "Олаф Шольц") == scholz
    assert entity_of(ru, "Шольца") == scholz
    assert entity_of(ar, "أولاف شولتس") == scholz
    assert entity_of(other, "Olaf Schulz") != scholz
    assert entity_of(ru, "Париже") == entity_of(en, "Paris") == entity_of(ar, "باريس")
    variants = stage.linker.entities[scholz].variants
    assert variants[("Олаф Шольц", "ru")] == 1 and variants[("Шольца", "ru")] == 1


def test_a_full_name_spelt_alike_in_two_scripts_links_without_context():
    stage = EntityStage(None, backend="none")
    ru = stage.analyse(1, "", "Министр иностранных дел Польши Яцек Чапутович заявил это.", "ru",
                       PUB, story_id=None)
    pl = stage.analyse(2, "", "Jacek Czaputowicz powiedział to wczoraj.", "pl", PUB,
                       story_id=None)
    de = stage.analyse(3, "", "Local baker Olaf Schulz won the bread prize.", "en", PUB,
                       story_id=None)
    ru2 = stage.analyse(4, "", "Канцлер Олаф Шольц приехал.", "ru", PUB, story_id=None)

    def entity_of(found, text):
        return next(m.entity_id for m in found.mentions if m.text == text)

    # Polish cz and w are Cyrillic ч and в, and Я opens Яцек as J opens Jacek: one spelling
    assert entity_of(ru, "Яцек Чапутович") == entity_of(pl, "Jacek Czaputowicz")
    # a name only like another needs context (Olaf Schulz and Олаф Шольц share none here)
    assert entity_of(de, "Olaf Schulz") != entity_of(ru2, "Олаф Шольц")


def test_cited_documents_link_across_languages(stage):
    en = stage.process(10, "Iran deal", "Under UN Security Council resolution 2231, the "
                       "sanctions ended.", "en", PUB)
    fr = stage.process(11, "Iran", "La résolution 2231 du Conseil de sécurité expire.", "fr",
                       PUB)
    zh = stage.process(12, "伊朗", "根据安理会第2231号决议，制裁结束。", "zh", PUB)
    docs = [m for found in (en, fr, zh) for m in found if m.kind == "document"]
    assert len(docs) == 3
    assert len({m.entity_id for m in docs}) == 1
    assert docs[0].canonical == "doc:resolution|unsc|2231"


def test_dates_are_normalised_against_publication(stage):
    found = stage.analyse(20, "Grève", "La SNCF prévoit une journée perturbée vendredi "
                          "2 octobre, a annoncé l'entreprise hier.", "fr", PUB)
    values = {d.text: (d.value, d.relative) for d in found.dates}
    assert values["vendredi 2 octobre"] == (date(2026, 10, 2), True)
    assert values["hier"] == (date(2026, 9, 30), True)


def test_no_backend_installed_switches_off_cleanly(monkeypatch, caplog):
    monkeypatch.delenv("BABELWIRE_GLINER_MODEL", raising=False)
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with caplog.at_level("INFO"):
        assert load_backend("auto") is None
    assert "rules" in caplog.text
    assert load_backend("none") is None


def test_gliner_path_that_is_not_a_folder_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("BABELWIRE_GLINER_MODEL", str(tmp_path / "missing"))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object() if name == "gliner"
                        else None)
    assert load_backend("gliner") is None
