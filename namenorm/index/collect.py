"""Collecting (key, number) pairs in flat arrays and packing them into a hash table.

A :class:`Collector` takes pairs one at a time into three arrays (the UTF-8
keys in one blob, their ends, the numbers) and two 32-bit hashes of each key
(CRC-32 and Adler-32); :meth:`Collector.pack` groups equal keys by sorting on
both hashes with ``numpy`` (a stable sort, so each key's numbers stay in the
order they came), checks every group's keys byte for byte (keys whose
hashes collide are split apart), optionally keeps only the first number per
key and per ``number >> shift`` (the first spelling of each entity), and lays
out the arrays of a :class:`~namenorm.index.packed.StringMap`: slots are
placed by vectorised linear probing. Tens of millions of pairs cost tens of
bytes each instead of a dictionary's Python objects, which is what lets a
registry of a million people be built in memory at all.

:func:`~namenorm.index.packed.pack_map` (a dictionary in, a plain loop) is
the reference twin it is tested against.

Left out: what the pairs mean (``namenorm.index.build``).
"""

from __future__ import annotations

from array import array
from zlib import adler32, crc32

import numpy as np
import numpy.typing as npt

__all__ = ["Collector"]

U64 = npt.NDArray[np.uint64]


class Collector:
    """Append-only (key, number) pairs; see the module docstring."""

    __slots__ = ("_adlers", "_blob", "_crcs", "_ends", "_numbers")

    def __init__(self) -> None:
        self._clear()

    def __len__(self) -> int:
        return len(self._numbers)

    def add(self, key: str, number: int) -> None:
        """Collect one pair."""
        encoded = key.encode()
        self._blob += encoded
        self._ends.append(len(self._blob))
        self._crcs.append(crc32(encoded))
        self._adlers.append(adler32(encoded))
        self._numbers.append(number)

    def pack(
        self, name: str, *, first_per: int | None = None, numbered: str | None = None
    ) -> dict[str, array[int]]:
        """The arrays of a ``StringMap`` named ``name`` holding every pair; with
        ``first_per``, only the first number of each key per ``number >> first_per``;
        with ``numbered``, also an array of that name holding each pair's key
        number in the order the pairs came (the map read backwards).
        The collector is emptied."""
        if numbered is not None and first_per is not None:
            raise ValueError("numbered needs every pair kept (no first_per)")
        count = len(self._numbers)
        blob = np.frombuffer(self._blob, dtype=np.uint8) if self._blob else np.zeros(0, np.uint8)
        ends = np.frombuffer(self._ends, dtype=np.uint64) if count else np.zeros(0, np.uint64)
        starts = np.concatenate(([0], ends[:-1])).astype(np.uint64)
        crcs = np.frombuffer(self._crcs, dtype=np.uint32) if count else np.zeros(0, np.uint32)
        hashes = crcs.astype(np.uint64) << np.uint64(32)
        if count:
            hashes |= np.frombuffer(self._adlers, dtype=np.uint32).astype(np.uint64)
        numbers = np.frombuffer(self._numbers, dtype=np.uint64) if count else hashes[:0]
        order = np.argsort(hashes, kind="stable")
        group = _groups(hashes[order])
        group = _split_collisions(group, order, blob, starts, ends)
        order, group = _in_first_seen_order(order, group)
        if first_per is not None and count:
            owner = numbers[order] >> np.uint64(first_per)
            keep = np.zeros(count, dtype=bool)
            pairs = group.astype(np.uint64) << np.uint64(64 - 26) | owner
            if int(group.max(initial=0)) >= 1 << 26 or int(owner.max(initial=0)) >= 1 << 38:
                raise ValueError("too many keys or owners to pack")
            keep[np.unique(pairs, return_index=True)[1]] = True
            order, group = order[keep], group[keep]
        arrays = _layout(name, order, group, blob, starts, ends, crcs, numbers)
        if numbered is not None:
            key_of = np.zeros(count, dtype=np.uint64)
            key_of[order] = group.astype(np.uint64)
            arrays[numbered] = _fit(key_of)
        self._clear()
        return arrays

    def _clear(self) -> None:
        self._blob = bytearray()
        self._ends, self._crcs = array("Q"), array("I")
        self._adlers, self._numbers = array("I"), array("Q")


