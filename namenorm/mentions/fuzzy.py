"""The fuzzy pass: capitalized words the automaton missed, read in a name context.

After the automaton's hits are judged, each capitalized word outside them
is tried, cheapest test first: a word that sounds like a surname or a whole
organization or place name (a Taraškievica or press spelling: Калесьнікава,
Келлогг) and is spelled like what the resolver matched; a word after a given
name of the person it is a typo of ("Alexander Likashenka"); a typo of a
surname the text names elsewhere; a long word one letter off a surname
("Lukashenkko"). So "Likashenka" is caught and "Breast" is not.

Left out: the automaton's own hits (``document``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from ..keys import phonetic_keys, surface
from ..lemmas import lemmas
from ..lexicon import is_common_word
from ..match import AMBIGUITY_MARGIN, Match
from ..text import is_cyrillic
from .automaton import CACHE_LIMIT, PERSON, Anchor, Hit
from .found import Draft, Part

if TYPE_CHECKING:
    from .document import Document

__all__ = ["fuzzy_drafts"]

_TYPO_LENGTH = 8  # a word this long one letter off a surname is a typo of it
_SOUND_ALIKE_SIMILARITY = 70  # least rapidfuzz ratio of a sound-alike to the spelling hit
_CAPITALIZED = re.compile(r"(?<![\w'’\-])[A-ZÀ-ÖØ-ÞĀ-ɏА-ЯЁЂ-ЏѠ-ӿ][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_POSSESSIVES = ("'s", "’s", "'S", "’S", "'", "’")
_WORD_BEFORE = re.compile(r"(?<![\w'’\-])([^\W\d_]+)[ \u00a0]+\Z")


def fuzzy_drafts(document: Document, drafts: list[Draft]) -> Iterator[Draft]:
    """Fuzzy finds in ``document`` outside the spans of ``drafts`` and its rejected hits."""
    return _FuzzyPass(document).run(drafts)


class _FuzzyPass:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.scanner = document.scanner
        self.index = document.index
        self.lang = document.lang

    def run(self, drafts: list[Draft]) -> Iterator[Draft]:
        """Fuzzy finds: "Given Typo" pairs, and typos of surnames named elsewhere in the text."""
        known = {
            d.matches[0].id
            for d in drafts
            if d.status == "matched" and d.matches[0].kind == PERSON and not d.homograph
        }
        near = self.neighbourhood(known)
        taken = sorted([(d.start, d.end) for d in drafts] + self.document.rejected)
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
            draft: Draft | None = self.sound_alike(start, end, floor, ceiling)
            if draft is None and previous is not None and len(word) > 2:
                draft = self.fuzzy_pair(previous, (start, end))
            if draft is None and near and len(word) >= 5 and not near.isdisjoint(_fuzzy_keys(word)):
                draft = self.fuzzy_single((start, end), known)
            if draft is None and len(word) >= _TYPO_LENGTH and word not in self.scanner.not_typos:
                draft = self.fuzzy_typo((start, end))
                if draft is None:
                    if len(self.scanner.not_typos) > CACHE_LIMIT:
                        self.scanner.not_typos.clear()
                    self.scanner.not_typos.add(word)
            if draft is not None:
                yield draft
                floor = draft.end
                previous = None
            elif not possessive and self.scanner.given_like(word):
                previous = (start, end)
            else:
                previous = None

    def sound_alike(self, start: int, end: int, floor: int, ceiling: int) -> Draft | None:
        """A capitalized word that sounds like a surname or an organization or place
        name (a Taraškievica or press spelling, Калесьнікава, Келлогг): the resolver
        reads it, and a word that is a common word of the copy's language is left.

        The word is read with the lower-case particles before it that open registry
        surnames ("фон дер Лайен"), and a Cyrillic word the resolver does not read
        alone is read back to the nominatives of its case endings (Келлогга:
        Келлогг), the case form being kept for the house spelling to match."""
        word = self.text[start:end]
        head = self.particles_before(start, floor)
        if head < start:
            draft = self.sound_alike_span(head, end, floor, ceiling)
            if draft is not None:
                return draft
        if len(word) < 3 or not self.scanner.sound_keys(word):
            return None
        if is_common_word(word, self.lang):
            return None
        reading: str | None = None
        matches = self.scanner.lookup(word)
        if self.index.decide(matches) == "unmatched" and is_cyrillic(word):
            reading, matches = self.nominative_reading(word)
        if self.index.decide(matches) == "unmatched" or matches[0].method == "fuzzy":
            return None
        if ratio(surface(reading or word), surface(matches[0].matched)) < _SOUND_ALIKE_SIMILARITY:
            return None  # sounds alike by key only: "Brestov" is not Braslau
        return self.judged(Hit(start, end, surface(word)), matches, floor, ceiling, reading)

    def sound_alike_span(self, start: int, end: int, floor: int, ceiling: int) -> Draft | None:
        """Particles and a capitalized word that sound like a registry surname."""
        span = self.text[start:end]
        words = span.split()
        keys = [phonetic_keys(w)[:1] for w in words]
        if not all(keys) or " ".join(k[0] for k in keys) not in self.scanner.anchor_keys:
            return None
        matches = self.scanner.lookup(span)
        if (
            self.index.decide(matches) == "unmatched"
            or matches[0].method == "fuzzy"
            or matches[0].kind != PERSON
        ):
            return None
        return self.judged(Hit(start, end, surface(span)), matches, floor, ceiling, None)

    def particles_before(self, position: int, floor: int) -> int:
        """Where the run of registry particles just before ``position`` starts."""
        particles = self.scanner.particles
        while True:
            found = _WORD_BEFORE.search(self.text, max(floor, position - 12), position)
            if found is None or found.group(1) not in particles:
                return position
            position = found.start(1)

    def nominative_reading(self, word: str) -> tuple[str | None, list[Match]]:
        """The first nominative a case ending of ``word`` reads back to that the
        resolver matches to a person (the ending's gender and part of a name agree)."""
        for lemma, _gender, ambiguous, role in lemmas(word):
            if ambiguous or role not in ("surname", "") or lemma == word:
                continue
            matches = self.scanner.lookup(lemma, PERSON)
            if self.index.decide(matches) != "unmatched" and matches[0].method != "fuzzy":
                return lemma, matches
        return None, []

    def judged(
        self, hit: Hit, matches: list[Match], floor: int, ceiling: int, reading: str | None
    ) -> Draft | None:
        """The document's judgement of ``hit``, the anchor made of the resolver's ``matches``."""
        top = matches[0].score
        ids = frozenset(m.id for m in matches if top - m.score < AMBIGUITY_MARGIN)
        person = matches[0].kind == PERSON
        given: frozenset[str] = frozenset()
        if person:
            given = frozenset().union(
                *(
                    self.scanner.own_surfaces(self.index.entity_number(i), role)
                    for i in ids
                    for role in ("given", "patronymic")
                )
            )
        return self.document.judge(hit, floor, ceiling, Anchor(person, ids, given), reading=reading)

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

    def fuzzy_pair(self, given: tuple[int, int], word: tuple[int, int]) -> Draft | None:
        gap = self.text[given[1] : word[0]]
        if not gap or gap.strip() or gap.count("\n") > 1:
            return None
        matches = self.scanner.lookup(self.text[given[0] : word[1]], PERSON)
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
        return Draft(self.document.mark_inflection(parts, entity), matches, "matched", True)

    def fuzzy_single(self, word: tuple[int, int], known: set[str]) -> Draft | None:
        token = self.text[word[0] : word[1]]
        matches = self.scanner.lookup(token, PERSON)
        if self.index.decide(matches) != "matched" or matches[0].id not in known:
            return None
        entity = self.index.entity_number(matches[0].id)
        if surface(token)[:1] != surface(matches[0].matched)[:1]:
            return None
        if not self.close_to_surname(token, entity, 2):
            return None
        parts = self.document.mark_inflection([Part(word[0], word[1], token, "surname")], entity)
        return Draft(parts, matches, "matched", False)

    def fuzzy_typo(self, word: tuple[int, int]) -> Draft | None:
        """A long surname one letter off a spelling of one person's surname ("Lukashenkko")."""
        token = self.text[word[0] : word[1]]
        index = self.index
        if not any(index.knows_key(k) for k in phonetic_keys(token)[:4]):
            return None
        matches = self.scanner.lookup(token, PERSON)
        if index.decide(matches) != "matched":
            return None
        entity = self.index.entity_number(matches[0].id)
        if not self.close_to_surname(token, entity, 1):
            return None
        parts = self.document.mark_inflection([Part(word[0], word[1], token, "surname")], entity)
        return Draft(parts, matches, "matched", False)

    def close_to_surname(self, token: str, entity: int, allowed: int) -> bool:
        """Whether ``token`` is at most ``allowed`` edits from a spelling of the surname."""
        wanted = surface(token)
        return any(
            Levenshtein.distance(wanted, spelling, score_cutoff=allowed) <= allowed
            for spelling in self.scanner.own_surfaces(entity, "surname")
        )


@lru_cache(maxsize=65536)
def _deletions(key: str) -> frozenset[str]:
    return frozenset(key[:i] + key[i + 1 :] for i in range(len(key)))


@lru_cache(maxsize=65536)
def _fuzzy_keys(word: str) -> frozenset[str]:
    """A word's sound keys with their one-deletion neighbours."""
    keys = phonetic_keys(word)[:4]
    return frozenset(keys).union(*(_deletions(k) for k in keys))
