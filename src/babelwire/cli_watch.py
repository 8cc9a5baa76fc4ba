"""``babelwire watch ...`` and ``babelwire alerts``: watchlists and the alert log.

Stable: ``watch add NAME --query QUERY [--webhook URL] [--email ADDR]``.
``watch list --json`` prints ``[{"name", "query", "languages", "sources", "aliases",
"webhook", "email", "mode", "digest_minutes", "reasons", "created_at"}]``; ``alerts --json`` prints
``[{"id", "watch", "reason", "detail", "story_id", "created_at", "story", "matched_terms",
"waiting_for_digest", "deliveries": [{"channel", "target", "status", "attempts",
"last_error"}]}]``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import click

from babelwire.alerts.channels.atom import render_feed
from babelwire.alerts.watches import (
    add_watch,
    alert_json,
    matching_stories,
    new_watch,
    watch_json,
)
from babelwire.cli_types import COUNT
from babelwire.errors import BabelwireError
from babelwire.settings import Settings
from babelwire.store import Store


class _Obj(Protocol):
    settings: Settings

    def store(self, *, existing: bool = False) -> Store: ...


def _dump(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group("watch")
def watch_group() -> None:
    """Watchlists: named queries that raise alerts (see docs/alerts.md)."""


@watch_group.command("add")
@click.argument("name")
@click.option("--query", required=True,
              help='Words, "phrases", AND/OR/NOT, ( ), entity:"Name", lang:xx, source:"Name".')
@click.option("--webhook", default=None, metavar="URL", help="POST signed JSON alerts here.")
@click.option("--secret", default=None, help="HMAC secret for the webhook (default: random, "
              "printed once).")
@click.option("--email", default=None, metavar="ADDR", help="Email alerts here (smtp_* settings).")
@click.option("--lang", "languages", multiple=True, metavar="CODE",
              help="Only articles in this language (repeatable).")
@click.option("--source", "sources", multiple=True, metavar="NAME",
              help="Only articles from this outlet (repeatable).")
@click.option("--alias", "aliases", multiple=True, metavar="TERM=OTHER|OTHER",
              help="Other spellings of a query term, e.g. 'rail strike=grève SNCF|Bahnstreik'.")
@click.option("--digest", "digest_minutes", type=int, default=None, metavar="MINUTES",
              help="Batch alerts into one message every MINUTES (default: send each at once).")
@click.option("--reasons", default=None, metavar="LIST",
              help="Deliver only these alert reasons, comma-separated: match, breaking, "
                   "new_language (default: all). E.g. --query '*' --reasons breaking.")
@click.option("--backfill", is_flag=True,
              help="Also alert on articles stored before the watch was added.")
@click.pass_obj
def watch_add(obj: _Obj, name: str, query: str, webhook: str | None, secret: str | None,
              email: str | None, languages: tuple[str, ...], sources: tuple[str, ...],
              aliases: tuple[str, ...], digest_minutes: int | None, reasons: str | None,
              backfill: bool) -> None:
    """Add a watchlist NAME for QUERY, alerting by webhook, email and its Atom feed."""
    try:
        watch = new_watch(name=name, query=query, webhook=webhook, secret=secret, email=email,
                          languages=languages, sources=sources, aliases=aliases,
                          digest_minutes=digest_minutes, created_at=datetime.now(UTC),
                          reasons=[r.strip() for r in reasons.split(",") if r.strip()]
                          if reasons else None)
        with obj.store() as store:
            stored = add_watch(store, watch, backfill=backfill)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added watch {stored.name!r} ({stored.mode})")
    if stored.webhook_url and not secret:
        click.echo(f"webhook secret (shown once; verify X-Babelwire-Signature with it): "
                   f"{stored.webhook_secret}")


@watch_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def watch_list(obj: _Obj, as_json: bool) -> None:
    """Every watchlist."""
    with obj.store(existing=True) as store:
        found = store.watches()
    if as_json:
        _dump([watch_json(w) for w in found])
        return
    for w in found:
        channels = ", ".join(c for c in (w.webhook_url, w.email) if c) or "feed only"
        mode = f"digest every {w.digest_minutes} min" if w.mode == "digest" else "immediate"
        click.echo(f"{w.name}: {w.query}  [{mode}; {channels}]")
    if not found:
        click.echo("no watchlists; add one with 'babelwire watch add NAME --query QUERY'")


@watch_group.command("remove")
@click.argument("name")
@click.pass_obj
def watch_remove(obj: _Obj, name: str) -> None:
    """Remove watchlist NAME with its alerts."""
    with obj.store(existing=True) as store:
        if not store.remove_watch(name):
            raise click.ClickException(f"no watchlist called {name!r}")
    click.echo(f"removed watch {name!r}")


@watch_group.command("test")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--limit", type=COUNT, default=50, show_default=True)
@click.pass_obj
def watch_test(obj: _Obj, name: str, as_json: bool, limit: int) -> None:
    """Which stored stories watchlist NAME matches (whenever they were stored)."""
    try:
        with obj.store(existing=True) as store:
            watch = store.watch(name)
            if watch is None:
                raise click.ClickException(f"no watchlist called {name!r}")
            matches = matching_stories(store, watch)[:limit]
            stories = {s.id: s for s in store.stories_by_ids([m.story_id for m in matches])}
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    rows: list[dict[str, Any]] = []
    for m in matches:
        story = stories.get(m.story_id)
        rows.append({"story_id": m.story_id, "title": story.title if story else "",
                     "matching_articles": m.articles, "matched_terms": list(m.terms),
                     "languages": list(story.languages) if story else []})
    if as_json:
        _dump(rows)
        return
    for r in rows:
        click.echo(f"#{r['story_id']:<6} {r['matching_articles']:>3} article(s)  {r['title']}  "
                   f"[{', '.join(r['languages'])}]  matched: {', '.join(r['matched_terms'])}")
    if not rows:
        click.echo("no stored story matches")


@watch_group.command("feed")
@click.argument("name")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the feed here (default: print it).")
@click.option("--limit", type=COUNT, default=50, show_default=True)
@click.pass_obj
def watch_feed(obj: _Obj, name: str, output: Path | None, limit: int) -> None:
    """The Atom feed of watchlist NAME's alerts."""
    with obj.store(existing=True) as store:
        watch = store.watch(name)
        if watch is None:
            raise click.ClickException(f"no watchlist called {name!r}")
        alerts = [a for a in store.alerts(watch_id=watch.id, limit=4 * limit)
                  if a.reason in watch.reasons][:limit]
        feed = render_feed(watch, alerts)
    if output is None:
        click.echo(feed)
    else:
        output.write_text(feed, encoding="utf-8")


