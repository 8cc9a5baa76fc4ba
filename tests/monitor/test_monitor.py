"""The monitor in-process against local HTTP servers whose feeds change during the test."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

import pytest

from babelwire.monitor import Monitor, hooks_for
from babelwire.pipeline import Pipeline
from babelwire.store import open_store


class RecordingHook:
    """Remembers when it first saw each stored article id."""

    name = "recorder"

    def __init__(self, store) -> None:
        self.store = store
        self.calls: list[datetime] = []
        self.first_seen: dict[int, datetime] = {}
        self.closed = False

    def after_ingest(self, now: datetime) -> None:
        self.calls.append(now)
        for article in self.store.articles():
            self.first_seen.setdefault(article.id, now)

    def close(self) -> None:
        self.closed = True


class BrokenHook:
    name = "broken"

    def after_ingest(self, now: datetime) -> None:
        raise RuntimeError("hook bug")

    def close(self) -> None:
        raise RuntimeError("close bug")


@pytest.fixture
def monitor_env(monitor_settings, embedder):
    """``(settings, store, make_monitor)``; monitors share one pipeline (models load once)."""
    settings = monitor_settings()
    store = open_store(settings.db)
    pipeline = Pipeline(store, settings, embedder=embedder)
    made: list[Monitor] = []

    def make(hooks=(), **overrides) -> Monitor:
        monitor = Monitor(store, settings.replace(**overrides) if overrides else settings,
                          hooks=hooks, pipeline=pipeline)
        made.append(monitor)
        return monitor

    yield settings, store, make
    for monitor in made:
        monitor.close()
    store.close()


def stored_urls(store) -> list[str]:
    return sorted(a.url for a in store.articles())


def test_each_poll_ingests_what_is_new_and_fetches_no_page_twice(make_site, server, monitor_env):
    _settings, store, make = monitor_env
    site = make_site()
    first = site.publish(3)
    source, _ = store.register_source("Wire", site.url)
    report = make().run(once=True)
    assert (report.polls, report.failures, report.new) == (1, 0, 3)
    assert stored_urls(store) == sorted(first)

    second = site.publish(2)
    report = make().run(once=True)
    assert report.new == 2
    assert stored_urls(store) == sorted(first + second)
    for path in site.page_paths():
        assert len(server.requests_to(path)) == 1, path  # known pages are not fetched again

    report = make().run(once=True)  # nothing new: the feed answers 304
    assert report.new == 0
    feed_requests = server.requests_to("/feed.xml")
    assert len(feed_requests) == 3 and "if-none-match" in feed_requests[-1].headers
    state = store.source_poll_states()[source.id]
    assert state.kind == "feed" and state.polls == 3 and state.new_items == 5
    assert state.consecutive_failures == 0 and state.last_error is None
    assert store.source_arrival_counts(state.last_new.replace(year=2000)) == {source.id: 5}


def test_sources_that_fail_hang_or_turn_to_garbage_do_not_stop_the_others(
        make_site, server, monitor_env, caplog):
    _settings, store, make = monitor_env
    release = threading.Event()

    def hang(request):
        release.wait(timeout=30)
        return 200, {"Content-Type": "application/rss+xml"}, b"<rss/>"

    server.routes["/down.xml"] = (500, {"Content-Type": "text/plain"}, b"oops")
    server.routes["/junk.bin"] = (200, {"Content-Type": "application/octet-stream"},
                                  bytes(range(256)) * 8)
    server.routes["/hang.xml"] = hang
    good = make_site()
    changing = make_site(feed_path="/changing.xml", prefix="changing", offset=40)
    good_urls = good.publish(2)
    changing_urls = changing.publish(2)
    ids = {name: store.register_source(name, url)[0].id for name, url in [
        ("Good", good.url), ("Down", server.url("/down.xml")), ("Hang", server.url("/hang.xml")),
        ("Changing", changing.url), ("Junk", server.url("/junk.bin"))]}
    hook = RecordingHook(store)
    states_when_hook_first_saw_articles: list[dict] = []

    class Probe:
        name = "probe"

        def after_ingest(self, now):
            if store.counts()["articles"] and not states_when_hook_first_saw_articles:
                states_when_hook_first_saw_articles.append(store.source_poll_states())

        def close(self):
            pass

    try:
        report = make(hooks=[hook, BrokenHook(), Probe()], timeout=6.0).run(once=True)
        assert report.polls == 5 and report.failures == 3
        assert stored_urls(store) == sorted(good_urls + changing_urls)
        # the good feeds were stored while the hanging source was still being waited for
        (early,) = states_when_hook_first_saw_articles
        assert ids["Hang"] not in early
        states = store.source_poll_states()
        assert "HTTP 500" in (states[ids["Down"]].last_error or "")
        assert "timed out" in (states[ids["Hang"]].last_error or "")
        assert "not an HTML page" in (states[ids["Junk"]].last_error or "")
        assert states[ids["Good"]].consecutive_failures == 0
        assert report.hook_errors >= 1 and hook.calls  # a broken hook is logged, not fatal

        # the changing feed now serves garbage: an error, nothing ingested from it
        server.routes["/changing.xml"] = (200, {"Content-Type": "text/html"},
                                          b"\x00\xff\xfe<html><body>%%%</body>")
        more = good.publish(1)
        report = make().run(once=True)
        states = store.source_poll_states()
        assert "expected a feed" in (states[ids["Changing"]].last_error or "")
        assert states[ids["Changing"]].consecutive_failures == 1
        assert stored_urls(store) == sorted(good_urls + changing_urls + more)

        caplog.set_level(logging.INFO, logger="babelwire.monitor")
        make(timeout=0.5).run(once=True)  # third failure in a row: an alarm in the log
        alarms = [r.getMessage() for r in caplog.records if "health alarm" in r.getMessage()]
        assert any("failing_source" in m and "Down" in m for m in alarms), alarms
        assert any("failing_source" in m and "Hang" in m for m in alarms), alarms
    finally:
        release.set()


def test_fetched_items_not_yet_stored_are_fetched_again_after_a_stop(
        make_site, server, monitor_env, embedder):
    settings, store, make = monitor_env
    site = make_site()
    urls = site.publish(3)
    source, _ = store.register_source("Wire", site.url)
    real = Pipeline(store, settings, embedder=embedder)

    class StopBeforeStoring:
        """The stop arrives after the feed was fetched, before its items are stored."""

        def __init__(self) -> None:
            self.monitor: Monitor | None = None

        def run(self, items):
            assert self.monitor is not None
            self.monitor.request_stop("test stop")
            return real.run(items)

    stopping = StopBeforeStoring()
    monitor = Monitor(store, settings, pipeline=stopping)
    stopping.monitor = monitor
    try:
        report = monitor.run()
    finally:
        monitor.close()
    assert report.stopped_by == "test stop" and report.new == 0
    assert store.counts()["articles"] == 0
    assert store.get_validators(site.url) == (None, None)  # the feed's answer was not kept
    assert source.id not in store.source_poll_states()  # due at once after the restart

    report = make().run(once=True)
    assert report.new == 3 and stored_urls(store) == sorted(urls)
    requests = server.requests_to("/feed.xml")
    assert len(requests) == 2 and "if-none-match" not in requests[1].headers
    assert store.get_validators(site.url)[0] is not None  # now it is kept


def test_a_running_monitor_follows_a_changing_feed(make_site, monitor_env):
    _settings, store, make = monitor_env
    site = make_site()
    published = site.publish(2)
    store.register_source("Wire", site.url)
    hook = RecordingHook(store)
    monitor = make(hooks=[hook])
    result: list = []
    runner = threading.Thread(target=lambda: result.append(monitor.run(max_seconds=120)))
    runner.start()
    try:
        for _ in range(4):
            time.sleep(0.4)
            published += site.publish(1)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and store.counts()["articles"] < len(published):
            time.sleep(0.1)
    finally:
        monitor.request_stop("test done")
        runner.join(timeout=30)
    assert not runner.is_alive()
    (report,) = result
    assert report.stopped_by == "test done" and report.failures == 0
    urls = [a.url for a in store.articles()]
    assert sorted(urls) == sorted(published) and len(set(urls)) == len(urls)
    assert set(hook.first_seen) == {a.id for a in store.articles()}
    assert report.polls >= 3  # it kept polling the feed as it changed
    monitor.close()
    assert hook.closed


def test_hooks_for_returns_the_alert_hooks_and_the_public_names_exist(monitor_settings):
    import babelwire.monitor as monitor_package

    settings = monitor_settings()
    with open_store(settings.db) as store:
        names = [type(h).__name__ for h in hooks_for(settings, store)]
    assert names == ["AlertRulesHook", "DeliveryPlanHook", "OutboxHook"]
    for name in monitor_package.__all__:
        assert getattr(monitor_package, name) is not None, name
    assert {"Monitor", "MonitorHook", "hooks_for", "health_alarms",
            "silent_sources"} <= set(monitor_package.__all__)


def test_sources_added_or_removed_while_running_are_picked_up(make_site, server, monitor_env):
    _settings, store, make = monitor_env
    first = make_site()
    first.publish(1)
    first_source, _ = store.register_source("First", first.url)
    monitor = make()
    runner = threading.Thread(target=lambda: monitor.run(max_seconds=120))
    runner.start()
    try:
        def wait_for(count: int) -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and store.counts()["articles"] < count:
                time.sleep(0.1)
            assert store.counts()["articles"] >= count

        wait_for(1)
        second = make_site(feed_path="/second.xml", prefix="second", offset=60)
        added = second.publish(2)
        with open_store(store.path) as other:  # as `babelwire source add` would, meanwhile
            other.register_source("Second", second.url)
            other.remove_source(first_source.id)
        wait_for(3)
        polls_of_first = len(server.requests_to("/feed.xml"))
        time.sleep(1.0)  # several polling intervals (0.2-2 s)
        assert len(server.requests_to("/feed.xml")) == polls_of_first
    finally:
        monitor.request_stop()
        runner.join(timeout=30)
    assert set(added) <= set(stored_urls(store))
    assert list(store.source_poll_states()) == [s.id for s in store.registered_sources()]


def slow_pages(server, site, delay: float) -> None:
    """Make every page of ``site`` after the first two answer after ``delay`` seconds."""
    for path in site.page_paths()[2:]:
        reply = server.routes[path]
        server.routes[path] = lambda request, reply=reply: (time.sleep(delay), reply)[1]


def test_a_long_poll_hands_over_its_articles_before_it_ends(make_site, server, monitor_env):
    _settings, store, make = monitor_env
    site = make_site()
    urls = site.publish(4)
    slow_pages(server, site, 1.0)
    store.register_source("Wire", site.url)
    counts: list[int] = []

    class Counter:
        name = "counter"

        def after_ingest(self, now):
            counts.append(store.counts()["articles"])

        def close(self):
            pass

    report = make(hooks=[Counter()], batch_size=2).run(once=True)
    assert report.new == 4 and report.polls == 1
    assert 2 in counts and counts[-1] == 4  # the first two were stored while the rest loaded
    assert stored_urls(store) == sorted(urls)


def test_a_stop_between_handed_over_parts_leaves_the_rest_for_the_restart(
        make_site, server, monitor_env):
    _settings, store, make = monitor_env
    site = make_site()
    urls = site.publish(4)
    slow_pages(server, site, 0.5)
    source, _ = store.register_source("Wire", site.url)

    class StopAfterFirstPart:
        name = "stopper"

        def __init__(self) -> None:
            self.monitor: Monitor | None = None

        def after_ingest(self, now):
            if store.counts()["articles"] and self.monitor is not None:
                self.monitor.request_stop("stopped after the first part")

        def close(self):
            pass

    stopper = StopAfterFirstPart()
    monitor = make(hooks=[stopper], batch_size=2)
    stopper.monitor = monitor
    report = monitor.run()
    assert report.stopped_by == "stopped after the first part"
    assert 0 < store.counts()["articles"] < 4
    assert store.get_validators(site.url) == (None, None)
    assert source.id not in store.source_poll_states()

    report = make(batch_size=2).run(once=True)
    urls_stored = [a.url for a in store.articles()]
    assert sorted(urls_stored) == sorted(urls) and len(set(urls_stored)) == 4
    assert store.source_poll_states()[source.id].consecutive_failures == 0
