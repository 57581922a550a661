"""namenorm clean --engine dask: the command starts its own local cluster and writes the local bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.cli import clean as clean_module
from namenorm.cli import cli

from .test_pipeline import messy_rows


def test_dask_engine_writes_the_local_bytes_review_and_report(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(messy_rows(3000, seed=11))
    outputs = {}
    for engine in ("local", "dask"):
        args = ["clean", str(source), "-c", "name", "-o", str(tmp_path / f"{engine}.csv")]
        args += ["--unmatched", str(tmp_path / f"{engine}.todo.csv")]
        args += ["--report", str(tmp_path / f"{engine}.json"), "--engine", engine]
        if engine == "dask":
            args += ["--workers", "2"]
            monkeypatch.setattr(clean_module, "_stderr_is_tty", lambda: True)
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        outputs[engine] = result
    for suffix in (".csv", ".todo.csv"):
        assert (tmp_path / f"dask{suffix}").read_bytes() == (
            tmp_path / f"local{suffix}"
        ).read_bytes()
    local, dask = (json.loads((tmp_path / f"{e}.json").read_text()) for e in ("local", "dask"))
    assert (dask["engine"], dask["workers"]) == ("dask", 2)
    for key in ("rows", "blank_lines", "ragged_rows", "ragged_lines"):
        assert dask[key] == local[key], key
    assert {k: v for k, v in dask["columns"]["name"].items() if k != "lookups"} == {
        k: v for k, v in local["columns"]["name"].items() if k != "lookups"
    }
    assert "Cleaning" in outputs["dask"].stderr  # the progress bar, on a terminal
    assert outputs["dask"].stderr.splitlines()[-1] == outputs["local"].stderr.splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--engine", "dask"], "--engine dask needs a file, a folder or a glob"),
        (["x.csv", "--engine", "dask", "-j", "2"], "--jobs is for --engine local"),
        (["x.csv", "--workers", "2"], "--scheduler and --workers need --engine dask"),
        (
            ["x.csv", "--engine", "dask", "--workers", "2", "--scheduler", "tcp://h:1"],
            "give --scheduler or --workers, not both",
        ),
    ],
)
def test_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["clean", *args, "-c", "name"], input=b"name\n")
    assert result.exit_code == 2
    assert f"Error: {message}" in result.stderr
