"""What only the PostgreSQL store does, and a pipeline run that must match SQLite's."""

import json
import threading
import uuid
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from babelwire.demo import sample_corpus_path
from babelwire.errors import QueryError, StoreError
from babelwire.records import (
    Article,
    DuplicateCheck,
    EnrichedArticle,
    FetchedDocument,
    Language,
)
from babelwire.store import ArticleWrite, is_postgres_url, open_store
from babelwire.store.migrations import MIGRATIONS as SQLITE_MIGRATIONS
from babelwire.store.postgres_migrations import MIGRATIONS
from babelwire.web.coverage import coverage_axis
from babelwire.web.entities import build_entity_detail, coverage_from_articles

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (the 'postgres' extra)")

T0 = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)


def _write(store, n: int, title: str, text: str, lang: str = "en") -> int:
    url = f"https://news-example.com/{n}"
    article = Article(url=url, canonical_url=url, title=title, text=text, source="Example",
                      published=T0, fetched_at=T0, location=url)
    enriched = EnrichedArticle(article=article, language=Language(code=lang, confidence=1.0),
                               dedup=DuplicateCheck(content_hash=f"h{n}", minhash=(1, 2)),
                               embedding=np.ones(4, dtype=np.float32))
    story = store.new_story(title, T0)
    (aid,) = store.write_batch([ArticleWrite(enriched=enriched, story_id=story, story_score=1.0)])
    return aid


def test_migrations_have_the_sqlite_names_and_apply_once(pg_url):
    assert [n for n, _ in MIGRATIONS] == [n for n, _ in SQLITE_MIGRATIONS]
    with open_store(pg_url) as store:
        assert store.schema_version == len(MIGRATIONS)  # type: ignore[attr-defined]
    with open_store(pg_url) as store:
        names = [r[0] for r in store._rows("SELECT name FROM schema_migrations")]  # type: ignore[attr-defined]
        assert sorted(names) == sorted(n for n, _ in MIGRATIONS)


def test_a_database_made_before_the_monitor_entity_pages_and_alerts_upgrades(pg_url,
                                                                             monkeypatch):
    from babelwire.alerts import Watch
    from babelwire.store import postgres
    from babelwire.store.base import SourcePollState

    upto = [n for n, _ in MIGRATIONS].index("0004_monitor_source_state")
    monkeypatch.setattr(postgres, "MIGRATIONS", MIGRATIONS[:upto])
    with open_store(pg_url) as store:
        aid = _write(store, 1, "Povodně", "x", "cs")
        source, _ = store.register_source("Wire", "https://example.org/feed")
        with pytest.raises(psycopg.errors.UndefinedTable):
            store.source_poll_states()
    monkeypatch.undo()
    with open_store(pg_url) as store:
        assert store.schema_version == len(MIGRATIONS)  # type: ignore[attr-defined]
        assert [a.id for a in store.articles()] == [aid]
        assert store.save_source_poll_state(SourcePollState(source_id=source.id, polls=1))
        assert store.add_watch(Watch(name="w", query="x", created_at=T0)).id == 1
        assert [e.id for e in store.entity_listing(name="POVODNĚ")] == []


def test_processes_opening_a_fresh_database_at_once_migrate_it_once(pg_url):
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_one() -> None:
        try:
            start.wait()
            open_store(pg_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(pg_url) as store:
        assert store.schema_version == len(MIGRATIONS)  # type: ignore[attr-defined]


def test_newer_schema_is_refused(pg_url):
    with open_store(pg_url) as store:
        store._rows("INSERT INTO schema_migrations VALUES ('9999_future', now()) "  # type: ignore[attr-defined]
                    "RETURNING name")
    with pytest.raises(StoreError, match="upgrade babelwire"):
        open_store(pg_url)


def test_an_unreachable_server_is_a_clear_error_without_the_password(tmp_path):
    url = f"postgresql://someone:s3cret@/db?host={tmp_path}&port=1"
    assert is_postgres_url(url)
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value)


