"""The prebuilt match index and the resolver that runs on it.

Built once per registry (:meth:`Index.build`):

* every registry name is split into *units* (given name, patronymic,
  surname; a whole organization or place name is one unit);
* every Cyrillic unit is romanized in every system of its language, stripped
  of diacritics, written with е for ё, and inflected into its case forms;
  each such spelling is remembered as :class:`~namenorm.match.Evidence`
  (which system made it from which source), so a hit can be explained;
* every spelling is reduced by the same functions used on queries
  (:func:`~namenorm.keys.surface` and :func:`~namenorm.keys.phonetic_keys`)
  into lookup tables: full-name surfaces, unit surfaces, unit sound keys and
  their coarse form, plus a one-deletion neighbourhood of the keys for typos.

Above :data:`EAGER_UNITS` name units the romanizations are made per unit on
first use instead of at build time: a generated spelling then costs a
sound-key lookup instead of a dictionary hit, and only the closest
sound-alike is romanized in full, so a score may say ``key`` where the eager
index says ``exact``.

A query (:meth:`Index.lookup`) is cleaned the same way, tried as a full
spelling first, then split into words; each plausible surname span is looked
up by surface, then by sound key, then by its case ending read back
(``namenorm.lemmas``), then (only when all fail) by the typo neighbourhood,
and the remaining words must agree with the candidate's given name (same
spelling, same given-name group, same sound, or a fitting initial) and
patronymic. Candidates are scored on a calibrated 0–100 scale (see
``match.THRESHOLD``); ``resolve`` refuses ambiguous results.

Left out: any learning from data; all knowledge is in the tables.
"""

from __future__ import annotations

import gc
import itertools
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio
from unidecode import unidecode

from .errors import QueryTooLongError
from .given import GivenNames, given_names
from .inflect import case_forms, noun_case_forms
from .keys import has_lithuanian_ending, lithuanian_stems, phonetic_keys, surface
from .lemmas import is_plural_surname, lemmas, word_gender
from .match import AMBIGUITY_MARGIN, THRESHOLD, Evidence, Match
from .names import (
    DESCRIPTORS,
    SUFFIXES,
    Word,
    is_patronymic,
    parse_registry_name,
    split_query,
    without_titles,
)
from .registry import check_kind
from .text import clean, is_cyrillic
from .translit import systems, transliterate

if TYPE_CHECKING:
    from .registry import Entity, Registry

__all__ = ["MAX_QUERY_LENGTH", "Index"]

#: Longest query accepted, in characters.
MAX_QUERY_LENGTH = 512

_ROLE_GIVEN, _ROLE_PATRONYMIC, _ROLE_SURNAME = "given", "patronymic", "surname"
_DIACRITIC_FREE = str.maketrans({"ʹ": "", "ʺ": "", "ʼ": "'", "·": ""})

# Scores of the building blocks (0-100), calibrated on bench/devset.tsv.
_SURNAME_ONLY_PENALTY = 6.0
_INITIAL_SCORE = 92.0
_MIDDLE_NAME_PENALTY = 10.0
_DESCRIPTOR_PENALTY = 2.0
#: A word ending in one of these is Lithuanian (Alesį, Kęstutį).
_LITHUANIAN_LETTERS = frozenset("ąęėįųū")
#: In a lazily built index, how many sound-alike units per query word are
#: romanized in every system to look for the exact spelling.
_ROMANIZE_BEST = 1
#: Sound-alike units kept per query word: at most this many, and none less
#: similar than the best by more than the window.
_MAX_SOUNDALIKES = 12
_SIMILARITY_WINDOW = 0.3
_EQUIVALENT_SCORE = 97.0
_FUZZY_CAP = 89.0
_MIN_FUZZY_SIMILARITY = 0.72


@lru_cache(maxsize=262144)
def _romanize(word: str, lang: str, system: str) -> str:
    return transliterate(word, lang, system)


@lru_cache(maxsize=16)
def _system_names(lang: str) -> tuple[str, ...]:
    return tuple(s.name for s in systems(lang))


def _strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_DIACRITIC_FREE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", unidecode(stripped) if not stripped.isascii() else stripped)


def _unit_surface(text: str) -> str:
    """Surface of a name part; a hyphen and a space are the same separator."""
    return surface(text).replace("-", " ")


def _ending(key: str) -> str:
    """The final vowel class of a key (``A``, ``I``, ``IA``, ...; ``""`` after a consonant).

    Typo tolerance never crosses it: endings carry gender and number.
    """
    end = len(key)
    while end > 0 and key[end - 1] in "AEIU":
        end -= 1
    return key[end:]


#: Registries with at most this many name units generate every romanization at
#: build time; larger ones generate them per unit on first use.
EAGER_UNITS = 250_000

_COARSE = str.maketrans({"S": "s", "C": "c", "Z": "z"})


def _coarse(key: str) -> str:
    """A key with the hushing consonants folded into their plain twins, as
    happens when š, č, ž lose their diacritics (Lukasenka)."""
    return key.translate(_COARSE)


