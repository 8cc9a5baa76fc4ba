"""Database ids taken from paths and queries, bounded to what a database integer holds.

SQLite and PostgreSQL keep ids in 64 bits; a larger number in a URL (``/story/1e30`` typed
out in digits) would fail inside the driver as a server error. Bounded here, it is a 422
(or the dashboard's error page) naming the parameter, like any other bad parameter.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from babelwire.store.base import ROW_ID_MAX

StoryId = Annotated[int, Path(ge=-ROW_ID_MAX, le=ROW_ID_MAX, description="A story's id.")]
EntityId = Annotated[int, Path(ge=-ROW_ID_MAX, le=ROW_ID_MAX, description="An entity's id.")]
StoryFilter = Annotated[int | None, Query(ge=-ROW_ID_MAX, le=ROW_ID_MAX,
                                          description="Only this story's articles.")]
