"""The name automaton of one index, and the tables scanning keeps beside it.

:func:`scanner` builds, once per index, an Aho-Corasick automaton over every
spelling the index lists as able to stand for a whole mention
(:meth:`~namenorm.index.Index.anchor_spellings`: stored, generated and
inflected spellings of surnames and of whole organization and place names).
Full names are reached from their surname, so the automaton stays small at
100,000 entities. :func:`hits` runs it over a folded text
(``namenorm.mentions.folding``) and keeps word-bounded hits with the
capitals their registry spelling has (lowercase "mosaic" and "знак" are
words, not names); of overlapping hits the longest. :class:`Scanner` also
remembers, between texts, what the index and lexicons said about a word.

Left out: what is around a hit (``spans``) and judging it (``document``).
"""

from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from ..caches import clears
from ..keys import official_spellings, phonetic_keys, surface
from ..lemmas import lemmas
from ..lexicon import is_common_word
from ..match import Match
from ..names import is_patronymic, parse_registry_name
from ..registry import Registry
from ..text import is_cyrillic
from .folding import fold

__all__ = ["Anchor", "Hit", "Scanner", "hits", "scanner"]

PERSON = "person"
#: Entries a remembered table holds before it starts over.
CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class Anchor:
    """What an automaton key stands for: a person's surname or not, the IDs it can
    name, and the spellings of those people's given names and patronymics."""

    person: bool
    ids: frozenset[str]
    given: frozenset[str]


@dataclass
class Scanner:
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
    anchors: dict[str, Anchor] = field(default_factory=dict)
    #: sound keys of every surname and whole organization or place name
    anchor_keys: frozenset[str] = frozenset()
    #: capitalized words known not to be a typo of any surname
    not_typos: set[str] = field(default_factory=set)
    homographs: dict[tuple[str, str], bool] = field(default_factory=dict)
    word_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    #: lower-case words that open a registry surname ("фон дер Ляйен", "von der Leyen")
    particles: frozenset[str] = frozenset()

    def homograph(self, key: str, anchor: Anchor, lang: str) -> bool:
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
            if len(self.homographs) > CACHE_LIMIT:
                self.homographs.clear()
            self.homographs[(key, lang)] = found
        return found

    def _belarusian_homograph(self, key: str, anchor: Anchor) -> bool:
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
            if is_cyrillic(word):  # a case form sounds like its nominative only once read back
                readings.update(lemma for lemma, *_ in lemmas(word))
            keys = {k for reading in readings for k in phonetic_keys(reading)[:4]}
            found = frozenset(keys & self.anchor_keys)
            if len(self.word_keys) > CACHE_LIMIT:
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
            if len(self.lookups) > CACHE_LIMIT:
                self.lookups.clear()
            try:
                found = self.registry.lookup(query, limit=3, kind=kind)
            except ValueError:  # longer than any name
                found = []
            self.lookups[(query, kind)] = found
        return found

    def anchor(self, key: str) -> Anchor:
        """What an automaton key stands for, worked out once per key."""
        found = self.anchors.get(key)
        if found is None:
            index = self.registry.index
            entities = self.entities[key]
            people = [e for e in entities if index.entity_at(e).kind == PERSON]
            given = frozenset().union(
                *(self.own_surfaces(e, role) for e in people for role in ("given", "patronymic"))
            )
            found = Anchor(bool(people), frozenset(index.entity_at(e).id for e in entities), given)
            if len(self.anchors) > CACHE_LIMIT:
                self.anchors.clear()
            self.anchors[key] = found
        return found

    def given_like(self, token: str) -> bool:
        """Whether a word is a given name or patronymic (of anyone in the registry, or
        in the given-name table), remembered per word. A Cyrillic word is also read
        back through its case endings (Уладзімера: Уладзімер, read as Уладзімір)."""
        found = self.given_words.get(token)
        if found is None:
            if len(self.given_words) > CACHE_LIMIT:
                self.given_words.clear()
            words = [token]
            if is_cyrillic(token):
                words += [
                    lemma
                    for lemma, _, ambiguous, role in lemmas(token)
                    if role == "given" and not ambiguous and lemma != token
                ]
            found = is_patronymic(token) or any(
                surface(reading) in self.given or self.registry.index.is_given_name(reading)
                for word in words
                for reading in official_spellings(word)
            )
            self.given_words[token] = found
        return found

    def own_surfaces(self, entity: int, role: str) -> frozenset[str]:
        """Surfaces of one entity's given names, patronymics or surnames (every variant)."""
        found = self.own.get((entity, role))
        if found is None:
            found = self.registry.index.name_spellings(entity, role)
            if len(self.own) > CACHE_LIMIT:
                self.own.clear()
            self.own[(entity, role)] = found
        return found


_SCANNERS: weakref.WeakKeyDictionary[object, Scanner] = weakref.WeakKeyDictionary()


@clears
def _forget_scanners() -> None:
    _SCANNERS.clear()


def scanner(registry: Registry) -> Scanner:
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


def _build(registry: Registry) -> Scanner:
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
    particles: set[str] = set()
    for key, flags in caps.items():
        words = key.split()
        leading = next((i for i, capital in enumerate(flags) if capital), 0)
        particles.update(w for w in words[:leading] if w.isalpha())
    return Scanner(
        weakref.ref(registry),
        automaton,
        caps,
        {k: tuple(sorted(v)) for k, v in entities.items()},
        given,
        anchor_keys=frozenset(index.anchor_keys()),
        particles=frozenset(particles),
    )


class Hit(NamedTuple):
    """An automaton key found at ``start:end`` of the original text."""

    start: int
    end: int
    key: str


def hits(text: str, scanner: Scanner) -> list[Hit]:
    """Word-bounded, properly capitalized automaton hits; the longest of overlapping ones."""
    if not len(scanner.automaton):
        return []
    folded, offsets = fold(text)
    size = len(folded)
    raw: list[Hit] = []
    category = unicodedata.category
    caps = scanner.caps
    for last, key in scanner.automaton.iter(folded):
        first = last - len(key) + 1
        if first > 0:  # is_word_char, inline: this loop sees every key in every word
            before = folded[first - 1]
            if before.isalnum() or (before > "\x7f" and category(before)[0] == "M"):
                continue
        if last + 1 < size:
            after = folded[last + 1]
            if after.isalnum() or (after > "\x7f" and category(after)[0] == "M"):
                continue
        if offsets is None:
            start, end = first, last + 1
        else:
            start, end = offsets(first), offsets(last) + 1
            if (first > 0 and offsets(first - 1) == start) or offsets(last + 1) == end - 1:
                continue  # the key starts or ends inside one original character
            while end < len(text) and unicodedata.category(text[end])[0] == "M":
                end += 1
        if _capitalized(text[start:end], caps[key]):
            raw.append(Hit(start, end, key))
    raw.sort(key=lambda h: (h.start - h.end, h.start))
    occupied = bytearray(len(text) + 1)
    taken: list[Hit] = []
    for hit in raw:
        if occupied.find(1, hit.start, hit.end) == -1:
            occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            taken.append(hit)
    taken.sort(key=lambda h: h.start)
    return taken


def _capitalized(original: str, flags: tuple[bool, ...]) -> bool:
    if len(flags) == 1:  # one word: its first letter
        first = (
            original[0] if original[0].isalpha() else next((c for c in original if c.isalpha()), "")
        )
        return first.isupper() or not flags[0]
    for word, must in zip(original.split(), flags, strict=False):
        if must:
            first = next((c for c in word if c.isalpha()), "")
            if not first.isupper():
                return False
    return True
