"""Turn SIGTERM and SIGHUP into an exception while a command writes files, so it cleans up.

A process stopped by ``kill`` (SIGTERM) or by its terminal closing (SIGHUP)
would otherwise die without running ``finally`` blocks and leave the hidden
temporary file of an atomic output behind. Inside :func:`abort_on_signals`
those signals raise :class:`Signalled` (a ``BaseException``, like Ctrl-C's
``KeyboardInterrupt``), so every ``with`` block unwinds; the command then
ends by the same signal, so its parent sees what happened. Left out:
SIGINT (Python already raises ``KeyboardInterrupt``; click prints
"Aborted!" and exits 1) and SIGKILL, which cannot be caught.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["CAUGHT", "Signalled", "abort_on_signals"]

#: Signals that end a command after it has cleaned up.
CAUGHT: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGHUP)


class Signalled(BaseException):
    """A signal in :data:`CAUGHT` arrived; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    for sig in CAUGHT:  # a second signal must not interrupt the clean-up
        signal.signal(sig, signal.SIG_IGN)
    raise Signalled(signum)


@contextlib.contextmanager
def abort_on_signals() -> Iterator[None]:
    """Inside the block, SIGTERM and SIGHUP unwind it; after the clean-up, the process ends by them.

    Only the main thread can take signals; elsewhere (a test runner's
    worker thread) the block runs as it is. A signal the process ignores
    (``nohup`` ignores SIGHUP) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {
        sig: signal.signal(sig, _raise)
        for sig in CAUGHT
        if signal.getsignal(sig) is signal.SIG_DFL  # one ignored (nohup) stays ignored
    }
    try:
        yield
    except Signalled as exc:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        print(f"Aborted ({signal.Signals(exc.signum).name})!", file=sys.stderr, flush=True)
        signal.signal(exc.signum, signal.SIG_DFL)
        signal.raise_signal(exc.signum)
        raise  # the default action of both is to end the process; this is not reached
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
