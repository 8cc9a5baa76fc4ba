"""Russian country adjectives as their country, in an article about the United States."""

from babelwire.stages.entities_adjectives import adjectives_in_us_articles
from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_records import Mention


def _places(doc: str, *forms: tuple[str, str]) -> list[Mention]:
    out = []
    for form, key in forms:
        start = doc.find(form)
        while start >= 0:
            out.append(Mention(text=form, kind="place", start=start, end=start + len(form),
                               lang="ru", rule="gazetteer", canonical=key))
            start = doc.find(form, start + 1)
    return sorted(out, key=lambda m: m.start)


def test_country_adjectives_in_an_article_about_the_us():
    doc = ("В США подсчитали голоса. Американские СМИ и американских избирателей волнуют "
           "российские хакеры, пишут в США.")
    found = adjectives_in_us_articles(doc, _places(doc, ("США", "place:US")), "ru",
                                      default_gazetteer())
    adjectives = {m.text: m.canonical for m in found if m.rule == "pattern"}
    # the capitalised one opening a sentence is left to the finder
    assert adjectives == {"американских": "place:US", "российские": "place:RU"}


def test_no_adjective_outside_an_article_about_the_us_or_outside_russian():
    doc = "Германия ждёт газ. Германия и американские компании спорят, говорят в США."
    mentions = _places(doc, ("Германия", "place:DE"), ("США", "place:US"))
    assert adjectives_in_us_articles(doc, mentions, "ru", default_gazetteer()) == mentions
    doc = "В США подсчитали голоса американских избирателей, пишут в США."
    mentions = _places(doc, ("США", "place:US"))
    assert adjectives_in_us_articles(doc, mentions, "uk", default_gazetteer()) == mentions


def test_adjectives_that_only_share_a_country_name_prefix_are_not_taken():
    # политической starts like Polynesia, рождественских like Christmas Island
    doc = "В США политической элите не до рождественских праздников, пишут в США."
    found = adjectives_in_us_articles(doc, _places(doc, ("США", "place:US")), "ru",
                                      default_gazetteer())
    assert [m.text for m in found] == ["США", "США"]
