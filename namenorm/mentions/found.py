"""What scanning reports: a :class:`Mention`, its :class:`Part` s, and :class:`Found`.

:class:`Draft` is a mention still being judged (its parts and the resolver's
candidates), before the document as a whole settles it.

Left out: how mentions are found (``automaton``, ``spans``, ``fuzzy``,
``document``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..match import AMBIGUITY_MARGIN, Match
from ..registry import Entity

__all__ = ["Draft", "Found", "Mention", "Part", "candidates"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One registry name found in a text (``id`` is ``None`` when ambiguous)."""

    start: int
    end: int
    text: str
    id: str | None
    status: str
    candidates: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API and the CLI."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": self.id,
            "status": self.status,
            "candidates": list(self.candidates),
        }


@dataclass(frozen=True, slots=True)
class Part:
    """One word (or word group) of a mention and its role.

    Roles: ``title``, ``initial``, ``given``, ``patronymic``, ``surname`` (of a
    person) or ``name`` (a whole organization or place name). ``inflected`` is
    true for a Cyrillic word not known as a nominative spelling of the entity
    (a case form, or a form the registry cannot place).
    """

    start: int
    end: int
    text: str
    role: str
    inflected: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """A mention with what ``namenorm.copy`` needs to rewrite it."""

    mention: Mention
    entity: Entity | None
    score: float
    parts: tuple[Part, ...]
    #: The registry spelling (stored or generated) the resolver matched.
    matched: str = ""


@dataclass(slots=True)
class Draft:
    """A span the resolver has judged, before the whole document is read."""

    parts: list[Part]
    matches: list[Match]
    status: str
    full: bool  # named with a given name, patronymic or initial
    homograph: bool = False
    #: where the first part starts and the last one ends (the parts do not change)
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.parts[0].start
        self.end = self.parts[-1].end


def candidates(matches: list[Match]) -> tuple[str, ...]:
    """IDs of the matches within the ambiguity margin of the best one."""
    top = matches[0].score
    return tuple(m.id for m in matches if top - m.score < AMBIGUITY_MARGIN)
