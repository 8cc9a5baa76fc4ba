import pytest

from babelwire.stages.language import LanguageStage, identify

SAMPLES = {
    "en": "The regional government said twelve people died in the floods on Tuesday night.",
    "cs": "Regionální vláda uvedla, že při úterních povodních zemřelo dvanáct lidí.",
    "uk": "Регіональний уряд повідомив, що під час повені у вівторок загинули дванадцять людей.",
    "ru": "Региональное правительство сообщило, что во время наводнения погибли "
          "двенадцать человек.",
    "ar": "قالت الحكومة الإقليمية إن اثني عشر شخصا لقوا حتفهم في الفيضانات ليلة الثلاثاء.",
    "zh": "地区政府表示，周二晚上的洪水造成十二人死亡，救援人员彻夜工作。",
    "ja": "地方政府によると、火曜日の夜の洪水で十二人が死亡した。",
    "vi": "Chính quyền khu vực cho biết mười hai người đã thiệt mạng trong trận lũ tối thứ Ba.",
    "de": "Die Regionalregierung teilte mit, dass bei den Überschwemmungen zwölf Menschen starben.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_identifies_scripts_and_languages(code):
    found = identify(SAMPLES[code])
    assert found.code == code
    assert 0.5 < found.confidence <= 1.0


def test_long_text_is_not_truncated_to_80_characters():
    # The first 80 characters are English; the rest, much longer, is Czech.
    text = "Breaking news update from our correspondent in the city this morning: " + (
        SAMPLES["cs"] + " ") * 6
    assert identify(text).code == "cs"


def test_no_letters_gives_undetermined():
    assert identify("12 345 — 67").code == "und"
    assert identify("").confidence == 0.0


def test_hint_is_used_only_when_unsure():
    stage = LanguageStage(min_confidence=0.5)
    assert stage("", "12 345", hint="fr").code == "fr"
    assert stage("", SAMPLES["de"], hint="fr").code == "de"