def test_search_folds_accents_keeps_operators_and_quotes_odd_terms(pg_url):
    with open_store(pg_url) as store:
        a = _write(store, 1, "Povodně ve Valencii", "Záchranáři pracovali celou noc.", "cs")
        b = _write(store, 2, "Central bank holds rates", "The bank kept rates & said no.")
        c = _write(store, 3, "台风袭击越南中部", "台风造成十二人死亡。", "zh")
        d = _write(store, 4, "Канцлер Шольц", "Олаф Шольц встретился с Макроном.", "ru")
        assert [h.article_id for h in store.search_text("POVODNE")] == [a]
        assert [h.article_id for h in store.search_text("ШОЛЬЦ")] == [d]  # any script
        assert [h.article_id for h in store.search_text('"bank holds"')] == [b]
        assert store.search_text('"holds bank"') == []  # a phrase keeps its word order
        assert [h.article_id for h in store.search_text("(rates OR noc) NOT bank")] == [a]
        assert [h.article_id for h in store.search_text("台风 AND 死亡")] == [c]
        assert store.search_text("台风 NOT 死亡") == []
        for odd in ("a:b", "&", "!rates", "rates|bank", "50%", "under_score", "it's"):
            store.search_text(odd)  # quoted as data: never a tsquery syntax error
        with pytest.raises(QueryError):
            store.search_text("rates AND")


def test_nul_characters_are_dropped_not_fatal(pg_url):
    with open_store(pg_url) as store:
        aid = _write(store, 1, "Null\x00 title", "text with a \x00 NUL")
        stored = store.article(aid)
        assert stored is not None and stored.title == "Null title"


def test_a_story_made_before_a_failed_batch_is_not_left_committed_half(pg_url):
    with open_store(pg_url) as store:
        _write(store, 1, "one", "x")
        sid = store.new_story("two", T0)
        url = "https://news-example.com/1"  # already stored: the batch fails
        article = Article(url=url, canonical_url=url, title="dup", text="y", source="Example",
                          published=T0, fetched_at=T0, location=url)
        enriched = EnrichedArticle(article=article, language=Language(code="en", confidence=1),
                                   dedup=DuplicateCheck(content_hash="h9", minhash=(1,)))
        with pytest.raises(psycopg.IntegrityError):
            store.write_batch([ArticleWrite(enriched=enriched, story_id=sid, story_score=1.0)])
        assert [a.title for a in store.articles()] == ["one"]
        assert store._rows("SELECT COUNT(*) FROM stories") == [(1,)]  # type: ignore[attr-defined]


def _corpus_docs() -> list[FetchedDocument]:
    rows = [json.loads(line) for line in sample_corpus_path().read_text("utf-8").splitlines()]
    return [FetchedDocument(location=f"corpus:{n}", url=r["url"], source=r["source"],
                            fetched_at=T0, title=r["title"], text=r["text"],
                            published=datetime.fromisoformat(r["published"]), lang=r.get("lang"))
            for n, r in enumerate(rows, 1)]


def _everything(store) -> dict[str, object]:
    """What readers can see, through the Store interface only."""
    top = store.stories(limit=3)
    vector = np.asarray(next(iter(store.iter_cluster_members())).embedding)
    return {
        "counts": dict(store.counts()),
        "articles": [(a.id, a.url, a.story_id, a.duplicate_of, a.lang, a.published)
                     for a in store.articles()],
        "stories": [(s.id, s.title, s.size, s.independent_size, s.languages, s.first_seen,
                     s.last_seen, s.article_urls) for s in store.stories()],
        "members": [(m.article.id, dict(m.evidence), m.duplicate_reason)
                    for s in top for m in store.story_members(s.id)],
        "activity": store.story_activity(),
        "page": [a.id for a in store.articles_page(limit=7)],
        "languages": store.language_counts(),
        "sources": store.sources_health(daily_since=T0.replace(year=2020)),
        "semantic": [(h.article_id, h.score) for h in store.semantic_search(vector, limit=10)],
        "minhashes": list(store.iter_minhashes()),
        "newest": store.newest_article_time(),
    }


