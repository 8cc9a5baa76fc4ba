"""babelwire: self-hosted multilingual news monitoring.

Sources -> articles -> stories across languages, stored in SQLite. The public
API is what this module exports; see docs/architecture.md for the data flow.
"""

from __future__ import annotations

from babelwire.errors import BabelwireError
from babelwire.records import (
    Article,
    DuplicateCheck,
    EnrichedArticle,
    FetchedDocument,
    IngestProblem,
    IngestReport,
    Language,
    SearchHit,
    StoredArticle,
    Story,
    StoryAssignment,
)
from babelwire.settings import SETTINGS, Settings, load_settings
from babelwire.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "SETTINGS",
    "Article",
    "BabelwireError",
    "DuplicateCheck",
    "EnrichedArticle",
    "FetchedDocument",
    "IngestProblem",
    "IngestReport",
    "Language",
    "SearchHit",
    "Settings",
    "Store",
    "StoredArticle",
    "Story",
    "StoryAssignment",
    "__version__",
    "load_settings",
    "open_store",
]
