"""Find registry names in running text: the scanning half of copy normalization.

:func:`scan` walks a text once with an Aho-Corasick automaton built over the
index's unit spellings that can stand for a whole mention: every stored,
generated (romanized, diacritic-free) and inflected spelling of a surname, and
of a whole organization or place name. Full-name spellings are reached from
their surname (see below), so the automaton stays small at 100,000 entities.
The text is case-folded like the index keys (:func:`~namenorm.keys.surface`),
with a map back to the original offsets. A hit must sit on word boundaries
and have the capitals its registry spelling has (lowercase "mosaic", "знак"
and "breast" are words, not names); overlapping hits keep the longest.

Around each surname hit the adjacent given names, patronymics, initials and
titles are absorbed ("President Alexander Lukashenko", "Лукашенко А. Г.",
"Alexander\\nLukashenko"), and the resolver judges the whole span
(:meth:`~namenorm.registry.Registry.lookup` and ``Index.decide``): a given
name that does not fit means someone else, and the span is dropped. Then the
document is read as a whole: an ambiguous surname ("Babaryka": two in the
registry) takes the ID of the one candidate the text names in full; a surname
that someone outside the registry also bears in this text stays ambiguous;
words that are also common words in the copy's language ("Знак", "Mosaic")
count at the start of a sentence or in a headline only with other evidence.
Last, capitalized words the automaton missed get a fuzzy look-up, but only in
a name context (after a given name of that person, or when the text names
that person elsewhere), so a typo such as "Likashenka" is caught and
"Breast" is not.

Left out: what a mention is rewritten to (``namenorm.copy``), and names split
by a hyphen at a line break ("Lukash-\\nenko").
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from .keys import official_spellings, phonetic_keys, surface
from .lemmas import lemmas
from .lexicon import is_common_word
from .match import AMBIGUITY_MARGIN, Match
from .names import TITLES, is_patronymic, parse_registry_name
from .registry import Entity, Registry
from .text import is_cyrillic

__all__ = ["Found", "Mention", "Part", "cyrillic", "scan", "scanner"]

_PERSON = "person"
_PREFIX_WORDS = 3  # given name + patronymic + one initial, at most
_TITLE_WORDS = 2
_CACHE_LIMIT = 200_000
_TYPO_LENGTH = 8  # a word this long one letter off a surname is a typo of it
_SOUND_ALIKE_SIMILARITY = 70  # least rapidfuzz ratio of a sound-alike to the spelling hit
_HEADLINE = 300  # longest line taken for a headline, in characters
#: Characters folded to what the index keys use, one for one (offsets hold).
_FOLD_MAP: dict[str, str] = (
    {c: "'" for c in "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\u02bb\uff07"}
    | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"}
    | {c: " " for c in "\t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000"}
    | {chr(c): " " for c in range(0x2000, 0x200B)}
)
_FOLD = str.maketrans(_FOLD_MAP)
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD_MAP)) + "]")
#: Invisible characters dropped from the folded text (soft hyphen, zero-width).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
#: Runs the folded text shortens: spaces with invisibles, or two spaces and more.
_SQUEEZE = re.compile(rf"[ {_INVISIBLE}]*[{_INVISIBLE}][ {_INVISIBLE}]*| {{2,}}")
_TOKEN = r"[^\W\d_](?:[\w'’.\-]*[^\W\d_])?\.?"
_GAP = r"[^\S\n]*\n?[^\S\n]*"
#: The word before a position, matched on the reversed text (so only that word is read).
_PREV_REVERSED = re.compile(rf"({_GAP})(\.?[^\W\d_](?:[\w'’.\-]*[^\W\d_])?)(?![\w'’.\-])")
_NEXT = re.compile(rf"([^\S\n]+)({_TOKEN})(?![\w'’\-])")  # on the same line
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+\Z")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\Z")
_WORD = re.compile(r"(?<![\w'’\-])[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_CAPITALIZED = re.compile(r"(?<![\w'’\-])[A-ZÀ-ÖØ-ÞĀ-ɏА-ЯЁЂ-ЏѠ-ӿ][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_POSSESSIVES = ("'s", "’s", "'S", "’S", "'", "’")
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


@dataclass(frozen=True)
class Found:
    """A mention with what ``namenorm.copy`` needs to rewrite it."""

    mention: Mention
    entity: Entity | None
    score: float
    parts: tuple[Part, ...]
    #: The registry spelling (stored or generated) the resolver matched.
    matched: str = ""


def cyrillic(text: str) -> bool:
    """Whether most letters of ``text`` are Cyrillic (ASCII text answered at once)."""
    return not text.isascii() and is_cyrillic(text)


def scan(text: str, registry: Registry, *, lang: str = "en") -> list[Found]:
    """Every registry mention in ``text``, in text order (see the module docstring).

    ``lang`` is the copy's language; it only picks the common words of
    common words that need more evidence (``namenorm.lexicon``).
    """
    if not text:
        return []
    return _Document(text, scanner(registry), lang).run()


# -- the automaton and tables, built once per index ------------------------------------
@dataclass(frozen=True)
class _Anchor:
    """What an automaton key stands for: a person's surname or not, the IDs it can
    name, and the spellings of those people's given names and patronymics."""

    person: bool
    ids: frozenset[str]
    given: frozenset[str]


