"""The dashboard in a real browser: headless Debian Chromium driven by Selenium.

A uvicorn server runs in a thread on 127.0.0.1 (a free port) over a copy of the
sample corpus. The tests open the pages, follow links, search, type with the
keyboard, and check right-to-left rendering, the narrow layout and that a
hostile article runs no script. Screenshots go to tests/artifacts/screenshots/
(ignored by git), or to ``$BABELWIRE_SCREENSHOTS`` when set; set it to
docs/screenshots to refresh the ones the docs show.

Skipped, with the reason, when Selenium, chromium or chromedriver is missing
(``apt-get install chromium chromium-driver``; ``pip install selenium``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from babelwire.web import BackgroundServer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SHOTS = Path(os.environ.get("BABELWIRE_SCREENSHOTS")
             or Path(__file__).resolve().parents[2] / "tests" / "artifacts" / "screenshots")

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - depends on the environment
    webdriver = None

pytestmark = pytest.mark.skipif(
    webdriver is None or CHROMIUM is None or CHROMEDRIVER is None,
    reason="browser tests need selenium (pip install selenium) and Debian's chromium and "
           "chromium-driver (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def base_url(make_app: Any) -> Iterator[str]:
    with BackgroundServer(make_app()) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    profile = tempfile.mkdtemp(prefix="babelwire-chromium-")
    options = Options()
    options.binary_location = CHROMIUM or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                 f"--user-data-dir={profile}", "--window-size=1280,900", "--lang=en-US"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver: Any, name: str, width: int = 1280, most: int = 2200) -> None:
    """A full-page screenshot (up to ``most`` pixels tall) into ``SHOTS``."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(width, 900)
    height, chrome = driver.execute_script(
        "return [document.documentElement.scrollHeight, "
        "window.outerHeight - window.innerHeight]")
    driver.set_window_size(width, min(int(height) + int(chrome) + 20, most))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    driver.set_window_size(1280, 900)


def click(driver: Any, element: Any) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def no_alert(driver: Any) -> bool:
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return True
    raise AssertionError(f"an alert fired: {text!r}")


def test_stories_page_then_a_story(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/?range=all")
    assert browser.title.startswith("Stories now")
    cards = browser.find_elements(By.CSS_SELECTOR, ".story-card")
    assert len(cards) >= 20
    assert browser.find_elements(By.CSS_SELECTOR, ".story-card svg.sparkline polyline")
    browser.get(base_url + "/sources?sort=articles")
    assert browser.find_elements(By.CSS_SELECTOR, "table.sources tbody tr")
    screenshot(browser, "sources", most=1400)
    browser.get(base_url + "/")
    screenshot(browser, "stories")
    link = browser.find_element(By.CSS_SELECTOR, ".story-card .story-title a")
    title = link.text
    click(browser, link)
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/story/"))
    assert browser.find_element(By.CSS_SELECTOR, "h1.story-heading").text == title
    dots = browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle.tl-dot")
    assert dots and browser.find_element(By.CSS_SELECTOR, ".first-outlet").is_displayed()
    why = browser.find_element(By.CSS_SELECTOR, ".article details.why summary")
    click(browser, why)
    assert browser.find_element(By.CSS_SELECTOR, ".article details.why dl").is_displayed()
    screenshot(browser, "story")


def test_stories_page_then_a_story_then_an_entity(browser: Any, base_url: str) -> None:
    """Stories -> a Vietnamese story -> its entity "Vietnam": names in many scripts, charts."""
    browser.get(base_url + "/?range=all&lang=vi")
    count = len(browser.find_elements(By.CSS_SELECTOR, ".story-card .story-title a"))
    assert count >= 2
    entity = None
    for i in range(min(count, 6)):
        browser.get(base_url + "/?range=all&lang=vi")
        click(browser, browser.find_elements(By.CSS_SELECTOR, ".story-card .story-title a")[i])
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("/story/"))
        links = browser.find_elements(By.CSS_SELECTOR, ".story-entities a.entity-link")
        assert links, "every Vietnamese story names some entity"
        entity = next((a for a in links if a.text == "Vietnam"), None)
        if entity is not None:
            break
    assert entity is not None, "no story links the entity Vietnam"
    click(browser, entity)
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/entities/"))
    assert browser.find_element(By.CSS_SELECTOR, "h1.entity-heading").text == "Vietnam"
    scripts = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".variant-where .script")}
    assert {"Latin", "Han", "Hangul", "Cyrillic", "Katakana"} <= scripts
    for chart in ("coverage-language", "coverage-country"):
        assert browser.find_elements(By.CSS_SELECTOR, f"svg#{chart} rect.cv-bar")
    co = browser.find_elements(By.CSS_SELECTOR, "ol.co-mentions a.entity-link")
    stories = browser.find_elements(By.CSS_SELECTOR, "ol.entity-stories a")
    assert co and stories
    screenshot(browser, "entity")
    click(browser, stories[0])
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/story/"))


def test_entity_names_in_arabic_render_right_to_left(browser: Any, base_url: str,
                                                     client: Any) -> None:
    browser.get(f"{base_url}/entities?kind=place")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.entities a.entity-link")) >= 20
    screenshot(browser, "entities", most=1400)
    found = client.get("/api/entities", params={"q": "مصر"}).json()["items"]
    assert found
    browser.get(f"{base_url}/entities/{found[0]['id']}")
    arabic = [e for e in browser.find_elements(By.CSS_SELECTOR, ".variant[lang=ar]")]
    assert arabic and all(e.value_of_css_property("direction") == "rtl" for e in arabic)
    latin = browser.find_elements(By.CSS_SELECTOR, ".variant[lang=en]")
    assert all(e.value_of_css_property("direction") == "ltr" for e in latin)
    browser.get(f"{base_url}/entities?q=" + "مصر")
    assert browser.find_element(By.ID, "e-q").get_attribute("value") == "مصر"
    assert browser.find_elements(By.CSS_SELECTOR, "table.entities a.entity-link")


