"""Access control for `assistant serve`: one ASGI middleware in front of everything (API, UI, Gradio's routes).

With ``ASSISTANT_AUTH_TOKEN`` and/or ``ASSISTANT_AUTH_BASIC`` set, every request except ``/healthz`` needs
one of:

- ``Authorization: Bearer TOKEN`` (what the ``openai`` client sends as its ``api_key``);
- HTTP basic auth with the ``user:password`` of ``ASSISTANT_AUTH_BASIC``;
- HTTP basic auth with any user name and the token as password (what a browser's login prompt sends).

Refusals are 401 with ``WWW-Authenticate: Basic realm="assistant"``, so a browser asks for a login, and
an OpenAI-style JSON error body. Secrets are compared in constant time and never logged.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import SecretStr
    from starlette.types import ASGIApp, Receive, Scope, Send

    from assistant.settings import Settings

OPEN_PATHS = frozenset({"/healthz"})
REALM = 'Basic realm="assistant", charset="UTF-8"'


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def authorized(header: str | None, token: str, basic: str) -> bool:
    """Whether an ``Authorization`` header value carries the token or the basic credentials.

    ``token`` and ``basic`` (``user:password``) are the configured secrets; an empty one is not accepted.
    """
    if not header:
        return False
    scheme, _, value = header.strip().partition(" ")
    scheme, value = scheme.lower(), value.strip()
    if scheme == "bearer":
        return bool(token) and _same(value, token)
    if scheme != "basic":
        return False
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return False
    _user, sep, password = decoded.partition(":")
    if not sep:
        return False
    # Evaluate both comparisons (no short-circuit), so timing does not tell which secret is configured.
    by_basic = bool(basic) and _same(decoded, basic)
    by_token = bool(token) and _same(password, token)
    return by_basic or by_token


class AuthMiddleware:
    """Pure ASGI middleware: lets through requests that carry valid credentials, answers 401 to the rest."""

    def __init__(self, app: ASGIApp, token: SecretStr, basic: SecretStr) -> None:
        self.app = app
        self._token = token  # kept as SecretStr: a repr or a traceback shows '**********'
        self._basic = basic

    def _message(self) -> str:
        ways = []
        if self._token.get_secret_value():
            ways.append("send 'Authorization: Bearer TOKEN' with ASSISTANT_AUTH_TOKEN (the openai client's api_key)")
        if self._basic.get_secret_value():
            ways.append("log in with the user and password of ASSISTANT_AUTH_BASIC")
        return "Authentication required: " + ", or ".join(ways) + "."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope.get("path") in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        header = None
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                header = value.decode("latin-1")
                break
        if authorized(header, self._token.get_secret_value(), self._basic.get_secret_value()):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            # Closing before accepting makes the server answer the handshake with 403.
            await send({"type": "websocket.close", "code": 1008})
            return
        body = json.dumps({"error": {"message": self._message(), "type": "authentication_error",
                                     "code": "unauthorized"}}).encode()
        await send({"type": "http.response.start", "status": 401, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"www-authenticate", REALM.encode()),
        ]})
        await send({"type": "http.response.body", "body": body})


def auth_enabled(settings: Settings) -> bool:
    """Whether the settings ask for authentication (a token, basic credentials, or both)."""
    return bool(settings.auth_token.get_secret_value() or settings.auth_basic.get_secret_value())


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name or a wildcard: assume others can reach it


def exposure_warning(host: str, settings: Settings) -> str | None:
    """What to warn about when binding to ``host``; None on a loopback address."""
    if is_loopback(host):
        return None
    if auth_enabled(settings):
        return (f"Serving on {host}: authentication is on, but over plain HTTP; put a TLS proxy in front"
                " before crossing an untrusted network.")
    rule = "!" * 78
    return (f"\n{rule}\n!! WARNING: serving on {host} WITHOUT AUTHENTICATION.\n"
            "!! Anyone who can reach this address can ask questions, upload and delete articles.\n"
            "!! Set ASSISTANT_AUTH_TOKEN (or ASSISTANT_AUTH_BASIC=user:password), or bind to 127.0.0.1.\n"
            f"{rule}")
