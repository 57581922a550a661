"""The package's shape: every module small enough to read in one sitting, with a short docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import namenorm

PACKAGE = Path(namenorm.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
#: Longest module, in lines (STYLE.md: "modules under ~500 lines").
MAX_LINES = 500


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
