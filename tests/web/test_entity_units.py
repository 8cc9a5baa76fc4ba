"""Scripts, outlet countries and coverage buckets: the pure helpers of the entity pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from babelwire.stages.entities_records import VariantCount
from babelwire.web.countries import UNKNOWN, country_name, country_of
from babelwire.web.coverage import bucket_counts, coverage_axis, coverage_chart
from babelwire.web.entities import group_variants
from babelwire.web.scripts import script_direction, script_of


def test_scripts_from_unicode_letters():
    cases = {"Scholz": "Latin", "Шольц": "Cyrillic", "شولتس": "Arabic", "שולץ": "Hebrew",
             "朔尔茨": "Han", "ショルツ": "Katakana", "숄츠": "Hangul", "Σολτς": "Greek",
             "शोल्ज़": "Devanagari", "Việt Nam": "Latin", "ＳＣＨＯＬＺ": "Latin",
             "2231": "Unknown", "": "Unknown", "G7 (Шольц)": "Cyrillic"}
    assert {text: script_of(text) for text in cases} == cases
    assert script_direction("Arabic") == "rtl" == script_direction("Hebrew")
    assert script_direction("Cyrillic") == "ltr"


def test_variants_group_by_language_and_script():
    groups = group_variants([
        VariantCount(text="Шольц", lang="ru", count=3),
        VariantCount(text="Шольца", lang="ru", count=2),
        VariantCount(text="Scholz", lang="ru", count=1),
        VariantCount(text="شولتس", lang="ar", count=4)])
    assert [(g.lang, g.script, g.total) for g in groups] == [
        ("ru", "Cyrillic", 5), ("ar", "Arabic", 4), ("ru", "Latin", 1)]
    assert groups[1].direction == "rtl"
    assert [v.text for v in groups[0].variants] == ["Шольц", "Шольца"]


def test_countries_from_domains():
    assert country_of("https://www.lemonde.fr/a") == "FR"
    assert country_of("https://news.bbc.co.uk/x") == "GB"
    assert country_of("https://www.bbc.com/news") == "GB"  # the known-outlet table
    assert country_of("http://edition.cnn.com/x") == "US"
    assert country_of("https://politico.eu/x") == "EU"
    assert country_of("https://dailyherald-example.com/x") == UNKNOWN
    assert country_of("https://example.org/x") == UNKNOWN
    assert country_of("https://startup.io/x") == UNKNOWN  # ccTLD sold as a generic name
    assert country_of("http://127.0.0.1/x") == UNKNOWN
    assert country_of("not a url") == UNKNOWN
    assert country_of("https://[::1/") == UNKNOWN  # malformed: no exception
    assert country_name("FR") == "France" and country_name(UNKNOWN) == "unknown country"
    assert country_name("ZZ") == "ZZ"


def test_coverage_buckets_widen_with_the_period_and_count_everything():
    start = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    hours = [start + timedelta(hours=h) for h in range(20)]
    axis = coverage_axis(hours)
    assert axis.bucket == timedelta(hours=1) and axis.start == datetime(2026, 11, 3, 9,
                                                                         tzinfo=UTC)
    assert sum(bucket_counts(axis, hours)) == 20
    months = [start + timedelta(days=d) for d in range(0, 120, 3)]
    wide = coverage_axis(months)
    assert wide.bucket == timedelta(days=7) and wide.buckets <= 48
    assert wide.start.weekday() == 0 and sum(bucket_counts(wide, months)) == len(months)
    chart = coverage_chart([("de", bucket_counts(wide, months[:10])),
                            ("fr", bucket_counts(wide, months[10:]))], wide,
                           short=str.upper, long=lambda k: f"lang {k}")
    assert [r.label for r in chart.rows] == ["DE", "FR"]
    assert sum(b.count for r in chart.rows for b in r.bars) == len(months)
    assert all(chart.left <= b.x < chart.width - chart.right for r in chart.rows
               for b in r.bars)
    folded = coverage_chart([(str(i), bucket_counts(axis, [start])) for i in range(12)], axis,
                            short=str, long=str, most_rows=10)
    assert folded.rows[-1].label == "other" and folded.rows[-1].total == 2
