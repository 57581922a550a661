"""The Registry: access, shared spellings, digests, the shipped and the default registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Entity, NotFoundError, Registry, default_registry, reset_caches
from namenorm.registry import shipped_registry_path

REGISTRY = Path(__file__).parent / "fixtures" / "registry"


def test_small_registry_loads(small: Registry) -> None:
    assert len(small) == 4
    entity = small.entity("bialiatski-ales")
    assert isinstance(entity, Entity)
    assert entity.kind == "person"
    assert entity.preferred("en") == "Ales Bialiatski"
    assert entity.preferred("ru") == "Алесь Беляцкий"
    assert entity.preferred("de") is None
    assert [(n.lang, n.text) for n in entity.names][:2] == [
        ("be", "Алесь Бяляцкі"),
        ("ru", "Алесь Беляцкий"),
    ]
    assert [e.id for e in small.entities()] == [
        "bialiatski-ales",
        "babaryka-viktar",
        "babaryka-eduard",
        "hrodna",
    ]


def test_entities_are_immutable(small: Registry) -> None:
    entity = small.entity("hrodna")
    with pytest.raises(AttributeError):
        entity.kind = "org"  # type: ignore[misc]


def test_unknown_id_raises_not_found(small: Registry) -> None:
    with pytest.raises(NotFoundError, match="no entity with id 'nobody'"):
        small.entity("nobody")


def test_shared_spellings_are_listed() -> None:
    shared = Registry.from_csv(REGISTRY / "shared.csv").shared_spellings()
    assert [(s.spelling, s.ids, s.lines) for s in shared] == [("Same Name", ("x", "y"), (2, 3))]


def test_shipped_registry_is_valid_and_complete() -> None:
    registry = Registry.from_csv(shipped_registry_path())
    assert len(registry) >= 40
    for entity in registry.entities():
        assert entity.preferred("en"), entity.id
    for required in (
        "lukashenka-alaksandr",
        "babaryka-viktar",
        "babaryka-eduard",
        "tsepkalo-valery",
        "tsepkalo-veronika",
    ):
        assert required in registry


def test_default_registry_honours_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAMENORM_REGISTRY", str(REGISTRY / "small.csv"))
    reset_caches()
    try:
        assert len(default_registry()) == 4
    finally:
        monkeypatch.delenv("NAMENORM_REGISTRY")
        reset_caches()
    assert len(default_registry()) > 4


def test_digest_changes_with_content(tmp_path: Path) -> None:
    first = Registry.from_csv(REGISTRY / "small.csv").digest
    copy = tmp_path / "copy.csv"
    copy.write_bytes((REGISTRY / "small.csv").read_bytes() + b"x,place,en,X,1\n")
    assert Registry.from_csv(copy).digest != first
    assert len(first) == 64
