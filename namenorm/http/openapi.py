"""The OpenAPI 3.1 document served at ``GET /openapi.json``.

Every operation is listed with its parameters, request body and the schema of
each response, including the one error shape. The document is data built
from the same constants the routes check (limits, kinds, languages), so the
two cannot disagree; tests run schemathesis against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..copy import FORMATS as COPY_FORMATS
from ..copy import LANGS as COPY_LANGS
from ..copy import QUOTES as COPY_QUOTES
from ..index import MAX_QUERY_LENGTH
from ..registry import KINDS
from ..translit import LANGS
from .editing import OPENAPI_PATHS, OPENAPI_RESPONSES, OPENAPI_SCHEMAS
from .inputs import DEFAULT_LIMIT, MAX_BATCH, MAX_LIMIT, MAX_TEXT_LENGTH
from .reconcile import MAX_CURSOR

__all__ = ["document"]

JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    return {str(s): {"$ref": f"#/components/responses/E{s}"} for s in statuses}


def _query(
    name: str,
    schema: dict[str, Any],
    description: str,
    *,
    required: bool = False,
    example: object = None,
) -> dict[str, Any]:
    parameter = {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }
    if example is not None:
        parameter["example"] = example
    return parameter


def document(*, langs: Sequence[str], example_id: str = "minsk") -> dict[str, Any]:
    """The OpenAPI document; ``langs`` are the languages of the registry's names and
    ``example_id`` an ID it holds (used in examples)."""
    lang_schema = {"type": "string", "enum": list(langs)}
    kind_schema = {"type": "string", "enum": list(KINDS)}
    q_schema = {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH}
    limit_schema = {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}

    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "examples": ["invalid_input"]},
                        "message": {"type": "string"},
                        "problems": {
                            "type": "array",
                            "description": "Registry validation problems (reload only).",
                            "items": {
                                "type": "object",
                                "required": ["path", "line", "field", "message"],
                                "properties": {
                                    "path": {"type": "string"},
                                    "line": {"type": "integer"},
                                    "field": {"type": "string"},
                                    "message": {"type": "string"},
                                },
                            },
                        },
                    },
                }
            },
        },
        "Match": {
            "type": "object",
            "required": [
                "id",
                "kind",
                "name",
                "name_lang",
                "score",
                "matched",
                "method",
                "explanation",
            ],
            "properties": {
                "id": {"type": "string"},
                "kind": kind_schema,
                "name": {"type": "string", "description": "House spelling in the asked language."},
                "name_lang": {
                    "type": "string",
                    "description": "Language of name: the asked lang, or en when the "
                    "registry has no preferred spelling in it.",
                },
                "score": {"type": "number", "minimum": 0, "maximum": 100},
                "matched": {"type": "string", "description": "Stored or generated spelling hit."},
                "method": {"type": "string", "enum": ["exact", "key", "fuzzy"]},
                "explanation": {"type": "string"},
            },
        },
        "LookupResult": {
            "type": "object",
            "required": ["query", "status", "match", "candidates"],
            "properties": {
                "query": {"type": "string"},
                "status": {"type": "string", "enum": ["matched", "ambiguous", "unmatched"]},
                "match": {"oneOf": [_ref("Match"), {"type": "null"}]},
                "candidates": {"type": "array", "items": _ref("Match"), "maxItems": MAX_LIMIT},
            },
        },
        "LookupBatch": {
            "type": "object",
            "required": ["queries"],
            "additionalProperties": False,
            "properties": {
                "queries": {"type": "array", "maxItems": MAX_BATCH, "items": q_schema},
                "kind": kind_schema,
                "lang": lang_schema,
                "limit": limit_schema,
            },
        },
        "Entity": {
            "type": "object",
            "required": ["id", "kind", "name", "names", "preferred"],
            "properties": {
                "id": {"type": "string"},
                "kind": kind_schema,
                "name": {"type": "string"},
                "names": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["text", "lang", "preferred"],
                        "properties": {
                            "text": {"type": "string"},
                            "lang": {"type": "string"},
                            "preferred": {"type": "boolean"},
                        },
                    },
                },
                "preferred": {
                    "type": "object",
                    "description": "Preferred spelling per language.",
                    "additionalProperties": {"type": "string"},
                },
            },
        },
        "System": {
            "type": "object",
            "required": ["name", "lang", "description", "source"],
            "properties": {
                "name": {"type": "string"},
                "lang": {"type": "string", "enum": list(LANGS)},
                "description": {"type": "string"},
                "source": {"type": "string"},
            },
        },
        "Health": {
            "type": "object",
            "required": [
                "status",
                "registry_size",
                "registry_hash",
                "registry_path",
                "registry_error",
                "version",
            ],
            "properties": {
                "status": {
                    "type": "string",
                    "enum": ["ok", "degraded"],
                    "description": "degraded: the registry file is broken; its last good "
                    "version keeps serving.",
                },
                "registry_size": {"type": "integer", "minimum": 0},
                "registry_hash": {"type": "string"},
                "registry_path": {"type": "string"},
                "registry_error": {
                    "oneOf": [
                        {"type": "null"},
                        {
                            "type": "object",
                            "required": ["path", "hash", "message", "problems"],
                            "properties": {
                                "path": {"type": "string"},
                                "hash": {"type": "string"},
                                "message": {"type": "string"},
                                "problems": {"type": "array"},
                            },
                        },
                    ]
                },
                "version": {"type": "string"},
            },
        },
        "Reloaded": {
            "type": "object",
            "required": [
                "status",
                "registry_size",
                "registry_hash",
                "previous_hash",
                "workers",
            ],
            "properties": {
                "status": {"type": "string", "enum": ["reloaded"]},
                "workers": {"type": "integer", "minimum": 1},
                "registry_size": {"type": "integer"},
                "registry_hash": {"type": "string"},
                "previous_hash": {"type": "string"},
            },
        },
        "Type": {
            "type": "object",
            "required": ["id", "name"],
            "properties": {
                "id": kind_schema,
                "name": {"type": "string"},
                "description": {"type": "string"},
            },
        },
        "Manifest": {
            "type": "object",
            "required": ["versions", "name", "identifierSpace", "schemaSpace", "defaultTypes"],
            "properties": {
                "versions": {"type": "array", "items": {"type": "string"}},
                "name": {"type": "string"},
                "identifierSpace": {"type": "string"},
                "schemaSpace": {"type": "string"},
                "defaultTypes": {"type": "array", "items": _ref("Type")},
                "view": {"type": "object"},
                "preview": {"type": "object"},
                "suggest": {"type": "object"},
                "extend": {"type": "object"},
                "batchSize": {"type": "integer"},
            },
        },
        "Candidate": {
            "type": "object",
            "required": ["id", "name", "score", "match", "type", "features"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "score": {"type": "number"},
                "match": {"type": "boolean"},
                "type": {"type": "array", "items": _ref("Type")},
                "description": {"type": "string"},
                "features": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "value"],
                        "properties": {
                            "id": {"type": "string"},
                            "value": {"type": ["number", "boolean"]},
                        },
                    },
                },
            },
        },
        "ResultBatch": {
            "type": "object",
            "description": "One result per query ID of the batch; a query that is bad on its "
            "own has no candidates and an error (the rest of the batch is answered).",
            "additionalProperties": {
                "type": "object",
                "required": ["result"],
                "properties": {
                    "result": {"type": "array", "items": _ref("Candidate")},
                    "error": _ref("QueryError"),
                },
            },
        },
        "QueryError": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        },
        "Extension": {
            "type": "object",
            "description": "Data extension answer (reconciliation API 0.2): a row of cells "
            "per asked ID, a column per asked property; unknown IDs have empty cells and "
            "an entry in errors.",
            "required": ["meta", "rows"],
            "properties": {
                "meta": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "name"],
                        "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
                    },
                },
                "rows": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["str"],
                                "properties": {"str": {"type": "string"}},
                            },
                        },
                    },
                },
                "errors": {"type": "object", "additionalProperties": _ref("QueryError")},
            },
        },
        "Properties": {
            "type": "object",
            "description": "Properties proposed for data extension.",
            "required": ["properties"],
            "properties": {
                "properties": {"type": "array", "items": _ref("Property")},
                "type": kind_schema,
                "limit": {"type": "integer"},
            },
        },
        "Property": {
            "type": "object",
            "required": ["id", "name", "description"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "description": {"type": "string"},
            },
        },
        "PropertySuggestions": {
            "type": "object",
            "required": ["result"],
            "properties": {"result": {"type": "array", "items": _ref("Property")}},
        },
        "QueryBatch": {
            "type": "object",
            "description": "Reconciliation queries by ID (W3C reconciliation API 0.2).",
            "maxProperties": MAX_BATCH,
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "query": q_schema,
                    "type": {
                        "oneOf": [kind_schema, {"type": "array", "items": kind_schema}],
                    },
                    "limit": {"type": "integer", "minimum": 1},
                    "type_strict": {"type": "string", "enum": ["any", "should", "all"]},
                    "properties": {
                        "type": "array",
                        "description": "Values of the data extension properties; a wikidata "
                        "or geonames value alone is enough to find the entity.",
                        "items": {
                            "type": "object",
                            "required": ["pid", "v"],
                            "properties": {"pid": {"type": "string"}, "v": {}},
                        },
                    },
                },
                "description": "A query needs query text, or a wikidata or geonames property.",
            },
        },
        "Suggestions": {
            "type": "object",
            "required": ["result"],
            "properties": {
                "result": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "name"],
                        "properties": {
                            "id": {"type": "string"},
                            "name": {"type": "string"},
                            "description": {"type": "string"},
                            "notable": {"type": "array", "items": _ref("Type")},
                        },
                    },
                }
            },
        },
    }
    schemas["Transliterated"] = {
        "type": "object",
        "required": ["text", "lang", "system", "result"],
        "properties": {
            "text": {"type": "string"},
            "lang": {"type": "string"},
            "system": {"type": "string"},
            "result": {"type": "string"},
        },
    }
    schemas["Normalized"] = {
        "type": "object",
        "required": ["text", "edits"],
        "properties": {
            "text": {"type": "string"},
            "edits": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "start",
                        "end",
                        "original",
                        "replacement",
                        "id",
                        "score",
                        "status",
                    ],
                    "properties": {
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 0},
                        "original": {"type": "string"},
                        "replacement": {"type": "string"},
                        "id": {"type": "string"},
                        "score": {"type": "number"},
                        "status": {"type": "string"},
                    },
                },
            },
        },
    }

    queries_arg = _query(
        "queries",
        {"type": "string", "contentMediaType": JSON},
        "A reconciliation query batch as JSON; without it (and without extend) the manifest "
        "is returned.",
    )
    extend_arg = _query(
        "extend",
        {"type": "string", "contentMediaType": JSON},
        "A data extension query as JSON: {ids, properties}.",
    )
    propose_args = [
        _query("type", kind_schema, "Propose the properties of this type (default: any)."),
        _query(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
            "Most properties proposed (default: all).",
        ),
    ]
    properties_answer = _json(_ref("Properties"), "The proposed properties.")
    html = {"text/html": {"schema": {"type": "string"}}}
    paths: dict[str, Any] = {
        "/health": {
            "get": {
                "operationId": "health",
                "summary": "Service status, registry size and hash, version",
                "responses": {"200": _json(_ref("Health"), "Service status.")},
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")},
            }
        },
        "/v1/lookup": {
            "get": {
                "operationId": "lookup",
                "summary": "Look up one name",
                "parameters": [
                    _query(
                        "q", q_schema, "The name to look up.", required=True, example="Lukashenko"
                    ),
                    _query("limit", limit_schema, "Most candidates returned."),
                    _query("kind", kind_schema, "Only entities of this kind."),
                    _query("lang", lang_schema, "Language of the returned names (default en)."),
                ],
                "responses": {
                    "200": _json(_ref("LookupResult"), "Status, match and candidates."),
                    **_errors(400),
                },
            },
            "post": {
                "operationId": "lookupBatch",
                "summary": "Look up up to 1,000 names",
                "requestBody": {
                    "required": True,
                    "content": {JSON: {"schema": _ref("LookupBatch")}},
                },
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["results"],
                            "properties": {
                                "results": {"type": "array", "items": _ref("LookupResult")}
                            },
                        },
                        "One result per query, in order.",
                    ),
                    **_errors(400, 413, 415),
                },
            },
        },
        "/v1/entities/{id}": {
            "get": {
                "operationId": "entity",
                "summary": "One entity with all its stored names",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": example_id,
                    }
                ],
                "responses": {"200": _json(_ref("Entity"), "The entity."), **_errors(404)},
            }
        },
        "/v1/transliterate": {
            "get": {
                "operationId": "transliterate",
                "summary": "Romanize Cyrillic text",
                "parameters": [
                    _query(
                        "text",
                        {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_LENGTH},
                        "Text to romanize.",
                        required=True,
                        example="Лукашэнка",
                    ),
                    _query(
                        "lang",
                        {"type": "string", "enum": list(LANGS)},
                        "Source language.",
                        required=True,
                    ),
                    _query(
                        "system",
                        {"type": "string", "default": "news"},
                        "A system listed by /v1/systems for that language.",
                    ),
                ],
                "responses": {
                    "200": _json(_ref("Transliterated"), "The romanized text."),
                    **_errors(400),
                },
            },
            "post": {
                "operationId": "transliterateBody",
                "summary": "Romanize Cyrillic text sent as JSON (for texts too long for a URL)",
                "requestBody": {
                    "required": True,
                    "content": {
                        JSON: {
                            "schema": {
                                "type": "object",
                                "required": ["text", "lang"],
                                "additionalProperties": False,
                                "properties": {
                                    "text": {
                                        "type": "string",
                                        "minLength": 1,
                                        "maxLength": MAX_TEXT_LENGTH,
                                    },
                                    "lang": {"type": "string", "enum": list(LANGS)},
                                    "system": {"type": "string", "default": "news"},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("Transliterated"), "The romanized text."),
                    **_errors(400, 413, 415),
                },
            },
        },
        "/v1/systems": {
            "get": {
                "operationId": "systems",
                "summary": "Transliteration systems",
                "parameters": [
                    _query("lang", {"type": "string", "enum": list(LANGS)}, "Only this language.")
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["systems"],
                            "properties": {"systems": {"type": "array", "items": _ref("System")}},
                        },
                        "The systems.",
                    ),
                    **_errors(400),
                },
            }
        },
        "/v1/admin/reload": {
            "post": {
                "operationId": "reload",
                "summary": "Re-read the registry file without a restart",
                "description": "404 when NAMENORM_ADMIN_TOKEN is not set.",
                "security": [{"bearer": []}],
                "responses": {
                    "200": _json(_ref("Reloaded"), "The new registry is serving."),
                    **_errors(401, 404, 422, 503),
                },
            }
        },
        "/reconcile": {
            "get": {
                "operationId": "reconcileGet",
                "summary": "Service manifest, results of a query batch, or data extension",
                "parameters": [queries_arg, extend_arg],
                "responses": {
                    "200": _json(
                        {"oneOf": [_ref("Manifest"), _ref("ResultBatch"), _ref("Extension")]},
                        "The manifest (no arguments), one result per query ID, or the "
                        "extension rows.",
                    ),
                    **_errors(400, 413),
                },
            },
            "post": {
                "operationId": "reconcilePost",
                "summary": "Results of a query batch, or data extension",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "description": "queries (a query batch) or extend (a data "
                                "extension query), as JSON.",
                                "properties": {
                                    "queries": {"type": "string"},
                                    "extend": {"type": "string"},
                                },
                            }
                        },
                        JSON: {"schema": _ref("QueryBatch")},
                    },
                },
                "responses": {
                    "200": _json(
                        {"oneOf": [_ref("ResultBatch"), _ref("Extension")]},
                        "One result per query ID, or the extension rows.",
                    ),
                    **_errors(400, 413, 415),
                },
            },
        },
        "/reconcile/suggest/entity": {
            "get": {
                "operationId": "suggestEntity",
                "summary": "Entity auto-complete",
                "parameters": [
                    _query(
                        "prefix",
                        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                        "What the user typed.",
                        required=True,
                        example="Luka",
                    ),
                    _query(
                        "cursor",
                        {"type": "integer", "minimum": 0, "maximum": MAX_CURSOR},
                        "Suggestions to skip.",
                    ),
                ],
                "responses": {"200": _json(_ref("Suggestions"), "Suggestions."), **_errors(400)},
            }
        },
        "/reconcile/suggest/type": {
            "get": {
                "operationId": "suggestType",
                "summary": "Type auto-complete (every type for an empty prefix)",
                "parameters": [
                    _query(
                        "prefix",
                        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                        "What the user typed.",
                        required=True,
                        example="pl",
                    ),
                    _query(
                        "cursor",
                        {"type": "integer", "minimum": 0, "maximum": MAX_CURSOR},
                        "Suggestions to skip.",
                    ),
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["result"],
                            "properties": {"result": {"type": "array", "items": _ref("Type")}},
                        },
                        "Suggestions.",
                    ),
                    **_errors(400),
                },
            }
        },
        "/reconcile/suggest/property": {
            "get": {
                "operationId": "suggestProperty",
                "summary": "Property auto-complete (every property for an empty prefix)",
                "parameters": [
                    _query(
                        "prefix",
                        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                        "What the user typed.",
                        required=True,
                        example="house",
                    ),
                    _query(
                        "cursor",
                        {"type": "integer", "minimum": 0, "maximum": MAX_CURSOR},
                        "Suggestions to skip.",
                    ),
                ],
                "responses": {
                    "200": _json(_ref("PropertySuggestions"), "Suggestions."),
                    **_errors(400),
                },
            }
        },
        "/reconcile/propose_properties": {
            "get": {
                "operationId": "proposeProperties",
                "summary": "Properties worth fetching by data extension for a type",
                "parameters": propose_args,
                "responses": {"200": properties_answer, **_errors(400)},
            },
            "post": {
                "operationId": "proposePropertiesPost",
                "summary": "The same, with type and limit as form fields",
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "type": kind_schema,
                                    "limit": {
                                        "type": "integer",
                                        "minimum": 1,
                                        "maximum": MAX_LIMIT,
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {"200": properties_answer, **_errors(400)},
            },
        },
        "/entities/{id}": {
            "get": {
                "operationId": "entityPage",
                "summary": "HTML page of one entity (the reconciliation manifest's view link)",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": example_id,
                    }
                ],
                "responses": {
                    "200": {"description": "An HTML page.", "content": html},
                    **_errors(404),
                },
            }
        },
        "/reconcile/preview": {
            "get": {
                "operationId": "preview",
                "summary": "HTML preview card of one entity",
                "parameters": [
                    _query(
                        "id",
                        {"type": "string", "minLength": 1},
                        "Entity ID.",
                        required=True,
                        example=example_id,
                    )
                ],
                "responses": {
                    "200": {
                        "description": "An HTML card.",
                        "content": {"text/html": {"schema": {"type": "string"}}},
                    },
                    **_errors(400, 404),
                },
            }
        },
    }
    paths["/v1/normalize"] = {
        "post": {
            "operationId": "normalize",
            "summary": "Put every name in running text into house spelling",
            "requestBody": {
                "required": True,
                "content": {
                    JSON: {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "additionalProperties": False,
                            "properties": {
                                "text": {"type": "string"},
                                "lang": {"type": "string", "enum": list(COPY_LANGS)},
                                "format": {"type": "string", "enum": list(COPY_FORMATS)},
                                "quotes": {"type": "string", "enum": list(COPY_QUOTES)},
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": _json(_ref("Normalized"), "The normalized text and its edits."),
                **_errors(400, 413, 415),
            },
        }
    }

    paths.update(OPENAPI_PATHS)
    schemas.update(OPENAPI_SCHEMAS)
    # The server itself answers these before any route runs, so any operation may.
    for item in paths.values():
        for operation in item.values():
            operation["responses"].update(_errors(400, 414, 431))
    error = _ref("Error")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "namenorm",
            "version": __version__,
            "description": "Names in news about Belarus: one stable ID and one house spelling.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                f"E{s}": _json(error, d)
                for s, d in [
                    (400, "Bad input."),
                    (401, "Missing or wrong bearer token."),
                    (404, "Not found."),
                    (413, "Body over 1 MiB or more than 1,000 queries."),
                    (415, "Unsupported content type."),
                    (422, "Registry failed validation; the old one keeps serving."),
                    (414, "Request line over 8,190 bytes (answered by the server)."),
                    (431, "Request headers too large (answered by the server)."),
                    (503, "A worker did not switch to the new registry in time."),
                ]
            }
            | OPENAPI_RESPONSES,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
