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
#: Longest module docstring, in lines: what the module holds and leaves out, not
#: an essay (issue 17: the 30-line ones had drifted); reference goes to docs/.
MAX_DOC_LINES = 20
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
TUPLE_KEYS = {
    "http/reconcile_queries.py:Evidence",
    "knowledge/descriptors.py:Signature",
    # a table build function's (arrays, meta) pair, unpacked where it is made
    "tablecache.py:Built",
}


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


# -- the tests mirror the package -------------------------------------------------
TESTS = Path(__file__).resolve().parent
#: Test folders that are no package folder, and why.
OTHER_TEST_FOLDERS = {
    "bench": "the scripts of bench/",
    "browser": "pages driven in a browser",
    "fixtures": "data",
    "golden": "data",
}
#: Test files named after a module elsewhere in the package, on purpose.
ACROSS = {"index/test_knowledge.py": "the resolver reading namenorm.knowledge's tables"}


def _package_names() -> dict[str, list[str]]:
    """Each module or subpackage name of ``namenorm``, with where it is."""
    names: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*"):
        if path.suffix == ".py" and path.name != "__init__.py":
            names.setdefault(path.stem, []).append(str(path.relative_to(PACKAGE)))
        elif path.is_dir() and (path / "__init__.py").exists():
            names.setdefault(path.name, []).append(str(path.relative_to(PACKAGE)))
    return names


def test_every_test_folder_is_a_package_folder() -> None:
    folders = {
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*")
        if path.is_dir() and path.name != "__pycache__" and path.parent == TESTS
    }
    stray = sorted(f for f in folders - set(OTHER_TEST_FOLDERS) if not (PACKAGE / f).is_dir())
    assert stray == []


def test_a_test_named_after_a_module_sits_beside_it() -> None:
    """``tests/a/test_b.py`` tests ``namenorm/a/b``; a test named after a module
    of another folder (``tests/cli/test_csvio.py`` for ``namenorm/csvio``) has
    moved away from what it tests."""
    names = _package_names()
    misplaced = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        folder = PACKAGE / path.parent.relative_to(TESTS)
        stem = path.stem.removeprefix("test_")
        if (folder / f"{stem}.py").exists() or (folder / stem).is_dir():
            continue
        where = str(path.relative_to(TESTS))
        if stem in names and where not in ACROSS:
            misplaced[where] = names[stem]
    assert misplaced == {}


def test_what_test_docstrings_name_exists() -> None:
    """A test module's docstring that names ``namenorm.…`` names something that is there."""
    missing = []
    for path in sorted(TESTS.rglob("test_*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        for found in re.finditer(r"\bnamenorm(?:\.[A-Za-z_]\w*)+", doc):
            if not resolves(found.group(0), namenorm):
                missing.append(f"{path.relative_to(TESTS)}: {found.group(0)}")
    assert missing == []


def _private_reads(path: Path) -> list[str]:
    """Private names ``path`` reads from outside its own package: ``x._name``
    (``self``/``cls`` aside), ``getattr(x, "_name")`` and ``from ..m import _name``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"{node.lineno}: .{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and str(node.args[1].value).startswith("_")
        ):
            found.append(f"{node.lineno}: {node.func.id}(..., {node.args[1].value!r})")
        elif isinstance(node, ast.ImportFrom) and node.level > 1:
            found.extend(
                f"{node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name.startswith("_")
            )
    return found


def test_copy_scanning_uses_only_the_public_api_of_the_index() -> None:
    """``namenorm.mentions`` once read nine private attributes of ``Index``
    and ``getattr(unit, "_generated")`` (issue 17 §4); it reads the index
    through its public reading API (``tests/index/test_reading.py``)."""
    private = {
        f"{path.relative_to(PACKAGE)}:{where}"
        for path in sorted((PACKAGE / "mentions").glob("*.py"))
        for where in _private_reads(path)
    }
    assert private == set()
