"""Accuracy of copy normalization on the labelled copy set, per language.

Runs :func:`namenorm.copy.normalize_text` with the shipped registry on every
text of ``bench/texts/copy/`` (see its README for the format) in its format
and language, and compares the text it returns with the expected text. Both
are reduced to changes against the input: a word-level diff (words,
spaces and punctuation as tokens), each changed run trimmed of the
characters it shares with its replacement at either end. A change made is
correct when the same span gets the same replacement in the expected text.

Per language and part it prints: texts, expected changes, changes made,
correct ones, precision, recall, and texts changed outside an expected
change (a change made where the expected text has none at all). It also
checks that the edits ``normalize_text`` reports rebuild the text it
returns. Targets per language: precision >= 0.99, recall >= 0.95, texts
changed outside = 0.
Run: ``.venv/bin/python bench/text_accuracy.py [--part dev|test|all] [--show-errors]``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from namenorm import default_registry  # noqa: E402
from namenorm.copy import apply_edits, normalize_text  # noqa: E402

TEXTS = ROOT / "bench" / "texts" / "copy"
TARGET_PRECISION = 0.99
TARGET_RECALL = 0.95
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

Change = tuple[int, int, str]  # start, end (in the input), replacement


@dataclass(frozen=True)
class Text:
    """One labelled text: its file, part, language, format, input and expected output."""

    file: str
    part: str
    lang: str
    format: str
    text: str
    expected: str


def load(folder: Path = TEXTS) -> list[Text]:
    """Every text listed in ``sources.tsv``, with its expected twin."""
    texts: list[Text] = []
    with (folder / "sources.tsv").open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            path = folder / row["file"]
            twin = path.with_name(f"{path.stem}.expected{path.suffix}")
            for needed in (path, twin):
                if not needed.is_file():
                    raise SystemExit(f"{folder / 'sources.tsv'}:{line}: file: {needed} is missing")
            if not row.get("source"):
                raise SystemExit(f"{folder / 'sources.tsv'}:{line}: source: empty")
            texts.append(
                Text(
                    row["file"],
                    row["part"],
                    row["lang"],
                    row["format"],
                    path.read_text(encoding="utf-8"),
                    twin.read_text(encoding="utf-8"),
                )
            )
    return texts


def _trim(start: int, original: str, replacement: str) -> Change:
    head = 0
    while head < min(len(original), len(replacement)) and original[head] == replacement[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(original), len(replacement)) - head
        and original[len(original) - 1 - tail] == replacement[len(replacement) - 1 - tail]
    ):
        tail += 1
    return start + head, start + len(original) - tail, replacement[head : len(replacement) - tail]


def changes(before: str, after: str) -> set[Change]:
    """What turns ``before`` into ``after``: word-level runs, each trimmed."""
    old = _TOKEN.findall(before)
    new = _TOKEN.findall(after)
    starts = [0]
    for token in old:
        starts.append(starts[-1] + len(token))
    found: set[Change] = set()
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            found.add(_trim(starts[i1], "".join(old[i1:i2]), "".join(new[j1:j2])))
    return found


def _overlaps(change: Change, others: set[Change]) -> bool:
    start, end, _ = change
    return any(s <= end and start <= e for s, e, _ in others)


@dataclass
class Tally:
    """Counts for one group of texts."""

    texts: int = 0
    expected: int = 0
    made: int = 0
    correct: int = 0
    outside: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.texts += other.texts
        self.expected += other.expected
        self.made += other.made
        self.correct += other.correct
        self.outside += other.outside
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.correct / self.made if self.made else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def met(self) -> bool:
        return (
            self.precision >= TARGET_PRECISION and self.recall >= TARGET_RECALL and not self.outside
        )


def score(item: Text) -> Tally:
    """Run one text and count its changes."""
    result = normalize_text(item.text, item.lang, default_registry(), format=item.format)
    expected = changes(item.text, item.expected)
    made = changes(item.text, result.text)
    outside = {c for c in made if not _overlaps(c, expected)}
    tally = Tally(1, len(expected), len(made), len(made & expected), int(bool(outside)))
    if apply_edits(item.text, result.edits) != result.text:
        tally.errors.append(f"{item.file}: the reported edits do not rebuild the output")
        tally.outside = 1
    for start, end, new in sorted(expected - made):
        tally.errors.append(f"{item.file}: missed {item.text[start:end]!r} -> {new!r} at {start}")
    for start, end, new in sorted(made - expected):
        where = "outside any expected change" if (start, end, new) in outside else "wrong"
        tally.errors.append(f"{item.file}: {where}: {item.text[start:end]!r} -> {new!r} at {start}")
    return tally


def table(rows: dict[str, Tally]) -> str:
    lines = [
        "| language | texts | expected | made | correct | precision | recall | changed outside | targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:---|",
    ]
    for name, t in rows.items():
        lines.append(
            f"| {name} | {t.texts} | {t.expected} | {t.made} | {t.correct} | {t.precision:.3f} "
            f"| {t.recall:.3f} | {t.outside} | {'met' if t.met else 'NOT met'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder with sources.tsv")
    parser.add_argument("--part", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong change")
    args = parser.parse_args(argv)
    texts = load(args.texts)
    parts = ("dev", "test") if args.part == "all" else (args.part,)
    met = True
    for part in parts:
        by_lang: dict[str, Tally] = defaultdict(Tally)
        total = Tally()
        for item in texts:
            if item.part == part:
                tally = score(item)
                by_lang[item.lang].add(tally)
                total.add(tally)
        rows = dict(sorted(by_lang.items()))
        rows["**all**"] = total
        print(f"\n{part} part: {total.texts} texts\n")
        print(table(rows))
        met = met and all(t.met for t in by_lang.values())
        if args.show_errors and total.errors:
            print("\n" + "\n".join(f"- {e}" for e in total.errors))
    print(
        f"\nTargets per language: precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}, "
        f"texts changed outside = 0: {'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
