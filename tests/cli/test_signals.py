"""namenorm clean stopped by a signal it can catch leaves no file behind.

The command runs in a child process reading a pipe that stays open, so it
is mid-run (its hidden temporary output exists) when the signal arrives;
that file's existence is the signal to send it, not a sleep.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import REGISTRY, namenorm_command


def _wait_for(folder: Path, pattern: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not list(folder.glob(pattern)):
        assert proc.poll() is None, "namenorm clean ended before it was signalled"
        assert time.monotonic() < deadline, f"no {pattern} in {folder}"
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("signum", "status", "message"),
    [
        (signal.SIGTERM, -signal.SIGTERM, "Aborted (SIGTERM)!\n"),
        (signal.SIGHUP, -signal.SIGHUP, "Aborted (SIGHUP)!\n"),
        (signal.SIGINT, 1, "Aborted!\n"),
    ],
    ids=["term", "hup", "int"],
)
def test_a_signal_mid_run_leaves_no_temporary_file(
    tmp_path: Path, signum: int, status: int, message: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        namenorm_command("clean", "-", "-c", "name", "-o", str(out / "x.csv")),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NAMENORM_REGISTRY": str(REGISTRY)},
    )
    try:
        assert proc.stdin is not None and proc.stderr is not None
        proc.stdin.write(b"name\n" + b"Smith\n" * 2000)  # more than the sniffers wait for
        proc.stdin.flush()  # the pipe stays open: the command waits for more rows
        _wait_for(out, ".x.csv.*.part", proc)
        proc.send_signal(signum)
        assert proc.wait(timeout=60) == status
        assert proc.stderr.read().decode().endswith(message)
    finally:
        proc.kill()
        proc.wait()
    assert list(out.iterdir()) == []
