"""Hold Ctrl-C, SIGTERM and SIGHUP for the length of a block, in the main thread, with no signal mask.

Masking a signal in the main thread (``pthread_sigmask``) does not hold it
for the process: the kernel hands a signal sent to the process to any
thread that does not mask it, such as the OpenBLAS thread numpy starts, and
Python then runs the handler only when the main thread next runs Python
code. A main thread that meanwhile blocks reading a pipe that stays open
never does, and the command hangs (seen under load: ``namenorm clean -``
signalled while it created its temporary file). So :func:`held` swaps each
handler for one that notes the signal and, after the block, puts the
handlers back and raises each noted signal again in the main thread, where
its own handler (or default action) takes it at once.

Left out: other threads, where a block runs as it is (only the main thread
sets handlers), and handlers installed by C code (no Python handler to put
back), which are left in place.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

__all__ = ["HELD", "held"]

#: The signals :func:`held` holds: those a command turns into an exception.
HELD: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


@contextlib.contextmanager
def held(signals: tuple[signal.Signals, ...] = HELD) -> Iterator[list[int]]:
    """Inside the block, ``signals`` are noted instead of handled; after it, raised again.

    Yields the list of the signals noted so far.
    """
    noted: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield noted
        return

    def note(signum: int, frame: FrameType | None) -> None:
        noted.append(signum)

    previous: dict[int, _Handler] = {}
    try:
        for sig in signals:
            if signal.getsignal(sig) is not None:
                previous[sig] = signal.signal(sig, note)
        yield noted
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for signum in dict.fromkeys(noted):
            if signum in previous:
                signal.raise_signal(signum)
