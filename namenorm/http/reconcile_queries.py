"""Reconciliation query batches: each query checked and answered on its own.

A batch is ``{query ID: query}``; every query gets its own entry,
``{"result": [candidates]}``, or ``{"result": [], "error": {code, message}}``
when that query is bad or the resolver refuses it (the code and message the
same input gets from ``/v1``), so one bad cell never costs OpenRefine the rest
of its batch. Queries left when the batch's time budget runs out get the
error ``time_budget_exceeded``. ``match`` is true only for the candidate
``Registry.resolve`` would return, so at most one per query.

``properties`` (the ids of ``reconcile_extend``'s properties) add evidence
from other columns: an identifier (``wikidata``, ``geonames``) that names
exactly one entity makes it the match, even without query text, and a
candidate whose identifier differs is never the match; every candidate gets
a ``property:<pid>`` feature saying whether its value agrees.

Left out: a batch that cannot be read at all (malformed JSON, not an object,
over 1,000 queries), which ``namenorm.http.reconcile`` refuses whole.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInputError, NamenormError, TimeBudgetError
from ..match import Match
from ..registry import KINDS, Entity, check_kind
from .inputs import describe, json_type
from .limits import CANDIDATES, QUERY, RECONCILE_CANDIDATES
from .reconcile_extend import IDENTIFIERS, Catalog, Settings
from .state import Service

__all__ = [
    "DEFAULT_LIMIT",
    "QUERY_KEYS",
    "Query",
    "answer_batch",
    "candidate",
    "skipped_entry",
    "types",
]

#: Candidates per query when the query gives no ``limit``.
DEFAULT_LIMIT = RECONCILE_CANDIDATES.default
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


def entity_candidate(entity: Entity, *, chosen: bool, because: str) -> dict[str, Any]:
    """A candidate found by an identifier property rather than by its name."""
    return {
        "id": entity.id,
        "name": entity.display,
        "score": 100.0,
        "match": chosen,
        "type": types(entity.kind),
        "description": f"{because} is {entity.display}'s.",
        "features": [{"id": "method:property", "value": True}],
    }


#: A query's property values: ``(property ID, values)`` pairs.
Evidence = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Query:
    """One checked reconciliation query."""

    text: str | None  # None: found by identifier properties only
    kinds: tuple[str, ...]
    limit: int
    properties: Evidence = ()

    @classmethod
    def parse(cls, value: object, where: str, catalog: Catalog) -> Query:
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
        evidence = _evidence(value.get("properties"), f"{where}.properties", catalog)
        text = value.get("query")
        if text is None and any(pid in IDENTIFIERS for pid, _ in evidence):
            return cls(None, kinds, limit, evidence)
        if not isinstance(text, str) or not text:
            alone = f" (or, alone, a property among {', '.join(IDENTIFIERS)})" if evidence else ""
            raise InvalidInputError(
                f"{where}.query is {describe(text)}; expected a non-empty string{alone}"
            )
        QUERY.count(len(text), where=f"{where}.query")
        return cls(text, kinds, limit, evidence)

    def answer(self, service: Service) -> dict[str, Any]:
        """``{"result": [candidates]}`` for this query."""
        catalog = service.catalog
        pinned = [service.registry.entity(i) for i in self._pinned(service)]
        result: list[dict[str, Any]] = []
        if len(pinned) == 1 or self.text is None:  # found by identifier
            result = [
                entity_candidate(e, chosen=len(pinned) == 1, because=self._because(e, catalog))
                for e in pinned[: self.limit]
            ]
        if self.text is not None:
            status, matches = self._lookup(service, self.text)
            taken = {item["id"] for item in result}
            rest = [m for m in matches if m.id not in taken][: self.limit - len(result)]
            result += [
                candidate(m, chosen=not taken and i == 0 and status == "matched")
                for i, m in enumerate(rest)
            ]
        for item in result:
            self._features(item, service.registry.entity(item["id"]), catalog)
            if any(
                f["id"] in self._identifier_features and f["value"] is False
                for f in item["features"]
            ):
                item["match"] = False  # an identifier that differs: never the match
        return {"result": result}

    def _lookup(self, service: Service, text: str) -> tuple[str, list[Match]]:
        """``(status, candidates)`` by name, within the query's types."""
        if len(self.kinds) == 1:
            return service.lookup(text, limit=self.limit, kind=self.kinds[0])
        if len(self.kinds) in (0, len(KINDS)):
            return service.lookup(text, limit=self.limit)
        # several kinds, not all: decide among those kinds only
        found = service.registry.lookup(text, limit=CANDIDATES.high)
        wanted = [m for m in found if m.kind in self.kinds]
        return service.registry.index.decide(wanted), wanted[: self.limit]

    @property
    def _identifier_features(self) -> set[str]:
        return {f"property:{pid}" for pid, _ in self.properties if pid in IDENTIFIERS}

    def _because(self, entity: Entity, catalog: Catalog) -> str:
        """The identifiers that found ``entity``, as the registry writes them."""
        found = []
        for pid, _ in self.properties:
            if pid in IDENTIFIERS:
                prop = catalog.get(pid, "property")
                found += [f"{prop.name} {v}" for v in prop.read(entity, Settings())]
        return " and ".join(found)

    def _pinned(self, service: Service) -> list[str]:
        """IDs of the entities every identifier property of the query names (sorted)."""
        found: set[str] | None = None
        for pid, values in self.properties:
            if pid in IDENTIFIERS:
                owners = service.catalog.owners_of(pid, values)
                found = owners if found is None else found & owners
        if not found:
            return []
        registry = service.registry
        return sorted(i for i in found if not self.kinds or registry.entity(i).kind in self.kinds)

    def _features(self, item: dict[str, Any], entity: Entity, catalog: Catalog) -> dict[str, Any]:
        """Add a ``property:<pid>`` feature per property of the query the entity has a value for."""
        for pid, values in self.properties:
            agrees = catalog.agrees(catalog.get(pid, "property"), entity, values)
            if agrees is not None:
                item["features"].append({"id": f"property:{pid}", "value": agrees})
        return item


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


