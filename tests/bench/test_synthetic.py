"""The synthetic registry generator of ``bench/synthetic.py``: deterministic, valid, realistic.

Checks the rows only (they load as a registry; names look like a population);
building an index over them and timing it is ``bench/speed.py``'s job.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

import pytest

from bench.synthetic import FEMALE, MALE, synthetic_registry_rows, write_synthetic_csv
from namenorm import Registry
from namenorm.text import is_cyrillic


@pytest.fixture(scope="module")
def population() -> list[tuple[str, str, str, str, str]]:
    """Five thousand people (15,000 rows): enough for the shape checks, under a second."""
    return list(synthetic_registry_rows(5000))


def _by_lang(rows: list[tuple[str, str, str, str, str]], lang: str) -> list[str]:
    return [name for _, _, row_lang, name, _ in rows if row_lang == lang]


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    first = list(synthetic_registry_rows(300, seed=7))
    assert first == list(synthetic_registry_rows(300, seed=7))
    assert first != list(synthetic_registry_rows(300, seed=8))
    # A prefix of a larger registry is the smaller registry.
    assert list(islice(synthetic_registry_rows(1000, seed=7), len(first))) == first


def test_rows_load_as_a_registry(tmp_path) -> None:
    path = write_synthetic_csv(tmp_path / "synthetic.csv", 200)
    registry = Registry.from_csv(path)
    assert len(registry) == 200
    assert [e.id for e in registry.entities()][:2] == ["p0000001", "p0000002"]
    for entity in registry.entities():
        assert entity.kind == "person"
        assert {n.lang for n in entity.names} == {"en", "be", "ru"}
        assert all(n.preferred for n in entity.names)


def test_empty_and_negative() -> None:
    assert list(synthetic_registry_rows(0)) == []
    with pytest.raises(ValueError, match="-1"):
        list(synthetic_registry_rows(-1))


def test_scripts_and_shape_of_every_name(population) -> None:
    for _, _, lang, name, _ in population:
        given, surname = name.split(" ")
        assert given[:1].isupper() and surname[:1].isupper(), name
        assert surname[1:].islower(), name
        if lang == "en":
            assert name.isascii() and name.replace(" ", "").replace("'", "").isalpha(), name
        else:
            assert is_cyrillic(name), name
        assert 4 <= len(surname) <= 24, name


def test_belarusian_and_russian_forms_correspond(population) -> None:
    be, ru = _by_lang(population, "be"), _by_lang(population, "ru")
    given = dict(MALE + FEMALE)
    assert all(given[b.split(" ")[0]] == r.split(" ")[0] for b, r in zip(be, ru, strict=True))
    differ = sum(b.split(" ")[1] != r.split(" ")[1] for b, r in zip(be, ru, strict=True))
    assert differ > 0.6 * len(be)  # akanne, і/и, ў/в, ц/т make most surnames differ
    assert any(b.endswith("шэнка") and r.endswith("шенко") for b, r in zip(be, ru, strict=True))


def test_gendered_surname_forms(population) -> None:
    female_given = {ru for _, ru in FEMALE}
    for name in _by_lang(population, "ru"):
        given, surname = name.split(" ")
        female = given in female_given and given not in {ru for _, ru in MALE}
        if surname.endswith(("ов", "ев", "ин", "ский")):
            assert not female, name
        if surname.endswith(("ова", "ева", "ина", "ская")):
            assert female, name


def test_names_repeat_like_a_population_but_people_rarely_share_a_full_name(population) -> None:
    be = _by_lang(population, "be")
    surnames = Counter(name.split(" ")[1] for name in be)
    given = Counter(name.split(" ")[0] for name in be)
    # Common surnames recur, the tail is long.
    assert surnames.most_common(1)[0][1] >= 5
    assert len(surnames) > 0.7 * len(be)
    # Given names: the commonest is common, none dominates, most of the table is used.
    assert 0.005 < given.most_common(1)[0][1] / len(be) < 0.05
    assert len(given) > 0.8 * (len(MALE) + len(FEMALE))
    # Both genders, about equally.
    female = sum(g in {b for b, _ in FEMALE} for g in (n.split(" ")[0] for n in be))
    assert 0.45 < female / len(be) < 0.55
    # Exact full-name repeats are rare (1M people: about 3%).
    assert 1 - len(set(be)) / len(be) < 0.01
    # Typical suffixes all occur.
    for suffix in ("енка", "аў", "ава", "віч", "скі", "ская", "ук", "ін", "іна", "ец", "ёнак"):
        assert any(s.endswith(suffix) for s in surnames), suffix
