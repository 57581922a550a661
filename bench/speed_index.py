"""Parts of ``bench/speed.py``: the index file mapped by a fresh process, and
transliteration beside its floors.

``mapped(entities, index, queries)`` runs in a fresh subprocess (as a gunicorn
or Dask worker would): it reads the registry's entities (pickled by the
speed worker, so no CSV parsing is measured), maps the index file with
``Index.load``, resolves stored names, and reports the load time and how its
memory grew: file pages (mapped, shared with every process that maps the
same file) apart from the process's own (anonymous) memory.

``translit_rows(names)`` times one-word-at-a-time romanization of the same
names by namenorm (``ru``, ``bgn-pcgn``) and by the floors that install
here: ICU's ``Russian-Latin/BGN`` transform (PyICU), ``unidecode`` and
``anyascii``; CPU time on one core.

Left out: everything else ``bench/speed.py`` measures.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from typing import Any


def _smaps_mb() -> dict[str, float]:
    found: dict[str, float] = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            if name in ("Rss", "Anonymous"):
                found[name] = int(value.split()[0]) / 1024
    return {
        "rss": found["Rss"],
        "anon": found["Anonymous"],
        "file": found["Rss"] - found["Anonymous"],
    }


def mapped(entities_path: str, index_path: str, queries: int) -> dict[str, Any]:
    """Load the index file in this (fresh) process and resolve stored names."""
    from namenorm import Registry
    from namenorm.index import Index

    with open(entities_path, "rb") as handle:
        entities = pickle.load(handle)
    registry = Registry(entities, source="<synthetic>")
    names = [n.text for e in entities[:queries] for n in e.names][:queries]
    del entities
    before = _smaps_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    index = Index.load(registry, index_path, digest=registry.digest)
    load_s, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
    cpu = time.process_time()
    right = 0
    for name in names:
        match = index.resolve(name)
        right += match is not None
    resolve_cpu = time.process_time() - cpu
    after = _smaps_mb()
    return {
        "load_s": load_s,
        "load_cpu": load_cpu,
        "queries": len(names),
        "resolved": right / max(1, len(names)),
        "per_cpu_s": len(names) / resolve_cpu if resolve_cpu else None,
        "file_mb_touched": after["file"] - before["file"],
        "anon_mb": after["anon"] - before["anon"],
    }


def translit_rows(names: list[str]) -> list[tuple[str, float | None, str]]:
    """(romanizer, names per CPU second or None, note) for the same ``names``."""
    from anyascii import anyascii
    from unidecode import unidecode

    from namenorm import transliterate

    def timed(function: Any) -> float:
        best = float("inf")
        for _ in range(3):
            cpu = time.process_time()
            for name in names:
                function(name)
            best = min(best, time.process_time() - cpu)
        return len(names) / best

    rows: list[tuple[str, float | None, str]] = [
        (
            "namenorm transliterate(ru, bgn-pcgn)",
            timed(lambda s: transliterate(s, "ru", "bgn-pcgn")),
            "",
        ),
    ]
    try:
        import icu  # type: ignore[import-not-found]
    except ImportError:
        rows.append(("ICU Russian-Latin/BGN (PyICU)", None, "PyICU does not install here"))
    else:
        bgn = icu.Transliterator.createInstance("Russian-Latin/BGN")
        rows.append(
            ("ICU Russian-Latin/BGN (PyICU)", timed(bgn.transliterate), f"ICU {icu.ICU_VERSION}")
        )
    rows.append(("unidecode", timed(unidecode), ""))
    rows.append(("anyascii", timed(anyascii), ""))
    return rows


if __name__ == "__main__":
    print(json.dumps(mapped(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
