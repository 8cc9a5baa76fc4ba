from babelwire.stages.cluster_scripts import same_script, script_of


def test_scripts_of_languages():
    assert script_of("en") == script_of("cs") == script_of("und") == "latin"
    assert script_of("ru") == script_of("uk") == "cyrillic"
    assert script_of("zh") == "han" and script_of("ZH-tw") == "han"
    assert same_script("de", "en") and same_script("ru", "bg")
    assert not same_script("zh", "en") and not same_script("ja", "zh")
