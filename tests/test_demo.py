import json
from collections import Counter
from datetime import datetime

from babelwire.demo import demo_db_path, sample_corpus_path
from babelwire.settings import load_settings


def rows():
    return [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()]


def test_sample_corpus_meets_its_promises():
    data = rows()
    langs = Counter(r["lang"] for r in data)
    stories = Counter(r["story"] for r in data)
    assert len(data) >= 80
    assert len(langs) >= 10 and {"ar", "zh", "vi"} <= set(langs) and {"ru", "uk"} & set(langs)
    assert 15 <= len(stories) <= 25
    ids = {r["id"]: r for r in data}
    copies = [r for r in data if r.get("copy_of")]
    assert len(copies) >= 8
    for copy in copies:
        original = ids[copy["copy_of"]]
        assert original["story"] == copy["story"] and original["lang"] == copy["lang"]
    for r in data:
        assert datetime.fromisoformat(r["published"]).tzinfo is not None
        assert {"url", "title", "text", "published", "source"} <= set(r)


def test_demo_database_location(tmp_path):
    default = load_settings(env={})
    assert demo_db_path(default).name == "demo.db"
    chosen = load_settings(env={}, overrides={"db": str(tmp_path / "x.db")})
    assert demo_db_path(chosen) == tmp_path / "x.db"
