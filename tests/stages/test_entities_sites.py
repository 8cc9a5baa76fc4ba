"""Web addresses as site products, and outlets with their English article."""

import pytest

from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder
from babelwire.stages.entities_sites import site_key


def found(doc: str, lang: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.canonical)
            for m in CasedMentionFinder(default_gazetteer()).find(doc, lang)]


@pytest.mark.parametrize(("doc", "lang", "text", "key"), [
    ("Jak podaje BiznesAlert.pl, gaz płynie.", "pl", "BiznesAlert.pl", "site:biznesalert.pl"),
    ("Според bnr.bg министърът е заминал.", "bg", "bnr.bg", "site:bnr.bg"),
    ("Píše to server iROZHLAS.cz dnes.", "cs", "iROZHLAS.cz", "site:irozhlas.cz"),
    ("Текст появился на www.AtlasShrugs.com вчера.", "ru", "www.AtlasShrugs.com",
     "site:atlasshrugs.com"),
])
def test_a_web_address_is_a_site_keyed_by_its_host(doc, lang, text, key):
    assert (text, "product", key) in found(doc, lang)


def test_links_e_mail_addresses_and_abbreviations_are_no_sites():
    doc = ("Więcej na https://www.bbc.com/news oraz pod adresem biuro@onet.pl, "
           "m.in. w Polsce i U.S. wczoraj.")
    assert not [t for t, kind, key in found(doc, "pl") if (key or "").startswith("site:")]


def test_site_keys_ignore_case_and_www():
    assert site_key("www.BNR.bg") == site_key("bnr.bg") == "site:bnr.bg"


def test_an_outlet_takes_the_english_article_that_opens_it():
    assert ("The Guardian", "product", "product:guardian") in found(
        "Jak pisze The Guardian, rząd upadnie.", "pl")
    assert ("The Observer", "product", "product:observer") in found(
        "Według The Observer premier odejdzie.", "pl")
    # a known name is not cut before a given name inside it (York)
    assert ("The New York Times", "product", "product:nyt") in found(
        "Jak podaje The New York Times, rząd upadnie.", "pl")


def test_one_site_in_two_languages_is_one_entity():
    stage = EntityStage(None, gazetteer=default_gazetteer(), backend="none")
    a = stage.analyse(1, "", "Според bnr.bg министърът е заминал.", "bg", None, story_id=None)
    b = stage.analyse(2, "", "Jak podaje BNR.bg, minister wyjechał.", "pl", None, story_id=None)
    ids = {m.entity_id for m in (*a.mentions, *b.mentions) if m.text.lower() == "bnr.bg"}
    assert len(ids) == 1 and None not in ids
