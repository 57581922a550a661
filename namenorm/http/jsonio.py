"""The app's JSON answers through ``orjson``: one C call per answer.

Flask's default provider walks every value in Python (``json.dumps``); this
provider hands the whole answer to ``orjson``, which writes UTF-8 (no
``\\u`` escapes), keeps each object's field order, and calls flask's own
``default`` only for values it does not know (dates, decimals, objects with
``__html__``). Left out: request bodies, which ``namenorm.http.inputs`` reads.
"""

from __future__ import annotations

from typing import Any

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

__all__ = ["OPTIONS", "OrjsonProvider", "dumps"]

#: orjson options: keys that are not strings (ints) written as strings, like ``json``.
OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: object) -> bytes:
    """``value`` as UTF-8 JSON bytes."""
    return orjson.dumps(value, default=DefaultJSONProvider.default, option=OPTIONS)


class OrjsonProvider(DefaultJSONProvider):
    """flask's JSON provider with ``orjson`` for output (input is read as before)."""

    sort_keys = False  # keep the documented field order

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        return dumps(obj).decode()

    def response(self, *args: Any, **kwargs: Any) -> Response:
        body = dumps(self._prepare_response_obj(args, kwargs))
        return Response(body, mimetype=self.mimetype)
