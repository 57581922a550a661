"""The JSON API under ``/v1``: lookup, entities, transliteration, normalization, reload.

Each route reads its input with ``inputs``, calls the library once and
returns JSON; every error goes through the one handler in ``errors``.
"""

from __future__ import annotations

import hmac
import time
from typing import cast

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import NotFound, ServiceUnavailable, Unauthorized

from ..copy import normalize_text
from ..errors import InvalidInputError, Problem, RegistryError
from ..registry import Registry, check_kind, shipped_registry_path
from ..settings import setting
from ..translit import systems, transliterate
from .inputs import arg, check_fields, describe, json_object, json_type, optional_str, required_str
from .limits import BATCH, CANDIDATES, TEXT, budgeted, deadline
from .source import RegistryFile
from .state import Service, current_holder, current_service
from .watch import record, swap

__all__ = ["bp", "entity_json", "skipped"]

bp = Blueprint("v1", __name__, url_prefix="/v1")

#: Seconds an admin reload waits for every worker to serve the new registry.
RELOAD_WAIT = 120.0


# -- lookup ------------------------------------------------------------------
@bp.get("/lookup")
def lookup() -> Response:
    """One name: ``{query, status, match, candidates}``."""
    service = current_service()
    query = cast(str, arg("q", required=True))
    limit = CANDIDATES.parse(request.args.get("limit"), where="limit")
    kind = check_kind(request.args.get("kind"))
    lang = service.check_lang(request.args.get("lang"))
    answer = service.answer(query, limit=limit, kind=kind, lang=lang)
    return current_app.response_class(answer, mimetype="application/json")


@bp.post("/lookup")
def lookup_batch() -> Response:
    """Up to 1,000 names: ``{"results": [...], "skipped": n}`` in the order given.

    The batch answers within the app's time budget (``TIME_BUDGET`` seconds from
    the start of the request): the queries not looked up by then are answered
    ``skipped`` (no match, no candidates) and counted in ``skipped``.
    """
    service = current_service()
    body = json_object()
    check_fields(body, ("queries", "kind", "lang", "limit"))
    if "queries" not in body:
        raise InvalidInputError("body has no 'queries'; expected an array of names")
    queries = body["queries"]
    if not isinstance(queries, list):
        raise InvalidInputError(f"body.queries is a JSON {json_type(queries)}; expected an array")
    BATCH.count(len(queries), where="body.queries")
    for i, query in enumerate(queries):
        if not isinstance(query, str) or not query:
            raise InvalidInputError(
                f"body.queries[{i}] is {describe(query)}; expected a non-empty string"
            )
    limit = CANDIDATES.check(body.get("limit"), where="body.limit")
    kind = check_kind(optional_str(body, "kind"))
    lang = service.check_lang(optional_str(body, "lang"))
    ends = deadline()
    done: dict[str, dict[str, object]] = {}  # a column of names repeats itself: look up each once
    for query in queries:
        if query not in done:
            if time.perf_counter() > ends:
                break
            done[query] = service.result(query, limit=limit, kind=kind, lang=lang)
    results = [done.get(query) or skipped(query) for query in queries]
    return jsonify({"results": results, "skipped": len(queries) - sum(q in done for q in queries)})


def skipped(query: str) -> dict[str, object]:
    """The answer to a query of a batch left when the time budget ran out."""
    return {"query": query, "status": "skipped", "match": None, "candidates": []}


# -- entities --------------------------------------------------------------
def entity_json(service: Service, entity_id: str) -> dict[str, object]:
    """An entity with every stored name and its preferred spelling per language."""
    entity = service.registry.entity(entity_id)
    preferred = {name.lang: name.text for name in entity.names if name.preferred}
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.display,
        "names": [
            {"text": name.text, "lang": name.lang, "preferred": name.preferred}
            for name in entity.names
        ],
        "preferred": preferred,
    }


@bp.get("/entities/<entity_id>")
def entity(entity_id: str) -> Response:
    """One entity by ID (404 for an unknown one)."""
    return jsonify(entity_json(current_service(), entity_id))