def _api_answers(store, settings, embedder) -> dict[str, object]:
    """The HTTP API's JSON for a few reads (the dashboard's app over this store)."""
    from fastapi.testclient import TestClient

    from babelwire.web.app import create_app

    app = create_app(store, settings, embedder=embedder, now=lambda: T0)
    answers: dict[str, object] = {}
    with TestClient(app) as client:
        for path in ("/api/stories?limit=5", "/api/story/1", "/api/articles?limit=5",
                     "/api/sources", "/api/search?q=Valencia&mode=semantic&limit=5",
                     "/api/entities?limit=10", "/api/entities?q=%D0%92%D1%8C%D0%B5%D1%82",
                     "/api/sources/health"):
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            answers[path] = response.json()
        keyword = client.get("/api/search?q=Valencia%20OR%20flood&limit=50").json()
        answers["keyword ids"] = sorted(item["id"] for item in keyword["items"])
        top = answers["/api/entities?limit=10"]["items"][0]["id"]  # type: ignore[index]
        for path in (f"/api/entities/{top}", f"/entities/{top}", "/entities?kind=place"):
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            answers[path] = response.text
    return answers


def _entity_pages(store) -> dict[str, object]:
    """What the entity pages read, through the Store interface only."""
    listing = store.entity_listing(limit=100_000)
    top = listing[:8]
    stories = sorted({a.story_id for e in top[:3] for a in store.entity_articles(e.id)
                      if a.story_id is not None})
    article_ids = [a.id for a in store.articles()][::3]
    return {
        "listing": listing,
        "places": store.entity_listing(kind="place", offset=5, limit=10),
        "by name": {q: [e.id for e in store.entity_listing(name=q)]
                    for q in ("ВЬЕТНАМ", "越南", "viet", "Việt", "SCHOLZ", "ss", "  a ")},
        "records": [store.entity_record(e.id) for e in top],
        "variants": [store.entity_variant_counts(e.id) for e in top],
        "articles": [store.entity_articles(e.id) for e in top],
        "co-mentions": [store.co_mentions(e.id) for e in top],
        "story entities": [store.story_entities(s) for s in stories],
        "heads": store.story_heads([*stories, 10**9]),
        "facets": store.article_facets(article_ids),
        "sizes": [store.story_size(s) for s in stories],
        "spellings": sorted(store.entity_spellings()),
        "coverage": list(store.entity_coverage([e.id for e in top[:3]], T0.replace(year=2020))
                         .items()),
        "spans": [store.entity_span(e.id) for e in listing],
        "page counts": [_page_counts(store, e.id) for e in listing],
        "details": [build_entity_detail(store, e.id) for e in top],
    }


def _page_counts(store, entity_id: int) -> list[object]:
    """An entity's page counts as its page asks for them, in hours and with a short story
    list (ties at the cut), and how many articles each count covers."""
    span = store.entity_span(entity_id)
    axis = coverage_axis([span.first, span.last])
    counts = [store.entity_page_counts(entity_id, start=axis.start, bucket=axis.bucket,
                                       buckets=axis.buckets),
              store.entity_page_counts(entity_id, start=axis.start, bucket=timedelta(hours=1),
                                       buckets=100_000, most_stories=3)]
    for found in counts:
        assert sum(n for *_, n in found.by_language) == span.articles
        assert sum(n for *_, n in found.by_origin) == span.articles
    return counts


def _entity_queries_agree_with_each_other(store) -> None:
    """The entity pages' store reads tell one story (moved from tests/web/test_entities.py)."""
    top = store.entity_listing(limit=5)
    assert len(top) == 5
    articles = store.entity_articles(top[0].id)
    assert len({a.article_id for a in articles}) == len(articles) == top[0].articles
    assert [a.when for a in articles] == sorted(a.when for a in articles)
    co = store.co_mentions(top[0].id, limit=50)
    mine = {a.article_id for a in articles}
    for c in co[:5]:
        theirs = {a.article_id for a in store.entity_articles(c.entity.id)}
        assert c.articles == len(mine & theirs) > 0
    story_id = articles[0].story_id
    assert story_id is not None
    named = store.story_entities(story_id)
    assert top[0].id in {c.entity.id for c in named}
    assert store.story_size(story_id) == store.story(story_id).size
    story = store.story(story_id)
    heads = store.story_heads([story_id, 10**9, story_id])
    assert [(h.id, h.title, h.languages, h.size, h.first_seen, h.last_seen) for h in heads] == [
        (story.id, story.title, story.languages, story.size, story.first_seen, story.last_seen)]
    assert store.story_size(10**9) == 0 and store.entity_record(10**9) is None
    for e in top:  # the counts in SQL are the counts of the articles
        assert build_entity_detail(store, e.id) == build_entity_detail(
            store, e.id, coverage=coverage_from_articles)


