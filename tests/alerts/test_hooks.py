"""The alert hooks end to end: real pipeline, real SQLite, a local webhook receiver and a
local SMTP server."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import timedelta

from babelwire.alerts.channels.webhook import SIGNATURE_HEADER, verify_signature
from babelwire.alerts.watches import add_watch, new_watch

from .conftest import NOW

SECRET = "test-secret"


def _watch(env, name, query, **kw):
    kw.setdefault("created_at", NOW)
    return add_watch(env.store, new_watch(name=name, query=query, secret=SECRET, **kw))


RAIL = '"rail strike" OR sciopero'
RAIL_ALIASES = ["rail strike=grève SNCF|Bahnstreik|huelga de trenes"]


def test_alerts_arrive_once_signed_with_the_right_content(alert_env, corpus_parts, receiver,
                                                          mailbox, run_hooks):
    _base, tail, _burst = corpus_parts
    _watch(alert_env, "rail", RAIL, aliases=RAIL_ALIASES, webhook=receiver.url("/hook"),
           email="desk@example.org")
    run_hooks(alert_env, NOW)  # nothing new since the watch began
    assert receiver.to("/hook") == [] and mailbox.messages == []

    report = alert_env.pipeline.run(tail)
    assert report.failed == 0
    run_hooks(alert_env, NOW)
    posts = receiver.to("/hook")
    assert posts, "the tail holds rail and transport strike reports"
    stored = alert_env.store.alerts()
    assert len(posts) == len(stored)
    bodies = [p.json() for p in posts]
    for post, body in zip(posts, bodies, strict=True):
        assert verify_signature(SECRET, post.body, post.headers[SIGNATURE_HEADER.lower()])
        assert not verify_signature("wrong", post.body, post.headers[SIGNATURE_HEADER.lower()])
        assert body["watch"] == "rail"
        assert body["reason"] in {"match", "new_language"}
        story = alert_env.store.story(body["story"]["id"])
        assert story is not None and body["story"]["title"] == story.title
        assert body["story"]["articles"] and set(body["story"]["articles"]) <= set(
            story.article_urls)
    keys = Counter((b["story"]["id"], b["reason"], b["detail"]) for b in bodies)
    assert max(keys.values()) == 1
    matches = [b for b in bodies if b["reason"] == "match"]
    assert matches and all(b["matched_terms"] for b in matches)
    # every matched story really mentions a strike in some spelling
    for b in matches:
        assert any(t.lower() in {"sciopero", "grève sncf", "bahnstreik", "rail strike",
                                 "huelga de trenes"} for t in b["matched_terms"])
    mails = mailbox.wait(len(posts))
    assert len(mails) == len(posts)
    assert all(m["To"] == "desk@example.org" for m in mails)
    assert all(str(m["Subject"]).startswith("[babelwire] rail:") for m in mails)
    assert all(d.status == "sent" for a in stored for d in a.deliveries)

    # running again, and again with fresh hooks (a restarted monitor), sends nothing new
    run_hooks(alert_env, NOW + timedelta(minutes=1))
    run_hooks(alert_env, NOW + timedelta(minutes=2))
    assert len(receiver.to("/hook")) == len(posts)
    assert len(mailbox.wait(len(posts) + 1, timeout=0.5)) == len(posts)
    # a monitor killed before it moved the watermark redoes the work, and repeats nothing
    alert_env.store.set_alert_state("rules.article_id", "0")
    run_hooks(alert_env, NOW + timedelta(minutes=2, seconds=30))
    assert len(receiver.to("/hook")) == len(posts)
    assert alert_env.store.alert_state("rules.article_id") == str(
        alert_env.store.max_article_id())
    # re-ingesting the same input changes nothing either
    assert alert_env.pipeline.run(tail).new == 0
    run_hooks(alert_env, NOW + timedelta(minutes=3))
    assert len(receiver.to("/hook")) == len(posts)


def test_a_failing_webhook_is_retried_with_back_off_and_email_still_goes(
        alert_env, corpus_parts, receiver, mailbox, run_hooks):
    _base, tail, _burst = corpus_parts
    _watch(alert_env, "rail", RAIL, aliases=RAIL_ALIASES, webhook=receiver.url("/flaky"),
           email="desk@example.org")
    receiver.failures["/flaky"] = 3
    alert_env.pipeline.run(tail)
    run_hooks(alert_env, NOW)
    alerts = alert_env.store.alerts()
    assert len(alerts) >= 2
    # one attempt at the failing webhook, whose other messages wait; email is not held up
    assert [r.status for r in receiver.to("/flaky")] == [500]
    assert len(mailbox.wait(len(alerts))) == len(alerts)
    hooks_ = [d for a in alerts for d in a.deliveries if d.channel == "webhook"]
    assert sum(d.attempts for d in hooks_) == 1
    assert {d.last_error for d in hooks_ if d.attempts} == {
        f"webhook {receiver.url('/flaky')}: HTTP 500"}

    for second in range(1, 90):  # the monitor's cycles over the next minute and a half
        run_hooks(alert_env, NOW + timedelta(seconds=second))
    received = receiver.to("/flaky")
    assert [r.status for r in received].count(500) == 3
    delivered = [r.json()["alert_id"] for r in received if r.status == 204]
    assert sorted(delivered) == sorted(a.id for a in alerts)  # each alert exactly once
    final = alert_env.store.alerts()
    assert {d.status for a in final for d in a.deliveries} == {"sent"}
    assert len(mailbox.messages) == len(alerts)
    # every attempt is logged, and the waits between attempts double from 10 s
    failed_ids = {int(r.headers["x-babelwire-delivery"]) for r in received if r.status == 500}
    for delivery_id in failed_ids:
        log = alert_env.store.delivery_attempts(delivery_id)
        assert [ok for _at, ok, _err in log][-1] is True
        assert all(not ok for _at, ok, _err in log[:-1])
        gaps = [(b[0] - a[0]).total_seconds() for a, b in itertools.pairwise(log)]
        for n, gap in enumerate(gaps):
            assert gap >= 10 * 2 ** n


def test_digest_mode_batches_alerts_into_one_message_per_period(
        alert_env, corpus_parts, receiver, mailbox, run_hooks):
    _base, tail, _burst = corpus_parts
    _watch(alert_env, "rail", RAIL, aliases=RAIL_ALIASES, webhook=receiver.url("/digest"),
           email="desk@example.org", digest_minutes=60)
    alert_env.pipeline.run(tail)
    run_hooks(alert_env, NOW + timedelta(minutes=30))
    alerts = alert_env.store.alerts()
    assert len(alerts) >= 2
    assert receiver.to("/digest") == [] and mailbox.messages == []
    run_hooks(alert_env, NOW + timedelta(minutes=61))
    (post,) = receiver.to("/digest")
    body = post.json()
    assert body["watch"] == "rail" and body["reason"] == "digest"
    assert sorted(a["alert_id"] for a in body["alerts"]) == sorted(a.id for a in alerts)
    assert all({"watch", "reason", "story"} <= set(a) for a in body["alerts"])
    (mail,) = mailbox.wait(1)
    assert f"{len(alerts)} alert(s)" in str(mail["Subject"])
    run_hooks(alert_env, NOW + timedelta(minutes=200))
    assert len(receiver.to("/digest")) == 1


def test_a_multi_language_burst_of_a_watched_story_breaks_once(
        alert_env, corpus_parts, receiver, run_hooks):
    _base, _tail, burst = corpus_parts
    _watch(alert_env, "spain", "Valencia OR Valência OR Valence OR inundaciones",
           webhook=receiver.url("/spain"))
    _watch(alert_env, "anything-breaking", "*", reasons=["breaking"],
           webhook=receiver.url("/breaking"))
    alert_env.pipeline.run(burst)
    run_hooks(alert_env, NOW)
    # the watch of everything delivers the one breaking story and nothing else
    (only,) = [p.json() for p in receiver.to("/breaking")]
    assert only["reason"] == "breaking" and only["watch"] == "anything-breaking"
    everything = alert_env.store.watch("anything-breaking")
    recorded = {a.reason for a in alert_env.store.alerts(watch_id=everything.id)}
    assert recorded >= {"match", "breaking"}
    bodies = [p.json() for p in receiver.to("/spain")]
    breaking = [b for b in bodies if b["reason"] == "breaking"]
    assert len(breaking) == 1, [b["reason"] for b in bodies]
    signals = breaking[0]["breaking"]
    assert len(signals["languages"]) >= 5
    assert signals["independent_sources"] >= 5
    assert signals["p_value"] < 1e-3
    run_hooks(alert_env, NOW + timedelta(minutes=5))
    assert len(receiver.to("/spain")) == len(bodies)
    assert len(receiver.to("/breaking")) == 1
    assert only["story"]["id"] == breaking[0]["story"]["id"]


def test_the_same_articles_a_day_later_do_not_break(alert_env, corpus_parts, receiver,
                                                    run_hooks):
    _base, _tail, burst = corpus_parts
    _watch(alert_env, "spain", "Valencia OR Valência OR Valence OR inundaciones",
           webhook=receiver.url("/spain"))
    alert_env.pipeline.run(burst)
    run_hooks(alert_env, NOW + timedelta(days=1))
    reasons = {p.json()["reason"] for p in receiver.to("/spain")}
    assert "match" in reasons and "breaking" not in reasons


def test_a_webhook_to_loopback_is_refused_without_allow_loopback(
        alert_env, corpus_parts, receiver, run_hooks):
    _base, tail, _burst = corpus_parts
    _watch(alert_env, "rail", RAIL, aliases=RAIL_ALIASES, webhook=receiver.url("/hook"))
    alert_env.pipeline.run(tail)
    alert_env.settings = alert_env.settings.replace(allow_loopback=False)
    run_hooks(alert_env, NOW)
    assert receiver.to("/hook") == []
    errors = {d.last_error for a in alert_env.store.alerts() for d in a.deliveries}
    assert any(e and "allow_loopback" in e for e in errors)




def test_the_scheduled_digest_report_is_emailed_once_per_interval(alert_env, mailbox,
                                                                  run_hooks):
    alert_env.settings = alert_env.settings.replace(digest_email="editor@example.org",
                                                    digest_interval_hours=1.0)
    run_hooks(alert_env, NOW)  # the first period starts now
    run_hooks(alert_env, NOW + timedelta(minutes=30))
    assert mailbox.wait(1, timeout=0.3) == []
    run_hooks(alert_env, NOW + timedelta(minutes=61))
    (mail,) = mailbox.wait(1)
    assert mail["To"] == "editor@example.org"
    assert str(mail["Subject"]).strip().startswith(
        "[babelwire] digest 2026-11-14 09:00 to 2026-11-14 10:01 UTC")
    assert mail.get_body(("html",)) is not None
    run_hooks(alert_env, NOW + timedelta(minutes=62))
    assert len(mailbox.wait(2, timeout=0.3)) == 1
