"""The review queue: spellings editors propose, kept apart from the registry.

Proposals live in a CSV file beside the registry (``proposals.csv`` next to
``variants.csv``), one row per proposed spelling, with the registry's own
columns (``id``, ``kind``, ``lang``, ``name``, ``preferred``) plus the
proposal's ID, the sentence it came from, who sent it and when. Editors only
ever *append* to the queue (:func:`submit`); the registry changes only when a
reviewer accepts a proposal (:func:`accept`), which appends the rows to the
registry file after validating the whole new file with the parser every load
uses, then drops them from the queue. Every write replaces its file
atomically, under a lock file so concurrent workers cannot lose each other's
rows.

A proposal without an ID is *unassigned* (an unmatched value fed from
``namenorm clean --unmatched``, see :func:`from_unmatched`): a reviewer names
the entity it belongs to when accepting it.

Left out: who may review (the HTTP layer's admin token does that), and any
matching: suggestions come from ``Registry.lookup`` in the callers.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from unidecode import unidecode

from .csvio import RawReader, atomic_binary, quote, unquote
from .errors import InvalidInputError, NamenormError, NotFoundError, Problem, RegistryError
from .registry import COLUMNS, CYRILLIC_LANGS, KINDS, Registry, parse_registry
from .text import clean, is_cyrillic
from .translit import transliterate

__all__ = [
    "MAX_QUEUE",
    "QUEUE_COLUMNS",
    "Accepted",
    "Proposal",
    "ProposalError",
    "QueueError",
    "QueueFullError",
    "accept",
    "append_to_registry",
    "from_unmatched",
    "new_proposal",
    "queue_path",
    "read_queue",
    "reject",
    "submit",
    "suggest_id",
]

#: Columns of the queue file, in the order they are written.
QUEUE_COLUMNS: tuple[str, ...] = (
    "proposal",
    "id",
    "kind",
    "lang",
    "name",
    "preferred",
    "context",
    "source",
    "submitted",
)
#: Most proposals the queue holds; submitting more is refused until some are reviewed.
MAX_QUEUE = 10_000
#: Longest name, and longest context, accepted.
MAX_NAME = 200
MAX_CONTEXT = 500

_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
_PID = re.compile(r"[0-9a-f]{12}\Z")


class ProposalError(InvalidInputError):
    """A proposal with a missing or malformed field."""

    code = "invalid_proposal"


class QueueFullError(NamenormError):
    """The queue already holds :data:`MAX_QUEUE` proposals."""

    status = 409
    code = "queue_full"


class QueueError(NamenormError):
    """The queue file cannot be read (named with its line)."""

    status = 500
    code = "invalid_queue"


@dataclass(frozen=True)
class Proposal:
    """One proposed spelling: a registry row plus where it came from."""

    proposal: str
    id: str
    kind: str
    lang: str
    name: str
    preferred: bool = False
    context: str = ""
    source: str = ""
    submitted: str = ""

    @property
    def assigned(self) -> bool:
        """Whether the proposal says which entity (and kind) it belongs to."""
        return bool(self.id and self.kind and self.lang)

    def row(self) -> dict[str, str]:
        """The queue row (every value a string)."""
        return {
            "proposal": self.proposal,
            "id": self.id,
            "kind": self.kind,
            "lang": self.lang,
            "name": self.name,
            "preferred": "1" if self.preferred else "",
            "context": self.context,
            "source": self.source,
            "submitted": self.submitted,
        }

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API."""
        out: dict[str, object] = dict(self.row())
        out["preferred"] = self.preferred
        return out


@dataclass(frozen=True)
class Accepted:
    """What :func:`accept` did: rows added to the registry, and rows it already had."""

    added: tuple[Proposal, ...]
    present: tuple[Proposal, ...]
    registry: Path


def queue_path(registry_path: str | os.PathLike[str]) -> Path:
    """The queue file beside a registry file (``proposals.csv`` in its folder)."""
    return Path(registry_path).with_name("proposals.csv")


# -- making proposals -----------------------------------------------------------
def _one_line(value: str, field: str, limit: int) -> str:
    text = " ".join(clean(value).split())
    if len(text) > limit:
        raise ProposalError(f"{field} is {len(text)} characters long; expected at most {limit}")
    return text