# -- transliteration -------------------------------------------------------
def _romanized(text: str, lang: str, system: str) -> Response:
    TEXT.count(len(text), where="text")
    result = transliterate(text, lang, system)
    return jsonify({"text": text, "lang": lang, "system": system, "result": result})


@bp.get("/transliterate")
def transliterate_text() -> Response:
    """Romanize ``text`` in ``lang`` with ``system`` (default ``news``)."""
    text = cast(str, arg("text", required=True))
    lang = cast(str, arg("lang", required=True))
    return _romanized(text, lang, request.args.get("system", "news"))


@bp.post("/transliterate")
def transliterate_body() -> Response:
    """The same from a JSON body ``{text, lang, system?}``: texts too long for a URL."""
    body = json_object()
    check_fields(body, ("text", "lang", "system"))
    values = {}
    for key in ("text", "lang"):
        value = body.get(key)
        if not isinstance(value, str) or not value:
            raise InvalidInputError(f"body.{key} is {describe(value)}; expected a non-empty string")
        values[key] = value
    system = optional_str(body, "system", default="news")
    return _romanized(values["text"], values["lang"], system)


@bp.get("/systems")
def list_systems() -> Response:
    """Every transliteration system, or those of ``lang``."""
    found = systems(request.args.get("lang"))
    return jsonify(
        {
            "systems": [
                {"name": s.name, "lang": s.lang, "description": s.description, "source": s.source}
                for s in found
            ]
        }
    )


# -- copy normalization ----------------------------------------------------
@bp.post("/normalize")
def normalize() -> Response:
    """Running text with every name in house spelling, and the edits made (within the
    request's time budget, else a 413)."""
    service = current_service()
    body = json_object()
    check_fields(body, ("text", "lang", "format", "quotes"))
    text = required_str(body, "text")
    lang = optional_str(body, "lang", default="en")
    with budgeted():  # 413 time_budget_exceeded when its names take longer
        result = normalize_text(
            text,
            lang=lang,
            registry=service.registry,
            format=optional_str(body, "format", default="text"),
            quotes=optional_str(body, "quotes", default="keep"),
        )
    return jsonify(result.as_dict())


# -- admin ---------------------------------------------------------------
def _registry_path(registry: Registry) -> str:
    """The file ``registry`` was read from; for one built in memory (``<memory>``),
    the file ``NAMENORM_REGISTRY`` names, else the shipped one."""
    if registry.source and not registry.source.startswith("<"):
        return registry.source
    return setting("NAMENORM_REGISTRY") or str(shipped_registry_path())


def _check_token() -> None:
    token: str = current_app.config["ADMIN_TOKEN"]
    if not token:
        raise NotFound()  # no token configured: the route does not exist
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise Unauthorized(
            "missing or wrong bearer token; expected 'Authorization: Bearer <NAMENORM_ADMIN_TOKEN>'",
            www_authenticate=WWWAuthenticate("bearer", {"realm": "namenorm"}),
        )


@bp.post("/admin/reload")
def reload() -> Response:
    """Re-read the registry file and serve it in every worker of this server; on a
    validation error keep serving the old one (422). Answers once all workers switched."""
    _check_token()
    holder = current_holder()
    previous = holder.service
    file = holder.file or RegistryFile(_registry_path(previous.registry))
    registry, broken = file.attempt()
    if registry is None:
        assert broken is not None
        if holder.file is not None:
            record(holder, broken)
        problems = list(broken.problems) or [Problem(file.path, 0, "(file)", broken.message)]
        raise RegistryError(problems)
    swap(holder, registry)
    workers = 1
    if holder.board is not None:
        holder.board.request_reload()
        deadline = time.monotonic() + RELOAD_WAIT
        while lagging := holder.board.lagging(registry.digest):
            if time.monotonic() > deadline:
                raise ServiceUnavailable(
                    f"workers {', '.join(map(str, lagging))} do not serve registry "
                    f"{registry.digest[:12]} after {RELOAD_WAIT:.0f} s; see the server log"
                )
            time.sleep(0.05)
        workers = len(holder.board.served())
    return jsonify(
        {
            "status": "reloaded",
            "registry_size": len(registry),
            "registry_hash": registry.digest,
            "previous_hash": previous.registry.digest,
            "workers": workers,
        }
    )
