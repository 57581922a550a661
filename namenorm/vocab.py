"""The closed vocabularies shared by the registry, the index and their callers.

Each is a ``Literal`` type, so ``mypy --strict`` checks what used to be
described in comments, with its values as a tuple for run-time checks: the
kinds of entity (the registry validates its ``kind`` column with them, the
index filters by them, so neither imports the other for it), the roles of a
name part, genders, how a candidate was found, and the decision on a list.

Left out: evidence systems (an open set: every transliteration system).
"""

from __future__ import annotations

from typing import Literal, get_args

from .errors import UnknownKindError

__all__ = [
    "GENDERS",
    "KINDS",
    "METHODS",
    "ROLES",
    "STATUSES",
    "Gender",
    "Kind",
    "Method",
    "Role",
    "Status",
    "check_kind",
]

#: What an entity is.
Kind = Literal["person", "org", "place"]
#: What a part of a person's name is (an organization's or place's whole name is
#: indexed as ``surname``: the part that must be found).
Role = Literal["given", "patronymic", "surname"]
#: A person's gender as the index records it.
Gender = Literal["m", "f"]
#: How a candidate was found: a known spelling, a sound key, or a typo.
Method = Literal["exact", "key", "fuzzy"]
#: What a candidate list comes to.
Status = Literal["matched", "ambiguous", "unmatched"]

KINDS: tuple[str, ...] = get_args(Kind)
ROLES: tuple[str, ...] = get_args(Role)
GENDERS: tuple[str, ...] = get_args(Gender)
METHODS: tuple[str, ...] = get_args(Method)
STATUSES: tuple[str, ...] = get_args(Status)


def check_kind(kind: str | None) -> str | None:
    """Validate an optional ``kind`` filter."""
    if kind is not None and kind not in KINDS:
        raise UnknownKindError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind
