"""Labels and aliases of Wikidata entities, as attested registry spellings.

Reads entity JSON in the two shapes Wikidata publishes (the Wikibase JSON
format): the answer of the ``wbgetentities`` API (``{"entities": {...}}``)
and the JSON dumps (an array with one entity per line, gzip or plain; JSON
lines work too). :func:`plan_enrichment` turns the labels and aliases of
the entities whose QID the registry names into new rows, never
``preferred``, each with source ``wikidata:Q...``. Spellings the entity
already has are skipped; a spelling that another ID already has, or that
two entities of the batch would both get, is a :class:`Conflict`, reported
for review and not written. :func:`fetch_entities` gets the same JSON from
the Wikidata API for ``--online``.

What it leaves out: descriptions, claims and sitelinks; entities the
registry does not link by QID (nothing guesses which entity a QID is).
"""

from __future__ import annotations

import gzip
import json
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NamenormError
from ..registry import Registry
from ..settings import setting
from ..text import clean, script_of
from .write import NewRow

__all__ = [
    "DEFAULT_LANGS",
    "Conflict",
    "EnrichmentPlan",
    "WikidataError",
    "fetch_entities",
    "plan_enrichment",
    "read_entities",
]

#: The languages of the press about Belarus (``--langs`` default).
DEFAULT_LANGS: tuple[str, ...] = ("be", "ru", "uk", "en", "pl", "de", "fr", "lt", "lv", "cs")
#: Wikidata language codes written under another registry tag (Taraškievica
#: is Belarusian in Cyrillic).
REGISTRY_LANG: Mapping[str, str] = {"be-tarask": "be"}
#: Wikidata's API takes at most 50 IDs per ``wbgetentities`` call.
API_BATCH = 50
_GZIP_MAGIC = b"\x1f\x8b"


class WikidataError(NamenormError):
    """An entity file (or API answer) that is not Wikidata entity JSON."""

    status = 422
    code = "invalid_wikidata"


@dataclass(frozen=True)
class Conflict:
    """A spelling that would land on two IDs: reported for review, not written."""

    spelling: str
    lang: str
    qid: str
    id: str
    others: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{self.spelling!r} ({self.lang}, {self.qid}) for {self.id} is also a spelling "
            f"of {', '.join(self.others)}"
        )


@dataclass
class EnrichmentPlan:
    """Rows to add, conflicts to review, and the entities that were not used."""

    rows: list[NewRow] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: int = 0  # spellings the entity already had
    unknown: list[str] = field(default_factory=list)  # QIDs the registry does not name
    unfit: list[tuple[str, str, str]] = field(default_factory=list)  # (qid, lang, spelling)


def _open_text(path: Path) -> Iterator[str]:
    with path.open("rb") as raw:
        gzipped = raw.read(2) == _GZIP_MAGIC
    opener = gzip.open if gzipped else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def _entities_of(document: Any, where: str) -> Iterator[Mapping[str, Any]]:
    if isinstance(document, Mapping) and isinstance(document.get("entities"), Mapping):
        yield from document["entities"].values()
    elif isinstance(document, Mapping) and "id" in document:
        yield document
    elif isinstance(document, list):
        for item in document:
            yield from _entities_of(item, where)
    else:
        raise WikidataError(
            f"{where}: expected a Wikidata entity, a wbgetentities answer or a dump array"
        )


def read_entities(path: str | Path) -> Iterator[Mapping[str, Any]]:
    """Every entity of a ``wbgetentities`` answer or a JSON dump (gzip or plain).

    Raises :class:`WikidataError` naming the file and line of bad JSON.
    """
    path = Path(path)
    try:
        lines = list(_open_text(path))
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise WikidataError(f"{path}: unreadable: {exc}") from None
    text = "".join(lines)
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None
    if document is not None:
        yield from _entities_of(document, str(path))
        return
    # A dump: "[", one entity per line followed by a comma, "]"; or JSON lines.
    for number, line in enumerate(lines, start=1):
        line = line.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise WikidataError(
                f"{path}:{number}: bad JSON at column {exc.colno}: {exc.msg}; "
                "expected one entity per line"
            ) from None
        yield from _entities_of(item, f"{path}:{number}")