@dataclass
class _Scanner:
    """The automaton over one registry's index, and what is remembered between texts.

    It holds its registry weakly: it is kept in a table keyed (weakly) by the
    index, and a strong reference back would keep both alive after a reload.
    """

    registry_ref: weakref.ReferenceType[Registry]
    automaton: ahocorasick.Automaton
    #: key -> per word of the key: must it start with a capital?
    caps: dict[str, tuple[bool, ...]]
    #: key -> numbers of the entities whose surname (or whole name) it spells
    entities: dict[str, tuple[int, ...]]  # tuples: the garbage collector stops walking them
    #: surfaces of every given name and patronymic in the registry
    given: frozenset[str]
    lookups: dict[tuple[str, str | None], list[Match]] = field(default_factory=dict)
    own: dict[tuple[int, str], frozenset[str]] = field(default_factory=dict)
    given_words: dict[str, bool] = field(default_factory=dict)
    anchors: dict[str, _Anchor] = field(default_factory=dict)
    #: sound keys of every surname and whole organization or place name
    anchor_keys: frozenset[str] = frozenset()
    #: capitalized words known not to be a typo of any surname
    not_typos: set[str] = field(default_factory=set)
    homographs: dict[tuple[str, str], bool] = field(default_factory=dict)
    word_keys: dict[str, frozenset[str]] = field(default_factory=dict)

    def homograph(self, key: str, anchor: _Anchor, lang: str) -> bool:
        """Whether an anchor spelling is a common word of the copy's language.

        Belarusian has no lexicon of its own (``namenorm.lexicon``): in Belarusian
        copy a spelling is a common word when it is one of the entity's own
        Belarusian spellings and the entity's Russian or Ukrainian name is a common
        word (Вясна: Весна; Знак), so the Russian "Весна" in Belarusian copy is a name.
        """
        found = self.homographs.get((key, lang))
        if found is None:
            found = " " not in key and (
                self._belarusian_homograph(key, anchor)
                if lang == "be"
                else is_common_word(key, lang)
            )
            if len(self.homographs) > _CACHE_LIMIT:
                self.homographs.clear()
            self.homographs[(key, lang)] = found
        return found

    def _belarusian_homograph(self, key: str, anchor: _Anchor) -> bool:
        index = self.registry.index
        for entity_id in anchor.ids:
            number = index.entity_number(entity_id)
            names = index.entity_at(number).names
            kind = index.entity_at(number).kind
            if not any(
                is_common_word(parse_registry_name(n.text, kind=kind).surname, n.lang)
                for n in names
                if n.lang in ("ru", "uk")
            ):
                continue
            own = {
                surface(form)
                for n in names
                if n.lang == "be"
                for form in index.unit_forms(
                    number, "surname", parse_registry_name(n.text, kind=kind).surname, "be"
                )
            }
            if key in own:
                return True
        return False

    def names_place(self, word: str) -> bool:
        """Whether ``word`` is a spelling of a surname or an organization or place."""
        return surface(word) in self.caps

    def sound_keys(self, word: str) -> frozenset[str]:
        """A word's sound keys that name an anchor: of each official-orthography
        reading and case ending read back (``namenorm.lemmas``) of a Cyrillic word,
        the first four readings of a Latin one."""
        found = self.word_keys.get(word)
        if found is None:
            readings = set(official_spellings(word))
            if cyrillic(word):  # a case form sounds like its nominative only once read back
                readings.update(lemma for lemma, *_ in lemmas(word))
            keys = {k for reading in readings for k in phonetic_keys(reading)[:4]}
            found = frozenset(keys & self.anchor_keys)
            if len(self.word_keys) > _CACHE_LIMIT:
                self.word_keys.clear()
            self.word_keys[word] = found
        return found

    @property
    def registry(self) -> Registry:
        registry = self.registry_ref()
        if registry is None:  # pragma: no cover - scan() holds the registry
            raise RuntimeError("the registry of this scanner is gone")
        return registry

    def lookup(self, query: str, kind: str | None = None) -> list[Match]:
        """``Registry.lookup`` (three candidates), remembered per query."""
        found = self.lookups.get((query, kind))
        if found is None:
            if len(self.lookups) > _CACHE_LIMIT:
                self.lookups.clear()
            try:
                found = self.registry.lookup(query, limit=3, kind=kind)
            except ValueError:  # longer than any name
                found = []
            self.lookups[(query, kind)] = found
        return found

    def anchor(self, key: str) -> _Anchor:
        """What an automaton key stands for, worked out once per key."""
        found = self.anchors.get(key)
        if found is None:
            index = self.registry.index
            entities = self.entities[key]
            people = [e for e in entities if index.entity_at(e).kind == _PERSON]
            given = frozenset().union(
                *(self.own_surfaces(e, role) for e in people for role in ("given", "patronymic"))
            )
            found = _Anchor(bool(people), frozenset(index.entity_at(e).id for e in entities), given)
            if len(self.anchors) > _CACHE_LIMIT:
                self.anchors.clear()
            self.anchors[key] = found
        return found

    def given_like(self, token: str) -> bool:
        """Whether a word is a given name or patronymic (of anyone in the registry, or
        in the given-name table), remembered per word."""
        found = self.given_words.get(token)
        if found is None:
            if len(self.given_words) > _CACHE_LIMIT:
                self.given_words.clear()
            found = is_patronymic(token) or any(
                surface(reading) in self.given or self.registry.index.is_given_name(reading)
                for reading in official_spellings(token)
            )
            self.given_words[token] = found
        return found

    def own_surfaces(self, entity: int, role: str) -> frozenset[str]:
        """Surfaces of one entity's given names, patronymics or surnames (every variant)."""
        found = self.own.get((entity, role))
        if found is None:
            found = self.registry.index.name_spellings(entity, role)
            if len(self.own) > _CACHE_LIMIT:
                self.own.clear()
            self.own[(entity, role)] = found
        return found


