"""``babelwire eval TASK``: measure babelwire's quality on public labelled data.

A thin command over :mod:`babelwire.evaluation.tasks`; see docs/quality.md for
what each task measures and the figures to expect.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from babelwire.errors import BabelwireError
from babelwire.evaluation.parallel import default_jobs
from babelwire.evaluation.report import render
from babelwire.evaluation.tasks import TASKS, EvalOptions, run_task
from babelwire.settings import Settings


@click.command("eval")
@click.argument("task", type=click.Choice(TASKS))
@click.option("--data", "data", default=None, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="The task's benchmark folder, or the folder holding all of them "
                   "(default: $BABELWIRE_BENCH_DIR). Not needed for 'clusters'; optional "
                   "for 'langid'.")
@click.option("--gold", default=None, metavar="FILE.jsonl",
              type=click.Path(dir_okay=False, path_type=Path),
              help="clusters: JSONL articles with a gold 'story' key "
                   "(default: the bundled sample corpus).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Score a deterministic subsample of N items (default: all).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for extraction and dates (default: one per core).")
@click.option("--out", default=None, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the JSON result to FILE.")
@click.pass_context
def eval_command(ctx: click.Context, task: str, data: Path | None, gold: Path | None,
                 as_json: bool, limit: int | None, jobs: int | None, out: Path | None) -> None:
    """Score one part of babelwire on labelled data; print a table per language and overall.

    TASK is one of: extraction (article text, Scrapinghub benchmark), dates
    (publication dates, htmldate set), similarity (story similarity, SemEval-2022
    Task 8), clusters (BCubed of stories on a gold JSONL file), langid (language
    identification on the sample corpus and SemEval texts), entities (named
    entities and their cross-lingual links, SlavicNER), topics (do stories mix
    SlavicNER's topics? the clusterer on news it was never tuned on).
    """
    settings = getattr(ctx.obj, "settings", None)
    options = EvalOptions(data=data, gold=gold, limit=limit, jobs=jobs or default_jobs(),
                          settings=settings if isinstance(settings, Settings) else None)
    try:
        result = run_task(task, options)
    except BabelwireError as exc:
        raise click.ClickException(str(exc)) from exc
    payload = result.to_json()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(render(result))
