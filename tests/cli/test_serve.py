"""namenorm serve hands its options to namenorm.http.run_server."""

from __future__ import annotations

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
