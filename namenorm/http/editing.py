"""The JSON routes behind the editor's page: annotation and the review queue.

``POST /v1/annotate`` answers what ``/v1/normalize`` answers, with the
evidence an editor reviews (entity, score, explanation, the candidates of
ambiguous mentions, unknown names); ``/v1/proposals`` is the review queue of
``namenorm.proposals``: anyone may propose, and listing, accepting and
rejecting need the admin token (as ``/v1/admin/reload`` does). Accepting
rewrites the registry file the service was loaded from and reloads it.

The OpenAPI document declares these routes in ``namenorm.http.routes`` and
their schemas in ``schemas/``. Nothing here matches names or writes files
itself.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from .. import proposals as queue
from ..annotate import annotate, check_format
from ..errors import InvalidInputError
from ..registry import Registry
from .inputs import check_fields, describe, json_object, json_type, optional_str, required_str
from .limits import PROPOSALS, budgeted
from .state import EXTENSION, Holder, current_service
from .v1 import _check_token, _registry_path
from .watch import swap

__all__ = ["bp", "queue_file"]

bp = Blueprint("editing", __name__, url_prefix="/v1")
_ACCEPTING = threading.Lock()


def queue_file() -> Path:
    """The review queue of this app: ``PROPOSALS_PATH``, else beside the registry file."""
    configured = current_app.config.get("PROPOSALS_PATH")
    if configured:
        return Path(configured)
    return queue.queue_path(_registry_path(current_service().registry))


@bp.post("/annotate")
def annotate_copy() -> Response:
    """Every proposed change in ``text`` with its evidence, and the unknown names."""
    service = current_service()
    body = json_object()
    check_fields(body, ("text", "lang", "format"))
    text = required_str(body, "text")
    lang = optional_str(body, "lang", default="en")
    fmt = check_format(optional_str(body, "format", default="text"))
    with budgeted():  # 413 time_budget_exceeded when its names take longer
        result = annotate(text, lang, service.registry, fmt=fmt)
    out = result.as_dict()
    out["unknown"] = [
        {
            **item.as_dict(),
            "suggested_ids": {k: queue.suggest_id(item.text, k) for k in ("person", "other")},
        }
        for item in result.unknown
    ]
    return jsonify(out)


# -- the review queue ----------------------------------------------------------------
def _string(item: dict[str, Any], key: str, where: str) -> str:
    return optional_str(item, key, where=where) or ""


@bp.post("/proposals")
def propose() -> Response:
    """Queue proposed spellings (no token needed; nothing reaches the registry yet)."""
    service = current_service()
    body = json_object()
    check_fields(body, ("proposals",))
    items = body.get("proposals")
    if not isinstance(items, list) or not PROPOSALS.low <= len(items) <= PROPOSALS.high:
        raise InvalidInputError(
            f"body.proposals is {describe(items)}; expected an array of {PROPOSALS.low} to "
            f"{PROPOSALS.high} proposals"
        )
    made = []
    for i, item in enumerate(items):
        where = f"body.proposals[{i}]"
        if not isinstance(item, dict):
            raise InvalidInputError(f"{where} is a JSON {json_type(item)}; expected an object")
        check_fields(item, ("name", "id", "kind", "lang", "copy_lang", "preferred", "context"))
        preferred = item.get("preferred", False)
        if not isinstance(preferred, bool):
            raise InvalidInputError(
                f"{where}.preferred is {describe(preferred)}; expected a boolean"
            )
        made.append(
            queue.new_proposal(
                _string(item, "name", where),
                entity_id=_string(item, "id", where),
                kind=_string(item, "kind", where),
                lang=_string(item, "lang", where),
                copy_lang=_string(item, "copy_lang", where),
                preferred=preferred,
                context=_string(item, "context", where),
                source="editor",
                registry=service.registry,
            )
        )
    queued = queue.submit(queue_file(), made)
    return jsonify({"proposals": [p.as_dict() for p in queued]})


@bp.get("/proposals")
def list_proposals() -> Response:
    """Every queued proposal, oldest first (admin token)."""
    _check_token()
    found = queue.read_queue(queue_file())
    return jsonify({"count": len(found), "proposals": [p.as_dict() for p in found]})


def _pids(body: dict[str, Any]) -> list[str]:
    pids = body.get("proposals")
    if (
        not isinstance(pids, list)
        or not pids
        or not all(isinstance(p, str) and p for p in pids)
        or len(pids) > queue.MAX_QUEUE
    ):
        raise InvalidInputError(
            f"body.proposals is {describe(pids)}; expected an array of proposal IDs"
        )
    return pids


@bp.post("/proposals/accept")
def accept_proposals() -> Response:
    """Add proposals to the registry file (validated whole), drop them from the queue,
    and reload the registry (admin token)."""
    _check_token()
    body = json_object()
    check_fields(body, ("proposals", "assign"))
    pids = _pids(body)
    assign = body.get("assign") or {}
    if not isinstance(assign, dict) or not all(
        isinstance(v, dict) and all(isinstance(x, str | bool) for x in v.values())
        for v in assign.values()
    ):
        raise InvalidInputError(
            f"body.assign is {describe(assign)}; expected an object of proposal ID -> "
            "{id, kind, lang, name, preferred}"
        )
    fields = {
        pid: {k: ("1" if v is True else "" if v is False else v) for k, v in values.items()}
        for pid, values in assign.items()
    }
    holder: Holder = current_app.extensions[EXTENSION]
    with _ACCEPTING:  # one accept at a time: each reads and rewrites the files
        path = _registry_path(holder.service.registry)
        done = queue.accept(queue_file(), path, pids, assign=fields)
        previous = holder.service
        swap(holder, Registry.from_csv(path))
    if holder.board is not None and done.added:
        holder.board.request_reload()  # the other workers of this server read the file now
    return jsonify(
        {
            "added": [p.as_dict() for p in done.added],
            "present": [p.as_dict() for p in done.present],
            "registry_size": len(holder.service.registry),
            "registry_hash": holder.service.registry.digest,
            "previous_hash": previous.registry.digest,
        }
    )


@bp.post("/proposals/reject")
def reject_proposals() -> Response:
    """Drop proposals from the queue (admin token)."""
    _check_token()
    body = json_object()
    check_fields(body, ("proposals",))
    gone = queue.reject(queue_file(), _pids(body))
    return jsonify({"rejected": [p.as_dict() for p in gone]})
