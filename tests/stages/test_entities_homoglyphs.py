from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_homoglyphs import unmix
from babelwire.stages.entities_keys import fold


def test_a_mixed_word_is_written_in_the_script_of_its_own_letters():
    assert unmix("Бaйдън") == "Байдън"  # Latin a in a Bulgarian word (ъ, д are Cyrillic)
    assert unmix("Tpъмп") == "Тръмп"
    assert unmix("CAЩ") == "САЩ"
    assert unmix("СOVID-19") == "COVID-19"  # Cyrillic С before V, D
    assert unmix("Тwіttеr") == "Twitter"
    assert unmix("SpaceХ") == "SpaceX"  # no letter decides: the majority does


def test_unmix_keeps_length_and_leaves_clean_or_undecidable_words_alone():
    for text in ("Olaf Scholz и Олаф Шольц", "tvСуспільствоВибори", "Сo", "Аb", "COVID-19"):
        assert len(unmix(text)) == len(text)
    assert unmix("Olaf Scholz и Олаф Шольц") == "Olaf Scholz и Олаф Шольц"
    assert unmix("tvСуспільствоВибори") == "tvСуспільствоВибори"  # both scripts own letters
    assert unmix("Сo") == "Сo"  # one letter each, both look-alikes: a tie, left alone
    assert unmix("Аb") == "Ab"  # b has no Cyrillic look-alike


def test_fold_makes_a_mixed_spelling_meet_the_clean_one():
    assert fold("Бaйдън") == fold("Байдън")
    assert fold("СNN") == fold("CNN")


def test_mentions_in_mixed_spelling_are_found_and_keep_the_article_spelling():
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    clean = stage.analyse(1, "", "Президентът на САЩ Джо Байдън заяви днес.", "bg", None)
    mixed_doc = "Президентът на CAЩ Джo Бaйдън заяви днес."
    mixed = stage.analyse(2, "", mixed_doc, "bg", None)
    assert [m.text for m in mixed.mentions] == ["CAЩ", "Джo Бaйдън"]
    for m in mixed.mentions:
        assert mixed_doc[m.start:m.end] == m.text
    assert ({m.entity_id for m in mixed.mentions} == {m.entity_id for m in clean.mentions})
