"""RFC 9309 matching: groups, longest match, wildcards, percent-encoding."""

from __future__ import annotations

import pytest

from babelwire.sources.robots_rules import RobotsText, normalise_path

SITE = "https://news.example"


def allowed(text: str, path: str, token: str = "babelwire") -> bool:
    return RobotsText.parse(text).allows(token, SITE + path)


def test_the_longest_rule_wins_whatever_the_order():
    text = "User-agent: *\nDisallow: /\nAllow: /news/\n"
    assert allowed(text, "/news/2026/a.html")
    assert not allowed(text, "/about")
    # urllib.robotparser would apply "Disallow: /" first and refuse /news/ too
    assert allowed("User-agent: *\nAllow: /news/\nDisallow: /\n", "/news/a")


def test_allow_wins_a_tie_and_an_empty_disallow_is_no_rule():
    assert allowed("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a/b")
    assert allowed("User-agent: *\nDisallow:\n", "/anything")


@pytest.mark.parametrize(("path", "ok"), [
    ("/files/report.pdf", False), ("/files/report.pdf?x=1", True), ("/report.PDF", True),
    ("/search?q=x", False), ("/search", True), ("/a/private/b", False), ("/a/b", True),
])
def test_wildcards_and_end_anchor(path, ok):
    text = ("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search?\n"
            "Disallow: /*/private/\n")
    assert allowed(text, path) is ok


def test_our_group_replaces_the_star_group_and_same_named_groups_merge():
    text = ("User-agent: *\nDisallow: /\n\n"
            "User-agent: BabelWire/2.0\nDisallow: /drafts/\n\n"
            "User-agent: otherbot\nUser-agent: babelwire\nDisallow: /tmp/\n")
    assert allowed(text, "/news/a")
    assert not allowed(text, "/drafts/x") and not allowed(text, "/tmp/x")
    assert not allowed(text, "/news/a", token="somebot")


def test_no_group_for_us_and_no_star_group_allows_everything():
    assert allowed("User-agent: otherbot\nDisallow: /\n", "/a")
    assert allowed("Disallow: /\n", "/a")  # a rule outside any group
    assert allowed("", "/a")


def test_robots_txt_itself_is_always_allowed():
    assert allowed("User-agent: *\nDisallow: /\n", "/robots.txt")


def test_percent_encoding_is_compared_in_one_form():
    assert normalise_path("/caf%c3%a9") == normalise_path("/café") == "/caf%C3%A9"
    assert normalise_path("/%7Euser/%41") == "/~user/A"
    assert normalise_path("/a%2Fb") == "/a%2Fb"  # a reserved character stays escaped
    text = "User-agent: *\nDisallow: /café/\n"
    assert not allowed(text, "/caf%C3%A9/menu")


def test_comments_case_and_crawl_delay():
    text = ("# site rules\nUSER-AGENT: *   # everyone\nDISALLOW: /x # no\n"
            "Crawl-delay: 2\nRequest-rate: 1/5s\n")
    robots = RobotsText.parse(text)
    assert not robots.allows("babelwire", SITE + "/x/y")
    assert robots.crawl_delay("babelwire") == 5.0
    assert RobotsText.parse("User-agent: *\nCrawl-delay: nonsense\n").crawl_delay("b") is None
