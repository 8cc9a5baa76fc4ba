"""The demo: a database built from the sample corpus shipped inside the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import platformdirs

from babelwire.ingest import run_ingest
from babelwire.records import IngestReport
from babelwire.settings import Settings
from babelwire.store import open_store

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
               show_progress: bool = False) -> tuple[Path, IngestReport]:
    """Ingest the sample corpus into the demo database and return its path and counts."""
    path = demo_db_path(settings)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open_store(path) as store:
        report = run_ingest(settings, store, [str(sample_corpus_path())],
                            show_progress=show_progress)
    return path, report
