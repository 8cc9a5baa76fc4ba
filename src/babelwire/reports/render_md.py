"""The digest as Markdown (titles are escaped so they cannot add links or markup)."""

from __future__ import annotations

import re

from babelwire.reports.digest import Digest, DigestStory

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md_escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _row(s: DigestStory) -> str:
    return (f"| {s.id} | {md_escape(s.title)} | {s.new_articles} | {s.growth:.1f}× | "
            f"{s.independent_sources} | {', '.join(s.languages)} |")


def _bar(n: int, most: int, width: int = 30) -> str:
    return "█" * max(1, round(width * n / most)) if most else ""


def render_md(d: Digest) -> str:
    lines = [f"# babelwire digest: {d.since:%Y-%m-%d %H:%M} to {d.until:%Y-%m-%d %H:%M} UTC",
             "", f"{d.total} original articles in {len(d.by_language)} languages.", "",
             "## Top stories", ""]
    head = ["| story | title | new articles | growth | independent outlets | languages |",
            "|---:|---|---:|---:|---:|---|"]
    lines += [*head, *(_row(s) for s in d.top)] if d.top else ["No stories in this period."]
    lines += ["", "## New since " + f"{d.since:%Y-%m-%d %H:%M}", ""]
    lines += [*head, *(_row(s) for s in d.new)] if d.new else ["No new stories."]
    lines += ["", "## Coverage by language", "", "```"]
    most = max(d.by_language.values(), default=0)
    lines += [f"{lang:>4} {n:>6} {_bar(n, most)}" for lang, n in d.by_language.items()]
    lines += ["```", ""]
    if d.entities:
        lines += ["## Watched entities", "", "| watch | entity | articles by language |",
                  "|---|---|---|"]
        for e in d.entities:
            spread = ", ".join(f"{k} {v}" for k, v in e.by_language.items()) or "none"
            lines.append(f"| {md_escape(e.watch)} | {md_escape(e.entity)} | {spread} |")
        lines.append("")
    if d.alerts:
        lines += ["## Alerts", ""]
        for a in d.alerts:
            title = a.payload.get("story", {}).get("title", "")
            detail = f" ({a.detail})" if a.detail else ""
            lines.append(f"- {a.created_at:%Y-%m-%d %H:%M} {md_escape(a.watch)}: {a.reason}"
                         f"{detail}: story {a.story_id} {md_escape(str(title))}")
        lines.append("")
    return "\n".join(lines)