def _stripped(system: str) -> str:
    return system if system == "stored" or system.endswith("+stripped") else system + "+stripped"


def _typo_of(key: str, other: str, allowed: int) -> bool:
    """Whether ``other`` is ``key`` with at most ``allowed`` typos (OSA distance:
    a swap of two neighbours counts once), same first sound, same ending (for
    one word: endings carry gender and number), and not a derivation of it
    (Lukashenka is not Lukašenková, Belarus is not Belarusian)."""
    if not allowed or key[:1] != other[:1]:
        return False
    if " " not in key and _ending(key) != _ending(other):
        return False
    stem, other_stem = (
        key[: len(key) - len(_ending(key))],
        other[: len(other) - len(_ending(other))],
    )
    if stem != other_stem and (stem.startswith(other_stem) or other_stem.startswith(stem)):
        return False
    return OSA.distance(key, other, score_cutoff=allowed) <= allowed


def _max_edits(key: str) -> int:
    size = len(key)
    return 2 if size >= 9 else 1 if size >= 5 else 0


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


class _Unit:
    """One distinct part of registry names (a given name, a surname, a whole
    organization name) with every spelling known for it.

    The stored spelling, its е-for-ё form and its case forms are made when the
    unit is created; the romanizations in every system (and their
    diacritic-free forms) are made on first use of :attr:`variants`, or for all
    units at build time when the registry is small enough
    (:data:`EAGER_UNITS`). Either way the variants, and their order, are the same.
    """

    __slots__ = (
        "_generated",
        "_news",
        "_surfaces",
        "_variants",
        "base_surfaces",
        "cyrillic",
        "gender",
        "keys",
        "kind",
        "lang",
        "role",
        "text",
    )

    def __init__(self, text: str, lang: str, role: str, kind: str, gender: str) -> None:
        self.text, self.lang, self.role, self.kind, self.gender = text, lang, role, kind, gender
        self.cyrillic = lang in ("be", "ru", "uk") and is_cyrillic(text)
        self._news: Evidence | None = None
        self._variants: list[Evidence] = []
        self._surfaces: tuple[str, ...] = ()
        self._generated = False
        self.keys: tuple[str, ...] = ()
        self.base_surfaces: tuple[str, ...] = ()

    def news(self) -> Evidence:
        """The news-style romanization alone (the stored spelling for Latin units)."""
        if not self.cyrillic:
            return self._variants[0]
        if self._news is None:
            system = "news" if "news" in _system_names(self.lang) else _system_names(self.lang)[0]
            romanized = " ".join(_romanize(w, self.lang, system) for w in self.text.split(" "))
            self._news = Evidence(romanized, self.text, self.lang, system)
        return self._news

    def base(self) -> list[Evidence]:
        """The spellings made eagerly: stored, е for ё, case forms."""
        text, lang = self.text, self.lang
        variants = [Evidence(text, text, lang, "stored")]
        if not self.cyrillic:
            stripped = _strip(text)
            if stripped != text:
                variants.append(Evidence(stripped, text, lang, "stored"))
            return variants
        if "ё" in text.lower():
            variants.append(Evidence(text.replace("ё", "е").replace("Ё", "Е"), text, lang, "yo"))
        if self.kind != "person":
            forms: tuple[str, ...] = noun_case_forms(text, lang)
        elif " " not in text:
            forms = case_forms(text, lang, self.gender, self.role)
        else:
            forms = ()
        for form in forms:
            variants.append(Evidence(form, text, lang, "case"))
            if "ё" in form:
                variants.append(Evidence(form.replace("ё", "е"), text, lang, "case"))
        return _dedupe(variants)

    def generated(self) -> list[Evidence]:
        """Romanizations of a Cyrillic unit in every system of its language, with and
        without diacritics (none for Latin units)."""
        if not self.cyrillic:
            return []
        text, lang = self.text, self.lang
        words = text.split(" ")
        variants = []
        for system in _system_names(lang):
            romanized = " ".join(_romanize(w, lang, system) for w in words)
            variants.append(Evidence(romanized, text, lang, system))
            stripped = _strip(romanized)
            if stripped != romanized:
                variants.append(Evidence(stripped, text, lang, system + "+stripped"))
        return variants

    @property
    def variants(self) -> list[Evidence]:
        """Every known spelling of the unit (generated on first use)."""
        if not self._generated:
            self._generate()
        return self._variants

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The match surface of each variant, in the same order."""
        if not self._generated:
            self._generate()
        return self._surfaces

    def _generate(self) -> None:
        if not self._variants:
            self._variants = self.base()
        self._variants = _dedupe(self._variants + self.generated())
        self._surfaces = tuple(_unit_surface(e.spelling) for e in self._variants)
        self._generated = True

    @property
    def initials(self) -> frozenset[str]:
        """Letters a written initial of this unit may be (А, A; Ю, Y, J, I ...)."""
        return _initials(self.text[:1], self.lang)


def _dedupe(variants: list[Evidence]) -> list[Evidence]:
    seen: set[str] = set()
    kept = []
    for evidence in variants:
        key = _unit_surface(evidence.spelling)
        if key not in seen:
            seen.add(key)
            kept.append(evidence)
    return kept


@lru_cache(maxsize=4096)
def _initials(letter: str, lang: str) -> frozenset[str]:
    found = {letter.casefold(), unidecode(letter).casefold()[:1]}
    if lang in ("be", "ru", "uk") and is_cyrillic(letter):
        for system in _system_names(lang):
            found.add(_romanize(letter + "а", lang, system)[:1].casefold())
    return frozenset(c for c in found if c)


@dataclass
class _Person:
    """The units of one entity's names, merged over all its spellings."""

    given: set[int] = field(default_factory=set)
    patronymic: set[int] = field(default_factory=set)
    surname: set[int] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    gender: str = ""


