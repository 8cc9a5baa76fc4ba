"""Guessing the character encoding of a page or text file and decoding it.

The order follows the HTML standard's sniffing: a byte-order mark wins, then
the encoding the server declared, then a ``<meta charset>`` in the first few
kilobytes, then a statistical guess (charset_normalizer, when installed), then
UTF-8 with replacement characters. Decoding never raises.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_bytes", "guess_encoding", "is_html_content"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_SCAN_BYTES = 4096
_GUESS_SCAN_BYTES = 64 * 1024
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def _known(name: str | None) -> str | None:
    """The Python codec name for ``name``, or ``None`` when Python does not know it."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    # A page cannot really be UTF-16 without a BOM; browsers read such a declaration as UTF-8.
    if codec.name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    # Browsers read latin-1 and ascii declarations as windows-1252, and so do we.
    if codec.name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return codec.name


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if Python knows that codec."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    return _known(match.group(1)) if match else None


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _meta_encoding(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    return _known(match.group(1).decode("ascii", "replace")) if match else None


def _xml_declared_encoding(data: bytes) -> str | None:
    match = _XML_DECLARATION.match(data[:_META_SCAN_BYTES])
    return _known(match.group(1).decode("ascii", "replace")) if match else None


def _statistical_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: fall back to UTF-8 with replacement
        return None
    best = from_bytes(data[:_GUESS_SCAN_BYTES]).best()
    return _known(best.encoding) if best is not None else None


def _is_utf8(data: bytes) -> bool:
    sample = data[:_GUESS_SCAN_BYTES]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample boundary is still UTF-8.
        return exc.start >= len(sample) - 3 and len(sample) < len(data)
    return True


def guess_encoding(
    data: bytes, *, declared: str | None = None, html: bool = True
) -> str:
    """The codec to decode ``data`` with.

    ``declared`` is a Content-Type header value or a bare charset name; ``html``
    turns on the ``<meta charset>`` scan.
    """
    found = _bom_encoding(data)
    if found:
        return found
    if declared:
        found = charset_from_content_type(declared) or _known(declared)
        if found:
            return found
    found = _xml_declared_encoding(data)
    if found:
        return found
    if html:
        found = _meta_encoding(data)
        if found:
            return found
    if _is_utf8(data):
        return "utf-8"
    return _statistical_guess(data) or "utf-8"


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = True) -> str:
    """Decode ``data`` with :func:`guess_encoding`; bad bytes become U+FFFD."""
    return data.decode(guess_encoding(data, declared=declared, html=html), errors="replace")


def is_html_content(content_type: str | None, data: bytes) -> bool:
    """Whether a response looks like an HTML page (by its Content-Type, else by its start)."""
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        if kind in {"text/html", "application/xhtml+xml"}:
            return True
        if kind not in {"", "text/plain", "application/octet-stream", "binary/octet-stream"}:
            return False
    head = data[:_META_SCAN_BYTES]
    bom = _bom_encoding(head)
    if bom and bom != "utf-8-sig":
        head = head.decode(bom, errors="replace").encode("utf-8")
    elif bom:
        head = head[len(codecs.BOM_UTF8):]
    return bool(_HTML_START.match(head))