def test_search_keyword_error_and_semantic(browser: Any, base_url: str) -> None:
    browser.get(base_url + "/search")
    box = browser.find_element(By.ID, "q")
    assert browser.switch_to.active_element == box  # autofocus on an empty search
    box.send_keys('"unclosed', Keys.ENTER)
    alert = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".error-box")))
    assert "could not be run" in alert.text
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("earthquake")
    click(browser, browser.find_element(By.CSS_SELECTOR, "label[for=mode-semantic]"))
    click(browser, browser.find_element(By.CSS_SELECTOR, ".search-row button"))
    WebDriverWait(browser, 20).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".result-group")))
    langs = {b.text for b in browser.find_elements(By.CSS_SELECTOR, ".result .badge")}
    assert len(langs) >= 4, langs
    screenshot(browser, "search", most=1800)


def test_right_to_left_titles_render_right_to_left(browser: Any, base_url: str,
                                                   client: Any) -> None:
    story = client.get("/api/stories", params={"lang": "ar", "range": "all"}).json()["items"][0]
    browser.get(f"{base_url}/story/{story['id']}")
    arabic = browser.find_elements(By.CSS_SELECTOR, ".article h3 a[lang=ar]")
    assert arabic
    heading = arabic[0].find_element(By.XPATH, "..")
    assert heading.value_of_css_property("direction") == "rtl"
    latin = browser.find_elements(By.CSS_SELECTOR, ".article h3 a[lang=en]")
    if latin:
        assert latin[0].find_element(By.XPATH, "..").value_of_css_property("direction") == "ltr"
    box = heading.rect
    text_right = browser.execute_script(
        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "return r.getBoundingClientRect().right;", arabic[0])
    assert abs(text_right - (box["x"] + box["width"])) < 4  # flush with the right edge


def test_hostile_article_runs_no_script(browser: Any, base_url: str, hostile_story: int) -> None:
    browser.get(f"{base_url}/story/{hostile_story}")
    assert no_alert(browser)
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".article-title")]
    assert "<script>alert(1)</script>" in titles
    lead = browser.find_element(By.CSS_SELECTOR, ".article-lead").text
    assert '<img src=x onerror="alert(2)">' in lead
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main script, main b")
    browser.get(f"{base_url}/search?q=Hostile")
    assert no_alert(browser)
    assert browser.execute_script("return document.querySelectorAll('script').length") == 1


def test_keyboard_skip_link_and_narrow_window(browser: Any, base_url: str, client: Any) -> None:
    browser.get(base_url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link" and active.is_displayed()
    assert active.value_of_css_property("outline-style") != "none"
    active.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#content")
    browser.set_window_size(400, 900)
    try:
        entity = client.get("/api/entities", params={"limit": 1}).json()["items"][0]["id"]
        for path in ("/sources", "/search?q=Valencia", "/entities", f"/entities/{entity}", "/"):
            browser.get(base_url + path)
            widths = browser.execute_script(
                "return [document.documentElement.scrollWidth, "
                "document.documentElement.clientWidth]")
            assert widths[0] <= widths[1] + 1, (path, widths)
        screenshot(browser, "stories-narrow", width=400, most=1400)
    finally:
        browser.set_window_size(1280, 900)


def test_add_a_watchlist_then_filter_stories_by_it(browser: Any, base_url: str, store: Any,
                                                   client: Any) -> None:
    """Watchlists: add a watch with a write token in the form, see it, filter Stories by it."""
    from selenium.webdriver.support.ui import Select

    from babelwire.web.tokens import create_token

    token, _ = create_token(store, "browser-writer", can_write=True)
    browser.get(base_url + "/watchlists")
    browser.find_element(By.ID, "w-name").send_keys("Earthquakes")
    browser.find_element(By.ID, "w-query").send_keys(
        "earthquake OR Erdbeben OR séisme OR terremoto OR 地震")
    browser.find_element(By.ID, "w-token").send_keys("not-a-token")
    click(browser, browser.find_element(By.CSS_SELECTOR, ".watch-form button"))
    error = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.ID, "add-error")))
    assert "unknown or revoked token" in error.text
    assert browser.find_element(By.ID, "w-name").get_attribute("value") == "Earthquakes"
    browser.find_element(By.ID, "w-token").send_keys(token)
    click(browser, browser.find_element(By.CSS_SELECTOR, ".watch-form button"))
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("added="))
    names = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.watch h2")]
    assert "Earthquakes" in names
    assert browser.find_elements(By.CSS_SELECTOR, "section.watch ul.matches a")
    screenshot(browser, "watchlists", most=1800)
    browser.get(base_url + "/?range=all")
    Select(browser.find_element(By.ID, "f-watch")).select_by_visible_text("Earthquakes")
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("watch=Earthquakes"))
    cards = browser.find_elements(By.CSS_SELECTOR, ".story-card .story-title a")
    total = client.get("/api/stories", params={"watch": "Earthquakes",
                                               "range": "all"}).json()["total"]
    assert cards and len(cards) == min(total, 25)
    assert "matching the watchlist" in browser.find_element(By.CSS_SELECTOR, ".lede").text
    browser.set_window_size(400, 900)
    try:
        browser.get(base_url + "/watchlists")
        widths = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1] + 1, widths
    finally:
        browser.set_window_size(1280, 900)