_SCANNERS: weakref.WeakKeyDictionary[object, _Scanner] = weakref.WeakKeyDictionary()


def scanner(registry: Registry) -> _Scanner:
    """The automaton and tables for ``registry``, built on first use and kept with its index."""
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
        flags.append(first.isupper())
    return tuple(flags)


def _build(registry: Registry) -> _Scanner:
    index = registry.index
    caps: dict[str, tuple[bool, ...]] = {}
    entities: dict[str, set[int]] = {}
    given = frozenset(surface(spelling) for spelling in index.part_spellings())
    for spelling, posted in index.anchor_spellings():
        key = surface(spelling)
        flags = _caps_of(spelling)
        # "Jean-Claude" and "Jean Claude" alike, as the index has it
        for form in {key, key.replace("-", " ")}:
            old = caps.get(form)
            if old is not None and len(old) == len(flags):
                flags = tuple(a and b for a, b in zip(old, flags, strict=True))
            caps[form] = flags
            entities.setdefault(form, set()).update(posted)
    automaton = ahocorasick.Automaton()
    for key in caps:
        # A final apostrophe (a romanized soft sign, "Belarus'") reads as a possessive
        # in running text: the spelling without it is a key too.
        if key.strip() and not key.endswith("'"):
            automaton.add_word(key, key)
    if len(automaton):
        automaton.make_automaton()
    return _Scanner(
        weakref.ref(registry),
        automaton,
        caps,
        {k: tuple(sorted(v)) for k, v in entities.items()},
        given,
        anchor_keys=frozenset(index.anchor_keys()),
    )


