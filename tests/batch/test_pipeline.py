"""namenorm.batch.pipeline: worker processes and the command's signals."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from ..cli.conftest import TERMINAL_SIGNALS

# A fresh process (not the forked test runner) with the command's handlers
# installed starts a pool whose first worker is sent SIGTERM before its own
# initializer runs, as when the pool is torn down while its workers start.
EARLY_SIGTERM = """
import multiprocessing.pool
import os, signal, types
from namenorm.batch import pipeline
from namenorm.cli.signals import abort_on_signals
from namenorm.registry import Registry

real_init = pipeline._init_worker


def signalled_early():
    os.kill(os.getpid(), signal.{sig})
    sum(range(1000))  # bytecodes at which a handler inherited from the command would run
    real_init()


pipeline._init_worker = signalled_early
# The workers as started: the pool drops an ended worker from its own list.
started = []
populate = multiprocessing.pool.Pool._repopulate_pool_static


def recording(*args):
    populate(*args)
    started.extend(args[3])


multiprocessing.pool.Pool._repopulate_pool_static = staticmethod(recording)
state = types.SimpleNamespace(registry=None, kind=None, jobs=1)
with abort_on_signals():
    pipeline.Pipeline._start_pool(state)
    first = started[0]
    first.join(120)
    state.pool.terminate()
    state.pool.join()
print(first.exitcode)
"""


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_a_signal_before_the_worker_is_set_up_ends_the_worker(sig: str) -> None:
    code = TERMINAL_SIGNALS + EARLY_SIGTERM.replace("{sig}", sig)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    # Ended by the signal itself, not by an exception from the command's handler
    # (which, raised where it is swallowed, would leave the worker running).
    assert int(result.stdout) == -getattr(signal, sig), result.stderr.decode()
    assert b"Signalled" not in result.stderr


# A worker killed while it puts a result keeps the results queue's lock: here the
# lock is taken first, and the pipeline is left by an error. Pool.terminate()
# alone would wait for that lock for ever.
STUCK_LOCK = """
import types
from namenorm.batch import pipeline

pipeline.TEARDOWN_GRACE = 1.0
state = types.SimpleNamespace(registry=None, kind=None, jobs=2)
pipeline.Pipeline._start_pool(state)
workers = list(state.pool._pool)
assert state.pool._outqueue._wlock.acquire(timeout=60)
pipeline.Pipeline.__exit__(state, RuntimeError, RuntimeError("a row broke"), None)
print(state.pool, *(worker.is_alive() for worker in workers))
"""


def test_an_error_ends_the_workers_even_when_a_queue_lock_is_held() -> None:
    result = subprocess.run(
        [sys.executable, "-c", TERMINAL_SIGNALS + STUCK_LOCK],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.split() == [b"None", b"False", b"False"]


def test_an_outcome_names_its_fields() -> None:
    from pathlib import Path

    from namenorm import Registry
    from namenorm.batch import Outcome, outcome

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
    registry = Registry.from_csv(fixtures / "registry.csv")
    found = outcome(registry, "Alexander Lukashenko", None)
    assert found._fields == ("status", "id", "name", "score", "candidates")
    assert (found.status, found.id, found.name) == (
        "matched",
        "lukashenka-alaksandr",
        "Aliaksandr Lukashenka",
    )
    assert found.candidates.startswith("lukashenka-alaksandr:")
    assert outcome(registry, "  ", None) == Outcome("empty", "", "", None, "")
