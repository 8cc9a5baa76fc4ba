"""Parsing untrusted XML (sitemaps, OPML) into an ElementTree, refusing DTDs and entities.

Sitemaps and OPML files never need a document type declaration, so any
``<!DOCTYPE`` or entity declaration is refused outright: that closes the
"billion laughs" and external-entity attacks without depending on defusedxml.
"""

from __future__ import annotations

import zlib
from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

__all__ = ["XmlRefused", "gunzip_limited", "is_gzip", "local_name", "parse_xml", "root_name"]

_NS_SEP = "\x01"


class XmlRefused(ValueError):
    """The document is not well-formed XML, or declares a DTD or entities."""


def _qualified(name: str) -> str:
    """Turn expat's ``uri<SEP>local`` into ElementTree's ``{uri}local``."""
    if _NS_SEP in name:
        uri, local = name.split(_NS_SEP, 1)
        return f"{{{uri}}}{local}"
    return name


def local_name(tag: str) -> str:
    """The tag without its ``{namespace}``, lower-cased."""
    return tag.rsplit("}", 1)[-1].lower()


def _refuse_doctype(*_: Any) -> None:
    raise XmlRefused("document type declarations (DTDs) are not accepted")


def _refuse_entity(*_: Any) -> None:
    raise XmlRefused("entity declarations are not accepted")


def parse_xml(data: bytes) -> Element:
    """Parse ``data`` into its root :class:`Element`; raise :class:`XmlRefused` on any problem."""
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator=_NS_SEP)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity  # type: ignore[assignment]
    parser.buffer_text = True

    def start(name: str, attrs: dict[str, str]) -> None:
        builder.start(_qualified(name), {_qualified(k): v for k, v in attrs.items()})

    def end(name: str) -> None:
        builder.end(_qualified(name))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise XmlRefused(f"not well-formed XML: {exc}") from exc
    try:
        return builder.close()
    except AssertionError as exc:  # TreeBuilder asserts on an empty document
        raise XmlRefused("empty XML document") from exc


def root_name(data: bytes) -> str | None:
    """The root element's local name; ``None`` unless ``data`` is safe, well-formed XML."""
    try:
        return local_name(parse_xml(data).tag)
    except XmlRefused:
        return None


def gunzip_limited(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip ``data``, refusing output larger than ``max_bytes``."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise XmlRefused(f"broken gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise XmlRefused(f"decompresses to more than {max_bytes} bytes")
    return out


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` starts with the gzip magic number."""
    return data[:2] == b"\x1f\x8b"

