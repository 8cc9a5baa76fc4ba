"""The ``babelwire`` command line: a thin layer over the pipeline and the store.

Stable commands (their names, options and JSON fields are kept): ``ingest``,
``articles --json``, ``stories --json``, ``search --json``, ``demo``, ``serve``.
"""

from __future__ import annotations

import json
import logging
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from babelwire.cli_entities import entities_command, reindex_entities_command
from babelwire.cli_eval import eval_command
from babelwire.cli_monitor import run_command, source_command
from babelwire.cli_report import report_command
from babelwire.cli_types import COUNT, ROW_ID
from babelwire.cli_watch import alerts_command, watch_group
from babelwire.errors import BabelwireError
from babelwire.records import IngestReport, StoredArticle, Story
from babelwire.settings import SETTINGS, Settings, describe_range, load_settings
from babelwire.store import Store, display_location, is_postgres_url, open_store

QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "readability")
"""Extraction libraries that log every page they cannot parse as an ERROR; without ``-v``
only babelwire's own report of the failure is shown."""


class _Context:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.missing = False
        """True once a reading command found no database at ``settings.db``."""

    def store(self, *, existing: bool = False) -> Store:
        """The database. ``existing``: the command only reads, so a SQLite file that does
        not exist is not created (a mistyped ``--db`` would leave an empty database
        behind); the command reads an empty one in memory and says so on stderr, so its
        output and exit status stay what they were."""
        if existing and not database_exists(self.settings.db):
            self.missing = True
            click.echo(f"No database at {self.settings.db} (nothing stored there yet): "
                       "ingest something first ('babelwire ingest FILE|URL' or "
                       "'babelwire demo'), or check --db / BABELWIRE_DB.", err=True)
            return open_store(":memory:")
        return open_store(self.settings.db)


def database_exists(location: str | Path) -> bool:
    """False only for a SQLite file that does not exist (a URL is the server's business)."""
    text = str(location)
    return is_postgres_url(text) or text == ":memory:" or Path(text).expanduser().exists()


def _hint_if_empty(obj: _Context, found: object, what: str) -> None:
    """On stderr, so that scripts reading stdout see nothing new."""
    if not found and not obj.missing:
        click.echo(f"No {what} in {display_location(obj.settings.db)} yet: add articles "
                   "with 'babelwire ingest FILE|URL' (or try 'babelwire demo').", err=True)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def article_json(a: StoredArticle) -> dict[str, Any]:
    """The stable JSON shape of an article."""
    return {"url": a.url, "title": a.title, "lang": a.lang, "published": _iso(a.published),
            "source": a.source, "story_id": a.story_id, "duplicate_of": a.duplicate_of_url}


def story_json(s: Story) -> dict[str, Any]:
    """The stable JSON shape of a story."""
    return {"id": s.id, "title": s.title, "languages": list(s.languages), "size": s.size,
            "articles": list(s.article_urls), "independent_size": s.independent_size,
            "first_seen": _iso(s.first_seen), "last_seen": _iso(s.last_seen)}


def _dump(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, metavar="PATH",
              help="Database file (default: a file in your user data folder; env BABELWIRE_DB).")
@click.option("--config", "config_file", envvar="BABELWIRE_CONFIG", default=None,
              type=click.Path(dir_okay=False), help="TOML settings file.")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.version_option(package_name="babelwire")
@click.pass_context
def main(ctx: click.Context, db: str | None, config_file: str | None, verbose: int) -> None:
    """babelwire: multilingual news monitoring. Ingest news, get stories across languages."""
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    for library in QUIET_LIBRARIES:  # without -v a failure is reported once, by babelwire
        logging.getLogger(library).setLevel(logging.NOTSET if verbose else logging.CRITICAL)
    try:
        settings = load_settings(config_file=config_file, overrides={"db": db})
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    ctx.obj = _Context(settings)


def _print_report(report: IngestReport, err: bool = False) -> None:
    click.echo(f"new: {report.new}  duplicates: {report.duplicates}  "
               f"unchanged: {report.unchanged}  failed: {report.failed}", err=err)
    for problem in report.problems[:50]:
        click.echo(f"  failed [{problem.stage}] {problem.location}: {problem.reason}", err=True)
    if report.failed > 50:
        click.echo(f"  ... and {report.failed - 50} more", err=True)


@main.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--no-fetch-pages", is_flag=True,
              help="For feeds, keep the entry summaries instead of fetching each article page.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when the terminal is interactive).")
@click.pass_obj
def ingest(obj: _Context, targets: tuple[str, ...], no_fetch_pages: bool,
           progress: bool | None) -> None:
    """Ingest files, folders (HTML, TXT, JSONL, WARC, OPML), feeds, sitemaps or pages.

    Prints counts: new articles, duplicates (copies stored and marked), unchanged
    (already stored), and failures with their location and reason.
    """
    from babelwire.ingest import run_ingest

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with obj.store() as store:
            report = run_ingest(obj.settings, store, targets, show_progress=show,
                                fetch_pages=False if no_fetch_pages else None)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(report)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--story", "story_id", type=ROW_ID, default=None, help="Only this story's articles.")
