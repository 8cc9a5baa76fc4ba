"""Webhook delivery: a JSON POST signed with HMAC-SHA256.

The header ``X-Babelwire-Signature: sha256=<hex>`` carries the HMAC-SHA256 of the
exact request body under the watch's secret; ``X-Babelwire-Delivery`` names the
outbox message (the same on every retry, so a receiver can drop repeats). A
receiver verifies with :func:`verify_signature` (or the few lines in
docs/alerts.md). Requests obey the fetcher's address policy
(``allow_loopback`` / ``allow_private``), checked again at connect time
(:mod:`babelwire.sources.pinned_network`), follow no redirects and time out after
``alert_timeout`` seconds.
"""

from __future__ import annotations

import hashlib
import hmac

import httpx

from babelwire.errors import BabelwireError, DeliveryError, FetchError
from babelwire.settings import Settings
from babelwire.sources.address_policy import AddressPolicy
from babelwire.sources.pinned_network import pinned_transport

SIGNATURE_HEADER = "X-Babelwire-Signature"
DELIVERY_HEADER = "X-Babelwire-Delivery"


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for ``body``: ``sha256=<hex digest>``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str | None) -> bool:
    """True when ``header`` is the signature of ``body`` under ``secret`` (constant time)."""
    return header is not None and hmac.compare_digest(sign(secret, body), header.strip())


def webhook_policy(settings: Settings) -> AddressPolicy:
    """The fetcher's address rules, applied to webhook targets too."""
    return AddressPolicy(allow_loopback=settings.allow_loopback,
                         allow_private=settings.allow_private)


def webhook_client(settings: Settings) -> httpx.Client:
    """An HTTP client that connects only to addresses the policy checked (no DNS rebinding)."""
    return httpx.Client(timeout=settings.alert_timeout, follow_redirects=False, trust_env=False,
                        transport=pinned_transport(webhook_policy(settings)))


def post_webhook(url: str, body: str, *, secret: str, delivery_id: int,
                 settings: Settings, client: httpx.Client | None = None) -> None:
    """POST ``body``; raise DeliveryError on a refused address, a timeout or a non-2xx."""
    policy = webhook_policy(settings)
    try:
        policy.check(url)
    except BabelwireError as exc:
        raise DeliveryError(f"webhook {url}: {exc}") from exc
    data = body.encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8",
               "User-Agent": settings.user_agent, SIGNATURE_HEADER: sign(secret, data),
               DELIVERY_HEADER: str(delivery_id)}
    owned = client is None
    http = client or webhook_client(settings)
    try:
        response = http.post(url, content=data, headers=headers)
    except BabelwireError as exc:  # refused at connect time: the host now resolves elsewhere
        raise DeliveryError(f"webhook {url}: {exc.reason if isinstance(exc, FetchError) else exc}"
                            ) from exc
    except httpx.HTTPError as exc:
        raise DeliveryError(f"webhook {url}: {type(exc).__name__}: {exc}") from exc
    finally:
        if owned:
            http.close()
    if not 200 <= response.status_code < 300:
        raise DeliveryError(f"webhook {url}: HTTP {response.status_code}")
