"""Accuracy benchmark: ``Registry.resolve`` against two baselines on every labelled set.

One run reads each set against its registry (see ``bench/labelled.py``):

* ``dev``: ``bench/devset.tsv`` against the benchmark registry built from the
  current ``data/variants.csv``;
* ``dev2``: ``bench/devset2.tsv`` (second development set), same registry.
  Both were written against the registry of the time, whose 69 IDs are
  those of the frozen blind registry: an answer naming an entity added since is
  counted apart (``new``), as for ``blind-current``, since a ``neg-absent``
  row ("not in the registry") may name an entity the registry has gained;
* ``dev3``: ``bench/devset3.tsv`` (third development set, the resolver v2
  issue's categories), same registry; it was written against the current
  registry, so every answer is counted (no ``new``);
* ``blind``: ``bench/blind.tsv`` against ``bench/blind-registry.csv``, the
  benchmark registry frozen with it, so its figures stay comparable;
* ``blind-current``: ``bench/blind.tsv`` against the current benchmark
  registry; an answer naming an ID the frozen registry does not have is
  counted apart (``new``), since the labels were written without it.

Each set is also resolved, in the same run and on the same registry, by two
baselines: ``exact`` (``unidecode`` + casefold lookup of every kept name; a
key of several IDs gives None) and ``fuzzy@T`` (the same keys with
``rapidfuzz.process.extractOne(scorer=fuzz.WRatio)`` at the threshold T in
50..100 that maximizes correct positives minus false matches on that set).
The figures are printed per category and beside the resolver v2 targets.

What it leaves out: speed under load (``bench/speed.py``), ``lookup``
ranking, and the blind set's rows, which are never printed.
Run: ``.venv/bin/python bench/accuracy.py [--set NAME ...] [--show-errors]``.
"""

from __future__ import annotations

import argparse
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

from bench.labelled import (  # noqa: E402  (the path line above makes bench importable)
    BLIND,
    BLIND_FROZEN_AT,
    BLIND_REGISTRY,
    CATEGORIES,
    DEVSET,
    DEVSET2,
    DEVSET3,
    VARIANTS,
    Case,
    benchmark_rows,
    load_cases,
    read_registry_rows,
    write_registry,
)

# Targets of the resolver v2 issue, on every set.
TARGET_CORRECT = 98.0  # % of positives resolved to the expected ID
TARGET_ORG_PLACE = 95.0  # % of organization and place positives resolved to the expected ID
TARGET_FALSE = 0.5  # % of negatives given any ID
TARGET_WRONG = 0  # positives resolved to another ID

Resolve = Callable[[str], str | None]


@dataclass
class Tally:
    """Outcome counts of one system on one group of rows."""

    n: int = 0
    correct: int = 0  # positive -> expected ID
    wrong: int = 0  # positive -> another ID the labels know
    missed: int = 0  # positive -> None
    negatives: int = 0
    false: int = 0  # negative -> an ID the labels know
    new: int = 0  # any row -> an ID the labels were written without
    new_on_negatives: int = 0

    @property
    def positives(self) -> int:
        return self.n - self.negatives

    @property
    def right(self) -> int:
        """Rows where the output equals the expectation (ID, or None)."""
        return self.correct + self.negatives - self.false - self.new_on_negatives


@dataclass
class Run:
    """One system's predictions over one set."""

    name: str
    predictions: list[str | None]
    wall: float
    cpu: float
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Measure:
    """One labelled set read against one registry."""

    name: str
    title: str
    path: Path
    rows: list[dict[str, str]]  # the registry rows
    registry_label: str
    known_ids: frozenset[str] | None = None  # IDs the labels were written for (None: all)
    private: bool = False  # rows are never printed

    @property
    def kinds(self) -> dict[str, str]:
        return {row["id"]: row["kind"] for row in self.rows}


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


def fuzzy_run(table: dict[str, set[str]], cases: Sequence[Case]) -> Run:
    """The fuzzy baseline at its best threshold on ``cases``."""
    wall, cpu = time.perf_counter(), time.process_time()
    scores = fuzzy_scores(table, cases)
    threshold = best_threshold(scores, cases)
    predictions = [found if score >= threshold else None for found, score in scores]
    return Run(
        f"fuzzy@{threshold}",
        predictions,
        time.perf_counter() - wall,
        time.process_time() - cpu,
    )


def run_system(name: str, resolve: Resolve, cases: Sequence[Case]) -> Run:
    """Resolve every query, timing the whole pass; exceptions count as None."""
    predictions: list[str | None] = []
    errors: list[str] = []
    wall, cpu = time.perf_counter(), time.process_time()
    for case in cases:
        try:
            predictions.append(resolve(case.query))
        except Exception as exc:  # a crash on one query must not hide the others
            predictions.append(None)
            errors.append(f"{type(exc).__name__}: {exc}")
    return Run(name, predictions, time.perf_counter() - wall, time.process_time() - cpu, errors)


