"""namenorm registry import-places and namenorm registry enrich."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from namenorm.registry import Registry

from .conftest import REGISTRY


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    path = tmp_path / "variants.csv"
    shutil.copyfile(REGISTRY, path)
    return path


def invoke(runner: CliRunner, *args: str) -> object:
    return runner.invoke(cli, ["registry", *args], catch_exceptions=False)


def test_import_places_dry_run_writes_nothing(runner: CliRunner, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    args = ["--country", "BY", "--min-population", "300000", "--registry", str(registry_copy)]
    result = invoke(runner, "import-places", *args, "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == (
        "linked: Minsk -> minsk\n"
        f"{registry_copy}: would add 5 places and 114 rows (1 linked, 0 skipped)\n"
    )
    assert registry_copy.read_bytes() == before
    assert [p.name for p in registry_copy.parent.iterdir()] == ["variants.csv"]


def test_import_places_writes_a_valid_registry_once(runner: CliRunner, registry_copy: Path) -> None:
    args = ["--country", "BY", "--min-population", "300000", "--registry", str(registry_copy)]
    first = invoke(runner, "import-places", *args)
    assert first.exit_code == 0
    assert first.stdout.endswith("added 5 places and 114 rows (1 linked, 0 skipped)\n")
    loaded = Registry.from_csv(registry_copy)
    assert loaded.entity("minsk").geonames == 625144
    assert loaded.entity("homel").preferred("be") == "Гомель"
    second = invoke(runner, "import-places", *args)
    assert second.stdout == f"{registry_copy}: added 0 places and 0 rows (0 linked, 0 skipped)\n"


def test_import_places_refuses_an_invalid_registry(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,kind,lang,name,preferred\nx,robot,en,X,1\n")
    result = invoke(runner, "import-places", "--country", "BY", "--registry", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: kind: unknown kind 'robot'" in result.stderr
    assert path.read_text() == "id,kind,lang,name,preferred\nx,robot,en,X,1\n"
