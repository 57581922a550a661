"""The production server: gunicorn, started from Python (no shell string).

:func:`run_server` binds ``NAMENORM_HOST:NAMENORM_PORT`` with
``NAMENORM_WORKERS`` worker processes (threaded workers, so clients may keep
connections alive). Before gunicorn starts, the registry file is read once:
with neither a valid file nor a last good copy of one (``namenorm.http.source``)
:func:`run_server` raises
:class:`~namenorm.http.source.NoUsableRegistryError` and nothing starts; so
does a bad setting (:func:`check_settings`: :class:`~namenorm.errors.SettingError`).
The app is *not* preloaded: each worker builds its own app and index once, at
start, from the file or, while the file is broken, from its last good copy,
and then watches the file (``namenorm.http.watch``). The workers share a
:class:`~namenorm.http.board.Board`, so ``POST /v1/admin/reload`` answers only
once every worker serves the new registry. Once a worker has built its index
it freezes the garbage collector's view of it (``gc.freeze``), so full
collections do not walk the index during requests.

Access lines come from the app (``namenorm.http.app``); gunicorn's own log
goes to stderr too.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication

from ..errors import SettingError
from ..registry import index_cache_from, shipped_registry_path
from ..settings import setting
from .app import create_app, reload_interval, state_dir, time_budget
from .board import Board
from .reconcile import public_url
from .source import RegistryFile
from .state import EXTENSION, Holder
from .watch import log
from .worker import worker_class

__all__ = ["Timing", "check_settings", "gunicorn_options", "run_server", "serve"]


@dataclass(frozen=True)
class Timing:
    """Threads per worker and the time-outs of the worker model (``namenorm.http.worker``).

    Requests are CPU-bound under the GIL, so threads add no throughput; they are
    there for clients that are slow to send (a thread reads each request whole),
    each held at most ``read_timeout`` seconds. Idle connections wait in the
    worker's poller and hold no thread.
    """

    threads: int = 32
    read_timeout: float = 10.0
    overrun: float = 30.0  # a request running longer stops its worker's heartbeat...
    heartbeat: int = 10  # ...and a worker silent this many seconds is replaced


class _Application(BaseApplication):  # type: ignore[misc]
    """A gunicorn application whose workers each call ``factory()`` once."""

    def __init__(self, factory: Callable[[], Flask], options: Mapping[str, Any]) -> None:
        self.factory = factory
        self.options = dict(options)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # skip settings this gunicorn version lacks
                self.cfg.set(key, value)

    def load(self) -> Flask:
        app = self.factory()
        # The registry and its index live as long as the worker: move them out of
        # the cyclic GC's reach, or every full collection walks them in the middle
        # of a request (tens of milliseconds of p99).
        gc.freeze()
        holder: Holder = app.extensions[EXTENSION]
        holder.frozen = True
        log.info(
            "worker %d ready: registry %s (%d entities)",
            os.getpid(),
            holder.service.registry.digest[:12],
            len(holder.service.registry),
        )
        return app


def _number(env: str, value: int | None, low: int, high: int) -> int:
    if value is None:
        raw = setting(env)
        if not (raw.strip().isascii() and raw.strip().isdigit()):
            raise SettingError(f"{env}={raw!r} is not a number; expected {low} to {high}")
        value = int(raw)
    if not low <= value <= high:
        raise SettingError(f"{env} is {value!r}; expected {low} to {high}")
    return value


def _address(host: str, port: int) -> None:
    """Refuse a host this machine cannot resolve (gunicorn would retry it and exit 1)."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SettingError(
            f"host {host!r} (--host or NAMENORM_HOST) does not resolve: {reason}; "
            "expected an address or name of this machine, such as 127.0.0.1"
        ) from None


