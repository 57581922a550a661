"""The OpenAPI 3.1 document served at ``GET /openapi.json``, built from declarations.

Three sources, each declared once:

- the JSON Schemas in ``schemas/*.json`` (one file per shape: ``Match``,
  ``LookupResult``, ``Error``, ...), which the tests also validate every
  response against;
- the *vocabulary*, :func:`vocabulary`: the schemas whose values come from
  code (kinds, languages, transliteration systems, copy formats) and from the
  limits of ``namenorm.http.limits``, which the routes check;
- the route table of ``namenorm.http.routes``, which gives the paths.

:func:`schemas` joins the first two; :func:`document` adds the paths and the
error responses. Nothing here reads a request.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__
from .. import proposals as queue
from ..annotate import FORMATS as ANNOTATE_FORMATS
from ..copy import FORMATS as COPY_FORMATS
from ..copy import LANGS as COPY_LANGS
from ..copy import QUOTES as COPY_QUOTES
from ..registry import KINDS
from ..translit import LANGS, systems
from .limits import (
    BATCH,
    CANDIDATES,
    CURSOR,
    MAX_BODY,
    PROPOSALS,
    QUERY,
    RECONCILE_CANDIDATES,
    TEXT,
)
from .routes import JSON, ROUTES, Route, ref

__all__ = ["ERRORS", "SCHEMA_DIR", "document", "file_schemas", "schemas", "vocabulary"]

#: The folder of the schema files.
SCHEMA_DIR = Path(__file__).parent / "schemas"

#: Every error status the service answers, with what it means (one shape: ``Error``).
ERRORS: dict[int, str] = {
    400: "Bad input (the message quotes it and says what was expected).",
    401: "Missing or wrong bearer token.",
    404: "Not found.",
    408: "The request body did not arrive within the server's read time-out.",
    409: "The review queue is full.",
    413: f"Body over {MAX_BODY:,} bytes, whatever its transfer encoding (payload_too_large); "
    "for copy (normalize, annotate), names that took longer to look up than the request's "
    "time budget, NAMENORM_TIME_BUDGET seconds (time_budget_exceeded).",
    414: "Request line over 8,190 bytes (answered by the server).",
    415: "Unsupported content type.",
    422: "Registry failed validation; the old one keeps serving.",
    431: "Request headers too large (answered by the server).",
    503: "A worker did not switch to the new registry in time.",
}
#: Statuses the server itself may answer before any route runs (408: a late body).
SERVER_ERRORS = (400, 408, 414, 431)


@cache
def file_schemas() -> dict[str, Any]:
    """The schemas of ``schemas/*.json`` by name (the file's stem)."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.json"))
    }


def _string(low: int, high: int) -> dict[str, Any]:
    return {"type": "string", "minLength": low, "maxLength": high}


def _enum(values: Sequence[str]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


def vocabulary(langs: Sequence[str]) -> dict[str, Any]:
    """The schemas whose values come from code; ``langs`` are the registry's languages."""
    return {
        "Kind": _enum(KINDS),
        "Lang": _enum(langs),
        "SourceLang": _enum(LANGS),
        "SystemName": _enum(sorted({s.name for s in systems()})),
        "CopyLang": _enum(COPY_LANGS),
        "CopyFormat": _enum(sorted(set(COPY_FORMATS) | set(ANNOTATE_FORMATS))),
        "CopyQuotes": _enum(COPY_QUOTES),
        "Query": _string(QUERY.low, QUERY.high),
        "Prefix": _string(0, QUERY.high),
        "Text": _string(TEXT.low, TEXT.high),
        "Limit": CANDIDATES.schema(),
        "PropertyLimit": {"type": "integer", "minimum": CANDIDATES.low, "maximum": CANDIDATES.high},
        "ReconcileLimit": RECONCILE_CANDIDATES.schema(),
        "Cursor": CURSOR.schema(),
        "Queries": {
            "type": "array",
            "minItems": BATCH.low,
            "maxItems": BATCH.high,
            "items": ref("Query"),
        },
        "QueryIds": {"type": "object", "minProperties": BATCH.low, "maxProperties": BATCH.high},
        "SystemOfLang": {
            "description": "Pairs of lang and system that go together (absent or null "
            "system: news).",
            "oneOf": [
                {
                    "properties": {
                        "lang": {"const": lang},
                        "system": {"enum": [s.name for s in systems(lang)] + [None]},
                    }
                }
                for lang in LANGS
            ],
        },
        "ProposalName": _string(1, queue.MAX_NAME),
        "ProposalContext": _string(0, queue.MAX_CONTEXT),
        "Proposals": {
            "type": "array",
            "minItems": PROPOSALS.low,
            "maxItems": PROPOSALS.high,
            "items": ref("ProposalItem"),
        },
    }


def schemas(langs: Sequence[str]) -> dict[str, Any]:
    """Every component schema: the files and the vocabulary (names never overlap)."""
    files, words = file_schemas(), vocabulary(langs)
    both = set(files) & set(words)
    if both:
        raise RuntimeError(f"schemas declared twice: {sorted(both)}")
    return {**files, **words}


def _operation(route: Route) -> dict[str, Any]:
    operation: dict[str, Any] = {"operationId": route.operation, "summary": route.summary}
    if route.description:
        operation["description"] = route.description
    if route.admin:
        operation["security"] = [{"bearer": []}]
    if route.params:
        operation["parameters"] = [param.openapi() for param in route.params]
    if route.body:
        operation["requestBody"] = {
            "required": route.body_required,
            "content": {media: {"schema": ref(name)} for media, name in route.body.items()},
        }
    statuses = sorted(set(route.errors) | set(SERVER_ERRORS))
    operation["responses"] = {
        "200": {
            "description": route.answered,
            "content": {route.media: {"schema": ref(route.answer)}},
        },
        **{str(s): {"$ref": f"#/components/responses/E{s}"} for s in statuses},
    }
    return operation


def paths(routes: Sequence[Route] = ROUTES) -> dict[str, Any]:
    """The document's paths from the route table."""
    found: dict[str, Any] = {}
    for route in routes:
        found.setdefault(route.path, {})[route.method] = _operation(route)
    return found


def document(*, langs: Sequence[str], example_id: str = "minsk") -> dict[str, Any]:
    """The OpenAPI document; ``langs`` are the languages of the registry's names and
    ``example_id`` an ID it holds (used in examples)."""
    found = paths()
    for path in ("/v1/entities/{id}", "/entities/{id}"):
        for operation in found[path].values():
            operation["parameters"][0]["example"] = example_id
    error = {"description": "", "content": {JSON: {"schema": ref("Error")}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "namenorm",
            "version": __version__,
            "description": "Names in news about Belarus: one stable ID and one house spelling.",
        },
        "paths": found,
        "components": {
            "schemas": schemas(langs),
            "responses": {
                f"E{status}": {**error, "description": text} for status, text in ERRORS.items()
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
