"""Who may do what: token checks as FastAPI dependencies.

* Writes (``POST /api/sources``) need a token made with ``babelwire token add
  NAME --write``, sent as ``Authorization: Bearer <token>``; the pages' forms that
  write (the Watchlists page) take it in a password field (:func:`check_write_token`).
* Reads are open unless the ``read_token_required`` setting is on; then any
  token (read or write) is needed: the header for the API, or the cookie the
  ``/login`` form sets for the pages. The cookie never authorises a write, so a
  page in another tab cannot make a browser write on its user's behalf.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from babelwire.errors import NotAllowed, NotAuthenticated
from babelwire.store.base import ApiToken, Store
from babelwire.web.context import WebContext
from babelwire.web.tokens import lookup_token

COOKIE = "babelwire_token"
bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="A token from `babelwire token add NAME [--write]`.")


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.context
    return ctx


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


async def require_read(request: Request, credentials: Credentials) -> ApiToken | None:
    """Nothing when reads are open; else the caller's token, or NotAuthenticated.

    Async, so an open server answers reads without a trip to the thread pool; the token
    lookup is one indexed read.
    """
    ctx = context(request)
    if not ctx.settings.read_token_required:
        return None
    token = credentials.credentials if credentials else request.cookies.get(COOKIE, "")
    found = lookup_token(ctx.store, token)
    if found is None:
        raise NotAuthenticated(
            "this server requires a token for reading: send 'Authorization: Bearer <token>' "
            "(or sign in at /login); make one with 'babelwire token add NAME'"
            if not token else "unknown or revoked token")
    return found


def require_write(request: Request, credentials: Credentials) -> ApiToken:
    """The caller's write token, or NotAuthenticated / NotAllowed."""
    if credentials is None:
        raise NotAuthenticated(
            "this request changes data: send a write token as 'Authorization: Bearer <token>' "
            "(make one with 'babelwire token add NAME --write')")
    return check_write_token(context(request).store, credentials.credentials)


def check_write_token(store: Store, token: str) -> ApiToken:
    """The stored write token matching ``token``, or NotAuthenticated / NotAllowed.

    What :func:`require_write` checks, for the pages' forms: they take the token in a
    password field (never from the cookie, which does not authorise writes).
    """
    found = lookup_token(store, token.strip())
    if found is None:
        raise NotAuthenticated("unknown or revoked token" if token.strip() else
                               "this change needs a write token (make one with "
                               "'babelwire token add NAME --write')")
    if not found.can_write:
        raise NotAllowed(f"token {found.name!r} may only read; this request needs a token "
                         "made with 'babelwire token add NAME --write'")
    return found
