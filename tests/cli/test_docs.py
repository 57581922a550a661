"""The command-line section of the README is true and complete.

Every ``$`` line of its console blocks runs, in a fresh folder, and its
output is compared line for line: ``cat FILE`` creates FILE from the shown
text the first time and checks it afterwards; ``echo $?`` checks the exit
code of the command before; ``namenorm ...`` runs with ``CliRunner`` on the
shipped registry (timings in summaries are not compared). Every command and
subcommand must appear in the README section.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from tests.readme import section

ROOT = Path(__file__).resolve().parent.parent.parent

DOC_NAME = "README.md"


def doc() -> str:
    return section("Command line")


TIMING = re.compile(r" in [\d.]+ s \([\d,]+ rows/s\)")


def sessions() -> list[list[tuple[str, str]]]:
    """Each console block as (command, expected output) pairs, in order."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", doc(), re.DOTALL):
        steps: list[tuple[str, str]] = []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].rstrip("\n"), ""))
            else:
                command, output = steps[-1]
                steps[-1] = (command, output + line)
        found.append(steps)
    return found


def run_block(steps: list[tuple[str, str]], folder: Path) -> None:
    status = 0
    for command, expected in steps:
        words = shlex.split(command)
        if words[0] == "cat":
            path = folder / words[1]
            if not path.exists():
                path.write_text(expected, encoding="utf-8")
            assert path.read_text(encoding="utf-8") == expected, command
        elif words == ["echo", "$?"]:
            assert f"{status}\n" == expected, command
        else:
            assert words[0] == "namenorm", command
            runner = CliRunner()
            result = runner.invoke(cli, words[1:], prog_name="namenorm", catch_exceptions=False)
            assert TIMING.sub("", result.output) == TIMING.sub("", expected), command
            status = result.exit_code


BLOCKS = sessions()


@pytest.mark.parametrize("number", range(len(BLOCKS)), ids=lambda n: BLOCKS[n][0][0][:50])
def test_console_sessions(number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAMENORM_REGISTRY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(ROOT / "data")
    for steps in BLOCKS[:number]:  # files shown in earlier blocks exist in later ones
        for command, expected in steps:
            words = shlex.split(command)
            if words[0] == "cat" and not (tmp_path / words[1]).exists():
                (tmp_path / words[1]).write_text(expected, encoding="utf-8")
    run_block(BLOCKS[number], tmp_path)


def all_commands(group: click.Group = cli, prefix: str = "namenorm") -> list[str]:
    found = []
    for name, command in group.commands.items():
        found.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            found.extend(all_commands(command, f"{prefix} {name}"))
    return found


@pytest.mark.parametrize("command", all_commands())
def test_every_command_is_documented(command: str) -> None:
    assert f"`{command}" in doc(), f"{command} is not in {DOC_NAME}"


def test_the_bench_figures_are_filled_in() -> None:
    assert "CLEAN_BENCH_TABLE" not in doc()
