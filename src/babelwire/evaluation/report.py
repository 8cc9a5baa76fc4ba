"""What an evaluation task returns, and how it is printed as a table or JSON.

Every task (``extraction``, ``dates``, ``similarity``, ``clusters``, ``langid``)
returns one :class:`EvalResult`: its headline figures (the top-level JSON keys a
quality gate reads), one or more :class:`Table` breakdowns (per language, per
language pair, per subset), the published figure it should be compared with,
and free-form details. Nothing here computes a score.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Value = float | int | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Row:
    """One line of a breakdown: a group (``en``, ``de-en``, ``overall``), its size, its scores."""

    key: str
    n: int
    values: Mapping[str, Value]


@dataclass(frozen=True, kw_only=True, slots=True)
class Table:
    """A breakdown of one task's scores; ``name`` is its JSON key, ``title`` its heading."""

    name: str
    title: str
    key_label: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class EvalResult:
    """Everything one evaluation run measured."""

    task: str
    data: str
    """Where the labelled data was read from."""
    headline: Mapping[str, Value]
    """The figures a quality gate pins (``f1``, ``f``, ``pearson``, ...): top-level JSON keys."""
    items: int
    """How many labelled items were scored."""
    tables: tuple[Table, ...] = ()
    published: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``babelwire eval TASK --json``: headline keys at the top."""
        out: dict[str, Any] = {"task": self.task, **{k: _clean(v) for k, v in
                                                     self.headline.items()}}
        out["items"] = self.items
        out["data"] = self.data
        out["tables"] = {
            t.name: [{t.key_label: r.key, "n": r.n,
                      **{k: _clean(v) for k, v in r.values.items()}} for r in t.rows]
            for t in self.tables
        }
        out["published"] = dict(self.published)
        out["notes"] = list(self.notes)
        out["details"] = dict(self.details)
        out["seconds"] = round(self.seconds, 1)
        return out


def _clean(value: Value) -> Value:
    """NaN and infinities become ``None`` so the JSON stays strict."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _cell(value: Value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def render_table(table: Table) -> str:
    """A plain-text table with aligned columns."""
    header = [table.key_label, "n", *table.columns]
    body = [[r.key, str(r.n), *(_cell(r.values.get(c)) for c in table.columns)]
            for r in table.rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

    def fmt(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([table.title, fmt(header), rule, *(fmt(line) for line in body)])


def render(result: EvalResult) -> str:
    """The human-readable report: headline, tables, published anchors, notes."""
    head = "  ".join(f"{k}={_cell(v)}" for k, v in result.headline.items())
    lines = [f"eval {result.task}: {head}  ({result.items} items, {result.seconds:.0f} s)",
             f"data: {result.data}"]
    for table in result.tables:
        lines += ["", render_table(table)]
    lines.append("")
    for source, figures in result.published.items():
        if isinstance(figures, Mapping):
            figures = "  ".join(f"{k}={_cell(v)}" for k, v in figures.items())
        lines.append(f"published: {source}: {figures}")
    for note in result.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)