def _watch_answers(store, settings) -> dict[str, object]:
    """Watches added to the corpus: the stories they match, and what the alert hooks record
    (deliveries included: a webhook to loopback is refused the same way on both)."""
    from babelwire.alerts import Watch, hooks
    from babelwire.alerts.watches import matching_stories_of

    watches = [store.add_watch(Watch(name=name, query=query, created_at=T0, **extra))
               for name, query, extra in (
                   ("floods", "flood OR Valencia OR inundaciones", {}),
                   ("vietnam", "entity:Vietnam", {"webhook_url": "http://127.0.0.1:9/hook",
                                                  "webhook_secret": "s"}),
                   ("german", "lang:de", {"mode": "digest", "digest_minutes": 30}),
                   ("all", "*", {"reasons": ("breaking",)}))]
    matched = matching_stories_of(store, watches)
    for hook in hooks(settings, store):
        hook.after_ingest(T0)
        hook.close()
    alerts = store.alerts(limit=100_000)
    return {
        "watches": store.watches(),
        "matched": matched,
        "alerts": alerts,
        "attempts": [store.delivery_attempts(d.id) for d in store.due_deliveries(
            T0.replace(year=2100))],
        "state": store.alert_state("rules.article_id"),
    }


def test_the_sample_corpus_gives_the_same_results_as_sqlite(pg_url, tmp_path, embedder):
    from babelwire.pipeline import Pipeline
    from babelwire.settings import load_settings

    docs = _corpus_docs()
    seen = {}
    for name, location in (("sqlite", str(tmp_path / "c.db")), ("postgres", pg_url)):
        settings = load_settings(env={}, overrides={"db": location})
        with open_store(location) as store:
            report = Pipeline(store, settings, embedder=embedder).run(docs)
            assert report.failed == 0
            seen[name] = _everything(store)
            hits = {q: [h.article_id for h in store.search_text(q)]
                    for q in ("flood OR Valencia", "bank NOT rates", "president", "台风", "地震")}
            seen[name]["search"] = {q: sorted(ids) for q, ids in hits.items()}
            seen[name]["api"] = _api_answers(store, settings, embedder)
            seen[name]["entity pages"] = _entity_pages(store)
            _entity_queries_agree_with_each_other(store)
            seen[name]["watches"] = _watch_answers(store, settings)
    for key, value in seen["sqlite"].items():
        if isinstance(value, dict):
            for part, found in value.items():
                assert seen["postgres"][key][part] == found, (key, part)
        assert seen["postgres"][key] == value, key
    assert seen["sqlite"]["counts"]["stories"] > 5
    pages, watched = seen["sqlite"]["entity pages"], seen["sqlite"]["watches"]
    assert len(pages["listing"]) > 50 and pages["by name"]["越南"]
    assert all(watched["matched"].values()) and len(watched["alerts"]) > 10
    assert {a.reason for a in watched["alerts"]} >= {"match", "new_language"}


def test_cli_status_reads_postgres_and_never_prints_the_password(pg_url):
    from datetime import timedelta

    from click.testing import CliRunner

    from babelwire.cli import main
    from babelwire.monitor.health import FAILING_AFTER
    from babelwire.store.base import SourcePollState

    now = datetime.now(UTC)
    with open_store(pg_url) as store:
        _write(store, 1, "one", "x")
        down, _ = store.register_source("Down", "https://d.example/feed")
        store.save_source_poll_state(SourcePollState(
            source_id=down.id, kind="feed", last_new=now, last_error="HTTP 503",
            last_success=now - timedelta(minutes=20), consecutive_failures=FAILING_AFTER))
    user, at, rest = pg_url.partition("@")
    url = f"{user}:hunter2{at}{rest}"  # the throwaway server trusts local users: ignored
    assert "hunter2" in url and at
    result = CliRunner().invoke(main, ["--db", url, "status"])
    assert result.exit_code == 0, result.output
    assert "articles: 1" in result.output
    assert "health alarms: 1" in result.output
    assert "failing_source:" in result.output and "HTTP 503" in result.output
    assert "hunter2" not in result.output


