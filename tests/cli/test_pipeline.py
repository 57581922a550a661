"""namenorm.cli.pipeline: worker processes give the same bytes as one process,
keep the row order, and leave nothing behind on errors or Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.batch import pipeline
from namenorm.cli import cli
from namenorm.registry import Registry

from .conftest import REGISTRY

NAMES = [
    "Alexander Lukashenko",
    "Лукашэнка",
    "Svetlana Tikhanovskaya",
    "Smith",
    "",
    "Minsk",
    "Мінск",
    "Ales Bialiatski",
    "Lukashenka, Aliaksandr",
]


def messy_rows(count: int, seed: int) -> bytes:
    """Many distinct values (known, typos, invented), quoted fields, ragged and blank lines."""
    rng = random.Random(seed)
    lines = ["id,name,city,note\r\n"]
    for i in range(count):
        name = rng.choice(NAMES)
        if rng.random() < 0.5:
            name = f"{name} {rng.randrange(10_000)}"
        if "," in name:
            name = f'"{name}"'
        kind = rng.random()
        if kind < 0.02:
            lines.append(f"{i},{name}\r\n")  # ragged
        elif kind < 0.03:
            lines.append("\r\n")  # blank
        else:
            lines.append(f'{i},{name},{rng.choice(NAMES[5:7])},"a\nb"\r\n')
    return "".join(lines).encode()


@pytest.fixture
def eager_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "POOL_AFTER", 5)
    monkeypatch.setattr(pipeline, "CHUNK", 3)
    monkeypatch.setattr(pipeline, "MAX_PENDING", 20)
    monkeypatch.setattr(pipeline, "MAX_INFLIGHT", 10)
    monkeypatch.setattr(pipeline, "WORKER_CHUNKS", 2)  # the pool is replaced as it goes


@pytest.mark.parametrize("columns", [["name"], ["name", "city"]], ids=["one", "two"])
def test_workers_write_the_same_bytes(
    runner: CliRunner, tmp_path: Path, eager_pool: None, columns: list[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(messy_rows(1500, seed=len(columns)))
    flags = [flag for name in columns for flag in ("-c", name)]
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.csv"
        result = runner.invoke(
            cli,
            [
                "clean",
                str(source),
                *flags,
                "-o",
                str(target),
                "--jobs",
                jobs,
                "--unmatched",
                str(tmp_path / f"u{jobs}.csv"),
            ],
            catch_exceptions=False,
        )
        assert result.exit_code == 0
        outputs.append(
            (target.read_bytes(), (tmp_path / f"u{jobs}.csv").read_bytes(), result.stderr)
        )
    assert outputs[0] == outputs[1]


def test_a_worker_error_reaches_the_command_and_nothing_is_written(
    runner: CliRunner, tmp_path: Path, eager_pool: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Registry, query: str, **kwargs: object) -> list[object]:
        if query.endswith(" 7"):
            raise RuntimeError(f"resolver broke on {query!r}")
        return original(self, query, **kwargs)

    original = Registry.lookup
    monkeypatch.setattr(Registry, "lookup", broken)  # the forked workers inherit it
    source = tmp_path / "in.csv"
    source.write_bytes(b"name\n" + b"".join(f"Smith {i}\n".encode() for i in range(40)))
    with pytest.raises(RuntimeError, match="resolver broke on 'Smith 7'"):
        runner.invoke(
            cli,
            ["clean", str(source), "-c", "name", "-o", str(tmp_path / "out.csv"), "-j", "2"],
            catch_exceptions=False,
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _reading_a_pipe(pid: int) -> bool:
    return "pipe" in Path(f"/proc/{pid}/wchan").read_text()


def _start(target: Path) -> subprocess.Popen[bytes]:
    """namenorm clean - reading a pipe, with a pool from the 6th value, replaced every 6 chunks."""
    env = {**os.environ, "NAMENORM_REGISTRY": str(REGISTRY)}
    code = (
        "import sys; from namenorm.batch import pipeline; from namenorm.cli import main; "
        "pipeline.POOL_AFTER = 5; pipeline.WORKER_CHUNKS = 3; main(sys.argv[1:])"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, "clean", "-", "-c", "name", "-o", str(target), "--jobs", "2"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def _wait_idle_on_stdin(proc: subprocess.Popen[bytes], folder: Path) -> list[int]:
    """Wait until the command has read everything sent so far, with its two workers up."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if (
            len(_children(proc.pid)) == 2
            and list(folder.glob(".out.csv.*.part"))
            and _reading_a_pipe(proc.pid)
        ):
            time.sleep(0.2)  # still reading after a moment: idle, not between reads
            if _reading_a_pipe(proc.pid):
                return _children(proc.pid)
        time.sleep(0.05)
    raise AssertionError("namenorm clean never waited on its input with two workers")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill the command and its workers if a test failed half-way (no orphans left)."""
    with contextlib.suppress(OSError):
        for pid in _children(proc.pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    proc.kill()
    proc.wait()


def _rows(start: int, count: int) -> bytes:
    return b"".join(f"Smith {i}\n".encode() for i in range(start, start + count))


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs /proc")
def test_a_pipe_that_pauses_does_not_stall_the_workers(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    proc = _start(target)
    try:
        assert proc.stdin is not None
        proc.stdin.write(b"name\n" + _rows(0, 1500))  # under a pipe's 64 KiB: never blocks
        proc.stdin.flush()
        _wait_idle_on_stdin(proc, tmp_path)
        proc.stdin.write(_rows(1500, 1500))  # the pool has been replaced meanwhile
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        _stop(proc)
    lines = target.read_text().splitlines()
    assert len(lines) == 3001
    assert lines[-1] == "Smith 2999,,,94.0,ambiguous"


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs /proc")
def test_ctrl_c_with_workers_leaves_no_output_and_no_processes(tmp_path: Path) -> None:
    proc = _start(tmp_path / "out.csv")
    try:
        assert proc.stdin is not None and proc.stderr is not None
        proc.stdin.write(b"name\n" + _rows(0, 1500))
        proc.stdin.flush()  # stdin stays open: the command waits for more rows
        workers = _wait_idle_on_stdin(proc, tmp_path)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 1
        assert proc.stderr.read().decode().endswith("Aborted!\n")
    finally:
        _stop(proc)
    assert list(tmp_path.iterdir()) == []
    for pid in workers:
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists() or stat.read_text().split()[2] == "Z"