def _lang_of(name: str, lang: str, copy_lang: str = "") -> str:
    """``lang``, else the copy's language when its script fits ``name``, else be or en."""
    if lang:
        return lang
    if copy_lang and is_cyrillic(name) == (copy_lang in CYRILLIC_LANGS):
        return copy_lang
    return "be" if is_cyrillic(name) else "en"


def new_proposal(
    name: str,
    *,
    entity_id: str = "",
    kind: str = "",
    lang: str = "",
    copy_lang: str = "",
    preferred: bool = False,
    context: str = "",
    source: str = "editor",
    registry: Registry | None = None,
) -> Proposal:
    """A checked proposal with a fresh ID.

    With ``registry``: an ``entity_id`` it holds makes a variant of that entity
    (``kind`` is taken from it); an ID it does not hold needs ``kind`` (a new
    entity). ``lang`` defaults to ``copy_lang`` (the language of the copy the
    name was found in) when its script fits, else ``be`` for a Cyrillic name
    and ``en`` for a Latin one. Raises :class:`ProposalError` naming the bad field.
    """
    spelling = _one_line(name, "name", MAX_NAME)
    if not spelling:
        raise ProposalError("name is empty; expected the spelling to add")
    entity_id = entity_id.strip()
    kind = kind.strip()
    if entity_id and not _ID.match(entity_id):
        raise ProposalError(f"bad id {entity_id!r}; expected [a-z0-9][a-z0-9-]*")
    if registry is not None and entity_id in registry:
        known = registry.entity(entity_id).kind
        if kind and kind != known:
            raise ProposalError(f"{entity_id!r} is a {known}, not a {kind}; leave kind empty")
        kind = known
    if kind and kind not in KINDS:
        raise ProposalError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if entity_id and not kind:
        raise ProposalError(
            f"new id {entity_id!r} needs a kind; expected one of {', '.join(KINDS)}"
        )
    lang = lang.strip()
    if lang and not _LANG.match(lang):
        raise ProposalError(f"bad language tag {lang!r}; expected BCP 47 such as be, ru, en")
    if lang or entity_id:
        lang = _lang_of(spelling, lang, copy_lang)
    if lang and (is_cyrillic(spelling) != (lang in CYRILLIC_LANGS)):
        script = "Cyrillic" if is_cyrillic(spelling) else "Latin"
        raise ProposalError(f"{script} name {spelling!r} does not fit language {lang!r}")
    submitted = datetime.now(UTC).replace(microsecond=0).isoformat()
    seed = f"{submitted}\0{entity_id}\0{lang}\0{spelling}\0{secrets.token_hex(8)}"
    return Proposal(
        proposal=hashlib.sha256(seed.encode()).hexdigest()[:12],
        id=entity_id,
        kind=kind,
        lang=lang,
        name=spelling,
        preferred=preferred,
        context=_one_line(context, "context", MAX_CONTEXT),
        source=_one_line(source, "source", 100),
        submitted=submitted,
    )


def suggest_id(name: str, kind: str) -> str:
    """An ID in the registry's style for a new entity: ``surname-given`` for a
    person written "Given Surname", the words joined by hyphens otherwise."""
    latin = transliterate(name, "be", "news") if is_cyrillic(name) else name
    words = [w for w in re.split(r"[^a-z0-9]+", unidecode(latin).casefold()) if w]
    if kind == "person" and len(words) >= 2:
        words = [words[-1], *words[:-1]]
    return "-".join(words)[:80].strip("-")


def from_unmatched(path: str | os.PathLike[str], *, source: str = "") -> list[Proposal]:
    """Unassigned proposals from the file ``namenorm clean --unmatched`` writes
    (``value,count,status,candidates``), one per value."""
    where = Path(path)
    text = where.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "value" not in reader.fieldnames:
        raise QueueError(
            f"{where}:1: (header): no 'value' column; expected the header "
            "value,count,status,candidates that namenorm clean --unmatched writes"
        )
    out: list[Proposal] = []
    for row in reader:
        value = row.get("value") or ""
        if not value.strip():
            continue
        count, status, candidates = row.get("count"), row.get("status"), row.get("candidates")
        context = f"{status or 'unmatched'} {count or '?'} times"
        if candidates:
            context += f"; candidates {candidates}"
        try:
            out.append(new_proposal(value, context=context, source=source or f"clean:{where.name}"))
        except ProposalError as exc:
            raise QueueError(f"{where}:{reader.line_num}: value: {exc}") from None
    return out


