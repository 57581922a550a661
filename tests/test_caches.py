"""reset_caches() forgets everything namenorm remembers."""

from __future__ import annotations

import ast
import importlib

import pytest

from namenorm import default_registry, normalize_text, reset_caches, transliterate
from namenorm.caches import memoized
from tests.test_layout import MODULES, PACKAGE, module_name


def _filled() -> list[str]:
    return [
        f"{f.__module__}.{f.__qualname__}"  # type: ignore[attr-defined]
        for f in memoized()
        if f.cache_info().currsize  # type: ignore[attr-defined]
    ]


def test_every_memoized_function_is_cleared() -> None:
    registry = default_registry()
    registry.resolve("Lukaschenko")
    registry.resolve("Lukashenkko")
    normalize_text("Sviatlana Tsikhanouskaya met Lukashenko in Minsk.", "en", registry)
    transliterate("Лукашэнка", "be", "news")
    before = _filled()
    # the registry, text clean-up, keys, inflection and the index's spellings at least
    assert len(before) >= 6, before
    assert any("default_registry" in name for name in before)
    reset_caches()
    assert _filled() == []
    assert default_registry() is not registry


def test_a_module_holding_a_request_proxy_is_walked() -> None:
    """flask's ``request`` proxy raises on attribute access outside a request;
    finding caches must not touch it."""
    import namenorm.http.inputs  # noqa: F401  (a module that imports ``request``)

    assert memoized()


# -- every cache in the source is known -----------------------------------------
#: Module-level containers a module writes to, by ``path:name``, with what
#: :func:`reset_caches` does with them. A new one fails
#: :func:`test_every_cache_in_the_source_is_declared` until it is listed here,
#: and one listed as cleared must be emptied by ``reset_caches``.
MODULE_STATE = {
    "dask/loader.py:_LOADED": "cleared",
    "dask/loader.py:_OUTCOMES": "cleared",
    "mentions/automaton.py:_SCANNERS": "cleared",
    "caches.py:_CLEARS": "kept: the clear functions themselves",
    "dask/loader.py:_LOADS": "kept: the record of this process's loads, not a cache",
    "batch/pipeline.py:_WORKER": "kept: the registry a run hands to its forked workers",
}
#: Caches made per object (``lru_cache`` applied in a method), dropped with the
#: object that owns them: an index's scorer, a service's serialised answers.
PER_OBJECT = {"http/state.py", "index/score.py"}

_DECORATORS = {"cache", "lru_cache", "cached_property"}
_CONTAINERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter"}
_CONTAINERS |= {"WeakKeyDictionary", "WeakValueDictionary"}
_WRITES = {"append", "add", "setdefault", "update", "extend", "insert", "__setitem__"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _module_containers(tree: ast.Module) -> set[str]:
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        literal = isinstance(value, (ast.Dict, ast.List, ast.Set))
        if isinstance(target, ast.Name) and (literal or _name(value) in _CONTAINERS):
            found.add(target.id)
    return found


def _written(tree: ast.Module) -> set[str]:
    """Names written through (``x[k] = v``, ``x.append(v)``, ...) or rebound by ``global``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.update(node.names)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.update(
                t.value.id
                for t in targets
                if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
            )
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _WRITES
            and isinstance(node.func.value, ast.Name)
        ):
            found.add(node.func.value.id)
    return found


def _globals(tree: ast.Module) -> set[str]:
    return {name for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names}


def _sources() -> list[tuple[str, str, ast.Module]]:
    return [
        (str(path.relative_to(PACKAGE)), module_name(path), ast.parse(path.read_text("utf-8")))
        for path in MODULES
    ]


def test_every_cache_in_the_source_is_declared() -> None:
    """Every memoizing decorator sits on a module-level function (where
    :func:`memoized` finds it); ``lru_cache`` made inside a function belongs
    to an object; every module-level container a module writes to is listed."""
    state, per_object, hidden, top_level = set(), set(), [], []
    for path, module, tree in _sources():
        names = (_module_containers(tree) & _written(tree)) | _globals(tree)
        state.update(f"{path}:{name}" for name in names)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and any(
                _name(d) in _DECORATORS for d in node.decorator_list
            ):
                top_level.append(f"{module}.{node.name}")
        for node in ast.walk(tree):
            # lru_cache(...)(function): a cache made at run time, for one object
            call = isinstance(node, ast.Call) and isinstance(node.func, ast.Call)
            if call and _name(node.func) in _DECORATORS:  # type: ignore[attr-defined]
                per_object.add(path)
            if isinstance(node, ast.ClassDef | ast.FunctionDef):
                hidden.extend(
                    f"{path}: {node.name}.{inner.name}"
                    for inner in ast.walk(node)
                    if inner is not node
                    and isinstance(inner, ast.FunctionDef)
                    and any(_name(d) in _DECORATORS for d in inner.decorator_list)
                )
    assert state == set(MODULE_STATE)
    assert per_object == PER_OBJECT
    assert hidden == [], "a memoized method or inner function that reset_caches cannot see"
    for module in {name.rsplit(".", 1)[0] for name in top_level}:
        importlib.import_module(module)
    found = {f"{f.__module__}.{f.__name__}" for f in memoized()}  # type: ignore[attr-defined]
    assert set(top_level) <= found


@pytest.mark.parametrize("entry", [k for k, v in MODULE_STATE.items() if v == "cleared"])
def test_module_state_listed_as_cleared_is_emptied(entry: str) -> None:
    path, name = entry.split(":")
    module = importlib.import_module(module_name(PACKAGE / path))
    container = getattr(module, name)
    probe = type("Probe", (), {})()  # hashable and weakly referable
    container[probe] = None
    try:
        reset_caches()
        assert len(container) == 0
    finally:
        container.pop(probe, None)
