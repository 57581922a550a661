"""Reconciliation query batches: each query checked and answered on its own.

A batch is ``{query ID: query}``. Every query gets its own entry in the
result batch: ``{"result": [candidates]}``, or, when that query is bad (not
an object, no text, over 512 characters, an unknown type, a bad limit, an
unknown key) or the resolver refuses it, ``{"result": [], "error": {code,
message}}`` with the code and message the same input gets from ``/v1``. The
other queries of the batch are answered as usual, so one bad cell never costs
OpenRefine the rest of its batch (OpenRefine reads ``result`` and ignores
``error``; the published 0.2 schema requires ``result``, so it is always there).

Only a batch that cannot be read at all (malformed JSON, not an object, over
1,000 queries) is refused whole; that is ``reconcile``'s business.

``match`` is true only for the candidate ``Registry.resolve`` would return
(unambiguous and above the threshold), so at most one per query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInputError, NamenormError, QueryTooLongError
from ..index import MAX_QUERY_LENGTH
from ..match import Match
from ..registry import KINDS, check_kind
from .inputs import MAX_LIMIT, describe, json_type
from .state import Service

__all__ = ["DEFAULT_LIMIT", "QUERY_KEYS", "Query", "answer_batch", "candidate", "types"]

#: Candidates per query when the query gives no ``limit``.
DEFAULT_LIMIT = 3
#: The keys a reconciliation query may have (API 0.2).
QUERY_KEYS: tuple[str, ...] = ("query", "type", "limit", "properties", "type_strict")


def types(kind: str) -> list[dict[str, str]]:
    """The reconciliation ``type`` list of an entity kind."""
    return [{"id": kind, "name": kind}]


def candidate(match: Match, *, chosen: bool) -> dict[str, Any]:
    """One reconciliation candidate; ``features`` say which spelling matched and how."""
    return {
        "id": match.id,
        "name": match.name,
        "score": match.score,
        "match": chosen,
        "type": types(match.kind),
        "description": match.explain(),
        "features": [
            {"id": "name_score", "value": match.score},
            {"id": f"method:{match.method}", "value": True},
            {"id": f"system:{match.system or 'stored'}", "value": True},
            {"id": f"matched:{match.matched}", "value": True},
        ],
    }


@dataclass(frozen=True)
class Query:
    """One checked reconciliation query."""

    text: str | None  # None: a property-only query (no properties are matched here)
    kinds: tuple[str, ...]
    limit: int

    @classmethod
    def parse(cls, value: object, where: str) -> Query:
        """Check one query of a batch; ``where`` (``queries['q0']``) starts each message."""
        if not isinstance(value, dict):
            raise InvalidInputError(f"{where} is a JSON {json_type(value)}; expected an object")
        for key in value:
            if key not in QUERY_KEYS:
                raise InvalidInputError(
                    f"{where} has {key!r}; expected only {', '.join(map(repr, QUERY_KEYS))}"
                )
        kinds = _kinds(value.get("type"), where)
        limit = _limit(value.get("limit"), where)
        properties = value.get("properties")
        if properties is not None and not isinstance(properties, list):
            raise InvalidInputError(
                f"{where}.properties is {describe(properties)}; expected an array of {{pid, v}}"
            )
        text = value.get("query")
        if text is None and properties:
            return cls(None, kinds, limit)
        if not isinstance(text, str) or not text:
            raise InvalidInputError(
                f"{where}.query is {describe(text)}; expected a non-empty string"
            )
        if len(text) > MAX_QUERY_LENGTH:
            raise QueryTooLongError(
                f"{where}.query is {len(text)} characters long; expected at most {MAX_QUERY_LENGTH}"
            )
        return cls(text, kinds, limit)

    def answer(self, service: Service) -> dict[str, Any]:
        """``{"result": [candidates]}`` for this query."""
        if self.text is None:
            return {"result": []}
        if len(self.kinds) == 1:
            status, matches = service.lookup(self.text, limit=self.limit, kind=self.kinds[0])
        elif len(self.kinds) in (0, len(KINDS)):
            status, matches = service.lookup(self.text, limit=self.limit)
        else:  # several kinds, not all: decide among those kinds only
            found = service.registry.lookup(self.text, limit=MAX_LIMIT)
            wanted = [m for m in found if m.kind in self.kinds]
            status, matches = service.registry.index.decide(wanted), wanted[: self.limit]
        return {
            "result": [
                candidate(m, chosen=i == 0 and status == "matched") for i, m in enumerate(matches)
            ]
        }


def _kinds(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise InvalidInputError(
            f"{where}.type is {describe(value)}; expected a type id or an array of them "
            f"({', '.join(KINDS)})"
        )
    for kind in items:
        check_kind(kind)
    return tuple(dict.fromkeys(items))


def _limit(value: object, where: str) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidInputError(f"{where}.limit is {describe(value)}; expected a positive integer")
    return min(value, MAX_LIMIT)


def error_entry(exc: NamenormError) -> dict[str, Any]:
    """The result-batch entry of a query that failed: no candidates, and why."""
    return {"result": [], "error": {"code": exc.code, "message": str(exc)}}


def answer_batch(service: Service, batch: dict[str, object]) -> dict[str, dict[str, Any]]:
    """One entry per query ID of ``batch``: its candidates, or its own error.

    Equal queries are answered once. Errors raised on purpose for the input
    (4xx) stay with their query; anything else is a bug and propagates.
    """
    done: dict[Query, dict[str, Any]] = {}
    results: dict[str, dict[str, Any]] = {}
    for qid, value in batch.items():
        try:
            query = Query.parse(value, f"queries[{qid!r}]")
            if query not in done:
                done[query] = query.answer(service)
            results[qid] = done[query]
        except NamenormError as exc:
            if exc.status >= 500:
                raise
            results[qid] = error_entry(exc)
    return results
