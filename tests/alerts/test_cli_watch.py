"""``babelwire watch ...`` and ``babelwire alerts`` over a real database."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from babelwire.alerts import hooks
from babelwire.cli import main
from babelwire.settings import load_settings
from babelwire.store import SQLiteStore

from .conftest import NOW


@pytest.fixture
def db(base_db, tmp_path):
    path = tmp_path / "cli.db"
    shutil.copy(base_db, path)
    return path


def cli(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], env={"BABELWIRE_CONFIG": ""})


def test_add_list_test_feed_alerts_remove(db):
    added = cli(db, "watch", "add", "rail", "--query", '"rail strike" OR sciopero',
                "--alias", "rail strike=grève SNCF|Bahnstreik", "--webhook",
                "https://hooks.example.org/bw", "--email", "desk@example.org", "--backfill")
    assert added.exit_code == 0, added.output
    assert "webhook secret" in added.output
    secret = added.output.strip().split()[-1]
    assert len(secret) == 64
    listed = json.loads(cli(db, "watch", "list", "--json").output)
    assert listed == [{
        "name": "rail", "query": '"rail strike" OR sciopero', "languages": [], "sources": [],
        "aliases": {"rail strike": ["grève SNCF", "Bahnstreik"]},
        "webhook": "https://hooks.example.org/bw", "email": "desk@example.org",
        "mode": "immediate", "digest_minutes": None,
        "reasons": ["match", "breaking", "new_language"], "created_at": listed[0]["created_at"]}]
    assert secret not in cli(db, "watch", "list", "--json").output

    tested = json.loads(cli(db, "watch", "test", "rail", "--json").output)
    assert tested and all(r["matched_terms"] for r in tested)
    assert any("grève SNCF" in r["matched_terms"] for r in tested)

    settings = load_settings(env={}, overrides={"db": str(db)})
    with SQLiteStore(db) as store:  # the rules alone (no delivery: the webhook is not local)
        hooks(settings, store)[0].after_ingest(NOW)
    log = json.loads(cli(db, "alerts", "--json").output)
    assert {a["story_id"] for a in log if a["reason"] == "match"} == {
        r["story_id"] for r in tested}
    assert all(a["watch"] == "rail" and a["story"]["articles"] for a in log)
    text = cli(db, "alerts").output
    assert "rail: match story" in text

    feed = cli(db, "watch", "feed", "rail")
    assert feed.exit_code == 0
    assert len(ET.fromstring(feed.output.strip()).findall(
        "{http://www.w3.org/2005/Atom}entry")) == len(log)

    assert cli(db, "watch", "remove", "rail").exit_code == 0
    assert json.loads(cli(db, "watch", "list", "--json").output) == []
    assert json.loads(cli(db, "alerts", "--json").output) == []
    gone = cli(db, "watch", "remove", "rail")
    assert gone.exit_code != 0 and "no watchlist called 'rail'" in gone.output


@pytest.mark.parametrize(("args", "problem"), [
    (["--query", "rail AND ("], "ends with an operator"),
    (["--query", 'topic:"x"'], "unknown field 'topic'"),
    (["--query", "rail", "--webhook", "ftp://x"], "unsupported URL scheme"),
    (["--query", "rail", "--email", "not-an-address"], "is not an email address"),
    (["--query", "rail", "--alias", "rail"], "alias 'rail' is malformed"),
    (["--query", "rail", "--digest", "0"], "1 to 44640 minutes"),
    (["--query", "rail", "--digest", "99999999999999999999"], "1 to 44640 minutes"),
    (["--query", "*", "--reasons", "breaking,storm"], "unknown alert reason(s) storm"),
    (["--query", "rail", "--lang", "english please"], "is not a language code"),
])
def test_bad_watches_are_refused_with_the_reason(db, args, problem):
    result = cli(db, "watch", "add", "w", *args)
    assert result.exit_code != 0
    assert problem in result.output
    assert json.loads(cli(db, "watch", "list", "--json").output) == []


def test_a_new_watch_does_not_alert_on_old_articles_unless_asked(db):
    assert cli(db, "watch", "add", "rail", "--query", "sciopero OR SNCF").exit_code == 0
    settings = load_settings(env={}, overrides={"db": str(db)})
    with SQLiteStore(db) as store:
        hooks(settings, store)[0].after_ingest(NOW)
    assert json.loads(cli(db, "alerts", "--json").output) == []
    assert json.loads(cli(db, "watch", "test", "rail", "--json").output) != []