def _groups(sorted_hashes: U64) -> npt.NDArray[np.int64]:
    """Group number of each entry of ``sorted_hashes`` (equal hashes, one group)."""
    if not len(sorted_hashes):
        return np.zeros(0, np.int64)
    new = np.empty(len(sorted_hashes), dtype=bool)
    new[0] = True
    new[1:] = sorted_hashes[1:] != sorted_hashes[:-1]
    return np.cumsum(new) - 1


def _in_first_seen_order(
    order: npt.NDArray[np.int64], group: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Groups renumbered in the order their keys were first collected (as a
    dictionary would number them), entries of each group kept together."""
    if not len(group):
        return order, group
    is_first = np.empty(len(group), dtype=bool)
    is_first[0] = True
    is_first[1:] = group[1:] != group[:-1]
    label = np.empty(int(group[-1]) + 1, dtype=np.int64)
    label[np.argsort(order[is_first], kind="stable")] = np.arange(len(label))
    group = label[group]
    regroup = np.argsort(group, kind="stable")
    return order[regroup], group[regroup]


def _split_collisions(
    group: npt.NDArray[np.int64],
    order: npt.NDArray[np.int64],
    blob: npt.NDArray[np.uint8],
    starts: U64,
    ends: U64,
) -> npt.NDArray[np.int64]:
    """``group`` with any group whose keys differ (hashes collided) split by key;
    ``order`` is reordered to match."""
    clashing = _clashing(group, order, blob, starts, ends)
    if not clashing:
        return group
    # Rare: renumber so each distinct key of a clashing group is a group of its own.
    renumbered = np.empty_like(group)
    next_group, current = -1, -1
    keys_seen: dict[bytes, int] = {}
    for at in range(len(group)):
        entry, old = int(order[at]), int(group[at])
        if old != current:
            current, keys_seen = old, {}
        key = blob[int(starts[entry]) : int(ends[entry])].tobytes() if old in clashing else b""
        if key not in keys_seen:
            next_group += 1
            keys_seen[key] = next_group
        renumbered[at] = keys_seen[key]
    # Keep the entries of one group together (stable: numbers keep their order).
    regroup = np.argsort(renumbered, kind="stable")
    order[:] = order[regroup]
    return renumbered[regroup]


def _clashing(
    group: npt.NDArray[np.int64],
    order: npt.NDArray[np.int64],
    blob: npt.NDArray[np.uint8],
    starts: U64,
    ends: U64,
    chunk: int = 1 << 19,
) -> set[int]:
    """Groups holding keys that differ: each entry is compared with the first of
    its group, byte for byte, a chunk of entries at a time."""
    if not len(group):
        return set()
    is_first = np.empty(len(group), dtype=bool)
    is_first[0] = True
    is_first[1:] = group[1:] != group[:-1]
    first_entry = order[is_first][group]  # the first entry of each entry's group
    others = np.nonzero(~is_first)[0]
    clashing: set[int] = set()
    for begin in range(0, len(others), chunk):
        at = others[begin : begin + chunk]
        mine, theirs = order[at], first_entry[at]
        lengths = (ends[mine] - starts[mine]).astype(np.int64)
        same_length = lengths == (ends[theirs] - starts[theirs]).astype(np.int64)
        clashing.update(group[at[~same_length]].tolist())
        at, mine, theirs = at[same_length], mine[same_length], theirs[same_length]
        lengths = lengths[same_length]
        nonempty = lengths > 0
        at, mine, theirs, lengths = (
            at[nonempty],
            mine[nonempty],
            theirs[nonempty],
            lengths[nonempty],
        )
        if not len(at):
            continue
        bounds = np.zeros(len(at), dtype=np.int64)
        np.cumsum(lengths[:-1], out=bounds[1:])
        step = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(bounds, lengths)
        left = blob[np.repeat(starts[mine].astype(np.int64), lengths) + step]
        right = blob[np.repeat(starts[theirs].astype(np.int64), lengths) + step]
        differs = np.add.reduceat((left != right).astype(np.int64), bounds) > 0
        clashing.update(group[at[differs]].tolist())
    return clashing


def _layout(
    name: str,
    order: npt.NDArray[np.int64],
    group: npt.NDArray[np.int64],
    blob: npt.NDArray[np.uint8],
    starts: U64,
    ends: U64,
    crcs: npt.NDArray[np.uint32],
    numbers: U64,
) -> dict[str, array[int]]:
    """The ``StringMap`` arrays: one key per group (in group order), its numbers."""
    keys = int(group[-1]) + 1 if len(group) else 0
    first = np.zeros(keys, dtype=np.int64)
    if keys:
        is_first = np.empty(len(group), dtype=bool)
        is_first[0] = True
        is_first[1:] = group[1:] != group[:-1]
        first = order[is_first]
    key_starts, key_ends = starts[first], ends[first]
    lengths = (key_ends - key_starts).astype(np.int64)
    offsets = np.zeros(keys + 1, dtype=np.uint64)
    np.cumsum(lengths, out=offsets[1:])
    key_blob = _gathered(blob, key_starts, lengths, offsets)
    counts = np.bincount(group, minlength=keys) if keys else np.zeros(0, np.int64)
    value_starts = np.zeros(keys + 1, dtype=np.uint64)
    np.cumsum(counts, out=value_starts[1:])
    hashes = crcs[first]
    size = 8
    while size < 2 * keys:
        size *= 2
    packed_blob = array("B")
    packed_blob.frombytes(key_blob.data)
    del key_blob
    return {
        f"{name}.keys.blob": packed_blob,
        f"{name}.keys.offsets": _fit(offsets),
        f"{name}.hashes": array("I", hashes.astype(np.uint32).tobytes()),
        f"{name}.slots": array("I", _slots(hashes, size).tobytes()),
        f"{name}.values.starts": _fit(value_starts),
        f"{name}.values.values": _fit(numbers[order]),
    }


def _gathered(
    blob: npt.NDArray[np.uint8],
    starts: U64,
    lengths: npt.NDArray[np.int64],
    offsets: U64,
    chunk: int = 1 << 18,
) -> npt.NDArray[np.uint8]:
    """The keys starting at ``starts`` in ``blob``, of ``lengths`` bytes, laid end
    to end (``offsets``: where each goes), a chunk of keys at a time: the index
    arrays of one chunk are a few megabytes, where all at once they took eight
    bytes per byte of every key (gigabytes at a million people)."""
    total = int(offsets[-1]) if len(offsets) else 0
    out = np.empty(total, dtype=np.uint8)
    for begin in range(0, len(lengths), chunk):
        end = min(len(lengths), begin + chunk)
        low, high = int(offsets[begin]), int(offsets[end])
        if high == low:
            continue
        shift = starts[begin:end].astype(np.int64) - (offsets[begin:end].astype(np.int64) - low)
        gather = np.repeat(shift, lengths[begin:end]) + np.arange(high - low, dtype=np.int64)
        out[low:high] = blob[gather]
    return out


def _slots(hashes: npt.NDArray[np.uint32], size: int) -> npt.NDArray[np.uint32]:
    """Linear-probing slots (key number + 1) for keys with these hashes."""
    mask = size - 1
    slots = np.zeros(size, dtype=np.uint32)
    pending = np.arange(len(hashes), dtype=np.int64)
    position = hashes.astype(np.int64) & mask
    while len(pending):
        free = slots[position] == 0
        taken, at = pending[free], position[free]
        # Of keys wanting one free slot, the lowest-numbered takes it (as a loop
        # inserting keys in order would, for keys first arriving together).
        _, winner = np.unique(at, return_index=True)
        slots[at[winner]] = (taken[winner] + 1).astype(np.uint32)
        placed = np.zeros(len(pending), dtype=bool)
        placed[np.nonzero(free)[0][winner]] = True
        pending, position = pending[~placed], (position[~placed] + 1) & mask
    return slots


def _fit(values: npt.NDArray[np.uint64]) -> array[int]:
    """``values`` as 32-bit unsigned numbers when they fit, else 64-bit."""
    if not len(values) or int(values.max()) < 1 << 32:
        return array("I", values.astype(np.uint32).tobytes())
    return array("Q", values.astype(np.uint64).tobytes())
