import json

import pytest
from click.testing import CliRunner

from babelwire.cli import main

ARTICLES = [
    {"url": "https://herald-example.com/floods?utm_source=rss",
     "title": "Floods kill twelve in Valencia",
     "text": "Heavy rain flooded the old town of Valencia on Tuesday night, and the regional "
             "government said twelve people had died and 1,400 were evacuated.",
     "published": "2026-11-03T08:15:00+01:00", "source": "Herald", "lang": "en",
     "section": "world"},
    {"url": "https://zpravy-example.cz/povodne",
     "title": "Povodně ve Valencii zabily dvanáct lidí",
     "text": "Silné deště zaplavily v úterý v noci staré město ve Valencii. Regionální vláda "
             "uvedla, že zemřelo dvanáct lidí a 1400 bylo evakuováno.",
     "published": "2026-11-03T10:00:00+01:00", "source": "Zprávy"},
]


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"title": "no url", "text": "x"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def invoke(*args, env=None):
    result = CliRunner().invoke(main, list(args), env={"BABELWIRE_CONFIG": "", **(env or {})},
                                catch_exceptions=False)
    return result


def test_ingest_reports_counts_and_bad_lines_then_lists_json(tmp_path, jsonl):
    db = str(tmp_path / "c.db")
    result = invoke("--db", db, "ingest", str(jsonl))
    assert result.exit_code == 0, result.output
    assert "new: 2  duplicates: 0  unchanged: 0  failed: 2" in result.output
    assert f"{jsonl}:2" in result.output and f"{jsonl}:4" in result.output

    again = invoke("--db", db, "ingest", str(jsonl))
    assert "new: 0  duplicates: 0  unchanged: 2" in again.output

    arts = json.loads(invoke("--db", db, "articles", "--json").output)
    assert [set(a) for a in arts] == [
        {"url", "title", "lang", "published", "source", "story_id", "duplicate_of"}] * 2
    assert arts[0]["url"] == ARTICLES[0]["url"]
    assert {a["lang"] for a in arts} == {"en", "cs"}
    assert arts[0]["published"] == "2026-11-03T07:15:00+00:00"

    stories = json.loads(invoke("--db", db, "stories", "--json").output)
    assert {"id", "title", "languages", "size", "articles"} <= set(stories[0])
    assert len(stories) == 1 and stories[0]["languages"] == ["cs", "en"]
    assert arts[0]["story_id"] == arts[1]["story_id"] == stories[0]["id"]

    hits = json.loads(invoke("--db", db, "search", "Valencii OR Valencia", "--json").output)
    assert {h["url"] for h in hits} == {a["url"] for a in ARTICLES}
    assert all(set(h) == {"url", "title", "score"} for h in hits)

    shown = invoke("--db", db, "story", str(stories[0]["id"]))
    assert "Povodně" in shown.output and "score=" in shown.output


def test_story_command_follows_a_merged_story(tmp_path, jsonl):
    from datetime import UTC, datetime

    from babelwire.store import open_store

    db = str(tmp_path / "m.db")
    invoke("--db", db, "ingest", str(jsonl))
    with open_store(db) as store:
        [story] = store.stories()
        empty = store.new_story("Later merged", datetime(2026, 11, 3, tzinfo=UTC))
        store.merge_stories(empty, story.id, {"score": 0.9})
    shown = CliRunner().invoke(main, ["--db", db, "story", str(empty)],
                               env={"BABELWIRE_CONFIG": ""})
    assert shown.exit_code == 0, shown.output
    assert f"Story #{empty} was merged into story #{story.id}." in shown.stderr
    assert f"Story #{story.id}: " in shown.stdout and "Povodně" in shown.stdout
    missing = invoke("--db", db, "story", "999")
    assert missing.exit_code != 0 and "no story with id 999" in missing.output


def test_db_from_environment_and_config_show(tmp_path, jsonl):
    db = str(tmp_path / "env.db")
    assert invoke("ingest", str(jsonl), env={"BABELWIRE_DB": db}).exit_code == 0
    status = invoke("status", env={"BABELWIRE_DB": db})
    assert "articles: 2" in status.output
    shown = json.loads(invoke("config", "show", "--json", env={"BABELWIRE_DB": db}).output)
    assert shown["db"] == {"value": db, "origin": "env BABELWIRE_DB", "type": "str",
                           "help": shown["db"]["help"]}


def test_malformed_search_is_a_clear_error_not_a_traceback(tmp_path, jsonl):
    db = str(tmp_path / "s.db")
    invoke("--db", db, "ingest", str(jsonl))
    result = invoke("--db", db, "search", '"unclosed')
    assert result.exit_code == 1
    assert "unbalanced quote" in result.output


def test_missing_input_is_named(tmp_path):
    result = invoke("--db", str(tmp_path / "m.db"), "ingest", str(tmp_path / "nope.jsonl"))
    assert result.exit_code != 0
    assert "nope.jsonl" in result.output


