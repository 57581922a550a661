"""Compact read-only tables over flat arrays, the building blocks of a stored index.

:class:`Strings` is a list of strings kept as one UTF-8 blob and an array of
offsets; :class:`Postings` maps a number to a tuple of numbers (offsets into
one value array); :class:`StringMap` maps a string to a tuple of numbers
through an open-addressing hash table (CRC-32, linear probing) over the same
kind of arrays. Each table is a few named arrays: ``memoryview`` casts of an
``mmap`` when loaded (no Python object exists until a lookup decodes one
answer, and processes that map the same file share its pages) or of
``array.array`` values while building.

Chosen by measurement (171,505 full-name keys of a 10,000-person registry,
40,000 lookups, half of them misses, load average 6.7): ``dict.get`` 361 ns,
:meth:`StringMap.number` 838 ns, ``marisa_trie.Trie.get`` 1,202 ns, bisection
of a sorted list 2,193 ns. A trie is several times smaller, but slower here,
and these arrays need no library to map.

Left out: what the numbers mean (``namenorm.index.build`` and ``namenorm.index.tables``) and the file that
holds the arrays (``namenorm.index.store``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from zlib import crc32

__all__ = [
    "Arrays",
    "Postings",
    "StringMap",
    "Strings",
    "fit",
    "pack_map",
    "pack_postings",
    "pack_strings",
]

#: Named arrays: what a table is stored as (``memoryview`` or ``array``).
Arrays = Mapping[str, "memoryview | array[int]"]

_EMPTY: tuple[int, ...] = ()


def fit(values: array[int]) -> array[int]:
    """``values`` as 32-bit unsigned numbers when they fit (half the bytes)."""
    if values.typecode == "I" or (len(values) and max(values) >= 1 << 32):
        return values
    return array("I", values)


class Strings(Sequence[str]):
    """A read-only list of strings: ``{name}.blob`` (UTF-8) and ``{name}.offsets``."""

    __slots__ = ("_blob", "_offsets")

    def __init__(self, arrays: Arrays, name: str) -> None:
        self._blob = arrays[f"{name}.blob"]
        self._offsets = arrays[f"{name}.offsets"]

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, number: int) -> str:  # type: ignore[override]
        offsets = self._offsets
        return str(self._blob[offsets[number] : offsets[number + 1]], "utf-8")

    def raw(self, number: int) -> memoryview | array[int]:
        """The UTF-8 bytes of string ``number``, not decoded."""
        offsets = self._offsets
        return self._blob[offsets[number] : offsets[number + 1]]


def pack_strings(strings: Iterable[str], name: str) -> dict[str, array[int]]:
    """The arrays of a :class:`Strings` table holding ``strings`` in order."""
    blob = bytearray()
    offsets = array("Q", [0])
    for text in strings:
        blob += text.encode()
        offsets.append(len(blob))
    return {f"{name}.blob": array("B", blob), f"{name}.offsets": fit(offsets)}


class Postings:
    """Number -> tuple of numbers: ``{name}.starts`` and ``{name}.values``."""

    __slots__ = ("_starts", "_values")

    def __init__(self, arrays: Arrays, name: str) -> None:
        self._starts = arrays[f"{name}.starts"]
        self._values = arrays[f"{name}.values"]

    def __len__(self) -> int:
        return len(self._starts) - 1

    def get(self, number: int, default: tuple[int, ...] = _EMPTY) -> tuple[int, ...]:
        """The numbers stored for ``number`` (``default`` when there are none)."""
        starts = self._starts
        if not 0 <= number < len(starts) - 1:
            return default
        start, end = starts[number], starts[number + 1]
        return tuple(self._values[start:end]) if end > start else default

    def __getitem__(self, number: int) -> tuple[int, ...]:
        starts = self._starts
        return tuple(self._values[starts[number] : starts[number + 1]])


def pack_postings(rows: Iterable[Iterable[int]], name: str) -> dict[str, array[int]]:
    """The arrays of a :class:`Postings` table whose row ``n`` is the ``n``-th of ``rows``."""
    starts = array("Q", [0])
    values = array("Q")
    for row in rows:
        values.extend(row)
        starts.append(len(values))
    return {f"{name}.starts": fit(starts), f"{name}.values": fit(values)}


class StringMap:
    """String -> tuple of numbers, as a hash table over flat arrays.

    Arrays: the keys (a :class:`Strings` table ``{name}.keys``), their CRC-32
    (``{name}.hashes``), the slots (``{name}.slots``: key number + 1, 0 for an
    empty slot; a power of two long, at most half full) and the values (a
    :class:`Postings` table ``{name}.values`` by key number).
    """

    __slots__ = ("_blob", "_hashes", "_keys", "_mask", "_offsets", "_slots", "_values")

    def __init__(self, arrays: Arrays, name: str) -> None:
        self._keys = Strings(arrays, f"{name}.keys")
        self._blob = arrays[f"{name}.keys.blob"]
        self._offsets = arrays[f"{name}.keys.offsets"]
        self._hashes = arrays[f"{name}.hashes"]
        self._slots = arrays[f"{name}.slots"]
        self._mask = len(self._slots) - 1
        self._values = Postings(arrays, f"{name}.values")

    def __len__(self) -> int:
        return len(self._keys)

    def number(self, key: str) -> int:
        """The number of ``key`` in this table, or -1."""
        encoded = key.encode()
        wanted = crc32(encoded)
        slots, mask = self._slots, self._mask
        slot = wanted & mask
        found = slots[slot]
        while found:
            found -= 1
            if self._hashes[found] == wanted:
                offsets = self._offsets
                if self._blob[offsets[found] : offsets[found + 1]] == encoded:
                    return found
            slot = (slot + 1) & mask
            found = slots[slot]
        return -1

    def hits(self, keys: Iterable[str]) -> Iterator[tuple[int, ...]]:
        """The numbers stored for each of ``keys`` that is a key, in order (one
        loop for many probes: the typo neighbourhood of a query)."""
        slots, hashes, mask = self._slots, self._hashes, self._mask
        blob, offsets = self._blob, self._offsets
        starts, values = self._values._starts, self._values._values
        for key in keys:
            encoded = key.encode()
            wanted = crc32(encoded)
            slot = wanted & mask
            found = slots[slot]
            while found:
                found -= 1
                if hashes[found] == wanted and blob[offsets[found] : offsets[found + 1]] == encoded:
                    yield tuple(values[starts[found] : starts[found + 1]])
                    break
                slot = (slot + 1) & mask
                found = slots[slot]

    def get(self, key: str, default: tuple[int, ...] = _EMPTY) -> tuple[int, ...]:
        """The numbers stored for ``key`` (``default`` when it is not a key)."""
        number = self.number(key)
        return default if number < 0 else self._values[number]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.number(key) >= 0

    def key_at(self, number: int) -> str:
        """The key numbered ``number``."""
        return self._keys[number]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)


def pack_map(items: Iterable[tuple[str, Iterable[int]]], name: str) -> dict[str, array[int]]:
    """The arrays of a :class:`StringMap` holding ``items`` (distinct keys)."""
    blob = bytearray()
    offsets = array("Q", [0])
    hashes = array("I")
    starts = array("Q", [0])
    values = array("Q")
    for key, numbers in items:
        encoded = key.encode()
        blob += encoded
        offsets.append(len(blob))
        hashes.append(crc32(encoded))
        values.extend(numbers)
        starts.append(len(values))
    size = 8
    while size < 2 * len(hashes):
        size *= 2
    mask = size - 1
    slots = array("I", bytes(4 * size))
    for number, wanted in enumerate(hashes):
        slot = wanted & mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = number + 1
    return {
        f"{name}.keys.blob": array("B", blob),
        f"{name}.keys.offsets": fit(offsets),
        f"{name}.hashes": hashes,
        f"{name}.slots": slots,
        f"{name}.values.starts": fit(starts),
        f"{name}.values.values": fit(values),
    }
