"""The one JSON error handler of the HTTP API.

Every failure leaves the service as ``{"error": {"code": ..., "message": ...}}``
with the status the error carries: a :class:`~namenorm.errors.NamenormError`
brings its own ``status`` and ``code``; a werkzeug ``HTTPException`` (unknown
route, wrong method, body too large, wrong content type, missing token) is
mapped to a short snake-case code; a body that does not arrive within the
server's read time-out (``namenorm.http.worker``) is a 408. A registry that
fails validation on reload adds its ``problems``. Anything else is a bug: it is logged with its traceback
and answered with a JSON 500 rather than an HTML page.

This module only shapes errors; it raises none.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import ClientDisconnected, HTTPException, MethodNotAllowed

from ..errors import NamenormError, RegistryError

__all__ = ["error_response", "install_error_handler"]

log = logging.getLogger("namenorm.http")

#: Codes for the HTTP statuses the API answers with on its own.
HTTP_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    408: "request_timeout",
    415: "unsupported_media_type",
}


def _message(exc: HTTPException) -> str:
    """The exception's own description, or for werkzeug's stock text one that names the request."""
    if exc.description and exc.description != type(exc).description:
        return exc.description
    if exc.code == 404:
        return f"no route {request.path!r}; the routes are listed at /openapi.json"
    if isinstance(exc, MethodNotAllowed):
        allowed = ", ".join(sorted(set(exc.valid_methods or ()) - {"HEAD", "OPTIONS"}))
        return f"method {request.method} is not allowed on {request.path!r}; expected {allowed}"
    if exc.code == 413:
        limit = request.max_content_length
        return f"request body is over {limit} bytes; expected at most {limit}"
    return exc.description or exc.name


def error_response(status: int, code: str, message: str, **extra: object) -> Response:
    """A JSON error response in the one shape the API uses."""
    response = jsonify({"error": {"code": code, "message": message, **extra}})
    response.status_code = status
    return response


def _late(exc: Exception) -> TimeoutError | None:
    """The read time-out behind ``exc``, if the client was too slow sending its body
    (werkzeug reports any failed read as a disconnected client)."""
    if isinstance(exc, ClientDisconnected):
        exc = exc.__context__  # type: ignore[assignment]
    return exc if isinstance(exc, TimeoutError) else None


def handle_error(exc: Exception) -> Response:
    """Map any exception raised while serving a request to the JSON error shape."""
    if late := _late(exc):
        return error_response(
            408, "request_timeout", f"{late}; expected the whole body within the read time-out"
        )
    if isinstance(exc, RegistryError):
        problems = [
            {"path": p.path, "line": p.line, "field": p.field, "message": p.message}
            for p in exc.problems
        ]
        first = str(exc).splitlines()[0].rstrip(":")
        return error_response(exc.status, exc.code, first, problems=problems)
    if isinstance(exc, NamenormError):
        return error_response(exc.status, exc.code, str(exc))
    if isinstance(exc, HTTPException) and exc.code is not None:
        code = HTTP_CODES.get(exc.code) or exc.name.lower().replace(" ", "_")
        response = error_response(exc.code, code, _message(exc))
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response
    log.exception("unhandled error", exc_info=exc)
    return error_response(500, "internal_error", "internal error; see the server log")


def install_error_handler(app: Flask) -> None:
    """Register :func:`handle_error` for every exception on ``app``."""
    app.register_error_handler(Exception, handle_error)
