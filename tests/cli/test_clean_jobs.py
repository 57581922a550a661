"""``namenorm clean --jobs``: worker processes (``namenorm.batch.pipeline``) give
the same bytes as one process, keep the row order, and leave nothing behind on
errors or Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REGISTRY, TERMINAL_SIGNALS

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


# Worker processes are forked, so the command runs in a child of its own: a
# fresh process with one thread, as from a shell. Forking the test runner
# itself (which holds the Dask cluster's and the test servers' threads) could
# copy a lock another thread holds, and hang the worker.
EAGER_POOL = """
import itertools
from namenorm.batch import clean as batch_clean, pipeline
pipeline.POOL_AFTER = 5
pipeline.CHUNK = 3
pipeline.MAX_PENDING = 20
pipeline.MAX_INFLIGHT = 10
pipeline.WORKER_CHUNKS = 2  # the pool is replaced as it goes
batch_clean._clock = itertools.count(0.0, 2.0).__next__
"""

BROKEN_RESOLVER = """
from namenorm.registry import Registry
original = Registry.lookup


def broken(self, query, **kwargs):
    if query.endswith(" 7"):
        raise RuntimeError(f"resolver broke on {query!r}")
    return original(self, query, **kwargs)


Registry.lookup = broken  # the forked workers inherit it
"""


def run_clean(args: list[str], setup: str) -> subprocess.CompletedProcess[bytes]:
    """``namenorm clean ARGS`` in a fresh process after ``setup``; bounded in time."""
    code = TERMINAL_SIGNALS + setup + "from namenorm.cli import main\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", code, "clean", *args],
        capture_output=True,
        env={**os.environ, "NAMENORM_REGISTRY": str(REGISTRY)},
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("columns", [["name"], ["name", "city"]], ids=["one", "two"])
def test_workers_write_the_same_bytes(tmp_path: Path, columns: list[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(messy_rows(1500, seed=len(columns)))
    flags = [flag for name in columns for flag in ("-c", name)]
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.csv"
        unmatched = tmp_path / f"u{jobs}.csv"
        args = [
            str(source),
            *flags,
            "-o",
            str(target),
            "--jobs",
            jobs,
            "--unmatched",
            str(unmatched),
        ]
        result = run_clean(args, EAGER_POOL)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append((target.read_bytes(), unmatched.read_bytes(), result.stderr))
    assert outputs[0] == outputs[1]


def test_a_worker_error_reaches_the_command_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"name\n" + b"".join(f"Smith {i}\n".encode() for i in range(40)))
    args = [str(source), "-c", "name", "-o", str(tmp_path / "out.csv"), "-j", "2"]
    result = run_clean(args, EAGER_POOL + BROKEN_RESOLVER)
    assert result.returncode != 0
    assert "RuntimeError: resolver broke on 'Smith 7'" in result.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


# The command under test, with a pipeline that pools early and replaces its pool
# often, and two hooks that tell the test what it does: before and after every
# read of standard input, and the process IDs of every pool it starts. Those notes
# are the test's only proof of state (no /proc polling, no sleeps).
CHILD = r"""
import io, os, sys
from namenorm.batch import pipeline
from namenorm.cli import clean, main

notes = int(sys.argv[1])


def note(text):
    os.write(notes, text.encode() + b"\n")


class Stdin(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, buffer):
        note("read")
        data = os.read(0, len(buffer))
        buffer[: len(data)] = data
        note(f"got {len(data)}")
        return len(data)


stdin = io.BufferedReader(Stdin(), 1 << 16)
clean.stdin_bytes = lambda: stdin
start_pool = pipeline.Pipeline._start_pool


def noted_start_pool(self):
    start_pool(self)
    note("pool " + " ".join(str(worker.pid) for worker in self.pool._pool))


