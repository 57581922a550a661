"""The cached word tables give wordfreq's own answers, and a stale or corrupt
cache file is rebuilt, never used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import wordfreq

from namenorm import wordlists

WORDS = ["the", "warsaw", "minsk", "jean-pierre", "o'brien", "kowalski", "nowak", "qzxv", "don't"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordlists.reset_caches()
    yield tmp_path / "namenorm"
    wordlists.reset_caches()


def test_the_table_is_wordfreqs_list_above_the_floor(cache_dir: Path) -> None:
    floor = wordfreq.zipf_to_freq(wordlists.ZIPF_KEPT)
    full = wordfreq.get_frequency_dict("lt")
    assert wordlists.table("lt") == {t: f for t, f in full.items() if f >= floor}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_answers_equal_wordfreq_at_and_above_the_floor(cache_dir: Path, lang: str) -> None:
    words = WORDS + wordfreq.top_n_list(lang, 3000)[::7]
    for word in words:
        expected = wordfreq.zipf_frequency(word, lang)
        got = wordlists.zipf_frequency(word, lang)
        if expected >= wordlists.ZIPF_KEPT or got:
            assert got == expected, word


@pytest.mark.parametrize("content", ["{not json", '{"key": "old", "lang": "lt", "table": {}}'])
def test_a_stale_or_corrupt_file_is_rebuilt(cache_dir: Path, content: str) -> None:
    wordlists.table("lt")
    (path,) = cache_dir.glob("zipf-lt-*.json")
    path.write_text(content, encoding="utf-8")
    wordlists.reset_caches()
    assert wordlists.table("lt")["ir"] == wordfreq.get_frequency_dict("lt")["ir"]
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == wordlists._key()


def test_a_current_file_is_read_not_rebuilt(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = wordlists.table("lt")
    wordlists.reset_caches()
    monkeypatch.setattr(wordlists, "build_table", lambda lang: pytest.fail("rebuilt"))
    assert wordlists.table("lt") == built
