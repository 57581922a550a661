"""The W3C Entity Reconciliation API, version 0.2, at ``/reconcile`` (what OpenRefine speaks).

- ``GET /reconcile`` without arguments: the service manifest.
- ``GET|POST /reconcile`` with a query batch (the ``queries`` argument or form
  field, or a JSON body holding the batch itself): one result per query ID,
  each query answered or refused on its own (``reconcile_queries``).
- ``GET|POST /reconcile`` with ``extend`` (argument or form field): data
  extension (``reconcile_extend``); ``GET|POST /reconcile/propose_properties``
  proposes the properties worth fetching for a type.
- ``GET /reconcile/suggest/entity``, ``/reconcile/suggest/property`` and
  ``/reconcile/suggest/type`` (``prefix``, ``cursor``): auto-complete.
- ``GET /reconcile/preview?id=``: a small HTML card for OpenRefine's pop-up;
  ``GET /entities/<id>``: the entity's HTML page, the manifest's ``view`` link.

Every URL in the manifest starts with ``NAMENORM_PUBLIC_URL`` when it is set
(``PUBLIC_URL`` in the app's config), so projects reconciled through
``localhost`` and through ``127.0.0.1`` share one identifier space; unset,
the URL the request came in on is used. CORS is open on ``/reconcile`` (set
in ``app``). Left out: suggest flyouts and JSONP (optional in 0.2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import UnsupportedMediaType

from .. import __version__
from ..errors import InvalidInputError, SettingError
from ..registry import KINDS, Entity, check_kind
from .inputs import arg, json_type, parse_json
from .limits import BATCH, CANDIDATES, CURSOR, QUERY, deadline
from .reconcile_extend import PROPERTY_SETTINGS, lang_name, ordered_langs
from .reconcile_queries import answer_batch, types
from .state import current_service

__all__ = ["bp", "manifest", "pages", "public_url"]

TEMPLATES = str(Path(__file__).resolve().parent.parent / "templates")

bp = Blueprint("reconcile", __name__, url_prefix="/reconcile", template_folder=TEMPLATES)
#: The entity pages the manifest's ``view`` URL points at (outside ``/reconcile``).
pages = Blueprint("pages", __name__, template_folder=TEMPLATES)

#: Suggestions per page of the suggest services.
SUGGEST_PAGE = 10
#: Size of the preview pop-up OpenRefine opens.
PREVIEW_SIZE = (400, 200)
#: Where each linked database shows an entity.
LINKS = {
    "wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "geonames": ("GeoNames", "https://www.geonames.org/{}"),
}


def public_url(value: str) -> str:
    """``NAMENORM_PUBLIC_URL`` checked: ``""`` (unset) or an absolute http(s) URL, returned
    ending in ``/`` (:class:`SettingError` for anything else)."""
    text = value.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SettingError(
            f"NAMENORM_PUBLIC_URL={value!r} is not a base URL; expected an absolute http(s) URL "
            "without query or fragment, such as https://names.example.org"
        )
    return text.rstrip("/") + "/"


def root() -> str:
    """The service's base URL, ending in ``/``: the public URL, else the request's."""
    configured: str = current_app.config.get("PUBLIC_URL", "")
    return configured or request.url_root


def _service(root: str, path: str) -> dict[str, str]:
    return {"service_url": root.rstrip("/"), "service_path": path}


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
        "view": {"url": f"{root}entities/{{{{id}}}}"},
        "preview": {
            "url": f"{root}reconcile/preview?id={{{{id}}}}",
            "width": width,
            "height": height,
        },
        "suggest": {
            "entity": _service(root, "/reconcile/suggest/entity"),
            "property": _service(root, "/reconcile/suggest/property"),
            "type": _service(root, "/reconcile/suggest/type"),
        },
        "extend": {
            "propose_properties": _service(root, "/reconcile/propose_properties"),
            "property_settings": list(PROPERTY_SETTINGS),
        },
        "batchSize": BATCH.high,
    }


def _field(name: str) -> str | None:
    """``name`` from the query string (GET) or the form (POST), decoded later as JSON."""
    if request.method == "GET":
        return request.args.get(name)
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return request.form.get(name)
    return None


@bp.route("", methods=["GET", "POST"])
@bp.route("/", methods=["GET", "POST"])
def reconcile() -> Response:
    """The manifest, the result batch of a query batch, or a data extension answer."""
    queries, extend = _field("queries"), _field("extend")
    if queries is not None and extend is not None:
        raise InvalidInputError("both 'queries' and 'extend' were sent; expected one of them")
    service = current_service()
    if extend is not None:
        query = parse_json(extend.encode("utf-8", "replace"))
        return jsonify(service.catalog.extend(service.registry, query))
    if queries is not None:
        batch = parse_json(queries.encode("utf-8", "replace"))
    elif request.method == "GET":
        return jsonify(manifest(root()))
    elif request.is_json:
        batch = parse_json(request.get_data(cache=False))
    elif request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise InvalidInputError(
            "form has neither 'queries' nor 'extend'; expected a JSON query batch or "
            "data extension query"
        )
    else:
        raise UnsupportedMediaType(
            f"content type {request.mimetype or '(none)'!r} is not accepted; expected "
            "application/x-www-form-urlencoded (a 'queries' or 'extend' field) or "
            "application/json"
        )
    if not isinstance(batch, dict):
        raise InvalidInputError(
            f"query batch is a JSON {json_type(batch)}; expected an object of queries by ID"
        )
    BATCH.count(len(batch), where="query batch")
    budget = float(current_app.config["TIME_BUDGET"])
    return jsonify(answer_batch(service, batch, deadline=deadline(), budget=budget))


# -- data extension and suggest ----------------------------------------------
@bp.route("/propose_properties", methods=["GET", "POST"])
def propose_properties() -> Response:
    """The properties worth fetching for entities of ``type`` (or of any type)."""
    kind = request.values.get("type") or None
    if kind is not None:
        check_kind(kind)
    raw_limit = request.values.get("limit")
    limit = None if raw_limit is None else CANDIDATES.parse(raw_limit, where="limit")
    answer: dict[str, Any] = {"properties": current_service().catalog.propose(kind, limit)}
    if kind is not None:
        answer["type"] = kind
    if limit is not None:
        answer["limit"] = limit
    return jsonify(answer)


def _prefix_and_cursor() -> tuple[str, int]:
    prefix = request.args.get("prefix")
    if prefix is None:
        raise InvalidInputError("query argument 'prefix' is missing; expected a string")
    if len(prefix) > QUERY.high:
        QUERY.count(len(prefix), where="prefix")
    return prefix, CURSOR.parse(request.args.get("cursor"), where="cursor")


@bp.get("/suggest/entity")
def suggest_entity() -> Response:
    """Entities whose spelling (or a word of it, or the ID) starts with ``prefix``."""
    service = current_service()
    prefix, cursor = _prefix_and_cursor()
    wanted = cursor + SUGGEST_PAGE
    ids = service.suggest(prefix, count=wanted)
    if len(ids) < wanted and len(prefix.strip()) >= 3:
        ids += [
            m.id for m in service.registry.lookup(prefix, limit=CANDIDATES.high) if m.id not in ids
        ]
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


@bp.get("/suggest/property")
def suggest_property() -> Response:
    """Properties whose ID or a word of whose name starts with ``prefix`` (all when empty)."""
    prefix, cursor = _prefix_and_cursor()
    found = current_service().catalog.suggest(prefix)
    return jsonify({"result": found[cursor : cursor + SUGGEST_PAGE]})


def _entities(count: int) -> str:
    return f"{count:,} {'entity' if count == 1 else 'entities'}"


@bp.get("/suggest/type")
def suggest_type() -> Response:
    """Types (entity kinds) whose ID starts with ``prefix`` (all when empty), with their
    number of entities."""
    prefix, cursor = _prefix_and_cursor()
    folded = prefix.strip().casefold()
    counts = current_service().catalog.kinds
    found = [
        {"id": kind, "name": kind, "description": _entities(counts.get(kind, 0))}
        for kind in KINDS
        if kind.startswith(folded)
    ]
    return jsonify({"result": found[cursor : cursor + SUGGEST_PAGE]})


# -- HTML: preview card and entity page --------------------------------------
def _card(entity: Entity) -> dict[str, Any]:
    """What the preview card and the entity page show of one entity."""
    house = {name.lang: name.text for name in entity.names if name.preferred}
    variants: dict[str, list[str]] = {}
    for name in entity.names:
        if not name.preferred:
            variants.setdefault(name.lang, []).append(name.text)
    links = []
    for key, (label, template) in LINKS.items():
        value = getattr(entity, key)
        if value:
            links.append((label, str(value), template.format(value)))
    return {
        "entity": entity,
        "house": [(lang, lang_name(lang), house[lang]) for lang in ordered_langs(set(house))],
        "variants": [
            (lang, lang_name(lang), variants[lang]) for lang in ordered_langs(set(variants))
        ],
        "links": links,
        "root": root(),
    }


@bp.get("/preview")
def preview() -> Response:
    """A small HTML card of one entity (404 for an unknown ID)."""
    entity_id = arg("id", required=True) or ""
    entity = current_service().registry.entity(entity_id)
    return Response(
        render_template("reconcile/preview.html", **_card(entity)), mimetype="text/html"
    )


@pages.get("/entities/<entity_id>")
def entity_page(entity_id: str) -> Response:
    """The HTML page of one entity (404 for an unknown ID): the manifest's ``view`` link."""
    entity = current_service().registry.entity(entity_id)
    return Response(render_template("reconcile/entity.html", **_card(entity)), mimetype="text/html")
