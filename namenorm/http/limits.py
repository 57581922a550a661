"""The limits of HTTP input, declared once: the routes check them, the OpenAPI
document states them, and the tests read them from here.

A :class:`Bound` is an integer range with an optional default: it checks a
value (a query argument's text or a JSON number; ``None`` gives the default)
and describes itself as a JSON Schema. A value out of range is refused with
a 400 that quotes it and names the range, except where a bound says
``clamp`` (the reconciliation ``limit``, which OpenRefine users type
freely). Body size (:data:`MAX_BODY`) is the one limit answered with 413.

The time budget of a request that looks up many names (``TIME_BUDGET``
seconds, :func:`deadline`): a batch checks it before each query and answers
the queries left as skipped; copy runs inside :func:`budgeted`, where a
query that would start after it raises
:class:`~namenorm.errors.TimeBudgetError` (413).

Left out: limits inside the library (``namenorm.index.work``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flask import current_app, g

from ..errors import InvalidInputError, QueryTooLongError
from ..index import MAX_QUERY_LENGTH
from ..index.work import deadline as query_deadline

__all__ = [
    "BATCH",
    "CANDIDATES",
    "CURSOR",
    "MAX_BODY",
    "PROPOSALS",
    "QUERY",
    "RECONCILE_CANDIDATES",
    "TEXT",
    "Bound",
    "budgeted",
    "deadline",
    "describe",
]

#: Largest request body accepted (413 above), whatever its transfer encoding.
MAX_BODY = 1024 * 1024


def describe(value: object) -> str:
    """``repr(value)``, cut to 60 characters (for messages quoting client input)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class Bound:
    """An integer from ``low`` to ``high``; ``default`` when absent (``None``: required);
    with ``clamp``, a value above ``high`` counts as ``high``."""

    what: str
    low: int
    high: int
    default: int | None = None
    clamp: bool = False

    def check(self, value: object, *, where: str) -> int:
        """A JSON value (``int``, integral ``float``; ``None`` for absent) as an int in
        range; 400 naming ``where`` and the range otherwise (a string too)."""
        number: int | None = None
        if value is None and self.default is not None:
            return self.default
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        return self._within(number, value, where)

    def parse(self, text: str | None, *, where: str) -> int:
        """A query argument or form field (ASCII digits; ``None`` for absent), as
        :meth:`check` does for JSON."""
        if text is None and self.default is not None:
            return self.default
        number = None
        if text is not None and text.isascii() and text.isdigit() and len(text) <= 9:
            number = int(text)
        return self._within(number, text, where)

    def _within(self, number: int | None, value: object, where: str) -> int:
        if number is not None and self.clamp:
            number = min(number, self.high)
        if number is None or not self.low <= number <= self.high:
            raise InvalidInputError(
                f"{where} is {describe(value)}; expected an integer from {self.low} to {self.high}"
            )
        return number

    def count(self, count: int, *, where: str, what: str | None = None) -> None:
        """400 when ``where`` holds ``count`` items (or characters; ``what`` names them
        when they are not the bound's own) outside the range."""
        if not self.low <= count <= self.high:
            error = QueryTooLongError if self is QUERY else InvalidInputError
            what = what or self.what
            size = f"is {count} {what} long" if what == "characters" else f"has {count} {what}"
            bound = f"at most {self.high}" if count > self.high else f"at least {self.low}"
            raise error(f"{where} {size}; expected {bound}")

    def schema(self) -> dict[str, Any]:
        """This bound as the JSON Schema of an integer."""
        schema: dict[str, Any] = {"type": "integer", "minimum": self.low, "maximum": self.high}
        if self.clamp:
            del schema["maximum"]
            schema["description"] = f"Values over {self.high} count as {self.high}."
        if self.default is not None:
            schema["default"] = self.default
        return schema


#: Candidates per lookup (``limit`` of ``/v1/lookup``).
CANDIDATES = Bound("candidates", 1, 50, default=5)
#: Candidates per reconciliation query: the same range (larger limits cut to it), the
#: reconciliation default.
RECONCILE_CANDIDATES = Bound("candidates", CANDIDATES.low, CANDIDATES.high, default=3, clamp=True)
#: Queries in one batch (``POST /v1/lookup``, ``/reconcile``).
BATCH = Bound("queries", 0, 1000)
#: Characters in one name query (the index refuses longer ones too).
QUERY = Bound("characters", 1, MAX_QUERY_LENGTH)
#: Characters in one text to transliterate.
TEXT = Bound("characters", 1, 10_000)
#: Proposals in one ``POST /v1/proposals``.
PROPOSALS = Bound("proposals", 1, 20)
#: Suggestions skipped by the suggest service's ``cursor``.
CURSOR = Bound("suggestions", 0, 10_000, default=0)


def deadline() -> float:
    """The ``time.perf_counter()`` value at which this request's time budget runs out."""
    start: float = g.namenorm_start
    return start + float(current_app.config["TIME_BUDGET"])


@contextmanager
def budgeted() -> Iterator[None]:
    """Look names up inside the block within this request's time budget."""
    with query_deadline(deadline(), budget=float(current_app.config["TIME_BUDGET"])):
        yield
