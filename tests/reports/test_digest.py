"""``babelwire report``: content, escaping, formats."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from click.testing import CliRunner

from babelwire.cli import main
from babelwire.errors import BabelwireError
from babelwire.reports.digest import build_digest, parse_since, render
from babelwire.store import SQLiteStore

from .conftest import HOSTILE, NOW


def cli(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], env={"BABELWIRE_CONFIG": ""})


@pytest.fixture(scope="module")
def digest(report_db):
    with SQLiteStore(report_db) as store:
        return build_digest(store, since=NOW - timedelta(hours=24), until=NOW)


def test_the_digest_covers_the_period(digest):
    titles = [s.title for s in digest.top]
    assert not any("Kelby" in t for t in titles)  # five days old: outside the period
    top = digest.top[0]
    assert "Scholz" in top.title and set(top.languages) == {"de", "en", "fr"}
    assert top.new_articles == 3 and top.independent_sources == 3
    assert {s.id for s in digest.new} == {s.id for s in digest.top}
    assert digest.by_language == {"en": 2, "de": 1, "fr": 1}
    (coverage,) = digest.entities
    assert coverage.watch == "scholz" and coverage.entity == "Olaf Scholz"
    assert coverage.by_language == {"de": 1, "en": 1, "fr": 1}


def test_markdown_escapes_titles(digest):
    text = render(digest, "md").decode("utf-8")
    assert "## Top stories" in text and "## Coverage by language" in text
    assert r"\<img" in text and not re.search(r"(?<!\\)<", text)  # every < escaped
    assert "Olaf Scholz" in text


def test_html_escapes_untrusted_text_and_draws_an_svg_chart(digest):
    page = render(digest, "html").decode("utf-8")
    assert "<svg" in page and page.count("<rect") == 3
    assert HOSTILE not in page and "onerror=\"alert" not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "<script" not in page
    assert re.search(r"<td>de 1, en 1, fr 1</td>", page)


def test_pdf_holds_the_digest_text_in_several_scripts(digest):
    import io

    from pypdf import PdfReader

    data = render(digest, "pdf")
    assert data.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Top stories" in text and "Coverage by language" in text
    assert "Chancellor" in text and "Lindenau" in text
    assert "de 1, en 1, fr 1" in text


def test_pdf_shapes_arabic_and_marks_what_the_font_lacks():
    import io

    from pypdf import PdfReader

    from babelwire.reports.digest import Digest, DigestStory

    stories = tuple(DigestStory(id=n, title=title, languages=(lang,), new_articles=1, before=0,
                                independent_sources=1, size=1, first_seen=NOW)
                    for n, (title, lang) in enumerate([("بدء التشغيل التجاري", "ar"),
                                                        ("Паром сел на мель", "ru"),
                                                        ("小学校の敷地にクマ", "ja")]))
    digest = Digest(since=NOW - timedelta(days=1), until=NOW, top=stories, new=(),
                    by_language={"ar": 1, "ru": 1, "ja": 1})
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render(digest, "pdf"))).pages)
    assert "بدء التشغيل التجاري" in text and "Паром сел на мель" in text
    assert "?????????" in text and "小学校" not in text


def test_the_report_command_writes_each_format(report_db, tmp_path):
    for fmt in ("md", "html", "pdf"):
        out = tmp_path / f"d.{fmt}"
        result = cli(report_db, "report", "--since", "24h", "--format", fmt, "--output",
                     str(out), "--now", NOW.isoformat())
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 500
    printed = cli(report_db, "report", "--since", "1d", "--now", NOW.isoformat())
    assert printed.output.startswith("# babelwire digest: 2026-11-19 12:00 to 2026-11-20 12:00")


def test_the_report_command_emails(report_db, tmp_path):
    import socket

    from aiosmtpd.controller import Controller

    got = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            got.append(envelope.content)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        result = CliRunner().invoke(main, ["--db", str(report_db), "report", "--format", "html",
                                           "--email", "desk@example.org", "--now",
                                           NOW.isoformat()],
                                    env={"BABELWIRE_CONFIG": "", "BABELWIRE_SMTP_HOST":
                                         "127.0.0.1", "BABELWIRE_SMTP_PORT": str(port)})
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    (message,) = got
    assert b"text/html" in message and b"babelwire digest" in message



def test_no_report_is_emailed_from_a_database_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(main, ["--db", str(missing), "report", "--email",
                                       "desk@example.org"],
                                env={"BABELWIRE_CONFIG": "", "BABELWIRE_SMTP_HOST": "127.0.0.1",
                                     "BABELWIRE_SMTP_PORT": "9"})  # nothing listens there
    assert result.exit_code == 1 and "nothing to email" in result.output
    assert not missing.exists()


@pytest.mark.parametrize("text", ["24", "h", "-3h", "1y", "nanh"])
def test_bad_periods_are_refused(text):
    with pytest.raises(BabelwireError, match="duration like"):
        parse_since(text)
    assert parse_since("90m") == timedelta(minutes=90)


@pytest.mark.parametrize("text", ["99999999999d", "521w", "1e300h"])
def test_periods_beyond_ten_years_are_refused_not_overflowed(text):
    with pytest.raises(BabelwireError, match="longest period is 10 years"):
        parse_since(text)
    assert parse_since("520w") == timedelta(weeks=520)


def test_pdf_text_keeps_what_the_font_covers():
    from babelwire.reports.render_pdf import printable

    assert printable("Grève  Шольц Σ 洪灾") == "Grève Шольц Σ ??"
