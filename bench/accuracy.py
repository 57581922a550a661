"""Accuracy benchmark: ``Registry.resolve`` against two baselines on ``bench/devset.tsv``.

The benchmark registry is built from ``data/variants.csv`` keeping only the
Cyrillic rows (lang ``be``, ``ru``, ``uk``) and the preferred ``en`` row of each
ID, so every attested Latin variant in the devset has to be *derived* by the
resolver, not looked up. It is written to a temporary CSV and loaded with
``Registry.from_csv``: the same loader the library uses.

Baselines, computed on the same registry and devset:

* ``exact``: ``unidecode(name).casefold()`` of every kept name -> ID; a key
  shared by several IDs counts as ambiguous (None);
* ``fuzzy``: the same keys, ``rapidfuzz.process.extractOne`` with
  ``fuzz.WRatio``, at the threshold (swept over 50..100) that maximizes
  correct positives minus false matches on negatives.

What it leaves out: speed under load (``bench/speed.py``) and ``lookup``
ranking quality. Run: ``.venv/bin/python bench/accuracy.py [--show-errors]``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DEVSET = ROOT / "bench" / "devset.tsv"
DEFAULT_VARIANTS = ROOT / "data" / "variants.csv"
KEPT_LANGS = frozenset({"be", "ru", "uk"})
POSITIVE_CATEGORIES = (
    "system-be",
    "system-ru",
    "mixed",
    "be-ru",
    "cyrillic",
    "structure",
    "noise",
    "typo",
    "org-place",
)
NEGATIVE_CATEGORIES = ("neg-gender", "neg-relative", "neg-similar", "neg-absent")
CATEGORIES = POSITIVE_CATEGORIES + NEGATIVE_CATEGORIES
TARGET_CORRECT = 98.0  # % of positives resolved to the expected ID
TARGET_FALSE = 1.0  # % of negatives given any ID
TARGET_WRONG = 0  # positives resolved to another ID

Resolve = Callable[[str], str | None]


@dataclass(frozen=True)
class Case:
    """One devset row; ``expected`` is None when ``resolve`` must return None."""

    query: str
    expected: str | None
    category: str
    source: str


@dataclass
class Tally:
    """Outcome counts of one system on one group of rows."""

    n: int = 0
    correct: int = 0  # positive -> expected ID
    wrong: int = 0  # positive -> another ID
    missed: int = 0  # positive -> None
    negatives: int = 0
    false: int = 0  # negative -> any ID
    errors: int = 0  # resolve raised (counted as None)

    @property
    def positives(self) -> int:
        return self.n - self.negatives

    @property
    def right(self) -> int:
        """Rows where the output equals the expectation (ID, or None)."""
        return self.correct + self.negatives - self.false


@dataclass
class Run:
    """One system's predictions over the devset."""

    name: str
    predictions: list[str | None]
    seconds: float
    errors: list[str] = field(default_factory=list)


def load_devset(path: Path) -> list[Case]:
    """Read the devset TSV (header ``query expected category source``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Case(row["query"], row["expected"] or None, row["category"], row["source"])
            for row in reader
        ]


def benchmark_rows(variants: Path) -> list[dict[str, str]]:
    """Rows of the benchmark registry: every be/ru/uk row and each preferred ``en`` row."""
    with variants.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        row
        for row in rows
        if row["lang"] in KEPT_LANGS or (row["lang"] == "en" and row["preferred"] == "1")
    ]


def write_registry(rows: Sequence[dict[str, str]], path: Path) -> None:
    """Write ``rows`` as a registry CSV with the columns of ``data/variants.csv``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "kind", "lang", "name", "preferred"])
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row[key] for key in writer.fieldnames})


def baseline_key(text: str) -> str:
    """The baselines' key: ASCII transliteration, casefolded, whitespace collapsed."""
    return " ".join(unidecode(text).casefold().split())


