import json
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from babelwire.cli import main
from babelwire.store import open_store
from babelwire.store.base import SourcePollState

FIELDS = {"id", "name", "url", "created_at", "kind", "last_fetch", "last_success", "last_error",
          "last_error_at", "consecutive_failures", "next_poll", "interval_seconds",
          "mean_gap_seconds", "articles_last_day", "new_total", "silent",
          "silent_after_seconds", "failing"}


def invoke(*args):
    return CliRunner().invoke(main, list(args), env={"BABELWIRE_CONFIG": ""},
                              catch_exceptions=False)


def test_sources_are_added_listed_and_removed(tmp_path):
    db = str(tmp_path / "s.db")
    added = invoke("--db", db, "source", "add", "https://wire.example/feed.xml")
    assert added.exit_code == 0 and "added source 1: wire.example" in added.output
    named = invoke("--db", db, "source", "add", "https://other.example/sitemap.xml",
                   "--name", "Other")
    assert "added source 2: Other" in named.output
    again = invoke("--db", db, "source", "add", "https://wire.example/feed.xml", "--name", "X")
    assert again.exit_code == 0 and "already registered as source 1: wire.example" in again.output

    listed = json.loads(invoke("--db", db, "source", "list", "--json").output)
    assert [s["name"] for s in listed] == ["Other", "wire.example"]
    assert all(set(s) == FIELDS for s in listed)
    assert listed[1]["kind"] is None and listed[1]["failing"] is False

    text = invoke("--db", db, "source", "list").output
    assert "#1    wire.example  <https://wire.example/feed.xml>" in text and "never polled" in text

    assert "removed source 2: Other" in invoke("--db", db, "source", "remove", "Other").output
    gone = invoke("--db", db, "source", "remove", "https://wire.example/feed.xml")
    assert "removed source 1" in gone.output
    assert json.loads(invoke("--db", db, "source", "list", "--json").output) == []


def test_bad_source_commands_say_what_is_wrong(tmp_path):
    db = str(tmp_path / "s.db")
    bad = invoke("--db", db, "source", "add", "feed.xml")
    assert bad.exit_code != 0 and "not an http(s) URL" in bad.output
    spaced = invoke("--db", db, "source", "add", "http://exa mple.example/feed")
    assert spaced.exit_code != 0 and "malformed host name" in spaced.output
    assert "malformed host name" in invoke("--db", db, "source", "add",
                                           f"https://{'x' * 300}.example/").output
    assert invoke("--db", db, "source", "list", "--json").stdout.strip() == "[]"
    missing = invoke("--db", db, "source", "remove", "nothing")
    assert missing.exit_code != 0 and "no source with URL or name 'nothing'" in missing.output
    invoke("--db", db, "source", "add", "https://a.example/feed", "--name", "Same")
    invoke("--db", db, "source", "add", "https://b.example/feed", "--name", "Same")
    twice = invoke("--db", db, "source", "remove", "Same")
    assert twice.exit_code != 0 and "2 sources are named 'Same'" in twice.output
    assert len(json.loads(invoke("--db", db, "source", "list", "--json").output)) == 2


def test_health_shows_in_source_list_and_status(tmp_path):
    db = str(tmp_path / "h.db")
    invoke("--db", db, "source", "add", "https://down.example/feed", "--name", "Down")
    now = datetime.now(UTC)
    with open_store(db) as store:
        (source,) = store.registered_sources()
        store.save_source_poll_state(SourcePollState(
            source_id=source.id, kind="feed", last_fetch=now, last_success=now - timedelta(hours=2),
            last_new=now - timedelta(hours=2), last_error="HTTP 503 Service Unavailable",
            last_error_at=now, consecutive_failures=4, next_poll=now + timedelta(minutes=8),
            interval_seconds=300.0, mean_gap_seconds=600.0, polls=40, new_items=35))
        store.record_arrivals(source.id, now - timedelta(hours=2), 3)
    (row,) = json.loads(invoke("--db", db, "source", "list", "--json").output)
    assert row["failing"] is True and row["silent"] is False
    assert row["consecutive_failures"] == 4 and row["articles_last_day"] == 3
    assert row["last_error"] == "HTTP 503 Service Unavailable" and row["new_total"] == 35
    text = invoke("--db", db, "source", "list").output
    assert "[FAILING]" in text and "last error" in text and "HTTP 503" in text
    status = invoke("--db", db, "status").output
    assert "health alarms: 1" in status
    assert "failing_source: Down: the last 4 polls failed" in status


def test_run_once_with_no_sources_says_how_to_add_one(tmp_path):
    result = invoke("--db", str(tmp_path / "r.db"), "run", "--once")
    assert result.exit_code == 0
    assert "no sources registered yet; add one with: babelwire source add URL" in result.output
    assert "polls: 0" in result.output
