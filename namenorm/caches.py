"""Forgetting what namenorm remembers: :func:`reset_caches`.

Loaded registries, the given-name table, settings, compiled tables and every
memoized function (``functools.cache`` / ``lru_cache`` at module level in
any ``namenorm`` module) are cleared, found by walking the loaded modules so
that a cache added later is cleared too. Indexes keep their own per-query
caches and are dropped with their registry.

Left out: caches of other libraries.
"""

from __future__ import annotations

import sys

__all__ = ["memoized", "reset_caches"]


def memoized() -> list[object]:
    """Every module-level memoized function of the loaded ``namenorm`` modules."""
    found: list[object] = []
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "namenorm" or name.startswith("namenorm.")):
            continue
        for value in list(vars(module).values()):
            # Look the method up on the type: a proxy (flask's ``request``)
            # would raise when its attributes are read outside a request.
            if (
                callable(getattr(type(value), "cache_clear", None))
                and getattr(value, "__module__", None) == name
            ):
                found.append(value)
    return found


def reset_caches() -> None:
    """Forget every loaded registry and every memoized result (long-lived
    processes call this after the registry or the settings change)."""
    for function in memoized():
        function.cache_clear()  # type: ignore[attr-defined]
