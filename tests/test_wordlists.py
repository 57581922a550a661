"""The cached word tables give wordfreq's own answers, and a stale or corrupt
cache file is rebuilt, never used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import wordfreq

from namenorm import wordlists

WORDS = ["the", "warsaw", "minsk", "jean-pierre", "o'brien", "kowalski", "nowak", "qzxv", "don't"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordlists.reset_caches()
    yield tmp_path / "namenorm"
    wordlists.reset_caches()


def test_the_table_is_wordfreqs_list_above_the_floor(cache_dir: Path) -> None:
    floor = wordfreq.zipf_to_freq(wordlists.ZIPF_KEPT)
    full = wordfreq.get_frequency_dict("lt")
    assert dict(wordlists.table("lt")) == {t: f for t, f in full.items() if f >= floor}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_answers_equal_wordfreq_at_and_above_the_floor(cache_dir: Path, lang: str) -> None:
    words = WORDS + wordfreq.top_n_list(lang, 3000)[::7]
    for word in words:
        expected = wordfreq.zipf_frequency(word, lang)
        got = wordlists.zipf_frequency(word, lang)
        if expected >= wordlists.ZIPF_KEPT or got:
            assert got == expected, word


@pytest.mark.parametrize("damage", ["truncated", "flipped byte"])
def test_a_damaged_file_is_rebuilt(cache_dir: Path, damage: str) -> None:
    wordlists.table("lt")
    (path,) = cache_dir.glob("zipf-lt-*.tables")
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        del data[len(data) // 2 :]
    else:
        data[-100] ^= 0xFF
    path.write_bytes(bytes(data))
    wordlists.reset_caches()
    assert wordlists.table("lt")["ir"] == wordfreq.get_frequency_dict("lt")["ir"]
    (rebuilt,) = cache_dir.glob("zipf-lt-*.tables")
    assert len(rebuilt.read_bytes()) > len(data) // 2 and rebuilt.read_bytes() != bytes(data)


def test_a_current_file_is_read_not_rebuilt(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = dict(wordlists.table("lt"))
    wordlists.reset_caches()
    monkeypatch.setattr(wordlists, "build_table", lambda lang: pytest.fail("rebuilt"))
    assert dict(wordlists.table("lt")) == built