def _evidence(value: object, where: str, catalog: Catalog) -> Evidence:
    """The ``properties`` of a query: known property IDs with their values as strings."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidInputError(f"{where} is {describe(value)}; expected an array of {{pid, v}}")
    found: list[tuple[str, tuple[str, ...]]] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("pid"), str) or "v" not in item:
            raise InvalidInputError(
                f"{where}[{i}] is {describe(item)}; expected an object with pid and v"
            )
        prop = catalog.get(item["pid"], f"{where}[{i}].pid")
        raw = item["v"]
        values = [_value(v, f"{where}[{i}].v") for v in (raw if isinstance(raw, list) else [raw])]
        found.append((prop.id, tuple(v for v in values if v)))
    return tuple(found)


def _value(value: object, where: str) -> str:
    """One property value as a string: a string, a number, or an entity ``{id, name}``."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"]).strip()
    raise InvalidInputError(
        f"{where} is {describe(value)}; expected a string, a number or an object with an id"
    )


def _limit(value: object, where: str) -> int:
    return RECONCILE_CANDIDATES.check(value, where=f"{where}.limit")


def skipped_entry(budget: float) -> dict[str, Any]:
    """The result-batch entry of a query left when the time budget ran out."""
    return error_entry(
        TimeBudgetError(
            f"not looked up: the request's time budget of {budget:g} s ran out before this "
            "query; send it again"
        )
    )


def error_entry(exc: NamenormError) -> dict[str, Any]:
    """The result-batch entry of a query that failed: no candidates, and why."""
    return {"result": [], "error": {"code": exc.code, "message": str(exc)}}


def answer_batch(
    service: Service,
    batch: dict[str, object],
    *,
    deadline: float = math.inf,
    budget: float = math.inf,
) -> dict[str, dict[str, Any]]:
    """One entry per query ID of ``batch``: its candidates, or its own error.

    Equal queries are answered once. Errors raised on purpose for the input
    (4xx) stay with their query; anything else is a bug and propagates. A
    query that would start after ``deadline`` (a ``time.perf_counter()``
    value; ``budget`` is its length in seconds) is not looked up: its entry
    has no candidates and the error ``time_budget_exceeded``.
    """
    done: dict[Query, dict[str, Any]] = {}
    results: dict[str, dict[str, Any]] = {}
    for qid, value in batch.items():
        try:
            query = Query.parse(value, f"queries[{qid!r}]", service.catalog)
            if query not in done:
                if time.perf_counter() > deadline:
                    results[qid] = skipped_entry(budget)
                    continue
                done[query] = query.answer(service)
            results[qid] = done[query]
        except NamenormError as exc:
            if exc.status >= 500:
                raise
            results[qid] = error_entry(exc)
    return results
