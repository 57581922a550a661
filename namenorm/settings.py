"""Settings read once from ``NAMENORM_*`` environment variables.

Each setting is declared once here with its default and help text; the table in
``docs/settings.md`` repeats them (a test keeps the two equal). Nothing else in the
package reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Setting:
    """One environment setting: variable name, default and what it does."""

    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "NAMENORM_REGISTRY",
        "",
        "Registry CSV to load (library, CLI and server) instead of the shipped one.",
    ),
    Setting(
        "NAMENORM_INDEX",
        "",
        "Prebuilt index file of that registry (namenorm index build -o FILE), mapped by the "
        "library, CLI, server and Dask workers; rebuilt in place when stale, refused when it "
        "cannot be.",
    ),
    Setting(
        "NAMENORM_INDEX_CACHE_FROM",
        "5000",
        "Registry files of at least this many entities keep their index in REGISTRY.idx "
        "beside them, built once and mapped by every later process (off: never).",
    ),
    Setting("NAMENORM_HOST", "127.0.0.1", "Address the HTTP server binds to."),
    Setting("NAMENORM_PORT", "8000", "Port the HTTP server listens on."),
    Setting("NAMENORM_WORKERS", "2", "Number of gunicorn worker processes."),
    Setting(
        "NAMENORM_THREADS",
        "32",
        "Threads per worker process: requests served at once, slow clients included.",
    ),
    Setting(
        "NAMENORM_READ_TIMEOUT",
        "10",
        "Seconds a client has to send a whole request (line, headers, body) before it "
        "is answered 408 and its thread freed.",
    ),
    Setting(
        "NAMENORM_TIME_BUDGET",
        "10",
        "Seconds a batch lookup may spend; the queries left then are answered skipped. "
        "A request still running after 30 s gets its worker replaced.",
    ),
    Setting(
        "NAMENORM_CORS_ORIGINS",
        "",
        "Comma-separated origins allowed to call /v1, /health and /openapi.json from a "
        "browser (* for any); /reconcile is always open.",
    ),
    Setting(
        "NAMENORM_WIKIDATA_API",
        "https://www.wikidata.org/w/api.php",
        "Wikidata API that namenorm registry enrich --online asks for labels and aliases.",
    ),
    Setting(
        "NAMENORM_RELOAD_INTERVAL",
        "5",
        "Seconds between two checks of the registry file's hash by each server worker "
        "(a new valid version is served at once; 0 = never).",
    ),
    Setting(
        "NAMENORM_STATE_DIR",
        "",
        "Folder where the server keeps a copy of the last registry file that loaded, to "
        "start from while the file is broken (default: namenorm in $XDG_CACHE_HOME or ~/.cache).",
    ),
    Setting(
        "NAMENORM_PUBLIC_URL",
        "",
        "Base URL the service is reached at from outside, such as https://names.example.org; "
        "every URL in the reconciliation manifest (identifierSpace, schemaSpace, view, "
        "preview, suggest, extend) starts with it (unset: the URL of each request).",
    ),
    Setting(
        "NAMENORM_ADMIN_TOKEN",
        "",
        "Bearer token for POST /v1/admin/reload; unset, the route is off.",
    ),
)


def setting(env: str) -> str:
    """Return the value of one declared setting (environment, else default)."""
    for item in SETTINGS:
        if item.env == env:
            return os.environ.get(env, item.default)
    raise KeyError(f"undeclared setting {env!r}")


@cache
def _snapshot() -> dict[str, str]:
    return {item.env: os.environ.get(item.env, item.default) for item in SETTINGS}


def settings() -> dict[str, str]:
    """All settings as read once at first use (call :func:`reset` to re-read)."""
    return dict(_snapshot())


def reset() -> None:
    """Forget the settings read so far (for tests and long-lived processes)."""
    _snapshot.cache_clear()
