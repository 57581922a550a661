"""The closed vocabularies shared by the registry, the index and their callers.

Today: the kinds of entity a registry holds, and the check of a ``kind``
filter. The registry validates its ``kind`` column with them and the index
filters candidates by them, so neither imports the other for it.
"""

from __future__ import annotations

from .errors import UnknownKindError

__all__ = ["KINDS", "check_kind"]

KINDS: tuple[str, ...] = ("person", "org", "place")


def check_kind(kind: str | None) -> str | None:
    """Validate an optional ``kind`` filter."""
    if kind is not None and kind not in KINDS:
        raise UnknownKindError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind
