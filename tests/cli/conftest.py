"""Fixtures for the command-line tests.

Strategy: the smallest fixture that has what you need. Every command runs
against ``tests/fixtures/csv/registry.csv`` (six entities: two Lukashenka
and Tsikhanouskaya spellings, Bialiatski, two Smiths for an ambiguous
surname, and Minsk), set through ``NAMENORM_REGISTRY`` so edits to the
shipped registry do not move these tests. CSV fixtures are tiny files, each
with one real-world trait (encoding, delimiter, quoting, raggedness); their
bytes are the test, see ``tests/fixtures/csv/README.md``. The clock of
``namenorm clean`` is fixed (2 s per run) so summaries can be asserted
exactly.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.batch import clean as batch_clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
REGISTRY = FIXTURES / "registry.csv"

#: Python run first in a child process the tests send signals to: SIGINT,
#: SIGTERM and SIGHUP act as they do from a terminal, whatever the test run
#: inherited (a shell job started with ``&`` ignores SIGINT, ``nohup`` ignores
#: SIGHUP, and ignored signals stay ignored across ``exec``).
TERMINAL_SIGNALS = (
    "import signal\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
    "signal.signal(signal.SIGHUP, signal.SIG_DFL)\n"
)


def namenorm_command(*args: str) -> list[str]:
    """``python -m namenorm ARGS`` with :data:`TERMINAL_SIGNALS` set first."""
    code = TERMINAL_SIGNALS + "import runpy\nrunpy.run_module('namenorm', run_name='__main__')\n"
    return [sys.executable, "-c", code, *args]


@pytest.fixture(autouse=True)
def fixture_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("NAMENORM_REGISTRY", str(REGISTRY))
    yield REGISTRY


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_clean, "_clock", itertools.count(0.0, 2.0).__next__)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def copy_fixture(tmp_path: Path) -> Iterator[object]:
    """Copy a fixture into a fresh folder (for commands that write next to their input)."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copyfile(FIXTURES / name, target)
        return target

    yield copy
