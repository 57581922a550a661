"""The index file at scale: build it once, then map it, on synthetic registries.

Usage::

    .venv/bin/python bench/index_file.py [--sizes 10000,100000] [--queries 5000]

For each size, one subprocess builds the index of a synthetic registry
(``bench/synthetic.py``) and writes it (``namenorm index build``'s work),
and a fresh subprocess maps it (``Index.load``) and resolves stored names.
Printed per size: build CPU seconds and peak resident memory, file size,
load wall time, the mapping process's resident and private memory after the
queries (the file's pages are shared with every other process that maps
it), and the load average at the start.

Left out: query speed beside floors (``bench/speed.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _memory_mb() -> dict[str, float]:
    found: dict[str, float] = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            if name in ("Rss", "Private_Clean", "Private_Dirty"):
                found[name] = int(value.split()[0]) / 1024
    return {"rss": found["Rss"], "private": found["Private_Clean"] + found["Private_Dirty"]}


def build(csv_path: str, index_path: str) -> dict[str, float]:
    from namenorm import Registry
    from namenorm.index import Index

    registry = Registry.from_csv(csv_path)
    cpu = time.process_time()
    index = Index.build(registry)
    size = index.save(index_path, digest=registry.digest)
    return {
        "build_cpu": time.process_time() - cpu,
        "build_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "file_mb": size / 1e6,
    }


def load(csv_path: str, index_path: str, queries: int) -> dict[str, float]:
    from namenorm import Registry
    from namenorm.index import Index

    registry = Registry.from_csv(csv_path)
    before = _memory_mb()
    wall = time.perf_counter()
    index = Index.load(registry, index_path, digest=registry.digest)
    loaded = time.perf_counter() - wall
    names = [n.text for e in registry.entities() for n in e.names][:queries]
    cpu = time.process_time()
    for name in names:
        index.resolve(name)
    cpu = time.process_time() - cpu
    after = _memory_mb()
    return {
        "load_s": loaded,
        "exact_per_cpu_s": len(names) / cpu,
        "rss_mb": after["rss"] - before["rss"],
        "private_mb": after["private"] - before["private"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--step", choices=("build", "load"), help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        step = build(args.csv, args.index) if args.step == "build" else None
        result = step or load(args.csv, args.index, args.queries)
        print(json.dumps(result))
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_synthetic_csv

    print(
        "| entities | load avg | build CPU s | build peak MB | file MB | load s "
        "| resolve/CPU s | RSS after MB | private MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            csv_path, index_path = f"{folder}/registry.csv", f"{folder}/registry.idx"
            write_synthetic_csv(Path(csv_path), size)
            load_average = os.getloadavg()[0]
            results: dict[str, float] = {}
            for step in ("build", "load"):
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--step",
                        step,
                        "--csv",
                        csv_path,
                        "--index",
                        index_path,
                        "--queries",
                        str(args.queries),
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                ).stdout
                results |= json.loads(out)
        print(
            f"| {size:,} | {load_average:.1f} | {results['build_cpu']:.1f} "
            f"| {results['build_peak_mb']:,.0f} | {results['file_mb']:,.1f} "
            f"| {results['load_s']:.3f} | {results['exact_per_cpu_s']:,.0f} "
            f"| {results['rss_mb']:,.0f} | {results['private_mb']:,.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
