"""Service routes outside the versioned API: ``/health`` and ``/openapi.json``.

With ``BENCH_ROUTES`` set in the app config, ``GET /_bench/constant`` answers
a constant JSON body: the floor ``bench/http.py`` measures lookups against.
It is never registered otherwise.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from .. import __version__
from .openapi import document
from .state import current_holder, current_service

__all__ = ["bench_bp", "bp"]

bp = Blueprint("meta", __name__)
bench_bp = Blueprint("bench", __name__)


@bp.get("/health")
def health() -> Response:
    """Status, the registry served (size, hash, file) and what is wrong with its file, version.

    ``status`` is ``degraded`` while the registry file is broken: the last
    version that loaded keeps serving, and ``registry_error`` says why.
    """
    holder = current_holder()
    registry = current_service().registry
    broken = holder.broken
    return jsonify(
        {
            "status": "ok" if broken is None else "degraded",
            "registry_size": len(registry),
            "registry_hash": registry.digest,
            "registry_path": holder.file.path if holder.file is not None else registry.source,
            "registry_error": broken.as_dict() if broken is not None else None,
            "version": __version__,
        }
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 document of this app."""
    service = current_service()
    first = next(service.registry.entities(), None)
    return jsonify(document(langs=service.langs, example_id=first.id if first else "minsk"))


@bench_bp.get("/_bench/constant")
def constant() -> Response:
    """A constant answer through the same app, hooks and server (benchmark floor)."""
    return jsonify({"status": "ok"})
