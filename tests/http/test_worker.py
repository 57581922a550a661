"""The worker model (``namenorm.http.worker``): slow, idle and overrunning clients.

Servers run under gunicorn on loopback port 0 (see ``test_server.start``). No
assertion is about time: each test opens the slow or idle connections, then
checks what the server answers, or that a worker was replaced, with a bound on
how long it waits before failing.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from namenorm.http.worker import ReadTimeout, _DeadlineSocket

from .conftest import TOKEN
from .test_server import LISTENING, Server, start

WAIT = 90.0  # seconds before a test gives up waiting for what it expects

STALLED = (
    b"POST /v1/lookup HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
    b'Content-Length: 1000\r\n\r\n{"queries": ["Minsk", '
)


def _connect(server: Server) -> socket.socket:
    host, port = server.base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=WAIT)


def _lookups(server: Server, count: int) -> list[int]:
    """``count`` lookups, one after another; their statuses (0: no answer in time)."""
    statuses: list[int] = []

    def run() -> None:
        for _ in range(count):
            statuses.append(server.call("/v1/lookup?q=Minsk")[0])

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(WAIT)
    return statuses + [0] * (count - len(statuses))


@pytest.fixture
def slow_env(tmp_path: Path, registry_csv: Path) -> dict[str, str]:
    # one worker, so every slow connection lands on the worker the lookups need;
    # a read time-out longer than the test, so the stalled bodies stay stalled
    return {
        "NAMENORM_REGISTRY": str(registry_csv),
        "NAMENORM_WORKERS": "1",
        "NAMENORM_READ_TIMEOUT": "600",
        "NAMENORM_ADMIN_TOKEN": TOKEN,
        "NAMENORM_STATE_DIR": str(tmp_path / "state"),
        "NAMENORM_RELOAD_INTERVAL": "0",
    }


@pytest.fixture
def one_worker(tmp_path: Path, slow_env: dict[str, str]) -> Iterator[Server]:
    running = start(tmp_path / "server.log", slow_env)
    try:
        yield running
    finally:
        running.stop()


def test_lookups_answer_while_16_bodies_stall_and_100_connections_idle(
    one_worker: Server,
) -> None:
    held = []
    try:
        for _ in range(16):
            sock = _connect(one_worker)
            sock.sendall(STALLED)
            held.append(sock)
        held += [_connect(one_worker) for _ in range(100)]
        assert _lookups(one_worker, 20) == [200] * 20
    finally:
        for sock in held:
            sock.close()


def test_a_body_that_stalls_past_the_read_timeout_is_answered_408(
    tmp_path: Path, slow_env: dict[str, str]
) -> None:
    server = start(tmp_path / "server.log", {**slow_env, "NAMENORM_READ_TIMEOUT": "1"})
    try:
        with _connect(server) as sock:
            sock.sendall(STALLED)
            answer = b""
            while chunk := sock.recv(65536):  # the server answers, then closes
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), answer
        assert json.loads(body)["error"]["code"] == "request_timeout"
        assert _lookups(server, 3) == [200] * 3
        assert "Traceback" not in server.log.read_text()
    finally:
        server.stop()


def test_a_request_that_trickles_gets_no_time_past_its_deadline() -> None:
    left, right = socket.socketpair()
    with left, right:
        sock = _DeadlineSocket.adopt(left, 0.05)
        sock.setblocking(True)  # a thread starts on the request: the deadline starts
        right.sendall(b"G")
        assert sock.recv(1) == b"G"
        time.sleep(0.1)  # let the deadline pass (the outcome does not depend on how much)
        right.sendall(b"E")  # a byte is there, but the request is late as a whole
        with pytest.raises(ReadTimeout, match=r"within 0\.05 s"):
            sock.recv(1)
        sock.setblocking(False)  # back in the poller: no deadline
        sock.setblocking(True)  # the next request has its own
        assert sock.recv(1) == b"E"
        sock.close()


OVERRUN_SERVER = """
import sys, threading
from namenorm import Registry
from namenorm.http import create_app
from namenorm.http.server import Timing, serve

def factory():
    app = create_app(Registry.from_csv(sys.argv[1]), config={"ACCESS_LOG": False})

    @app.get("/_test/stuck")
    def stuck():
        threading.Event().wait(600)  # a request that never finishes
        return "never"

    return app

serve(factory, host="127.0.0.1", port=0, workers=1,
      timing=Timing(overrun=1.0, heartbeat=2))
"""

READY = re.compile(rb"worker (\d+) ready")


def test_a_worker_whose_request_overruns_is_replaced(tmp_path: Path, registry_csv: Path) -> None:
    log = tmp_path / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", OVERRUN_SERVER, str(registry_csv)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=os.environ.copy(),
        )
    try:
        first = _wait_for(log, process, lambda text: READY.findall(text)[:1])
        port = int(_wait_for(log, process, lambda text: LISTENING.findall(text)[:1])[0])
        stuck = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
        stuck.sendall(b"GET /_test/stuck HTTP/1.1\r\nHost: t\r\n\r\n")
        workers = _wait_for(log, process, lambda text: READY.findall(text)[1:])
        assert workers[0] != first[0]
        assert b"stopping the heartbeat" in log.read_bytes()
        stuck.close()
        server = Server(f"http://127.0.0.1:{port}", process, log)
        assert _lookups(server, 3) == [200] * 3
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _wait_for(log: Path, process: subprocess.Popen[bytes], found: object) -> list[bytes]:
    deadline = time.monotonic() + WAIT
    while True:
        hits: list[bytes] = found(log.read_bytes())  # type: ignore[operator]
        if hits:
            return hits
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"not found in the server log:\n{log.read_text()}")
        time.sleep(0.05)
