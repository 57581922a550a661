"""The service's log lines (``namenorm.http.logs``): one handler for the access
log and the registry watcher, writing to whatever ``sys.stderr`` is then."""

from __future__ import annotations

import io
import logging

import pytest

from namenorm.http.logs import StderrHandler, stderr_logger


def test_both_logs_share_one_kind_of_handler() -> None:
    for name in ("namenorm.http.access", "namenorm.http.registry"):
        import namenorm.http.app
        import namenorm.http.watch  # noqa: F401

        handlers = logging.getLogger(name).handlers
        assert [type(h) for h in handlers if isinstance(h, StderrHandler)] == [StderrHandler]


def test_a_line_goes_to_the_current_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = stderr_logger("namenorm.http.test-logs")
    assert stderr_logger("namenorm.http.test-logs") is logger and len(logger.handlers) == 1
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    logger.info("GET /health %d", 200)
    assert stream.getvalue() == "GET /health 200\n"


def test_a_failed_write_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError("disk full")

    monkeypatch.setattr("sys.stderr", Broken())
    monkeypatch.setattr(logging, "raiseExceptions", False)
    stderr_logger("namenorm.http.test-logs").info("still fine")
