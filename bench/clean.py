"""Speed and memory of ``namenorm clean`` on a big CSV file, beside the stdlib floor.

Usage::

    .venv/bin/python bench/clean.py [--rows 1000000] [--distinct 5000]
                                    [--distinct-rows 100000] [--repeat 3] [--keep DIR]
                                    [--dask-workers 1,2]

Generates, in a temporary folder (or ``--keep DIR``):

1. a ``--rows`` x 5-column CSV (``id,name,date,outlet,note``) whose ``name``
   column draws from ``--distinct`` spellings built from the shipped
   registry's names by simple changes: other romanization systems, case,
   word order, "Surname, Given" (a quoted field), initials, dropped
   diacritics, one typo; about one in ten is an invented name the registry
   does not know. Some ``note`` fields are quoted and hold commas;
2. a ``--distinct-rows`` file of the same shape in which every name is
   different (no repetition, so every row is a lookup).

Each file is then processed, in a fresh subprocess each, by

* the floor: the stdlib ``csv`` module reading the file and writing every
  row back (``csv.reader`` -> ``csv.writer``), nothing else;
* ``namenorm clean FILE --column name -o OUT --quiet`` (the installed script,
  registry loading and start-up included), as it comes (one process), with
  ``--jobs`` one per core, with every lookup replaced by a constant and the
  index not warmed (what start-up, reading, splitting and writing cost
  without the resolver), and on a file of one row (the fixed cost);
* ``namenorm clean ... --engine dask --workers N`` for each N of
  ``--dask-workers`` (a local cluster of N worker processes, started and
  stopped by the command, so its start-up is in the wall time; the
  command's own report gives the seconds from planning the ranges to the
  renamed output, which the second table shows with the speed-up per
  added worker).

Wall time is measured around the subprocess, the fastest of ``--repeat``
interleaved runs counting (the machine may be busy); CPU time and the
largest process's peak memory come from ``os.wait4`` (worker processes
included once reaped); the peak of all processes together is sampled every
50 ms as the sum of their PSS (forked workers share pages, so RSS would count
them twice). A run of ``namenorm clean`` on a file of one row gives the
fixed cost (start-up, registry, index, the resolver's tables): the full run
minus it, beside the stubbed run, says what the rows cost. Prints a
markdown table with the targets (>= 60% of the floor's rows/s, peak memory
< 300 MB) beside the figures, CPU time beside wall time, and the load
average before and after.

Left out: correctness (tests/cli and tests/dask do that) and clusters of
several hosts.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from namenorm.registry import Registry, shipped_registry_path  # noqa: E402
from namenorm.translit import systems, transliterate  # noqa: E402

OUTLETS = ("Belsat", "Nasha Niva", "Zerkalo", "RFE/RL", "Reuters", "BBC", "Onliner", "TUT.BY")
WORDS = (
    "met",
    "said",
    "visited",
    "denied",
    "court",
    "protest",
    "election",
    "talks",
    "Minsk",
    "Vilnius",
)
SYLLABLES = (
    "ka",
    "ro",
    "vi",
    "len",
    "mar",
    "to",
    "shu",
    "bel",
    "dan",
    "zo",
    "mir",
    "ya",
    "ol",
    "gen",
)


# -- data --------------------------------------------------------------------
def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 6:
        return text
    i = rng.randrange(1, len(text) - 1)
    if text[i] == " ":
        return text
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i] + rng.choice("aeiouy") + text[i + 1 :]


def _invented(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).capitalize()

    return f"{word()} {word()}"


def _variants(text: str, lang: str, rng: random.Random) -> list[str]:
    """Simple spelling changes of one registry name, in several scripts and systems."""
    forms = [text]
    if lang in ("be", "ru", "uk"):
        for system in systems(lang):
            forms.append(transliterate(text, lang, system.name))
    out = []
    for form in forms:
        words = form.split()
        out.append(form)
        out.append(form.upper())
        out.append(form.lower())
        out.append(_strip_marks(form))
        out.append(_typo(form, rng))
        if len(words) >= 2:
            out.append(f"{words[-1]} {' '.join(words[:-1])}")
            out.append(f"{words[-1]}, {' '.join(words[:-1])}")  # a quoted CSV field
            out.append(f"{words[0][0]}. {words[-1]}")
            out.append(words[-1])
    return out


def spellings(count: int, *, seed: int, unknown: float = 0.1) -> list[str]:
    """``count`` distinct spellings: registry names changed simply, ~``unknown`` invented."""
    rng = random.Random(seed)
    registry = Registry.from_csv(shipped_registry_path())
    pool: list[str] = []
    for entity in registry.entities():
        for name in entity.names:
            pool.extend(_variants(name.text, name.lang, rng))
    rng.shuffle(pool)
    found: dict[str, None] = {}
    known = iter(pool)
    while len(found) < count:
        if rng.random() < unknown:
            found.setdefault(_invented(rng))
            continue
        candidate = next(known, None)
        if candidate is None:  # the registry ran out: typos of what we have
            candidate = _typo(rng.choice(pool), rng) + rng.choice(("", "a", "s", "i"))
        found.setdefault(candidate)
    return list(found)


def write_file(path: Path, rows: int, names: list[str], *, seed: int, distinct: bool) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("id", "name", "date", "outlet", "note"))
        for i in range(rows):
            name = names[i] if distinct else rng.choice(names)
            note = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 6)))
            if rng.random() < 0.05:
                note = note.replace(" ", ", ", 1)  # quoted with a comma inside
            day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            writer.writerow((i + 1, name, day, rng.choice(OUTLETS), note))


# -- measuring ---------------------------------------------------------------
#: Rows/s of ``namenorm clean`` over the floor's, on the first file (issue 14).
TARGET = 0.6
FLOOR = """
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as src, \\
     open(sys.argv[2], "w", encoding="utf-8", newline="") as dst:
    csv.writer(dst, lineterminator="\\n").writerows(csv.reader(src))