# -- the queue file -----------------------------------------------------------------
@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s lock file (``proposals.csv.lock``)."""
    lock = path.with_name(path.name + ".lock")
    with open(lock, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_queue(path: str | os.PathLike[str]) -> list[Proposal]:
    """Every proposal in the queue file, oldest first (``[]`` when there is no file)."""
    where = Path(path)
    try:
        text = where.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as exc:
        raise QueueError(f"{where}: bytes at {exc.start} are not UTF-8; expected UTF-8") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in QUEUE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise QueueError(
            f"{where}:1: (header): missing column(s) {', '.join(missing)}; "
            f"expected {', '.join(QUEUE_COLUMNS)}"
        )
    out: list[Proposal] = []
    try:
        for row in reader:
            pid = row["proposal"] or ""
            if not _PID.match(pid):
                raise QueueError(
                    f"{where}:{reader.line_num}: proposal: bad proposal ID {pid!r}; "
                    "expected 12 hex digits"
                )
            values = {c: row[c] or "" for c in QUEUE_COLUMNS}
            out.append(
                Proposal(
                    proposal=pid,
                    id=values["id"],
                    kind=values["kind"],
                    lang=values["lang"],
                    name=values["name"],
                    preferred=values["preferred"] == "1",
                    context=values["context"],
                    source=values["source"],
                    submitted=values["submitted"],
                )
            )
    except csv.Error as exc:
        raise QueueError(f"{where}:{reader.line_num}: unreadable CSV: {exc}") from None
    return out


def _encode(proposals: Iterable[Proposal]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(QUEUE_COLUMNS)
    for item in proposals:
        row = item.row()
        writer.writerow([row[c] for c in QUEUE_COLUMNS])
    return buffer.getvalue().encode("utf-8")


def _same(a: Proposal, b: Proposal) -> bool:
    return (a.id, a.lang, clean(a.name).casefold()) == (b.id, b.lang, clean(b.name).casefold())


def submit(path: str | os.PathLike[str], proposals: Sequence[Proposal]) -> list[Proposal]:
    """Append ``proposals`` to the queue file (created when missing), atomically.

    A proposal of a spelling the queue already holds for the same ID and
    language is not added twice: the queued one is returned in its place.
    Raises :class:`QueueFullError` when the queue would exceed
    :data:`MAX_QUEUE`.
    """
    where = Path(path)
    with _locked(where):
        queued = read_queue(where)
        out: list[Proposal] = []
        new: list[Proposal] = []
        for item in proposals:
            twin = next((q for q in [*queued, *new] if _same(q, item)), None)
            if twin is None:
                new.append(item)
            out.append(twin or item)
        if len(queued) + len(new) > MAX_QUEUE:
            raise QueueFullError(
                f"the review queue {where} holds {len(queued)} proposals; at most {MAX_QUEUE} "
                "are kept: review some first"
            )
        if new:
            with atomic_binary(where) as handle:
                handle.write(_encode([*queued, *new]))
    return out


def _take(queued: list[Proposal], pids: Sequence[str], where: Path) -> list[Proposal]:
    by_pid = {q.proposal: q for q in queued}
    unknown = [p for p in pids if p not in by_pid]
    if unknown:
        raise NotFoundError(f"no proposal {', '.join(map(repr, unknown))} in {where}")
    return [by_pid[p] for p in dict.fromkeys(pids)]


def reject(path: str | os.PathLike[str], pids: Sequence[str]) -> list[Proposal]:
    """Drop proposals from the queue; returns them."""
    where = Path(path)
    with _locked(where):
        queued = read_queue(where)
        taken = _take(queued, pids, where)
        gone = {t.proposal for t in taken}
        with atomic_binary(where) as handle:
            handle.write(_encode(q for q in queued if q.proposal not in gone))
    return taken


def accept(
    path: str | os.PathLike[str],
    registry_path: str | os.PathLike[str],
    pids: Sequence[str],
    *,
    assign: Mapping[str, Mapping[str, str]] | None = None,
) -> Accepted:
    """Add proposals to the registry file, then drop them from the queue.

    ``assign`` maps a proposal ID to the fields to set before accepting it
    (``id``, ``kind``, ``lang``, ``name``, ``preferred``): an unassigned
    proposal needs at least ``id`` and ``kind``. The registry file is checked
    whole, as every load checks it; on any problem nothing is written and
    :class:`~namenorm.errors.RegistryError` lists the problems of the new rows.
    """
    where = Path(path)
    with _locked(where):
        queued = read_queue(where)
        taken = _take(queued, pids, where)
        chosen: list[Proposal] = []
        for item in taken:
            item = _assigned(item, (assign or {}).get(item.proposal, {}))
            if not item.assigned:
                raise ProposalError(
                    f"proposal {item.proposal} ({item.name!r}) has no entity; "
                    "expected an id and kind to accept it under"
                )
            chosen.append(item)
        added, present = append_to_registry(registry_path, chosen)
        gone = {t.proposal for t in taken}
        with atomic_binary(where) as handle:
            handle.write(_encode(q for q in queued if q.proposal not in gone))
    return Accepted(tuple(added), tuple(present), Path(registry_path))


def _assigned(item: Proposal, fields: Mapping[str, str]) -> Proposal:
    """``item`` with a reviewer's ``id``, ``kind``, ``lang``, ``name``, ``preferred``."""
    unknown = sorted(set(fields) - {"id", "kind", "lang", "name", "preferred"})
    if unknown:
        raise ProposalError(
            f"unknown field(s) {', '.join(map(repr, unknown))}; expected id, kind, lang, name, preferred"
        )
    name = _one_line(fields.get("name", item.name), "name", MAX_NAME)
    entity_id = fields.get("id", item.id).strip()
    kind = fields.get("kind", item.kind).strip()
    lang = fields.get("lang", item.lang).strip() or (_lang_of(name, "") if entity_id else "")
    preferred = str(fields.get("preferred", "1" if item.preferred else "")) in ("1", "true", "True")
    return replace(item, id=entity_id, kind=kind, lang=lang, name=name, preferred=preferred)


