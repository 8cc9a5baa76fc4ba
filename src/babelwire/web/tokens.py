"""API tokens: made here, shown once, stored only as a SHA-256 hash.

A token is ``bw_`` plus 32 random bytes in URL-safe base64. The store keeps its
hash, its name and whether it may write. Because tokens are long and random, an
unsalted SHA-256 is enough to make a leaked database useless for calling the
API. Used by the ``babelwire token`` commands and by :mod:`babelwire.web.auth`.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from babelwire.errors import TokenError
from babelwire.store.base import ApiToken, Store

PREFIX = "bw_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def new_token() -> str:
    """A fresh random token (shown to its owner once, never stored)."""
    return PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The hex SHA-256 of ``token``: what the store keeps."""
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    """``name`` if it is 1-64 letters, digits, dots, dashes or underscores."""
    if not _NAME.match(name):
        raise TokenError(f"token name {name!r}: use 1-64 letters, digits, '.', '_' or '-', "
                         "starting with a letter or digit")
    return name


def create_token(store: Store, name: str, *, can_write: bool) -> tuple[str, ApiToken]:
    """Make a token called ``name``, store its hash, and return the token and its record."""
    token = new_token()
    record = store.add_token(check_name(name), hash_token(token), can_write=can_write)
    return token, record


def lookup_token(store: Store, token: str) -> ApiToken | None:
    """The stored token matching ``token``, or None."""
    if not token:
        return None
    return store.token_for_hash(hash_token(token))
