"""The index package's shape: no import cycle with the registry, small modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import namenorm.index

PACKAGE = Path(namenorm.index.__file__).parent


def test_the_index_does_not_import_the_registry() -> None:
    code = (
        "import sys, namenorm.index; "
        "print('namenorm.registry' in sys.modules, 'namenorm.mentions' in sys.modules)"
    )
    # namenorm/__init__ imports everything, so the check loads the subpackage alone.
    out = subprocess.run(
        [sys.executable, "-c", code.replace("import sys, namenorm.index", _isolated())],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["False", "False"]


def _isolated() -> str:
    """Import ``namenorm.index`` without running ``namenorm/__init__.py``."""
    root = PACKAGE.parent
    return (
        "import sys, types, importlib; "
        f"pkg = types.ModuleType('namenorm'); pkg.__path__ = [{str(root)!r}]; "
        "sys.modules['namenorm'] = pkg; importlib.import_module('namenorm.index')"
    )


def test_every_module_is_small_and_says_what_it_holds() -> None:
    for path in PACKAGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 500, path.name
        assert text.startswith('"""'), f"{path.name} has no module docstring"