def test_demo_builds_a_database_and_prints_stories(tmp_path):
    db = tmp_path / "demo.db"
    result = invoke("--db", str(db), "demo")
    assert result.exit_code == 0, result.output
    assert "stories from the sample corpus" in result.output
    assert f"babelwire --db {db} stories --json" in result.output
    stories = json.loads(invoke("--db", str(db), "stories", "--json").output)
    assert len(stories) >= 15
    assert max(len(s["languages"]) for s in stories) >= 5


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local Wire</title><link>{base}</link>
<item><title>Storm cuts power to 40,000 homes</title><link>{base}/storm</link>
<pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate>
<description>A strong storm hit the coast.</description></item>
</channel></rss>"""
STORM_PAGE = """<html><head><title>Storm cuts power to 40,000 homes</title></head><body><article>
<h1>Storm cuts power to 40,000 homes</h1><p>A strong storm hit the northern coast on Monday
night, cutting power to 40,000 homes and closing two ports, the regional utility said on
Tuesday morning. Crews expect to restore most lines by Wednesday.</p></article></body></html>"""


def test_ingest_a_feed_over_http_fetches_pages_and_respects_loopback_policy(tmp_path, server):
    base = server.url("").rstrip("/")
    server.routes["/robots.txt"] = (404, {}, b"")
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                  FEED.format(base=base).encode())
    server.routes["/storm"] = (200, {"Content-Type": "text/html; charset=utf-8"},
                               STORM_PAGE.encode())
    db = str(tmp_path / "feed.db")
    refused = invoke("--db", db, "ingest", server.url("/feed.xml"))
    assert "failed: 1" in refused.output and "loopback" in refused.output.lower()

    env = {"BABELWIRE_ALLOW_LOOPBACK": "1", "BABELWIRE_RATE_LIMIT": "100"}
    result = invoke("--db", db, "ingest", server.url("/feed.xml"), env=env)
    assert "new: 1" in result.output, result.output
    arts = json.loads(invoke("--db", db, "articles", "--json").output)
    assert arts[0]["title"] == "Storm cuts power to 40,000 homes"
    assert arts[0]["source"] == "Local Wire"
    assert "/storm" in server.paths()


@pytest.mark.parametrize("command", [["stories", "--json"], ["articles", "--json"],
                                     ["search", "--json", "floods"], ["entities", "--json"]])
def test_a_reading_command_on_a_missing_database_creates_none_and_says_so(tmp_path, command):
    db = tmp_path / "typo" / "news.db"
    result = invoke("--db", str(db), *command)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []  # what scripts read is unchanged
    assert f"No database at {db}" in result.stderr
    assert not db.exists() and not db.parent.exists()


def test_an_empty_database_gets_a_hint_on_stderr_only(tmp_path, jsonl):
    db = str(tmp_path / "e.db")
    invoke("--db", db, "status")  # status counts a new database, and leaves none
    assert not (tmp_path / "e.db").exists()
    invoke("--db", db, "token", "add", "reader")  # a writing command creates it
    shown = invoke("--db", db, "stories")
    assert shown.exit_code == 0 and shown.stdout == ""
    assert "No stories in" in shown.stderr and "babelwire ingest" in shown.stderr
    assert invoke("--db", db, "stories", "--json").stderr == ""
    invoke("--db", db, "ingest", str(jsonl))
    listed = invoke("--db", db, "stories")
    assert "Valencia" in listed.stdout and listed.stderr == ""


def test_extraction_libraries_log_their_parse_errors_only_with_verbose(tmp_path):
    import logging

    page = tmp_path / "noise.html"
    page.write_bytes(bytes(range(256)) * 8)  # not HTML at all
    db = str(tmp_path / "n.db")
    result = invoke("--db", db, "ingest", str(page))
    assert "failed [extract] " in result.stderr and "noise.html" in result.stderr
    assert logging.getLogger("trafilatura").getEffectiveLevel() == logging.CRITICAL
    invoke("-v", "--db", db, "status")
    assert logging.getLogger("trafilatura").level == logging.NOTSET  # as the root logs


@pytest.mark.parametrize("command", [["story", "99999999999999999999"],
                                     ["articles", "--story", "99999999999999999999"],
                                     ["stories", "--limit", "99999999999999999999"],
                                     ["search", "x", "--limit", "0"],
                                     ["entities", "--limit", "99999999999999999999"]])
def test_numbers_beyond_what_the_database_holds_are_refused_by_name(tmp_path, jsonl, command):
    db = str(tmp_path / "n.db")
    invoke("--db", db, "ingest", str(jsonl))
    result = invoke("--db", db, *command)
    assert result.exit_code == 2  # a usage error naming the option, not a traceback
    assert "is not in the range" in result.stderr


@pytest.mark.parametrize("command", [["alerts", "--json"], ["watch", "list", "--json"],
                                     ["source", "list", "--json"]])
def test_watch_and_source_listings_create_no_database_either(tmp_path, command):
    db = tmp_path / "nowhere.db"
    result = invoke("--db", str(db), *command)
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert not db.exists()
