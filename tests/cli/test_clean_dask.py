"""namenorm clean --engine dask: the command starts its own local cluster and writes the local bytes."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import namenorm.dask
from namenorm.cli import clean as clean_module
from namenorm.cli import cli

from .conftest import FIXTURES
from .test_clean_jobs import messy_rows


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


@pytest.fixture
def on_session_cluster(dask_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs on the session's cluster instead of starting its own."""

    @contextlib.contextmanager
    def shared(**options: object) -> Iterator[Any]:
        yield dask_client

    monkeypatch.setattr(namenorm.dask, "cluster", shared)


def test_a_folder_of_csv_files_to_a_folder(
    runner: CliRunner, tmp_path: Path, on_session_cluster: None
) -> None:
    names = ["utf8.csv", "cp1251-semicolon.csv", "tab.tsv"]
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copyfile(FIXTURES / name, folder / name)
    result = runner.invoke(
        cli,
        ["clean", str(folder), "-c", "name", "-o", str(tmp_path / "out"), "--engine", "dask"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    for name in names:
        local = runner.invoke(cli, ["clean", str(folder / name), "-c", "name", "-q"])
        assert (tmp_path / "out" / name).read_bytes() == local.stdout_bytes
    assert result.stderr.splitlines()[-1] == (
        "name: 12 matched, 3 ambiguous, 3 unmatched, 3 empty; 6 distinct values"
    )
    many = runner.invoke(cli, ["clean", str(folder), "-c", "name", "--engine", "dask"])
    assert many.exit_code == 2
    assert "holds 3 files; give -o FOLDER for the outputs" in many.stderr


def test_parquet_in_and_out(runner: CliRunner, tmp_path: Path, on_session_cluster: None) -> None:
    source, target = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(pa.table({"name": ["Minsk", "Smith", None]}), source)
    result = runner.invoke(
        cli,
        ["clean", str(source), "-c", "name", "-o", str(target), "--engine", "dask", "-q"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    assert pq.read_table(target).column("name_status").to_pylist() == [
        "matched",
        "ambiguous",
        "empty",
    ]
