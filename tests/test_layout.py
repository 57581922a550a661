"""The package's shape: every module small enough to read in one sitting, with a short docstring."""

from __future__ import annotations

import ast
import builtins
import importlib
import re
from pathlib import Path

import namenorm

PACKAGE = Path(namenorm.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
#: Longest module, in lines (STYLE.md: "modules under ~500 lines").
MAX_LINES = 500
#: Longest module docstring, in lines: what the module holds and leaves out, not an essay.
MAX_DOC_LINES = 30
#: A dotted name a docstring points to: ``namenorm.x.y`` or a Sphinx role.
_REFERENCE = re.compile(
    r"``(namenorm(?:\.[A-Za-z_]\w*)+)``|:(?:mod|func|class|data|meth|attr|exc):`~?([\w.]+)`"
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolves(name: str, module: object) -> bool:
    """Whether ``name`` is a module, or an attribute path from a module, from
    ``module`` (a bare name), or from builtins (``str.split``)."""
    parts = name.split(".")
    starts: list[tuple[object, list[str]]] = [(module, parts), (builtins, parts)]
    for i in range(len(parts), 0, -1):
        try:
            starts.append((importlib.import_module(".".join(parts[:i])), parts[i:]))
        except ImportError:
            continue
    for obj, rest in starts:
        for attribute in rest:
            obj = getattr(obj, attribute, None)
            if obj is None:
                break
        else:
            return True
    return False


def test_the_package_has_modules() -> None:
    assert len(MODULES) > 50


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in MODULES
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_module_says_what_it_holds() -> None:
    missing = [
        str(path.relative_to(PACKAGE))
        for path in MODULES
        if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert missing == []


def test_module_docstrings_are_short() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in MODULES
        if (
            n := len(
                (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "").splitlines()
            )
        )
        > MAX_DOC_LINES
    }
    assert long == {}


def test_what_module_docstrings_name_exists() -> None:
    """Every ``namenorm.…`` module and every :func:/:class:/… a module docstring
    names is there: a docstring that still names a module or function that was
    moved or renamed says something untrue."""
    missing = []
    for path in MODULES:
        module = importlib.import_module(module_name(path))
        for found in _REFERENCE.finditer(module.__doc__ or ""):
            name = found.group(1) or found.group(2)
            if not resolves(name, module):
                missing.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert missing == []


#: Tuple type aliases that are keys (hashable composites), not results.
TUPLE_KEYS = {"http/reconcile_queries.py:Evidence", "knowledge/descriptors.py:Signature"}


def test_result_tuples_are_named() -> None:
    """A value returned as a tuple is a ``NamedTuple`` (``Lemma``, ``Outcome``,
    ``Found``...), so ``mypy --strict`` and a reader see its fields; a bare
    ``X = tuple[...]`` alias is left only for the composite keys above (and
    private rows of a module's own tables)."""
    aliases = set()
    for path in MODULES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Subscript)
                and isinstance(node.value.value, ast.Name)
                and node.value.value.id == "tuple"
            ):
                names = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id[0] != "_"]
                aliases.update(f"{path.relative_to(PACKAGE)}:{name}" for name in names)
    assert aliases == TUPLE_KEYS
