"""Find registry names in running text: the scanning half of copy normalization.

:func:`scan` walks a text once with an Aho-Corasick automaton built over the
index's unit spellings that can stand for a whole mention — every stored,
generated (romanized, diacritic-free) and inflected spelling of a surname, and
of a whole organization or place name. The text is case-folded the same way
as the index keys (:func:`~namenorm.keys.surface`) with a map back to the
original offsets. Each hit must sit on word boundaries and have the capitals
its stored spelling has (lowercase "mosaic", "знак" and "breast" are words,
not names); overlapping hits keep the longest.

Around each surname hit the adjacent given names, patronymics, initials and
titles are absorbed ("President Alexander Lukashenko", "Лукашенко А. Г.",
"Alexander\\nLukashenko"), and the resolver judges the whole span
(:meth:`~namenorm.registry.Registry.lookup` and ``Index.decide``): a given
name that does not fit means someone else, and the span is dropped. Then the
document is read as a whole: an ambiguous surname ("Babaryka": two in the
registry) takes the ID of the one person the text names in full; a surname
that someone outside the registry also bears in this text stays ambiguous;
words that are also common words ("Знак", "Mosaic") at the start of a
sentence or in a headline count only with other evidence. Last, capitalized
words the automaton missed get a fuzzy look-up, but only in a name context
(after a known given name or a title, or when the text names that person
elsewhere), so typos such as "Likashenka" are caught and "Breast" is not.

Left out: deciding what a mention should be rewritten to (``namenorm.copy``),
and names split by a hyphen at a line break ("Lukash-\\nenko").
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

import ahocorasick

from .keys import phonetic_keys, surface
from .match import AMBIGUITY_MARGIN, Match
from .names import TITLES, is_patronymic
from .registry import Entity, Registry
from .text import is_cyrillic

__all__ = ["HOMOGRAPHS", "Found", "Mention", "Part", "scan"]

#: Registry spellings that are also common words (case-folded, with their
#: case forms): at the start of a sentence or in a headline they count as
#: names only with other evidence in the text.
HOMOGRAPHS: frozenset[str] = frozenset(
    [
        "mosaic",
        "trump",
        "smith",
        "знак", "знака", "знаку", "знаком", "знаке", "знакам",
        "весна", "весны", "весне", "весну", "весной", "весною",
        "вясна", "вясны", "вясне", "вясну", "вясной", "вясною", "вяснай",
        "вольныя", "вольных", "вольным",
    ]
)  # fmt: skip

_PERSON = "person"
_MAX_PREFIX_WORDS = 3
_MAX_TITLES = 2
_CACHE_LIMIT = 200_000
# Characters folded to what the index keys use; the same length, so offsets hold.
_FOLD = str.maketrans(
    {c: "'" for c in "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\u02bb\uff07"}
    | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"}
    | {c: " " for c in "\t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"}
    | {c: " " for c in "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"}
)
_SLOW = re.compile(r"  |[\u00ad\u200b-\u200f\u2060\ufeff]")
_TOKEN = r"[^\W\d_](?:[\w'’.\-]*[^\W\d_])?\.?"
_PREV = re.compile(rf"(?<![\w'’.\-])({_TOKEN})([^\S\n]*\n?[^\S\n]*)\Z")
_NEXT = re.compile(rf"([^\S\n]*\n?[^\S\n]*)({_TOKEN})(?![\w'’\-])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+\Z")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\Z")
_WORD = re.compile(r"(?<![\w'’\-])[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?…\n:;")
_OPENING = "\"'«„“‘‚([‹"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Part:
    """One word or word group of a mention and its role.

    Roles: ``title``, ``initial``, ``given``, ``patronymic``, ``surname`` (of
    a person) or ``name`` (a whole organization or place name). ``inflected``
    is true for a Cyrillic word found only as a case form (not nominative).
    """

    start: int
    end: int
    text: str
    role: str
    inflected: bool = False


@dataclass(frozen=True)
class Found:
    """A mention with what ``namenorm.copy`` needs to rewrite it."""

    mention: Mention
    entity: Entity | None
    score: float
    parts: tuple[Part, ...]
    #: The registry spelling (stored or generated) the resolver matched.
    matched: str = ""


# -- the automaton, built once per index ---------------------------------------
@dataclass
class _Scanner:
    automaton: ahocorasick.Automaton
    #: key -> per word: must it start with a capital?
    caps: dict[str, tuple[bool, ...]]
    #: key -> entity numbers it can stand for
    entities: dict[str, frozenset[int]]
    #: surfaces of given names and patronymics (any entity), for absorbing
    given: frozenset[str]
    #: entity number -> surfaces of its own given names, patronymics, surnames
    own: dict[int, dict[str, frozenset[str]]]
    #: entity number -> does a stored or generated (not case) spelling have this surface?
    cache: dict[tuple[str, str | None], list[Match]] = field(default_factory=dict)


_SCANNERS: weakref.WeakKeyDictionary[object, _Scanner] = weakref.WeakKeyDictionary()


def _scanner(registry: Registry) -> _Scanner:
    index = registry.index
    found = _SCANNERS.get(index)
    if found is None:
        found = _build(registry)
        _SCANNERS[index] = found
    return found


def _caps_of(spelling: str) -> tuple[bool, ...]:
    flags: list[bool] = []
    for word in spelling.split():
        first = next((c for c in word if c.isalpha()), "")
        flags.append(bool(first) and first.isupper())
    return tuple(flags)


def _build(registry: Registry) -> _Scanner:
    index = registry.index
    caps: dict[str, tuple[bool, ...]] = {}
    entities: dict[str, set[int]] = {}
    given: set[str] = set()
    for key, entries in index.surfaces.items():
        for unit_number, variant in entries:
            unit = index.units[unit_number]
            if unit.role != "surname":
                given.add(key)
                continue
            flags = _caps_of(unit.variants[variant].spelling)
            old = caps.get(key)
            caps[key] = (
                flags
                if old is None or len(old) != len(flags)
                else tuple(a and b for a, b in zip(old, flags, strict=True))
            )
            entities.setdefault(key, set()).update(index.postings.get(unit_number, ()))
    automaton = ahocorasick.Automaton()
    for key in caps:
        if key and entities.get(key):
            automaton.add_word(key, key)
    if len(automaton):
        automaton.make_automaton()
    own: dict[int, dict[str, frozenset[str]]] = {}
    for number, person in enumerate(index.people):
        if index.entities[number].kind != _PERSON:
            continue
        own[number] = {
            role: frozenset(surface(v.spelling) for u in units for v in index.units[u].variants)
            for role, units in (
                ("given", person.given),
                ("patronymic", person.patronymic),
                ("surname", person.surname),
            )
        }
    return _Scanner(
        automaton,
        caps,
        {k: frozenset(v) for k, v in entities.items()},
        frozenset(given),
        own,
    )


# -- folding the text ------------------------------------------------------------
def _fold(text: str) -> tuple[str, list[int] | None]:
    """The text case-folded like the index keys, and a map to original offsets.

    The map is ``None`` when every folded character is at the same offset as
    its original (the common case, checked rather than assumed).
    """
    folded = text.translate(_FOLD)
    if not _SLOW.search(folded) and unicodedata.is_normalized("NFC", text):
        lowered = folded.casefold()
        if len(lowered) == len(text):
            return lowered, None
    out: list[str] = []
    origin: list[int] = []
    position = 0
    size = len(text)
    while position < size:
        end = position + 1
        while end < size and unicodedata.combining(text[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", text[position:end]).translate(_FOLD)
        if cluster in ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"):
            position = end
            continue
        if cluster == " " and out and out[-1] == " ":
            position = end
            continue
        for char in cluster.casefold():
            out.append(char)
            origin.append(position)
        position = end
    return "".join(out), origin


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


# -- finding ---------------------------------------------------------------------
@dataclass
class _Hit:
    start: int
    end: int
    key: str


def _hits(text: str, scanner: _Scanner) -> list[_Hit]:
    if not len(scanner.automaton):
        return []
    folded, origin = _fold(text)
    size = len(folded)
    raw: list[tuple[int, int, str]] = []
    for last, key in scanner.automaton.iter(folded):
        first = last - len(key) + 1
        if first > 0 and _is_word_char(folded[first - 1]):
            continue
        if last + 1 < size and _is_word_char(folded[last + 1]):
            continue
        if origin is None:
            start, end = first, last + 1
        else:
            if first > 0 and origin[first - 1] == origin[first]:
                continue
            if last + 1 < size and origin[last + 1] == origin[last]:
                continue
            start, end = origin[first], origin[last] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
        if not _capitalized(text[start:end], scanner.caps[key]):
            continue
        raw.append((start, end, key))
    raw.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[_Hit] = []
    for start, end, key in raw:
        if any(start < t.end and t.start < end for t in taken):
            continue
        taken.append(_Hit(start, end, key))
    taken.sort(key=lambda h: h.start)
    return taken


def _capitalized(original: str, flags: tuple[bool, ...]) -> bool:
    words = original.split()
    if len(words) != len(flags):
        words = original.replace("\u00a0", " ").split()
    for word, must in zip(words, flags, strict=False):
        if not must:
            continue
        first = next((c for c in word if c.isalpha()), "")
        if not first.isupper():
            return False
    return True


def scan(text: str, registry: Registry) -> list[Found]:
    """Every registry mention in ``text``, in text order (see the module docstring)."""
    if not text:
        return []
    scanner = _scanner(registry)
    return _Document(text, registry, scanner).run()


# -- one document ----------------------------------------------------------------
@dataclass
class _Draft:
    start: int
    end: int
    parts: list[Part]
    matches: list[Match]
    status: str
    key: str
    anchor_entities: frozenset[int]
    full: bool  # has a given name, patronymic or initial
    homograph: bool = False


class _Document:
    def __init__(self, text: str, registry: Registry, scanner: _Scanner) -> None:
        self.text = text
        self.registry = registry
        self.index = registry.index
        self.scanner = scanner
        self.ids = {entity.id: number for number, entity in enumerate(self.index.entities)}
        self.shadowed: set[str] = set()
        self.taken: list[tuple[int, int]] = []

    # -- resolver calls, cached per index ------------------------------------------
    def lookup(self, query: str, kind: str | None = None) -> list[Match]:
        cache = self.scanner.cache
        found = cache.get((query, kind))
        if found is None:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            try:
                found = self.registry.lookup(query, limit=3, kind=kind)
            except ValueError:  # too long: not a name
                found = []
            cache[(query, kind)] = found
        return found

    def run(self) -> list[Found]:
        drafts: list[Draft_] = []
        hits = _hits(self.text, self.scanner)
        previous_end = 0
        for number, hit in enumerate(hits):
            next_start = hits[number + 1].start if number + 1 < len(hits) else len(self.text)
            draft = self.judge(hit, previous_end, next_start)
            if draft is not None:
                drafts.append(draft)
                previous_end = draft.end
                self.taken.append((draft.start, draft.end))
        drafts.extend(self.fuzzy(drafts))
        drafts.sort(key=lambda d: d.start)
        return self.decide(drafts)

    # -- one automaton hit -----------------------------------------------------------
    def judge(self, hit: _Hit, floor: int, ceiling: int) -> Draft_ | None:
        text = self.text
        entities = self.scanner.entities[hit.key]
        persons = any(self.index.entities[e].kind == _PERSON for e in entities)
        anchor_role = "surname" if persons else "name"
        anchor = Part(hit.start, hit.end, text[hit.start : hit.end], anchor_role)
        before: list[Part] = []
        after: list[Part] = []
        if persons:
            before = self.absorb_left(hit.start, floor)
            if not any(p.role in ("given", "patronymic", "initial") for p in before):
                after = self.absorb_right(hit.end, ceiling, entities)
        name_parts = [p for p in before if p.role != "title"]
        query_start = name_parts[0].start if name_parts else hit.start
        query_end = after[-1].end if after else hit.end
        full = bool(name_parts or after)
        matches = self.lookup(text[query_start:query_end])
        if full and self.index.decide(matches) == "unmatched" and after and not name_parts:
            after, full, query_end = [], False, hit.end  # "Lukashenko A. ..." was not his initial
            matches = self.lookup(text[hit.start : hit.end])
        status = self.index.decide(matches)
        if status == "unmatched" or matches[0].id not in {
            self.index.entities[e].id for e in entities
        }:
            if full and any(p.role == "given" for p in name_parts):
                # A given name the registry does not know for this surname: someone else.
                self.shadowed.update(self.index.entities[e].id for e in entities)
            return None
        titles = [p for p in before if p.role == "title"]
        parts = [*titles, *name_parts, anchor, *after]
        if status == "matched":
            parts = self.mark_inflection(parts, self.ids[matches[0].id], hit.key)
        homograph = (
            not full
            and not titles
            and hit.key in HOMOGRAPHS
            and not self.quoted(hit.start)
            and (self.sentence_start(hit.start) or self.headline(hit.start))
        )
        return Draft_(
            parts[0].start,
            parts[-1].end,
            parts,
            matches,
            status,
            hit.key,
            entities,
            full,
            homograph,
        )

    def absorb_left(self, position: int, floor: int) -> list[Part]:
        parts: list[Part] = []
        names = 0
        titles = 0
        while True:
            window_start = max(floor, position - 80)
            found = _PREV.search(self.text, window_start, position)
            if found is None or found.start(1) < floor:
                break
            if found.start(1) == window_start and window_start > floor:
                break  # the window cut a word
            token = found.group(1)
            folded = token.rstrip(".").casefold()
            if titles == 0 and names < _MAX_PREFIX_WORDS and _INITIALS.match(token):
                role = "initial"
                names += 1
            elif (
                titles == 0
                and names < _MAX_PREFIX_WORDS
                and _NAME_WORD.match(token)
                and token[0].isupper()
                and folded not in TITLES
                and self.given_like(token)
            ):
                role = "patronymic" if is_patronymic(token) else "given"
                names += 1
            elif (
                titles < _MAX_TITLES
                and folded in TITLES
                and (token[0].isupper() or is_cyrillic(token))
                and (token.endswith(".") or _NAME_WORD.match(token))
            ):
                role = "title"
                titles += 1
            else:
                break
            parts.insert(0, Part(found.start(1), found.end(1), token, role))
            position = found.start(1)
        return parts

    def absorb_right(self, position: int, ceiling: int, entities: frozenset[int]) -> list[Part]:
        own_given: set[str] = set()
        for number in entities:
            roles = self.scanner.own.get(number, {})
            own_given |= roles.get("given", frozenset()) | roles.get("patronymic", frozenset())
        parts: list[Part] = []
        names = 0
        while names < _MAX_PREFIX_WORDS:
            found = _NEXT.match(self.text, position)
            if found is None or not found.group(1) or found.end(2) > ceiling:
                break
            token = found.group(2)
            if _INITIALS.match(token):
                role = "initial"
            elif (
                _NAME_WORD.match(token)
                and token[0].isupper()
                and surface(token) in own_given
                and not any(p.role in ("given", "initial") for p in parts)
            ):
                role = "patronymic" if parts and is_patronymic(token) else "given"
            else:
                break
            parts.append(Part(found.start(2), found.end(2), token, role))
            position = found.end(2)
            names += 1
        return parts

    def given_like(self, token: str) -> bool:
        key = surface(token)
        return (
            key in self.scanner.given or key in self.index.given.by_surface or is_patronymic(token)
        )

    def mark_inflection(self, parts: list[Part], entity: int, key: str) -> list[Part]:
        """Flag Cyrillic parts that are only known as case forms of this entity's names."""
        index = self.index
        person = index.people[entity]
        units = person.given | person.patronymic | person.surname
        marked: list[Part] = []
        for part in parts:
            if part.role in ("title", "initial") or not is_cyrillic(part.text):
                marked.append(part)
                continue
            wanted = surface(part.text)
            systems = [
                index.units[u].variants[v].system
                for u, v in index.surfaces.get(wanted, ())
                if u in units
            ]
            inflected = bool(systems) and all(s == "case" for s in systems)
            if not systems:
                inflected = True  # not a spelling of this entity's words: do not rewrite
            marked.append(Part(part.start, part.end, part.text, part.role, inflected))
        return marked

    # -- context -------------------------------------------------------------------
    def sentence_start(self, position: int) -> bool:
        cursor = position - 1
        while cursor >= 0 and (self.text[cursor] in " \t\u00a0" or self.text[cursor] in _OPENING):
            cursor -= 1
        return cursor < 0 or self.text[cursor] in _SENTENCE_END

    def headline(self, position: int) -> bool:
        """Whether the line is in capitals or Title Case (capitals say nothing there)."""
        line_start = self.text.rfind("\n", 0, position) + 1
        line_end = self.text.find("\n", position)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        words = _WORD.findall(line)
        if len(words) < 3:
            return False
        capitals = sum(1 for w in words if w[0].isupper())
        return capitals >= 0.75 * len(words)

    def quoted(self, position: int) -> bool:
        return position > 0 and self.text[position - 1] in _OPENING

    # -- capitalized words the automaton missed ---------------------------------------
    def fuzzy(self, drafts: list[Draft_]) -> Iterator[Draft_]:
        text = self.text
        known = {
            d.matches[0].id
            for d in drafts
            if d.status == "matched" and d.matches[0].kind == _PERSON and not d.homograph
        }
        known_keys = self.surname_keys(known)
        taken = sorted(self.taken)
        cursor = 0
        previous: tuple[int, int] | None = None  # a given-like word just before
        for found in _WORD.finditer(text):
            start, end = found.span()
            while cursor < len(taken) and taken[cursor][1] <= start:
                cursor += 1
            if cursor < len(taken) and taken[cursor][0] < end:
                previous = None
                continue
            word = found.group(0)
            if not word[0].isupper():
                previous = None
                continue
            draft: Draft_ | None = None
            if previous is not None and len(word) > 2:
                draft = self.fuzzy_pair(previous, (start, end))
            if draft is None and len(word) >= 5 and known_keys:
                keys = phonetic_keys(word)[:4]
                if any(_near(k, s) for k in keys for s in known_keys):
                    draft = self.fuzzy_single((start, end), known)
            if draft is not None:
                yield draft
                previous = None
                continue
            previous = (start, end) if self.given_like(word) and _NAME_WORD.match(word) else None

    def surname_keys(self, ids: set[str]) -> set[str]:
        keys: set[str] = set()
        for entity_id in ids:
            person = self.index.people[self.ids[entity_id]]
            for unit in person.surname:
                keys.update(self.index.units[unit].keys)
        return keys

    def fuzzy_pair(self, given: tuple[int, int], word: tuple[int, int]) -> Draft_ | None:
        gap = self.text[given[1] : word[0]]
        if not gap or gap.strip() or gap.count("\n") > 1:
            return None
        matches = self.lookup(self.text[given[0] : word[1]], _PERSON)
        if self.index.decide(matches) != "matched":
            return None
        text = self.text
        given_part = Part(given[0], given[1], text[given[0] : given[1]], "given")
        surname = Part(word[0], word[1], text[word[0] : word[1]], "surname")
        parts = self.mark_inflection([given_part, surname], self.ids[matches[0].id], "")
        if not self.own_given(parts[0].text, matches[0].id):
            return None
        return Draft_(given[0], word[1], parts, matches, "matched", "", frozenset(), True)

    def own_given(self, token: str, entity_id: str) -> bool:
        roles = self.scanner.own.get(self.ids[entity_id], {})
        return surface(token) in roles.get("given", frozenset())

    def fuzzy_single(self, word: tuple[int, int], known: set[str]) -> Draft_ | None:
        if self.sentence_start(word[0]) and self.headline(word[0]):
            return None
        token = self.text[word[0] : word[1]]
        matches = self.lookup(token, _PERSON)
        if self.index.decide(matches) != "matched" or matches[0].id not in known:
            return None
        if surface(token)[:1] != surface(matches[0].matched)[:1]:
            return None
        part = Part(word[0], word[1], token, "surname")
        parts = self.mark_inflection([part], self.ids[matches[0].id], "")
        return Draft_(word[0], word[1], parts, matches, "matched", "", frozenset(), False)

    # -- the document as a whole -----------------------------------------------------
    def decide(self, drafts: list[Draft_]) -> list[Found]:
        named_in_full = {d.matches[0].id for d in drafts if d.status == "matched" and d.full}
        found: list[Found] = []
        for draft in drafts:
            candidates = _candidates(draft.matches)
            status = draft.status
            chosen: Match | None = draft.matches[0] if status == "matched" else None
            if draft.homograph and not any(
                d is not draft and d.matches[0].id == draft.matches[0].id and not d.homograph
                for d in drafts
            ):
                continue
            if status == "ambiguous":
                fitting = [c for c in candidates if c in named_in_full]
                if len(fitting) == 1:
                    chosen = next(m for m in draft.matches if m.id == fitting[0])
                    status = "matched"
            elif (
                chosen is not None
                and not draft.full
                and chosen.id in self.shadowed
                and chosen.id not in named_in_full
            ):
                status, chosen = "ambiguous", None
                candidates = (*candidates, "")[:-1]
            entity = self.index.entities[self.ids[chosen.id]] if chosen else None
            mention = Mention(
                draft.start,
                draft.end,
                self.text[draft.start : draft.end],
                chosen.id if chosen else None,
                status,
                candidates if status == "ambiguous" else (chosen.id,) if chosen else candidates,
            )
            score = chosen.score if chosen else draft.matches[0].score
            found.append(
                Found(mention, entity, score, tuple(draft.parts), chosen.matched if chosen else "")
            )
        return found


Draft_ = _Draft


def _candidates(matches: list[Match]) -> tuple[str, ...]:
    if not matches:
        return ()
    top = matches[0].score
    return tuple(m.id for m in matches if top - m.score < AMBIGUITY_MARGIN)


def _near(key: str, other: str) -> bool:
    if key == other:
        return True
    if abs(len(key) - len(other)) > 2 or key[:1] != other[:1]:
        return False
    from rapidfuzz.distance import Levenshtein

    allowed = 2 if len(key) >= 8 else 1
    return Levenshtein.distance(key, other, score_cutoff=allowed) <= allowed
