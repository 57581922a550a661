"""Scores of candidate entities for a query, on the calibrated 0–100 scale.

A candidate comes from a surname span (or a whole organization or place
name) found by ``namenorm.index.search``; :class:`Scorer` checks the rest of
the query against it (given name, patronymic, initials, descriptors) and
gives it a score and a method (``exact``, ``key`` or ``fuzzy``). Every
constant of the scale lives in :data:`SCORING`, calibrated on
``bench/devset.tsv`` (see ``match.THRESHOLD``).

Left out: finding candidates (``namenorm.index.search``) and deciding
between them (``namenorm.index.decide``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.fuzz import ratio
from unidecode import unidecode

from ..keys import lithuanian_stems, official_spellings, phonetic_keys, surface
from ..knowledge.bearers import bearer_of
from ..knowledge.descriptors import countries_named, home_country
from ..lemmas import lemmas
from ..match import Evidence
from ..names import (
    DESCRIPTORS,
    SUFFIXES,
    Word,
    declinable_nominative,
    ends_in_consonant,
    is_patronymic,
)
from ..text import is_cyrillic
from ..vocab import Method, Role
from .spellings import ROLE_GIVEN, ROLE_PATRONYMIC, unit_surface
from .tables import Person, Tables
from .typos import is_typo, max_edits, vowel_clash

__all__ = ["SCORING", "Candidate", "Scorer", "Scoring"]


@dataclass(frozen=True)
class Scoring:
    """The constants of the score scale (0-100), calibrated on bench/devset.tsv."""

    #: A surname alone when the registry knows the person's given name.
    surname_only_penalty: float = 6.0
    #: A written initial that fits the given name or patronymic.
    initial: float = 92.0
    #: An extra given name the registry does not record (Donald John Trump).
    middle_name_penalty: float = 10.0
    #: Each descriptor word around an organization or place name.
    descriptor_penalty: float = 2.0
    #: A given name of the same equivalence group (Alexander for Аляксандр).
    equivalent: float = 97.0
    #: A sound-key hit scores ``key_base + key_span * similarity``.
    key_base: float = 88.0
    key_span: float = 10.0
    #: Taken off a sound-alike whose stem vowels differ as no spelling
    #: convention has it (``typos.vowel_clash``), so a name spelled alike wins.
    vowel_clash_penalty: float = 4.0
    #: The most a typo hit may score.
    fuzzy_cap: float = 89.0
    #: A surname typo scores ``100 * similarity + fuzzy_bonus`` (capped).
    fuzzy_bonus: float = 2.0
    #: A typo hit less similar than this (0-1) is no candidate.
    min_fuzzy_similarity: float = 0.72
    #: How similar (0-1) a stored spelling one real typing error from the
    #: query counts (``namenorm.knowledge.keyboard``): a typo score of 88, 82
    #: for a surname alone; two such readings are ambiguous.
    keystroke_similarity: float = 0.86
    #: Weights of the surname and the given name in a person's score.
    surname_weight: float = 0.65
    given_weight: float = 0.35
    #: The most a person's score may be unless the whole name is a known spelling.
    person_cap: float = 99.0
    #: A full name typed without its titles (``words`` joined) scores this.
    untitled_full: float = 99.0
    #: A patronymic the registry does not record.
    unrecorded_patronymic: float = 90.0
    #: Taken off a given name or patronymic found only by reading its case back.
    inflected_penalty: float = 2.0
    #: A name the knowledge tables give a place (GeoNames, ISO country names).
    alias: float = 97.0
    #: Such a name read through a foreign case ending (Polsce, Baltarusijos).
    alias_inflected: float = 91.0
    #: An acronym of a registry name (EU), or a name spelling out a stored acronym.
    acronym: float = 92.0
    #: Taken off a relative asked by the shared surname alone, which names
    #: someone else in the news (``namenorm.knowledge.bearers``); more than
    #: ``match.AMBIGUITY_MARGIN``.
    bearer_gap: float = 5.0
    #: An organization's name translated word by word (Unia Europejska), every
    #: word a listed translation or sounding like the registry's.
    translated: float = 93.0


SCORING = Scoring()


class Fit(NamedTuple):
    """How a query word other than the surname fits a candidate: as which part of
    the name, with what score, found how, and the spelling it is when exact."""

    role: Role
    score: float
    level: Method
    evidence: Evidence | None


@dataclass
class Candidate:
    """One entity a query may name, with its score and the spelling that found it."""

    entity: int
    score: float
    method: Method
    evidence: Evidence
    matched: str
    note: str = ""
    scope: str = "name"  # "name": the whole query matched; "part": one part of it did


class Scorer:
    """Scores candidates against the tables of one index (with per-index caches)."""

    def __init__(self, tables: Tables, scoring: Scoring = SCORING) -> None:
        self.tables = tables
        self.scoring = scoring
        self._ids: dict[str, int] | None = None
        self._home: tuple[str | None] | None = None
        self._countries: dict[int, frozenset[str]] = {}
        self._own_names: dict[int, frozenset[str]] = {}
        # Per-index caches (a class-level cache would keep replaced indexes alive).
        self.word_features = lru_cache(maxsize=4096)(self.word_features)  # type: ignore[method-assign]
        self.given_typo = lru_cache(maxsize=65536)(self.given_typo)  # type: ignore[method-assign]

    def clear_caches(self) -> None:
        """Forget what was remembered between queries."""
        self.word_features.cache_clear()  # type: ignore[attr-defined]
        self.given_typo.cache_clear()  # type: ignore[attr-defined]

    def closest(self, unit: int, wanted: str) -> tuple[float, Evidence]:
        """The unit's spelling most like ``wanted``, and how alike (0-1).

        In a lazily built index a unit not yet romanized is compared with its
        stored spellings and one romanization (the news style) rather than
        romanized in every system for each candidate a query touches.
        """
        tables = self.tables
        if tables.eager:  # over its stored surfaces, the unit not restored
            similarity, variant = tables.closest(unit, wanted)
            return similarity, tables.units.variant_of(unit, variant)
        found = tables.units[unit]
        if found.generated_yet:
            return found.closest(wanted)  # over its surfaces, made once
        candidates = [*found.base_variants, found.news()]
        best_score, best = -1.0, candidates[0]
        for evidence in candidates:
            score = ratio(wanted, unit_surface(evidence.spelling))
            if score > best_score:
                best_score, best = score, evidence
        return best_score / 100.0, best

    def score(
        self,
        entity: int,
        level: Method,
        similarity: float,
        variant: Evidence,
        rest: list[Word],
        *,
        lithuanian: bool = False,
        surname_last: bool = False,
        surname: str = "",
    ) -> Candidate | None:
        """The candidate ``entity`` found by ``variant`` at ``level``, with the
        ``rest`` of the query checked against its other names; None if refuted.
        ``surname``: the query's words that found it, as typed; a given name
        that is the person's only as a case form (Aleksandra) needs a surname
        that may be in that case too (see :func:`declinable_nominative`)."""
        nominative = variant.system != "case" and declinable_nominative(surname)
        s = self.scoring
        if level == "exact":
            surname_score = 100.0
        elif level == "key":
            surname_score = s.key_base + s.key_span * similarity
            if surname and vowel_clash(surname, variant.spelling):
                surname_score -= s.vowel_clash_penalty  # Smolewicze: not Smiłowiczi
        else:
            surname_score = min(s.fuzzy_cap, 100.0 * similarity + s.fuzzy_bonus)
        if self.tables.entities[entity].kind != "person":
            return self.score_name(entity, level, surname_score, variant, rest)
        person = self.tables.people[entity]
        given_score: float | None = None
        given_evidence: Evidence | None = None
        notes: list[str] = []
        levels: list[Method] = [level]
        middle_seen = False
        for word in rest:
            if word.text.casefold().rstrip(".") in SUFFIXES:
                return None  # "Donald Trump Jr." is the son, not the registry's Donald Trump
            fit = self.rest_score(
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
                given_score -= s.middle_name_penalty
                continue
            role, score, word_level, exact = fit
            levels.append(word_level)
            if role == ROLE_GIVEN:
                if nominative and self.other_given(person, word) == "oblique":
                    return None  # Alexandra Kazulin: a woman, not Aleksander Kazulin's genitive
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
            if any(e == entity for e, _ in self.tables.full.get(surface(source), ())):
                spelling = f"{given_evidence.spelling} {variant.spelling}"
                full = Evidence(spelling, source, variant.lang, variant.system)
                return Candidate(entity, 100.0, "exact", full, spelling)
        if given_score is None and person.given:
            score = surname_score - s.surname_only_penalty
            notes.append("surname only")
            bearer = self.bearer(entity)
            if bearer:
                score -= s.bearer_gap
                notes.append(f"the surname alone names {bearer}, see data/bearers.csv")
        elif given_score is None:
            score = surname_score
        else:
            score = s.surname_weight * surname_score + s.given_weight * given_score
        method: Method
        if "fuzzy" in levels:
            method = "fuzzy"
        elif all(x == "exact" for x in levels) and not notes:
            method = "exact"
        else:
            method = "key"
        scope = "part" if rest or notes else "name"
        return Candidate(
            entity,
            min(score, s.person_cap),
            method,
            variant,
            variant.spelling,
            "; ".join(notes),
            scope,
        )

    def score_name(
        self, entity: int, level: Method, score: float, variant: Evidence, rest: list[Word]
    ) -> Candidate | None:
        """An organization or place: words around its name must be descriptors
        (JSC Belaruskali, Republic of Belarus, Washington D.C.)."""
        extra = descriptors(rest)
        if extra is None or (extra and self.foreign(entity, extra)):
            return None
        note = f"with {' '.join(extra)}" if extra else ""
        method = level if not extra or level == "fuzzy" else "key"
        score -= self.scoring.descriptor_penalty * len(extra)
        scope = "part" if extra else "name"
        return Candidate(entity, min(score, 100.0), method, variant, variant.spelling, note, scope)

    def spelled_in(self, unit: int, lang: str) -> bool:
        """Whether an entity the unit names has a stored name in ``lang``."""
        tables = self.tables
        return any(
            name.lang == lang
            for entity in tables.postings.get(unit, ())
            for name in tables.entities[entity].names
        )

    def foreign(self, entity: int, extra: list[str]) -> bool:
        """Whether descriptor words beside an organization name a country that is
        neither one its own names name nor the registry's home (Investigative
        Committee of Russia, PEN America: other organizations)."""
        if self.tables.entities[entity].kind != "org":
            return False
        named = countries_named(" ".join(extra))
        if not named:
            return False
        if self._home is None:
            self._home = (home_country(self.tables.entities),)
        own = self._countries.get(entity)
        if own is None:
            names = self.tables.entities[entity].names
            own = frozenset(c for name in names for c in countries_named(name.text))
            self._countries[entity] = own
        return bool(named - own - {self._home[0]})

    def other_given(self, person: Person, word: Word) -> str:
        """Whether a word is, by the given-name table, another given name than
        the person's: of the other gender (Viktoria for Viktar, Valeria for
        Valery) or simply another name (Edgar for Ihar), whatever its sound key
        or spelling distance: ``"other"``. ``"oblique"`` when it is another name
        as written but also a case form of the person's own, stored (Валерыя is
        Валерый's genitive) or read back through an ending of the person's
        gender (Aleksandra: Polish genitive of Aleksander; Aleksandras is no
        case form of Aliaksandra; a Latin case ending follows a consonant:
        Valeria is not Valeri's); ``""`` when it is no other name, or a
        spelling the index makes of the person's own. A person whose given name
        the table does not list is refuted only by the other gender."""
        if word.initial or not person.given:
            return ""
        table = self.tables.given
        named = table.named(word.text)
        own = self.own_names(person)
        if not named or named & own:
            return ""
        if not own and (
            not person.gender or any(table.gender.get(g) == person.gender for g in named)
        ):
            return ""
        wanted, units = unit_surface(word.text), self.tables.units
        for unit in person.given:
            found = units[unit]
            if wanted in found.surfaces:
                system = found.variants[found.surfaces.index(wanted)].system
                return "oblique" if system == "case" else ""
        script = is_cyrillic(word.text)  # Valerie is no romanized case form of Валера
        oblique = any(
            gender == person.gender
            and role not in ("surname", "noun")
            and is_cyrillic(lemma) == script
            and (script or ends_in_consonant(lemma))  # Valeria: no Valeri + a
            and table.named(lemma) & own
            for lemma, gender, _, role in lemmas(word.text)
        )
        return "oblique" if oblique else "other"

    def own_names(self, person: Person) -> frozenset[str]:
        """The given-name groups the person's stored given names are spellings of
        (:meth:`GivenNames.named`: Ігар is Igor, not Egor, though they sound
        alike), else the groups the index gave the person by sound."""
        found: set[str] = set()
        for unit in person.given:
            known = self._own_names.get(unit)
            if known is None:
                stored = self.tables.units[unit].base_variants
                known = frozenset(
                    g
                    for e in stored
                    if e.system == "stored"
                    for g in self.tables.given.named(e.spelling)
                )
                self._own_names[unit] = known
            found |= known
        return frozenset(found) or frozenset(person.groups)

    def bearer(self, entity: int) -> str:
        """The display name of the registry person that the surname alone names
        instead of ``entity`` (``data/bearers.csv``), or ``""``."""
        if self._ids is None:
            self._ids = {e.id: n for n, e in enumerate(self.tables.entities)}
        other = bearer_of(self.tables.entities[entity].id)
        number = self._ids.get(other) if other else None
        return self.tables.entities[number].display if number is not None else ""

    def rest_score(
        self,
        person: Person,
        word: Word,
        *,
        given_taken: bool,
        lithuanian: bool = False,
        inflected: bool = False,
    ) -> Fit | None:
        """How a non-surname query word fits the candidate, or None."""
        s, units_of = self.scoring, self.tables.units
        roles: list[tuple[Role, set[int]]] = [(ROLE_PATRONYMIC, person.patronymic)]
        if not given_taken and self.other_given(person, word) != "other":
            roles.insert(0, (ROLE_GIVEN, person.given))
            if is_patronymic(word.text) and person.patronymic:
                roles.reverse()
        spellings = (word.text, *lithuanian_stems(word.text)) if lithuanian else (word.text,)
        spellings = (*spellings, *official_spellings(word.text)[1:])  # Taraškievica
        for role, units in roles:
            if not units:
                continue
            if word.initial:
                letter = word.text.casefold()
                ascii_letter = unidecode(word.text).casefold()[:1]
                if any(
                    letter in units_of[u].initials or ascii_letter in units_of[u].initials
                    for u in units
                ):
                    return Fit(role, s.initial, "key", None)
                continue
            wanted, keys, groups = self.word_features(spellings)
            equivalent = role == ROLE_GIVEN and bool(person.groups & groups)
            sounding = [u for u in units if set(keys).intersection(units_of[u].keys)]
            # A stored spelling or case form is checked as is; the romanizations
            # only when the word already fits by group or sound (a lazily built
            # index then romanizes the unit once, not for every wrong candidate).
            for unit in units:
                found = units_of[unit]
                if (equivalent or sounding or found.generated_yet) and wanted in found.surfaces:
                    return Fit(role, 100.0, "exact", found.variants[found.surfaces.index(wanted)])
                base = found.base_spelling(wanted)
                if base is not None:
                    return Fit(role, 100.0, "exact", base)
            if equivalent:
                return Fit(role, s.equivalent, "key", None)
            for unit in sounding:
                return Fit(
                    role, s.key_base + s.key_span * self.closest(unit, wanted)[0], "key", None
                )
            for unit in units:
                for key in keys[:2]:
                    if self.given_typo(key, unit):
                        similarity = self.closest(unit, wanted)[0]
                        return Fit(role, min(s.fuzzy_cap, 100.0 * similarity), "fuzzy", None)
        if not word.initial and not inflected and self.other_given(person, word) != "other":
            # An inflected given name or patronymic (Władimira, Aliaksandro, Swiatłany).
            for lemma, gender, _, lemma_role in lemmas(word.text):
                if (gender and person.gender not in ("", gender)) or lemma_role in (
                    "surname",
                    "noun",
                ):
                    continue
                fit = self.rest_score(
                    person,
                    Word(lemma),
                    given_taken=given_taken,
                    lithuanian=lithuanian,
                    inflected=True,
                )
                if fit is not None:
                    return Fit(
                        fit.role,
                        fit.score - s.inflected_penalty,
                        "key" if fit.level == "exact" else fit.level,
                        None,
                    )
        if word.initial and not person.patronymic and given_taken:
            # an initial the registry cannot check
            return Fit(ROLE_PATRONYMIC, s.initial, "key", None)
        if (
            is_patronymic(word.text)
            and not person.patronymic
            and person.given
            and not self.tables.given.named(word.text)
        ):
            # a patronymic the registry does not record (Heinrich is a given name)
            return Fit(ROLE_PATRONYMIC, s.unrecorded_patronymic, "key", None)
        return None

    def word_features(
        self, spellings: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...], frozenset[str]]:
        """Surface, sound keys and given-name groups of a query word (and its stems)."""
        keys = tuple(k for spelling in spellings for k in phonetic_keys(spelling))
        groups = frozenset(g for spelling in spellings for g in self.tables.given.groups(spelling))
        return unit_surface(spellings[0]), keys, groups

    def given_typo(self, key: str, unit: int) -> bool:
        """Whether a given-name or patronymic key is one typo away from the unit's keys."""
        allowed = min(1, max_edits(key))
        return any(is_typo(key, k, allowed) for k in self.tables.units[unit].keys)


def descriptors(words: list[Word]) -> list[str] | None:
    """The words as descriptors (initials joined: D.C. -> dc), or None if one is not."""
    tokens: list[str] = []
    for word in words:
        text = word.text.casefold().strip(".")
        if word.initial and tokens and tokens[-1].isalpha() and len(tokens[-1]) < 4 and words:
            tokens[-1] += text
        else:
            tokens.append(text)
    return tokens if all(t in DESCRIPTORS for t in tokens) else None
