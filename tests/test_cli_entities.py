"""``babelwire entities --json`` and ``babelwire reindex-entities`` on a small database."""

import json
from datetime import UTC, datetime

import numpy as np
from click.testing import CliRunner

from babelwire.cli import main
from babelwire.records import Article, DuplicateCheck, EnrichedArticle, Language
from babelwire.store import ArticleWrite, SQLiteStore

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
ARTICLES = [
    ("en", "Scholz meets Macron", "German Chancellor Olaf Scholz met French President "
     "Emmanuel Macron in Paris on Friday."),
    ("ru", "Шольц встретился с Макроном", "Канцлер Германии Олаф Шольц встретился с "
     "президентом Франции Эмманюэлем Макроном в Париже. Визит Шольца длился день."),
    ("ar", "شولتس يلتقي ماكرون", "التقى المستشار الألماني أولاف شولتس الرئيس الفرنسي "
     "إيمانويل ماكرون في باريس."),
]


def _db(path) -> str:
    with SQLiteStore(path) as store:
        story = store.new_story("Scholz and Macron", T0)
        for n, (lang, title, text) in enumerate(ARTICLES):
            url = f"https://news-example.com/{n}"
            article = Article(url=url, canonical_url=url, title=title, text=text,
                              source="Example", published=T0, fetched_at=T0, location=url)
            store.write_batch([ArticleWrite(
                enriched=EnrichedArticle(
                    article=article, language=Language(code=lang, confidence=1.0),
                    dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1,)),
                    embedding=np.ones(4, dtype=np.float32)),
                story_id=story, story_score=1.0)])
    return str(path)


def test_reindex_then_entities_json(tmp_path):
    db = _db(tmp_path / "cli.db")
    runner = CliRunner()
    done = runner.invoke(main, ["--db", db, "reindex-entities"])
    assert done.exit_code == 0, done.output
    assert "reindexed 3 articles" in done.output
    shown = runner.invoke(main, ["--db", db, "entities", "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert all(set(e) == {"id", "name", "kind", "variants", "articles"} for e in data)
    scholz = [e for e in data if e["name"] == "Olaf Scholz"]
    assert len(scholz) == 1
    texts = {(v["text"], v["lang"]) for v in scholz[0]["variants"]}
    assert {("Olaf Scholz", "en"), ("Олаф Шольц", "ru"), ("Шольца", "ru"),
            ("أولاف شولتس", "ar")} <= texts
    assert len(scholz[0]["articles"]) == 3
    again = runner.invoke(main, ["--db", db, "reindex-entities"])  # idempotent
    assert again.exit_code == 0
    assert json.loads(runner.invoke(main, ["--db", db, "entities", "--json"]).output) == data


def test_entities_text_output_and_filters(tmp_path):
    db = _db(tmp_path / "cli.db")
    runner = CliRunner()
    empty = runner.invoke(main, ["--db", db, "entities"])
    assert empty.exit_code == 0 and "reindex-entities" in empty.output
    runner.invoke(main, ["--db", db, "reindex-entities"])
    places = runner.invoke(main, ["--db", db, "entities", "--kind", "place", "--min-articles",
                                  "3"])
    assert places.exit_code == 0
    assert "Paris" in places.output and "Olaf" not in places.output
    events = runner.invoke(main, ["--db", db, "entities", "--kind", "event", "--json"])
    assert events.exit_code == 0 and all(e["kind"] == "event" for e in json.loads(events.output))
