"""Index.warm: what a first query would build is built at start."""

from __future__ import annotations

import pytest

from namenorm import Registry, transliterate
from namenorm.translit import be, compiled, ru, systems, uk


def test_after_warm_no_exact_hit_compiles_a_romanization(
    people: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = people.index  # built (or mapped) first, as a server worker has it
    for module in (be, ru, uk):
        for scheme in module.SCHEMES:  # as in a fresh process: nothing compiled yet
            monkeypatch.setattr(scheme, "_fast", None)
    index.warm()

    def refuse(scheme: object) -> None:
        pytest.fail(f"compiled on a query: {scheme!r}")

    monkeypatch.setattr(compiled, "compile_scheme", refuse)
    for lang, name in (("be", "Аляксандр Лукашэнка"), ("ru", "Александр Лукашенко")):
        for system in systems(lang):
            if system.name == "ascii":
                continue
            match = people.resolve(transliterate(name, lang, system.name))
            assert match is not None and match.id == "lukashenka-alaksandr", system.name
