"""The frozen blind set ``bench/blind.tsv`` and the registry it was written against.

The blind set is written once, before the resolver changes it measures, and
never edited: its hash and its frozen benchmark registry's hash are pinned
here, so any edit fails this test. Nobody tunes against its rows;
``bench/accuracy.py`` only reports on it. The checks below are about the
file (format, labels against the frozen registry); ``test_labelled.py``
checks that no query is shared with another set; none of them runs the resolver.
"""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from bench.labelled import BLIND, BLIND_FROZEN_AT, BLIND_NEGATIVE, BLIND_POSITIVE, query_key
from bench.labelled import BLIND_REGISTRY as FROZEN
from namenorm import Registry

ROOT = Path(__file__).resolve().parents[2]

# Frozen: changing either file is changing the measure; write a new set instead.
BLIND_SHA256 = "ad236424ca7fe089c77d55aaba10467ec33f7f509864d4871d22e8460fb05d5d"
FROZEN_SHA256 = "9e2b4da415c79f13aaffa3717d6623d1e2d9d6e64ccc86d66841534c07f70753"

POSITIVE = set(BLIND_POSITIVE)
NEGATIVE = set(BLIND_NEGATIVE)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read_tsv(BLIND)


@pytest.fixture(scope="module")
def frozen() -> list[dict[str, str]]:
    with FROZEN.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("path", "digest"), [(BLIND, BLIND_SHA256), (FROZEN, FROZEN_SHA256)])
def test_files_are_frozen(path: Path, digest: str) -> None:
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    assert actual == digest, (
        f"{path.relative_to(ROOT)} changed (sha256 {actual}, frozen {digest}); "
        "the blind set and its registry are never edited: write a new set instead"
    )


def test_format(rows: list[dict[str, str]]) -> None:
    lines = BLIND.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["query", "expected", "category", "source"]
    bad = [(n, line) for n, line in enumerate(lines[1:], 2) if line.count("\t") != 3]
    assert not bad, f"{BLIND.name}: lines without exactly 4 tab-separated fields: {bad[:5]}"
    empty = [row["query"] for row in rows if not row["query"].strip() or not row["source"].strip()]
    assert not empty, f"rows without a query or a source: {empty[:5]}"


def test_categories_and_labels(rows: list[dict[str, str]], frozen: list[dict[str, str]]) -> None:
    seen = Counter(row["category"] for row in rows)
    assert set(seen) == POSITIVE | NEGATIVE, f"categories: {sorted(seen)}"
    mislabelled = [
        row["query"] for row in rows if (row["category"] in NEGATIVE) == bool(row["expected"])
    ]
    assert not mislabelled, f"neg-* rows need an empty expected, others an ID: {mislabelled[:5]}"
    ids = {row["id"] for row in frozen}
    unknown = sorted({row["expected"] for row in rows if row["expected"]} - ids)
    assert not unknown, f"expected IDs not in {FROZEN.name}: {unknown}"


def test_size_and_share_of_negatives(rows: list[dict[str, str]]) -> None:
    negatives = sum(not row["expected"] for row in rows)
    assert len(rows) >= 600, f"{len(rows)} rows; expected at least 600"
    assert negatives * 4 >= len(rows), f"{negatives}/{len(rows)} negatives; expected >= 25%"


def test_queries_unique_and_not_registry_names(
    rows: list[dict[str, str]], frozen: list[dict[str, str]]
) -> None:
    dups = [q for q, n in Counter(query_key(row["query"]) for row in rows).items() if n > 1]
    assert not dups, f"duplicate queries (case-folded): {dups[:5]}"
    names = {row["name"].casefold() for row in frozen}
    leaks = [row["query"] for row in rows if row["query"].casefold() in names]
    assert not leaks, f"queries equal to a name of {FROZEN.name}: {leaks}"


def test_frozen_registry_is_the_benchmark_registry_shape(frozen: list[dict[str, str]]) -> None:
    """Cyrillic source forms and one preferred English form per ID, loadable as a registry."""
    assert {row["lang"] for row in frozen} <= {"be", "ru", "uk", "en"}
    english = Counter(row["id"] for row in frozen if row["lang"] == "en")
    assert all(n == 1 for n in english.values()), english.most_common(3)
    assert all(row["preferred"] == "1" for row in frozen if row["lang"] == "en")
    assert len(Registry.from_csv(FROZEN)) == len({row["id"] for row in frozen}) == 69


#: The texts that report accuracy figures, and so the blind set's.
REPORTS = [ROOT / "README.md", ROOT / "bench" / "README.md", ROOT / "docs" / "accuracy.md"]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_report_names_the_commit_the_blind_set_was_frozen_at(path: Path) -> None:
    """A blind figure means something only with the freeze it was measured
    against: each text that reports it says "frozen at commit <id>", and the
    id is the one ``bench/labelled.py`` declares."""
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert f"frozen at commit {BLIND_FROZEN_AT}" in text
    named = set(re.findall(r"frozen at commit ([0-9a-f]{7,40})", text))
    assert {c[:7] for c in named} == {BLIND_FROZEN_AT}, named


def test_the_freeze_commit_is_the_one_that_added_the_blind_set() -> None:
    """``BLIND_FROZEN_AT`` is the commit that added ``bench/blind.tsv`` (read
    from git when the checkout has its history; a clone without it checks only
    that the files are unchanged, above)."""
    try:
        log = subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "log",
                "--diff-filter=A",
                "--format=%H",
                "--",
                "bench/blind.tsv",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        log = []
    assert all(commit.startswith(BLIND_FROZEN_AT) for commit in log), log


def test_bench_readme_carries_no_run_of_its_own() -> None:
    """Figures live in ``docs/accuracy.md`` (measured, with the commit); a
    "Latest run" block in ``bench/README.md`` goes stale the day after."""
    text = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"(?im)^#+ .*\b(latest|last) run\b", text)
    assert not re.search(r"(?m)^\| *(dev|blind|set)\b.*\d+\.\d *%", text)


def _texts() -> list[Path]:
    return [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", _texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_text_calls_a_development_set_blind(path: Path) -> None:
    """The second development set was once presented as a "blind held-out set"
    (``bench/heldout.tsv``) though it shared 303 queries with the first and was
    tuned against: no text names that file any more, and a paragraph that
    speaks of ``devset2`` and of blindness says it is not blind."""
    text = path.read_text(encoding="utf-8")
    assert "heldout.tsv" not in text
    for paragraph in re.split(r"\n\s*\n|\n(?=\|)", text):
        if "devset2" in paragraph and "blind" in paragraph.lower():
            assert re.search(r"\bnot\b", paragraph), paragraph