def _terms(entity: Mapping[str, Any], langs: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(Wikidata language, spelling) of the entity's labels then aliases in ``langs``."""
    labels = entity.get("labels") or {}
    aliases = entity.get("aliases") or {}
    for lang in langs:
        label = labels.get(lang)
        if isinstance(label, Mapping) and isinstance(label.get("value"), str):
            yield lang, label["value"]
    for lang in langs:
        for alias in aliases.get(lang) or ():
            if isinstance(alias, Mapping) and isinstance(alias.get("value"), str):
                yield lang, alias["value"]


def _fits_tag(spelling: str, lang: str) -> bool:
    letters = {script_of(c) for c in spelling if c.isalpha()}
    expected = "cyrl" if lang in ("be", "ru", "uk") else "latn"
    return letters == {expected}


def plan_enrichment(
    registry: Registry, entities: Iterable[Mapping[str, Any]], *, langs: Sequence[str]
) -> EnrichmentPlan:
    """New rows from the labels and aliases of ``entities`` whose QID ``registry`` names."""
    by_qid = {e.wikidata: e for e in registry.entities() if e.wikidata}
    owners: dict[str, set[str]] = {}
    for entity in registry.entities():
        for name in entity.names:
            owners.setdefault(clean(name.text).casefold(), set()).add(entity.id)
    plan = EnrichmentPlan()
    wanted: dict[str, list[NewRow]] = {}  # spelling key -> candidate rows (any ID)
    order: list[str] = []
    for item in entities:
        qid = str(item.get("id", ""))
        target = by_qid.get(qid)
        if target is None:
            plan.unknown.append(qid)
            continue
        for wikidata_lang, value in _terms(item, langs):
            spelling = clean(value)
            lang = REGISTRY_LANG.get(wikidata_lang, wikidata_lang)
            if not spelling:
                continue
            if not _fits_tag(spelling, lang):
                plan.unfit.append((qid, wikidata_lang, spelling))
                continue
            key = spelling.casefold()
            have = owners.get(key, set())
            if target.id in have:
                plan.skipped += 1
                continue
            row = NewRow(target.id, target.kind, lang, spelling, False, f"wikidata:{qid}")
            if key not in wanted:
                order.append(key)
            if all(r.id != target.id for r in wanted.get(key, [])):
                wanted.setdefault(key, []).append(row)
            elif key in wanted:
                plan.skipped += 1  # the same spelling in another language of the same entity
    for key in order:
        rows = wanted[key]
        ids = {r.id for r in rows} | owners.get(key, set())
        if len(ids) == 1:
            plan.rows.append(rows[0])
            continue
        for row in rows:
            others = tuple(sorted(ids - {row.id}))
            plan.conflicts.append(Conflict(row.name, row.lang, row.source[9:], row.id, others))
    return plan


def fetch_entities(
    qids: Sequence[str], *, langs: Sequence[str], api: str | None = None, timeout: float = 30.0
) -> Iterator[Mapping[str, Any]]:
    """The labels and aliases of ``qids`` from the Wikidata API (``wbgetentities``).

    ``api`` defaults to the ``NAMENORM_WIKIDATA_API`` setting. Raises
    :class:`WikidataError` when the API cannot be reached or answers with
    something other than entity JSON.
    """
    endpoint = api or setting("NAMENORM_WIKIDATA_API")
    for start in range(0, len(qids), API_BATCH):
        query = urllib.parse.urlencode(
            {
                "action": "wbgetentities",
                "ids": "|".join(qids[start : start + API_BATCH]),
                "props": "labels|aliases",
                "languages": "|".join(langs),
                "format": "json",
            }
        )
        request = urllib.request.Request(
            f"{endpoint}?{query}", headers={"User-Agent": "namenorm registry enrich"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                document = json.load(answer)
        except (OSError, ValueError) as exc:
            raise WikidataError(f"{endpoint}: {exc}") from None
        if isinstance(document, Mapping) and "error" in document:
            raise WikidataError(f"{endpoint}: {document['error']}")
        yield from _entities_of(document, endpoint)
