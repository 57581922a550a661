"""Speed and scale of ``Registry.resolve`` on synthetic registries, beside floors.

Usage::

    .venv/bin/python bench/speed.py [--sizes 10000,100000,1000000] [--queries 20000]
                                    [--timeout 3600] [--max-memory-gb 12]

For each size, a fresh subprocess (so sizes share no memory and no caches)
builds a registry of that many synthetic people (``bench/synthetic.py``: a
Belarusian, a Russian and an English name each), times the index build
(``Registry.warm``), reads its resident memory, then times ``resolve`` one
call at a time (``time.perf_counter_ns``) on one core for

1. *exact* queries: a stored name (en, be, ru) or one the index generates
   (the ru name in the German, Polish, French, ISO 9, BGN/PCGN or ALA-LC
   table, the be name in the 2007 national, Łacinka or BGN/PCGN table), each
   query distinct; floor: a Python ``dict.get`` of the same strings in a dict
   of every stored name;
2. *fuzzy* queries: a stored name with one or two edits (substitution,
   insertion, deletion) inside a surname of 8+ letters, never its first or
   last letter (two edits only in 10+ letters), given name kept, never equal
   to a stored name; floor: one ``rapidfuzz.process.extractOne(query, names,
   scorer=fuzz.WRatio)`` over the same stored names (at most ``--floor-queries``
   of them, as it is slow at 1M).

It prints one markdown table (ratios are resolve's cost per query divided by
the floor's), the issue's targets beside the measurements, and a details
table (memory at each step, index sizes, right-ID rates). A size that runs
out of ``--timeout`` or ``--max-memory-gb`` (an address-space limit) is
reported as ``timeout``/``failed`` with what it measured so far, never a
crash. Each query phase stops after ``--budget`` seconds and reports how
many queries it timed.

Left out: the HTTP layer, ``lookup`` (``resolve`` does the same work), and
multi-core throughput.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import pickle
import platform
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    from bench.speed_index import translit_rows
    from bench.synthetic import synthetic_registry_rows
except ImportError:  # run as a script: bench/ itself is on sys.path
    from speed_index import translit_rows  # type: ignore[no-redef]
    from synthetic import synthetic_registry_rows  # type: ignore[no-redef]

TAG = "RESULT "
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
#: Spellings used as exact queries: (stored lang, system or None for the stored text).
EXACT_SPELLINGS: tuple[tuple[str, str | None], ...] = (
    ("en", None),
    ("ru", None),
    ("be", None),
    ("ru", "german"),
    ("ru", "polish"),
    ("be", "national-2007"),
    ("ru", "french"),
    ("ru", "iso9"),
    ("be", "lacinka"),
    ("ru", "bgn-pcgn"),
    ("be", "bgn-pcgn"),
    ("ru", "ala-lc"),
)
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "ru": "абвгдежзийклмнопрстуфхцчшщыьэюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
}
MIN_FUZZY_SURNAME = 8
MIN_TWO_EDIT_SURNAME = 10
WARMUP_QUERIES = 200
#: Stored names resolved by the process that maps the index file.
MAPPED_QUERIES = 5_000
#: Below this CPU time ÷ wall time, a step shared its core and its wall-clock figures are flagged.
BUSY_CPU_SHARE = 0.9

TARGET_EXACT_PER_S = 100_000
TARGET_FUZZY_PER_S_100K = 2_000
TARGET_FUZZY_P99_MS_100K = 5.0
TARGET_FUZZY_GROWTH = 4.0
TARGET_BUILD_S_1M = 60.0
TARGET_RSS_MB_1M = 4096.0
TARGET_MAPPED_RSS_MB_100K = 600.0
TARGET_LOAD_S_100K = 1.0


# -- the worker: one size, in its own process ---------------------------------
def _emit(**record: Any) -> None:
    print(TAG + json.dumps(record, ensure_ascii=False), flush=True)


def _status_mb(field_name: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


class _Monitor(threading.Thread):
    """Reports resident memory every few seconds while the index builds (for timeouts)."""

    def __init__(self, started: float, every: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.started, self.every = started, every
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            _emit(
                progress={
                    "stage": "index build",
                    "seconds": round(time.perf_counter() - self.started, 1),
                    "rss_mb": round(_status_mb("VmRSS")),
                }
            )


def _percentile(sorted_values: list[int], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, math.ceil(fraction * len(sorted_values)) - 1))
    return float(sorted_values[index])


def _exact_queries(
    entities: list[Any], count: int, rng: random.Random
) -> list[tuple[str, str, str]]:
    """``count`` distinct (query, expected id, spelling kind) from stored or generated spellings."""
    from namenorm import transliterate

    order = rng.sample(range(len(entities)), len(entities))
    seen: set[str] = set()
    found: list[tuple[str, str, str]] = []
    for rounds in range(len(EXACT_SPELLINGS)):
        for position, number in enumerate(order):
            if len(found) >= count:
                return found
            entity = entities[number]
            lang, system = EXACT_SPELLINGS[(position + rounds) % len(EXACT_SPELLINGS)]
            text = next(n.text for n in entity.names if n.lang == lang)
            query = text if system is None else transliterate(text, lang, system)
            if query not in seen:
                seen.add(query)
                found.append((query, entity.id, lang if system is None else f"{lang}:{system}"))
    return found


def _shared(entities: list[Any], queries: list[tuple[str, str, str]]) -> set[str]:
    """The exact queries that more than one person's names spell (``resolve`` must say None).

    Makes every query kind's spelling of every entity (each word romanized once)
    and keeps the queries, compared case-insensitively, made for two IDs or more.
    """
    from namenorm import transliterate

    wanted = {query.casefold(): query for query, _, _ in queries}
    owners: dict[str, set[str]] = {}
    for lang, system in EXACT_SPELLINGS:  # one kind at a time: one word cache in memory
        words: dict[str, str] = {}
        for entity in entities:
            text = next(name.text for name in entity.names if name.lang == lang)
            if system is not None:
                parts = []
                for word in text.split(" "):
                    romanized = words.get(word)
                    if romanized is None:
                        romanized = words[word] = transliterate(word, lang, system)
                    parts.append(romanized)
                text = " ".join(parts)
            folded = text.casefold()
            if folded in wanted:
                owners.setdefault(folded, set()).add(entity.id)
    return {wanted[f] for f, ids in owners.items() if len(ids) > 1}


def _edit(word: str, alphabet: str, rng: random.Random, edits: int) -> str:
    """``word`` with ``edits`` substitutions/insertions/deletions, never at the first or last letter."""
    letters = list(word)
    touched: set[int] = set()
    for _ in range(edits):
        while True:
            position = rng.randrange(1, len(letters) - 1)
            if position not in touched and position - 1 not in touched:
                break
        operation = rng.choice(("substitute", "insert", "delete"))
        lower = letters[position].lower()
        if operation == "substitute":
            letters[position] = rng.choice([c for c in alphabet if c != lower])
            touched.add(position)
        elif operation == "insert":
            letters.insert(position, rng.choice(alphabet))
            touched = {p + 1 if p >= position else p for p in touched} | {position}
        else:
            del letters[position]
            touched = {p - 1 if p > position else p for p in touched} | {position - 1}
    return "".join(letters)


def _fuzzy_queries(
    entities: list[Any], count: int, rng: random.Random, stored: set[str]
) -> list[tuple[str, str, str]]:
    """``count`` distinct (query, expected id, "lang:edits") with typos inside a long surname."""
    order = rng.sample(range(len(entities)), len(entities))
    langs = ("en", "ru", "be")
    seen: set[str] = set()
    found: list[tuple[str, str, str]] = []
    for rounds in range(6):
        for position, number in enumerate(order):
            if len(found) >= count:
                return found
            entity = entities[number]
            lang = langs[(position + rounds) % len(langs)]
            text = next(n.text for n in entity.names if n.lang == lang)
            given, _, surname = text.rpartition(" ")
            if len(surname) < MIN_FUZZY_SURNAME:
                continue
            edits = 2 if len(surname) >= MIN_TWO_EDIT_SURNAME and rng.random() < 0.5 else 1
            typo = _edit(surname, ALPHABETS[lang], rng, edits)
            query = f"{given} {typo}"
            if typo == surname or query in seen or query.casefold() in stored:
                continue
            seen.add(query)
            found.append((query, entity.id, f"{lang}:{edits}"))
    return found


def _time_resolve(
    registry: Any, queries: list[tuple[str, str, str]], budget: float
) -> tuple[dict[str, Any], list[Any]]:
    """Resolve each query once, timed alone; stop after ``budget`` seconds."""
    latencies: list[int] = []
    results: list[Any] = []
    by_kind: dict[str, list[int]] = {}
    resolve = registry.resolve
    clock = time.perf_counter_ns
    gc.collect()
    cpu_started = time.process_time()
    started = clock()
    deadline = started + int(budget * 1e9)
    for query, _, kind in queries:
        before = clock()
        match = resolve(query)
        after = clock()
        latencies.append(after - before)
        results.append(match)
        by_kind.setdefault(kind, []).append(after - before)
        if after > deadline:
            break
    wall = (clock() - started) / 1e9
    cpu = time.process_time() - cpu_started
    latencies.sort()
    done = len(latencies)
    return (
        {
            "queries": done,
            "planned": len(queries),
            "per_s": done / wall if wall else float("nan"),
            "cpu_share": cpu / wall if wall else float("nan"),
            "cpu_per_s": done / cpu if cpu else float("nan"),
            "mean_us": statistics.fmean(latencies) / 1e3 if latencies else float("nan"),
            "p50_us": _percentile(latencies, 0.50) / 1e3,
            "p99_us": _percentile(latencies, 0.99) / 1e3,
            "max_us": latencies[-1] / 1e3 if latencies else float("nan"),
            "kind_mean_us": {k: statistics.fmean(v) / 1e3 for k, v in sorted(by_kind.items())},
        },
        results,
    )


def _outcomes(
    queries: list[tuple[str, str, str]], results: list[Any], shared: set[str] | None = None
) -> dict[str, dict[str, int]]:
    """Right ID / wrong ID / None counts, overall and per spelling kind; with ``shared``,
    None for a spelling several people share is counted as ``shared`` (it is right)."""
    table: dict[str, Counter[str]] = {}
    for (query, expected, kind), match in zip(queries, results, strict=False):
        if match is None:
            outcome = "shared" if shared is not None and query in shared else "none"
        else:
            outcome = "right" if match.id == expected else "wrong"
        for key in ("all", kind):
            table.setdefault(key, Counter())[outcome] += 1
    return {key: dict(counter) for key, counter in table.items()}


def worker(args: argparse.Namespace) -> None:
    """Measure one registry size; write ``RESULT {json}`` lines to stdout."""
    if args.max_memory_gb:
        limit = int(args.max_memory_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from namenorm import Entity, Name, Registry

    size, rng = args.worker, random.Random(args.seed)
    _emit(memory={"rss_start_mb": _status_mb("VmRSS")})

    # Registry: straight from the generator (the CSV parser is not what is measured).
    started = time.perf_counter()
    grouped: dict[str, list[Any]] = {}
    for ident, _, lang, name, preferred in synthetic_registry_rows(size, seed=args.seed):
        grouped.setdefault(ident, []).append(Name(name, lang, preferred == "1"))
    entities = [Entity(ident, "person", tuple(names)) for ident, names in grouped.items()]
    del grouped
    generated = time.perf_counter()
    registry = Registry(entities, source=f"<synthetic {size}>")
    loaded = time.perf_counter()
    gc.collect()
    rss_registry = _status_mb("VmRSS")
    _emit(
        build={"generate_s": generated - started, "registry_s": loaded - generated},
        memory={"rss_registry_mb": rss_registry},
    )
    print(f"[{size}] registry of {size:,} in {loaded - started:.1f} s", file=sys.stderr)

    monitor = _Monitor(time.perf_counter())
    monitor.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    registry.warm()
    build_s = time.perf_counter() - started
    build_cpu = time.process_time() - cpu_started
    monitor.stopped.set()
    monitor.join()
    gc.collect()
    index = registry.index
    _emit(
        build={
            "index_s": build_s,
            "index_build_seconds": index.build_seconds,
            "cpu_share": build_cpu / build_s,
        },
        memory={"rss_index_mb": _status_mb("VmRSS"), "peak_mb": _status_mb("VmHWM")},
        stats=index.stats(),
    )
    print(f"[{size}] index built in {build_s:.1f} s", file=sys.stderr)

    # The index as a file, mapped by a fresh process (as each server worker would).
    with tempfile.TemporaryDirectory() as folder:
        index_path, entities_path = f"{folder}/registry.idx", f"{folder}/entities.pickle"
        started = time.perf_counter()
        file_bytes = index.save(index_path, digest=registry.digest)
        save_s = time.perf_counter() - started
        with open(entities_path, "wb") as handle:
            pickle.dump(entities, handle, protocol=pickle.HIGHEST_PROTOCOL)
        out = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("speed_index.py")),
                entities_path,
                index_path,
                str(MAPPED_QUERIES),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    _emit(mapped=json.loads(out) | {"file_mb": file_bytes / 1e6, "save_s": save_s})
    print(f"[{size}] index file of {file_bytes / 1e6:,.0f} MB mapped", file=sys.stderr)

    # Queries (not timed) and floors' data, made after the memory readings.
    stored_ids: dict[str, str] = {}
    for entity in entities:
        for name in entity.names:
            stored_ids.setdefault(name.text, entity.id)
    names = list(stored_ids)
    name_ids = list(stored_ids.values())
    stored_folded = {name.casefold() for name in names}
    exact = _exact_queries(entities, args.queries + WARMUP_QUERIES, rng)
    fuzzy = _fuzzy_queries(entities, args.queries + WARMUP_QUERIES, rng, stored_folded)
    warm_up, exact = exact[:WARMUP_QUERIES], exact[WARMUP_QUERIES:]
    warm_up += fuzzy[: WARMUP_QUERIES // 4]
    fuzzy = fuzzy[WARMUP_QUERIES:]
    for query, _, _ in warm_up:
        registry.resolve(query)

    # (1) exact hits, and the dict floor over the same strings.
    timing, results = _time_resolve(registry, exact, args.budget)
    get = stored_ids.get
    strings = [query for query, _, _ in exact]
    floor_ns = float("inf")
    for _ in range(5):
        before = time.perf_counter_ns()
        for query in strings:
            get(query)
        floor_ns = min(floor_ns, (time.perf_counter_ns() - before) / len(strings))
    shared = _shared(entities, exact[: timing["queries"]])
    _emit(
        exact=timing | {"outcomes": _outcomes(exact, results, shared)},
        exact_floor={
            "ns": floor_ns,
            "stored_hits": sum(query in stored_ids for query in strings) / len(strings),
        },
    )
    print(f"[{size}] exact: {timing['per_s']:,.0f}/s", file=sys.stderr)

    # (2) fuzzy, and the extractOne floor on a sample of the same queries.
    timing, results = _time_resolve(registry, fuzzy, args.budget)
    _emit(fuzzy=timing | {"outcomes": _outcomes(fuzzy, results)})
    print(f"[{size}] fuzzy: {timing['per_s']:,.0f}/s", file=sys.stderr)

    from rapidfuzz import fuzz, process

    floor_count = args.floor_queries or max(20, min(200, 2_000_000 // size))
    sample = fuzzy[:floor_count]
    right = 0
    before = time.perf_counter_ns()
    for query, expected, _ in sample:
        best = process.extractOne(query, names, scorer=fuzz.WRatio)
        right += best is not None and name_ids[best[2]] == expected
    per_query = (time.perf_counter_ns() - before) / max(1, len(sample))
    _emit(
        fuzzy_floor={
            "queries": len(sample),
            "ms": per_query / 1e6,
            "right": right / max(1, len(sample)),
            "names": len(names),
        }
    )


# -- the driver: one subprocess per size, then the tables ----------------------
@dataclass
class Outcome:
    size: int
    status: str = "ok"
    data: dict[str, Any] = field(default_factory=dict)
    peak_mb: float = float("nan")
    seconds: float = 0.0


def _merge(into: dict[str, Any], record: dict[str, Any]) -> None:
    for key, value in record.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            into[key].update(value)
        else:
            into[key] = value


def run_size(size: int, args: argparse.Namespace) -> Outcome:
    """Run the worker for ``size`` in a subprocess; never raises on its failure."""
    command = [
        sys.executable,
        os.path.abspath(__file__),
        "--worker",
        str(size),
        "--queries",
        str(args.queries),
        "--floor-queries",
        str(args.floor_queries),
        "--budget",
        str(args.budget),
        "--seed",
        str(args.seed),
        "--max-memory-gb",
        str(args.max_memory_gb),
    ]
    outcome = Outcome(size)
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout or ()), daemon=True)
    reader.start()
    deadline = started + args.timeout
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()  # our own child, by its pid
                pid, status, usage = os.wait4(process.pid, 0)
                outcome.status = f"timeout ({args.timeout:.0f} s)"
                break
            time.sleep(0.2)
    except BaseException:  # interrupted or terminated: take the child down too
        process.kill()
        process.wait()
        raise
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=10)
    outcome.seconds = time.monotonic() - started
    outcome.peak_mb = usage.ru_maxrss / 1024
    for line in lines:
        if line.startswith(TAG):
            _merge(outcome.data, json.loads(line[len(TAG) :]))
    if outcome.status == "ok" and process.returncode != 0:
        error = outcome.data.get("error", "")
        outcome.status = f"failed (exit {process.returncode}{': ' + error if error else ''})"
    return outcome


def _fmt(value: float | None, spec: str, unit: str = "") -> str:
    if value is None or value != value:  # None or NaN
        return "–"
    return f"{value:{spec}}{unit}"


def _get(outcome: Outcome, *path: str) -> float | None:
    value: Any = outcome.data
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return float(value) if isinstance(value, int | float) else None


def _right_share(outcome: Outcome, phase: str) -> float | None:
    counts = (outcome.data.get(phase) or {}).get("outcomes", {}).get("all")
    if not counts:
        return None
    return counts.get("right", 0) / sum(counts.values())


def _size_label(size: int) -> str:
    for scale, suffix in ((1_000_000, "M"), (1_000, "k")):
        if size >= scale and size % scale == 0:
            return f"{size // scale}{suffix}"
    return str(size)


def _by_size(outcomes: list[Outcome], size: int) -> Outcome | None:
    return next((o for o in outcomes if o.size == size), None)


def print_tables(outcomes: list[Outcome], args: argparse.Namespace) -> None:
    base = _by_size(outcomes, min(o.size for o in outcomes))
    base_cost = _cpu_cost_us(base, "fuzzy")
    print()
    print(
        "| entities | build s | RSS MB | exact resolve/s | exact p50 / p99 µs | exact ÷ dict "
        "| fuzzy resolve/s | fuzzy p50 / p99 ms | fuzzy ÷ extractOne "
        f"| fuzzy cost ÷ {_size_label(base.size) if base else '–'} | fuzzy right ID | status |"
    )
    print("|" + "---:|" * 11 + ":---|")
    for o in outcomes:
        exact_us = _get(o, "exact", "mean_us")
        floor_ns = _get(o, "exact_floor", "ns")
        fuzzy_us = _get(o, "fuzzy", "mean_us")
        fuzzy_cpu_us = _cpu_cost_us(o, "fuzzy")
        floor_ms = _get(o, "fuzzy_floor", "ms")
        cells = [
            f"{o.size:,}",
            _fmt(_get(o, "build", "index_s"), ".1f"),
            _fmt(_get(o, "memory", "rss_index_mb"), ",.0f"),
            _fmt(_get(o, "exact", "per_s"), ",.0f"),
            f"{_fmt(_get(o, 'exact', 'p50_us'), ',.1f')} / {_fmt(_get(o, 'exact', 'p99_us'), ',.1f')}",
            _fmt(exact_us * 1e3 / floor_ns if exact_us and floor_ns else None, ",.0f", "×"),
            _fmt(_get(o, "fuzzy", "per_s"), ",.0f"),
            f"{_fmt(_ms(o, 'p50_us'), ',.2f')} / {_fmt(_ms(o, 'p99_us'), ',.2f')}",
            _fmt(fuzzy_us / 1e3 / floor_ms if fuzzy_us and floor_ms else None, ".4f", "×"),
            _fmt(fuzzy_cpu_us / base_cost if fuzzy_cpu_us and base_cost else None, ".2f", "×"),
            _fmt(_right_share(o, "fuzzy"), ".1%"),
            _status(o),
        ]
        print("| " + " | ".join(cells) + " |")
    print()
    print(
        "build s: `Registry.warm()` (index build) alone. RSS: resident memory after the build, "
        "registry included. ÷ dict and ÷ extractOne: resolve's mean cost per query divided by "
        "the floor's, measured in the same run (below 1× is faster than the floor). "
        f"fuzzy cost ÷ {_size_label(base.size) if base else '–'}: CPU time per fuzzy query "
        "relative to the smallest size (CPU time, so that other processes' load on the "
        "machine does not skew the ratio)."
    )
    print_targets(outcomes)
    print_details(outcomes)


def _status(o: Outcome) -> str:
    """The run's status, flagged when other processes took a share of the core."""
    shares = [_get(o, phase, "cpu_share") for phase in ("build", "exact", "fuzzy")]
    lowest = min((x for x in shares if x is not None), default=None)
    if lowest is not None and lowest < BUSY_CPU_SHARE:
        return f"{o.status}, busy core (CPU share {lowest:.0%})"
    return o.status


