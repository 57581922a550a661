"""Accuracy of copy normalization: precision and recall of edits on labelled copy.

Runs :func:`namenorm.copy.normalize_text` with the shipped registry on every
text of ``bench/texts/copy.json`` (see its ``about`` field for the format)
and compares the edits made with the edits expected. Both sides are reduced
to what they change: the original and replacement are trimmed of the
characters they share at either end, so an edit that includes an unchanged
title or given name ("Mr. Lukashenko" -> "Mr. Lukashenka") equals the
labelled "Lukashenko" -> "Lukashenka" at the same place. An edit counts as
correct when its trimmed span and replacement equal an expected one.

Prints markdown tables (by language and by form, then the total) and, with
``--show-errors``, every missed and every wrong edit. Targets: precision
100% (no wrong edit), recall >= 97%. Left out: mentions that need no edit
(``find_names`` is tested in ``tests/copy/``).
Run: ``.venv/bin/python bench/text_accuracy.py [--show-errors]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from namenorm import default_registry  # noqa: E402
from namenorm.copy import normalize_text  # noqa: E402

TEXTS = ROOT / "bench" / "texts" / "copy.json"
TARGET_PRECISION = 100.0
TARGET_RECALL = 97.0

Change = tuple[int, int, str]  # start, end, replacement (trimmed)


def trimmed(start: int, original: str, replacement: str) -> Change:
    """The span and replacement of what an edit actually changes."""
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


def expected_changes(text: str, edits: list[list[str]], ident: str) -> list[Change]:
    """Locate each labelled [original, replacement] after the previous one."""
    changes: list[Change] = []
    position = 0
    for original, replacement in edits:
        found = text.find(original, position)
        if found < 0:
            raise SystemExit(f"{TEXTS}: text {ident!r}: edit {original!r} not found in order")
        changes.append(trimmed(found, original, replacement))
        position = found + len(original)
    return changes


@dataclass
class Tally:
    expected: int = 0
    made: int = 0
    correct: int = 0
    texts: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.made += other.made
        self.correct += other.correct
        self.texts += other.texts
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return 100.0 * self.correct / self.made if self.made else 100.0

    @property
    def recall(self) -> float:
        return 100.0 * self.correct / self.expected if self.expected else 100.0


def score_text(item: dict[str, object]) -> Tally:
    ident, lang, text = str(item["id"]), str(item["lang"]), str(item["text"])
    edits = item["edits"]
    assert isinstance(edits, list)
    expected = expected_changes(text, edits, ident)
    result = normalize_text(text, lang, default_registry())
    made = [trimmed(e.start, e.original, e.replacement) for e in result.edits]
    tally = Tally(len(expected), len(made), len(set(made) & set(expected)), 1)
    for start, end, new in sorted(set(expected) - set(made)):
        tally.errors.append(f"{ident}: missed {text[start:end]!r} -> {new!r} at {start}")
    for start, end, new in sorted(set(made) - set(expected)):
        tally.errors.append(f"{ident}: wrong {text[start:end]!r} -> {new!r} at {start}")
    return tally


def table(title: str, rows: dict[str, Tally]) -> str:
    lines = [
        f"| {title} | texts | expected edits | edits made | correct | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, t in rows.items():
        lines.append(
            f"| {name} | {t.texts} | {t.expected} | {t.made} | {t.correct} "
            f"| {t.precision:.1f}% | {t.recall:.1f}% |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="labelled set (JSON)")
    parser.add_argument("--show-errors", action="store_true", help="list missed and wrong edits")
    args = parser.parse_args(argv)
    items = json.loads(args.texts.read_text(encoding="utf-8"))["texts"]
    by_lang: dict[str, Tally] = defaultdict(Tally)
    by_form: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for item in items:
        tally = score_text(item)
        by_lang[str(item["lang"])].add(tally)
        by_form[str(item["form"])].add(tally)
        total.add(tally)
    print(f"Copy normalization on {args.texts.name}: {total.texts} texts\n")
    print(table("language", dict(sorted(by_lang.items()))))
    print()
    print(table("form", dict(sorted(by_form.items()))))
    print()
    print(table("total", {"all": total}))
    met = total.precision >= TARGET_PRECISION and total.recall >= TARGET_RECALL
    print(
        f"\nTargets: precision {TARGET_PRECISION:.0f}%, recall >= {TARGET_RECALL:.0f}%: "
        f"{'met' if met else 'NOT met'}"
    )
    if args.show_errors and total.errors:
        print("\n" + "\n".join(f"- {e}" for e in total.errors))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
