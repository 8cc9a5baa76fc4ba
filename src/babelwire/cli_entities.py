"""``babelwire entities`` and ``babelwire reindex-entities``: entities across languages.

Stable: ``entities --json`` prints a JSON array of
``{"id", "name", "kind", "variants": [{"text", "lang", "count"}], "articles": [url, ...]}``.
"""

from __future__ import annotations

import json
import time
from typing import Any, Protocol

import click

from babelwire.cli_types import COUNT
from babelwire.errors import BabelwireError
from babelwire.stages.entities_records import ENTITY_KINDS, EntitySummary
from babelwire.store import Store


class _HasStore(Protocol):
    def store(self, *, existing: bool = False) -> Store: ...


def entity_json(e: EntitySummary) -> dict[str, Any]:
    """The stable JSON shape of an entity."""
    return {"id": e.id, "name": e.name, "kind": e.kind,
            "variants": [{"text": v.text, "lang": v.lang, "count": v.count} for v in e.variants],
            "articles": list(e.article_urls)}


@click.command("entities")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--kind", type=click.Choice(ENTITY_KINDS), default=None,
              help="Only people, organisations, places or cited documents.")
@click.option("--limit", type=COUNT, default=None, help="At most this many.")
@click.option("--min-articles", type=COUNT, default=1, show_default=True,
              help="Only entities named in at least this many articles.")
@click.pass_obj
def entities_command(obj: _HasStore, as_json: bool, kind: str | None, limit: int | None,
                     min_articles: int) -> None:
    """People, organisations, places and cited documents, with their spellings per language.

    Spellings of one entity in any script or case form (Olaf Scholz, Олаф Шольц,
    Шольца, أولاف شولتس) are one entry. Most-mentioned first. Run
    'babelwire reindex-entities' first on a database ingested before entities existed.
    """
    try:
        with obj.store(existing=True) as store:
            found = store.entities(kind=kind, limit=limit, min_articles=min_articles)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([entity_json(e) for e in found], ensure_ascii=False, indent=2))
        return
    for e in found:
        spellings = ", ".join(f"{v.text} [{v.lang}]×{v.count}" for v in e.variants[:6])
        more = f" (+{len(e.variants) - 6})" if len(e.variants) > 6 else ""
        click.echo(f"#{e.id:<5} {e.kind:<12} {e.name}  ({len(e.article_urls)} articles): "
                   f"{spellings}{more}")
    if not found:
        click.echo("no entities; ingest articles, or run 'babelwire reindex-entities'", err=True)


@click.command("reindex-entities")
@click.option("--batch", type=COUNT, default=500, show_default=True,
              help="Articles read from the database at a time.")
@click.pass_obj
def reindex_entities_command(obj: _HasStore, batch: int) -> None:
    """Find entities and dates again in every stored article (replaces what was there)."""
    from babelwire.stages.entities import EntityStage

    started = time.perf_counter()
    done = mentions = dates = 0
    try:
        with obj.store() as store:
            store.clear_entities()
            stage = EntityStage(store)
            offset = 0
            while True:
                page = store.articles(limit=batch, offset=offset)
                if not page:
                    break
                for a in page:
                    found = stage.analyse(a.id, a.title, a.text, a.lang, a.published,
                                          story_id=a.story_id)
                    stage.write(found)
                    done += 1
                    mentions += len(found.mentions)
                    dates += len(found.dates)
                offset += len(page)
            stage.flush_merges()  # the last articles' entities may merge too
            entity_count = sum(1 for _ in store.entity_directory())
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    seconds = time.perf_counter() - started
    click.echo(f"reindexed {done} articles in {seconds:.1f} s: {mentions} mentions of "
               f"{entity_count} entities, {dates} dates")


__all__ = ["entities_command", "entity_json", "reindex_entities_command"]
