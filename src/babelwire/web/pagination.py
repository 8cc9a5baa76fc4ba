"""Opaque cursors for the HTTP API's lists.

A cursor is URL-safe base64 of a small JSON object: where the next page starts
(a keyset position or an offset into a ranked list) and a fingerprint of the
query it belongs to, so a cursor reused with other filters is refused instead
of returning a wrong page. Clients treat it as an opaque string and pass back
``next_cursor`` as ``cursor``; a missing ``next_cursor`` means the last page.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from babelwire.errors import CursorError

MAX_LIMIT = 200
"""Most items one API page returns."""


def fingerprint(scope: str, params: Mapping[str, Any]) -> str:
    """A short digest of the list (``scope``) and the filters a cursor was made for."""
    text = json.dumps([scope, sorted((k, str(v)) for k, v in params.items() if v is not None)],
                      ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def encode_cursor(position: Mapping[str, Any], *, scope: str,
                  params: Mapping[str, Any]) -> str:
    """An opaque cursor for ``position`` in the list ``scope`` filtered by ``params``."""
    payload = {"f": fingerprint(scope, params), **position}
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, *, scope: str,
                  params: Mapping[str, Any]) -> dict[str, Any] | None:
    """The position inside ``cursor``; None for no cursor. Raises :class:`CursorError`."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise CursorError("the cursor is malformed: pass back next_cursor unchanged") from exc
    if not isinstance(payload, dict):
        raise CursorError("the cursor is malformed: pass back next_cursor unchanged")
    if payload.pop("f", None) != fingerprint(scope, params):
        raise CursorError("the cursor belongs to a different query: repeat the filters "
                          "of the request that returned it")
    return payload


def offset_from(position: Mapping[str, Any] | None) -> int:
    """The ``o`` (offset) field of a decoded cursor, checked."""
    if position is None:
        return 0
    value = position.get("o")
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CursorError("the cursor is malformed: pass back next_cursor unchanged")
    return value


def clamp_limit(limit: int) -> int:
    """``limit`` within 1 and :data:`MAX_LIMIT`."""
    return max(1, min(MAX_LIMIT, limit))
