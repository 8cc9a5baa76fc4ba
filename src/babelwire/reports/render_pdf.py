"""The digest as PDF, with fpdf2 and the DejaVu Sans font that matplotlib ships.

DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and Hebrew (and more, such as
Armenian and Georgian); Arabic and Hebrew are shaped and laid out right to left by
HarfBuzz (``uharfbuzz``, in the ``reports`` extra). Characters the font lacks
(Chinese, Japanese, Korean, Indic scripts) are printed as ``?`` rather than
silently dropped. The language chart is drawn as vector rectangles.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babelwire.errors import ModelError
from babelwire.reports.digest import Digest, DigestStory


@lru_cache(maxsize=1)
def _font_dir() -> Path:
    try:
        import matplotlib
    except ImportError as exc:
        raise ModelError("PDF reports need matplotlib (for its DejaVu fonts): "
                         "pip install 'babelwire[reports]'") from exc
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(_font_dir() / "DejaVuSans.ttf"), lazy=True) as font:
        return frozenset(font.getBestCmap())


def printable(text: str) -> str:
    covered = _covered()
    return "".join(c if ord(c) in covered or c in "\n\t" else "?" for c in " ".join(text.split()))


def render_pdf(d: Digest) -> bytes:
    try:
        from fpdf import FPDF
    except ImportError as exc:
        raise ModelError("PDF reports need fpdf2: pip install 'babelwire[reports]'") from exc
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(_font_dir() / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(_font_dir() / "DejaVuSans-Bold.ttf"))
    try:
        import uharfbuzz  # noqa: F401  (fpdf2 shapes text with it)
    except ImportError:  # pragma: no cover - the reports extra installs it
        pass
    else:
        pdf.set_text_shaping(True)
    pdf.add_page()

    def heading(text: str, size: int = 13) -> None:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, 7, printable(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)

    def stories(rows: tuple[DigestStory, ...], empty: str) -> None:
        if not rows:
            pdf.multi_cell(0, 5, empty, new_x="LMARGIN", new_y="NEXT")
            return
        with pdf.table(col_widths=(10, 90, 16, 14, 16, 34), text_align=(
                "RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT")) as table:
            table.row(["#", "title", "new", "growth", "outlets", "languages"])
            for s in rows:
                table.row([str(s.id), printable(s.title), str(s.new_articles),
                           f"{s.growth:.1f}x", str(s.independent_sources),
                           ", ".join(s.languages)])

    heading(f"babelwire digest: {d.since:%Y-%m-%d %H:%M} to {d.until:%Y-%m-%d %H:%M} UTC", 15)
    pdf.multi_cell(0, 5, f"{d.total} original articles in {len(d.by_language)} languages.",
                   new_x="LMARGIN", new_y="NEXT")
    heading("Top stories")
    stories(d.top, "No stories in this period.")
    heading(f"New since {d.since:%Y-%m-%d %H:%M}")
    stories(d.new, "No new stories.")
    heading("Coverage by language")
    most = max(d.by_language.values(), default=0) or 1
    for lang, n in d.by_language.items():
        if pdf.will_page_break(6):
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(12, 5, printable(lang))
        pdf.set_fill_color(59, 110, 168)
        width = max(0.5, 130 * n / most)
        pdf.rect(pdf.l_margin + 14, y + 0.5, width, 4, style="F")
        pdf.set_xy(pdf.l_margin + 16 + width, y)
        pdf.cell(20, 5, str(n))
        pdf.ln(6)
    if d.entities:
        heading("Watched entities")
        with pdf.table(col_widths=(40, 50, 90)) as table:
            table.row(["watch", "entity", "articles by language"])
            for e in d.entities:
                spread = ", ".join(f"{k} {v}" for k, v in e.by_language.items()) or "none"
                table.row([printable(e.watch), printable(e.entity), spread])
    if d.alerts:
        heading("Alerts")
        for a in d.alerts:
            title = str(a.payload.get("story", {}).get("title", ""))
            detail = f" ({a.detail})" if a.detail else ""
            pdf.multi_cell(0, 5, printable(f"{a.created_at:%Y-%m-%d %H:%M} {a.watch}: "
                                           f"{a.reason}{detail}: story {a.story_id} {title}"),
                           new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
