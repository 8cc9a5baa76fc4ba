"""The entity page's counts in SQL (``coverage_in_sql``) against the Python aggregation they
replaced (``coverage_from_articles``), for every entity of the sample corpus."""

from __future__ import annotations

from datetime import timedelta

from babelwire.web.countries import country_of, url_origin
from babelwire.web.coverage import coverage_axis
from babelwire.web.entities import build_entity_detail, coverage_from_articles, coverage_in_sql


def test_every_entity_gets_the_same_counts_and_page_data_both_ways(store):
    listing = store.entity_listing(limit=100_000)
    assert len(listing) > 50
    for listed in listing:
        old = coverage_from_articles(store, listed.id)
        new = coverage_in_sql(store, listed.id)
        assert (new.articles, new.first, new.last, new.axis) == (
            old.articles, old.first, old.last, old.axis), listed.name
        assert dict(new.by_language) == dict(old.by_language), listed.name
        assert dict(new.by_country) == dict(old.by_country), listed.name
        assert (new.top_stories, new.story_count) == (old.top_stories, old.story_count)
        assert new.articles == listed.articles
        assert build_entity_detail(store, listed.id) == build_entity_detail(
            store, listed.id, coverage=coverage_from_articles), listed.name


def test_narrow_buckets_and_many_stories_agree_too(store):
    """Hour buckets and a story list longer than the page's, against the articles."""
    for listed in store.entity_listing(limit=12):
        articles = store.entity_articles(listed.id)
        axis = coverage_axis([a.when for a in articles])
        hourly = store.entity_page_counts(listed.id, start=axis.start, bucket=timedelta(hours=1),
                                          buckets=10_000, most_stories=10_000)
        by_hour: dict[tuple[int, str], int] = {}
        by_origin: dict[tuple[int, str], int] = {}
        stories: dict[int, int] = {}
        for a in articles:
            hour = int((a.when - axis.start) // timedelta(hours=1))
            by_hour[hour, a.lang] = by_hour.get((hour, a.lang), 0) + 1
            origin = url_origin(a.url)
            assert country_of(a.url) == country_of(origin)
            by_origin[hour, origin] = by_origin.get((hour, origin), 0) + 1
            if a.story_id is not None:
                stories[a.story_id] = stories.get(a.story_id, 0) + 1
        assert hourly.by_language == tuple((h, k, n) for (h, k), n in sorted(by_hour.items()))
        assert hourly.by_origin == tuple((h, k, n) for (h, k), n in sorted(by_origin.items()))
        assert hourly.top_stories == tuple(sorted(stories.items(), key=lambda kv: (-kv[1],
                                                                                   -kv[0])))
        assert hourly.story_count == len(stories) > 0
