"""``namenorm.heldsignals``: signals held in the main thread are taken after the block,
and nothing masks them (a masked signal goes to another thread, and a main
thread blocked in a read never takes it)."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
import types
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

import namenorm
from namenorm.batch import pipeline
from namenorm.heldsignals import HELD, held

SOURCE = Path(namenorm.__file__).parent


@pytest.fixture
def taken() -> Iterator[list[int]]:
    """SIGHUP recorded by a handler of the test's, restored afterwards."""
    seen: list[int] = []

    def record(signum: int, frame: FrameType | None) -> None:
        seen.append(signum)

    previous = signal.signal(signal.SIGHUP, record)
    try:
        yield seen
    finally:
        signal.signal(signal.SIGHUP, previous)


def _until(condition: object, what: str) -> None:
    deadline = time.monotonic() + 30
    while not callable(condition) or not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.001)  # Python code runs between sleeps, and with it the handlers


def test_the_block_masks_none_of_the_signals() -> None:
    with held():
        masked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert masked.isdisjoint(HELD)


def test_only_the_pool_masks_signals_in_threads_of_its_own() -> None:
    masking = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if re.search(r"pthread_sigmask\(", path.read_text(encoding="utf-8"))
    ]
    assert masking == ["batch/pipeline.py"]  # in the pool's starter thread and its workers


def test_a_signal_inside_the_block_is_taken_after_it(taken: list[int]) -> None:
    with held() as noted:
        os.kill(os.getpid(), signal.SIGHUP)
        _until(lambda: noted, "the signal was not noted")
        assert taken == []
    assert taken == [signal.SIGHUP]
    assert signal.getsignal(signal.SIGHUP) is not None  # the test's handler is back


def test_an_exception_from_the_handler_leaves_the_block_after_the_clean_up() -> None:
    # Python's own Ctrl-C handler, whatever the runner inherited (a shell
    # starts a background job with SIGINT ignored, and Python keeps that).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), held() as noted:
            os.kill(os.getpid(), signal.SIGINT)
            _until(lambda: noted, "Ctrl-C was not noted")  # noted, not raised, inside the block
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)


def test_an_ignored_signal_stays_ignored(taken: list[int]) -> None:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    with held() as noted:
        os.kill(os.getpid(), signal.SIGHUP)
        _until(lambda: noted, "the signal was not noted")
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN and taken == []


def _sigblk(native_id: int) -> set[int]:
    """The signals a thread of this process blocks, from /proc."""
    for line in Path(f"/proc/self/task/{native_id}/status").read_text().splitlines():
        if line.startswith("SigBlk:"):
            mask = int(line.split()[1], 16)
            return {n for n in range(1, 65) if mask >> (n - 1) & 1}
    raise AssertionError("no SigBlk line")


def test_the_pool_threads_block_the_signals_and_the_main_thread_does_not() -> None:
    state = types.SimpleNamespace(registry=None, kind=None, jobs=1)
    before = set(threading.enumerate())
    pipeline.Pipeline._start_pool(state)  # type: ignore[arg-type]
    try:
        pool_threads = [t for t in threading.enumerate() if t not in before]
        assert len(pool_threads) == 3, [t.name for t in pool_threads]  # workers, tasks, results
        for thread in pool_threads:
            assert set(HELD) <= _sigblk(thread.native_id or 0), thread.name
        assert set(HELD).isdisjoint(signal.pthread_sigmask(signal.SIG_BLOCK, []))
    finally:
        state.pool.terminate()
        state.pool.join()
