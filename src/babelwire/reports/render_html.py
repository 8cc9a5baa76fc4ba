"""The digest as one self-contained HTML page (Jinja2, autoescaped; the chart inline SVG)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from babelwire.reports.charts import language_bars_svg
from babelwire.reports.digest import Digest

_ENV = Environment(loader=PackageLoader("babelwire.reports", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True))


def render_html(d: Digest) -> str:
    chart = Markup(language_bars_svg(d.by_language))
    return _ENV.get_template("digest.html").render(d=d, chart=chart)
