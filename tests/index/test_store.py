"""The index as a file: what is stored decodes to what was built, and a stale or
damaged file is never used (rebuilt, or refused with a clear error)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.errors import IndexFileError
from namenorm.index import MAX_NAME_WORDS, Index, store
from namenorm.index.cache import cached_path
from namenorm.index.spellings import Unit
from namenorm.index.tables import TITLED
from namenorm.keys import surface

FIXTURES = Path(__file__).parent.parent / "fixtures" / "registry"


def queries(registry: Registry) -> list[str]:
    """Every stored name of a few words, and each with its last letter changed
    (typos, misses)."""
    names = [
        name.text
        for entity in registry.entities()
        for name in entity.names
        if len(name.text.split()) <= MAX_NAME_WORDS
    ]
    return names + [name[:-1] + ("a" if name[-1] != "a" else "o") for name in names]


def test_every_unit_is_restored_as_a_fresh_unit_spells_it(shipped: Registry) -> None:
    units = shipped.index.tables.units
    for number in range(len(units)):
        restored = units.restore(number)
        fresh = Unit(restored.text, restored.lang, restored.role, restored.kind, restored.gender)
        assert restored.keys == fresh.keys
        assert restored.variants == fresh.variants
        assert restored.surfaces == fresh.surfaces


def test_every_unit_is_read_from_the_arrays_as_restored(shipped: Registry) -> None:
    # Surfaces and single variants read without restoring the unit, and the
    # closest spelling found over them, against the restored unit (the twin).
    tables = shipped.index.tables
    units = tables.units
    numbers = list(range(len(units)))
    for number in numbers:
        restored = units.restore(number)
        assert units.surfaces_of(number) == list(restored.surfaces)
        units._cache.clear()
        for variant, evidence in enumerate(restored.variants):
            assert units.variant_of(number, variant) == evidence
    for wanted in ("babaryka", "lukashenka", "bialiacki", "minsk", "ціханоўская", ""):
        found = tables.closest_of(numbers, wanted)
        for number, (similarity, variant) in zip(numbers, found, strict=True):
            expected, evidence = units.restore(number).closest(wanted)
            assert (similarity, units.variant_of(number, variant)) == (expected, evidence)
            assert tables.closest(number, wanted) == (similarity, variant)
    assert tables.closest_of([], "babaryka") == []


def test_every_full_spelling_decodes_to_its_key(shipped: Registry) -> None:
    full = shipped.index.tables.full
    for key in full.table:
        found = full.get(key)
        assert found
        for _, evidence in found:
            assert surface(evidence.spelling) == key


def test_a_titled_full_spelling_is_the_one_spelled_again(shipped: Registry) -> None:
    # A code marked TITLED is answered with its key in title case instead of
    # romanizing the registry name again: the same evidence as the slow twin.
    full = shipped.index.tables.full
    generated = marked = 0
    for key in full.table:
        for code in full.table.get(key):
            generated += bool((code >> 1) & 0xFF)  # a romanization (stored ones are not marked)
            if code & TITLED:
                marked += 1
                assert (code >> 1) & 0xFF, key
                assert full.evidence(code, key) == full.evidence(code & ~TITLED, key), key
    assert marked > generated // 2


def test_a_saved_index_answers_as_the_built_one(small: Registry, tmp_path: Path) -> None:
    path = tmp_path / "small.idx"
    small.index.save(path, digest=small.digest)
    loaded = Index.load(small, path, digest=small.digest)
    assert loaded.file == str(path)
    assert loaded.stats() == small.index.stats()
    for query in queries(small):
        assert loaded.lookup(query) == small.index.lookup(query), query


def test_the_shipped_registry_answers_the_same_from_its_file(
    shipped: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "shipped.idx"
    shipped.index.save(path, digest=shipped.digest)
    loaded = Index.load(shipped, path, digest=shipped.digest)
    for query in queries(shipped)[::3]:
        assert loaded.lookup(query) == shipped.index.lookup(query), query


@pytest.fixture
def saved(small: Registry, tmp_path: Path) -> Path:
    path = tmp_path / "small.idx"
    small.index.save(path, digest=small.digest)
    return path


def damaged(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: damaged(p, -9), "the index file is damaged (checksum mismatch)"),
        (lambda p: damaged(p, 40), "the header is damaged (checksum mismatch)"),
        (lambda p: damaged(p, 0), "not a namenorm index file"),
        (lambda p: p.write_bytes(p.read_bytes()[:20]), "is too short for an index file"),
        (lambda p: p.write_bytes(p.read_bytes()[:-16]), "damaged"),
        (lambda p: p.unlink(), "cannot read the index file (No such file or directory)"),
    ],
)
def test_a_damaged_file_is_refused(small: Registry, saved: Path, damage, message: str) -> None:
    damage(saved)
    with pytest.raises(IndexFileError, match=re.escape(f"{saved}: ") + ".*" + re.escape(message)):
        Index.load(small, saved, digest=small.digest)


def test_a_file_of_another_registry_is_refused(small: Registry, saved: Path) -> None:
    with pytest.raises(IndexFileError, match="built from another registry"):
        Index.load(small, saved, digest="0" * 64)


def test_a_file_of_another_format_or_version_is_refused(
    small: Registry, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "FORMAT_VERSION", store.FORMAT_VERSION + 1)
    version = store.FORMAT_VERSION - 1
    expected = f"index format {version}; this namenorm reads format {version + 1}"
    with pytest.raises(IndexFileError, match=expected):
        Index.load(small, saved, digest=small.digest)
    monkeypatch.undo()
    monkeypatch.setattr(store, "code_fingerprint", lambda: "another")
    with pytest.raises(IndexFileError, match="built by another version of namenorm"):
        Index.load(small, saved, digest=small.digest)


# -- the cache next to the registry, and a named file ------------------------------
@pytest.fixture
def registry_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAMENORM_INDEX_CACHE_FROM", "0")
    path = tmp_path / "registry.csv"
    shutil.copy(FIXTURES / "small.csv", path)
    return path


def test_a_registry_file_keeps_its_index_beside_it(registry_file: Path) -> None:
    first = Registry.from_csv(registry_file).index
    cache = cached_path(registry_file)
    assert first.file == str(cache) == str(registry_file) + ".idx"
    written = cache.stat().st_mtime_ns
    again = Registry.from_csv(registry_file).index
    assert again.file == str(cache)
    assert cache.stat().st_mtime_ns == written  # mapped, not rebuilt


def test_a_changed_registry_gets_a_new_index(registry_file: Path) -> None:
    Registry.from_csv(registry_file).warm()
    registry_file.write_text(
        registry_file.read_text(encoding="utf-8") + "new-person,person,en,Newton Example,1\n",
        encoding="utf-8",
    )
    changed = Registry.from_csv(registry_file)
    assert changed.resolve("Newton Example").id == "new-person"  # type: ignore[union-attr]
    assert changed.index.file == str(cached_path(registry_file))


def test_small_registries_are_indexed_in_memory(
    registry_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMENORM_INDEX_CACHE_FROM", "5000")
    assert Registry.from_csv(registry_file).index.file is None
    monkeypatch.setenv("NAMENORM_INDEX_CACHE_FROM", "off")
    assert Registry.from_csv(registry_file).index.file is None
    assert [p.name for p in registry_file.parent.iterdir()] == ["registry.csv"]


def test_a_folder_that_cannot_be_written_falls_back_to_memory(registry_file: Path) -> None:
    # A folder where the lock cannot be made (a directory is in the way): as unwritable.
    lock = registry_file.with_name("registry.csv.idx.lock")
    lock.mkdir()
    registry = Registry.from_csv(registry_file)
    assert registry.index.file is None
    assert registry.resolve("Babaryka Viktar") is not None
    assert not cached_path(registry_file).exists()


def test_a_named_stale_file_is_rebuilt_in_place(registry_file: Path, tmp_path: Path) -> None:
    named = tmp_path / "named.idx"
    named.write_bytes(b"not an index")
    registry = Registry.from_csv(registry_file, index=named)
    assert registry.index.file == str(named)
    assert Index.load(registry, named, digest=registry.digest).stats() == registry.index.stats()


def test_a_named_stale_file_that_cannot_be_rebuilt_is_refused(
    registry_file: Path, tmp_path: Path
) -> None:
    named = tmp_path / "named.idx"
    named.write_bytes(b"not an index\n" * 10)
    (tmp_path / "named.idx.lock").mkdir()
    registry = Registry.from_csv(registry_file, index=named)
    with pytest.raises(IndexFileError, match=r"not a namenorm index file .*; no new one can be"):
        registry.warm()


def test_the_default_registry_uses_the_file_named_by_the_setting(
    registry_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = tmp_path / "named.idx"
    monkeypatch.setenv("NAMENORM_REGISTRY", str(registry_file))
    monkeypatch.setenv("NAMENORM_INDEX", str(named))
    registry = Registry.from_csv(registry_file)
    registry.index.save(named, digest=registry.digest)
    assert Registry.from_csv(registry_file).index.file == str(named)
    other = tmp_path / "other.csv"
    shutil.copy(registry_file, other)
    assert Registry.from_csv(other).index.file == str(other) + ".idx"


def test_whole_spellings_take_the_hot_path_with_the_full_search_s_answers(
    shipped: Registry,
) -> None:
    # Index.resolve answers a whole stored or generated spelling without the full
    # search; the full search (candidates, then accept) is its twin.
    from namenorm.index.decide import accept, to_match

    index = shipped.index
    searcher, entities = index._searcher, index.tables.entities
    spellings = [
        e.spelling for key in index.tables.full.table for _, e in index.tables.full.get(key)
    ]
    for query in [*spellings, *(s.upper() for s in spellings[::7]), " " + spellings[0]]:
        for kind, lang in ((None, None), ("person", "be"), ("place", "ru")):
            chosen = accept(searcher.candidates(query, kind))
            expected = chosen and to_match(entities[chosen.entity], chosen, query, lang)
            assert index._whole_spelling(query, kind, lang)[0]
            assert index.resolve(query, kind=kind, lang=lang) == expected, query
