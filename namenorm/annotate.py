"""What an editor reviews in a piece of copy: each proposed change with its
evidence, each ambiguous mention with what every candidate would make of it,
and the capitalized names the registry does not know.

:func:`annotate` builds on copy normalization and adds nothing to matching:
the changes are exactly the edits of :func:`~namenorm.copy.normalize_text`
(taken from :func:`~namenorm.copy.plan`, editorial rules included; a test
holds them equal on the whole copy test set), each with the entity and the
:meth:`~namenorm.match.Match.explain` sentence of the lookup behind it;
ambiguous mentions come from the same scan, with the replacement
:func:`~namenorm.copy.replacement` gives for each candidate; unknown names are
runs of capitalized words (at most four) that no mention covers and that
``Registry.resolve`` leaves unmatched.

What is not prose (tags, code, link targets, URLs, e-mail addresses,
@handles, #hashtags: :func:`namenorm.copy.layout`, the parser copy
normalization reads with) is masked out of the unknown-name search and no
change inside it is offered.

Left out: rewriting (the caller applies the changes it accepts, by offset).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .copy import LANGS, MASK, layout, plan
from .copy import replacement as house_replacement
from .errors import InvalidInputError, QueryTooLongError, UnknownLanguageError
from .given import given_names
from .keys import surface
from .match import Match
from .mentions import Found
from .names import TITLES
from .registry import Entity, Registry, default_registry

__all__ = [
    "FORMATS",
    "MAX_NAME_WORDS",
    "Annotation",
    "Change",
    "Option",
    "Unknown",
    "annotate",
    "check_format",
    "prose_mask",
]

#: Formats copy can come in.
FORMATS: tuple[str, ...] = ("text", "markdown", "html")
#: Longest run of capitalized words taken for an unknown name.
MAX_NAME_WORDS = 4

_MASK_RUN = re.compile(f"{MASK}+")
_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ɏА-ЯЁЂ-ЏѠ-ӿ][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_RUN = re.compile(rf"(?<![\w'’\-]){_WORD}(?:[ \u00a0]{_WORD})*(?![\w'’\-])")
_SENTENCE_END = frozenset('.!?…\n:;"“”«»')


@dataclass(frozen=True)
class Option:
    """What a mention becomes if it names entity ``id``."""

    id: str
    replacement: str
    score: float
    explanation: str

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API."""
        return {
            "id": self.id,
            "replacement": self.replacement,
            "score": round(self.score, 1),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Change:
    """A proposed change at ``start:end`` of the copy.

    ``status`` is ``matched`` (one option: the edit copy normalization makes)
    or ``ambiguous`` (one option per candidate; nothing is changed until the
    editor picks one).
    """

    start: int
    end: int
    original: str
    status: str
    options: tuple[Option, ...]

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API."""
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "status": self.status,
            "options": [o.as_dict() for o in self.options],
        }


@dataclass(frozen=True)
class Unknown:
    """A capitalized name no registry entity answers to: first place, and how often."""

    text: str
    start: int
    end: int
    count: int
    context: str

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "count": self.count,
            "context": self.context,
        }


@dataclass(frozen=True)
class Annotation:
    """Everything :func:`annotate` found, in text order."""

    text: str
    lang: str
    format: str
    changes: tuple[Change, ...]
    unknown: tuple[Unknown, ...]
    entities: dict[str, Entity]

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API (entities by ID, with one line each)."""
        return {
            "lang": self.lang,
            "format": self.format,
            "changes": [c.as_dict() for c in self.changes],
            "unknown": [u.as_dict() for u in self.unknown],
            "entities": {i: _entity_json(e) for i, e in self.entities.items()},
        }


def _entity_json(entity: Entity) -> dict[str, object]:
    description = getattr(entity, "description", None)  # when the registry has the column
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.display,
        "description": description if isinstance(description, str) and description else None,
    }