def _cpu_rate(o: Outcome | None, phase: str) -> float | None:
    """Queries per second of CPU time: the rate on an idle core, whatever the load."""
    return _get(o, phase, "cpu_per_s") if o else None


def _cpu_cost_us(o: Outcome | None, phase: str) -> float | None:
    rate = _cpu_rate(o, phase)
    return 1e6 / rate if rate else None


def _build_cpu(o: Outcome | None) -> float | None:
    wall, share = (
        (_get(o, "build", "index_s"), _get(o, "build", "cpu_share")) if o else (None, None)
    )
    return wall * share if wall is not None and share is not None else None


def _ms(o: Outcome, key: str) -> float | None:
    value = _get(o, "fuzzy", key)
    return value / 1e3 if value is not None else None


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else "yes" if ok else "**no**"


def print_targets(outcomes: list[Outcome]) -> None:
    print()
    print("| target (issue 3) | measured (CPU time; wall clock beside) | met |")
    print("|---|---|:---:|")
    rows: list[tuple[str, str, bool | None]] = []
    rates = [(o, _get(o, "exact", "per_s"), _cpu_rate(o, "exact")) for o in outcomes]
    rows.append(
        (
            f"exact resolve ≥ {TARGET_EXACT_PER_S:,}/s at every size",
            ", ".join(
                f"{_size_label(o.size)}: {_fmt(cpu, ',.0f')}/s ({_fmt(wall, ',.0f')}/s wall)"
                for o, wall, cpu in rates
            ),
            None
            if any(cpu is None for _, _, cpu in rates)
            else all(cpu >= TARGET_EXACT_PER_S for _, _, cpu in rates if cpu is not None),
        )
    )
    hundred = _by_size(outcomes, 100_000)
    fuzzy_rate = _cpu_rate(hundred, "fuzzy")
    fuzzy_wall = _get(hundred, "fuzzy", "per_s") if hundred else None
    fuzzy_p99 = _ms(hundred, "p99_us") if hundred else None
    rows.append(
        (
            f"fuzzy resolve ≥ {TARGET_FUZZY_PER_S_100K:,}/s at 100k",
            f"{_fmt(fuzzy_rate, ',.0f')}/s ({_fmt(fuzzy_wall, ',.0f')}/s wall)",
            None if fuzzy_rate is None else fuzzy_rate >= TARGET_FUZZY_PER_S_100K,
        )
    )
    rows.append(
        (
            f"fuzzy p99 ≤ {TARGET_FUZZY_P99_MS_100K:g} ms at 100k",
            f"{_fmt(fuzzy_p99, '.2f')} ms wall"
            + (f" ({_status(hundred)})" if hundred and _status(hundred) != "ok" else ""),
            None if fuzzy_p99 is None else fuzzy_p99 <= TARGET_FUZZY_P99_MS_100K,
        )
    )
    small, million = _by_size(outcomes, 10_000), _by_size(outcomes, 1_000_000)
    low, high = _cpu_cost_us(small, "fuzzy"), _cpu_cost_us(million, "fuzzy")
    growth = high / low if low and high else None
    rows.append(
        (
            f"fuzzy cost at 1M ≤ {TARGET_FUZZY_GROWTH:g}× cost at 10k",
            f"{_fmt(growth, '.2f')}× ({_fmt(low, ',.0f')} → {_fmt(high, ',.0f')} µs CPU per query)",
            None if growth is None else growth <= TARGET_FUZZY_GROWTH,
        )
    )
    build, build_wall = _build_cpu(million), _get(million, "build", "index_s") if million else None
    rows.append(
        (
            f"1M index build ≤ {TARGET_BUILD_S_1M:g} s",
            f"{_fmt(build, ',.1f')} s ({_fmt(build_wall, ',.1f')} s wall)"
            if build is not None
            else (million.status if million else "–"),
            None if build is None else build <= TARGET_BUILD_S_1M,
        )
    )
    rss = _get(million, "memory", "rss_index_mb") if million else None
    peak = million.peak_mb if million else None
    rows.append(
        (
            f"1M index ≤ {TARGET_RSS_MB_1M / 1024:g} GB",
            (f"RSS {_fmt(rss, ',.0f')} MB, peak {_fmt(peak, ',.0f')} MB" if million else "–"),
            None if rss is None else max(rss, peak or 0) <= TARGET_RSS_MB_1M,
        )
    )
    mapped = [(o, o.data.get("mapped")) for o in outcomes]
    rows.append(
        (
            f"index file mapped in ≤ {TARGET_LOAD_S_100K:g} s and ≤ "
            f"{TARGET_MAPPED_RSS_MB_100K:,.0f} MB per process at 100k",
            "; ".join(
                f"{_size_label(o.size)}: {m['file_mb']:,.0f} MB file, load {m['load_s']:.2f} s, "
                f"+{m['anon_mb'] + m['file_mb_touched']:,.0f} MB RSS after {m['queries']:,} "
                f"resolves ({m['file_mb_touched']:,.0f} MB of it shared file pages)"
                for o, m in mapped
                if m
            )
            or "–",
            None
            if hundred is None or not hundred.data.get("mapped")
            else (
                hundred.data["mapped"]["load_s"] <= TARGET_LOAD_S_100K
                and hundred.data["mapped"]["anon_mb"] + hundred.data["mapped"]["file_mb_touched"]
                <= TARGET_MAPPED_RSS_MB_100K
            ),
        )
    )
    for target, measured, ok in rows:
        print(f"| {target} | {measured} | {_verdict(ok)} |")


