"""Golden tables: published example names that every system must reproduce exactly.

Each file ``tests/golden/translit-<lang>-<system>.tsv`` names its source in
``# source:`` comment lines and holds ``cyrillic<TAB>latin`` rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import systems, transliterate

GOLDEN = Path(__file__).parent.parent / "golden"


def _load(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cyrillic, latin = line.split("\t")[:2]
        rows.append((cyrillic, latin))
    return rows


def _files() -> list[Path]:
    return sorted(GOLDEN.glob("translit-*.tsv"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_golden_table(path: Path) -> None:
    _, lang, system = path.stem.split("-", 2)
    text = path.read_text(encoding="utf-8")
    assert "# source:" in text, f"{path.name} does not name its source"
    rows = _load(path)
    assert len(rows) >= 15, f"{path.name} has {len(rows)} examples, expected at least 15"
    wrong = [
        (cyr, want, got) for cyr, want in rows if (got := transliterate(cyr, lang, system)) != want
    ]
    assert not wrong, "\n".join(f"{c!r}: expected {w!r}, got {g!r}" for c, w, g in wrong)


#: Systems that wrap another library: a golden table would be that library's own
#: output. They are checked by equality with the library and its published examples.
WRAPPED = {("ru", "informal"): "tests/translit/test_ru.py (transliterate package)"}


@pytest.mark.parametrize("system", [s for s in systems() if s.name != "ascii"], ids=str)
def test_every_system_has_a_golden_table(system: object) -> None:
    from namenorm import System

    assert isinstance(system, System)
    path = GOLDEN / f"translit-{system.lang}-{system.name}.tsv"
    if (system.lang, system.name) in WRAPPED:
        assert not path.exists(), f"{path.name} would snapshot the wrapped library's output"
        return
    assert path.exists(), f"no golden table for {system.lang}/{system.name}"
