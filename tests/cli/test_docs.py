"""The command-line reference (``docs/cli.md``) and the README's sessions are true,
and the reference is complete.

Every ``$`` line of its console blocks runs, in a fresh folder, and its
output is compared line for line: ``cat FILE`` creates FILE from the shown
text the first time and checks it afterwards; ``echo $?`` checks the exit
code of the command before; ``namenorm ...`` runs with ``CliRunner`` on the
shipped registry (timings in summaries are not compared). Every command and
subcommand must appear in the reference.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from tests.readme import README
from tests.readme import doc as read_doc

ROOT = Path(__file__).resolve().parent.parent.parent

DOC_NAME = "docs/cli.md"


def doc() -> str:
    return read_doc("cli")


TIMING = re.compile(r" in [\d.]+ s \((?:[\d,]+ rows/s|[\d.]+ s CPU)\)")


def sessions(text: str) -> list[list[tuple[str, str]]]:
    """Each console block of ``text`` as (command, expected output) pairs, in order."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        steps: list[tuple[str, str]] = []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].rstrip("\n"), ""))
            else:
                command, output = steps[-1]
                steps[-1] = (command, output + line)
        found.append(steps)
    return found


def shown_inputs(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(file, text) of each ``cat FILE`` that shows an input: a file that no
    earlier command of the block names. A file a command names is its output,
    and ``cat`` must find it written, never create it."""
    named: set[str] = set()
    inputs = []
    for command, expected in steps:
        words = shlex.split(command)
        if words[0] == "cat" and words[1] not in named:
            inputs.append((words[1], expected))
        elif words[0] == "namenorm":
            named.update(words[1:])
    return inputs


def run_block(steps: list[tuple[str, str]], folder: Path) -> None:
    inputs = dict(shown_inputs(steps))
    status = 0
    for command, expected in steps:
        words = shlex.split(command)
        if words[0] == "cat":
            path = folder / words[1]
            if words[1] in inputs and not path.exists():
                path.write_text(inputs.pop(words[1]), encoding="utf-8")
            assert path.exists(), f"{command}: {words[1]} was not written"
            assert path.read_text(encoding="utf-8") == expected, command
        elif words == ["echo", "$?"]:
            assert f"{status}\n" == expected, command
        else:
            assert words[0] == "namenorm", command
            runner = CliRunner()
            result = runner.invoke(cli, words[1:], prog_name="namenorm", catch_exceptions=False)
            assert TIMING.sub("", result.output) == TIMING.sub("", expected), command
            status = result.exit_code


BLOCKS = sessions(doc())
#: The README's sessions that run ``namenorm`` (its curl sessions are run by
#: tests/http/test_docs.py).
README_BLOCKS = [
    block
    for block in sessions(README.read_text(encoding="utf-8"))
    if not any(command.startswith("curl") for command, _ in block)
]


def run_blocks(blocks: list[list[tuple[str, str]]], number: int, folder: Path) -> None:
    """Run block ``number``; the input files shown in earlier blocks exist."""
    for steps in blocks[:number]:
        for name, text in shown_inputs(steps):
            if not (folder / name).exists():
                (folder / name).write_text(text, encoding="utf-8")
    run_block(blocks[number], folder)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working folder on the shipped registry."""
    monkeypatch.delenv("NAMENORM_REGISTRY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(ROOT / "data")
    return tmp_path


@pytest.mark.parametrize("number", range(len(BLOCKS)), ids=lambda n: BLOCKS[n][0][0][:50])
def test_console_sessions(number: int, folder: Path) -> None:
    run_blocks(BLOCKS, number, folder)


@pytest.mark.parametrize(
    "number", range(len(README_BLOCKS)), ids=lambda n: README_BLOCKS[n][0][0][:50]
)
def test_readme_sessions(number: int, folder: Path) -> None:
    run_blocks(README_BLOCKS, number, folder)


def test_cat_of_an_output_must_find_it_written(folder: Path) -> None:
    """A command that silently stops writing its output fails its session."""
    steps = [
        ("cat in.csv", "name\nMinsk\n"),
        ("namenorm lookup out.csv", "out.csv: unmatched\n  (no candidates)\n"),
        ("cat out.csv", "never written\n"),
    ]
    assert shown_inputs(steps) == [("in.csv", "name\nMinsk\n")]
    with pytest.raises(AssertionError, match=r"out\.csv was not written"):
        run_block(steps, folder)


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