@dataclass
class _Candidate:
    entity: int
    score: float
    method: str
    evidence: Evidence
    matched: str
    note: str = ""
    scope: str = "name"  # "name": the whole query matched; "part": one part of it did


class Index:
    """Lookup tables over one registry; see the module docstring."""

    def __init__(self, registry: Registry, given: GivenNames) -> None:
        self.registry = registry
        self.given = given
        self.entities: list[Entity] = list(registry.entities())
        self.full: dict[str, list[tuple[int, Evidence]]] = {}
        self.units: list[_Unit] = []
        self._unit_ids: dict[tuple[str, str, str], int] = {}  # (text, lang, role or kind)
        self.surfaces: dict[str, list[tuple[int, int]]] = {}  # surface -> (unit, variant)
        self.keys: dict[str, list[int]] = {}
        self.coarse: dict[str, list[int]] = {}  # keys with ш/ч/ж folded to с/ц/з
        self.deletes: dict[str, list[str]] = {}
        self.postings: dict[int, list[int]] = {}  # surname unit -> entities
        self.people: list[_Person] = []
        self.eager = True
        self.build_seconds = 0.0
        self._numbers: dict[str, int] | None = None  # entity ID -> number, made on first use
        # Per-index caches (a class-level cache would keep replaced indexes alive).
        self._word_features = lru_cache(maxsize=4096)(self._word_features)  # type: ignore[method-assign]
        self._given_typo = lru_cache(maxsize=65536)(self._given_typo)  # type: ignore[method-assign]

    # -- building ------------------------------------------------------------
    @classmethod
    def build(
        cls, registry: Registry, *, given: GivenNames | None = None, eager: bool | None = None
    ) -> Index:
        """Build the index for ``registry`` (done once; see ``Registry.warm``).

        ``eager`` makes every romanization at build time and enters it in the
        lookup tables (fastest queries); ``None`` decides by size
        (:data:`EAGER_UNITS`). Otherwise romanizations are made per unit on
        first use (slower for generated spellings, and at a million names a few
        percent of them are missed; see README "Speed, measured").
        """
        started = time.perf_counter()
        collecting = gc.isenabled()
        gc.disable()  # millions of small objects, none of them cyclic garbage
        try:
            index = cls(registry, given or given_names())
            for number, entity in enumerate(index.entities):
                index._add_entity(number, entity)
            index.eager = len(index.units) <= EAGER_UNITS if eager is None else eager
            index._finish()
        finally:
            if collecting:
                # One collection now moves the index to the oldest generation, so
                # queries do not pay for walking it in collections of their own.
                gc.collect()
                gc.enable()
        index.build_seconds = time.perf_counter() - started
        return index

    def _add_entity(self, number: int, entity: Entity) -> None:
        person = _Person()
        gender = None
        named = [(name, parse_registry_name(name.text, kind=entity.kind)) for name in entity.names]
        if entity.kind == "person":
            given_words = [parts.given for _, parts in named if parts.given]
            for given in given_words:
                person.groups.update(self.given.groups(given))
                gender = gender or self.given.gender_of(given)
            if gender is None:  # not in the table: most -а/-я given names are women's
                feminine = any(w.endswith(("а", "я", "a", "ia", "ya")) for w in given_words)
                gender = "f" if feminine else "m"
            person.gender = gender
        for name, parts in named:
            self._add_full(number, Evidence(name.text, name.text, name.lang, "stored"))
            for role, text, target in (
                (_ROLE_GIVEN, parts.given, person.given),
                (_ROLE_PATRONYMIC, parts.patronymic, person.patronymic),
                (_ROLE_SURNAME, parts.surname, person.surname),
            ):
                if text:
                    target.add(self._unit(text, name.lang, role, gender or "m", entity.kind))
        for unit in person.surname:
            self.postings.setdefault(unit, []).append(number)
        self.people.append(person)

    def _add_full(self, number: int, evidence: Evidence) -> None:
        for spelling in dict.fromkeys((evidence.spelling, _strip(evidence.spelling))):
            bucket = self.full.setdefault(surface(spelling), [])
            if all(entity != number for entity, _ in bucket):
                bucket.append(
                    (
                        number,
                        evidence
                        if spelling == evidence.spelling
                        else Evidence(
                            spelling, evidence.source, evidence.lang, _stripped(evidence.system)
                        ),
                    )
                )

    def _generated_full(self, number: int, entity: Entity) -> None:
        """Romanizations of each Cyrillic full name, as full spellings (eager mode)."""
        for name in entity.names:
            if name.lang not in ("be", "ru", "uk") or not is_cyrillic(name.text):
                continue
            words = name.text.split(" ")
            for system in _system_names(name.lang):
                romanized = " ".join(_romanize(w, name.lang, system) for w in words)
                self._add_full(number, Evidence(romanized, name.text, name.lang, system))

    def _unit(self, text: str, lang: str, role: str, gender: str, kind: str) -> int:
        ident = (text, lang, role if kind == "person" else kind)
        found = self._unit_ids.get(ident)
        if found is not None:
            return found
        unit = _Unit(text, lang, role, kind, gender)
        unit._variants = unit.base()
        unit.base_surfaces = tuple(_unit_surface(e.spelling) for e in unit._variants)
        if unit.cyrillic:
            keys = _unit_keys(text)[:1]
        else:  # a stored Latin spelling may be read several ways
            keys = _unit_keys(text) + _unit_keys(unit._variants[-1].spelling)[:1]
        unit.keys = tuple(dict.fromkeys(k for k in keys if k))
        number = len(self.units)
        self.units.append(unit)
        self._unit_ids[ident] = number
        return number

    def _finish(self) -> None:
        if self.eager:
            for number, entity in enumerate(self.entities):
                self._generated_full(number, entity)
        for number, unit in enumerate(self.units):
            variants = unit.variants if self.eager else unit._variants
            for variant_number, evidence in enumerate(variants):
                self.surfaces.setdefault(_unit_surface(evidence.spelling), []).append(
                    (number, variant_number)
                )
            for key in unit.keys:
                self.keys.setdefault(key, []).append(number)
                coarse = _coarse(key)
                if coarse != key:
                    self.coarse.setdefault(coarse, []).append(number)
        for key in self.keys:
            if _max_edits(key):
                for deleted in _deletions(key):
                    self.deletes.setdefault(deleted, []).append(key)

    # -- querying --------------------------------------------------------------
    def lookup(
        self, query: str, *, limit: int = 5, kind: str | None = None, lang: str | None = None
    ) -> list[Match]:
        """Up to ``limit`` candidates for ``query``, best first (see ``Registry.lookup``)."""
        check_kind(kind)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise ValueError(f"limit must be a positive int, not {limit!r}")
        candidates = self._candidates(query, kind)
        return [self._match(c, query, lang) for c in candidates[:limit]]

    def resolve(
        self, query: str, *, kind: str | None = None, lang: str | None = None
    ) -> Match | None:
        """The one entity ``query`` names, or ``None`` (see ``Registry.resolve``)."""
        check_kind(kind)
        candidates = self._candidates(query, kind)
        if not candidates or candidates[0].score < THRESHOLD:
            return None
        if len(candidates) > 1 and candidates[0].score - candidates[1].score < AMBIGUITY_MARGIN:
            return None
        return self._match(candidates[0], query, lang)

    def decide(self, matches: list[Match]) -> str:
        """``matched``, ``ambiguous`` or ``unmatched`` for a candidate list from :meth:`lookup`."""
        if not matches or matches[0].score < THRESHOLD:
            return "unmatched"
        if len(matches) > 1 and matches[0].score - matches[1].score < AMBIGUITY_MARGIN:
            return "ambiguous"
        return "matched"

    def _match(self, candidate: _Candidate, query: str, lang: str | None) -> Match:
        entity = self.entities[candidate.entity]
        name = (entity.preferred(lang) if lang else None) or entity.display
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
        )

    def _candidates(self, query: str, kind: str | None) -> list[_Candidate]:
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, not {type(query).__name__}")
        if len(query) > MAX_QUERY_LENGTH:
            raise QueryTooLongError(
                f"query is {len(query)} characters long; expected at most {MAX_QUERY_LENGTH}"
            )
        text = clean(query)
        if not text:
            return []
        best: dict[int, _Candidate] = {}
        for entity, evidence in self.full.get(text.casefold(), ()):
            best[entity] = _Candidate(entity, 100.0, "exact", evidence, evidence.spelling)
        all_words = [] if best else split_query(text)
        words = without_titles(all_words)
        if not best and words:
            joined = " ".join(w.text for w in words).casefold()
            for entity, evidence in self.full.get(joined, ()):
                best[entity] = _Candidate(entity, 99.0, "exact", evidence, evidence.spelling)
        # Titles first count as words (Human Rights House); if nothing fits, without them.
        for attempt in (all_words, words) if len(words) < len(all_words) else (words,):
            if best or not attempt:
                break
            for candidate in self._structural(attempt):
                current = best.get(candidate.entity)
                if current is None or candidate.score > current.score:
                    best[candidate.entity] = candidate
        found = [c for c in best.values() if kind is None or self.entities[c.entity].kind == kind]
        found.sort(key=lambda c: (-c.score, self.entities[c.entity].id))
        return found

    # -- structural matching ---------------------------------------------------
    def _structural(self, words: list[Word]) -> Iterator[_Candidate]:
        spans = _surname_spans(words)
        named = [w for w in words if not w.initial]
        # Lithuanian copy adds -as/-is/-us to foreign names; trust that reading
        # only when the query has several words and one of them shows it.
        lithuanian = len(named) > 1 and any(
            has_lithuanian_ending(w.text) or w.text[-1:] in _LITHUANIAN_LETTERS for w in named
        )
        found_any = False
        for fuzzy in (False, True):
            for start, end in spans:
                unit_text = " ".join(w.text for w in words[start:end])
                rest = words[:start] + words[end:]
                found = self._find_units(
                    unit_text, fuzzy=fuzzy, lithuanian=lithuanian, several=len(named) > 1
                )
                for unit, level, similarity, variant, gender in found:
                    for entity in self.postings.get(unit, ()):
                        if gender and self.people[entity].gender not in ("", gender):
                            continue  # a feminine case form never names a man, nor the reverse
                        candidate = self._score(
                            entity,
                            level,
                            similarity,
                            variant,
                            rest,
                            lithuanian=lithuanian,
                            surname_last=end == len(words),
                        )
                        if candidate is not None:
                            found_any = True
                            yield candidate
            if found_any:
                return

    def _find_units(
        self, text: str, *, fuzzy: bool, lithuanian: bool = False, several: bool = False
    ) -> Iterator[tuple[int, str, float, Evidence, str | None]]:
        """Units a query span may be: (unit, level, similarity, closest spelling,
        gender the match requires or None)."""
        wanted = _unit_surface(text)
        keys = _query_keys(text, lithuanian=lithuanian)
        if " " not in text and not lithuanian and is_plural_surname(text):
            return  # "Cichanouscy", "Тихановские": a family, not one of its members
        gender = word_gender(text) if " " not in text else None
        if not fuzzy:
            seen: set[int] = set()
            for unit, variant in self.surfaces.get(wanted, ()):
                if unit not in seen:
                    seen.add(unit)
                    yield unit, "exact", 1.0, self.units[unit].variants[variant], None
            if seen:  # the word is a known spelling: sound-alikes of other names are weaker
                return
            yield from self._sound_alikes(keys, wanted, gender, seen)
            if seen:
                return
            # A case form in a language the registry does not store (Łukaszenki,
            # Лукашенком): read the ending back, keeping the gender it requires.
            for lemma, required, ambiguous, role in lemmas(text) if " " not in text else ():
                if (ambiguous and not several) or role in ("given", "patronymic"):
                    continue
                lemma_keys = _query_keys(lemma, lithuanian=lithuanian)
                for unit, level, similarity, evidence, _ in self._sound_alikes(
                    lemma_keys, wanted, required, seen
                ):
                    yield unit, "key" if level == "exact" else level, similarity, evidence, required
            return
        seen_units: set[int] = set()
        for other in self._near_keys(keys[:4], text):
            for unit in self.keys.get(other, ()):
                if unit in seen_units:
                    continue
                seen_units.add(unit)
                similarity, variant_evidence = self._closest(unit, wanted)
                if similarity >= _MIN_FUZZY_SIMILARITY:
                    yield unit, "fuzzy", similarity, variant_evidence, gender

    def _sound_alikes(
        self, keys: tuple[str, ...], wanted: str, gender: str | None, seen: set[int]
    ) -> list[tuple[int, str, float, Evidence, str | None]]:
        """Units sharing a sound key with the query (else a coarse key), the ones
        spelled closest first; ``seen`` collects the units returned."""
        for table, folded in ((self.keys, keys), (self.coarse, tuple(map(_coarse, keys)))):
            hits: list[tuple[float, int, Evidence]] = []
            for key in folded:
                for unit in table.get(key, ()):
                    if unit not in seen and self._fits_gender(unit, gender):
                        seen.add(unit)
                        similarity, evidence = self._closest(unit, wanted)
                        hits.append((similarity, unit, evidence))
            if hits:
                return self._closest_few(hits, wanted, gender)
        return []

    def _closest_few(
        self, hits: list[tuple[float, int, Evidence]], wanted: str, gender: str | None
    ) -> list[tuple[int, str, float, Evidence, str | None]]:
        """In a large registry many names share a sound key: keep the ones spelled
        closest to the query, and romanize the closest few in every system, since
        one of those may be the very spelling asked for."""
        hits.sort(key=lambda hit: -hit[0])
        floor = hits[0][0] - _SIMILARITY_WINDOW
        kept = []
        for rank, (similarity, unit, evidence) in enumerate(hits[:_MAX_SOUNDALIKES]):
            if similarity < floor:
                break
            if rank < _ROMANIZE_BEST and not self.units[unit]._generated:
                self.units[unit]._generate()
                similarity, evidence = self._closest(unit, wanted)
            level = "exact" if similarity == 1.0 else "key"
            kept.append((unit, level, similarity, evidence, gender))
        return kept

    def _word_features(
        self, spellings: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...], frozenset[str]]:
        """Surface, sound keys and given-name groups of a query word (and its stems)."""
        keys = tuple(k for spelling in spellings for k in phonetic_keys(spelling))
        groups = frozenset(g for spelling in spellings for g in self.given.groups(spelling))
        return _unit_surface(spellings[0]), keys, groups

    def _given_typo(self, key: str, unit: int) -> bool:
        """Whether a given-name or patronymic key is one typo away from the unit's keys."""
        allowed = min(1, _max_edits(key))
        return any(_typo_of(key, k, allowed) for k in self.units[unit].keys)

    def _fits_gender(self, unit: int, gender: str | None) -> bool:
        """Whether some entity with this surname unit has ``gender`` (or none is asked)."""
        if not gender:
            return True
        return any(self.people[e].gender in ("", gender) for e in self.postings.get(unit, ()))

    def _near_keys(self, keys: tuple[str, ...], text: str) -> Iterator[str]:
        """Registry keys within the typo budget of any of ``keys`` (blocked by the
        deletion neighbourhood, never a scan), plus keys of ``text`` with two
        adjacent letters swapped back (Bialiatksi -> Bialiatski)."""
        seen: set[str] = set()
        letters = sum(1 for c in text if c.isalpha())
        for key in keys:
            # Typos are made in letters; a key folds vowel runs, so one dropped
            # consonant can cost two key symbols (Tsikhaouskaya).
            allowed = max(_max_edits(key), 2 if letters >= 11 and len(key) >= 6 else 0)
            if not allowed:
                continue
            near = {key} | _deletions(key)
            for probes in (
                near,
                {d2 for d in near for d2 in _deletions(d)} if allowed > 1 else set(),
            ):
                for probe in probes:
                    for other in itertools.chain(
                        self.deletes.get(probe, ()), (probe,) if probe in self.keys else ()
                    ):
                        if other not in seen and _typo_of(key, other, allowed):
                            seen.add(other)
                            yield other

        if not seen and " " not in text and 5 <= len(text) <= 40:
            for i in range(1, len(text) - 2):  # never the first letter or the ending
                swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
                for other in phonetic_keys(swapped)[:2]:
                    if other in self.keys and other not in seen and other[:1] == keys[0][:1]:
                        seen.add(other)
                        yield other

    def _closest(self, unit: int, wanted: str) -> tuple[float, Evidence]:
        """The unit's spelling most like ``wanted``, and how alike (0-1).

        In a lazily built index a unit not yet romanized is compared with its
        stored spellings and one romanization (the news style) rather than
        romanized in every system for each candidate a query touches.
        """
        found = self.units[unit]
        if not self.eager and not found._generated:
            candidates = [*found._variants, found.news()]
        else:
            candidates = found.variants
        best_score, best = -1.0, candidates[0]
        for evidence in candidates:
            score = ratio(wanted, _unit_surface(evidence.spelling))
            if score > best_score:
                best_score, best = score, evidence
        return best_score / 100.0, best

    def _score(
        self,
        entity: int,
        level: str,
        similarity: float,
        variant: Evidence,
        rest: list[Word],
        *,
        lithuanian: bool = False,
        surname_last: bool = False,
    ) -> _Candidate | None:
        if level == "exact":
            surname_score = 100.0
        elif level == "key":
            surname_score = 88.0 + 10.0 * similarity
        else:
            surname_score = min(_FUZZY_CAP, 100.0 * similarity + 2.0)
        if self.entities[entity].kind != "person":
            return self._score_name(entity, level, surname_score, variant, rest)
        person = self.people[entity]
        given_score: float | None = None
        given_evidence: Evidence | None = None
        notes: list[str] = []
        levels = [level]
        middle_seen = False
        for word in rest:
            if word.text.casefold().rstrip(".") in SUFFIXES:
                return None  # "Donald Trump Jr." is the son, not the registry's Donald Trump
            fit = self._rest_score(
                person, word, given_taken=given_score is not None, lithuanian=lithuanian
            )
            if fit is None:
                # One extra given name after a matched one is a middle name the
                # registry does not record (Donald John Trump); anything else refutes.
                if given_score is None or middle_seen or word.initial:
                    return None
                middle_seen = True
                notes.append(f"middle name {word.text} not in the registry")
                levels.append("key")
                given_score -= _MIDDLE_NAME_PENALTY
                continue
            role, score, word_level, exact = fit
            levels.append(word_level)
            if role == _ROLE_GIVEN:
                given_score, given_evidence = score, exact
            if word.initial:
                notes.append(f"initial {word.text}")
        if (
            given_evidence is not None
            and level == "exact"
            and surname_last
            and len(rest) == 1
            and given_evidence.system == variant.system
            and given_evidence.lang == variant.lang
        ):
            # Given name and surname are spellings of one stored name in one system:
            # so is the full name ("Marija Kolesnikowa" from "Мария Колесникова").
            source = f"{given_evidence.source} {variant.source}"
            if any(e == entity for e, _ in self.full.get(surface(source), ())):
                spelling = f"{given_evidence.spelling} {variant.spelling}"
                full = Evidence(spelling, source, variant.lang, variant.system)
                return _Candidate(entity, 100.0, "exact", full, spelling)
        if given_score is None and person.given:
            score = surname_score - _SURNAME_ONLY_PENALTY
            notes.append("surname only")
        elif given_score is None:
            score = surname_score
        else:
            score = 0.65 * surname_score + 0.35 * given_score
        if "fuzzy" in levels:
            method = "fuzzy"
        elif all(x == "exact" for x in levels) and not notes:
            method = "exact"
        else:
            method = "key"
        scope = "part" if rest or notes else "name"
        return _Candidate(
            entity, min(score, 99.0), method, variant, variant.spelling, "; ".join(notes), scope
        )

    def _score_name(
        self, entity: int, level: str, score: float, variant: Evidence, rest: list[Word]
    ) -> _Candidate | None:
        """An organization or place: words around its name must be descriptors
        (JSC Belaruskali, Republic of Belarus, Washington D.C.)."""
        extra = _descriptors(rest)
        if extra is None:
            return None
        note = f"with {' '.join(extra)}" if extra else ""
        method = level if not extra or level == "fuzzy" else "key"
        score -= _DESCRIPTOR_PENALTY * len(extra)
        scope = "part" if extra else "name"
        return _Candidate(entity, min(score, 100.0), method, variant, variant.spelling, note, scope)

    def _rest_score(
        self,
        person: _Person,
        word: Word,
        *,
        given_taken: bool,
        lithuanian: bool = False,
        inflected: bool = False,
    ) -> tuple[str, float, str, Evidence | None] | None:
        """How a non-surname query word fits the candidate: (role, score, level, the
        spelling it is when exact), or None."""
        roles = [(_ROLE_PATRONYMIC, person.patronymic)]
        if not given_taken:
            roles.insert(0, (_ROLE_GIVEN, person.given))
            if is_patronymic(word.text) and person.patronymic:
                roles.reverse()
        spellings = (word.text, *lithuanian_stems(word.text)) if lithuanian else (word.text,)
        for role, units in roles:
            if not units:
                continue
            if word.initial:
                letter = word.text.casefold()
                ascii_letter = unidecode(word.text).casefold()[:1]
                if any(
                    letter in self.units[u].initials or ascii_letter in self.units[u].initials
                    for u in units
                ):
                    return role, _INITIAL_SCORE, "key", None
                continue
            wanted, keys, groups = self._word_features(spellings)
            equivalent = role == _ROLE_GIVEN and bool(person.groups & groups)
            sounding = [u for u in units if set(keys).intersection(self.units[u].keys)]
            # A stored spelling or case form is checked as is; the romanizations
            # only when the word already fits by group or sound (a lazily built
            # index then romanizes the unit once, not for every wrong candidate).
            for unit in units:
                found = self.units[unit]
                if (equivalent or sounding or found._generated) and wanted in found.surfaces:
                    return role, 100.0, "exact", found.variants[found.surfaces.index(wanted)]
                if wanted in found.base_surfaces:
                    return role, 100.0, "exact", found._variants[found.base_surfaces.index(wanted)]
            if equivalent:
                return role, _EQUIVALENT_SCORE, "key", None
            for unit in sounding:
                return role, 88.0 + 10.0 * self._closest(unit, wanted)[0], "key", None
            for unit in units:
                for key in keys[:2]:
                    if self._given_typo(key, unit):
                        similarity = self._closest(unit, wanted)[0]
                        return role, min(_FUZZY_CAP, 100.0 * similarity), "fuzzy", None
        if not word.initial and not inflected:
            # An inflected given name or patronymic (Władimira, Aliaksandro, Swiatłany).
            for lemma, gender, _, role in lemmas(word.text):
                if (gender and person.gender not in ("", gender)) or role in ("surname", "noun"):
                    continue
                fit = self._rest_score(
                    person,
                    Word(lemma),
                    given_taken=given_taken,
                    lithuanian=lithuanian,
                    inflected=True,
                )
                if fit is not None:
                    role, score, level, _evidence = fit
                    return role, score - 2.0, "key" if level == "exact" else level, None
        if word.initial and not person.patronymic and given_taken:
            return (
                _ROLE_PATRONYMIC,
                _INITIAL_SCORE,
                "key",
                None,
            )  # an initial the registry cannot check
        if is_patronymic(word.text) and not person.patronymic and person.given:
            return _ROLE_PATRONYMIC, 90.0, "key", None  # a patronymic the registry does not record
        return None

    # -- reading the index (the public API that copy scanning relies on) ------
    def anchor_spellings(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Every spelling that names a whole mention, with the entities it names.

        A spelling is a stored, generated (romanized, diacritic-free) or
        inflected form of a person's surname or of a whole organization or
        place name, as written (not reduced to a surface); the entities are
        given by number (see :meth:`entity_at`). Spellings that a lazy index
        has not made yet are made here, without being stored.
        """
        for number, unit in enumerate(self.units):
            entities = self.postings.get(number)
            if unit.role == _ROLE_SURNAME and entities:
                for evidence in self._unit_variants(unit):
                    yield evidence.spelling, tuple(entities)

    def part_spellings(self) -> Iterator[str]:
        """Every spelling (as written) of a given name or patronymic in the registry."""
        for number, unit in enumerate(self.units):
            if unit.role != _ROLE_SURNAME or not self.postings.get(number):
                for evidence in self._unit_variants(unit):
                    yield evidence.spelling

    def _unit_variants(self, unit: _Unit) -> list[Evidence]:
        if unit._generated:
            return unit.variants
        return [*unit.base(), *unit.generated()]

    def entity_at(self, number: int) -> Entity:
        """The entity numbered ``number`` (the numbers that the methods here use)."""
        return self.entities[number]

    def entity_number(self, entity_id: str) -> int:
        """The number of the entity ``entity_id``; ``KeyError`` if there is none."""
        if self._numbers is None:
            self._numbers = {entity.id: n for n, entity in enumerate(self.entities)}
        return self._numbers[entity_id]

    def name_spellings(self, number: int, role: str) -> frozenset[str]:
        """Surfaces (:func:`~namenorm.keys.surface`) of every spelling of one
        entity's ``given`` names, ``patronymic`` s or ``surname`` s (for an
        organization or place: its whole names)."""
        person = self.people[number]
        units = {
            _ROLE_GIVEN: person.given,
            _ROLE_PATRONYMIC: person.patronymic,
            _ROLE_SURNAME: person.surname,
        }[role]
        return frozenset(
            surface(v.spelling) for unit in units for v in self._unit_variants(self.units[unit])
        )

    def surname_keys(self, number: int) -> frozenset[str]:
        """Sound keys (:func:`~namenorm.keys.phonetic_keys`) of one entity's surnames."""
        person = self.people[number]
        return frozenset(key for unit in person.surname for key in self.units[unit].keys)

    def knows_key(self, key: str) -> bool:
        """Whether ``key`` is a unit's sound key or one deletion away from one."""
        return key in self.keys or key in self.deletes

    def spelling_systems(self, number: int, spelling: str) -> tuple[str, ...]:
        """How one entity's name units spell ``spelling`` (a surface): the
        systems of the matching variants (``stored``, ``case`` for a case form,
        a romanization system, ...); empty when none of them does."""
        person = self.people[number]
        units = person.given | person.patronymic | person.surname
        entries = self.surfaces.get(spelling) or self.surfaces.get(spelling.replace("-", " ")) or []
        return tuple(self._unit_variants(self.units[u])[v].system for u, v in entries if u in units)

    def is_given_name(self, spelling: str) -> bool:
        """Whether ``spelling`` is in the given-name table (any language)."""
        return surface(spelling) in self.given.by_surface

    # -- introspection ---------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Sizes of the lookup tables (for benchmarks and /health)."""
        return {
            "entities": len(self.entities),
            "full_spellings": len(self.full),
            "units": len(self.units),
            "unit_spellings": len(self.surfaces),
            "keys": len(self.keys),
        }


