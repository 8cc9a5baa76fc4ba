from datetime import UTC, datetime, timedelta, timezone

import pytest

from babelwire.errors import ExtractionError
from babelwire.records import FetchedDocument
from babelwire.stages.extract import ExtractStage, clean_text

NOW = datetime(2026, 11, 4, tzinfo=UTC)
PARA = ("Heavy rain flooded the old town of Valencia on Tuesday night, and the regional "
        "government said twelve people had died. Rescue teams worked through the night. ")
PAGE = f"""<!doctype html><html lang="en"><head>
<title>Floods kill twelve in Valencia | Herald</title>
<meta property="article:published_time" content="2026-11-03T09:30:00+01:00">
<meta name="author" content="Ana Ruiz"></head>
<body><nav>Home | World | Sport</nav><article><h1>Floods kill twelve in Valencia</h1>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article><footer>Cookies</footer></body></html>"""


def doc(**kw):
    base = {"location": "t", "url": "https://herald-example.com/a?utm_source=rss",
            "source": "Herald", "fetched_at": NOW}
    return FetchedDocument(**{**base, **kw})


def test_html_page_gives_title_text_and_aware_date():
    article = ExtractStage()(doc(html=PAGE))
    assert article.title == "Floods kill twelve in Valencia"
    assert "Rescue teams" in article.text and "Cookies" not in article.text
    assert article.published == datetime(2026, 11, 3, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.canonical_url == "https://herald-example.com/a"


def test_given_date_and_title_win_over_the_page():
    given = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
    article = ExtractStage()(doc(html=PAGE, published=given, title="Feed title"))
    assert article.published == given and article.title == "Feed title"


def test_plain_text_and_naive_dates_become_aware():
    article = ExtractStage()(doc(text="First line is the title\n\n" + PARA,
                                 published=datetime(2026, 11, 3, 8, 0)))
    assert article.title == "First line is the title"
    assert article.published is not None and article.published.tzinfo is UTC


@pytest.mark.parametrize("html", ["", "<html><body><p>hi</p></body></html>", "<<<>>>\x00\x01"])
def test_pages_without_text_raise_a_named_error(html):
    with pytest.raises(ExtractionError):
        ExtractStage()(doc(html=html or " "))


def test_clean_text_keeps_paragraphs_and_drops_control_characters():
    assert clean_text("a\u00a0 b\x07\r\n\n\n  c  ") == "a b\n\nc"