# -- folding the text ---------------------------------------------------------------
class _Offsets:
    """Maps positions in the folded text back to the original text."""

    def __init__(self, folded_starts: list[int], original_starts: list[int]) -> None:
        self.folded = folded_starts
        self.original = original_starts

    def __call__(self, position: int) -> int:
        segment = bisect_right(self.folded, position) - 1
        return self.original[segment] + position - self.folded[segment]


def _fold(text: str) -> tuple[str, _Offsets | None]:
    """``text`` case-folded like the index keys, and a map to original offsets.

    The map is ``None`` when every folded character sits at its original offset
    (the common case, checked rather than assumed). Runs of spaces fold to one
    and invisible characters are dropped, as in the index keys.
    """
    same = _FOLD_RE.sub(_fold_char, text)
    lowered = same.casefold()
    if len(lowered) == len(text) and unicodedata.is_normalized("NFC", text):
        if not _SQUEEZE.search(lowered):
            return lowered, None
        pieces: list[str] = []
        folded_starts: list[int] = []
        original_starts: list[int] = []
        position = length = 0
        for run in _SQUEEZE.finditer(lowered):
            piece = lowered[position : run.start()] + (" " if " " in run.group() else "")
            folded_starts.append(length)
            original_starts.append(position)
            pieces.append(piece)
            length += len(piece)
            position = run.end()
        folded_starts.append(length)
        original_starts.append(position)
        pieces.append(lowered[position:])
        return "".join(pieces), _Offsets(folded_starts, original_starts)
    return _fold_slowly(text)


def _fold_char(found: re.Match[str]) -> str:
    return _FOLD_MAP[found.group()]


