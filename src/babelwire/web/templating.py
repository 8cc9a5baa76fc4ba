"""The Jinja2 environment for the pages: autoescaping always on, and display filters.

Article titles and texts are untrusted. Every template is autoescaped, no
filter here returns markup, and no template uses ``|safe``: a test greps for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context

from babelwire.web.languages import html_lang, language_name, text_direction
from babelwire.web.trends import RANGE_LABELS


def fmt_time(value: datetime | None, style: str = "long") -> str:
    """``13 Nov 2026, 14:00 UTC`` (long), ``13 Nov 14:00`` (short) or ``13 Nov 2026`` (day)."""
    if value is None:
        return "unknown time"
    t = value.astimezone(UTC)
    text = {"long": f"{t:%d %b %Y, %H:%M} UTC", "short": f"{t:%d %b %H:%M}",
            "day": f"{t:%d %b %Y}"}[style]
    return text.lstrip("0")


def iso(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(UTC).isoformat()


def fmt_span(value: timedelta | None) -> str:
    """``3 days``, ``5 hours``, ``12 minutes``."""
    if value is None:
        return ""
    seconds = max(0.0, value.total_seconds())
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return "under a minute"


def ago(value: datetime | None, reference: datetime) -> str:
    """How long before ``reference`` ``value`` was: ``2 days before``, ``just now``."""
    if value is None:
        return ""
    gap = reference - value
    if gap < timedelta(minutes=1):
        return "at the newest article" if gap >= timedelta(0) else "later"
    return f"{fmt_span(gap)} earlier"


def query_string(params: dict[str, object], **changes: object) -> str:
    """``?a=1&b=2`` from ``params`` with ``changes`` applied (None and '' removed)."""
    merged = {**params, **changes}
    kept = {k: str(v) for k, v in merged.items() if v is not None and v != ""}
    return "?" + urlencode(kept) if kept else "?"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def lead(text: str, chars: int = 260) -> str:
    """The first ``chars`` characters of ``text``, cut at a space, whitespace collapsed."""
    body = " ".join(text.split())
    if len(body) <= chars:
        return body
    cut = body.rfind(" ", 0, chars)
    return body[: cut if cut > chars // 2 else chars] + " …"


def href(url: str) -> str:
    """``url`` when it is an http(s) URL, else ``#``: no ``javascript:`` links from articles."""
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else "#"


class RoutePaths:
    """``app.url_path_for`` remembered: a page links to dozens of routes, and each lookup
    walks every route of the app (a third of the time a story page took to render).

    Routes whose parameters are all integers (``/story/{story_id}``) are turned into
    a format string once; other links (static files) are remembered whole.
    """

    def __init__(self, app: Any) -> None:
        self._app = app
        self._formats: dict[tuple[str, tuple[str, ...]], str] = {}
        self._paths: dict[tuple[str, tuple[tuple[str, Any], ...]], str] = {}

    def path(self, name: str, params: Mapping[str, Any]) -> str:
        if params and all(type(v) is int for v in params.values()):
            shape = (name, tuple(sorted(params)))
            template = self._formats.get(shape)
            if template is None:
                template = self._template(name, params)
                self._formats[shape] = template
            return template.format(**params)
        key = (name, tuple(sorted(params.items())))
        found = self._paths.get(key)
        if found is None:
            found = str(self._app.url_path_for(name, **params))
            if len(self._paths) < 4096:
                self._paths[key] = found
        return found

    def _template(self, name: str, params: Mapping[str, Any]) -> str:
        # Placeholders that cannot occur in a route's fixed text.
        probes = {k: 987_654_321_000 + i for i, k in enumerate(sorted(params))}
        template = str(self._app.url_path_for(name, **probes)).replace("{", "{{").replace(
            "}", "}}")
        for key, probe in probes.items():
            template = template.replace(str(probe), "{" + key + "}")
        return template


@pass_context
def path_for(context: Mapping[str, Any], name: str, /, **params: Any) -> str:
    """The path (not the absolute URL) of the route ``name``: right behind any proxy."""
    app = context["request"].app
    paths: RoutePaths | None = getattr(app.state, "route_paths", None)
    if paths is None:
        paths = app.state.route_paths = RoutePaths(app)
    return paths.path(name, params)


def make_environment() -> Environment:
    env = Environment(loader=PackageLoader("babelwire.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(time=fmt_time, iso=iso, span=fmt_span, lead=lead, href=href)
    env.globals.update(language_name=language_name, html_lang=html_lang,
                       text_direction=text_direction, query_string=query_string,
                       plural=plural, ago=ago, RANGE_LABELS=RANGE_LABELS, path_for=path_for)
    return env


def make_templates() -> Jinja2Templates:
    return Jinja2Templates(env=make_environment())
