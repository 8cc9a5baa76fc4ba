"""The channels on their own: webhook signing and address policy, SMTP, the Atom feed."""

from __future__ import annotations

import hashlib
import hmac
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from babelwire.alerts.channels.atom import render_feed
from babelwire.alerts.channels.email import send_email
from babelwire.alerts.channels.webhook import post_webhook, sign, verify_signature
from babelwire.alerts.records import Alert, Watch
from babelwire.errors import DeliveryError
from babelwire.settings import load_settings

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_signature_is_hmac_sha256_of_the_body():
    body = b'{"watch": "rail"}'
    expected = hmac.new(b"k", body, hashlib.sha256).hexdigest()
    assert sign("k", body) == f"sha256={expected}"
    assert verify_signature("k", body, f"sha256={expected}")
    assert not verify_signature("k", body + b" ", f"sha256={expected}")
    assert not verify_signature("k", body, None)


def test_webhooks_obey_the_address_policy(receiver):
    closed = load_settings(env={}, overrides={"allow_loopback": False})
    with pytest.raises(DeliveryError, match="allow_loopback"):
        post_webhook(receiver.url("/x"), "{}", secret="k", delivery_id=1, settings=closed)
    with pytest.raises(DeliveryError, match="unsupported URL scheme"):
        post_webhook("file:///etc/passwd", "{}", secret="k", delivery_id=1, settings=closed)
    assert receiver.received == []
    open_ = load_settings(env={}, overrides={"allow_loopback": True})
    post_webhook(receiver.url("/x"), '{"a": 1}', secret="k", delivery_id=7, settings=open_)
    (got,) = receiver.to("/x")
    assert got.headers["x-babelwire-delivery"] == "7"
    assert verify_signature("k", got.body, got.headers["x-babelwire-signature"])


def test_a_webhook_refused_at_connect_time_is_a_delivery_error(receiver):
    """The client checks the address it connects to again (what stops DNS rebinding)."""
    import httpx

    from babelwire.sources.address_policy import AddressPolicy
    from babelwire.sources.pinned_network import pinned_transport

    open_ = load_settings(env={}, overrides={"allow_loopback": True})
    with httpx.Client(transport=pinned_transport(AddressPolicy())) as closed_client, \
            pytest.raises(DeliveryError, match=r"loopback address 127\.0\.0\.1"):
        post_webhook(receiver.url("/x"), "{}", secret="k", delivery_id=1, settings=open_,
                     client=closed_client)
    assert receiver.received == []


def test_a_webhook_that_never_answers_times_out(tmp_path):
    import socket

    with socket.socket() as silent:  # accepts connections, never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        settings = load_settings(env={}, overrides={"allow_loopback": True,
                                                    "alert_timeout": 0.3})
        with pytest.raises(DeliveryError, match="Timeout"):
            post_webhook(f"http://127.0.0.1:{port}/x", "{}", secret="k", delivery_id=1,
                         settings=settings)


def test_email_goes_through_smtp(mailbox):
    settings = load_settings(env={}, overrides={"smtp_host": "127.0.0.1",
                                                "smtp_port": mailbox.port,
                                                "smtp_from": "bw@example.org"})
    send_email(settings, "desk@example.org", "Subject ü", "Body ä", html="<p>x</p>")
    (mail,) = mailbox.wait(1)
    assert mail["To"] == "desk@example.org" and mail["From"] == "bw@example.org"
    assert str(mail["Subject"]) == "Subject ü"
    assert "Body ä" in mail.get_body(("plain",)).get_content()


def test_email_without_a_server_is_a_clear_error(mailbox):
    with pytest.raises(DeliveryError, match="set smtp_host"):
        send_email(load_settings(env={}), "a@b.c", "s", "b")
    dead = load_settings(env={}, overrides={"smtp_host": "127.0.0.1", "smtp_port": 1,
                                            "alert_timeout": 1.0})
    with pytest.raises(DeliveryError, match=r"127\.0\.0\.1:1"):
        send_email(dead, "a@b.c", "s", "b")


def test_the_atom_feed_is_valid_xml_with_escaped_titles():
    watch = Watch(id=3, name="rail", query='"rail strike"', created_at=T0)
    alerts = [Alert(id=n, watch_id=3, watch="rail", story_id=10 + n, reason=reason,
                    detail=detail, created_at=T0,
                    payload={"story": {"id": 10 + n, "title": "<b>Grève</b> & co",
                                       "articles": [f"https://x.example/{n}"],
                                       "languages": ["fr"], "articles_total": 1},
                             "matched_terms": ["grève SNCF"]}, batched_at=T0)
              for n, (reason, detail) in enumerate([("match", ""), ("new_language", "de")])]
    text = render_feed(watch, alerts, self_url="http://localhost/feed.atom")
    assert "<b>" not in text and "&lt;b&gt;" in text
    root = ET.fromstring(text)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == ["urn:babelwire:alert:0",
                                                            "urn:babelwire:alert:1"]
    assert entries[1].findtext(f"{ATOM}title") == "[new language (de)] <b>Grève</b> & co"
    assert entries[0].find(f"{ATOM}link").get("href") == "https://x.example/0"
