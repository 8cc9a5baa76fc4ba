"""``babelwire source add|list|remove`` and ``babelwire run``: the continuous monitor.

Stable: ``source add URL [--name NAME]`` and ``run``. ``source list --json``
prints a JSON array of objects with ``id``, ``name``, ``url``, ``created_at``,
``kind``, ``last_fetch``, ``last_success``, ``last_error``, ``last_error_at``,
``consecutive_failures``, ``next_poll``, ``interval_seconds``,
``mean_gap_seconds``, ``articles_last_day``, ``new_total``, ``silent``,
``silent_after_seconds`` and ``failing`` (times are ISO 8601 UTC or null).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

import click

from babelwire.errors import BabelwireError, FetchError
from babelwire.settings import Settings
from babelwire.sources.address_policy import split_http_url
from babelwire.sources.base import host_of
from babelwire.sources.feeds import is_http_url
from babelwire.store import Store

if TYPE_CHECKING:
    from babelwire.monitor.health import SourceReport


class _Context(Protocol):
    settings: Settings

    def store(self, *, existing: bool = False) -> Store: ...


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def source_json(r: SourceReport) -> dict[str, Any]:
    """The stable JSON shape of a registered source with its health."""
    s = r.state
    return {
        "id": r.source.id, "name": r.source.name, "url": r.source.url,
        "created_at": _iso(r.source.created_at),
        "kind": s.kind if s else None,
        "last_fetch": _iso(s.last_fetch) if s else None,
        "last_success": _iso(s.last_success) if s else None,
        "last_error": s.last_error if s else None,
        "last_error_at": _iso(s.last_error_at) if s else None,
        "consecutive_failures": s.consecutive_failures if s else 0,
        "next_poll": _iso(s.next_poll) if s else None,
        "interval_seconds": s.interval_seconds if s else None,
        "mean_gap_seconds": None if s is None or s.mean_gap_seconds is None
        else round(s.mean_gap_seconds, 3),
        "articles_last_day": r.articles_last_day,
        "new_total": s.new_items if s else 0,
        "silent": r.silent,
        "silent_after_seconds": r.silent_after.total_seconds(),
        "failing": r.failing,
    }


@click.group("source")
def source_command() -> None:
    """Sources the monitor (`babelwire run`) polls: feeds, sitemaps or pages."""


@source_command.command("add")
@click.argument("url")
@click.option("--name", default=None, help="A short name (default: the URL's host).")
@click.pass_obj
def source_add(obj: _Context, url: str, name: str | None) -> None:
    """Register URL (an RSS/Atom feed, a sitemap or a page) for monitoring."""
    url = url.strip()
    if not is_http_url(url) or not host_of(url):
        raise click.ClickException(f"{url[:200]!r} is not an http(s) URL; give a feed, "
                                   "sitemap or page address such as "
                                   "https://example.com/feed.xml")
    try:
        split_http_url(url)
    except FetchError as exc:
        raise click.ClickException(str(exc)) from exc
    label = (name or "").strip() or host_of(url)
    try:
        with obj.store() as store:
            registered, created = store.register_source(label, url)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if created:
        click.echo(f"added source {registered.id}: {registered.name} <{registered.url}>")
    else:
        click.echo(f"already registered as source {registered.id}: {registered.name} "
                   f"<{registered.url}>")


@source_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def source_list(obj: _Context, as_json: bool) -> None:
    """List registered sources with their health: polls, errors, pace and alarms."""
    from babelwire.monitor.health import source_reports

    now = datetime.now(UTC)
    with obj.store(existing=True) as store:
        reports = source_reports(store, now, obj.settings)
    if as_json:
        click.echo(json.dumps([source_json(r) for r in reports], ensure_ascii=False, indent=2))
        return
    if not reports:
        click.echo("no sources; add one with: babelwire source add URL", err=True)
    for r in reports:
        s = r.state
        flags = f"  [{', '.join(r.alarms).upper()}]" if r.alarms else ""
        click.echo(f"#{r.source.id:<4} {r.source.name}  <{r.source.url}>{flags}")
        if s is None:
            click.echo("      never polled")
            continue
        pace = "unknown" if s.mean_gap_seconds is None else f"{s.mean_gap_seconds:.0f} s"
        click.echo(f"      {s.kind or '?'}; last fetch {_short(s.last_fetch, now)}, last success "
                   f"{_short(s.last_success, now)}, next poll {_short(s.next_poll, now)} "
                   f"(every {s.interval_seconds or 0:.0f} s; usual gap {pace})")
        click.echo(f"      {r.articles_last_day} articles in the last day, {s.new_items} in all; "
                   f"{s.consecutive_failures} failures in a row")
        if s.last_error:
            click.echo(f"      last error {_short(s.last_error_at, now)}: {s.last_error}")


@source_command.command("remove")
@click.argument("url_or_name")
@click.pass_obj
def source_remove(obj: _Context, url_or_name: str) -> None:
    """Stop monitoring a source, given by URL or name (its articles stay)."""
    wanted = url_or_name.strip()
    with obj.store(existing=True) as store:
        found = [s for s in store.registered_sources() if s.url == wanted]
        if not found:
            found = [s for s in store.registered_sources() if s.name == wanted]
        if not found:
            raise click.ClickException(f"no source with URL or name {wanted!r}; see "
                                       "'babelwire source list'")
        if len(found) > 1:
            urls = ", ".join(s.url for s in found)
            raise click.ClickException(f"{len(found)} sources are named {wanted!r} ({urls}); "
                                       "give the URL instead")
        store.remove_source(found[0].id)
    click.echo(f"removed source {found[0].id}: {found[0].name} <{found[0].url}>")


@click.command("run")
@click.option("--once", is_flag=True, help="Poll every source one time, then exit (for cron).")
@click.option("--max-seconds", type=click.FloatRange(min=0), default=None,
              help="Stop after this many seconds.")
@click.pass_obj
def run_command(obj: _Context, once: bool, max_seconds: float | None) -> None:
    """Monitor the registered sources: poll, ingest what is new, run alert hooks.

    Each source is polled at an interval learned from how often it publishes
    (docs/monitor.md). SIGINT or SIGTERM finishes the current batch and exits;
    a restart resumes where it stopped.
    """
    from babelwire.monitor import Monitor, hooks_for

    monitor_log = logging.getLogger("babelwire.monitor")
    if monitor_log.getEffectiveLevel() > logging.INFO:
        monitor_log.setLevel(logging.INFO)
    settings = obj.settings
    try:
        store = obj.store()
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        if not store.registered_sources():
            click.echo("no sources registered yet; add one with: babelwire source add URL"
                       + ("" if once else " (the monitor picks it up while running)"), err=True)
        monitor = Monitor(store, settings, hooks=hooks_for(settings, store))
        undo = monitor.install_signal_handlers()
        try:
            report = monitor.run(once=once, max_seconds=max_seconds)
        finally:
            undo()
            monitor.close()
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"polls: {report.polls}  failed: {report.failures}  new: {report.new}  "
               f"problems: {report.problems}  ({report.stopped_by}, {report.seconds:.1f} s)",
               err=True)


def _short(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = (when - now).total_seconds()
    span = abs(seconds)
    text = f"{span:.0f} s" if span < 120 else f"{span / 60:.0f} min" if span < 7200 \
        else f"{span / 3600:.1f} h"
    return f"in {text}" if seconds > 0 else f"{text} ago"
