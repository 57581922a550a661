"""The W3C Entity Reconciliation API, version 0.2, at ``/reconcile`` (what OpenRefine speaks).

- ``GET /reconcile`` without ``queries``: the service manifest.
- ``GET|POST /reconcile`` with a query batch (the ``queries`` argument or form
  field, or a JSON body holding the batch itself): one result per query ID,
  candidates with ``id, name, score, match, type, description, features``.
  ``match`` is true only for the candidate ``Registry.resolve`` would return
  (unambiguous and above the threshold), so at most one per query.
- ``GET /reconcile/suggest/entity?prefix=&cursor=``: entity auto-complete.
- ``GET /reconcile/preview?id=``: a small HTML card for OpenRefine's pop-up.

CORS is open on all of these (set in ``app``). Left out: the data extension
service, property and type suggest, and JSONP (optional in 0.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, jsonify, request
from markupsafe import escape
from werkzeug.exceptions import UnsupportedMediaType

from .. import __version__
from ..errors import InvalidInputError, QueryTooLongError
from ..index import MAX_QUERY_LENGTH
from ..match import Match
from ..registry import KINDS, check_kind
from .inputs import MAX_BATCH, MAX_LIMIT, arg, batch_size, describe, json_type, parse_json
from .state import Service, current_service

__all__ = ["bp", "candidate", "manifest"]

bp = Blueprint("reconcile", __name__, url_prefix="/reconcile")

#: Candidates per query when the query gives no ``limit``.
DEFAULT_LIMIT = 3
#: Suggestions per page of the suggest service.
SUGGEST_PAGE = 10
#: Largest accepted suggest ``cursor``.
MAX_CURSOR = 10_000
#: Size of the preview pop-up OpenRefine opens.
PREVIEW_SIZE = (400, 200)


def types(kind: str) -> list[dict[str, str]]:
    """The reconciliation ``type`` list of an entity kind."""
    return [{"id": kind, "name": kind}]


def manifest(root: str) -> dict[str, Any]:
    """The service manifest; ``root`` is the service's base URL ending in ``/``."""
    width, height = PREVIEW_SIZE
    return {
        "versions": ["0.1", "0.2"],
        "name": "namenorm: names in news about Belarus",
        "identifierSpace": f"{root}v1/entities/",
        "schemaSpace": f"{root}openapi.json#/components/schemas/Entity",
        "serviceVersion": __version__,
        "defaultTypes": [t for kind in KINDS for t in types(kind)],
        "view": {"url": f"{root}v1/entities/{{{{id}}}}"},
        "preview": {
            "url": f"{root}reconcile/preview?id={{{{id}}}}",
            "width": width,
            "height": height,
        },
        "suggest": {
            "entity": {"service_url": root.rstrip("/"), "service_path": "/reconcile/suggest/entity"}
        },
        "batchSize": MAX_BATCH,
    }


def candidate(match: Match, *, chosen: bool) -> dict[str, Any]:
    """One reconciliation candidate; ``features`` say which spelling matched and how."""
    return {
        "id": match.id,
        "name": match.name,
        "score": match.score,
        "match": chosen,
        "type": types(match.kind),
        "description": match.explain(),
        "features": [
            {"id": "name_score", "value": match.score},
            {"id": f"method:{match.method}", "value": True},
            {"id": f"system:{match.system or 'stored'}", "value": True},
            {"id": f"matched:{match.matched}", "value": True},
        ],
    }