# -- writing the registry -------------------------------------------------------------
def append_to_registry(
    path: str | os.PathLike[str], proposals: Sequence[Proposal]
) -> tuple[list[Proposal], list[Proposal]]:
    """Append the proposals' rows to a registry file, validated, atomically.

    The file keeps its bytes (rows, order, quoting, line endings, BOM); new
    rows use its delimiter and line ending. Spellings the file already has
    for the same ID and language are skipped. Returns ``(added, present)``.
    """
    where = Path(path)
    data = where.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom) :].decode("utf-8", errors="replace")
    reader = RawReader(io.StringIO(text, newline=""))
    dialect = reader.dialect
    records = iter(reader)
    header_raw, _ = next(records, ([""], ""))
    header = [unquote(f, dialect.delimiter).strip() for f in header_raw]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RegistryError(
            [Problem(str(where), 1, "(header)", f"missing column(s) {', '.join(missing)}")]
        )
    at = {c: header.index(c) for c in COLUMNS}
    stored: set[tuple[str, str, str]] = set()
    for fields, _ in records:
        if len(fields) == len(header):
            cells = {c: unquote(fields[i], dialect.delimiter).strip() for c, i in at.items()}
            stored.add((cells["id"], cells["lang"], clean(cells["name"]).casefold()))
    added: list[Proposal] = []
    present: list[Proposal] = []
    rows: list[str] = []
    for item in proposals:
        key = (item.id, item.lang, clean(item.name).casefold())
        if key in stored:
            present.append(item)
            continue
        stored.add(key)
        values = {c: v for c, v in item.row().items() if c in COLUMNS}
        rows.append(dialect.delimiter.join(quote(values.get(c, ""), dialect) for c in header))
        added.append(item)
    if not rows:
        return added, present
    lead = dialect.lineterminator if text and not text.endswith(("\n", "\r")) else ""
    new = data + (lead + "".join(r + dialect.lineterminator for r in rows)).encode("utf-8")
    first = len(io.StringIO(text, newline="").readlines()) + 1
    try:
        parse_registry(new, str(where))
    except RegistryError as exc:
        mine = [p for p in exc.problems if p.line >= first]
        raise RegistryError(mine or exc.problems) from None
    with atomic_binary(where) as handle:
        handle.write(new)
    return added, present
