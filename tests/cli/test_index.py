"""namenorm index build: the file it writes is the one lookup then maps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm import Registry
from namenorm.cli import cli
from namenorm.index import Index

from .conftest import REGISTRY


def test_build_writes_a_file_that_lookup_maps(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "registry.idx"
    result = runner.invoke(cli, ["index", "build", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert re.fullmatch(
        rf"{re.escape(str(out))}: 6 entities, [\d,]+ full spellings, [\d,]+ unit spellings, "
        r"[\d,]+ sound keys; [\d.]+ MB in [\d.]+ s \([\d.]+ s CPU\)\n",
        result.output,
    )
    registry = Registry.from_csv(REGISTRY)
    assert Index.load(registry, out, digest=registry.digest).file == str(out)
    monkeypatch.setenv("NAMENORM_INDEX", str(out))
    written = out.stat().st_mtime_ns
    result = runner.invoke(cli, ["lookup", "Łukašenka"], catch_exceptions=False)
    assert result.output.startswith("Łukašenka: matched\n")
    assert out.stat().st_mtime_ns == written  # mapped as it was, not rebuilt


def test_build_into_a_missing_folder_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "registry.idx"
    result = runner.invoke(cli, ["index", "build", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {out}: No such file or directory\n"
    assert not out.parent.exists()
