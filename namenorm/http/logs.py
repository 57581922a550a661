"""The service's log lines: one per record, on whatever ``sys.stderr`` is then.

:func:`stderr_logger` gives the access log (``namenorm.http.app``) and the
registry watcher's log (``namenorm.http.watch``) the same handler, so a
test that swaps ``sys.stderr`` sees their lines and a failed write never
fails a request or stops the watcher. Left out: gunicorn's own log.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["StderrHandler", "stderr_logger"]


class StderrHandler(logging.Handler):
    """Write each record as one line to whatever ``sys.stderr`` is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:  # a log line must never fail a request or stop the watcher
            self.handleError(record)


def stderr_logger(name: str) -> logging.Logger:
    """The logger ``name`` at INFO, writing through one :class:`StderrHandler`."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        logger.addHandler(StderrHandler())
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger
