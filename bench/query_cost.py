"""The worst case of one lookup: adversarial queries against the shipped registry.

Usage::

    .venv/bin/python bench/query_cost.py [--per-family 150] [--seed 1]

Every family below makes ``--per-family`` queries of at most 512 characters
that are built to be expensive for the resolver: as many words as a name may
have, each as long as a name's word may be, random letters that every reading
and typo rule must try, real name parts in every order, initials, titles,
Lithuanian endings, function words between names, letters whose readings
coincide, and queries one word or one letter over the caps (which must be
refused at once). The registry is warmed and its objects frozen out of the
garbage collector's walks, as a server worker does (``namenorm serve``);
each query is looked up once, cold for every per-word memo of namenorm
(each ``lru_cache`` is cleared between queries), and its CPU time
(``process_time``), wall time and typo-pass work (``namenorm.index.work``:
neighbourhood probes and swapped-letter forms, each against its cap) are
recorded. The floor is the median of the same measurement for the
registry's own stored spellings, taken in the same run.

The table gives, per family, the median and worst CPU and wall times, the
most work, and how many queries were refused (``QueryTooLongError``); below
it the worst query overall beside the target (≤ 50 ms for any 512-character
query), with the load average before and after. CPU time is the figure to
judge by: on a machine shared with other work, wall time also counts the
time the process waited for a core. Left out: HTTP (see ``bench/http.py``)
and accuracy (``bench/accuracy.py``).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import string
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from namenorm import QueryTooLongError, Registry, default_registry  # noqa: E402
from namenorm.caches import memoized  # noqa: E402
from namenorm.index import (  # noqa: E402
    MAX_NAME_WORDS,
    MAX_QUERY_LENGTH,
    MAX_WORD_LENGTH,
)
from namenorm.index.work import MAX_SWAPPED_FORMS, MAX_TYPO_PROBES, observed  # noqa: E402

TARGET_MS = 50.0
LATIN = string.ascii_lowercase
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєї"


@dataclass
class Tally:
    """CPU and wall milliseconds of one family's queries."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    refused: int = 0
    probes: int = 0
    swapped: int = 0
    worst_query: str = ""
    worst_wall: float = 0.0

    def add(self, query: str, measured: Measured) -> None:
        if not self.cpu or measured.cpu > max(self.cpu):
            self.worst_query, self.worst_wall = query, measured.wall
        self.cpu.append(measured.cpu)
        self.wall.append(measured.wall)
        self.refused += measured.refused
        self.probes = max(self.probes, measured.probes)
        self.swapped = max(self.swapped, measured.swapped)


@dataclass
class Measured:
    """One lookup: CPU and wall milliseconds, refused or not, typo-pass work."""

    cpu: float
    wall: float
    refused: bool
    probes: int
    swapped: int


def cold_memos() -> list[object]:
    """namenorm's per-word memos (every bounded ``lru_cache``), not its tables."""
    return [f for f in memoized() if f.cache_parameters()["maxsize"] is not None]  # type: ignore[attr-defined]


def measure(registry: Registry, query: str, memos: list[object]) -> Measured:
    """One lookup, with every per-word memo of namenorm cleared first."""
    for memo in memos:
        memo.cache_clear()  # type: ignore[attr-defined]
    refused = False
    with observed() as work:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            registry.lookup(query, limit=5)
        except QueryTooLongError:
            refused = True
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return Measured(
        cpu * 1000,
        wall * 1000,
        refused,
        max((w.probes for w in work), default=0),
        max((w.swapped for w in work), default=0),
    )


