"""``bench/accuracy.py`` on tiny hand-made sets: the counting, the targets, the privacy of blind rows.

Runs the baselines only (no resolver), on three-row sets and a two-entity
registry, so it takes milliseconds; the real sets are reported by running
the script.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Measure, Run, best_threshold, report, summary_table, tally
from bench.labelled import Case

REGISTRY = [
    {"id": "minsk", "kind": "place", "lang": "en", "name": "Minsk", "preferred": "1"},
    {"id": "znak", "kind": "person", "lang": "en", "name": "Maksim Znak", "preferred": "1"},
]
CASES = [
    Case("Mińsk", "minsk", "org-place", "rule"),
    Case("Maxim Znak", "znak", "mixed", "rule"),
    Case("Pinsk", None, "neg-city", "rule"),
]


def _measure(**extra: object) -> Measure:
    return Measure("t", "test set", Path("t.tsv"), REGISTRY, "test registry", **extra)  # type: ignore[arg-type]


def test_tally_counts_each_outcome_and_org_place_by_kind() -> None:
    run = Run("r", ["minsk", "minsk", "minsk"], 0.0, 0.0)
    t = tally(run, CASES, _measure())
    assert (t["overall"].correct, t["overall"].wrong, t["overall"].false) == (1, 1, 1)
    assert t["org/place"].n == 1 and t["org/place"].correct == 1
    assert t["overall"].right == 1


def test_answers_outside_the_labels_registry_are_counted_apart() -> None:
    run = Run("r", ["minsk", "new-person", "new-city"], 0.0, 0.0)
    t = tally(run, CASES, _measure(known_ids=frozenset({"minsk", "znak"})))["overall"]
    assert (t.correct, t.wrong, t.false, t.new) == (1, 0, 0, 2)
    assert t.right == 1  # a negative given a new ID is not right, nor a false match


def test_summary_shows_the_targets() -> None:
    run = Run("resolver", ["minsk", "znak", None], 0.5, 0.25)
    text = summary_table([run], [tally(run, CASES, _measure())], 3, new=False)
    assert "| correct on positives % | >= 98 | 100.0 |" in text
    assert "| correct on org and place positives % | >= 95 | 100.0 |" in text
    assert "| false matches on negatives % | <= 0.5 | 0.0 |" in text
    assert "| wrong IDs | 0 | 0 |" in text
    assert "0.50 / 0.25" in text


def test_best_threshold_prefers_gain() -> None:
    scores = [("minsk", 90.0), ("znak", 70.0), ("minsk", 80.0)]
    assert best_threshold(scores, CASES) == 90  # 80 would let the negative through


@pytest.mark.parametrize("private", [False, True])
def test_rows_of_a_private_set_are_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], private: bool
) -> None:
    path = tmp_path / "set.tsv"
    path.write_text(
        "query\texpected\tcategory\tsource\n"
        + "".join(f"{c.query}\t{c.expected or ''}\t{c.category}\t{c.source}\n" for c in CASES),
        encoding="utf-8",
    )
    measure = Measure("t", "test set", path, REGISTRY, "test registry", private=private)
    row = report(measure, None, show_errors=True)
    out = capsys.readouterr().out
    assert row[:2] == ["t", "3"]
    assert ("Maxim Znak" in out) is not private
    assert ("never printed" in out) is private


def test_development_sets_count_answers_outside_their_registry_apart() -> None:
    from bench.accuracy import measures
    from bench.labelled import BLIND_REGISTRY, VARIANTS, read_registry_rows

    written_for = frozenset(row["id"] for row in read_registry_rows(BLIND_REGISTRY))
    for measure in measures(VARIANTS, ["dev", "dev2", "blind-current"], None):
        assert measure.known_ids == written_for
