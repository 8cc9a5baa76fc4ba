from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer


def _mentions(doc: str, lang: str) -> list[tuple[str, int | None]]:
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    return [(m.text, m.entity_id) for m in stage.analyse(1, "", doc, lang, None,
                                                         story_id=None).mentions]


def test_an_acronym_defined_in_brackets_is_the_names_from_then_on():
    found = _mentions("Stávku vyhlásil odborový svaz Vereinigung Cockpit (VC) ve středu. "
                      "Podle VC jde o mzdy.", "cs")
    assert [text for text, _ in found] == ["Vereinigung Cockpit", "VC", "VC"]
    assert len({eid for _, eid in found}) == 1


def test_letters_in_brackets_that_do_not_start_like_the_name_are_left_alone():
    found = dict(_mentions("Stávku vyhlásil svaz Vereinigung Cockpit (AB) ve středu.", "cs"))
    assert found.get("AB") != found["Vereinigung Cockpit"]


def test_an_acronym_of_a_name_the_article_gives_in_full_is_that_name():
    found = _mentions("Zdaniem ekspertów z Center for European Reform umowa upadnie. "
                      "Według CER negocjacje potrwają.", "pl")
    ids = dict(found)
    assert ids["CER"] == ids["Center for European Reform"]


def test_an_acronym_that_spells_two_names_of_the_article_is_left_alone():
    found = _mentions("Eksperci z Center for European Reform i z Council for European Relations "
                      "spierają się. Według CER negocjacje potrwają.", "pl")
    ids = dict(found)
    assert ids.get("CER") not in (ids["Center for European Reform"],
                                  ids["Council for European Relations"])


def test_a_stock_code_in_brackets_after_a_company_is_that_company():
    found = _mentions("W projekcie uczestniczą niemieckie Wintershall (BASFn.DE) i Uniper "
                      "(UN01.DE), austriackie OMV (OMVV.VI).", "pl")
    ids = dict(found)
    assert ids["BASFn.DE"] == ids["Wintershall"]
    assert ids["UN01.DE"] == ids["Uniper"] != ids["Wintershall"]
    assert ids["OMVV.VI"] == ids["OMV"]


def test_a_known_acronym_in_brackets_after_another_languages_name_is_kept():
    # WHO does not start like Světová zdravotnická organizace, so no bracket defines it, and
    # the bracket opens no sentence: the acronym is a mention of its own
    from babelwire.stages.entities_gazetteer import default_gazetteer
    from babelwire.stages.entities_mentions import CasedMentionFinder

    found = CasedMentionFinder(default_gazetteer()).find(
        "Kritika Světové zdravotnické organizace (WHO) zazněla včera.", "cs")
    assert [(m.text, m.canonical) for m in found] == [
        ("Světové zdravotnické organizace", "org:WHO"), ("WHO", "org:WHO")]