pipeline.Pipeline._start_pool = noted_start_pool
pipeline.POOL_AFTER = 5
pipeline.WORKER_CHUNKS = 3
main(sys.argv[2:])
"""


class Child:
    """``namenorm clean -`` reading a pipe, and what its notes say it did."""

    def __init__(self, target: Path) -> None:
        env = {**os.environ, "NAMENORM_REGISTRY": str(REGISTRY)}
        notes, write_end = os.pipe()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                TERMINAL_SIGNALS + CHILD,
                str(write_end),
                *("clean", "-", "-c", "name"),
                *("-o", str(target), "--jobs", "2"),
            ],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            pass_fds=(write_end,),
            start_new_session=True,  # its own process group: stop() ends it and its workers
        )
        os.close(write_end)
        self.notes = notes
        self.pending = b""
        self.sent = 0
        self.consumed = 0
        self.workers: list[int] = []  # of the latest pool
        self.started: list[int] = []  # of every pool

    def send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()
        self.sent += len(data)

    def _note(self) -> str:
        while b"\n" not in self.pending:
            ready, _, _ = select.select([self.notes], [], [], 120)
            assert ready, "namenorm clean said nothing for 120 s"
            chunk = os.read(self.notes, 4096)
            assert chunk, "namenorm clean ended while the test waited for it"
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def _take(self, note: str) -> None:
        if note.startswith("got "):
            self.consumed += int(note.split()[1])
        elif note.startswith("pool "):
            self.workers = [int(pid) for pid in note.split()[1:]]
            self.started += self.workers

    def wait_blocked_on_input(self) -> None:
        """Return once the command has read all that was sent and waits in a read, with 2 workers.

        It cannot leave that read until the test sends more or closes the pipe.
        """
        while True:
            note = self._note()
            self._take(note)
            if note == "read" and self.consumed == self.sent and len(self.workers) == 2:
                return

    def read_to_the_end(self) -> None:
        """Take the notes of a command that has ended."""
        while True:
            ready, _, _ = select.select([self.notes], [], [], 120)
            assert ready, "the notes of an ended command never closed"
            chunk = os.read(self.notes, 4096)
            if not chunk:
                break
            self.pending += chunk
        for line in self.pending.decode().splitlines():
            self._take(line)
        self.pending = b""

    def stop(self) -> None:
        """Kill the command and its workers if a test failed half-way (no orphans left).

        The whole process group while its leader runs, never a remembered
        PID (an ended worker's PID may belong to another process by now).
        """
        if self.proc.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.notes)


def _rows(start: int, count: int) -> bytes:
    return b"".join(f"Smith {i}\n".encode() for i in range(start, start + count))


def test_a_pipe_that_pauses_does_not_stall_the_workers(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    child = Child(target)
    try:
        child.send(b"name\n" + _rows(0, 1500))  # under a pipe's 64 KiB: never blocks
        child.wait_blocked_on_input()
        first = list(child.started)
        child.send(_rows(1500, 1500))
        assert child.proc.stdin is not None
        child.proc.stdin.close()
        assert child.proc.wait(timeout=120) == 0
        child.read_to_the_end()
    finally:
        child.stop()
    assert len(child.started) > len(first) >= 2  # the pool was replaced after the pause too
    lines = target.read_text().splitlines()
    assert len(lines) == 3001
    assert lines[-1] == "Smith 2999,,,94.0,ambiguous"


def test_ctrl_c_with_workers_leaves_no_output_and_no_processes(tmp_path: Path) -> None:
    child = Child(tmp_path / "out.csv")
    try:
        child.send(b"name\n" + _rows(0, 1500))  # stdin stays open: the command waits for more
        child.wait_blocked_on_input()
        workers = list(child.workers)
        child.proc.send_signal(signal.SIGINT)
        assert child.proc.wait(timeout=60) == 1
        assert child.proc.stderr is not None
        assert child.proc.stderr.read().decode().endswith("Aborted!\n")
    finally:
        child.stop()
    assert list(tmp_path.iterdir()) == []
    for pid in workers:
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists() or stat.read_text().split()[2] == "Z"
