"""HTTP errors: each knows its status, and one handler gives every error one JSON shape.

``{"ok": false, "status": 400, "error": "...", "errors": [{"field": ..., "message": ...}]}``
"""

from __future__ import annotations

from typing import Any


class HTTPError(Exception):
    """An error the API answers with its ``status``; ``errors`` name the fields at fault."""

    status = 500

    def __init__(self, message: str, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []

    def body(self) -> dict[str, Any]:
        """Return the JSON error body."""
        return {"ok": False, "status": self.status, "error": self.message, "errors": self.errors}


class BadRequest(HTTPError):
    """400: a parameter or the body is wrong; ``errors`` says which field."""

    status = 400


class Unauthorized(HTTPError):
    """401: a write endpoint was called without the right bearer token."""

    status = 401


class Forbidden(HTTPError):
    """403: write endpoints are disabled (the server was started without a token)."""

    status = 403


class NotFound(HTTPError):
    """404: no such article, actor, story or page."""

    status = 404


class PayloadTooLarge(HTTPError):
    """413: the request body is over the configured limit."""

    status = 413


class Unprocessable(HTTPError):
    """422: the body is well-formed but its article cannot be coded (empty, not English)."""

    status = 422


def bad_field(field: str, message: str) -> BadRequest:
    """Return a 400 error naming ``field``."""
    return BadRequest(f"{field}: {message}", [{"field": field, "message": message}])
