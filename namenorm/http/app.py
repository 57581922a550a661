"""The Flask app factory: one app per registry, warmed before the first request.

:func:`create_app` loads the registry (or takes the one given), builds its
index at once, and assembles the blueprints (``meta``, ``v1``,
``reconcile``, the editor and the pages), the one error handler, CORS and the
access log. Settings are read here, once, from ``NAMENORM_*`` (see
``namenorm.settings``); the ``config`` mapping overrides them and Flask's own
keys. The keys the routes read (``ADMIN_TOKEN``, ``CORS_ORIGINS``,
``ACCESS_LOG``, ``PUBLIC_URL``, ``TIME_BUDGET``, ``BENCH_ROUTES``,
``REGISTRY_WATCH``, ``BOARD``) are described in docs/http.md, "Settings".
Every response carries the hash of the registry that answered it in the
``X-Registry-Version`` header.

Left out: the routes themselves (their blueprints) and running a server
(``namenorm.http.server``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, g, request

from ..errors import SettingError
from ..registry import Registry, default_registry, shipped_registry_path
from ..settings import setting
from . import editing, meta, reconcile, ui, v1
from .board import Board
from .errors import install_error_handler
from .inputs import bound_body, check_query_string
from .jsonio import OrjsonProvider
from .limits import MAX_BODY
from .logs import stderr_logger
from .reconcile import public_url
from .source import RegistryFile
from .state import EXTENSION, Holder, Service, current_holder, current_service
from .watch import Watcher

__all__ = ["MAX_BODY", "MAX_TIME_BUDGET", "create_app"]

#: Longest time budget (seconds): below the server's worker timeout (30 s), which
#: recycles a worker whose request overran it.
MAX_TIME_BUDGET = 25.0

access_log = stderr_logger("namenorm.http.access")


def _origins(value: object) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple | set | frozenset):
        raise TypeError(f"CORS_ORIGINS must be a str or a list of str, not {value!r}")
    return tuple(item.strip().rstrip("/") for item in items if str(item).strip())


def _start_timer() -> None:
    g.namenorm_start = time.perf_counter()
    g.namenorm_service = current_holder().service  # one registry for the whole request


def _finish(response: Response) -> Response:
    """CORS headers and the access line, on every response (errors included)."""
    app_config = current_app.config
    response.headers["X-Registry-Version"] = current_service().registry.digest
    if request.path.startswith("/reconcile"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        _preflight(response)
    elif allowed := app_config["CORS_ORIGINS"]:
        response.vary.add("Origin")
        origin = request.headers.get("Origin", "")
        if "*" in allowed:
            response.headers["Access-Control-Allow-Origin"] = "*"
            _preflight(response)
        elif origin and origin.rstrip("/") in allowed:
            response.headers["Access-Control-Allow-Origin"] = origin
            _preflight(response)
    if app_config["ACCESS_LOG"]:
        start = g.get("namenorm_start")
        ms = (time.perf_counter() - start) * 1000 if start is not None else 0.0
        access_log.info("%s %s %d %.2fms", request.method, request.path, response.status_code, ms)
    return response


def _preflight(response: Response) -> None:
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Max-Age"] = "86400"


def state_dir(value: str) -> Path:
    """The folder for last good registry copies: ``value``, else ``namenorm`` in the
    user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    if value:
        return Path(value).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "namenorm"


def reload_interval(value: object) -> float:
    """``RELOAD_INTERVAL`` as seconds (0: no polling); :class:`SettingError` for anything else."""
    text = str(value).strip()
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not (0 <= seconds <= 86_400):
        raise SettingError(
            f"NAMENORM_RELOAD_INTERVAL={text!r} is not a number of seconds; expected 0 to 86400"
        )
    return seconds


def time_budget(value: object) -> float:
    """``TIME_BUDGET`` as seconds a batch may spend (0.1 to 25); :class:`SettingError`
    for anything else."""
    text = str(value).strip()
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not (0.1 <= seconds <= MAX_TIME_BUDGET):
        raise SettingError(
            f"NAMENORM_TIME_BUDGET={text!r} is not a number of seconds; "
            f"expected 0.1 to {MAX_TIME_BUDGET:g}"
        )
    return seconds


def _holder(registry: Registry | None, config: Mapping[str, Any]) -> Holder:
    """The app's holder: a registry given in memory, or the registry file (watched)."""
    if registry is not None:
        return Holder(Service.build(registry))
    if not config["REGISTRY_WATCH"]:
        registry = default_registry()
        return Holder(Service.build(registry), file=RegistryFile(registry.source))
    path = setting("NAMENORM_REGISTRY") or str(shipped_registry_path())
    file = RegistryFile(path, keep=state_dir(config["STATE_DIR"]))
    loaded, broken = file.load()
    holder = Holder(Service.build(loaded), file=file, broken=broken)
    board: Board | None = config["BOARD"]
    if board is not None:
        holder.board, holder.slot = board, board.join(os.getpid())
        board.report(holder.slot, loaded.digest)
    interval = reload_interval(config["RELOAD_INTERVAL"])
    if interval or board is not None:
        Watcher(holder, file, interval).start()
    return holder


def create_app(registry: Registry | None = None, config: Mapping[str, Any] | None = None) -> Flask:
    """The WSGI app serving ``registry`` (default: ``default_registry()``), index warmed."""
    app = Flask("namenorm.http")
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_BODY,
        ADMIN_TOKEN=setting("NAMENORM_ADMIN_TOKEN"),
        CORS_ORIGINS=setting("NAMENORM_CORS_ORIGINS"),
        ACCESS_LOG=True,
        BENCH_ROUTES=False,
        REGISTRY_WATCH=False,
        RELOAD_INTERVAL=setting("NAMENORM_RELOAD_INTERVAL"),
        STATE_DIR=setting("NAMENORM_STATE_DIR"),
        PUBLIC_URL=setting("NAMENORM_PUBLIC_URL"),
        BOARD=None,
        TIME_BUDGET=setting("NAMENORM_TIME_BUDGET"),
    )
    if config:
        app.config.update(config)
    app.config["CORS_ORIGINS"] = _origins(app.config["CORS_ORIGINS"])
    app.config["PUBLIC_URL"] = public_url(app.config["PUBLIC_URL"])
    app.config["TIME_BUDGET"] = time_budget(app.config["TIME_BUDGET"])
    app.json = OrjsonProvider(app)  # fields in their documented order, one C call an answer

    app.extensions[EXTENSION] = _holder(registry, app.config)

    install_error_handler(app)
    app.before_request(_start_timer)
    app.before_request(check_query_string)
    app.before_request(bound_body)
    app.after_request(_finish)
    app.register_blueprint(meta.bp)
    app.register_blueprint(v1.bp)
    app.register_blueprint(reconcile.bp)
    app.register_blueprint(reconcile.pages)  # the entity pages the manifest's view URL opens
    app.register_blueprint(editing.bp)  # the editor's page: its JSON routes and HTML pages
    app.register_blueprint(ui.bp)
    if app.config["BENCH_ROUTES"]:
        app.register_blueprint(meta.bench_bp)
    return app
