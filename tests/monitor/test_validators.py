import threading

from babelwire.monitor.validators import DeferredValidators
from babelwire.sources.http import MemoryValidatorCache


def test_validators_put_during_a_capture_wait_for_the_caller():
    committed = MemoryValidatorCache()
    committed.put_validators("http://a/feed", '"old"', None)
    deferred = DeferredValidators(committed)
    with deferred.capture() as pending:
        assert deferred.get_validators("http://a/feed") == ('"old"', None)
        deferred.put_validators("http://a/feed", '"new"', "Sun, 22 Nov 2026 08:00:00 GMT")
        # the same poll sees its own answer; the store does not, yet
        assert deferred.get_validators("http://a/feed")[0] == '"new"'
        assert committed.get_validators("http://a/feed") == ('"old"', None)
    assert pending == {"http://a/feed": ('"new"', "Sun, 22 Nov 2026 08:00:00 GMT")}
    assert deferred.get_validators("http://a/feed") == ('"old"', None)


def test_each_thread_captures_its_own_validators():
    committed = MemoryValidatorCache()
    deferred = DeferredValidators(committed)
    seen: dict[str, dict[str, tuple[str | None, str | None]]] = {}
    barrier = threading.Barrier(2)

    def poll(name: str) -> None:
        with deferred.capture() as pending:
            deferred.put_validators(f"http://{name}/", f'"{name}"', None)
            barrier.wait(timeout=5)
            assert deferred.get_validators(f"http://{'b' if name == 'a' else 'a'}/") == \
                (None, None)
        seen[name] = pending

    threads = [threading.Thread(target=poll, args=(name,)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    assert seen == {"a": {"http://a/": ('"a"', None)}, "b": {"http://b/": ('"b"', None)}}
    deferred.put_validators("http://c/", '"c"', None)  # outside a capture: straight through
    assert committed.get_validators("http://c/") == ('"c"', None)
