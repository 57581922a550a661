"""Speed of copy normalization: MB/s of English copy, against a floor.

Measures :func:`namenorm.copy.normalize_text` on English copy (the English
plain texts of ``bench/texts/copy/``, each followed by a sentence naming a
synthetic person in a Russian romanization, repeated to about 1 MB) against
two registries: the shipped one, and the shipped one with a deterministic
synthetic one of 100,000 people added (Belarusian and Russian Cyrillic given
name + surname, with the Belarusian news romanization as the preferred
English spelling), so that the copy's names are known at 100,000 entities,
written to a temporary CSV and loaded with ``Registry.from_csv``. Beside
each, in the same run, the floor:
one compiled ``re`` alternation of every stored spelling, longest first,
``finditer`` over the same text (finding only, no judging, no rewriting).

Times are CPU time of this process (``time.process_time``), so other load on
the machine counts less; each copy is normalized ``--passes`` times (3), and
the table gives the first pass (the scanner's caches empty, as in a fresh
server) and the median (caches warm, as in a server that has read copy
before); the registry, its index and automaton are frozen out of the garbage
collector's walks while ``normalize_text`` is timed, as the server does
(``namenorm.http.server``); index and automaton building are timed
separately and not counted in MB/s. The floor is timed on the first 20 KB
only (at 100,000 entities it runs at a few hundred bytes a second).
Markdown: the English Markdown posts of ``bench/texts/copy/`` repeated to the
same size, normalized with ``format="markdown"``; its floor is the Markdown
parser alone (``markdown-it-py`` with the same options, ``parse`` over the
same text), timed in the same run.
Run: ``.venv/bin/python bench/text_speed.py [--entities 100000] [--mb 1]``.
Left out: Cyrillic copy and multi-core throughput.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from text_accuracy import load  # noqa: E402

from namenorm import Registry, default_registry, transliterate  # noqa: E402
from namenorm.copy import find_names, normalize_text  # noqa: E402
from namenorm.lexicon import is_common_word  # noqa: E402
from namenorm.mentions import scanner  # noqa: E402
from namenorm.registry import shipped_registry_path  # noqa: E402

MARKDOWN = ROOT / "bench" / "texts" / "copy"

# (Belarusian, Russian) given names, male then female.
_MALE = (
    "Аляксандр/Александр Сяргей/Сергей Дзмітрый/Дмитрий Андрэй/Андрей Аляксей/Алексей "
    "Уладзімір/Владимир Мікалай/Николай Іван/Иван Віктар/Виктор Юрый/Юрий Ігар/Игорь "
    "Павел/Павел Максім/Максим Васіль/Василий Міхаіл/Михаил Яўген/Евгений Алег/Олег "
    "Дзяніс/Денис Вадзім/Вадим Анатоль/Анатолий Валерый/Валерий Раман/Роман Антон/Антон "
    "Кірыл/Кирилл Арцём/Артём Мікіта/Никита Ягор/Егор Барыс/Борис Рыгор/Григорий"
).split()
_FEMALE = (
    "Вольга/Ольга Алена/Елена Таццяна/Татьяна Наталля/Наталья Ірына/Ирина "
    "Святлана/Светлана Марына/Марина Ганна/Анна Кацярына/Екатерина Юлія/Юлия "
    "Людміла/Людмила Галіна/Галина Марыя/Мария Валянціна/Валентина Вікторыя/Виктория "
    "Анастасія/Анастасия Надзея/Надежда Ларыса/Лариса Вераніка/Вероника Аксана/Оксана"
).split()
# Surname stems (Belarusian/Russian) and (be m, be f, ru m, ru f) endings.
_ONSETS = "Б В Г Д Ж З К Л М Н П Р С Т Х Ц Ч Ш".split()
_VOWELS = (("а", "о"), ("у", "у"), ("э", "е"), ("ы", "ы"), ("а", "а"))
_CODAS = "бан бор вак гон гур дар дзел жан зор кач кол кун лаш лен мак міл нар пах рын сал".split()
_ENDINGS = (
    ("енка", "енка", "енко", "енко"),
    ("аў", "ава", "ов", "ова"),
    ("евіч", "евіч", "евич", "евич"),
    ("скі", "ская", "ский", "ская"),
    ("ук", "ук", "ук", "ук"),
    ("ін", "іна", "ин", "ина"),
    ("чык", "чык", "чик", "чик"),
    ("ёнак", "ёнак", "ёнок", "ёнок"),
)


def _ru_stem(stem: str) -> str:
    return stem.replace("дз", "д").replace("і", "и").replace("э", "е")


def synthetic_rows(count: int, seed: int = 2025) -> Iterator[list[str]]:
    """Registry rows for ``count`` people; the same arguments give the same rows."""
    rng = random.Random(seed)
    stems = [(o, v, c) for o in _ONSETS for v in _VOWELS for c in _CODAS]
    seen: set[tuple[str, str]] = set()
    number = 0
    while number < count:
        female = rng.random() < 0.45
        given_be, given_ru = rng.choice(_FEMALE if female else _MALE).split("/")
        onset, (vowel_be, vowel_ru), coda = rng.choice(stems)
        be_m, be_f, ru_m, ru_f = rng.choice(_ENDINGS)
        stem_be = onset + vowel_be + coda
        stem_ru = onset + vowel_ru + _ru_stem(coda)
        surname_be = stem_be + (be_f if female else be_m)
        surname_ru = stem_ru + (ru_f if female else ru_m)
        if (given_be, surname_be) in seen:
            continue
        seen.add((given_be, surname_be))
        number += 1
        ident = f"p{number:06d}"
        be = f"{given_be} {surname_be}"
        en = " ".join(transliterate(w, "be", "news") for w in be.split())
        yield [ident, "person", "en", en, "1"]
        yield [ident, "person", "be", be, "1"]
        yield [ident, "person", "ru", f"{given_ru} {surname_ru}", "1"]


def synthetic_registry(count: int, folder: Path, *, shipped: bool = False) -> Registry:
    """Write the synthetic registry to a CSV in ``folder`` and load it; with
    ``shipped``, the shipped registry's rows come first (its columns kept)."""
    path = folder / f"synthetic-{count}{'-shipped' if shipped else ''}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        columns = ["id", "kind", "lang", "name", "preferred"]
        if shipped:
            with shipped_registry_path().open(encoding="utf-8", newline="") as source:
                rows = list(csv.reader(source))
            columns = rows[0]
            writer.writerows(rows)
        else:
            writer.writerow(columns)
        padding = [""] * (len(columns) - 5)
        writer.writerows(row + padding for row in synthetic_rows(count))
    return Registry.from_csv(path)


