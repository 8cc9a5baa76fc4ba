"""The per-host rate limiter, on a fake clock: no test waits for real time."""

from __future__ import annotations

import threading

from babelwire.sources.rate_limit import HostRateLimiter


class StillClock:
    """A clock that never moves: every sleep is only recorded."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.lock = threading.Lock()

    def __call__(self) -> float:
        return 100.0

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.sleeps.append(seconds)


def test_first_request_to_a_host_does_not_wait(clock):
    limiter = HostRateLimiter.per_second(1.0, clock=clock, sleep=clock.sleep)
    assert limiter.wait("a.example") == 0.0
    assert limiter.wait("b.example") == 0.0
    assert clock.sleeps == []


def test_requests_to_one_host_are_spaced(clock):
    limiter = HostRateLimiter.per_second(2.0, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        limiter.wait("a.example")
    assert clock.sleeps == [0.5, 0.5]


def test_time_already_passed_counts(clock):
    limiter = HostRateLimiter.per_second(1.0, clock=clock, sleep=clock.sleep)
    limiter.wait("a.example")
    clock.now += 0.75
    limiter.wait("a.example")
    assert clock.sleeps == [0.25]


def test_host_names_are_case_insensitive(clock):
    limiter = HostRateLimiter(1.0, clock=clock, sleep=clock.sleep)
    limiter.wait("News.Example")
    limiter.wait("news.example")
    assert clock.sleeps == [1.0]


def test_longer_interval_for_one_host(clock):
    limiter = HostRateLimiter(1.0, clock=clock, sleep=clock.sleep)
    limiter.wait("slow.example", interval=10.0)
    limiter.wait("slow.example")
    assert clock.sleeps == [10.0]


def test_zero_rate_means_no_limit(clock):
    limiter = HostRateLimiter.per_second(0.0, clock=clock, sleep=clock.sleep)
    for _ in range(5):
        limiter.wait("a.example")
    assert clock.sleeps == []


def test_threads_get_distinct_slots():
    clock = StillClock()
    limiter = HostRateLimiter(1.0, clock=clock, sleep=clock.sleep)
    threads = [threading.Thread(target=limiter.wait, args=("a.example",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # One thread goes at once; the others are given the next seven one-second slots.
    assert sorted(clock.sleeps) == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