def print_translit() -> None:
    """Romanization of the Russian names of a 10,000-person registry, beside its floors."""
    names = [name for _, _, lang, name, _ in synthetic_registry_rows(10_000) if lang == "ru"]
    rows = translit_rows(names)
    icu = next((rate for label, rate, _ in rows if label.startswith("ICU")), None)
    print()
    print(f"| romanizer ({len(names):,} Russian names) | names/s (CPU, one core) | ÷ ICU | note |")
    print("|---|---:|---:|---|")
    for label, rate, note in rows:
        ratio = f"{rate / icu:.2f}×" if rate and icu else "–"
        print(f"| {label} | {_fmt(rate, ',.0f')} | {ratio} | {note} |")


def print_details(outcomes: list[Outcome]) -> None:
    print()
    print(
        "| entities | generate s | Registry() s | RSS start / registry / index / peak MB "
        "| index KB / entity | build ms / entity | index tables | exact timed "
        "| exact right / shared / none / wrong | dict ns/query "
        "| fuzzy timed | fuzzy right / none / wrong | right by edits (1 / 2) "
        "| extractOne ms/query (n, right) | CPU share build / exact / fuzzy "
        "| exact / fuzzy resolve/s by CPU time | wall s |"
    )
    print("|" + "---:|" * 17)
    for o in outcomes:
        memory = " / ".join(
            _fmt(_get(o, "memory", key), ",.0f")
            for key in ("rss_start_mb", "rss_registry_mb", "rss_index_mb")
        )
        stats = o.data.get("stats") or {}
        tables = ", ".join(f"{k} {v:,}" for k, v in stats.items() if k != "entities") or "–"
        floor = o.data.get("fuzzy_floor") or {}
        cells = [
            f"{o.size:,}",
            _fmt(_get(o, "build", "generate_s"), ".1f"),
            _fmt(_get(o, "build", "registry_s"), ".1f"),
            f"{memory} / {_fmt(o.peak_mb, ',.0f')}",
            _fmt(_index_kb(o), ".1f"),
            _fmt(_build_ms(o), ".2f"),
            tables,
            _counted(o, "exact"),
            _shares(o, "exact", ("right", "shared", "none", "wrong")),
            _fmt(_get(o, "exact_floor", "ns"), ".0f"),
            _counted(o, "fuzzy"),
            _shares(o, "fuzzy", ("right", "none", "wrong")),
            f"{_edits_share(o, 1)} / {_edits_share(o, 2)}",
            (f"{floor['ms']:,.1f} ({floor['queries']}, {floor['right']:.0%})" if floor else "–"),
            " / ".join(
                _fmt(_get(o, phase, "cpu_share"), ".0%") for phase in ("build", "exact", "fuzzy")
            ),
            " / ".join(_fmt(_get(o, phase, "cpu_per_s"), ",.0f") for phase in ("exact", "fuzzy")),
            f"{o.seconds:,.0f}",
        ]
        print("| " + " | ".join(cells) + " |")
    print()
    print(
        "index KB / entity: resident memory the index build added. right / shared / none / "
        "wrong: resolve returned the queried ID; None for a spelling two or more people "
        "share (right); None otherwise; another ID. CPU share: CPU time ÷ wall time of the step; well "
        "below 100% means other processes held the core and the wall-clock figures are "
        "inflated; resolve/s by CPU time is the rate on an idle core."
    )
    for o in outcomes:
        for phase in ("exact", "fuzzy"):
            kinds = (o.data.get(phase) or {}).get("kind_mean_us")
            if kinds:
                listed = ", ".join(
                    f"{k} {v:,.0f} ({_kind_right(o, phase, k)})" for k, v in kinds.items()
                )
                print(f"- {o.size:,}, {phase}: mean µs (share right) by query kind: {listed}.")
        progress = o.data.get("progress")
        if o.status != "ok" and progress:
            print(
                f"- {o.size:,}: {o.status}; last reading {progress['seconds']:,} s into "
                f"the {progress['stage']} at RSS {progress['rss_mb']:,} MB."
            )
        elif o.status != "ok":
            print(f"- {o.size:,}: {o.status}.")
        done = [d for d in outcomes if d.size < o.size and _index_kb(d) and _build_ms(d)]
        if o.status != "ok" and done:
            rate = max(done, key=lambda d: d.size)
            kb, ms = _index_kb(rate), _build_ms(rate)
            assert kb is not None and ms is not None
            print(
                f"- {o.size:,} at the {rate.size:,} rate ({kb:.1f} KB and {ms:.2f} ms of index "
                f"per entity) would need about {kb * o.size / 1024**2:,.1f} GB of index and "
                f"{ms * o.size / 1e3:,.0f} s of build."
            )


