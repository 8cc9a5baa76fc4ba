"""A cap on request bodies: nothing the dashboard or API takes is near a megabyte.

Without it the server would read a body of any size into memory before looking at it
(a 20 MB POST to ``/api/watchlists`` was read whole, then refused as bad JSON). A body
announced larger than :data:`MAX_REQUEST_BYTES` is refused at once with a 413; one sent
without a length is counted as it arrives and refused once it passes the cap, and the
application sees the client as gone.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_REQUEST_BYTES = 1024 * 1024
"""The largest request body accepted (a watchlist, a sign-in form: a few KiB at most)."""

_DETAIL = json.dumps({"detail": f"the request body is over {MAX_REQUEST_BYTES // 1024} KiB, "
                                "the most this server takes"}).encode()


async def _refuse(send: Send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(_DETAIL)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": _DETAIL})


def _announced(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimit:
    """Refuses request bodies over :data:`MAX_REQUEST_BYTES` (plain ASGI, no buffering)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = _announced(scope)
        if announced is not None and announced > self.limit:
            await _refuse(send)
            return
        received = 0
        refused = started = False

        async def counted_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > self.limit:
                    refused = True
                    if not started:
                        await _refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 went out; what the application answers is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counted_receive, guarded_send)