@click.command("alerts")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--watch", "watch_name", default=None, help="Only this watchlist's alerts.")
@click.option("--limit", type=COUNT, default=100, show_default=True)
@click.pass_obj
def alerts_command(obj: _Obj, as_json: bool, watch_name: str | None, limit: int) -> None:
    """The alert log, newest first, with each delivery's status."""
    with obj.store(existing=True) as store:
        watch_id = None
        if watch_name is not None:
            watch = store.watch(watch_name)
            if watch is None:
                raise click.ClickException(f"no watchlist called {watch_name!r}")
            watch_id = watch.id
        found = store.alerts(watch_id=watch_id, limit=limit)
    if as_json:
        _dump([alert_json(a) for a in found])
        return
    for a in found:
        title = (a.payload.get("story") or {}).get("title", "")
        detail = f" ({a.detail})" if a.detail else ""
        status = "; ".join(f"{d.channel} {d.status}" + (f" after {d.attempts}" if d.attempts
                                                         else "") for d in a.deliveries)
        if not status:
            status = "waiting for digest" if a.batched_at is None else "feed only"
        click.echo(f"{a.created_at:%Y-%m-%d %H:%M} {a.watch}: {a.reason}{detail} story "
                   f"#{a.story_id} {title}  [{status}]")
    if not found:
        click.echo("no alerts")