def english_copy(size: int, people: list[list[str]]) -> str:
    """About ``size`` characters of English copy: the labelled English texts, plus
    one sentence per text naming a synthetic person in a Russian romanization."""
    paragraphs = [t.text.strip() for t in load() if t.lang == "en" and t.format == "text"]
    extra = []
    for row in people:
        words = row[3].split()
        romanized = " ".join(transliterate(w, "ru", "news") for w in words)
        extra.append(f"The analyst {romanized} said {romanized.split()[-1]} had seen no change.")
    chunks: list[str] = []
    length = 0
    number = 0
    while length < size:
        chunk = paragraphs[number % len(paragraphs)]
        if extra:
            chunk += " " + extra[number % len(extra)]
        chunks.append(chunk)
        length += len(chunk) + 2
        number += 1
    return "\n\n".join(chunks)[:size]


def markdown_copy(size: int) -> str:
    """About ``size`` characters of English Markdown: the set's posts, repeated."""
    posts = [p.read_text(encoding="utf-8") for p in sorted(MARKDOWN.glob("*/*en-md-*.md"))]
    posts = [p for p in posts if ".expected." not in p]
    chunks: list[str] = []
    length = number = 0
    while length < size:
        chunks.append(posts[number % len(posts)])
        length += len(chunks[-1]) + 1
        number += 1
    return "\n".join(chunks)[:size]


def rates(megabytes: float, run: Callable[[], object], passes: int) -> list[float]:
    """MB/s of ``passes`` calls of ``run`` (CPU time each), the built registry frozen
    out of the garbage collector's walks as the server does (``namenorm.http.server``)."""
    found: list[float] = []
    gc.freeze()
    for _ in range(passes):
        started = time.process_time()
        run()
        found.append(megabytes / (time.process_time() - started))
    gc.unfreeze()
    return found


def shown(found: list[float]) -> str:
    """The first pass (caches empty) and the median of all passes."""
    return f"**{found[0]:.2f}** / {statistics.median(found):.2f}"


