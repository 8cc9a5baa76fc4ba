"""The dashboard and HTTP API: FastAPI, server-rendered Jinja2 pages, inline SVG charts.

``create_app(store, settings)`` builds the application; ``babelwire serve``
runs it. See docs/web.md for the pages, the API and token authentication.
"""

from __future__ import annotations

from babelwire.web.app import create_app
from babelwire.web.server import BackgroundServer, ServeError

__all__ = ["BackgroundServer", "ServeError", "create_app"]
