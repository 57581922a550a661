"""Reading and checking request input: query arguments and JSON bodies.

Each helper raises :class:`~namenorm.errors.InvalidInputError` (400) with a
message that quotes the bad value and says what was expected, or a werkzeug
``UnsupportedMediaType`` (415) / ``RequestEntityTooLarge`` (413). Domain
checks (kind, language, query length) stay in the library; these helpers
only turn HTTP input into Python values.
"""

from __future__ import annotations

import io
import json
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import Any, overload

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge, UnsupportedMediaType

from ..errors import InvalidInputError
from .limits import describe

__all__ = [
    "arg",
    "bound_body",
    "check_fields",
    "check_query_string",
    "describe",
    "json_object",
    "json_type",
    "optional_str",
    "parse_json",
    "required_str",
]


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type (``object``, ``array``, ``string``, ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def arg(name: str, *, required: bool = False) -> str | None:
    """A query-string argument; ``None`` when absent (400 if ``required``).

    An empty value counts as absent for required arguments.
    """
    value = request.args.get(name)
    if required and not value:
        state = "empty" if value == "" else "missing"
        raise InvalidInputError(f"query argument {name!r} is {state}; expected a non-empty string")
    return value


@overload
def optional_str(obj: Mapping[str, Any], key: str, *, where: str = ...) -> str | None: ...
@overload
def optional_str(obj: Mapping[str, Any], key: str, *, where: str = ..., default: str) -> str: ...
def optional_str(
    obj: Mapping[str, Any], key: str, *, where: str = "body", default: str | None = None
) -> str | None:
    """``obj[key]`` as a string; ``default`` when absent or null (400 for another type).
    An empty string is a value like any other, for the caller to check."""
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InvalidInputError(f"{where}.{key} is {describe(value)}; expected a string")
    return value


def required_str(obj: Mapping[str, Any], key: str, *, where: str = "body") -> str:
    """``obj[key]``, which must be there and be a string (400 otherwise)."""
    if key not in obj:
        raise InvalidInputError(f"{where} has no {key!r}; expected a string")
    value = obj[key]
    if not isinstance(value, str):
        raise InvalidInputError(f"{where}.{key} is a JSON {json_type(value)}; expected a string")
    return value


def check_fields(obj: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """400 when ``obj`` has a field outside ``allowed``, naming the fields."""
    unknown = sorted(set(obj) - set(allowed))
    if unknown:
        raise InvalidInputError(
            f"unknown field(s) {', '.join(map(repr, unknown))}; expected {', '.join(allowed)}"
        )


def bound_body() -> None:
    """Read a body sent without ``Content-Length`` (chunked) here, whole, and refuse it
    with 413 when it is over the app's limit, as one with a length is: werkzeug would
    otherwise cut such a stream at the limit and pass on the truncated body."""
    environ = request.environ
    if request.content_length is not None or "wsgi.input_terminated" not in environ:
        return
    limit = request.max_content_length
    if limit is None:
        return
    data = environ["wsgi.input"].read(limit + 1)
    if len(data) > limit:
        raise RequestEntityTooLarge(
            f"request body is over {limit} bytes (sent without a length); expected at most {limit}"
        )
    environ["wsgi.input"] = io.BytesIO(data)
    environ["CONTENT_LENGTH"] = str(len(data))
    del environ["wsgi.input_terminated"]
    environ.pop("HTTP_TRANSFER_ENCODING", None)  # the body is now whole, with a length


def _utf8(data: bytes, where: str) -> str:
    """``data`` as strict UTF-8: 400 for invalid bytes, surrogates written as UTF-8
    bytes among them (Python's JSON reader would let those pass)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.end]
        raise InvalidInputError(
            f"malformed {where}: bytes {bad!r} at byte {exc.start} are not UTF-8 "
            f"({exc.reason}); expected UTF-8 text"
        ) from None


def check_query_string() -> None:
    """400 when the URL's query string does not decode as UTF-8 (werkzeug would put
    U+FFFD in place of the bad bytes and answer as if they had been sent)."""
    raw = request.query_string
    if b"%" in raw or not raw.isascii():
        _utf8(urllib.parse.unquote_to_bytes(raw), "query string")


def parse_json(data: bytes) -> object:
    """Decode a JSON document (400 when it is not UTF-8 JSON)."""
    text = _utf8(data, "JSON")
    try:
        value: object = json.loads(text)
    except ValueError as exc:
        raise InvalidInputError(f"malformed JSON: {exc}; expected a JSON document") from None
    except RecursionError:
        raise InvalidInputError("malformed JSON: nested too deeply") from None
    return value


def json_object() -> dict[str, Any]:
    """The request body as a JSON object: 415 for another content type, 400 if not an object."""
    if not request.is_json:
        raise UnsupportedMediaType(
            f"content type {request.mimetype or '(none)'!r} is not accepted; "
            "expected application/json"
        )
    body = parse_json(request.get_data(cache=False))
    if not isinstance(body, dict):
        raise InvalidInputError(f"body is a JSON {json_type(body)}; expected a JSON object")
    return body