def prose_mask(text: str, fmt: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are not prose in format ``fmt``, in order."""
    if fmt not in FORMATS:
        raise InvalidInputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return _mask_spans(layout(text, fmt).masked)


def _mask_spans(masked: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASK_RUN.finditer(masked)]


class _Spans:
    """Sorted, non-overlapping spans, asked whether they overlap a range."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.ends = [e for _, e in spans]

    def overlap(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i < len(self.spans) and self.spans[i][0] < end


class _Explainer:
    """The lookup behind each mention, once per distinct spelling."""

    def __init__(self, registry: Registry, lang: str) -> None:
        self.registry = registry
        self.lang = lang
        self.cache: dict[str, list[Match]] = {}

    def match(self, original: str, entity_id: str) -> Match | None:
        if original not in self.cache:
            self.cache[original] = self.registry.lookup(original, limit=10)
        return next((m for m in self.cache[original] if m.id == entity_id), None)

    def explain(self, original: str, entity: Entity, score: float) -> str:
        found = self.match(original, entity.id)
        if found is not None:
            return found.explain()
        return (
            f"{original!r} is read as {entity.display} because the rest of the copy names "
            f"{entity.display} (score {score:.0f})."
        )


def annotate(
    text: str, lang: str = "en", registry: Registry | None = None, *, fmt: str = "text"
) -> Annotation:
    """Every change copy normalization proposes for ``text``, with its evidence,
    every ambiguous mention with one option per candidate, and unknown names.

    ``lang`` is the copy's language (:data:`~namenorm.copy.LANGS`), ``fmt`` its
    format (:data:`FORMATS`).
    """
    registry = registry or default_registry()
    check_lang(text, lang)
    if fmt not in FORMATS:
        raise InvalidInputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    planned = plan(text, lang, registry, format=fmt)
    masked = _mask_spans(planned.masked)
    markup = _Spans(masked)
    found = list(planned.found)
    edits = {edit.start: edit for edit in planned.edits}
    explainer = _Explainer(registry, lang)
    entities: dict[str, Entity] = {}
    changes: list[Change] = []
    for item in found:
        mention = item.mention
        if markup.overlap(mention.start, mention.end):
            continue
        if mention.id is None:
            options = list(_options(item, registry, explainer, lang, entities))
            if any(o.replacement != mention.text for o in options):
                changes.append(
                    Change(mention.start, mention.end, mention.text, "ambiguous", tuple(options))
                )
            continue
        edit = edits.get(mention.start)  # what normalize_text makes of the mention
        if edit is None:
            continue
        entity = entities.setdefault(mention.id, registry.entity(mention.id))
        option = Option(
            mention.id,
            edit.replacement,
            item.score,
            explainer.explain(mention.text, entity, item.score),
        )
        changes.append(Change(edit.start, edit.end, edit.original, "matched", (option,)))
    changes.sort(key=lambda c: c.start)
    taken = [(f.mention.start, f.mention.end) for f in found]
    unknown = _unknown(text, sorted(masked + taken), registry)
    return Annotation(text, lang, fmt, tuple(changes), tuple(unknown), entities)


def check_lang(text: object, lang: object) -> None:
    """The checks :func:`~namenorm.copy.normalize_text` makes of its arguments."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if lang not in LANGS:
        raise UnknownLanguageError(f"unknown lang {lang!r}; expected one of {', '.join(LANGS)}")


def _options(
    item: Found, registry: Registry, explainer: _Explainer, lang: str, entities: dict[str, Entity]
) -> Iterator[Option]:
    mention = item.mention
    for entity_id in mention.candidates:
        entity = entities.setdefault(entity_id, registry.entity(entity_id))
        match = explainer.match(mention.text, entity_id)
        chosen = replace(
            item,
            mention=replace(mention, id=entity_id, status="matched", candidates=(entity_id,)),
            entity=entity,
            matched=match.matched if match is not None else "",
        )
        score = match.score if match is not None else item.score
        new = house_replacement(chosen, lang, registry.index)
        yield Option(
            entity_id,
            mention.text if new is None else new,
            score,
            explainer.explain(mention.text, entity, score),
        )


def _given(word: str) -> bool:
    return surface(word) in given_names().by_surface


def _sentence_start(text: str, position: int) -> bool:
    i = position - 1
    while i >= 0 and text[i] in " \t\u00a0([“\"'«‘":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _unknown(text: str, taken: list[tuple[int, int]], registry: Registry) -> list[Unknown]:
    """Runs of capitalized words outside ``taken`` that resolve to nothing."""
    midsentence = {
        m.group() for m in re.finditer(_WORD, text) if not _sentence_start(text, m.start())
    }
    lowered = {w.casefold() for w in re.findall(r"(?<![\w'’\-])[^\W\d_]+", text) if w[0].islower()}
    seen: dict[str, Unknown] = {}
    resolved: dict[str, bool] = {}
    position = 0
    for start, end in [*taken, (len(text), len(text))]:
        if start > position:
            for run in _RUN.finditer(text, position, start):
                words = list(re.finditer(_WORD, run.group()))
                # Titles are not part of a name, nor is a sentence's first word when
                # the copy has it in lower case too ("The"), or when it is neither a
                # known given name nor capitalized elsewhere ("Yesterday").
                while words and (
                    words[0].group().casefold().rstrip(".") in TITLES
                    or (
                        _sentence_start(text, run.start() + words[0].start())
                        and (
                            words[0].group().casefold() in lowered
                            or (
                                words[0].group() not in midsentence
                                and (len(words) == 1 or not _given(words[0].group()))
                            )
                        )
                    )
                ):
                    words.pop(0)
                if not words or len(words) > MAX_NAME_WORDS:
                    continue
                if len(words) == 1 and len(words[0].group()) < 3:
                    continue
                s = run.start() + words[0].start()
                e = run.start() + words[-1].end()
                name = text[s:e]
                if name.isupper() and len(words) == 1 and len(name) <= 5:
                    continue  # an acronym (NATO, KGB): not a name to propose
                if name in seen:
                    old = seen[name]
                    seen[name] = replace(old, count=old.count + 1)
                    continue
                if name not in resolved:
                    try:
                        resolved[name] = registry.resolve(name) is not None or bool(
                            registry.lookup(name, limit=1)
                        )
                    except QueryTooLongError:
                        continue  # longer than a name can be (a German compound): no name
                if not resolved[name]:
                    seen[name] = Unknown(name, s, e, 1, _context(text, s, e))
        position = max(position, end)
    return list(seen.values())


def _context(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start) + 1, start - 80)
    right = text.find("\n", end)
    right = min(right if right >= 0 else len(text), end + 80)
    return " ".join(text[left:right].split())


def check_format(fmt: object) -> str:
    """Validate a copy format name."""
    if fmt not in FORMATS:
        raise InvalidInputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return str(fmt)
