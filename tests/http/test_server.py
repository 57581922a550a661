"""The real server: ``run_server`` starts gunicorn on a free loopback port, it
answers a lookup and a reconciliation batch, reloads every worker on an admin
reload, writes one access line per request, and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from namenorm.http.server import gunicorn_options

from .conftest import TOKEN

START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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
    ) -> tuple[int, Any]:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


@pytest.fixture
def server(tmp_path: Path, registry_csv: Path) -> Iterator[Server]:
    port = free_port()
    env = {
        **os.environ,
        "NAMENORM_REGISTRY": str(registry_csv),
        "NAMENORM_WORKERS": "2",
        "NAMENORM_ADMIN_TOKEN": TOKEN,
    }
    log = tmp_path / "server.log"
    code = f"from namenorm.http import run_server; run_server(host='127.0.0.1', port={port})"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    running = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"server exited with {process.returncode}:\n{log.read_text()}")
            try:
                if running.call("/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"server not up after {START_TIMEOUT} s:\n{log.read_text()}")
            time.sleep(0.1)
        yield running
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def test_gunicorn_serves_lookups_and_reconciliation_and_stops_cleanly(server: Server) -> None:
    status, body = server.call("/v1/lookup?q=Viktor+Babariko")
    assert status == 200
    assert body["status"] == "matched"
    assert body["match"]["id"] == "babaryka-viktar"

    batch = {"q0": {"query": "Minsk"}, "q1": {"query": "Babaryka", "type": "person"}}
    form = urllib.parse.urlencode({"queries": json.dumps(batch)}).encode()
    status, body = server.call("/reconcile", data=form)
    assert status == 200
    assert body["q0"]["result"][0]["match"] is True
    assert [c["match"] for c in body["q1"]["result"]] == [False, False]

    status, body = server.call("/v1/entities/nobody")
    assert status == 404 and body["error"]["code"] == "not_found"

    server.process.terminate()
    assert server.process.wait(timeout=STOP_TIMEOUT) == 0
    lines = server.log.read_text().splitlines()
    assert "GET /v1/lookup 200" in "\n".join(lines)
    assert any(line.startswith("POST /reconcile 200 ") and line.endswith("ms") for line in lines)
    assert any(line.startswith("GET /v1/entities/nobody 404 ") for line in lines)


def test_admin_reload_reaches_every_worker(server: Server, registry_csv: Path) -> None:
    _, before = server.call("/health")
    registry_csv.write_text(
        registry_csv.read_text(encoding="utf-8") + "brest,place,en,Brest,1\n", encoding="utf-8"
    )
    status, body = server.call(
        "/v1/admin/reload", data=b"", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert status == 200
    new = body["registry_hash"]
    assert new != before["registry_hash"]
    # Every fresh connection, whichever worker takes it, must soon see the new registry.
    deadline = time.monotonic() + 20
    streak = 0
    while streak < 20:
        assert time.monotonic() < deadline, "workers still serve the old registry"
        try:
            _, health = server.call("/health")
        except OSError:  # a worker being replaced
            streak = 0
            time.sleep(0.1)
            continue
        streak = streak + 1 if health["registry_hash"] == new else 0
        if streak == 0:
            time.sleep(0.1)
    assert server.call("/v1/lookup?q=Brest")[1]["match"]["id"] == "brest"


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
