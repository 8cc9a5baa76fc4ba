"""Encoding detection for pages and text files."""

from __future__ import annotations

import codecs

from babelwire.sources.charset import decode_bytes, guess_encoding, is_html_content

CYRILLIC = "Во вторник гавань была закрыта из-за шторма. Паромы возобновят работу в среду."


def test_bom_wins():
    data = codecs.BOM_UTF16_LE + "<p>hé</p>".encode("utf-16-le")
    assert decode_bytes(data, declared="text/html; charset=iso-8859-1") == "<p>hé</p>"
    assert decode_bytes(codecs.BOM_UTF8 + "é".encode()) == "é"


def test_declared_then_meta():
    page = f'<meta charset="koi8-r"><p>{CYRILLIC}</p>'.encode("koi8-r")
    assert guess_encoding(page) == "koi8-r"
    assert decode_bytes(page).endswith(f"{CYRILLIC}</p>")
    assert guess_encoding(page, declared="text/html; charset=utf-8") == "utf-8"


def test_meta_utf16_without_bom_means_utf8():
    assert guess_encoding(b'<meta charset="utf-16"><p>x</p>') == "utf-8"


def test_xml_declaration():
    data = f'<?xml version="1.0" encoding="windows-1251"?><rss>{CYRILLIC}</rss>'.encode("cp1251")
    assert guess_encoding(data, html=False) == "cp1251"


def test_statistical_guess_without_declaration():
    text = (CYRILLIC + " ") * 5
    assert decode_bytes(text.encode("cp1251"), html=False).strip() == text.strip()


def test_unknown_declared_charset_is_ignored():
    assert guess_encoding("é".encode(), declared="text/html; charset=x-no-such") == "utf-8"


def test_never_raises_on_garbage():
    assert isinstance(decode_bytes(bytes(range(256)) * 4), str)


def test_is_html_content():
    assert is_html_content("text/html; charset=utf-8", b"")
    assert is_html_content(None, b"  <!DOCTYPE html><html>")
    assert is_html_content("application/octet-stream", b"<!-- x --><html><body>")
    assert not is_html_content("application/pdf", b"<html>")
    assert not is_html_content(None, b"%PDF-1.7")
