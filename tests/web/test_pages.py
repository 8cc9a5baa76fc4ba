"""The dashboard pages, rendered in-process: content, errors, accessibility hooks, escaping."""

from __future__ import annotations

import re
from importlib import resources

HOSTILE_TITLE = "<script>alert(1)</script>"


def test_stories_page_lists_ranked_stories_with_badges_and_sparklines(client):
    r = client.get("/", params={"range": "all"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "Stories now" in html and html.count('class="story-card"') >= 20
    assert html.count('<svg class="sparkline"') == html.count('class="story-card"')
    assert 'class="badge" title="Arabic (العربية)">AR<' in html
    assert "independent sources" in html and "first seen" in html
    first_api = client.get("/api/stories", params={"range": "all", "limit": 1}).json()
    assert f'href="/story/{first_api["items"][0]["id"]}"' in html
    assert "No new articles for" not in html  # the clock is 19 hours past the newest article


def test_story_filters_and_more_link(client):
    week = client.get("/").text
    assert 'value="7d" checked' in week
    arabic = client.get("/", params={"lang": "ar", "range": "all"}).text
    assert '<option value="ar" selected>' in arabic
    assert "with coverage in Arabic" in arabic
    empty = client.get("/", params={"lang": "xx"}).text
    assert "No stories match" in empty
    many = client.get("/", params={"range": "all"}).text
    stories = many.count('class="story-card"')
    if stories >= 25:
        assert "More stories" in many
    bad = client.get("/", params={"range": "forever"})
    assert bad.status_code == 400 and "unknown range" in bad.text


def test_story_page_explains_the_grouping(client):
    ranked = client.get("/api/stories", params={"range": "all", "limit": 200}).json()["items"]
    story = next(s for s in ranked if s["size"] > s["independent_size"] and len(
        s["languages"]) >= 5)
    html = client.get(f"/story/{story['id']}").text
    assert "Timeline by language" in html and '<svg class="timeline"' in html
    assert html.count('class="tl-dot"') + html.count('class="tl-copy"') == story["size"]
    assert "First published by" in html and "published first" in html
    assert "Why grouped:" in html and "Nearest similarity" in html
    assert "Shared numbers" in html and "Shared names" in html and "Time gap" in html
    assert 'class="copies"' in html and "syndicated copy" in html
    assert html.count('class="article"') == story["independent_size"]
    assert client.get("/story/999999").status_code == 404
    assert "There is no story #999999" in client.get("/story/999999").text
    for page in ("/story/99999999999999999999", "/entities/99999999999999999999"):
        assert client.get(page).status_code == 400  # beyond 64 bits: the error page


def test_search_page_keyword_semantic_and_helpful_errors(client):
    empty = client.get("/search")
    assert empty.status_code == 200 and 'role="search"' in empty.text
    found = client.get("/search", params={"q": "Valencia OR Valencie"}).text
    assert 'class="result-group"' in found and "/api/search.csv?" in found
    semantic = client.get("/search", params={"q": "earthquake", "mode": "semantic"}).text
    assert 'id="mode-semantic" name="mode" value="semantic" checked' in semantic
    assert len(set(re.findall(r'class="badge" title="[^"]+">([A-Z]{2})<', semantic))) >= 4
    for q in ('"unclosed', "(flood"):
        bad = client.get("/search", params={"q": q})
        assert bad.status_code == 400
        assert "This query could not be run." in bad.text and 'role="alert"' in bad.text
        assert "Traceback" not in bad.text and "sqlite" not in bad.text.lower()
    none = client.get("/search", params={"q": "zzxqvy"}).text
    assert "No articles match" in none


def test_sources_page_flags_silent_sources(client):
    html = client.get("/sources").text
    assert "<table" in html and 'data-label="Last 14 days"' in html
    assert "silent for" in html and "Global Wire" in html
    assert client.get("/sources", params={"sort": "silent"}).status_code == 200


def test_hostile_article_text_is_shown_as_text(client, hostile_story):
    pages = [client.get(f"/story/{hostile_story}").text,
             client.get("/search", params={"q": "Hostile"}).text,
             client.get("/", params={"range": "all"}).text]
    for html in pages:
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "onerror=" not in html.replace("onerror=&#34;", "")
        assert "<img src=x" not in html and "<svg onload" not in html
        assert 'href="javascript:' not in html
    story = pages[0]
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in story
    assert "Evil &#34;Outlet&#34; &lt;i&gt;" in story
    api = client.get(f"/api/story/{hostile_story}").json()
    assert any(a["title"] == HOSTILE_TITLE for a in api["articles"])


def test_every_template_is_autoescaped_and_none_marks_text_safe():
    from babelwire.web.templating import href, make_environment

    env = make_environment()
    assert env.autoescape is True
    folder = resources.files("babelwire.web") / "templates"
    names = [p.name for p in folder.iterdir() if p.name.endswith(".html")]
    assert {"base.html", "stories.html", "story.html", "search.html", "sources.html"} <= set(names)
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "Markup" not in text, name
        assert "autoescape false" not in text, name
    assert href("javascript:alert(1)") == "#" and href(" JAVASCRIPT:x") == "#"
    assert href("https://a.example/x") == "https://a.example/x"


def test_pages_are_keyboard_and_narrow_window_friendly(client):
    html = client.get("/").text
    assert '<a class="skip-link" href="#content">' in html and 'id="content"' in html
    assert 'name="viewport" content="width=device-width' in html
    assert 'aria-current="page"' in html
    css = client.get("/static/style.css").text
    assert ":focus-visible" in css and "@media (max-width: 640px)" in css
    story = client.get("/api/stories", params={"lang": "ar", "range": "all"}).json()["items"][0]
    page = client.get(f"/story/{story['id']}").text
    assert re.search(r'<h3 dir="auto"><a class="article-title" [^>]*lang="ar"', page)
    assert 'class="story-heading" dir="auto"' in page


def test_static_files_and_no_cdn(client):
    html = client.get("/").text
    assert re.findall(r'(?:src|href)="(https?:)?//', html) == []
    for path in ("/static/style.css", "/static/app.js", "/static/favicon.svg"):
        assert client.get(path).status_code == 200


def test_search_page_filters(client):
    html = client.get("/search", params={"q": "Valencia OR Valencie OR Valence",
                                         "lang": "es"}).text
    assert '<option value="es" selected>' in html
    assert 'lang="es"' in html and 'lang="fr"' not in html.split('id="s-lang"')[1].split(
        "</form>")[1]
    bad = client.get("/search", params={"q": "Valencia", "range": "fortnight"})
    assert bad.status_code == 400 and "unknown range" in bad.text