def families(registry: Registry, rnd: random.Random) -> dict[str, Callable[[], str]]:
    """Query makers by family name."""
    parts = sorted({w for e in registry.entities() for n in e.names for w in n.text.split()})
    given = ["Aliaksandr", "Alexander", "Sviatlana", "Maria", "Viktar", "Ales", "Siarhei"]
    n, size = MAX_NAME_WORDS, MAX_WORD_LENGTH

    def word(letters: str, length: int) -> str:
        return "".join(rnd.choice(letters) for _ in range(length)).capitalize()

    def typo(text: str) -> str:
        i = rnd.randrange(1, max(2, len(text) - 1))
        return text[:i] + text[i + 1 : i + 2] + text[i : i + 1] + text[i + 2 :]

    return {
        "one given name, repeated": lambda: " ".join([rnd.choice(given)] * n),
        "name parts, any order": lambda: " ".join(rnd.choice(parts) for _ in range(n)),
        "name parts with typos": lambda: " ".join(typo(rnd.choice(parts)) for _ in range(n)),
        "random Latin, longest words": lambda: " ".join(word(LATIN, size) for _ in range(n)),
        "random Latin, 8-16 letters": lambda: " ".join(
            word(LATIN, rnd.randint(8, 16)) for _ in range(n)
        ),
        "random Cyrillic, longest words": lambda: " ".join(word(CYRILLIC, size) for _ in range(n)),
        "consonant clusters": lambda: " ".join(word("szchktrnj", size) for _ in range(n)),
        "initials and a surname": lambda: (
            " ".join(f"{rnd.choice('ABCDEFGHIKLMNOPRSTUVZ')}." for _ in range(n - 1))
            + f" {rnd.choice(parts)}"
        ),
        "Lithuanian endings": lambda: " ".join(
            rnd.choice(parts) + rnd.choice(["as", "is", "us", "ą", "ui", "ienė"]) for _ in range(n)
        ),
        "function words between names": lambda: " ".join(
            [word(LATIN, size) for _ in range(n)][: n // 2]
            + rnd.sample(["of", "the", "for", "and", "de", "von", "по", "для"], 4)
            + [word(LATIN, size) for _ in range(n - n // 2)]
        ),
        "readings that coincide (y, ia)": lambda: " ".join(
            word("bdrltvmnpfyyyy", size) for _ in range(n)
        ),
        "titles, then a name": lambda: ("President " * 60 + rnd.choice(parts))[-MAX_QUERY_LENGTH:],
        "one word over the cap": lambda: " ".join(
            [rnd.choice(parts)] * (n - 1) + [word(LATIN, size + 1)]
        ),
        "one word too many": lambda: " ".join(rnd.choice(parts) for _ in range(n + 1)),
        "512 characters, many words": lambda: " ".join(
            word(LATIN, rnd.randint(2, 9)) for _ in range(120)
        )[:MAX_QUERY_LENGTH],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-family", type=int, default=150, help="queries per family")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rnd = random.Random(args.seed)
    load_before = os.getloadavg()
    registry = default_registry().warm()
    gc.freeze()  # as a server worker does once its index is built
    memos = cold_memos()

    floor = Tally()
    stored = [n.text for e in registry.entities() for n in e.names]
    for text in stored:
        floor.add(text, measure(registry, text, memos))

    tallies: dict[str, Tally] = {}
    for name, make in families(registry, rnd).items():
        tally = tallies[name] = Tally()
        for _ in range(args.per_family):
            query = make()[:MAX_QUERY_LENGTH]
            tally.add(query, measure(registry, query, memos))
    load_after = os.getloadavg()

    print(f"registry: {len(registry)} entities; {args.per_family} queries per family")
    print(f"load average: {load_before[0]:.2f} before, {load_after[0]:.2f} after\n")
    print(
        "| family | queries | refused | CPU ms median | CPU ms worst | wall ms median "
        "| wall ms worst | typo probes, most | swapped forms, most |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = [("floor: a stored spelling", floor), *tallies.items()]
    for name, tally in rows:
        print(
            f"| {name} | {len(tally.cpu)} | {tally.refused} "
            f"| {statistics.median(tally.cpu):.2f} | {max(tally.cpu):.2f} "
            f"| {statistics.median(tally.wall):.2f} | {max(tally.wall):.2f} "
            f"| {tally.probes:,} | {tally.swapped} |"
        )
    worst_name, worst = max(tallies.items(), key=lambda item: max(item[1].cpu))
    worst_cpu = max(worst.cpu)
    print()
    print("| target | wanted | measured | met |")
    print("|---|---|---|---|")
    met = "yes" if worst_cpu <= TARGET_MS else "NO"
    print(
        f"| worst query, CPU time (wall {worst.worst_wall:.1f} ms) | ≤ {TARGET_MS:.0f} ms "
        f"| {worst_cpu:.1f} ms | {met} |"
    )
    probes = max(t.probes for t in tallies.values())
    swapped = max(t.swapped for t in tallies.values())
    print(f"| typo probes, most | ≤ {MAX_TYPO_PROBES:,} (cap) | {probes:,} | yes |")
    print(f"| swapped forms, most | ≤ {MAX_SWAPPED_FORMS} (cap) | {swapped} | yes |")
    ratio = worst_cpu / statistics.median(floor.cpu)
    print(f"\nworst family: {worst_name}; {ratio:.0f}× the floor's median")
    print(f"worst query ({len(worst.worst_query)} characters): {worst.worst_query!r}")
    return 0 if worst_cpu <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
