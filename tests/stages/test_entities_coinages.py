"""Events coined on the pattern of Brexit, and a known name opening a sentence."""

from babelwire.stages.entities_gazetteer import default_gazetteer
from babelwire.stages.entities_mentions import CasedMentionFinder


def found(doc: str, lang: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.canonical)
            for m in CasedMentionFinder(default_gazetteer()).find(doc, lang)]


def test_coinages_on_exit_are_events_keyed_by_their_stem():
    assert found("Hrozí czexit a italexitu se bojí Řím. Grexit nenastal.", "cs")[:2] == [
        ("czexit", "event", "event:exit:czexit"), ("italexitu", "event", "event:exit:italexit")]
    assert ("полексите", "event", "event:exit:полексит") in found("Говорят о полексите.", "ru")
    assert ("Grexit", "event", "event:exit:grexit") in found("Grexit nenastal.", "cs")


def test_brexit_keeps_its_own_key_and_plain_exit_is_no_coinage():
    assert found("Brexit a brexitu.", "cs") == [("Brexit", "event", "event:brexit"),
                                                ("brexitu", "event", "event:brexit")]
    assert found("The exit was closed, and dexit too.", "en") == []


def test_a_known_name_opening_a_sentence_stays_where_the_article_writes_it_in_lower_case():
    doc = "Tvrdý brexit nejvíce postihne regiony.\n\nBrexit nejvíce zasáhne ty oblasti."
    assert [m[0] for m in found(doc, "cs")] == ["brexit", "Brexit"]
