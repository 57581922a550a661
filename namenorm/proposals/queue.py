"""The queue file beside the registry: :func:`submit`, :func:`read_queue`, :func:`reject`, :func:`accept`.

One CSV row per proposal (``proposals.csv`` next to ``variants.csv``). Every
write replaces the file atomically under a lock file, so concurrent workers
cannot lose each other's rows; :func:`accept` appends the rows to the
registry (``namenorm.proposals.append``) and then drops them from the queue.
:func:`from_unmatched` reads the file ``namenorm clean --unmatched`` writes
as unassigned proposals. Left out: checking one proposal
(``namenorm.proposals.proposal``).
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..csvio import atomic_binary
from ..errors import NamenormError, NotFoundError
from ..text import clean
from .append import append_to_registry
from .proposal import MAX_NAME, Proposal, ProposalError, lang_of, new_proposal, one_line

__all__ = [
    "MAX_QUEUE",
    "QUEUE_COLUMNS",
    "Accepted",
    "QueueError",
    "QueueFullError",
    "accept",
    "from_unmatched",
    "queue_path",
    "read_queue",
    "reject",
    "submit",
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
_PID = re.compile(r"[0-9a-f]{12}\Z")


class QueueFullError(NamenormError):
    """The queue already holds :data:`MAX_QUEUE` proposals."""

    status = 409
    code = "queue_full"


class QueueError(NamenormError):
    """The queue file cannot be read (named with its line)."""

    status = 500
    code = "invalid_queue"


@dataclass(frozen=True)
class Accepted:
    """What :func:`accept` did: rows added to the registry, and rows it already had."""

    added: tuple[Proposal, ...]
    present: tuple[Proposal, ...]
    registry: Path


def queue_path(registry_path: str | os.PathLike[str]) -> Path:
    """The queue file beside a registry file (``proposals.csv`` in its folder)."""
    return Path(registry_path).with_name("proposals.csv")


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
    name = one_line(fields.get("name", item.name), "name", MAX_NAME)
    entity_id = fields.get("id", item.id).strip()
    kind = fields.get("kind", item.kind).strip()
    lang = fields.get("lang", item.lang).strip() or (lang_of(name, "") if entity_id else "")
    preferred = str(fields.get("preferred", "1" if item.preferred else "")) in ("1", "true", "True")
    return replace(item, id=entity_id, kind=kind, lang=lang, name=name, preferred=preferred)


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
