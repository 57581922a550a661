"""What one query may cost: the typo search's work, counted and capped.

The query's shape is capped elsewhere (``namenorm.index.shape``: words per
name, letters per word, words per span). Within that, the typo pass grows
fastest: it probes each span's sound keys in their deletion neighbourhood (a
key of *n* symbols has about *n²/2* two-deletion neighbours) and reads every
swapped-letter form of a word. So a query makes at most
:data:`MAX_TYPO_PROBES` probes and :data:`MAX_SWAPPED_FORMS` swapped forms,
the likeliest spans first; what the budget cannot pay for is not tried. The
real queries of the labelled sets stay within both (docs/resolving.md), so
the caps bound what random or hostile input costs and change no answer there.

:func:`counting` opens the count of one query, :func:`current` is the count
the search charges, :func:`observed` collects the counts of a block (tests
check the bound by structure, never by time); :func:`deadline` gives the
queries of a block a time budget (:class:`~namenorm.errors.TimeBudgetError`).

Left out: time budgets of HTTP requests (``namenorm.http.limits``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..errors import TimeBudgetError

__all__ = [
    "MAX_SWAPPED_FORMS",
    "MAX_TYPO_PROBES",
    "Work",
    "counting",
    "current",
    "deadline",
    "observed",
]

#: Most deletion-neighbourhood strings one query's typo pass makes and looks
#: up (a one-word key of 24 symbols has 301 within two deletions).
MAX_TYPO_PROBES = 8_000
#: Most swapped-letter forms of query words one query reads (a word of n
#: letters has n - 3).
MAX_SWAPPED_FORMS = 64


class Work:
    """The typo pass's work for one query so far, and whether a cap stopped it."""

    __slots__ = ("probes", "stopped", "swapped")

    def __init__(self) -> None:
        self.probes = 0
        self.swapped = 0
        self.stopped = False

    def probe(self, count: int) -> bool:
        """Charge ``count`` neighbourhood probes; False (and nothing charged)
        when they would pass :data:`MAX_TYPO_PROBES`: no more probing then."""
        if self.stopped or self.probes + count > MAX_TYPO_PROBES:
            self.stopped = True
            return False
        self.probes += count
        return True

    def swap(self) -> bool:
        """Charge one swapped-letter form; False once :data:`MAX_SWAPPED_FORMS` are read."""
        if self.swapped >= MAX_SWAPPED_FORMS:
            self.stopped = True
            return False
        self.swapped += 1
        return True


_CURRENT: ContextVar[Work | None] = ContextVar("namenorm_query_work", default=None)
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("namenorm_deadline", default=None)
_OBSERVED: ContextVar[list[Work] | None] = ContextVar("namenorm_observed_work", default=None)


@contextmanager
def counting() -> Iterator[Work]:
    """A fresh count for the query searched inside the block (per thread);
    :class:`~namenorm.errors.TimeBudgetError` once a :func:`deadline` has passed."""
    limit = _DEADLINE.get()
    if limit is not None and time.perf_counter() > limit[0]:
        raise TimeBudgetError(
            f"the names took longer to look up than the request's time budget of {limit[1]:g} s; "
            "expected a shorter text: send it in parts"
        )
    work = Work()
    observers = _OBSERVED.get()
    if observers is not None:
        observers.append(work)
    token = _CURRENT.set(work)
    try:
        yield work
    finally:
        _CURRENT.reset(token)


def current() -> Work:
    """The count of the query being searched (a fresh one outside :func:`counting`)."""
    return _CURRENT.get() or Work()


@contextmanager
def observed() -> Iterator[list[Work]]:
    """The counts of every query searched inside the block, in order (for tests
    and ``bench/query_cost.py``)."""
    found: list[Work] = []
    token = _OBSERVED.set(found)
    try:
        yield found
    finally:
        _OBSERVED.reset(token)


@contextmanager
def deadline(at: float, *, budget: float) -> Iterator[None]:
    """Queries searched inside the block must start before ``at`` (a
    ``time.perf_counter()`` value; ``budget`` seconds is how the message names it)."""
    token = _DEADLINE.set((at, budget))
    try:
        yield
    finally:
        _DEADLINE.reset(token)
