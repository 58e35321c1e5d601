"""The address a request came from, for login throttling and the audit trail.

Behind a reverse proxy REMOTE_ADDR is the proxy's own address; with
``TRUSTED_PROXY_COUNT=n`` the client is the n-th address from the right of
X-Forwarded-For (each trusted proxy appends the address it saw). The left part
of that header is whatever the client claimed, so it is never trusted.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _is_address(forwarded[-proxies]):
            return forwarded[-proxies]
    address = request.META.get("REMOTE_ADDR")
    return address if address and _is_address(address) else None


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
