"""The real server: ``run_server`` under gunicorn on loopback.

Each server binds port 0 and the test reads the port gunicorn got from its
``Listening at:`` log line, so no port is ever released and bound again. It
answers lookups and reconciliation, reloads every worker before an admin
reload answers, starts from the last good copy of a broken registry file,
refuses to start with no usable registry, and two servers on one file switch
to a new version with no failed request in between.
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
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from namenorm.http.server import gunicorn_options

from .conftest import SMALL_CSV, TOKEN

START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0
LISTENING = re.compile(rb"Listening at: http://127\.0\.0\.1:(\d+)")
READY = re.compile(rb"worker \d+ ready: registry")
BREST = "brest,place,en,Brest,1\n"


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def call(
        self,
        path: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any, dict[str, str]]:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read()), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read()), dict(error.headers)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        return self.process.returncode


def start(log: Path, env: dict[str, str]) -> Server:
    """Start ``run_server`` on port 0; return once every worker has logged that it is ready."""
    code = "from namenorm.http import run_server; run_server(host='127.0.0.1', port=0)"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", code],
            env={**os.environ, **env},
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_TIMEOUT
    workers = int(env.get("NAMENORM_WORKERS", "2"))
    while True:
        text = log.read_bytes()
        found = LISTENING.search(text)
        if found and len(READY.findall(text)) >= workers:
            server = Server(f"http://127.0.0.1:{int(found.group(1))}", process, log)
            while True:  # the port is bound; wait for a worker to answer
                try:
                    if server.call("/health")[0] == 200:
                        return server
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
        if process.poll() is not None:
            pytest.fail(f"server exited with {process.returncode}:\n{log.read_text()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"server not up after {START_TIMEOUT} s:\n{log.read_text()}")
        time.sleep(0.05)


@pytest.fixture
def environment(tmp_path: Path, registry_csv: Path) -> dict[str, str]:
    return {
        "NAMENORM_REGISTRY": str(registry_csv),
        "NAMENORM_WORKERS": "2",
        "NAMENORM_ADMIN_TOKEN": TOKEN,
        "NAMENORM_STATE_DIR": str(tmp_path / "state"),
        "NAMENORM_RELOAD_INTERVAL": "0",
    }


@pytest.fixture
def server(tmp_path: Path, environment: dict[str, str]) -> Iterator[Server]:
    running = start(tmp_path / "server.log", environment)
    try:
        yield running
    finally:
        running.stop()


def test_gunicorn_serves_lookups_and_reconciliation_and_stops_cleanly(server: Server) -> None:
    status, body, headers = server.call("/v1/lookup?q=Viktor+Babariko")
    assert status == 200
    assert body["status"] == "matched"
    assert body["match"]["id"] == "babaryka-viktar"
    assert re.fullmatch(r"[0-9a-f]{64}", headers["X-Registry-Version"])

    batch = {"q0": {"query": "Minsk"}, "q1": {"query": "Babaryka", "type": "person"}}
    form = urllib.parse.urlencode({"queries": json.dumps(batch)}).encode()
    status, body, _ = server.call("/reconcile", data=form)
    assert status == 200
    assert body["q0"]["result"][0]["match"] is True
    assert [c["match"] for c in body["q1"]["result"]] == [False, False]

    status, body, _ = server.call("/v1/entities/nobody")
    assert status == 404 and body["error"]["code"] == "not_found"

    assert server.stop() == 0
    lines = server.log.read_text().splitlines()
    assert "GET /v1/lookup 200" in "\n".join(lines)
    assert any(line.startswith("POST /reconcile 200 ") and line.endswith("ms") for line in lines)
    assert any(line.startswith("GET /v1/entities/nobody 404 ") for line in lines)


def test_admin_reload_answers_once_every_worker_serves_the_new_file(
    server: Server, registry_csv: Path
) -> None:
    _, before, _ = server.call("/health")
    registry_csv.write_text(SMALL_CSV + BREST, encoding="utf-8")
    status, body, _ = server.call(
        "/v1/admin/reload", data=b"", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert status == 200, body
    new = body["registry_hash"]
    assert new != before["registry_hash"] and body["workers"] == 2
    # No waiting: whichever worker takes each fresh connection serves the new file.
    for _ in range(20):
        _, health, headers = server.call("/health")
        assert health["registry_hash"] == new == headers["X-Registry-Version"]
    assert server.call("/v1/lookup?q=Brest")[1]["match"]["id"] == "brest"


def test_a_broken_file_at_start_serves_its_last_good_copy(
    tmp_path: Path, environment: dict[str, str], registry_csv: Path
) -> None:
    first = start(tmp_path / "first.log", environment)
    _, good, _ = first.call("/health")
    first.stop()
    registry_csv.write_text(SMALL_CSV + "nobody,giant,en,Nobody,1\n", encoding="utf-8")
    second = start(tmp_path / "second.log", environment)
    try:
        _, health, _ = second.call("/health")
        assert health["status"] == "degraded"
        assert health["registry_hash"] == good["registry_hash"]
        error = health["registry_error"]
        assert error["path"] == str(registry_csv)
        assert error["problems"][0]["line"] == 15 and error["problems"][0]["field"] == "kind"
        assert second.call("/v1/lookup?q=Minsk")[1]["match"]["id"] == "minsk"
    finally:
        second.stop()
    log = (tmp_path / "second.log").read_text()
    assert "registry broken, serving its last good copy" in log
    assert "Traceback" not in log


def test_serve_without_a_usable_registry_is_one_line_and_status_2(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NAMENORM_REGISTRY": str(tmp_path / "missing.csv"),
        "NAMENORM_STATE_DIR": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "namenorm", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: no usable registry: cannot read ")
    assert "missing.csv" in lines[0] and "no last good copy" in lines[0]


@dataclass
class Traffic:
    """A client loop of lookups against several servers, until stopped."""

    servers: list[Server]
    stop: threading.Event = field(default_factory=threading.Event)
    errors: list[str] = field(default_factory=list)
    seen: list[tuple[str, bool]] = field(default_factory=list)  # (version, Brest matched)

    def run(self) -> None:
        while not self.stop.is_set():
            for server in self.servers:
                try:
                    status, body, headers = server.call("/v1/lookup?q=Brest")
                except OSError as exc:
                    self.errors.append(repr(exc))
                    continue
                if status != 200:
                    self.errors.append(f"{status} {body}")
                    continue
                self.seen.append((headers["X-Registry-Version"], body["status"] == "matched"))


def test_two_servers_on_one_file_switch_together_without_a_failed_request(
    tmp_path: Path, environment: dict[str, str], registry_csv: Path
) -> None:
    env = {**environment, "NAMENORM_RELOAD_INTERVAL": "1"}
    servers = [start(tmp_path / f"server{i}.log", env) for i in range(2)]
    traffic = Traffic(servers)
    loop = threading.Thread(target=traffic.run)
    try:
        old = servers[0].call("/health")[1]["registry_hash"]
        loop.start()
        registry_csv.write_text(SMALL_CSV + "nobody,giant,en,Nobody,1\n", encoding="utf-8")
        broken = _wait_for(servers, lambda h: h["status"] == "degraded")
        assert all(h["registry_hash"] == old for h in broken)  # a broken file is never served
        registry_csv.write_text(SMALL_CSV + BREST, encoding="utf-8")
        switched = _wait_for(servers, lambda h: h["registry_hash"] != old and h["status"] == "ok")
        new = switched[0]["registry_hash"]
        assert {h["registry_hash"] for h in switched} == {new}
    finally:
        traffic.stop.set()
        if loop.is_alive():
            loop.join(timeout=60)
        for server in servers:
            server.stop()
    assert traffic.errors == []
    versions = {version for version, _ in traffic.seen}
    assert versions <= {old, new} and len(traffic.seen) > 0
    # Every answer is whole: the old registry never knows Brest, the new one always does.
    assert all(matched == (version == new) for version, matched in traffic.seen)


def _wait_for(servers: list[Server], done: Any, limit: float = 60.0) -> list[dict[str, Any]]:
    """``/health`` of every worker of every server once ``done`` holds for all of them."""
    deadline = time.monotonic() + limit
    while True:
        # Four fresh connections per server reach both of its workers in practice;
        # the streak below asks for the condition on many answers in a row.
        answers = [s.call("/health")[1] for s in servers for _ in range(4)]
        if all(done(h) for h in answers):
            again = [s.call("/health")[1] for s in servers for _ in range(10)]
            if all(done(h) for h in again):
                return again
        assert time.monotonic() < deadline, answers
        time.sleep(0.2)


def test_options_bind_ipv6_in_brackets() -> None:
    assert gunicorn_options("::1", 8000, 2)["bind"] == "[::1]:8000"
    assert gunicorn_options("127.0.0.1", 8000, 2)["bind"] == "127.0.0.1:8000"


def test_bad_port_setting_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from namenorm import InvalidInputError
    from namenorm.http import run_server

    monkeypatch.setenv("NAMENORM_PORT", "eighty")
    with pytest.raises(InvalidInputError, match="'eighty'"):
        run_server()
    with pytest.raises(InvalidInputError, match="70000"):
        run_server(port=70000)


def _raw(server: Server, request: bytes) -> tuple[int, str, dict[str, Any]]:
    """Send raw bytes; the status, content type and JSON body of the answer."""
    host, port = server.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers["Content-Type"], json.loads(body)


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        (b"GET /v1/lookup?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
        (
            b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n",
            431,
            "request_header_fields_too_large",
        ),
        (b"NOT A REQUEST LINE\r\n\r\n", 400, "bad_request"),
    ],
    ids=["414", "431", "400"],
)
def test_server_level_errors_are_the_json_error_shape(
    server: Server, request_bytes: bytes, status: int, code: str
) -> None:
    got, content_type, body = _raw(server, request_bytes)
    assert (got, content_type) == (status, "application/json")
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert body["error"]["message"]
