"""``babelwire report``: a digest of what happened since a time, as md, html or pdf."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import click

from babelwire.errors import BabelwireError
from babelwire.reports.digest import FORMATS, build_digest, email_report, parse_since, render
from babelwire.settings import Settings
from babelwire.store import Store


class _Obj(Protocol):
    settings: Settings
    missing: bool

    def store(self, *, existing: bool = False) -> Store: ...


@click.command("report")
@click.option("--since", "since_text", default="24h", show_default=True,
              help="Period covered, back from now: 90m, 24h, 7d, 2w.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here (default: standard output).")
@click.option("--email", default=None, metavar="ADDR",
              help="Email the report to ADDR (smtp_* settings) instead of printing it.")
@click.option("--now", "now_text", default=None, metavar="ISO-TIME", hidden=True,
              help="End of the period (default: now); for reproducible reports.")
@click.pass_obj
def report_command(obj: _Obj, since_text: str, fmt: str, output: Path | None,
                   email: str | None, now_text: str | None) -> None:
    """Top stories, new stories, coverage by language and watched entities since a time."""
    try:
        now = _parse_now(now_text) if now_text else datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        since = now - parse_since(since_text)
        with obj.store(existing=True) as store:
            if email and obj.missing:  # nothing stored: no one wants that in their inbox
                raise BabelwireError(f"no database at {obj.settings.db}: nothing to email")
            if email:
                email_report(obj.settings, store, to=email, since=since, now=now, fmt=fmt)
                click.echo(f"report emailed to {email}")
                return
            data = render(build_digest(store, since=since, until=now), fmt)
    except (BabelwireError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if output is not None:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)
    elif fmt == "pdf" and sys.stdout.isatty():
        raise click.ClickException("a PDF is binary: give --output FILE")
    else:
        click.echo(data.decode("utf-8") if fmt != "pdf" else data, nl=fmt != "pdf")


def _parse_now(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise BabelwireError(f"--now {text!r}: give an ISO 8601 time such as "
                             "2026-11-22T08:00:00+00:00") from None
