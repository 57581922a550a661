"""Quality gates for a large registry: where ambiguity will bite, and what lacks a source.

:func:`quality_report` lists four kinds of findings an editor should see:

- ``shared``: a spelling stored under more than one ID;
- ``near``: two different entities with spellings one typo apart (one
  insertion, deletion, substitution or swap of neighbours; spellings of four
  letters or more, compared after clean-up and case folding);
- ``no-cyrillic``: an entity without a Belarusian, Russian or Ukrainian
  source form (nothing can be generated for it);
- ``no-source``: rows whose ``source`` is empty (one finding per entity).

Intended ambiguities (two people who really share a name, a city and the
region named after it) are listed with a reason in an allow-list CSV
(``check,ids,reason``; ``data/ambiguities.csv`` for the shipped registry), and
findings it covers are marked intended instead of failing ``--strict``.
It leaves validation (form of each row) to :mod:`namenorm.registry`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import OSA

from .errors import Problem, RegistryError
from .registry import CYRILLIC_LANGS, Registry
from .text import clean

__all__ = [
    "CHECKS",
    "Finding",
    "QualityReport",
    "load_allowed",
    "quality_report",
]

#: The kinds of findings, in report order, with the heading each is printed under.
CHECKS: Mapping[str, str] = {
    "shared": "shared spellings",
    "near": "names one typo apart",
    "no-cyrillic": "entities without a Cyrillic source form",
    "no-source": "rows without a source",
}
#: Only these may be declared intended; the others are always to be fixed.
ALLOWABLE = frozenset({"shared", "near"})
NEAR_MIN_LENGTH = 4
ALLOWED_COLUMNS = ("check", "ids", "reason")


@dataclass(frozen=True)
class Finding:
    """One quality finding: its check, the IDs involved, the spellings and lines."""

    check: str
    ids: tuple[str, ...]
    spellings: tuple[str, ...]
    lines: tuple[int, ...]
    reason: str = ""  # set when the allow-list says it is intended

    def __str__(self) -> str:
        where = ", ".join(f"{i} (line {n})" for i, n in zip(self.ids, self.lines, strict=False))
        if self.check == "no-source":
            text = f"{self.ids[0]}: line{'s' if len(self.lines) > 1 else ''} " + ", ".join(
                map(str, self.lines)
            )
        elif self.check == "no-cyrillic":
            text = f"{self.ids[0]} (line {self.lines[0]})"
        elif self.check == "near":
            text = f"{self.spellings[0]!r} ~ {self.spellings[1]!r}: {where}"
        else:
            text = f"{self.spellings[0]!r}: {where}"
        return f"{text} (intended: {self.reason})" if self.reason else text


@dataclass
class QualityReport:
    """Every finding of :func:`quality_report`, by check, in registry order."""

    findings: dict[str, list[Finding]] = field(
        default_factory=lambda: {check: [] for check in CHECKS}
    )

    def count(self, check: str) -> int:
        """How many findings of ``check`` there are (rows, for ``no-source``)."""
        findings = self.findings[check]
        return sum(len(f.lines) for f in findings) if check == "no-source" else len(findings)

    def failing(self) -> list[Finding]:
        """Findings not declared intended (what ``--strict`` fails on)."""
        return [f for items in self.findings.values() for f in items if not f.reason]


def load_allowed(path: str | Path) -> dict[tuple[str, frozenset[str]], str]:
    """The allow-list ``check,ids,reason`` (IDs separated by spaces) -> reason.

    Raises :class:`RegistryError` with file, line and field for bad rows.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ALLOWED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise RegistryError(
            [
                Problem(
                    str(path),
                    1,
                    "(header)",
                    f"missing column(s) {', '.join(missing)}; expected {', '.join(ALLOWED_COLUMNS)}",
                )
            ]
        )
    allowed: dict[tuple[str, frozenset[str]], str] = {}
    problems: list[Problem] = []
    for row in reader:
        line = reader.line_num
        check, ids = (row["check"] or "").strip(), frozenset((row["ids"] or "").split())
        reason = (row["reason"] or "").strip()
        if check not in ALLOWABLE:
            problems.append(
                Problem(
                    str(path),
                    line,
                    "check",
                    f"check {check!r} cannot be declared intended; expected shared or near",
                )
            )
        elif len(ids) < 2:
            problems.append(
                Problem(str(path), line, "ids", f"{row['ids']!r}; expected two or more IDs")
            )
        elif not reason:
            problems.append(
                Problem(str(path), line, "reason", "empty; expected why the ambiguity is intended")
            )
        else:
            allowed[(check, ids)] = reason
    if problems:
        raise RegistryError(problems)
    return allowed


def _near_pairs(registry: Registry) -> Iterable[Finding]:
    spellings: list[tuple[str, str, str, int]] = []  # key, id, text, line
    for entity in registry.entities():
        seen: set[str] = set()
        for name in entity.names:
            key = clean(name.text).casefold()
            if len(key) >= NEAR_MIN_LENGTH and key not in seen:
                seen.add(key)
                spellings.append((key, entity.id, name.text, name.line))
    blocks: dict[str, list[int]] = {}
    for number, (key, *_) in enumerate(spellings):
        for variant in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
            blocks.setdefault(variant, []).append(number)
    reported: set[frozenset[str]] = set()
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if spellings[a][1] != spellings[b][1]:
                    pairs.add((min(a, b), max(a, b)))
    for a, b in sorted(pairs):
        (key_a, id_a, text_a, line_a), (key_b, id_b, text_b, line_b) = spellings[a], spellings[b]
        ids = frozenset((id_a, id_b))
        if ids in reported or key_a == key_b or OSA.distance(key_a, key_b) != 1:
            continue
        reported.add(ids)
        yield Finding("near", (id_a, id_b), (text_a, text_b), (line_a, line_b))


def quality_report(
    registry: Registry, *, allowed: Mapping[tuple[str, frozenset[str]], str] | None = None
) -> QualityReport:
    """The quality findings of ``registry``; those ``allowed`` covers carry its reason."""
    allowed = allowed or {}
    report = QualityReport()

    def add(finding: Finding) -> None:
        reason = allowed.get((finding.check, frozenset(finding.ids)), "")
        if reason:
            finding = Finding(finding.check, finding.ids, finding.spellings, finding.lines, reason)
        report.findings[finding.check].append(finding)

    for shared in registry.shared_spellings():
        add(Finding("shared", shared.ids, (shared.spelling,), shared.lines))
    for near in _near_pairs(registry):
        add(near)
    for entity in registry.entities():
        if not any(n.lang in CYRILLIC_LANGS for n in entity.names):
            add(Finding("no-cyrillic", (entity.id,), (entity.display,), (entity.names[0].line,)))
        bare = [name for name in entity.names if not name.source]
        if bare:
            texts, lines = tuple(n.text for n in bare), tuple(n.line for n in bare)
            add(Finding("no-source", (entity.id,), texts, lines))
    return report
