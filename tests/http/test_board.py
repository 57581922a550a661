"""The board the workers of one server share: slots, hashes, reload generations."""

from __future__ import annotations

import os
import subprocess
import sys

from namenorm.http.board import Board


def test_slots_report_and_lag() -> None:
    board = Board(2)
    me = os.getpid()
    slot = board.join(me)
    assert slot == 0 and board.join(me) == 0  # joining again keeps the slot
    board.report(slot, "a" * 64)
    assert board.served() == {me: "a" * 64}
    assert board.lagging("a" * 64) == []
    assert board.lagging("b" * 64) == [me]
    board.leave(slot)
    assert board.served() == {}


def test_a_dead_workers_slot_is_taken_over_and_not_waited_for() -> None:
    board = Board(1)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: its process ID is free
    assert board.join(child.pid) == 0
    board.report(0, "c" * 64)
    assert board.lagging("d" * 64) == []  # a dead worker is nobody to wait for
    assert board.join(os.getpid()) == 0


def test_generation_is_shared_with_forked_children() -> None:
    board = Board(1)
    assert board.generation == 0
    pid = os.fork()
    if pid == 0:  # the child asks for a reload and leaves at once
        board.request_reload()
        os._exit(0)
    os.waitpid(pid, 0)
    assert board.generation == 1
