"""A proposed spelling: :class:`Proposal`, checked by :func:`new_proposal`.

Also :func:`suggest_id`: an ID in the registry's style for a new entity.
Left out: the queue file (``namenorm.proposals.queue``) and the registry
file (``namenorm.proposals.append``).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from unidecode import unidecode

from ..errors import InvalidInputError
from ..registry import CYRILLIC_LANGS, KINDS, Registry
from ..registry_csv import ID_PATTERN, LANG_PATTERN
from ..text import clean, is_cyrillic
from ..translit import transliterate

__all__ = [
    "MAX_CONTEXT",
    "MAX_NAME",
    "Proposal",
    "ProposalError",
    "lang_of",
    "new_proposal",
    "one_line",
    "suggest_id",
]

#: Longest name, and longest context, accepted.
MAX_NAME = 200
MAX_CONTEXT = 500


class ProposalError(InvalidInputError):
    """A proposal with a missing or malformed field."""

    code = "invalid_proposal"


@dataclass(frozen=True)
class Proposal:
    """One proposed spelling: a registry row plus where it came from."""

    proposal: str
    id: str
    kind: str
    lang: str
    name: str
    preferred: bool = False
    context: str = ""
    source: str = ""
    submitted: str = ""

    @property
    def assigned(self) -> bool:
        """Whether the proposal says which entity (and kind) it belongs to."""
        return bool(self.id and self.kind and self.lang)

    def row(self) -> dict[str, str]:
        """The queue row (every value a string)."""
        return {
            "proposal": self.proposal,
            "id": self.id,
            "kind": self.kind,
            "lang": self.lang,
            "name": self.name,
            "preferred": "1" if self.preferred else "",
            "context": self.context,
            "source": self.source,
            "submitted": self.submitted,
        }

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API."""
        out: dict[str, object] = dict(self.row())
        out["preferred"] = self.preferred
        return out


def one_line(value: str, field: str, limit: int) -> str:
    text = " ".join(clean(value).split())
    if len(text) > limit:
        raise ProposalError(f"{field} is {len(text)} characters long; expected at most {limit}")
    return text


def lang_of(name: str, lang: str, copy_lang: str = "") -> str:
    """``lang``, else the copy's language when its script fits ``name``, else be or en."""
    if lang:
        return lang
    if copy_lang and is_cyrillic(name) == (copy_lang in CYRILLIC_LANGS):
        return copy_lang
    return "be" if is_cyrillic(name) else "en"


def new_proposal(
    name: str,
    *,
    entity_id: str = "",
    kind: str = "",
    lang: str = "",
    copy_lang: str = "",
    preferred: bool = False,
    context: str = "",
    source: str = "editor",
    registry: Registry | None = None,
) -> Proposal:
    """A checked proposal with a fresh ID.

    With ``registry``: an ``entity_id`` it holds makes a variant of that entity
    (``kind`` is taken from it); an ID it does not hold needs ``kind`` (a new
    entity). ``lang`` defaults to ``copy_lang`` (the language of the copy the
    name was found in) when its script fits, else ``be`` for a Cyrillic name
    and ``en`` for a Latin one. Raises :class:`ProposalError` naming the bad field.
    """
    spelling = one_line(name, "name", MAX_NAME)
    if not spelling:
        raise ProposalError("name is empty; expected the spelling to add")
    entity_id = entity_id.strip()
    kind = kind.strip()
    if entity_id and not ID_PATTERN.match(entity_id):
        raise ProposalError(f"bad id {entity_id!r}; expected [a-z0-9][a-z0-9-]*")
    if registry is not None and entity_id in registry:
        known = registry.entity(entity_id).kind
        if kind and kind != known:
            raise ProposalError(f"{entity_id!r} is a {known}, not a {kind}; leave kind empty")
        kind = known
    if kind and kind not in KINDS:
        raise ProposalError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if entity_id and not kind:
        raise ProposalError(
            f"new id {entity_id!r} needs a kind; expected one of {', '.join(KINDS)}"
        )
    lang = lang.strip()
    if lang and not LANG_PATTERN.match(lang):
        raise ProposalError(f"bad language tag {lang!r}; expected BCP 47 such as be, ru, en")
    if lang or entity_id:
        lang = lang_of(spelling, lang, copy_lang)
    if lang and (is_cyrillic(spelling) != (lang in CYRILLIC_LANGS)):
        script = "Cyrillic" if is_cyrillic(spelling) else "Latin"
        raise ProposalError(f"{script} name {spelling!r} does not fit language {lang!r}")
    submitted = datetime.now(UTC).replace(microsecond=0).isoformat()
    seed = f"{submitted}\0{entity_id}\0{lang}\0{spelling}\0{secrets.token_hex(8)}"
    return Proposal(
        proposal=hashlib.sha256(seed.encode()).hexdigest()[:12],
        id=entity_id,
        kind=kind,
        lang=lang,
        name=spelling,
        preferred=preferred,
        context=one_line(context, "context", MAX_CONTEXT),
        source=one_line(source, "source", 100),
        submitted=submitted,
    )


def suggest_id(name: str, kind: str) -> str:
    """An ID in the registry's style for a new entity: ``surname-given`` for a
    person written "Given Surname", the words joined by hyphens otherwise."""
    latin = transliterate(name, "be", "news") if is_cyrillic(name) else name
    words = [w for w in re.split(r"[^a-z0-9]+", unidecode(latin).casefold()) if w]
    if kind == "person" and len(words) >= 2:
        words = [words[-1], *words[:-1]]
    return "-".join(words)[:80].strip("-")