def key_table(rows: Iterable[dict[str, str]]) -> dict[str, set[str]]:
    """Baseline key of every kept name -> the IDs that have it."""
    table: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        table[baseline_key(row["name"])].add(row["id"])
    return dict(table)


def exact_baseline(table: dict[str, set[str]]) -> Resolve:
    """``unidecode`` + casefold exact lookup; a key of several IDs gives None."""

    def resolve(query: str) -> str | None:
        ids = table.get(baseline_key(query), set())
        return next(iter(ids)) if len(ids) == 1 else None

    return resolve


def fuzzy_scores(
    table: dict[str, set[str]], cases: Sequence[Case]
) -> list[tuple[str | None, float]]:
    """Best ``WRatio`` candidate of each query: (ID or None if ambiguous, score)."""
    keys = list(table)
    out: list[tuple[str | None, float]] = []
    for case in cases:
        best = process.extractOne(baseline_key(case.query), keys, scorer=fuzz.WRatio)
        if best is None:
            out.append((None, 0.0))
            continue
        ids = table[best[0]]
        out.append((next(iter(ids)) if len(ids) == 1 else None, float(best[1])))
    return out


def best_threshold(scores: Sequence[tuple[str | None, float]], cases: Sequence[Case]) -> int:
    """Threshold in 50..100 maximizing correct positives minus false matches (ties: higher)."""
    best, best_gain = 100, -(10**9)
    for threshold in range(50, 101):
        gain = 0
        for (found, score), case in zip(scores, cases, strict=True):
            if found is None or score < threshold:
                continue
            if case.expected is None:
                gain -= 1
            elif found == case.expected:
                gain += 1
        if gain >= best_gain:
            best, best_gain = threshold, gain
    return best


def run_system(name: str, resolve: Resolve, cases: Sequence[Case]) -> Run:
    """Resolve every query, timing the whole pass; exceptions count as None."""
    predictions: list[str | None] = []
    errors: list[str] = []
    start = time.perf_counter()
    for case in cases:
        try:
            predictions.append(resolve(case.query))
        except Exception as exc:  # a crash on one query must not hide the others
            predictions.append(None)
            errors.append(f"{case.query!r}: {type(exc).__name__}: {exc}")
    return Run(name, predictions, time.perf_counter() - start, errors)


def load_resolver(rows: Sequence[dict[str, str]], tmpdir: Path) -> tuple[Resolve | None, str]:
    """``Registry.from_csv(...).resolve`` as a Resolve, or None and the reason it is unavailable.

    On success the second item says how long loading and the first call took.
    """
    path = tmpdir / "benchmark-registry.csv"
    write_registry(rows, path)
    start = time.perf_counter()
    try:
        from namenorm import Registry

        registry = Registry.from_csv(path)
        registry.resolve("Minsk")  # probe: raises if not implemented yet
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"

    def resolve(query: str) -> str | None:
        match = registry.resolve(query)
        return None if match is None else str(match.id)

    return resolve, f"registry loaded and warmed up in {time.perf_counter() - start:.2f} s"


def tally(run: Run, cases: Sequence[Case]) -> dict[str, Tally]:
    """Outcome counts per category, plus ``overall``."""
    groups: dict[str, Tally] = defaultdict(Tally)
    for case, found in zip(cases, run.predictions, strict=True):
        for group in (case.category, "overall"):
            t = groups[group]
            t.n += 1
            if case.expected is None:
                t.negatives += 1
                t.false += found is not None
            elif found == case.expected:
                t.correct += 1
            elif found is None:
                t.missed += 1
            else:
                t.wrong += 1
    return dict(groups)


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}" if whole else "-"


