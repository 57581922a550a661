"""Read and validate registry CSV bytes into :class:`~namenorm.entity.Entity` values.

:func:`parse_registry` checks every row (ID, kind, language tag against the
name's script, the ``preferred`` flag, the optional ``wikidata``,
``geonames`` and ``source`` columns) and raises one
:class:`~namenorm.errors.RegistryError` listing *every* problem with its
file, line and field. Left out: holding and matching the entities
(``namenorm.registry``) and writing a registry (``namenorm.enrich.write``).
"""

from __future__ import annotations

import csv
import io
import re

from .entity import CYRILLIC_LANGS, Entity, Name
from .errors import Problem, RegistryError
from .text import clean, is_cyrillic, script_of
from .vocab import KINDS

__all__ = ["COLUMNS", "ID_PATTERN", "LANG_PATTERN", "OPTIONAL_COLUMNS", "parse_registry"]

COLUMNS: tuple[str, ...] = ("id", "kind", "lang", "name", "preferred")
#: Columns a registry may have; files without them load as before.
OPTIONAL_COLUMNS: tuple[str, ...] = ("wikidata", "geonames", "source")

#: A registry ID, and a BCP 47 language tag, as the registry accepts them.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
LANG_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
_PREFERRED = {"1": True, "": False}
_QID = re.compile(r"Q[1-9][0-9]*\Z")
_GEONAMES = re.compile(r"[1-9][0-9]*\Z")
_LINK_FORMS = {
    "wikidata": (_QID, "a Wikidata QID such as Q42"),
    "geonames": (_GEONAMES, "a GeoNames ID such as 625144"),
}
_SOURCE = re.compile(
    r"(?:https?://[^\s/]+\.[^\s/]+(?:/\S*)?|wikidata:Q[1-9][0-9]*|geonames:[1-9][0-9]*)\Z"
)


def _decode(data: bytes, path: str, problems: list[Problem]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Report every undecodable line, then go on with replacement characters.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(
                    path,
                    number,
                    "(encoding)",
                    f"bytes {raw[exc.start : exc.start + 4]!r} at column {exc.start + 1} are not "
                    "valid UTF-8; expected a UTF-8 file",
                )
            )
    return data.decode("utf-8", errors="replace")


def _script_problem(name: str, lang: str) -> str | None:
    primary = lang.split("-")[0]
    latin_tag = "-Latn" in lang or primary not in CYRILLIC_LANGS
    has_cyr = any(script_of(c) == "cyrl" for c in name)
    has_lat = any(script_of(c) == "latn" for c in name)
    if latin_tag and has_cyr and is_cyrillic(name):
        return f"Cyrillic name {name!r} has the Latin-script language tag {lang!r}; expected be, ru or uk"
    if not latin_tag and has_lat and not is_cyrillic(name):
        return (
            f"Latin-script name {name!r} has the Cyrillic language tag {lang!r}; "
            "expected a Latin tag such as en, pl, de or be-Latn"
        )
    return None