def _descriptors(words: list[Word]) -> list[str] | None:
    """The words as descriptors (initials joined: D.C. -> dc), or None if one is not."""
    tokens: list[str] = []
    for word in words:
        text = word.text.casefold().strip(".")
        if word.initial and tokens and tokens[-1].isalpha() and len(tokens[-1]) < 4 and words:
            tokens[-1] += text
        else:
            tokens.append(text)
    return tokens if all(t in DESCRIPTORS for t in tokens) else None


def _query_keys(text: str, *, lithuanian: bool = False) -> tuple[str, ...]:
    """Sound keys of a query span; with ``lithuanian``, also of its bare stems."""
    keys = _unit_keys(text)
    if lithuanian and " " not in text:
        extra = tuple(k for stem in lithuanian_stems(text) for k in phonetic_keys(stem)[:4])
        keys = tuple(dict.fromkeys(keys + extra))
    return keys


def _unit_keys(text: str) -> tuple[str, ...]:
    """Sound keys of a unit of one or more words (readings combined, capped)."""
    words = [w for w in text.replace("-", " ").split(" ") if w]
    if len(words) == 1:
        return phonetic_keys(words[0])
    per_word = [phonetic_keys(w) or ("",) for w in words]
    combos = itertools.islice(itertools.product(*per_word), 16)
    return tuple(dict.fromkeys(" ".join(k for k in combo if k) for combo in combos))


def _surname_spans(words: list[Word]) -> list[tuple[int, int]]:
    """Word spans that may hold the surname (or a whole org/place name), most likely first."""
    size = len(words)
    spans: list[tuple[int, int]] = [(0, size)]
    if size > 1:
        spans += [(size - 1, size), (0, 1)]
        spans += [
            (i, j) for i in range(size) for j in range(i + 1, size + 1) if (i, j) not in spans
        ]
    return [(i, j) for i, j in spans if not any(w.initial for w in words[i:j])]