def category_table(runs: Sequence[Run], cases: Sequence[Case]) -> str:
    """Markdown table: one row per category, each system's right %, wrong, missed, false."""
    tallies = [tally(run, cases) for run in runs]
    head = ["category", "n"]
    for run in runs:
        head += [f"{run.name} ok %", "wrong", "missed", "false"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    present = [c for c in CATEGORIES if any(case.category == c for case in cases)]
    for group in [*present, "overall"]:
        cells = [group if group != "overall" else "**overall**", str(tallies[0][group].n)]
        for t in tallies:
            g = t[group]
            cells += [pct(g.right, g.n), str(g.wrong), str(g.missed), str(g.false)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_table(runs: Sequence[Run], cases: Sequence[Case]) -> str:
    """Markdown table of the headline figures beside their targets."""
    overall = [tally(run, cases)["overall"] for run in runs]
    head = ["metric", "target", *(run.name for run in runs)]
    rows = [
        ["correct on positives %", f">= {TARGET_CORRECT:g}"]
        + [pct(t.correct, t.positives) for t in overall],
        ["false matches on negatives %", f"<= {TARGET_FALSE:g}"]
        + [pct(t.false, t.negatives) for t in overall],
        ["wrong IDs", str(TARGET_WRONG)] + [str(t.wrong) for t in overall],
        ["resolve throughput (queries/s)", "-"]
        + [f"{len(cases) / run.seconds:,.0f}" if run.seconds else "-" for run in runs],
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def error_lines(run: Run, cases: Sequence[Case]) -> list[str]:
    """One line per row where ``run`` disagrees with the devset."""
    out = []
    for case, found in zip(cases, run.predictions, strict=True):
        if found != case.expected:
            out.append(
                f"{case.category:13} {case.query!r:45} expected={case.expected or '-':28} "
                f"got={found or '-':28} [{case.source}]"
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--variants", type=Path, default=DEFAULT_VARIANTS)
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="list the rows each system gets wrong (resolver, or baselines if it is unavailable)",
    )
    args = parser.parse_args(argv)

    cases = load_devset(args.devset)
    rows = benchmark_rows(args.variants)
    table = key_table(rows)

    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="namenorm-bench-") as tmp:
        resolver, reason = load_resolver(rows, Path(tmp))
        if resolver is not None:
            runs.append(run_system("resolver", resolver, cases))
    runs.append(run_system("exact", exact_baseline(table), cases))

    start = time.perf_counter()
    scores = fuzzy_scores(table, cases)
    threshold = best_threshold(scores, cases)
    fuzzy_preds = [found if score >= threshold else None for found, score in scores]
    runs.append(Run(f"fuzzy@{threshold}", fuzzy_preds, time.perf_counter() - start))

    n_pos = sum(case.expected is not None for case in cases)
    print(
        f"devset: {args.devset.relative_to(ROOT) if args.devset.is_relative_to(ROOT) else args.devset}"
        f" — {len(cases)} rows ({n_pos} positives, {len(cases) - n_pos} negatives); "
        f"benchmark registry: {len(rows)} names of {len({r['id'] for r in rows})} IDs "
        "(be/ru/uk rows + preferred en)"
    )
    if resolver is None:
        print(f"resolver unavailable ({reason}); baselines only")
    else:
        print(f"resolver: Registry.from_csv + resolve; {reason}")
    print(
        "baselines: exact = unidecode+casefold lookup; "
        f"fuzzy = unidecode + rapidfuzz WRatio extractOne, threshold {threshold} "
        "(best of 50..100 by correct positives - false matches)"
    )
    print()
    print("ok % = rows where the output equals the expectation (the ID, or None for neg-*)")
    print()
    print(category_table(runs, cases))
    print()
    print(summary_table(runs, cases))
    for run in runs:
        if run.errors:
            print(
                f"\n{run.name}: resolve raised on {len(run.errors)} queries, e.g. {run.errors[0]}"
            )
    if args.show_errors:
        for run in runs if resolver is None else runs[:1]:
            lines = error_lines(run, cases)
            print(f"\n## {run.name}: {len(lines)} rows off\n")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
