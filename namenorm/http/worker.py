"""gunicorn's threaded worker, made to hold against slow, idle and overrunning requests.

Three changes to ``gunicorn.workers.gthread.ThreadWorker``:

- a new connection waits in the worker's poller, not on a thread, until its
  first bytes arrive, so an idle connection costs a file descriptor and no
  thread (it is closed after the keep-alive time-out);
- a request must arrive whole within :attr:`Worker.read_timeout` seconds of
  the moment a thread starts reading it, so a client that stalls or trickles
  frees its thread when the time is up (a late body is answered 408, late
  headers close the connection);
- a request still running :attr:`Worker.overrun` seconds after it started
  stops the worker's heartbeat, so gunicorn's master replaces the worker
  (it cannot see a busy thread otherwise).

Left out: HTTP/2 and TLS connections are served as gunicorn serves them.
"""

from __future__ import annotations

import errno
import logging
import selectors
import socket
import threading
import time
from functools import partial
from typing import Any

from gunicorn.workers.gthread import TConn, ThreadWorker

__all__ = ["ReadTimeout", "Worker", "worker_class"]

log = logging.getLogger("namenorm.http.worker")


class ReadTimeout(TimeoutError):
    """A client did not send its whole request in time."""


class _DeadlineSocket(socket.socket):
    """A client socket whose blocking reads share one deadline per request.

    gunicorn makes the socket blocking (``setblocking(True)``) each time a thread
    starts on a request; that starts the deadline. Writes wait at most the read
    time-out each (a client that does not read its answer is dropped too).
    """

    read_timeout: float = 10.0
    deadline: float | None = None

    @classmethod
    def adopt(cls, sock: socket.socket, read_timeout: float) -> _DeadlineSocket:
        new = cls(sock.family, sock.type, sock.proto, fileno=sock.detach())
        new.read_timeout = read_timeout
        return new

    def setblocking(self, flag: bool) -> None:
        if flag:
            self.deadline = time.monotonic() + self.read_timeout
            super().settimeout(self.read_timeout)
        else:
            self.deadline = None
            super().setblocking(False)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise ReadTimeout(f"request not received within {self.read_timeout:g} s")
            super().settimeout(left)
            try:
                return super().recv(bufsize, flags)
            except TimeoutError:
                raise ReadTimeout(f"request not received within {self.read_timeout:g} s") from None
        return super().recv(bufsize, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        if self.deadline is not None:
            super().settimeout(self.read_timeout)
        super().sendall(data, flags)

    def send(self, data: Any, flags: int = 0) -> int:
        if self.deadline is not None:
            super().settimeout(self.read_timeout)
        return super().send(data, flags)


class _QuietTimeouts(logging.Filter):
    """gunicorn logs any socket error with a traceback; a late client is one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], ReadTimeout):
            record.msg, record.args = "closed a connection: %s", (record.exc_info[1],)
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


class Worker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's ``gthread`` worker with read deadlines, idle connections off the
    threads, and a heartbeat that stops while a request overruns."""

    #: Seconds a client has to send a whole request.
    read_timeout: float = 10.0
    #: Seconds after which a running request gets its worker replaced.
    overrun: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running: dict[int, float] = {}  # thread ID -> start of its request
        self.overrunning = False

    def init_process(self) -> None:
        logging.getLogger("gunicorn.error").addFilter(_QuietTimeouts())
        super().init_process()

    # -- connections -----------------------------------------------------------------
    def accept(self, listener: Any) -> None:
        """Accept a connection and wait for its first bytes in the poller."""
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        sock = _DeadlineSocket.adopt(client, self.read_timeout)
        conn = TConn(self.cfg, sock, address, listener.getsockname())  # non-blocking now
        conn.timeout = time.monotonic() + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(
            conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
        )

    # -- overrunning requests ---------------------------------------------------------
    def handle_request(self, req: Any, conn: Any) -> Any:
        key = threading.get_ident()
        self.running[key] = time.monotonic()
        try:
            return super().handle_request(req, conn)
        finally:
            self.running.pop(key, None)

    def notify(self) -> None:
        """Beat, unless a request has run longer than :attr:`overrun` seconds."""
        started = min(self.running.values(), default=None)
        if started is not None and time.monotonic() - started > self.overrun:
            if not self.overrunning:
                self.overrunning = True
                self.alive = False  # take no new connections
                log.error(
                    "worker %d: a request has run for over %g s; stopping the heartbeat "
                    "so that the master replaces this worker",
                    self.pid,
                    self.overrun,
                )
            return
        super().notify()


def worker_class(*, read_timeout: float, overrun: float) -> type[Worker]:
    """A :class:`Worker` class with these time-outs (gunicorn takes a class)."""
    return type("Worker", (Worker,), {"read_timeout": read_timeout, "overrun": overrun})