@click.option("--limit", type=COUNT, default=None, help="At most this many.")
@click.pass_obj
def articles(obj: _Context, as_json: bool, story_id: int | None, limit: int | None) -> None:
    """List stored articles (oldest first)."""
    with obj.store(existing=True) as store:
        found = store.articles(story_id=story_id, limit=limit)
    if as_json:
        _dump([article_json(a) for a in found])
        return
    _hint_if_empty(obj, found or story_id is not None, "articles")
    for a in found:
        copy = f"  (copy of {a.duplicate_of_url})" if a.duplicate_of_url else ""
        date = a.published.date().isoformat() if a.published else "????-??-??"
        click.echo(f"{date} [{a.lang}] story {a.story_id}: {a.title}  <{a.url}>{copy}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--limit", type=COUNT, default=None, help="At most this many.")
@click.pass_obj
def stories(obj: _Context, as_json: bool, limit: int | None) -> None:
    """List stories, largest first; copies count once."""
    with obj.store(existing=True) as store:
        found = store.stories(limit=limit)
    if as_json:
        _dump([story_json(s) for s in found])
        return
    _hint_if_empty(obj, found, "stories")
    for s in found:
        click.echo(f"#{s.id:<5} {s.independent_size:>3} articles ({s.size} with copies) "
                   f"[{', '.join(s.languages)}] {s.title}")


@main.command()
@click.argument("story_id", type=ROW_ID)
@click.pass_obj
def story(obj: _Context, story_id: int) -> None:
    """Show one story: its articles and why each was grouped (a story merged into another
    since shows that one, saying so on stderr)."""
    with obj.store(existing=True) as store:
        found = store.story(story_id)
        successor = store.story_successor(story_id) if found is None else None
        if successor is not None:  # merged since: show the story it joined
            click.echo(f"Story #{story_id} was merged into story #{successor}.", err=True)
            found = store.story(successor)
        if found is None:
            raise click.ClickException(f"no story with id {story_id}")
        members = store.articles(story_id=found.id)
    click.echo(f"Story #{found.id}: {found.title}")
    click.echo(f"languages: {', '.join(found.languages)}; {found.independent_size} articles "
               f"({found.size} with copies); first seen {_iso(found.first_seen)}")
    for a in members:
        copy = f"  copy of {a.duplicate_of_url}" if a.duplicate_of_url else ""
        click.echo(f"  [{a.lang}] {a.source}: {a.title}  score={a.story_score}{copy}")


@main.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--limit", type=COUNT, default=20, show_default=True, help="At most this many.")
@click.pass_obj
def search(obj: _Context, query: str, as_json: bool, limit: int) -> None:
    """Keyword search: words, "phrases", AND, OR, NOT, parentheses."""
    try:
        with obj.store(existing=True) as store:
            hits = store.search_text(query, limit=limit)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        _dump([{"url": h.url, "title": h.title, "score": h.score} for h in hits])
        return
    for h in hits:
        click.echo(f"{h.score:8.3f}  {h.title}  <{h.url}>")
    if not hits:
        click.echo("no matches", err=True)


@main.command()
@click.option("--fresh/--keep", default=True, show_default=True,
              help="Start from an empty demo database.")
@click.option("--serve/--no-serve", "serve_after", default=None,
              help="Serve the dashboard afterwards (default: when run from a terminal).")
@click.option("--host", default=None, help="Address to serve on (default: serve_host).")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port to serve on (default: serve_port, or a free one when it is busy).")
@click.pass_obj
def demo(obj: _Context, fresh: bool, serve_after: bool | None, host: str | None,
         port: int | None) -> None:
    """Build a demo database from the bundled sample corpus, show its stories, serve them."""
    from babelwire.demo import build_demo

    try:
        path, report = build_demo(obj.settings, fresh=fresh,
                                  show_progress=sys.stderr.isatty())
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(report)
    with open_store(path) as store:
        found = store.stories()
    click.echo(f"\n{len(found)} stories from the sample corpus:\n")
    for s in found:
        noun = "articles" if s.independent_size != 1 else "article "
        click.echo(f"#{s.id:<4} {s.independent_size:>2} {noun} [{', '.join(s.languages)}] "
                   f"{s.title}")
    shown = shlex.quote(display_location(path))
    click.echo(f"\nDemo database: {display_location(path)}\nNext:\n"
               f"  babelwire --db {shown} stories --json\n"
               f"  babelwire --db {shown} story {found[0].id if found else 1}\n"
               f"  babelwire --db {shown} search 'Valencia OR Valencie'\n")
    if serve_after is None:
        serve_after = sys.stdin.isatty() and sys.stdout.isatty()
    if not serve_after:
        click.echo(f"Dashboard: babelwire --db {shown} serve")
        return
    _serve(obj.settings.replace(db=str(path)), host, port, any_port_if_busy=port is None)


def _serve(settings: Settings, host: str | None, port: int | None, *,
           any_port_if_busy: bool = False) -> None:
    from babelwire.web.server import run_dashboard

    shown_host = settings.serve_host if host is None else host
    if shown_host not in {"127.0.0.1", "localhost", "::1"} and not settings.read_token_required:
        click.echo(f"note: listening on {shown_host}: other machines can read this database; "
                   "set read_token_required to ask them for a token", err=True)
    try:
        run_dashboard(settings, host=host, port=port, any_port_if_busy=any_port_if_busy,
                      announce=lambda url: click.echo(
                          f"Dashboard: {url}  (database {display_location(settings.db)}; "
                          "Ctrl+C stops it)"))
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--host", default=None, help="Address to listen on (default: serve_host).")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port to listen on (default: serve_port).")
@click.pass_obj
def serve(obj: _Context, host: str | None, port: int | None) -> None:
    """Serve the dashboard and the HTTP API (JSON under /api/, OpenAPI at /openapi.json)."""
    _serve(obj.settings, host, port)


@main.group()
def token() -> None:
    """API tokens: reads need one when read_token_required is set; writes always do."""


@token.command("add")
@click.argument("name")
@click.option("--write", is_flag=True, help="Allow writes too (POST /api/sources).")
@click.pass_obj
def token_add(obj: _Context, name: str, write: bool) -> None:
    """Make a token called NAME and print it; only its hash is stored, so copy it now."""
    from babelwire.web.tokens import create_token

    try:
        with obj.store() as store:
            secret, record = create_token(store, name, can_write=write)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    rights = "read and write" if record.can_write else "read only"
    click.echo(f"Token {record.name!r} ({rights}). It is shown once; only its hash is stored:",
               err=True)
    click.echo(secret)


@token.command("list")
@click.pass_obj
def token_list(obj: _Context) -> None:
    """List token names, rights and creation times (never the tokens)."""
    with obj.store(existing=True) as store:
        found = store.api_tokens()
    for t in found:
        click.echo(f"{t.name:<24} {'read+write' if t.can_write else 'read':<10} "
                   f"created {_iso(t.created_at)}")
    if not found:
        click.echo("no tokens; make one with: babelwire token add NAME [--write]", err=True)


@token.command("revoke")
@click.argument("name")
@click.pass_obj
def token_revoke(obj: _Context, name: str) -> None:
    """Revoke (delete) the token called NAME; requests using it fail from now on."""
    with obj.store() as store:
        removed = store.revoke_token(name)
    if not removed:
        raise click.ClickException(f"no token named {name!r}; see 'babelwire token list'")
    click.echo(f"revoked {name}")


@main.group()
def config() -> None:
    """Inspect settings."""


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", is_flag=True, help="Print the settings reference (docs/settings.md).")
@click.pass_obj
def config_show(obj: _Context, as_json: bool, markdown: bool) -> None:
    """Print every setting's effective value, where it came from, and its help."""
    s = obj.settings
    if markdown:
        click.echo(settings_markdown())
        return
    if as_json:
        _dump({d.name: {"value": s.values[d.name], "origin": s.origins[d.name],
                        "type": d.type.__name__, "help": d.help} for d in SETTINGS})
        return
    for d in SETTINGS:
        click.echo(f"{d.name} = {s.values[d.name]!r}  ({s.origins[d.name]}; "
                   f"env BABELWIRE_{d.name.upper()})\n    {d.help}")


def settings_markdown() -> str:
    """The settings reference, generated from the declarations."""
    lines = ["# Settings", "",
             "Generated by `babelwire config show --markdown`. Precedence, lowest first: "
             "default, settings file (`--config` or `BABELWIRE_CONFIG`), environment "
             "variable, command line.", "",
             "| setting | type | default | range | environment | meaning |",
             "|---|---|---|---|---|---|"]
    for d in SETTINGS:
        default = "per-user data folder" if d.name == "db" else repr(d.default)
        lines.append(f"| `{d.name}` | {d.type.__name__} | {default} | {describe_range(d)} | "
                     f"`BABELWIRE_{d.name.upper()}` | {d.help} |")
    return "\n".join(lines)


@main.command()
@click.pass_obj
def status(obj: _Context) -> None:
    """Counts of articles, copies, stories, languages and sources; source health alarms."""
    from babelwire.monitor.health import health_alarms

    with obj.store(existing=True) as store:
        counts = store.counts()
        alarms = health_alarms(store, datetime.now(UTC), obj.settings)
    click.echo(f"database: {display_location(obj.settings.db)}")
    for key, value in counts.items():
        click.echo(f"  {key}: {value}")
    click.echo(f"  health alarms: {len(alarms)}")
    for alarm in alarms:
        click.echo(f"    {alarm.kind}: {alarm.detail}")


main.add_command(eval_command)
main.add_command(entities_command)
main.add_command(reindex_entities_command)
main.add_command(source_command)
main.add_command(run_command)
main.add_command(watch_group)
main.add_command(alerts_command)
main.add_command(report_command)

if __name__ == "__main__":  # pragma: no cover
    main()
