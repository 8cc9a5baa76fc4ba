"""A horizontal bar chart of articles per language, as inline SVG (labels escaped)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape


def language_bars_svg(counts: Mapping[str, int], *, width: int = 520, bar: int = 18) -> str:
    if not counts:
        return ""
    most = max(counts.values()) or 1
    label_w, gap = 48, 4
    height = len(counts) * (bar + gap) + gap
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Original articles per language">']
    for i, (lang, n) in enumerate(counts.items()):
        y = gap + i * (bar + gap)
        w = max(1.0, (width - label_w - 60) * n / most)
        parts.append(f'<text x="0" y="{y + bar - 5}" font-size="12">{escape(lang)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar}" '
                     f'fill="#3b6ea8"><title>{escape(lang)}: {n}</title></rect>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + bar - 5}" font-size="12">{n}'
                     "</text>")
    parts.append("</svg>")
    return "".join(parts)
