"""The namenorm group: --version, --help with examples on every command, and the
installed executable run for real in a subprocess."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from namenorm import __version__
from namenorm.cli import cli

from .conftest import FIXTURES, REGISTRY


def commands(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(commands(command, (*prefix, name)))
    return found


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"], catch_exceptions=False)
    assert result.stdout == f"namenorm, version {__version__}\n"


@pytest.mark.parametrize("path", [(), *commands()], ids=lambda p: " ".join(p) or "namenorm")
def test_help_everywhere_with_examples(runner: CliRunner, path: tuple[str, ...]) -> None:
    result = runner.invoke(cli, [*path, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Examples:\n    namenorm " in result.stdout


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["clena"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Error: No such command 'clena'." in result.stderr


def _executable() -> str:
    found = Path(sys.executable).parent / "namenorm"
    return str(found) if found.exists() else shutil.which("namenorm") or "namenorm"


def test_installed_executable_cleans_a_fixture(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    env = {**os.environ, "NAMENORM_REGISTRY": str(REGISTRY)}
    done = subprocess.run(
        [
            _executable(),
            "clean",
            str(FIXTURES / "cp1251-semicolon.csv"),
            "-c",
            "name",
            "-o",
            str(target),
        ],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    assert (
        done.stderr.decode().splitlines()[1]
        == "name: 4 matched, 1 ambiguous, 1 unmatched, 1 empty; 6 distinct values"
    )
    assert (
        target.read_bytes()
        .split(b"\r\n")[2]
        .startswith("2;Лукашэнка;lukashenka-alaksandr;".encode("cp1251"))
    )


def test_python_dash_m_and_a_closed_pipe() -> None:
    env = {**os.environ, "NAMENORM_REGISTRY": str(REGISTRY)}
    done = subprocess.run(
        [sys.executable, "-m", "namenorm", "systems"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith(b"be  ")
    # `namenorm clean big.csv | head -1`: no traceback when the reader goes away.
    with subprocess.Popen(
        [sys.executable, "-m", "namenorm", "clean", "-", "-c", "name", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        with contextlib.suppress(BrokenPipeError):  # it may exit before reading everything
            proc.stdin.write(b"name\n" + b"Minsk\n" * 200_000)
            proc.stdin.close()
        err = proc.stderr.read()
    assert proc.returncode == 1
    assert b"Traceback" not in err