def _kinds(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise InvalidInputError(
            f"{where}.type is {describe(value)}; expected a type id or an array of them "
            f"({', '.join(KINDS)})"
        )
    for kind in items:
        check_kind(kind)
    return tuple(dict.fromkeys(items))


def _limit(value: object, where: str) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidInputError(f"{where}.limit is {describe(value)}; expected a positive integer")
    return min(value, MAX_LIMIT)


@dataclass(frozen=True)
class _Query:
    text: str | None  # None: a property-only query (no properties are matched here)
    kinds: tuple[str, ...]
    limit: int


def _query(value: object, where: str) -> _Query:
    """One reconciliation query, checked (400 with its place in the batch otherwise)."""
    if not isinstance(value, dict):
        raise InvalidInputError(f"{where} is a JSON {json_type(value)}; expected an object")
    text = value.get("query")
    kinds = _kinds(value.get("type"), where)
    limit = _limit(value.get("limit"), where)
    if text is None and value.get("properties"):
        return _Query(None, kinds, limit)
    if not isinstance(text, str) or not text:
        raise InvalidInputError(f"{where}.query is {describe(text)}; expected a non-empty string")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooLongError(
            f"{where}.query is {len(text)} characters long; expected at most {MAX_QUERY_LENGTH}"
        )
    return _Query(text, kinds, limit)


def _answer(service: Service, query: _Query) -> dict[str, Any]:
    if query.text is None:
        return {"result": []}
    if len(query.kinds) == 1:
        status, matches = service.lookup(query.text, limit=query.limit, kind=query.kinds[0])
    elif len(query.kinds) in (0, len(KINDS)):
        status, matches = service.lookup(query.text, limit=query.limit)
    else:  # several kinds, not all: decide among those kinds only
        found = service.registry.lookup(query.text, limit=MAX_LIMIT)
        wanted = [m for m in found if m.kind in query.kinds]
        status, matches = service.registry.index.decide(wanted), wanted[: query.limit]
    return {
        "result": [
            candidate(m, chosen=i == 0 and status == "matched") for i, m in enumerate(matches)
        ]
    }


_MANIFEST = object()  # marks a request for the manifest (GET without queries)


def _batch() -> object:
    """The query batch of this request, or ``_MANIFEST`` for a manifest request."""
    if request.method == "GET":
        raw = request.args.get("queries")
        return _MANIFEST if raw is None else parse_json(raw.encode("utf-8", "replace"))
    if request.is_json:
        return parse_json(request.get_data(cache=False))
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raw = request.form.get("queries")
        if raw is None:
            raise InvalidInputError("form has no 'queries'; expected a JSON query batch")
        return parse_json(raw.encode("utf-8", "replace"))
    raise UnsupportedMediaType(
        f"content type {request.mimetype or '(none)'!r} is not accepted; expected "
        "application/x-www-form-urlencoded (a 'queries' field) or application/json"
    )


@bp.route("", methods=["GET", "POST"])
@bp.route("/", methods=["GET", "POST"])
def reconcile() -> Response:
    """The manifest, or the result batch of a query batch."""
    batch = _batch()
    if batch is _MANIFEST:
        return jsonify(manifest(request.url_root))
    if not isinstance(batch, dict):
        raise InvalidInputError(
            f"query batch is a JSON {json_type(batch)}; expected an object of queries by ID"
        )
    batch_size(len(batch))
    queries = {qid: _query(value, f"queries[{qid!r}]") for qid, value in batch.items()}
    service = current_service()
    return jsonify({qid: _answer(service, query) for qid, query in queries.items()})


@bp.get("/suggest/entity")
def suggest_entity() -> Response:
    """Entities whose spelling (or a word of it, or the ID) starts with ``prefix``."""
    service = current_service()
    prefix = request.args.get("prefix")
    if prefix is None:
        raise InvalidInputError("query argument 'prefix' is missing; expected a string")
    if len(prefix) > MAX_QUERY_LENGTH:
        raise QueryTooLongError(
            f"prefix is {len(prefix)} characters long; expected at most {MAX_QUERY_LENGTH}"
        )
    raw_cursor = request.args.get("cursor", "0")
    if not (raw_cursor.isascii() and raw_cursor.isdigit() and int(raw_cursor) <= MAX_CURSOR):
        raise InvalidInputError(
            f"cursor is {raw_cursor!r}; expected an integer from 0 to {MAX_CURSOR}"
        )
    cursor = int(raw_cursor)
    wanted = cursor + SUGGEST_PAGE
    ids = service.suggest(prefix, count=wanted)
    if len(ids) < wanted and len(prefix.strip()) >= 3:
        ids += [m.id for m in service.registry.lookup(prefix, limit=MAX_LIMIT) if m.id not in ids]
    result = []
    for entity_id in ids[cursor:wanted]:
        entity = service.registry.entity(entity_id)
        others = [n.text for n in entity.names if n.text != entity.display][:3]
        result.append(
            {
                "id": entity.id,
                "name": entity.display,
                "description": ", ".join(others),
                "notable": types(entity.kind),
            }
        )
    return jsonify({"result": result})


@bp.get("/preview")
def preview() -> Response:
    """A small HTML card of one entity (404 for an unknown ID)."""
    entity_id = arg("id", required=True) or ""
    entity = current_service().registry.entity(entity_id)
    names = "".join(
        f'<li lang="{escape(n.lang)}">{escape(n.text)} <small>({escape(n.lang)}'
        f"{', preferred' if n.preferred else ''})</small></li>"
        for n in entity.names
    )
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(entity.display)}</title></head>"
        '<body style="font:14px sans-serif;margin:6px">'
        f"<strong>{escape(entity.display)}</strong> <em>{escape(entity.kind)}</em> "
        f"<code>{escape(entity.id)}</code><ul style='padding-left:1.2em'>{names}</ul>"
        "</body></html>"
    )
    return Response(html, mimetype="text/html")
