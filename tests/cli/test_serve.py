"""namenorm serve hands its options to namenorm.http.run_server; a bad setting
stops it with one line and status 2 before anything starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import namenorm.http
from namenorm.cli import cli


def test_serve_passes_options(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(namenorm.http, "run_server", lambda **kwargs: calls.append(kwargs))
    result = runner.invoke(
        cli, ["serve", "--port", "8081", "--workers", "3"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert calls == [{"host": None, "port": 8081, "workers": 3}]
    runner.invoke(cli, ["serve"], catch_exceptions=False)
    assert calls[-1] == {"host": None, "port": None, "workers": None}


def test_serve_rejects_a_bad_port(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["serve", "--port", "0"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Invalid value for '--port': 0 is not in the range 1<=x<=65535." in result.stderr


@pytest.mark.parametrize(
    ("env", "value", "expected"),
    [
        ("NAMENORM_RELOAD_INTERVAL", "soon", "NAMENORM_RELOAD_INTERVAL='soon' is not a number"),
        ("NAMENORM_RELOAD_INTERVAL", "-1", "expected 0 to 86400"),
        ("NAMENORM_TIME_BUDGET", "forever", "NAMENORM_TIME_BUDGET='forever' is not a number"),
        ("NAMENORM_PORT", "eighty", "NAMENORM_PORT='eighty' is not a number; expected 0 to"),
        ("NAMENORM_WORKERS", "0", "NAMENORM_WORKERS is 0; expected 1 to 64"),
        ("NAMENORM_THREADS", "many", "NAMENORM_THREADS='many' is not a number"),
        ("NAMENORM_READ_TIMEOUT", "9999", "NAMENORM_READ_TIMEOUT is 9999; expected 1 to 600"),
        ("NAMENORM_PUBLIC_URL", "names.example.org", "NAMENORM_PUBLIC_URL='names.example.org'"),
        ("NAMENORM_INDEX_CACHE_FROM", "lots", "NAMENORM_INDEX_CACHE_FROM is 'lots'"),
        ("NAMENORM_HOST", "no.such.host.invalid", "host 'no.such.host.invalid' (--host or"),
        ("NAMENORM_STATE_DIR", "/proc/namenorm-state", "NAMENORM_STATE_DIR '/proc/namenorm-state'"),
    ],
)
def test_a_bad_setting_is_one_line_and_status_2(
    runner: CliRunner, env: str, value: str, expected: str
) -> None:
    result = runner.invoke(cli, ["serve"], env={env: value}, catch_exceptions=False)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: ") and expected in lines[0]


def test_a_bad_reload_interval_stops_serve_before_any_worker(tmp_path: Path) -> None:
    env = {**os.environ, "NAMENORM_RELOAD_INTERVAL": "5s", "NAMENORM_STATE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "namenorm", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "Error: NAMENORM_RELOAD_INTERVAL='5s' is not a number of seconds; expected 0 to 86400"
    ]