def _fold_slowly(text: str) -> tuple[str, _Offsets]:
    """Character by character, for text that case-folding lengthens (ß) or not in NFC."""
    out: list[str] = []
    folded_starts: list[int] = []
    original_starts: list[int] = []
    position, size = 0, len(text)
    while position < size:
        end = position + 1
        while end < size and unicodedata.combining(text[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", text[position:end]).translate(_FOLD).casefold()
        cluster = "".join(c for c in cluster if c not in _INVISIBLE)
        if cluster == " " and out and out[-1] == " ":
            cluster = ""
        for char in cluster:
            folded_starts.append(len(out))
            original_starts.append(position)
            out.append(char)
        position = end
    folded_starts.append(len(out))
    original_starts.append(size)
    return "".join(out), _Offsets(folded_starts, original_starts)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"


# -- automaton hits -------------------------------------------------------------------
@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    key: str


def _hits(text: str, scanner: _Scanner) -> list[_Hit]:
    """Word-bounded, properly capitalized automaton hits; the longest of overlapping ones."""
    if not len(scanner.automaton):
        return []
    folded, offsets = _fold(text)
    size = len(folded)
    raw: list[_Hit] = []
    for last, key in scanner.automaton.iter(folded):
        first = last - len(key) + 1
        if first > 0 and _is_word_char(folded[first - 1]):
            continue
        if last + 1 < size and _is_word_char(folded[last + 1]):
            continue
        if offsets is None:
            start, end = first, last + 1
        else:
            start, end = offsets(first), offsets(last) + 1
            if (first > 0 and offsets(first - 1) == start) or offsets(last + 1) == end - 1:
                continue  # the key starts or ends inside one original character
            while end < len(text) and unicodedata.category(text[end])[0] == "M":
                end += 1
        if _capitalized(text[start:end], scanner.caps[key]):
            raw.append(_Hit(start, end, key))
    raw.sort(key=lambda h: (h.start - h.end, h.start))
    occupied = bytearray(len(text) + 1)
    taken: list[_Hit] = []
    for hit in raw:
        if occupied.find(1, hit.start, hit.end) == -1:
            occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            taken.append(hit)
    taken.sort(key=lambda h: h.start)
    return taken


def _capitalized(original: str, flags: tuple[bool, ...]) -> bool:
    for word, must in zip(original.split(), flags, strict=False):
        if must:
            first = next((c for c in word if c.isalpha()), "")
            if not first.isupper():
                return False
    return True


# -- one document ---------------------------------------------------------------------
@dataclass
class _Draft:
    parts: list[Part]
    matches: list[Match]
    status: str
    full: bool  # named with a given name, patronymic or initial
    homograph: bool = False

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


class _Document:
    """One text being scanned: its hits, the drafts made of them, and context."""

    def __init__(self, text: str, scanner: _Scanner, lang: str) -> None:
        self.text = text
        self.scanner = scanner
        self.index = scanner.registry.index
        self.lang = lang
        self.reversed = text[::-1]
        #: IDs whose surname someone outside the registry also bears in this text
        self.shadowed: set[str] = set()
        #: automaton hits the resolver turned down (the fuzzy pass leaves them alone)
        self.rejected: list[tuple[int, int]] = []

    def run(self) -> list[Found]:
        drafts: list[_Draft] = []
        hits = _hits(self.text, self.scanner)
        floor = 0
        for number, hit in enumerate(hits):
            ceiling = hits[number + 1].start if number + 1 < len(hits) else len(self.text)
            draft = self.judge(hit, floor, ceiling)
            if draft is not None:
                drafts.append(draft)
                floor = draft.end
            else:
                self.rejected.append((hit.start, hit.end))
        drafts.extend(self.fuzzy(drafts))
        drafts.sort(key=lambda d: d.start)
        return self.decide(drafts)

    # -- one automaton hit ---------------------------------------------------------------
    def judge(
        self, hit: _Hit, floor: int, ceiling: int, anchor_of: _Anchor | None = None
    ) -> _Draft | None:
        """Absorb the words around a hit, and let the resolver judge the span."""
        text, index = self.text, self.index
        if anchor_of is None:
            anchor_of = self.scanner.anchor(hit.key)
        anchor = Part(
            hit.start, hit.end, text[hit.start : hit.end], "surname" if anchor_of.person else "name"
        )
        before: list[Part] = []
        after: list[Part] = []
        if anchor_of.person:
            before = self.absorb_left(hit.start, floor)
            if all(p.role == "title" for p in before):
                after = self.absorb_right(hit.end, ceiling, anchor_of.given)
        titles = [p for p in before if p.role == "title"]
        prefix = [p for p in before if p.role != "title"]
        matches = self.scanner.lookup(
            text[(prefix or [anchor])[0].start : (after or [anchor])[-1].end]
        )
        if after and index.decide(matches) == "unmatched":
            after = []  # "Lukashenko A." where A. is not his initial: the surname alone
            matches = self.scanner.lookup(anchor.text)
        status = index.decide(matches)
        if status == "unmatched" or matches[0].id not in anchor_of.ids:
            if any(p.role == "given" for p in prefix):
                # a given name the registry does not know with this surname: someone else
                self.shadowed.update(anchor_of.ids)
            return None
        full = bool(prefix or after)
        homograph = (
            not full
            and not titles
            and self.scanner.homograph(hit.key, anchor_of, self.lang)
            and not self.quoted(hit.start)
            and (self.sentence_start(hit.start) or self.headline(hit.start))
        )
        parts = [*titles, *prefix, anchor, *after]
        if status == "matched":
            parts = self.mark_inflection(parts, self.index.entity_number(matches[0].id))
        return _Draft(parts, matches, status, full, homograph)

    def absorb_left(self, position: int, floor: int) -> list[Part]:
        """Initials, given names and patronymics, then titles, just before ``position``."""
        parts: list[Part] = []
        names = titles = 0
        size = len(self.text)
        while True:
            found = _PREV_REVERSED.match(self.reversed, size - position)
            if found is None or not found.group(1) or size - found.end(2) < floor:
                break
            token = found.group(2)[::-1]
            token_start = size - found.end(2)
            folded = token.rstrip(".").casefold()
            if not titles and names < _PREFIX_WORDS and _INITIALS.match(token):
                role = "initial"
                names += 1
            elif (
                not titles
                and names < _PREFIX_WORDS
                and token[0].isupper()
                and _NAME_WORD.match(token)
                and folded not in TITLES
                and self.given_like(token)
            ):
                role = "patronymic" if is_patronymic(token) and names == 0 else "given"
                names += 1
            elif (
                titles < _TITLE_WORDS
                and folded in TITLES
                and (token[0].isupper() or cyrillic(token))
                and (token.endswith(".") or _NAME_WORD.match(token))
            ):
                role = "title"
                titles += 1
            elif not parts and self.unknown_given(token, found.group(1), token_start):
                role = "given"  # "Nikolai Lukashenko": a given name the tables do not know
                names += 1
            else:
                break
            parts.insert(0, Part(token_start, token_start + len(token), token, role))
            position = token_start
        return parts

    def unknown_given(self, token: str, gap: str, start: int) -> bool:
        """Whether a capitalized word right before a surname, on the same line, can only
        be a given name: a name-like word that is no title and no common word (at the
        start of a sentence only in Latin script, where the lexicons can tell)."""
        return (
            gap == " "
            and not (self.sentence_start(start) and (cyrillic(token) or self.lang == "be"))
            and len(token) > 2
            and token[0].isupper()
            and not token.isupper()
            and _NAME_WORD.match(token) is not None
            and token.casefold() not in TITLES
            and not is_common_word(token, self.lang)
            and not self.scanner.names_place(token)
        )

    def absorb_right(self, position: int, ceiling: int, own: frozenset[str]) -> list[Part]:
        """A given name (``own``: of a candidate), patronymic or initials after a surname."""
        parts: list[Part] = []
        while len(parts) < _PREFIX_WORDS:
            found = _NEXT.match(self.text, position)
            if found is None or not found.group(1) or found.end(2) > ceiling:
                break
            token = found.group(2)
            if not _INITIALS.match(token):
                token = token.removesuffix(".")  # the end of the sentence, not of the name
            if _INITIALS.match(token):
                role = "initial"
            elif (
                token[0].isupper()
                and _NAME_WORD.match(token)
                and surface(token) in own
                and all(p.role == "given" for p in parts)
            ):
                role = "patronymic" if parts else "given"
            else:
                break
            parts.append(Part(found.start(2), found.start(2) + len(token), token, role))
            position = found.start(2) + len(token)
        return parts

    def given_like(self, token: str) -> bool:
        return self.scanner.given_like(token)

    def mark_inflection(self, parts: list[Part], entity: int) -> list[Part]:
        """Flag Cyrillic parts not known as nominative spellings of this entity's names."""
        if all(part.text.isascii() for part in parts):
            return parts
        index = self.index
        marked: list[Part] = []
        for part in parts:
            if part.role in ("title", "initial") or not cyrillic(part.text):
                marked.append(part)
                continue
            systems = index.spelling_systems(entity, surface(part.text))
            inflected = not systems or all(s == "case" for s in systems)
            marked.append(Part(part.start, part.end, part.text, part.role, inflected))
        return marked

    # -- context -------------------------------------------------------------------------
    def sentence_start(self, position: int) -> bool:
        cursor = position - 1
        while cursor >= 0 and (self.text[cursor] in " \t\u00a0" or self.text[cursor] in _OPENING):
            cursor -= 1
        return cursor < 0 or self.text[cursor] in _SENTENCE_END

    def headline(self, position: int) -> bool:
        """Whether the line is in capitals or Title Case (where capitals say nothing)."""
        text = self.text
        low, high = max(0, position - _HEADLINE), min(len(text), position + _HEADLINE)
        before, after = text.rfind("\n", low, position), text.find("\n", position, high)
        if (before < 0 and low > 0) or (after < 0 and high < len(text)):
            return False  # a line this long is not a headline
        line_start, line_end = before + 1, after if after >= 0 else len(text)
        words = _WORD.findall(text, line_start, line_end)
        return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)

    def quoted(self, position: int) -> bool:
        return position > 0 and self.text[position - 1] in _OPENING

    # -- capitalized words the automaton missed --------------------------------------------
    def fuzzy(self, drafts: list[_Draft]) -> Iterator[_Draft]:
        """Fuzzy finds: "Given Typo" pairs, and typos of surnames named elsewhere in the text."""
        known = {
            d.matches[0].id
            for d in drafts
            if d.status == "matched" and d.matches[0].kind == _PERSON and not d.homograph
        }
        near = self.neighbourhood(known)
        taken = sorted([(d.start, d.end) for d in drafts] + self.rejected)
        starts = [start for start, _ in taken]
        floor = 0
        previous: tuple[int, int] | None = None  # a given-like word just before
        for found in self.untaken_capitalized(taken):
            if found is None:  # a mention in between
                previous = None
                continue
            start, end = found.span()
            before = bisect_right(starts, start) - 1
            floor = max(floor, taken[before][1] if before >= 0 else 0)
            ceiling = starts[before + 1] if before + 1 < len(starts) else len(self.text)
            word = found.group(0)
            possessive = word.endswith(_POSSESSIVES)
            if possessive:
                cut = 2 if word.endswith(("s", "S")) else 1
                end -= cut
                word = word[:-cut]
                if not word:
                    continue
            if not word[0].isupper():
                previous = None
                continue
            draft: _Draft | None = self.sound_alike(start, end, floor, ceiling)
            if draft is None and previous is not None and len(word) > 2:
                draft = self.fuzzy_pair(previous, (start, end))
            if draft is None and near and len(word) >= 5 and not near.isdisjoint(_fuzzy_keys(word)):
                draft = self.fuzzy_single((start, end), known)
            if draft is None and len(word) >= _TYPO_LENGTH and word not in self.scanner.not_typos:
                draft = self.fuzzy_typo((start, end))
                if draft is None:
                    if len(self.scanner.not_typos) > _CACHE_LIMIT:
                        self.scanner.not_typos.clear()
                    self.scanner.not_typos.add(word)
            if draft is not None:
                yield draft
                floor = draft.end
                previous = None
            elif not possessive and self.given_like(word):
                previous = (start, end)
            else:
                previous = None

    def sound_alike(self, start: int, end: int, floor: int, ceiling: int) -> _Draft | None:
        """A capitalized word that sounds like a surname or an organization or place
        name (a Taraškievica or press spelling, Калесьнікава, Келлогг): the resolver
        reads it, and a word that is a common word of the copy's language is left."""
        word = self.text[start:end]
        if len(word) < 3 or not self.scanner.sound_keys(word):
            return None
        if is_common_word(word, self.lang):
            return None
        matches = self.scanner.lookup(word)
        if self.index.decide(matches) == "unmatched" or matches[0].method == "fuzzy":
            return None
        if ratio(surface(word), surface(matches[0].matched)) < _SOUND_ALIKE_SIMILARITY:
            return None  # sounds alike by key only: "Brestov" is not Braslau
        top = matches[0].score
        ids = frozenset(m.id for m in matches if top - m.score < AMBIGUITY_MARGIN)
        person = matches[0].kind == _PERSON
        given: frozenset[str] = frozenset()
        if person:
            given = frozenset().union(
                *(
                    self.scanner.own_surfaces(self.index.entity_number(i), role)
                    for i in ids
                    for role in ("given", "patronymic")
                )
            )
        return self.judge(
            _Hit(start, end, surface(word)), floor, ceiling, _Anchor(person, ids, given)
        )

    def untaken_capitalized(self, taken: list[tuple[int, int]]) -> Iterator[re.Match[str] | None]:
        """Capitalized words outside ``taken`` spans, with ``None`` where a span was."""
        position = 0
        for start, end in [*taken, (len(self.text), len(self.text))]:
            if start > position:
                yield from _CAPITALIZED.finditer(self.text, position, start)
            yield None
            position = max(position, end)

    def neighbourhood(self, ids: set[str]) -> set[str]:
        """Sound keys of these people's surnames, with their one-deletion neighbours."""
        keys: set[str] = set()
        for entity_id in ids:
            for key in self.index.surname_keys(self.index.entity_number(entity_id)):
                keys.add(key)
                keys |= _deletions(key)
        return keys

    def fuzzy_pair(self, given: tuple[int, int], word: tuple[int, int]) -> _Draft | None:
        gap = self.text[given[1] : word[0]]
        if not gap or gap.strip() or gap.count("\n") > 1:
            return None
        matches = self.scanner.lookup(self.text[given[0] : word[1]], _PERSON)
        if self.index.decide(matches) != "matched":
            return None
        entity = self.index.entity_number(matches[0].id)
        given_text = self.text[given[0] : given[1]]
        surname = self.text[word[0] : word[1]]
        if surface(given_text) not in self.scanner.own_surfaces(entity, "given"):
            return None
        if not self.close_to_surname(surname, entity, 2 if len(surname) >= 6 else 1):
            return None
        parts = [
            Part(given[0], given[1], given_text, "given"),
            Part(word[0], word[1], surname, "surname"),
        ]
        return _Draft(self.mark_inflection(parts, entity), matches, "matched", True)

    def fuzzy_single(self, word: tuple[int, int], known: set[str]) -> _Draft | None:
        token = self.text[word[0] : word[1]]
        matches = self.scanner.lookup(token, _PERSON)
        if self.index.decide(matches) != "matched" or matches[0].id not in known:
            return None
        entity = self.index.entity_number(matches[0].id)
        if surface(token)[:1] != surface(matches[0].matched)[:1]:
            return None
        if not self.close_to_surname(token, entity, 2):
            return None
        parts = self.mark_inflection([Part(word[0], word[1], token, "surname")], entity)
        return _Draft(parts, matches, "matched", False)

    def fuzzy_typo(self, word: tuple[int, int]) -> _Draft | None:
        """A long surname one letter off a spelling of one person's surname ("Lukashenkko")."""
        token = self.text[word[0] : word[1]]
        index = self.index
        if not any(index.knows_key(k) for k in phonetic_keys(token)[:4]):
            return None
        matches = self.scanner.lookup(token, _PERSON)
        if index.decide(matches) != "matched":
            return None
        entity = self.index.entity_number(matches[0].id)
        if not self.close_to_surname(token, entity, 1):
            return None
        parts = self.mark_inflection([Part(word[0], word[1], token, "surname")], entity)
        return _Draft(parts, matches, "matched", False)

    def close_to_surname(self, token: str, entity: int, allowed: int) -> bool:
        """Whether ``token`` is at most ``allowed`` edits from a spelling of the surname."""
        wanted = surface(token)
        return any(
            Levenshtein.distance(wanted, spelling, score_cutoff=allowed) <= allowed
            for spelling in self.scanner.own_surfaces(entity, "surname")
        )

    # -- the document as a whole -----------------------------------------------------------
    def decide(self, drafts: list[_Draft]) -> list[Found]:
        """Settle ambiguous surnames and common words with what the whole text says."""
        in_full = {d.matches[0].id for d in drafts if d.status == "matched" and d.full}
        plain = {d.matches[0].id for d in drafts if d.status == "matched" and not d.homograph}
        found: list[Found] = []
        for draft in drafts:
            candidates = _candidates(draft.matches)
            top = draft.matches[0]
            chosen: Match | None = top
            status = draft.status
            if draft.homograph and top.id not in plain:
                continue  # "Знак ..." opening a sentence, and no other sign of Maksim Znak
            if status == "ambiguous":
                fitting = [c for c in candidates if c in in_full]
                chosen = next((m for m in draft.matches if [m.id] == fitting), None)
                status = "matched" if chosen else "ambiguous"
            elif not draft.full and top.id in self.shadowed and top.id not in in_full:
                chosen, status = None, "ambiguous"
            text = self.text[draft.start : draft.end]
            if chosen is None:
                mention = Mention(draft.start, draft.end, text, None, status, candidates)
                found.append(Found(mention, None, draft.matches[0].score, tuple(draft.parts)))
                continue
            parts = draft.parts
            if draft.status == "ambiguous":
                parts = self.mark_inflection(parts, self.index.entity_number(chosen.id))
            entity = self.scanner.registry.entity(chosen.id)
            mention = Mention(draft.start, draft.end, text, chosen.id, status, (chosen.id,))
            found.append(Found(mention, entity, chosen.score, tuple(parts), chosen.matched))
        return found


def _candidates(matches: list[Match]) -> tuple[str, ...]:
    top = matches[0].score
    return tuple(m.id for m in matches if top - m.score < AMBIGUITY_MARGIN)


@lru_cache(maxsize=65536)
def _deletions(key: str) -> frozenset[str]:
    return frozenset(key[:i] + key[i + 1 :] for i in range(len(key)))


@lru_cache(maxsize=65536)
def _fuzzy_keys(word: str) -> frozenset[str]:
    """A word's sound keys with their one-deletion neighbours."""
    keys = phonetic_keys(word)[:4]
    return frozenset(keys).union(*(_deletions(k) for k in keys))
