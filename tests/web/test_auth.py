"""Tokens: the CLI makes them, the store keeps only hashes, the API checks rights."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from babelwire.cli import main
from babelwire.web.auth import COOKIE
from babelwire.web.tokens import TokenError, check_name, hash_token, new_token

SOURCE = {"name": "Lake Wire", "url": "https://lakewire-example.org/feed.xml"}


def cli(db, *args):
    result = CliRunner().invoke(main, ["--db", str(db), *args], env={"BABELWIRE_CONFIG": ""},
                                catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def tokens(web_db):
    """A write token and a read token made through the CLI, as their owners would."""
    write = cli(web_db, "token", "add", "editor", "--write")
    read = cli(web_db, "token", "add", "reader")
    assert write.exit_code == 0 and read.exit_code == 0
    return {"write": write.stdout.strip(), "read": read.stdout.strip()}


def test_tokens_are_shown_once_and_stored_as_hashes(web_db, tokens, store):
    assert tokens["write"].startswith("bw_") and len(tokens["write"]) > 40
    assert tokens["write"] != tokens["read"]
    rows = store._db.execute("SELECT name, token_hash, can_write FROM api_tokens").fetchall()
    assert {r[0]: bool(r[2]) for r in rows} == {"editor": True, "reader": False}
    stored = " ".join(str(v) for r in rows for v in r)
    assert tokens["write"] not in stored and tokens["read"] not in stored
    assert hashlib.sha256(tokens["write"].encode()).hexdigest() in stored
    listed = cli(web_db, "token", "list")
    assert "editor" in listed.output and "read+write" in listed.output
    assert tokens["write"] not in listed.output
    again = cli(web_db, "token", "add", "editor")
    assert again.exit_code != 0 and "already exists" in again.output


def test_token_names_are_checked():
    assert check_name("ci-bot.2") == "ci-bot.2"
    for bad in ("", "has space", "-dash", "x" * 65, "naïve"):
        with pytest.raises(TokenError):
            check_name(bad)
    assert new_token() != new_token()
    assert hash_token(" abc ") == hash_token("abc")


def test_registering_a_source_needs_a_write_token(client, tokens):
    anonymous = client.post("/api/sources", json=SOURCE)
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert "--write" in anonymous.json()["detail"]
    reader = client.post("/api/sources", json=SOURCE,
                         headers={"Authorization": f"Bearer {tokens['read']}"})
    assert reader.status_code == 403 and "may only read" in reader.json()["detail"]
    wrong = client.post("/api/sources", json=SOURCE, headers={"Authorization": "Bearer bw_nope"})
    assert wrong.status_code == 401 and "unknown" in wrong.json()["detail"]
    auth = {"Authorization": f"Bearer {tokens['write']}"}
    created = client.post("/api/sources", json=SOURCE, headers=auth)
    assert created.status_code == 201
    body = created.json()
    assert body["created"] is True and body["name"] == "Lake Wire" and body["id"] >= 1
    again = client.post("/api/sources", json={**SOURCE, "name": "Other"}, headers=auth)
    assert again.status_code == 200 and again.json() == {**body, "created": False}
    listed = client.get("/api/sources/registered").json()
    assert [s["url"] for s in listed] == [SOURCE["url"]]
    for bad in ({"name": "x", "url": "ftp://a.example"}, {"name": "  ", "url": SOURCE["url"]},
                {"name": "x"}):
        assert client.post("/api/sources", json=bad, headers=auth).status_code == 422
    page = client.get("/sources")
    assert "Lake Wire" in page.text and "Registered, no articles yet" in page.text


def test_a_cookie_never_authorises_a_write(client, tokens):
    client.cookies.set(COOKIE, tokens["write"])
    try:
        assert client.post("/api/sources", json=SOURCE).status_code == 401
    finally:
        client.cookies.clear()


def test_reads_can_require_a_token(make_app, tokens, web_db):
    with TestClient(make_app(read_token_required=True)) as private:
        denied = private.get("/api/stories")
        assert denied.status_code == 401 and "token" in denied.json()["detail"]
        for token in (tokens["read"], tokens["write"]):
            ok = private.get("/api/stories", headers={"Authorization": f"Bearer {token}"})
            assert ok.status_code == 200
        page = private.get("/search?q=flood")
        assert page.status_code == 401 and 'name="token"' in page.text
        assert private.get("/healthz").status_code == 200
        assert private.get("/openapi.json").status_code == 200
        wrong = private.post("/login", data={"token": "bw_wrong", "next": "/search?q=flood"},
                             follow_redirects=False)
        assert wrong.status_code == 401 and "unknown" in wrong.text
        signed_in = private.post("/login", data={"token": tokens["read"],
                                                 "next": "/search?q=flood"},
                                 follow_redirects=False)
        assert signed_in.status_code == 303 and signed_in.headers["location"] == "/search?q=flood"
        cookie = signed_in.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert private.get("/search?q=flood").status_code == 200
        away = private.post("/login", data={"token": tokens["read"], "next": "//evil.example/"},
                            follow_redirects=False)
        assert away.headers["location"] == "/"
        private.post("/logout")
        private.cookies.clear()
        assert private.get("/").status_code == 401


def test_a_revoked_token_stops_working(make_app, web_db):
    made = cli(web_db, "token", "add", "temp")
    token = made.stdout.strip()
    with TestClient(make_app(read_token_required=True)) as private:
        headers = {"Authorization": f"Bearer {token}"}
        assert private.get("/api/sources", headers=headers).status_code == 200
        revoked = cli(web_db, "token", "revoke", "temp")
        assert revoked.exit_code == 0 and "revoked temp" in revoked.output
        assert private.get("/api/sources", headers=headers).status_code == 401
    missing = cli(web_db, "token", "revoke", "temp")
    assert missing.exit_code != 0 and "no token named" in missing.output
