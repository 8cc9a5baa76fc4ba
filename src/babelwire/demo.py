"""The demo: a database built from the sample corpus shipped inside the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import platformdirs

from babelwire.errors import StoreError
from babelwire.ingest import run_ingest
from babelwire.records import IngestReport
from babelwire.settings import Settings
from babelwire.store import display_location, is_postgres_url, open_store

SAMPLE_CORPUS = "sample_corpus.jsonl"


def sample_corpus_path() -> Path:
    """Path of the bundled sample corpus (JSONL, with gold ``story`` labels)."""
    return Path(str(resources.files("babelwire") / "data" / SAMPLE_CORPUS))


def demo_db_path(settings: Settings) -> Path:
    """The database the demo writes: ``--db`` when given, else ``demo.db`` in the data folder."""
    if settings.origins.get("db") != "default":
        return Path(settings.db).expanduser()
    return Path(platformdirs.user_data_dir("babelwire")) / "demo.db"


def build_demo(settings: Settings, *, fresh: bool = True,
               show_progress: bool = False) -> tuple[Path | str, IngestReport]:
    """Ingest the sample corpus into the demo database and return its location and counts.

    With ``--db postgresql://...`` the demo writes into that database; ``fresh``
    then never deletes anything: it refuses a database that already holds articles.
    """
    if is_postgres_url(settings.db):
        location: Path | str = settings.db
    else:
        location = demo_db_path(settings)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{location}{suffix}").unlink(missing_ok=True)
    with open_store(location) as store:
        held = store.counts()["articles"]
        if fresh and held and isinstance(location, str):
            raise StoreError(
                f"PostgreSQL database {display_location(location)} already holds {held} "
                "articles and the demo never deletes data: give an empty database, or pass "
                "--keep to add the sample corpus to it")
        report = run_ingest(settings, store, [str(sample_corpus_path())],
                            show_progress=show_progress)
    return location, report
