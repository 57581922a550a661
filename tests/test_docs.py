"""The README's examples run, and every setting is documented."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from namenorm.settings import SETTINGS, Setting

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
MODULES = [
    "namenorm.text",
    "namenorm.keys",
    "namenorm.names",
    "namenorm.inflect",
    "namenorm.match",
    "namenorm.translit",
]


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_module_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.env)
def test_every_setting_is_documented(setting: Setting) -> None:
    env = setting.env
    assert f"`{env}`" in README.read_text(encoding="utf-8"), f"{env} is not in the README"
