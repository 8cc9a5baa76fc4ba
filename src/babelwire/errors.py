"""The exception tree. Every error babelwire raises on purpose is a :class:`BabelwireError`.

Messages say what was wrong and, where it helps, what to do about it.
"""

from __future__ import annotations


class BabelwireError(Exception):
    """Base of all errors babelwire raises on purpose."""


class SettingsError(BabelwireError):
    """A setting has a value of the wrong type or an unknown name."""


class SourceError(BabelwireError):
    """A source could not be read: unknown kind, missing file, unreadable feed."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason


class FetchError(SourceError):
    """An HTTP fetch failed or was refused (robots.txt, size limit, address policy)."""


class BlockedAddressError(FetchError):
    """The URL resolves to a private, loopback or link-local address that policy forbids."""


class RobotsDisallowedError(FetchError):
    """robots.txt forbids fetching the URL with our User-Agent."""


class TooLargeError(FetchError):
    """The response body (or its decompressed form) is larger than the configured maximum."""


class ExtractionError(BabelwireError):
    """No article could be extracted from a document."""


class StoreError(BabelwireError):
    """The database could not be opened, migrated or written."""


class EntityConflict(StoreError):
    """The database refused an article's entities because another writer stored a
    conflicting one first: the same canonical entity (a country two processes met at the
    same moment), or an entity the refused article's mentions name is not there."""


class ModelError(BabelwireError):
    """A model could not be loaded (missing package, missing weights)."""


class QueryError(BabelwireError):
    """A search query is malformed."""


# -- the dashboard and HTTP API (babelwire.web) ------------------------------------
class CursorError(QueryError):
    """A pagination cursor is malformed or belongs to a different query (HTTP 400)."""


class TokenError(BabelwireError):
    """A token name is malformed, or a token is missing, unknown or lacks a right."""


class NotAuthenticated(TokenError):
    """No token, or one the store does not know (HTTP 401)."""


class NotAllowed(TokenError):
    """A valid token without the right the request needs (HTTP 403)."""


class ServeError(BabelwireError):
    """The server could not listen (address in use, permission denied)."""
class WatchError(BabelwireError):
    """A watchlist is malformed, unknown, or its name is taken."""


class UnknownWatch(WatchError):
    """No watchlist has the name asked for (HTTP 404)."""


class DeliveryError(BabelwireError):
    """An alert or digest could not be delivered to a channel (webhook, email)."""
