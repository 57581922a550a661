"""The README and the documents in ``docs/`` are true and hold together: their
Python examples run, every setting is documented once from its declaration,
and every document is reachable from the README."""

from __future__ import annotations

import doctest
import importlib
import re
import tomllib
from pathlib import Path

import pytest

from namenorm.settings import SETTINGS
from tests.readme import DOCS, README, ROOT, doc, run_doctests

MODULES = [
    "namenorm.text",
    "namenorm.keys",
    "namenorm.names",
    "namenorm.inflect",
    "namenorm.match",
    "namenorm.translit",
]
DOCUMENTS = sorted(path.stem for path in DOCS.glob("*.md"))
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5
    assert result.failed == 0


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_examples_run(name: str) -> None:
    result = run_doctests(doc(name), f"docs/{name}.md")
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_module_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_settings_table_repeats_the_declarations() -> None:
    rows = re.findall(r"(?m)^\| `(NAMENORM_\w+)` \| (.*?) \| (.*?) \|$", doc("settings"))
    declared = [(s.env, f"`{s.default}`" if s.default else "(unset)", s.help) for s in SETTINGS]
    assert rows == declared


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_is_linked_from_the_readme(name: str) -> None:
    assert f"](docs/{name}.md)" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [README, *sorted(DOCS.glob("*.md"))], ids=lambda p: p.name)
def test_every_relative_link_points_at_a_file(path: Path) -> None:
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (path.parent / target).exists(), f"{path.relative_to(ROOT)}: {target}"


def _requirement_names() -> list[str]:
    """Every distribution ``pyproject.toml`` asks for, runtime and dev."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    return sorted({re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower() for spec in wanted})


@pytest.mark.parametrize("name", _requirement_names())
def test_every_dependency_says_what_it_is_for_in_the_readme(name: str) -> None:
    table = README.read_text(encoding="utf-8").split("## Libraries used", 1)[1]
    named = {n.lower() for n in re.findall(r"`([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?`", table)}
    assert name in named, f"README's 'Libraries used' table does not say what {name} is for"