"""


# Every lookup replaced by a constant and nothing warmed: what start-up, reading,
# splitting and writing cost without the resolver.
STUBBED = """
import sys
from namenorm.batch import pipeline
from namenorm.cli import main
from namenorm.registry import Registry
pipeline.outcome = lambda registry, value, kind: ("unmatched", "", "", None, "")
Registry.warm = lambda self: self
main(sys.argv[1:])
"""


@dataclass
class Run:
    label: str
    rows: int
    seconds: float
    cpu: float
    peak_mb: float  # the largest single process (ru_maxrss)
    total_mb: float  # all processes together (sampled PSS)
    workers: int = 0  # Dask workers (0: not a Dask run)
    engine_seconds: float = (
        0.0  # a Dask run's own seconds (its --report), cluster start-up excluded
    )

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total / 1024


class _Sampler(threading.Thread):
    """Peak memory of a process and its children, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, _pss_mb(_tree(self.pid)))


def measure(label: str, command: list[str], rows: int) -> Run:
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _Sampler(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    error = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{error}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(
        label,
        rows,
        seconds,
        cpu,
        usage.ru_maxrss / 1024,
        sampler.peak or usage.ru_maxrss / 1024,  # too short to sample: the one process
    )


def measure_dask(command: list[str], rows: int, workers: int, report: Path) -> Run:
    run = measure(f"namenorm clean --engine dask --workers {workers}", command, rows)
    body = json.loads(report.read_text())
    run.workers = body["workers"]
    run.engine_seconds = body["seconds"]
    return run


def best_of(runs: list[Run]) -> Run:
    fastest = min(runs, key=lambda r: r.seconds)
    fastest.peak_mb = max(r.peak_mb for r in runs)
    fastest.total_mb = max(r.total_mb for r in runs)
    return fastest


def namenorm_command() -> list[str]:
    script = Path(sys.executable).parent / "namenorm"
    if script.exists():
        return [str(script)]
    found = shutil.which("namenorm")
    return [found] if found else [sys.executable, "-m", "namenorm"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=5_000)
    parser.add_argument("--distinct-rows", type=int, default=100_000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs on the first file; the fastest counts"
    )
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep the files")
    parser.add_argument(
        "--dask-workers",
        default="1,2",
        help="local Dask cluster sizes to run (comma-separated; empty: no Dask rows)",
    )
    args = parser.parse_args()

    sizes = [int(n) for n in args.dask_workers.split(",") if n.strip()]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="namenorm-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    env_registry = os.environ.pop("NAMENORM_REGISTRY", None)
    try:
        started = time.perf_counter()
        repeated = folder / "repeated.csv"
        distinct = folder / "distinct.csv"
        write_file(repeated, args.rows, spellings(args.distinct, seed=1), seed=2, distinct=False)
        write_file(
            distinct,
            args.distinct_rows,
            spellings(args.distinct_rows, seed=3),
            seed=4,
            distinct=True,
        )
        tiny = folder / "one-row.csv"
        with repeated.open(encoding="utf-8", newline="") as source:
            tiny.write_text(source.readline() + source.readline(), encoding="utf-8")
        generated = time.perf_counter() - started
        load_before = os.getloadavg()
        out = folder / "out.csv"
        clean = namenorm_command()
        runs: list[list[Run]] = []
        fixed_costs: list[Run] = []
        for path, rows, repeat in (
            (repeated, args.rows, args.repeat),
            (distinct, args.distinct_rows, 1),
        ):
            floors: list[Run] = []
            single: list[Run] = []
            pooled: list[Run] = []
            stubbed: list[Run] = []
            fixed: list[Run] = []
            clustered: dict[int, list[Run]] = {n: [] for n in sizes}
            args_ = ["clean", str(path), "-c", "name", "-o", str(out), "-q"]
            jobs = str(os.cpu_count() or 2)
            for _ in range(repeat):  # interleaved, so all see the same machine
                floor_command = [sys.executable, "-c", FLOOR, str(path), str(out)]
                floors.append(measure("stdlib csv read + write", floor_command, rows))
                single.append(measure("namenorm clean", [*clean, *args_], rows))
                pooled_command = [*clean, *args_, "--jobs", jobs]
                pooled.append(measure(f"namenorm clean --jobs {jobs}", pooled_command, rows))
                stub_command = [sys.executable, "-c", STUBBED, *args_]
                stubbed.append(measure("namenorm clean, lookups stubbed", stub_command, rows))
                tiny_args = ["clean", str(tiny), "-c", "name", "-o", str(out), "-q"]
                fixed.append(measure("namenorm clean, a one-row file", [*clean, *tiny_args], 1))
                for n in sizes:
                    report = folder / "report.json"
                    dask_command = [*clean, *args_, "--engine", "dask", "--workers", str(n)]
                    dask_command += ["--report", str(report)]
                    clustered[n].append(measure_dask(dask_command, rows, n, report))
            runs.append(
                [best_of(floors), best_of(single), best_of(pooled), best_of(stubbed)]
                + [best_of(clustered[n]) for n in sizes]
            )
            fixed_costs.append(best_of(fixed))
        size = repeated.stat().st_size / 2**20
        load_after = os.getloadavg()
    finally:
        if env_registry is not None:
            os.environ["NAMENORM_REGISTRY"] = env_registry
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    print(
        f"## namenorm clean: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print(
        f"Files generated in {generated:.0f} s: {args.rows:,} rows x 5 columns ({size:.0f} MB), "
        f"{args.distinct:,} distinct names; {args.distinct_rows:,} rows, every name distinct."
    )
    print()
    print(
        "| file | run | rows | seconds | rows/s | of floor | CPU s | peak MB, largest process | peak MB, all processes |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for group, name in zip(
        runs, (f"{args.distinct:,} distinct names", "all names distinct"), strict=True
    ):
        floor = group[0]
        for run in group:
            share = f"{run.rate / floor.rate:.0%}"
            print(
                f"| {name} | {run.label} | {run.rows:,} | {run.seconds:.2f} | {run.rate:,.0f} | {share} "
                f"| {run.cpu:.2f} | {run.peak_mb:.0f} | {run.total_mb:.0f} |"
            )
    if sizes:
        print()
        print(
            "Dask runs without the local cluster's start-up (the seconds of the command's "
            "--report: planning the ranges, the tasks, writing the output):"
        )
        print()
        print("| file | workers | wall s | engine s | rows/s in engine | speed-up over 1 worker |")
        print("|---|---:|---:|---:|---:|---:|")
        for group, name in zip(
            runs, (f"{args.distinct:,} distinct names", "all names distinct"), strict=True
        ):
            dask_runs = [r for r in group if r.workers]
            base = next((r for r in dask_runs if r.workers == 1), None)
            for run in dask_runs:
                rate = run.rows / run.engine_seconds if run.engine_seconds else 0.0
                speedup = (
                    f"{base.engine_seconds / run.engine_seconds:.2f}x"
                    if base is not None and run.engine_seconds
                    else "-"
                )
                print(
                    f"| {name} | {run.workers} | {run.seconds:.2f} | {run.engine_seconds:.2f} "
                    f"| {rate:,.0f} | {speedup} |"
                )
    floor, default, _, stub, *_ = runs[0]
    share = default.rate / floor.rate
    start = fixed_costs[0]
    print()
    print(
        f"Fixed cost (namenorm clean on a one-row file: start-up, registry, index, the "
        f"resolver's tables and one lookup): {start.seconds:.2f} s wall, {start.cpu:.2f} s CPU. "
        f"The rows of the first file: {default.seconds - start.seconds:.2f} s wall beside the "
        f"floor's {floor.seconds:.2f} s; with lookups stubbed the whole run takes "
        f"{stub.seconds:.2f} s ({stub.rate / floor.rate:.0%} of the floor)."
    )
    print()
    print(f"Fastest of {args.repeat} interleaved runs for the first file, one run for the second.")
    print(
        "Load average (1, 5, 15 min) before the runs: "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; after: "
        + ", ".join(f"{x:.2f}" for x in load_after)
        + "."
    )
    print(
        f"Target: >= {TARGET:.0%} of the floor's rows/s: {share:.0%} "
        f"({'met' if share >= TARGET else 'NOT met'}); by CPU time, which other jobs "
        f"disturb less: {floor.cpu / default.cpu:.0%}."
    )
    print(
        f"Target: peak memory < 300 MB (all processes): {default.total_mb:.0f} MB "
        f"({'met' if default.total_mb < 300 else 'NOT met'})."
    )


if __name__ == "__main__":
    main()