def _kind_right(o: Outcome, phase: str, kind: str) -> str:
    counts = ((o.data.get(phase) or {}).get("outcomes") or {}).get(kind) or {}
    total = sum(counts.values())
    right = counts.get("right", 0) + counts.get("shared", 0)
    return f"{right / total:.0%}" if total else "–"


def _index_kb(o: Outcome) -> float | None:
    """Resident memory the index added, per entity, in KB."""
    before, after = _get(o, "memory", "rss_registry_mb"), _get(o, "memory", "rss_index_mb")
    return (after - before) * 1024 / o.size if before is not None and after is not None else None


def _build_ms(o: Outcome) -> float | None:
    build = _get(o, "build", "index_s")
    return build * 1e3 / o.size if build is not None else None


def _counted(o: Outcome, phase: str) -> str:
    data = o.data.get(phase)
    if not data:
        return "–"
    return f"{data['queries']:,}" + ("" if data["queries"] == data["planned"] else " (budget)")


def _shares(o: Outcome, phase: str, outcomes: tuple[str, ...]) -> str:
    counts = ((o.data.get(phase) or {}).get("outcomes") or {}).get("all")
    if not counts:
        return "–"
    total = sum(counts.values())
    return " / ".join(f"{counts.get(k, 0) / total:.1%}" for k in outcomes)