def load_resolver(rows: Sequence[dict[str, str]], tmpdir: Path) -> tuple[Resolve | None, str]:
    """``Registry.from_csv(...).resolve`` on ``rows``, or None and why it is unavailable."""
    path = tmpdir / f"registry-{id(rows)}.csv"
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

    return resolve, f"loaded and warmed up in {time.perf_counter() - start:.2f} s"


def tally(run: Run, cases: Sequence[Case], measure: Measure) -> dict[str, Tally]:
    """Outcome counts per category, plus ``org/place`` (positives of those kinds) and ``overall``."""
    kinds = measure.kinds
    groups: dict[str, Tally] = defaultdict(Tally)
    for case, found in zip(cases, run.predictions, strict=True):
        names = [case.category, "overall"]
        if case.expected is not None and kinds.get(case.expected) in {"org", "place"}:
            names.append("org/place")
        new = found is not None and measure.known_ids is not None and found not in measure.known_ids
        for group in names:
            t = groups[group]
            t.n += 1
            if case.expected is None:
                t.negatives += 1
                t.new += new
                t.new_on_negatives += new
                t.false += found is not None and not new
            elif found == case.expected:
                t.correct += 1
            elif found is None:
                t.missed += 1
            elif new:
                t.new += 1
            else:
                t.wrong += 1
    return dict(groups)


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}" if whole else "-"