def _folder(path: Path) -> Path:
    """Refuse a state folder that cannot be made or written to."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingError(
            f"NAMENORM_STATE_DIR {str(path)!r} cannot be made: {exc.strerror}; "
            "expected a folder the server can write to"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise SettingError(
            f"NAMENORM_STATE_DIR {str(path)!r} is not writable; "
            "expected a folder the server can write to"
        )
    return path


def check_settings(
    *, host: str | None = None, port: int | None = None, workers: int | None = None
) -> tuple[str, int, int, Timing, Path]:
    """Every setting the server and its workers read, checked before anything starts:
    (host, port, workers, timing, state folder); :class:`SettingError` names the
    first bad one."""
    port = _number("NAMENORM_PORT", port, 0, 65535)
    workers = _number("NAMENORM_WORKERS", workers, 1, 64)
    timing = Timing(
        threads=_number("NAMENORM_THREADS", None, 1, 1024),
        read_timeout=_number("NAMENORM_READ_TIMEOUT", None, 1, 600),
    )
    reload_interval(setting("NAMENORM_RELOAD_INTERVAL"))
    time_budget(setting("NAMENORM_TIME_BUDGET"))
    public_url(setting("NAMENORM_PUBLIC_URL"))
    index_cache_from()
    host = host or setting("NAMENORM_HOST")
    _address(host, port)
    return host, port, workers, timing, _folder(state_dir(setting("NAMENORM_STATE_DIR")))


def gunicorn_options(
    host: str, port: int, workers: int, timing: Timing | None = None
) -> dict[str, Any]:
    """The gunicorn settings :func:`serve` runs with."""
    timing = timing or Timing()
    bind = f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"
    return {
        "bind": bind,
        "workers": workers,
        "worker_class": worker_class(read_timeout=timing.read_timeout, overrun=timing.overrun),
        "threads": timing.threads,
        "keepalive": 5,
        "timeout": timing.heartbeat,  # seconds without a heartbeat before a worker is replaced
        "graceful_timeout": 10,
        "max_requests": 100_000,  # recycled now and then, a few at a time
        "max_requests_jitter": 10_000,
        "limit_request_line": 8190,  # a 512-character query, percent-encoded, fits
        "accesslog": None,  # the app writes one line per request itself
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "namenorm",
        "control_socket_disable": True,  # no shared ~/.gunicorn/gunicorn.ctl between servers
    }


#: Codes of the errors gunicorn answers itself, before the app sees a request.
_SERVER_CODES = {
    400: "bad_request",
    403: "forbidden",
    414: "uri_too_long",
    417: "expectation_failed",
    431: "request_header_fields_too_large",
    500: "internal_error",
    501: "not_implemented",
}


def json_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's error page (bad request line, URL over 8,190 bytes, headers too large)
    in the API's one JSON error shape instead of HTML."""
    code = _SERVER_CODES.get(status_int, reason.lower().replace(" ", "_"))
    message = mesg or reason
    if status_int == 414:
        message = f"request line is over 8190 bytes; send long text in a POST body ({mesg})"
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    gunicorn_util.write_nonblock(sock, head.encode("latin-1") + body)


def serve(
    factory: Callable[[], Flask],
    *,
    host: str,
    port: int,
    workers: int,
    timing: Timing | None = None,
    board: Board | None = None,
) -> None:
    """Run gunicorn on ``host:port`` with ``workers`` workers, each serving ``factory()``;
    a worker that exits leaves ``board``."""
    options = gunicorn_options(host, port, workers, timing)
    gunicorn_util.write_error = json_error  # workers are forked from here: they inherit it
    if board is not None:
        options["worker_exit"] = lambda _server, worker: board.leave_pid(worker.pid)
    _Application(factory, options).run()


def run_server(
    *, host: str | None = None, port: int | None = None, workers: int | None = None
) -> None:
    """Serve the registry named by ``NAMENORM_REGISTRY`` (or the shipped one) with gunicorn.

    ``host``, ``port`` and ``workers`` default to ``NAMENORM_HOST``,
    ``NAMENORM_PORT`` and ``NAMENORM_WORKERS``. Blocks until the server stops.
    """
    # A bad setting is one error before gunicorn starts, not a traceback per worker boot.
    host, port, workers, timing, keep = check_settings(host=host, port=port, workers=workers)
    path = setting("NAMENORM_REGISTRY") or str(shipped_registry_path())
    _, broken = RegistryFile(path, keep=keep).load()  # NoUsableRegistryError: nothing starts
    if broken is not None:
        print(
            f"namenorm: registry broken, serving its last good copy: {broken.line()}",
            file=sys.stderr,
            flush=True,
        )
    board = Board(workers * 2)  # room for replacements of workers that died
    config = {"REGISTRY_WATCH": True, "BOARD": board, "STATE_DIR": str(keep)}
    serve(
        lambda: create_app(config=config),
        host=host,
        port=port,
        workers=workers,
        timing=timing,
        board=board,
    )
