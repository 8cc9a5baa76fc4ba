"""The long-running monitor behind ``babelwire run``.

The main thread owns the store's writing connection and one long-lived
:class:`~babelwire.pipeline.Pipeline`. A few daemon fetch threads poll the
sources that are due (:mod:`babelwire.monitor.poll`) through one shared
:class:`~babelwire.sources.http.Fetcher`, so a source that hangs holds up one
thread until its timeout, never the others. Each finished poll comes back to
the main thread (a long poll hands over its items in parts as it goes), which
runs its items through the pipeline, then remembers the poll's HTTP validators,
logs the arrivals and saves the source's new schedule
(:mod:`babelwire.monitor.schedule`). After each round of finished polls, and at
least every ``HOOK_IDLE_SECONDS`` otherwise, every hook's ``after_ingest`` runs.

Stopping (:meth:`Monitor.request_stop`, SIGINT or SIGTERM): no new polls start,
the pipeline finishes and commits the batch it is on, and the run returns. A
poll still fetching is abandoned; since validators are only remembered once a
poll's articles are stored, whatever it had fetched is fetched again next time.
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from babelwire.monitor.health import HealthAlarm, health_alarms
from babelwire.monitor.hooks import MonitorHook
from babelwire.monitor.poll import Item, PollChunk, PollOutcome, poll_source
from babelwire.monitor.reader import LockedReader
from babelwire.monitor.schedule import PollParams, after_failure, after_success, due
from babelwire.monitor.validators import DeferredValidators
from babelwire.settings import Settings
from babelwire.sources.http import Fetcher
from babelwire.store import open_store
from babelwire.store.base import RegisteredSource, SourcePollState, Store

__all__ = ["HOOK_IDLE_SECONDS", "Monitor", "MonitorReport"]

log = logging.getLogger("babelwire.monitor")

HOOK_IDLE_SECONDS = 30.0
"""Hooks run at least this often (seconds) even when no poll finished."""
HEALTH_EVERY_SECONDS = 60.0
"""How often (seconds) the monitor re-checks health alarms for its log."""
_MAX_WAIT = 1.0


@dataclass(kw_only=True, slots=True)
class MonitorReport:
    """Totals of one monitor run."""

    polls: int = 0
    failures: int = 0
    new: int = 0
    problems: int = 0
    hook_errors: int = 0
    stopped_by: str = "end"
    """'end' (--once or --max-seconds), or the signal or call that stopped it."""
    seconds: float = 0.0


@dataclass(slots=True)
class _Partial:
    """What the chunks of a poll still under way have done so far."""

    items: int = 0
    new: int = 0
    fetch_problems: int = 0
    cut: bool = False
    """A chunk was skipped or cut short by a stop: the poll cannot count as complete."""
    error: str | None = None


@dataclass(slots=True)
class _FetchPool:
    """Daemon threads that run polls; a hung fetch never blocks the process from exiting."""

    workers: int
    tasks: queue.Queue[Callable[[], PollOutcome] | None] = field(default_factory=queue.Queue)
    done: queue.Queue[PollOutcome | PollChunk] = field(default_factory=queue.Queue)
    threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        for number in range(max(1, self.workers)):
            thread = threading.Thread(target=self._work, name=f"babelwire-fetch-{number}",
                                      daemon=True)
            thread.start()
            self.threads.append(thread)

    def _work(self) -> None:
        while True:
            task = self.tasks.get()
            if task is None:
                return
            self.done.put(task())

    def submit(self, task: Callable[[], PollOutcome]) -> None:
        self.tasks.put(task)

    def finished(self, timeout: float) -> list[PollOutcome | PollChunk]:
        """Polls finished (and chunks handed over) so far; waits up to ``timeout`` for one."""
        try:
            first = self.done.get(timeout=max(timeout, 0.0)) if timeout > 0 else \
                self.done.get_nowait()
        except queue.Empty:
            return []
        outcomes = [first]
        while True:
            try:
                outcomes.append(self.done.get_nowait())
            except queue.Empty:
                return outcomes

    def stop(self) -> None:
        for _ in self.threads:
            self.tasks.put(None)


class Monitor:
    """Polls every registered source of ``store`` and ingests what is new.

    ``reader`` is a second connection to the same database for the fetch threads
    (None: the monitor opens one on ``store.path`` and closes it in :meth:`close`,
    or shares ``store``'s connection for an in-memory database); ``pipeline``
    defaults to ``Pipeline(store, settings)``; ``now`` is the clock.
    """

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        hooks: Sequence[MonitorHook] = (),
        reader: Store | None = None,
        pipeline: Any = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.settings = settings
        self.params = PollParams.from_settings(settings)
        self.hooks = list(hooks)
        self.now = now
        self._own_reader: Store | None = None
        if reader is None:
            path = str(getattr(store, "path", ":memory:"))
            if path != ":memory:":
                reader = self._own_reader = open_store(path)
        self._reader = LockedReader(reader if reader is not None else store)
        self.validators = DeferredValidators(self._reader)
        self.fetcher = Fetcher(settings, validators=self.validators)
        if pipeline is None:
            from babelwire.pipeline import Pipeline

            pipeline = Pipeline(store, settings)
        self.pipeline = pipeline
        self._stop = threading.Event()
        self._stop_reason = "end"
        self._states: dict[int, SourcePollState] = {}
        self._alarms: dict[tuple[str, str], HealthAlarm] = {}
        self._partial: dict[int, _Partial] = {}

    # -- stopping ------------------------------------------------------------------------
    def request_stop(self, reason: str = "stop requested") -> None:
        """Ask the run to stop after the current batch (safe from signal handlers)."""
        if not self._stop.is_set():
            self._stop_reason = reason
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def install_signal_handlers(self) -> Callable[[], None]:
        """Stop cleanly on the first SIGINT/SIGTERM, at once on the second; returns an undo."""
        previous: dict[int, Any] = {}

        def handle(signum: int, frame: FrameType | None) -> None:
            name = signal.Signals(signum).name
            if self.stopping:
                raise KeyboardInterrupt(f"second {name}: stopping at once")
            log.warning("%s received: finishing the current batch, then stopping", name)
            self.request_stop(name)

        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handle)

        def undo() -> None:
            for sig, old in previous.items():
                signal.signal(sig, old)

        return undo

    # -- running -------------------------------------------------------------------------
    def run(self, *, once: bool = False, max_seconds: float | None = None) -> MonitorReport:
        """Poll until stopped; ``once``: poll every source one time, then return."""
        report = MonitorReport()
        started = time.monotonic()
        deadline = None if max_seconds is None else started + max_seconds
        self._states = self.store.source_poll_states()
        pool = _FetchPool(int(self.settings.monitor_workers))
        pool.start()
        in_flight: set[int] = set()
        polled: set[int] = set()
        last_hooks = last_health = time.monotonic()
        log.info("monitor started: %d sources, polls every %g-%g s, %d fetch threads",
                 len(self.store.registered_sources()), self.params.min_interval,
                 self.params.max_interval, max(1, int(self.settings.monitor_workers)))
        self._log_health()
        try:
            while not self.stopping:
                if deadline is not None and time.monotonic() >= deadline:
                    break
                now = self.now()
                sources = self._sync_sources()
                for source in sources:
                    if source.id in in_flight or (once and source.id in polled):
                        continue
                    if once or due(self._states.get(source.id), now):
                        in_flight.add(source.id)
                        polled.add(source.id)
                        pool.submit(self._poll_task(source, pool.done.put))
                if once and not in_flight:
                    break
                waiting = [s for s in sources if s.id not in in_flight
                           and not (once and s.id in polled)]
                wait = self._wait_seconds(waiting, now, deadline)
                outcomes = pool.finished(wait)
                for outcome in outcomes:
                    if isinstance(outcome, PollChunk):
                        self._take_chunk(outcome, report)
                        continue
                    in_flight.discard(outcome.source.id)
                    if self.stopping and outcome.items:
                        self._partial.pop(outcome.source.id, None)
                        continue  # not started: fetched again after the restart
                    self._handle_safely(outcome, report)
                clock = time.monotonic()
                if outcomes or clock - last_hooks >= HOOK_IDLE_SECONDS:
                    self._run_hooks(report)
                    last_hooks = clock
                if clock - last_health >= HEALTH_EVERY_SECONDS:
                    self._log_health()
                    last_health = clock
        finally:
            pool.stop()
            report.stopped_by = self._stop_reason if self.stopping else "end"
            report.seconds = time.monotonic() - started
        self._log_health()
        log.info("monitor stopped (%s) after %.1f s: %d polls, %d failed, %d new articles",
                 report.stopped_by, report.seconds, report.polls, report.failures, report.new)
        return report

    def close(self) -> None:
        """Close the hooks and the HTTP client (the stores belong to the caller)."""
        for hook in self.hooks:
            try:
                hook.close()
            except Exception:
                log.exception("hook %s failed to close", getattr(hook, "name", hook))
        self.fetcher.close()
        if self._own_reader is not None:
            self._own_reader.close()
            self._own_reader = None

    # -- internals -----------------------------------------------------------------------
    def _sync_sources(self) -> list[RegisteredSource]:
        sources = self.store.registered_sources()
        known = {source.id for source in sources}
        for gone in set(self._states) - known:
            del self._states[gone]
        return sources

    def _wait_seconds(self, waiting: Iterable[RegisteredSource], now: datetime,
                      deadline: float | None) -> float:
        """Seconds until the next of ``waiting`` is due (at most ``_MAX_WAIT``)."""
        wait = _MAX_WAIT
        for source in waiting:
            state = self._states.get(source.id)
            if state is None or state.next_poll is None:
                continue
            wait = min(wait, (state.next_poll - now).total_seconds())
        if deadline is not None:
            wait = min(wait, deadline - time.monotonic())
        return max(wait, 0.0)

    def _poll_task(self, source: RegisteredSource,
                   deliver: Callable[[PollChunk], None]) -> Callable[[], PollOutcome]:
        state = self._states.get(source.id)
        expected = state.kind if state is not None else None
        chunk_size = max(1, int(self.settings.batch_size))

        def task() -> PollOutcome:
            return poll_source(source, fetcher=self.fetcher, validators=self.validators,
                               is_stored=self._reader.is_stored, expected_kind=expected,
                               now=self.now, deliver=deliver, chunk_size=chunk_size)

        return task

    def _take_chunk(self, chunk: PollChunk, report: MonitorReport) -> None:
        """Ingest the items of a poll still under way (its outcome settles the schedule)."""
        partial = self._partial.setdefault(chunk.source.id, _Partial())
        if partial.cut or partial.error is not None:
            return  # the rest is read again at the next poll
        if self.stopping:
            partial.cut = True
            return
        try:
            new, fetch_problems, complete = self._ingest(chunk.source, chunk.items, report)
        except Exception as exc:
            log.exception("ingesting part of the poll of %s failed", chunk.source.name)
            self._rollback()
            partial.error = f"ingest failed: {type(exc).__name__}: {exc}"
            return
        partial.items += len(chunk.items)
        partial.new += new
        partial.fetch_problems += fetch_problems
        partial.cut = not complete

    def _handle_safely(self, outcome: PollOutcome, report: MonitorReport) -> None:
        """:meth:`_handle`, with a failure to store a poll recorded as that poll's failure."""
        try:
            self._handle(outcome, report)
        except Exception as exc:  # a poison item or a store failure must not stop the monitor
            log.exception("ingesting the poll of %s failed", outcome.source.name)
            self._rollback()
            failed = PollOutcome(source=outcome.source, started=outcome.started,
                                 finished=outcome.finished, kind=None,
                                 error=f"ingest failed: {type(exc).__name__}: {exc}")
            try:
                self._handle(failed, report)
            except Exception:  # the store itself is failing: the next round tries again
                log.exception("recording the failure of %s failed too", outcome.source.name)

    def _rollback(self) -> None:
        rollback = getattr(self.store, "rollback", None)
        if callable(rollback):
            rollback()

    def _handle(self, outcome: PollOutcome, report: MonitorReport) -> None:
        source = outcome.source
        partial = self._partial.pop(source.id, None) or _Partial()
        state = self._states.get(source.id) or SourcePollState(source_id=source.id)
        report.polls += 1
        error = outcome.error or partial.error
        if error is not None:
            report.failures += 1
            state = after_failure(state, now=outcome.started, error=error, params=self.params)
            log.warning("poll %s failed (%d in a row): %s; retry in %.3g s", source.name,
                        state.consecutive_failures, error,
                        _seconds_until(state.next_poll, outcome.started))
            self._save(state)
            return
        new, fetch_problems, complete = 0, 0, True
        if outcome.items and not partial.cut:
            new, fetch_problems, complete = self._ingest(source, outcome.items, report)
        new += partial.new
        read = partial.items + len(outcome.items)
        if partial.cut or not complete:
            log.info("poll %s cut short by the stop after %d new articles; the rest is "
                     "fetched again after a restart", source.name, new)
            return  # neither validators nor schedule: the source is due at restart
        self._remember_validators(outcome, fetch_problems + partial.fetch_problems)
        state = after_success(state, now=outcome.started, new_items=new, kind=outcome.kind,
                              params=self.params)
        self._save(state)
        what = "unchanged (304)" if outcome.unchanged else f"{outcome.kind}, {read} unseen " \
            "items read"
        log.info("polled %s: %s, %d new; next in %.3g s", source.name, what, new,
                 state.interval_seconds or 0.0)

    def _ingest(self, source: RegisteredSource, items: Sequence[Item],
                report: MonitorReport) -> tuple[int, int, bool]:
        """Run ``items`` through the pipeline: (new articles, failed page fetches, complete)."""
        consumed: list[int] = [0]
        result = self.pipeline.run(self._until_stopped(items, consumed))
        new = int(result.new + result.duplicates)
        report.new += new
        report.problems += len(result.problems)
        for problem in result.problems[:20]:
            log.warning("  %s [%s] %s: %s", source.name, problem.stage, problem.location,
                        problem.reason)
        if new:
            self.store.record_arrivals(source.id, self.now(), new)
        fetch_problems = sum(1 for p in result.problems if p.stage == "fetch")
        return new, fetch_problems, consumed[0] == len(items)

    def _until_stopped(self, items: Sequence[Item], consumed: list[int]) -> Iterator[Item]:
        for item in items:
            if self.stopping:
                return
            consumed[0] += 1
            yield item

    def _remember_validators(self, outcome: PollOutcome, fetch_problems: int) -> None:
        for url, (etag, modified) in outcome.validators.items():
            if url == outcome.source.url and fetch_problems:
                continue  # some entries' pages failed: read the whole source again next time
            self.store.put_validators(url, etag, modified)

    def _save(self, state: SourcePollState) -> None:
        if self.store.save_source_poll_state(state):
            self._states[state.source_id] = state
        else:
            self._states.pop(state.source_id, None)

    def _run_hooks(self, report: MonitorReport) -> None:
        now = self.now()
        for hook in self.hooks:
            try:
                hook.after_ingest(now)
            except Exception:
                report.hook_errors += 1
                log.exception("hook %s failed; ingestion goes on",
                              getattr(hook, "name", type(hook).__name__))

    def _log_health(self) -> None:
        try:
            alarms = {a.key: a for a in health_alarms(self.store, self.now(), self.settings)}
        except Exception:
            log.exception("health check failed")
            return
        for key, alarm in alarms.items():
            if key not in self._alarms:
                log.warning("health alarm (%s): %s", alarm.kind, alarm.detail)
        for key, alarm in self._alarms.items():
            if key not in alarms:
                log.info("health alarm cleared (%s): %s", alarm.kind, alarm.subject)
        self._alarms = alarms


def _seconds_until(when: datetime | None, now: datetime) -> float:
    return 0.0 if when is None else max((when - now) / timedelta(seconds=1), 0.0)