def markdown(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def category_table(runs: Sequence[Run], tallies: Sequence[dict[str, Tally]], new: bool) -> str:
    """One row per category present: each system's right %, wrong, missed, false (and new)."""
    head = ["category", "n"]
    for run in runs:
        head += [f"{run.name} ok %", "wrong", "missed", "false"] + (["new"] if new else [])
    rows = []
    present = [c for c in CATEGORIES if c in tallies[0]]
    for group in [*present, "overall"]:
        cells = [group if group != "overall" else "**overall**", str(tallies[0][group].n)]
        for t in tallies:
            g = t[group]
            cells += [pct(g.right, g.n), str(g.wrong), str(g.missed), str(g.false)]
            cells += [str(g.new)] if new else []
        rows.append(cells)
    return markdown(head, rows)


def summary_table(
    runs: Sequence[Run], tallies: Sequence[dict[str, Tally]], n: int, new: bool
) -> str:
    """The headline figures of each system beside the resolver v2 targets."""
    overall = [t["overall"] for t in tallies]
    org_place = [t.get("org/place", Tally()) for t in tallies]
    rows = [
        ["correct on positives %", f">= {TARGET_CORRECT:g}"]
        + [pct(t.correct, t.positives) for t in overall],
        ["correct on org and place positives %", f">= {TARGET_ORG_PLACE:g}"]
        + [pct(t.correct, t.positives) for t in org_place],
        ["false matches on negatives %", f"<= {TARGET_FALSE:g}"]
        + [pct(t.false, t.negatives) for t in overall],
        ["wrong IDs", str(TARGET_WRONG)] + [str(t.wrong) for t in overall],
    ]
    if new:
        rows.append(
            ["answers naming an ID added since freezing", "-"] + [str(t.new) for t in overall]
        )
    rows += [
        ["resolve time, wall / CPU (s)", "-"] + [f"{r.wall:.2f} / {r.cpu:.2f}" for r in runs],
        ["throughput, queries per CPU second", "-"]
        + [f"{n / r.cpu:,.0f}" if r.cpu else "-" for r in runs],
    ]
    return markdown(["metric", "target", *(run.name for run in runs)], rows)


def error_lines(run: Run, cases: Sequence[Case], known_ids: frozenset[str] | None) -> list[str]:
    """One line per row where ``run`` disagrees with the labels; an answer naming
    an ID the labels were written without is marked ``(new)``, to be checked by eye."""
    lines = []
    for case, found in zip(cases, run.predictions, strict=True):
        if found == case.expected:
            continue
        new = found is not None and known_ids is not None and found not in known_ids
        got = f"{found} (new)" if new else found or "-"
        lines.append(
            f"{case.category:13} {case.query!r:45} expected={case.expected or '-':28} "
            f"got={got:34} [{case.source}]"
        )
    return lines


def measures(variants: Path, names: Sequence[str], cases: Path | None) -> list[Measure]:
    """The requested (set, registry) pairs, in report order."""
    current = benchmark_rows(variants)
    frozen = read_registry_rows(BLIND_REGISTRY)
    current_label = (
        f"benchmark registry from {variants.name} ({len(current)} names of "
        f"{len({r['id'] for r in current})} IDs)"
    )
    frozen_label = (
        f"frozen benchmark registry {BLIND_REGISTRY.relative_to(ROOT)} ({len(frozen)} names of "
        f"{len({r['id'] for r in frozen})} IDs), frozen at {BLIND_FROZEN_AT}"
    )
    frozen_ids = frozenset(row["id"] for row in frozen)
    table = {
        "dev": Measure(
            "dev",
            "dev set (tuned against)",
            DEVSET,
            current,
            current_label,
            known_ids=frozen_ids,
        ),
        "dev2": Measure(
            "dev2",
            "second dev set (tuned against)",
            DEVSET2,
            current,
            current_label,
            known_ids=frozen_ids,
        ),
        "dev3": Measure(
            "dev3",
            "third dev set (tuned against)",
            DEVSET3,
            current,
            current_label,
        ),
        "blind": Measure(
            "blind",
            f"blind set (frozen at {BLIND_FROZEN_AT}), frozen registry",
            BLIND,
            frozen,
            frozen_label,
            private=True,
        ),
        "blind-current": Measure(
            "blind-current",
            "blind set, current registry",
            BLIND,
            current,
            current_label,
            known_ids=frozen_ids,
            private=True,
        ),
    }
    chosen = [table[name] for name in names]
    if cases is not None:
        chosen.append(Measure("cases", f"labelled file {cases}", cases, current, current_label))
    return chosen


def report(measure: Measure, resolver: Resolve | None, show_errors: bool) -> list[str]:
    """Print one set's tables; return its headline row for the closing summary."""
    cases = load_cases(measure.path)
    table = key_table(measure.rows)
    runs = [] if resolver is None else [run_system("resolver", resolver, cases)]
    runs.append(run_system("exact", exact_baseline(table), cases))
    runs.append(fuzzy_run(table, cases))
    tallies = [tally(run, cases, measure) for run in runs]
    new = measure.known_ids is not None
    overall = tallies[0]["overall"]
    path = measure.path.relative_to(ROOT) if measure.path.is_relative_to(ROOT) else measure.path
    print(f"\n## {measure.title}: {path}\n")
    print(
        f"{overall.n} rows ({overall.positives} positives, {overall.negatives} negatives) "
        f"against the {measure.registry_label}\n"
    )
    print(category_table(runs, tallies, new))
    print()
    print(summary_table(runs, tallies, len(cases), new))
    for run in runs:
        if run.errors:
            print(
                f"\n{run.name}: resolve raised on {len(run.errors)} queries, e.g. {run.errors[0]}"
            )
    if show_errors:
        if measure.private:
            print("\n(rows of the blind set are never printed)")
        else:
            lines = error_lines(runs[0], cases, measure.known_ids)
            print(f"\n### {runs[0].name}: {len(lines)} rows off\n")
            print("\n".join(lines))
    org_place = [t.get("org/place", Tally()) for t in tallies]
    row = [measure.name, str(overall.n)]
    for t, op in zip(tallies, org_place, strict=True):
        o = t["overall"]
        row += [pct(o.correct, o.positives), pct(op.correct, op.positives)]
        row += [pct(o.false, o.negatives), str(o.wrong), str(o.new) if new else "-"]
    return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        choices=["dev", "dev2", "dev3", "blind", "blind-current"],
        help="a set to report on (repeatable; default: all five)",
    )
    parser.add_argument(
        "--cases", type=Path, help="also report on this labelled TSV (current registry)"
    )
    parser.add_argument("--variants", type=Path, default=VARIANTS)
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="list the rows the resolver gets wrong (development sets only)",
    )
    args = parser.parse_args(argv)
    names = args.sets or ["dev", "dev2", "dev3", "blind", "blind-current"]
    chosen = measures(args.variants, names, args.cases)

    print("Accuracy of Registry.resolve and two baselines (exact, fuzzy@T) per labelled set.")
    print(
        "ok % = rows where the output equals the label (the ID, or None for neg-*); "
        "org/place = positives whose expected ID is an org or a place; fuzzy@T: the "
        "threshold T in 50..100 best for that set (correct positives - false matches)."
    )
    headline: list[list[str]] = []
    systems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="namenorm-bench-") as tmp:
        resolvers: dict[int, tuple[Resolve | None, str]] = {}
        for measure in chosen:
            key = id(measure.rows)  # the sets read against the current registry share one
            if key not in resolvers:
                resolvers[key] = load_resolver(measure.rows, Path(tmp))
            resolver, reason = resolvers[key]
            if resolver is None:
                print(f"\nresolver unavailable ({reason}); baselines only")
            headline.append(report(measure, resolver, args.show_errors))
            systems = (["resolver"] if resolver is not None else []) + ["exact", "fuzzy"]
    head = ["set", "n"]
    for system in systems:
        head += [f"{system} correct %", "org/place %", "false %", "wrong", "new"]
    print("\n## All sets (targets: correct >= 98, org/place >= 95, false <= 0.5, wrong 0)\n")
    print(
        "new = answers naming an ID the set's labels were written without (not counted "
        "as false or wrong; listed with --show-errors for the development sets)\n"
    )
    print(markdown(head, headline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