def parse_registry(data: bytes, path: str = "<registry>") -> list[Entity]:
    """Parse and validate registry CSV bytes; raise :class:`RegistryError` with every problem."""
    problems: list[Problem] = []
    text = _decode(data, path, problems)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise RegistryError(
            [Problem(path, 1, "(header)", "file is empty; expected a header row")]
        ) from None
    except csv.Error as exc:
        raise RegistryError([Problem(path, 1, "(header)", f"unreadable CSV: {exc}")]) from None
    columns = {name.strip(): i for i, name in reversed(list(enumerate(header)))}
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise RegistryError(
            [
                Problem(
                    path,
                    1,
                    "(header)",
                    f"missing column(s) {', '.join(missing)}; found {', '.join(header) or 'none'}; "
                    f"expected {', '.join(COLUMNS)}",
                )
            ]
        )

    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(path, line, "(row)", f"unreadable CSV: {exc}"))
            break
        start, line = line, reader.line_num + 1
        if not any(field.strip() for field in record):
            continue  # blank line
        if len(record) < len(header):
            problems.append(
                Problem(
                    path,
                    start,
                    "(row)",
                    f"{len(record)} fields, expected {len(header)} (as in the header)",
                )
            )
            continue
        rows.append((start, {c: record[i] for c, i in columns.items()}))

    kinds: dict[str, tuple[str, int]] = {}
    preferred: dict[tuple[str, str], int] = {}
    names: dict[str, list[Name]] = {}
    links = {column: _Links(column, path, problems) for column in ("wikidata", "geonames")}
    for number, row in rows:
        entity_id = row["id"].strip()
        kind = row["kind"].strip()
        lang = row["lang"].strip()
        name = clean(row["name"])
        flag = row["preferred"].strip()
        source = row.get("source", "").strip()
        ok = True
        if not ID_PATTERN.match(entity_id):
            problems.append(
                Problem(path, number, "id", f"bad id {entity_id!r}; expected [a-z0-9][a-z0-9-]*")
            )
            ok = False
        for column, link in links.items():
            link.add(entity_id if ok else None, row.get(column, "").strip(), number)
        if source and not _SOURCE.match(source):
            problems.append(
                Problem(
                    path,
                    number,
                    "source",
                    f"bad source {source!r}; expected a URL (http:// or https://), "
                    "wikidata:Q... or geonames:ID",
                )
            )
        if kind not in KINDS:
            problems.append(
                Problem(
                    path,
                    number,
                    "kind",
                    f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}",
                )
            )
        elif ok:
            first = kinds.setdefault(entity_id, (kind, number))
            if first[0] != kind:
                problems.append(
                    Problem(
                        path,
                        number,
                        "kind",
                        f"kind {kind!r} for {entity_id!r} differs from {first[0]!r} on line {first[1]}; "
                        "expected the same kind on every row of an id",
                    )
                )
        if not LANG_PATTERN.match(lang):
            problems.append(
                Problem(
                    path,
                    number,
                    "lang",
                    f"bad language tag {lang!r}; expected BCP 47 such as be, ru, en, be-Latn",
                )
            )
            ok = False
        keyed = ok  # id and language are usable, so the row counts for preferred checks
        if not name:
            problems.append(Problem(path, number, "name", "empty name; expected a spelling"))
            ok = False
        elif LANG_PATTERN.match(lang) and (message := _script_problem(name, lang)):
            problems.append(Problem(path, number, "name", message))
        if flag not in _PREFERRED:
            problems.append(
                Problem(path, number, "preferred", f"bad value {flag!r}; expected 1 or empty")
            )
        elif _PREFERRED[flag] and keyed:
            first_line = preferred.setdefault((entity_id, lang), number)
            if first_line != number:
                problems.append(
                    Problem(
                        path,
                        number,
                        "preferred",
                        f"second preferred {lang!r} name for {entity_id!r} (first on line {first_line}); "
                        "expected at most one per id and language",
                    )
                )
        if ok:
            names.setdefault(entity_id, []).append(
                Name(name, lang, _PREFERRED.get(flag, False), number, source)
            )

    for entity_id, (_, first_line) in kinds.items():
        if (entity_id, "en") not in preferred:
            problems.append(
                Problem(
                    path,
                    first_line,
                    "preferred",
                    f"{entity_id!r} has no preferred en name; expected exactly one",
                )
            )
    if problems:
        problems.sort(key=lambda p: p.line)
        raise RegistryError(problems)
    wikidata, geonames = links["wikidata"].values, links["geonames"].values
    return [
        Entity(
            entity_id,
            kinds[entity_id][0],
            tuple(entity_names),
            wikidata.get(entity_id, (None, 0))[0],
            int(geonames[entity_id][0]) if entity_id in geonames else None,
        )
        for entity_id, entity_names in names.items()
    ]


class _Links:
    """Validates one optional link column (``wikidata`` or ``geonames``): the
    value's form, one value per ID (on any of its rows), one ID per value."""

    def __init__(self, column: str, path: str, problems: list[Problem]) -> None:
        self.column, self.path, self.problems = column, path, problems
        self.pattern, self.expected = _LINK_FORMS[column]
        self.values: dict[str, tuple[str, int]] = {}  # id -> (value, first line)
        self.owners: dict[str, tuple[str, int]] = {}  # value -> (id, first line)

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, self.column, message))

    def add(self, entity_id: str | None, value: str, line: int) -> None:
        """Check ``value`` on ``line`` (``entity_id`` is None when the row's ID is bad)."""
        if not value:
            return
        if not self.pattern.match(value):
            self._problem(line, f"bad {self.column} ID {value!r}; expected {self.expected}")
            return
        if entity_id is None:
            return
        first, first_line = self.values.setdefault(entity_id, (value, line))
        if first != value:
            self._problem(
                line,
                f"{self.column} {value!r} for {entity_id!r} differs from {first!r} on line "
                f"{first_line}; expected one {self.column} ID per id",
            )
            return
        owner, owner_line = self.owners.setdefault(value, (entity_id, line))
        if owner != entity_id:
            self._problem(
                line,
                f"{self.column} {value!r} of {entity_id!r} is already the {self.column} ID of "
                f"{owner!r} (line {owner_line}); expected one id per {self.column} ID",
            )