def markdown_rates(registry: Registry, text: str, passes: int) -> tuple[list[float], list[float]]:
    """MB/s of ``normalize_text(format="markdown")`` and of the parser alone (CPU time)."""
    from namenorm.copy.markup import _markdown_parser

    megabytes = len(text.encode("utf-8")) / 1e6
    normalize_text(text[:2000], registry=registry, format="markdown")
    normalized = rates(
        megabytes, lambda: normalize_text(text, registry=registry, format="markdown"), passes
    )
    parsed = rates(megabytes, lambda: _markdown_parser().parse(text), passes)
    return normalized, parsed


def floor_pattern(registry: Registry) -> re.Pattern[str]:
    """One alternation of every stored spelling, longest first, on word boundaries."""
    spellings = sorted(
        {n.text for e in registry.entities() for n in e.names}, key=len, reverse=True
    )
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in spellings) + r")\b")


def measure(
    name: str, registry: Registry, text: str, floor_chars: int, markdown: str, passes: int
) -> list[str]:
    """One table row: build times, normalize MB/s, and the floor's MB/s."""
    started = time.perf_counter()
    registry.warm()
    index_seconds = time.perf_counter() - started
    started = time.perf_counter()
    keys = len(scanner(registry).automaton)
    automaton_seconds = time.perf_counter() - started
    normalize_text(text[:2000], registry=registry)  # first-call costs out of the timing
    is_common_word("warm", "en")  # the English lexicons load on first use
    megabytes = len(text.encode("utf-8")) / 1e6
    text_rates = rates(megabytes, lambda: normalize_text(text, registry=registry), passes)
    result = normalize_text(text, registry=registry)
    mentions = len(find_names(text, registry=registry))
    started = time.process_time()
    pattern = floor_pattern(registry)
    compile_seconds = time.process_time() - started
    sample = text[:floor_chars]
    started = time.process_time()
    for _ in pattern.finditer(sample):
        pass
    floor_seconds = time.process_time() - started
    floor_rate = len(sample.encode("utf-8")) / 1e6 / floor_seconds
    rate = statistics.median(text_rates)
    markdown, parser = markdown_rates(registry, markdown, passes)
    return [
        name,
        f"{len(registry):,}",
        f"{keys:,}",
        f"{index_seconds:.1f} + {automaton_seconds:.1f}",
        f"{megabytes:.2f}",
        f"{mentions:,} / {len(result.edits):,}",
        shown(text_rates),
        f"{floor_rate:.4g} ({compile_seconds:.1f} s to compile)",
        f"{rate / floor_rate:,.2f}x" if rate < 10 * floor_rate else f"{rate / floor_rate:,.0f}x",
        shown(markdown),
        f"{statistics.median(parser):.2f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000, help="synthetic registry size")
    parser.add_argument("--mb", type=float, default=1.0, help="size of the English copy, in MB")
    parser.add_argument(
        "--floor-kb", type=int, default=20, help="sample the re floor is timed on, in KB"
    )
    parser.add_argument("--passes", type=int, default=3, help="timed passes over each copy")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    header = [
        "registry",
        "entities",
        "automaton keys",
        "index + automaton build (s)",
        "copy (MB)",
        "mentions / edits",
        "normalize_text (MB/s, first / median)",
        "floor: one re alternation (MB/s)",
        "speed-up (median)",
        "Markdown normalize (MB/s, first / median)",
        "floor: Markdown parser alone (MB/s, median)",
    ]
    with tempfile.TemporaryDirectory() as folder:
        people = list(synthetic_rows(min(args.entities, 200)))[2::3]  # the Russian rows
        text = english_copy(size, people)
        markdown = markdown_copy(size)
        floor = args.floor_kb * 1000
        rows = [measure("shipped", default_registry(), text, floor, markdown, args.passes)]
        synthetic = synthetic_registry(args.entities, Path(folder), shipped=True)
        rows.append(measure("shipped + synthetic", synthetic, text, floor, markdown, args.passes))
    print(
        f"English copy, {size / 1e6:.1f} MB; CPU time of one process (one core); "
        f"{args.passes} passes (the first with the scanner's caches empty); "
        f"the re floor timed on the first {args.floor_kb} KB; "
        f"load average {os.getloadavg()[0]:.2f} at the end\n"
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