def test_demo_never_empties_a_postgres_database(pg_url):
    from babelwire.demo import build_demo
    from babelwire.settings import load_settings

    with open_store(pg_url) as store:
        _write(store, 1, "precious", "x")
    settings = load_settings(env={}, overrides={"db": pg_url})
    with pytest.raises(StoreError, match="never deletes data"):
        build_demo(settings, fresh=True)
    with open_store(pg_url) as store:
        assert [a.title for a in store.articles()] == ["precious"]


def test_a_dropped_connection_is_opened_again_for_the_next_read(pg_url):
    with open_store(pg_url) as store, psycopg.connect(pg_url, autocommit=True) as admin:
        _write(store, 1, "one", "x")
        (pid,) = store._rows("SELECT pg_backend_pid()")[0]  # type: ignore[attr-defined]
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert store.counts()["articles"] == 1
        assert store._rows("SELECT pg_backend_pid()")[0] != (pid,)  # type: ignore[attr-defined]


def test_a_write_on_a_dropped_connection_fails_alone_and_the_next_one_works(pg_url):
    with open_store(pg_url) as store, psycopg.connect(pg_url, autocommit=True) as admin:
        _write(store, 1, "one", "x")
        (pid,) = store._rows("SELECT pg_backend_pid()")[0]  # type: ignore[attr-defined]
        store.new_story("pending", T0)  # an open transaction, lost with the connection
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(psycopg.OperationalError):
            _write(store, 2, "two", "y")
        _write(store, 3, "three", "z")
        assert [a.title for a in store.articles()] == ["one", "three"]


def test_monitor_and_alert_writes_connect_again_after_a_drop(pg_url):
    from babelwire.alerts import Watch
    from babelwire.store.base import SourcePollState

    with open_store(pg_url) as store, psycopg.connect(pg_url, autocommit=True) as admin:
        source, _ = store.register_source("Wire", "https://example.org/feed")
        for write in (lambda: store.add_watch(Watch(name="w", query="x", created_at=T0)),
                      lambda: store.save_source_poll_state(
                          SourcePollState(source_id=source.id, polls=2))):
            (pid,) = store._rows("SELECT pg_backend_pid()")[0]  # type: ignore[attr-defined]
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            write()  # nothing was pending: the write connects again and goes through
        store.new_story("pending", T0)  # an open transaction, lost with the connection
        (pid,) = store._rows("SELECT pg_backend_pid()")[0]  # type: ignore[attr-defined]
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(psycopg.OperationalError):
            store.save_source_poll_state(SourcePollState(source_id=source.id, polls=3))
        assert store.add_watch(Watch(name="v", query="x", created_at=T0)).name == "v"
        assert [w.name for w in store.watches()] == ["v", "w"]
        assert store.source_poll_states()[source.id].polls == 2


def test_without_extensions_word_and_cjk_search_still_work(pg_url):
    """A user who may not create extensions gets accent-keeping search and a CJK scan."""
    from psycopg.conninfo import make_conninfo

    from babelwire.store.postgres import PostgresStore

    role = f"plain_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw'".encode())
        admin.execute(f"GRANT CREATE, USAGE ON SCHEMA public TO {role}".encode())
        admin.execute(f"REVOKE CREATE ON DATABASE {admin.info.dbname} FROM PUBLIC".encode())
        try:
            with PostgresStore(make_conninfo(pg_url, user=role, password="pw")) as store:
                assert store._rows("SELECT extname FROM pg_extension "  # type: ignore[attr-defined]
                                   "WHERE extname IN ('unaccent', 'pg_trgm')") == []
                a = _write(store, 1, "Povodně ve Valencii", "Záchranáři", "cs")
                b = _write(store, 2, "台风袭击越南中部", "台风造成十二人死亡。", "zh")
                assert [h.article_id for h in store.search_text("POVODNĚ")] == [a]
                assert store.search_text("povodne") == []  # accents kept without unaccent
                assert [h.article_id for h in store.search_text("ZÁCHRANÁŘI")] == [a]
                assert [h.article_id for h in store.search_text("越南")] == [b]
        finally:
            admin.execute(f"DROP OWNED BY {role}".encode())
            admin.execute(f"DROP ROLE {role}".encode())
