"""Deciding between scored candidates, and the :class:`~namenorm.match.Match` of one.

``resolve`` accepts the best candidate only when it clears
``match.THRESHOLD`` and leads the next by ``match.AMBIGUITY_MARGIN``;
:func:`decide` says the same of a candidate list as ``matched``,
``ambiguous`` or ``unmatched``.

Left out: finding and scoring the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..match import AMBIGUITY_MARGIN, THRESHOLD, Match
from ..vocab import Status
from .score import Candidate
from .tables import EntityLike

__all__ = ["accept", "decide", "numbers_agree", "to_match"]

_NUMBER = re.compile(r"\d+")


def numbers_agree(query: str, candidate: Candidate) -> bool:
    """Whether a name the query matched that has numbers has the query's: digits
    are never fuzzed nor read by sound (Charter 77 is not Charter 97; an
    organization named with another number is another organization). A year
    the registry's name leaves out (Вясна-96 for Viasna) is no other number."""
    named = sorted(_NUMBER.findall(candidate.matched))
    return not named or named == sorted(_NUMBER.findall(query))


def accept(candidates: Sequence[Candidate]) -> Candidate | None:
    """The one candidate ``resolve`` returns (best first), or None (none or ambiguous)."""
    if not candidates or candidates[0].score < THRESHOLD:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < AMBIGUITY_MARGIN:
        return None
    return candidates[0]


def decide(matches: Sequence[Match]) -> Status:
    """``matched``, ``ambiguous`` or ``unmatched`` for a candidate list, best first."""
    if not matches or matches[0].score < THRESHOLD:
        return "unmatched"
    if len(matches) > 1 and matches[0].score - matches[1].score < AMBIGUITY_MARGIN:
        return "ambiguous"
    return "matched"


def to_match(entity: EntityLike, candidate: Candidate, query: str, lang: str | None) -> Match:
    """The public :class:`Match` of a candidate; ``lang`` picks the name's language."""
    asked = entity.preferred(lang) if lang else None
    name = asked or entity.display
    evidence = candidate.evidence
    return Match(
        id=entity.id,
        kind=entity.kind,
        name=name,
        score=round(candidate.score, 1),
        matched=candidate.matched,
        method=candidate.method,
        query=query,
        source=evidence.source,
        source_lang=evidence.lang,
        system=evidence.system,
        note=candidate.note,
        scope=candidate.scope,
        name_lang=lang if asked is not None and lang else "en",
    )