def _edits_share(o: Outcome, edits: int) -> str:
    outcomes = (o.data.get("fuzzy") or {}).get("outcomes") or {}
    counts: Counter[str] = Counter()
    for kind, tally in outcomes.items():
        if kind.endswith(f":{edits}"):
            counts.update(tally)
    total = sum(counts.values())
    return f"{counts['right'] / total:.1%}" if total else "–"


def _revision() -> str:
    """The checkout's commit, marked ``+changes`` when namenorm/ has uncommitted edits."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        commit = subprocess.run(
            ["git", "-C", root, "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", root, "status", "--porcelain", "--", "namenorm"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(not a git checkout)"
    return f"at {commit}" + (" +changes" if dirty else "")


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="comma-separated registry sizes (default: %(default)s)",
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=20_000,
        help="exact and fuzzy queries each (default: %(default)s)",
    )
    parser.add_argument(
        "--floor-queries",
        type=int,
        default=0,
        help="queries for the extractOne floor (default: 0 = 200 at 10k, 20 from 100k up)",
    )
    parser.add_argument(
        "--timeout", type=float, default=3600, help="seconds per size (default: %(default)s)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=300,
        help="seconds per query phase; stop timing after it (default: %(default)s)",
    )
    parser.add_argument(
        "--max-memory-gb",
        type=float,
        default=12,
        help="address-space limit of each size's process, 0 = none (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=0, help="synthetic registry and query seed")
    parser.add_argument("--json", metavar="PATH", help="also write every measurement as JSON")
    parser.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        try:
            worker(args)
        except BaseException as exc:  # report, then fail: the driver prints "failed"
            if isinstance(exc, MemoryError):
                _emit(error=f"MemoryError (address-space limit {args.max_memory_gb:g} GB)")
            else:
                _emit(error=f"{type(exc).__name__}: {exc}"[:200])
            raise
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    print(
        f"namenorm speed: {', '.join(f'{s:,}' for s in sizes)} entities, {args.queries:,} "
        f"queries per phase; Python {platform.python_version()} on one core of {_cpu()}",
        file=sys.stderr,
    )
    outcomes = []
    for size in sizes:
        outcome = run_size(size, args)
        print(f"[{size}] {outcome.status} in {outcome.seconds:,.0f} s", file=sys.stderr)
        outcomes.append(outcome)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"namenorm {_revision()}, Python {platform.python_version()}, one core of {_cpu()} "
        f"({os.cpu_count()} cores, load average at the end {load}); synthetic registries "
        f"(bench/synthetic.py, seed {args.seed}); {args.queries:,} exact and "
        f"{args.queries:,} fuzzy queries per size."
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(
                [
                    {"size": o.size, "status": o.status, "peak_mb": o.peak_mb, **o.data}
                    for o in outcomes
                ],
                handle,
                ensure_ascii=False,
                indent=1,
            )
    print_tables(outcomes, args)
    print_translit()
    return 0 if all(o.status == "ok" for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
