"""The web layer's pure parts: ranking, time axes, charts, cursors, evidence, cache, languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from babelwire.records import StoredArticle
from babelwire.store.base import StoryActivity
from babelwire.web.cache import ReadCache
from babelwire.web.charts import TimelinePoint, daily_bars, sparkline, timeline
from babelwire.web.evidence import explain, name_spellings
from babelwire.web.languages import language_name, text_direction
from babelwire.web.pagination import CursorError, decode_cursor, encode_cursor, offset_from
from babelwire.web.templating import RoutePaths, ago, fmt_span, fmt_time, lead, query_string
from babelwire.web.trends import heat, rank_stories, reference_time, time_axis

T = datetime(2026, 11, 13, 12, 0, tzinfo=UTC)


def activity(sid: int, hours_ago: list[float], copies: int = 0) -> StoryActivity:
    times = tuple(sorted(T - timedelta(hours=h) for h in hours_ago))
    return StoryActivity(id=sid, title=f"s{sid}", size=len(times) + copies,
                         independent_size=len(times), independent_sources=len(times),
                         languages=("en",), first_seen=times[0], last_seen=times[-1],
                         times=times + (times[-1],) * copies, original_times=times)


def test_heat_weighs_recent_articles_and_ranking_prefers_growth_then_size():
    assert heat([T], T, 24) == pytest.approx(1.0)
    assert heat([T - timedelta(hours=24)], T, 24) == pytest.approx(0.5)
    assert heat([T + timedelta(hours=3)], T, 24) == pytest.approx(1.0)  # future counts as now
    old_big = activity(1, [200, 201, 202, 203, 204, 205])
    new_small = activity(2, [1, 2])
    copies_only = activity(3, [1], copies=5)
    axis = time_axis("7d", T, None)
    ranked = rank_stories([old_big, copies_only, new_small], reference=T, axis=axis,
                          half_life_hours=24)
    assert [r.story.id for r in ranked] == [2, 3, 1]
    assert ranked[0].recent == 2 and ranked[2].recent == 0
    assert sum(ranked[1].activity) == 6  # copies are drawn, but add no heat


def test_time_axes_and_reference_clock():
    axis = time_axis("24h", T, None)
    assert axis.buckets == 24 and axis.bucket == timedelta(hours=1)
    assert axis.counts([T, T - timedelta(minutes=30), T - timedelta(hours=30)])[-1] == 2
    everything = time_axis("all", T, T - timedelta(days=43))
    assert everything.buckets <= 40 and everything.start <= T - timedelta(days=43)
    assert everything.bucket.total_seconds() % 3600 == 0
    assert time_axis("all", T, None).buckets == 1
    assert reference_time(T, T + timedelta(days=9)) == T
    assert reference_time(T + timedelta(days=1), T) == T
    assert reference_time(None, T) == T


def test_charts_are_numbers_and_text_only():
    s = sparkline([0, 2, 1, 0])
    assert s.peak == 2 and s.total == 3 and len(s.line.split()) == 4
    assert "<" not in s.line + s.area
    flat = sparkline([])
    assert flat.total == 0
    points = [TimelinePoint(article_id=i, lang=lang, when=T + timedelta(hours=i),
                            title="<b>t</b>", source="S", copy=i == 2)
              for i, lang in enumerate(["es", "en", "es", "ar"])]
    t = timeline(points)
    assert [r.lang for r in t.rows] == ["es", "en", "ar"]
    assert [d.first for d in t.dots] == [True, False, False, False]
    assert t.dots[2].copy and t.dots[0].title == "<b>t</b>"  # escaped by the template
    assert all(t.left <= d.x <= t.width - t.right for d in t.dots) and t.ticks
    single = timeline(points[:1])
    assert single.dots[0].x > single.left
    bars = daily_bars({"2026-11-13": 3, "2026-11-01": 1}, end=T, days=14)
    assert len(bars.bars) == 14 and bars.bars[-1].count == 3 and bars.bars[1].count == 1


def test_cursors_round_trip_and_refuse_tampering():
    cursor = encode_cursor({"o": 40}, scope="stories", params={"lang": "ar"})
    assert "=" not in cursor and "40" not in cursor
    assert offset_from(decode_cursor(cursor, scope="stories", params={"lang": "ar"})) == 40
    assert decode_cursor(None, scope="x", params={}) is None
    with pytest.raises(CursorError, match="different query"):
        decode_cursor(cursor, scope="stories", params={"lang": "cs"})
    with pytest.raises(CursorError, match="different query"):
        decode_cursor(cursor, scope="search", params={"lang": "ar"})
    with pytest.raises(CursorError, match="malformed"):
        decode_cursor("!!!", scope="stories", params={})
    with pytest.raises(CursorError):
        offset_from({"o": "7"})


def article(**changes: object) -> StoredArticle:
    values: dict[str, object] = dict(
        id=5, url="https://a.example/1", canonical_url="https://a.example/1",
        title="Grève à la SNCF", text="Les cheminots de la SNCF et de SUD-Rail font grève.",
        source="A", lang="fr", lang_confidence=0.99, published=T, fetched_at=T, story_id=1,
        story_score=1.5, duplicate_of=None, duplicate_of_url=None, content_hash="h")
    values.update(changes)
    return StoredArticle(**values)  # type: ignore[arg-type]


def test_evidence_is_explained_in_words_with_names_spelled_out():
    joined = explain(article(), {
        "decision": "joined", "score": 1.85, "threshold": 0.8, "nearest_article": 1,
        "nearest_similarity": 0.8954, "same_language": False, "shared_numbers": ["4.5"],
        "shared_names": ["snsf", "zzzz"], "time_gap_days": 0.56, "lexical_similarity": 0.213})
    assert joined.decision == "joined" and joined.nearest_id == 1
    assert "Score 1.85 ≥ threshold 0.80" in joined.summary
    assert joined.lexical_similarity == 0.213 and "wording overlap 0.21" in joined.summary
    assert "1 number and 2 names" in joined.summary and "another language" in joined.summary
    assert [(n.key, n.spelling) for n in joined.shared_names] == [("snsf", "SNCF"),
                                                                  ("zzzz", None)]
    started = explain(article(), {"decision": "new story", "score": 0.4, "threshold": 0.8,
                                  "merge": {"merged_from": 9}})
    assert started.decision == "started" and "0.40" in started.summary
    assert started.merged_from == 9 and "#9" in started.summary
    copy = explain(article(duplicate_of=3), {"decision": "copy", "copy_of": 3,
                                             "copy_kind": "near", "similarity": 0.75})
    assert copy.decision == "copy" and copy.copy_of == 3 and "75%" in copy.summary
    assert explain(article(), {}).decision == "unknown"
    assert name_spellings("Il a vu Karel Novák.", {"nvk"}) == {"nvk": "Novák"}
    assert name_spellings("Встреча с Новак.", {"nvk"}) == {"nvk": "Новак"}


def test_cache_is_dropped_when_the_marker_moves_or_the_entry_ages():
    marker = [1]
    clock = [0.0]
    cache = ReadCache(lambda: (marker[0],), max_age=10, clock=lambda: clock[0], max_entries=2)
    calls = []

    def compute(value: str) -> str:
        calls.append(value)
        return value

    assert cache.get("a", lambda: compute("a1")) == "a1"
    assert cache.get("a", lambda: compute("a2")) == "a1"
    marker[0] = 2
    assert cache.get("a", lambda: compute("a3")) == "a3"
    clock[0] = 11
    assert cache.get("a", lambda: compute("a4")) == "a4"
    cache.get("b", lambda: "b")
    cache.get("c", lambda: "c")
    assert cache.get("a", lambda: compute("a5")) == "a5"  # evicted: least recently used
    assert calls == ["a1", "a3", "a4", "a5"]


def test_display_helpers():
    assert language_name("ar") == "Arabic (العربية)" and language_name("en") == "English"
    assert language_name("und") == "unknown language" and language_name("qq") == "qq"
    assert text_direction("he") == "rtl" and text_direction("de") == "ltr"
    assert fmt_time(T) == "13 Nov 2026, 12:00 UTC" and fmt_time(None) == "unknown time"
    assert fmt_time(datetime(2026, 11, 3, 1, 5, tzinfo=UTC), "short") == "3 Nov 01:05"
    assert fmt_span(timedelta(days=3, hours=2)) == "3 days" and fmt_span(timedelta(hours=1)) \
        == "1 hour"
    assert ago(T - timedelta(hours=5), T) == "5 hours earlier"
    assert query_string({"a": "1", "b": None}, c="x y") == "?a=1&c=x+y"
    assert lead("word " * 100, 20).endswith(" …") and lead("short") == "short"


def test_route_paths_match_the_app_router(client):
    app = client.app
    paths = RoutePaths(app)
    cases = [("story", {"story_id": 7}), ("story", {"story_id": 123456}),
             ("entity", {"entity_id": 42}), ("stories", {}), ("entities", {}),
             ("static", {"path": "style.css"}), ("static", {"path": "app.js"})]
    for name, params in cases:
        for _ in range(2):  # the second call is answered from what the first remembered
            assert paths.path(name, params) == app.url_path_for(name, **params)
