"""Forgetting what namenorm remembers: :func:`reset_caches`.

Every memoized function (``functools.cache`` / ``lru_cache`` at module level
in a loaded ``namenorm`` module) is found by walking the loaded modules, so a
cache added later is cleared too; that covers loaded registries, the
given-name table, settings and compiled tables. Module-level state of
another shape (a dictionary keyed by registry) registers its own clear
function with :func:`clears`. Indexes keep their own per-query caches and are
dropped with their registry. ``tests/test_caches.py`` lists every cache in the
source, so a new one that nothing clears fails it.

Left out: caches of other libraries.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

__all__ = ["clears", "memoized", "reset_caches"]

_CLEARS: list[Callable[[], None]] = []


def clears(function: Callable[[], None]) -> Callable[[], None]:
    """Have :func:`reset_caches` call ``function`` (a decorator for a module's
    function that empties its own module-level cache)."""
    _CLEARS.append(function)
    return function


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
    for clear in _CLEARS:
        clear()
