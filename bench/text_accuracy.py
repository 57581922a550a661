"""Accuracy of copy normalization on the labelled copy set, per language.

Runs :func:`namenorm.copy.normalize_text` on every text of
``bench/texts/copy/`` (see its README for the format) in its format and
language, and compares the text it returns with the expected text. Both are
reduced to changes against the input: a word-level diff (words, spaces and
punctuation as tokens), each changed run trimmed of the characters it shares
with its replacement at either end. A change made is correct when the same
span gets the same replacement in the expected text.

Each text's labels were written against the registry of one commit (the
``registry`` column of ``sources.tsv``; the IDs it had are frozen in
``bench/texts/copy/registry/COMMIT.ids``). Two readings are printed per part:

* ``labelled entities`` (the headline, and the exit status): the current
  registry's rows of the entities the labels were written for, so a name the
  labeller could not know to be a registry name is not rewritten, while each
  entity's spellings and house-style flags are read as they are today;
* ``current registry``: every entity of ``data/variants.csv``; a wrong change
  naming an entity added since the labels is counted (precision, changed
  outside) and also shown apart, with the figures those would give without it.

``--registry file`` reads instead the registry file exactly as it was at each
text's commit (``git show COMMIT:data/variants.csv``; needs the history).
Per language and part it prints: texts, expected changes, changes made,
correct ones, precision, recall, and texts changed outside an expected
change (a change made where the expected text has none at all). It also
checks that the edits ``normalize_text`` reports rebuild the text it
returns. Targets per language: precision >= 0.99, recall >= 0.95, texts
changed outside = 0. Why the labelled entities are the headline:
``bench/README.md``.
Run: ``.venv/bin/python bench/text_accuracy.py [--part dev|test|all]
[--registry labelled|current|file ...] [--show-errors]``.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from namenorm import Registry, default_registry  # noqa: E402
from namenorm.copy import Edit, apply_edits, normalize_text  # noqa: E402

TEXTS = ROOT / "bench" / "texts" / "copy"
READINGS = ("labelled", "current", "file")
READING_TITLES = {
    "labelled": "registry: the entities the labels were written for (today's rows)",
    "current": "registry: current data/variants.csv (every entity)",
    "file": "registry: data/variants.csv as it was at each text's labelling commit",
}
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
    registry: str = ""  # the commit whose data/variants.csv the labels were written against


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
            commit = row.get("registry") or ""
            if not re.fullmatch(r"[0-9a-f]{40}", commit):
                raise SystemExit(
                    f"{folder / 'sources.tsv'}:{line}: registry: {commit!r}; "
                    "expected the 40-digit commit the labels were written against"
                )
            if not (folder / "registry" / f"{commit}.ids").is_file():
                raise SystemExit(
                    f"{folder / 'sources.tsv'}:{line}: registry: "
                    f"{folder / 'registry' / (commit + '.ids')} is missing"
                )
            texts.append(
                Text(
                    row["file"],
                    row["part"],
                    row["lang"],
                    row["format"],
                    path.read_text(encoding="utf-8"),
                    twin.read_text(encoding="utf-8"),
                    commit,
                )
            )
    return texts


def labelled_ids(commit: str, folder: Path = TEXTS) -> frozenset[str]:
    """The entity IDs of ``data/variants.csv`` at ``commit`` (frozen in ``registry/``)."""
    lines = (folder / "registry" / f"{commit}.ids").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line)


def ids_at(commit: str) -> frozenset[str]:
    """The entity IDs of ``data/variants.csv`` at ``commit``, read from git."""
    rows = csv.DictReader(_file_at(commit).splitlines())
    return frozenset(row["id"] for row in rows)


@cache
def _file_at(commit: str) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:data/variants.csv"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(
            f"git show {commit}:data/variants.csv failed ({error}); "
            "--registry file needs a checkout with its history"
        ) from None


@cache
def registry_for(reading: str, commit: str) -> Registry:
    """The registry a text labelled at ``commit`` is read against in ``reading``."""
    current = default_registry()
    if reading == "current":
        return current
    if reading == "labelled":
        known = labelled_ids(commit)
        return Registry(
            (e for e in current.entities() if e.id in known),
            source=f"<{current.source}: the {len(known)} entities of {commit[:7]}>",
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"variants-{commit[:7]}.csv"
        path.write_text(_file_at(commit), encoding="utf-8")
        registry = Registry.from_csv(path)
        registry.index  # built while the file exists  # noqa: B018
        return registry


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
    new: int = 0  # wrong changes naming an entity added since the labels
    outside_old: int = 0  # texts changed outside by a change of a labelled entity
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.texts += other.texts
        self.expected += other.expected
        self.made += other.made
        self.correct += other.correct
        self.outside += other.outside
        self.new += other.new
        self.outside_old += other.outside_old
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.correct / self.made if self.made else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision_old(self) -> float:
        """Precision with the changes naming an entity added since set apart."""
        made = self.made - self.new
        return self.correct / made if made else 1.0

    @property
    def met(self) -> bool:
        return (
            self.precision >= TARGET_PRECISION and self.recall >= TARGET_RECALL and not self.outside
        )


def _ids_of(change: Change, edits: Iterable[Edit]) -> set[str | None]:
    start, end, _ = change
    return {e.id for e in edits if e.start <= end and start <= e.end}


def score(item: Text, reading: str = "labelled") -> Tally:
    """Run one text against its registry in ``reading`` and count its changes."""
    registry = registry_for(reading, item.registry)
    result = normalize_text(item.text, item.lang, registry, format=item.format)
    expected = changes(item.text, item.expected)
    made = changes(item.text, result.text)
    outside = {c for c in made if not _overlaps(c, expected)}
    known = labelled_ids(item.registry)
    new = {c for c in made - expected if not (_ids_of(c, result.edits) & known)}
    tally = Tally(
        1,
        len(expected),
        len(made),
        len(made & expected),
        int(bool(outside)),
        len(new),
        int(bool(outside - new)),
    )
    if apply_edits(item.text, result.edits) != result.text:
        tally.errors.append(f"{item.file}: the reported edits do not rebuild the output")
        tally.outside = tally.outside_old = 1
    for start, end, repl in sorted(expected - made):
        tally.errors.append(f"{item.file}: missed {item.text[start:end]!r} -> {repl!r} at {start}")
    for change in sorted(made - expected):
        start, end, repl = change
        where = "outside any expected change" if change in outside else "wrong"
        if change in new:
            where += " (an entity added since the labels)"
        tally.errors.append(
            f"{item.file}: {where}: {item.text[start:end]!r} -> {repl!r} at {start}"
        )
    return tally


def table(rows: dict[str, Tally], *, apart: bool = False) -> str:
    """One row per language; ``apart`` adds the changes naming entities added since."""
    head = "| language | texts | expected | made | correct | precision | recall | changed outside |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|"
    if apart:
        head += (
            " wrong: entity added since | precision, those apart | changed outside, those apart |"
        )
        rule += "---:|---:|---:|"
    lines = [head + " targets |", rule + ":---|"]
    for name, t in rows.items():
        line = (
            f"| {name} | {t.texts} | {t.expected} | {t.made} | {t.correct} | {t.precision:.3f} "
            f"| {t.recall:.3f} | {t.outside} |"
        )
        if apart:
            line += f" {t.new} | {t.precision_old:.3f} | {t.outside_old} |"
        lines.append(line + f" {'met' if t.met else 'NOT met'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder with sources.tsv")
    parser.add_argument("--part", choices=("dev", "test", "all"), default="all")
    parser.add_argument(
        "--registry",
        choices=READINGS,
        action="append",
        help="which registry to read each text against (repeatable; default: labelled and current)",
    )
    parser.add_argument("--show-errors", action="store_true", help="list every wrong change")
    args = parser.parse_args(argv)
    texts = load(args.texts)
    parts = ("dev", "test") if args.part == "all" else (args.part,)
    readings = args.registry or ["labelled", "current"]
    met = True
    for part in parts:
        chosen = [item for item in texts if item.part == part]
        commits = sorted({item.registry[:7] for item in chosen})
        for reading in readings:
            by_lang: dict[str, Tally] = defaultdict(Tally)
            total = Tally()
            for item in chosen:
                tally = score(item, reading)
                by_lang[item.lang].add(tally)
                total.add(tally)
            rows = dict(sorted(by_lang.items()))
            rows["**all**"] = total
            print(f"\n{part} part: {total.texts} texts (labelled at {', '.join(commits)}); ")
            print(f"{READING_TITLES[reading]}\n")
            print(table(rows, apart=reading != "labelled"))
            if reading == readings[0]:
                met = met and all(t.met for t in by_lang.values())
            if args.show_errors and total.errors:
                print("\n" + "\n".join(f"- {e}" for e in total.errors))
    print(
        f"\nTargets per language ({READING_TITLES[readings[0]]}): precision >= "
        f"{TARGET_PRECISION}, recall >= {TARGET_RECALL}, texts changed outside = 0: "
        f"{'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
