"""The collector packs what the plain dictionary packing packs (its reference twin)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.index.collect import Collector, _gathered, _split_collisions
from namenorm.index.packed import StringMap, pack_map

PAIRS = st.lists(
    st.tuples(st.text(alphabet="abcщжʼ é", max_size=6), st.integers(0, 1 << 40)), max_size=300
)


def mapped(arrays: dict) -> StringMap:
    return StringMap({name: memoryview(values) for name, values in arrays.items()}, "m")


def reference(pairs: list[tuple[str, int]], first_per: int | None) -> dict[str, list[int]]:
    table: dict[str, list[int]] = {}
    for key, number in pairs:
        numbers = table.setdefault(key, [])
        if first_per is None or all(n >> first_per != number >> first_per for n in numbers):
            numbers.append(number)
    return table


@settings(max_examples=200, deadline=None)
@given(PAIRS, st.sampled_from([None, 24]))
def test_the_collector_packs_what_the_dictionary_does(
    pairs: list[tuple[str, int]], first_per: int | None
) -> None:
    collector = Collector()
    for key, number in pairs:
        collector.add(key, number)
    numbered = "m.numbered" if first_per is None else None
    arrays = collector.pack("m", first_per=first_per, numbered=numbered)
    packed = mapped(arrays)
    expected = reference(pairs, first_per)
    if numbered is not None:  # each pair's key number, in the order the pairs came
        assert list(arrays[numbered]) == [list(expected).index(key) for key, _ in pairs]
    twin = mapped(pack_map(expected.items(), "m"))
    assert len(packed) == len(twin) == len(expected)
    assert list(packed) == list(expected)  # keys numbered in the order first seen
    for key, numbers in expected.items():
        assert list(packed.get(key)) == numbers == list(twin.get(key))
    for missing in ("zz", "щщщщщщщ"):
        assert packed.get(missing) == () or missing in expected


def test_keys_whose_hashes_collide_are_split_apart() -> None:
    keys = [b"ab", b"cd", b"ab", b"cd", b"ef"]
    blob = np.frombuffer(b"".join(keys), dtype=np.uint8)
    ends = np.cumsum([len(k) for k in keys]).astype(np.uint64)
    starts = np.concatenate(([0], ends[:-1])).astype(np.uint64)
    order = np.arange(5, dtype=np.int64)
    group = np.array([0, 0, 0, 0, 1], dtype=np.int64)  # as if ab and cd hashed alike
    split = _split_collisions(group, order, blob, starts, ends)
    assert [keys[i] for i in order] == [b"ab", b"ab", b"cd", b"cd", b"ef"]
    assert split.tolist() == [0, 0, 1, 1, 2]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=5), max_size=40), st.integers(1, 5))
def test_keys_are_gathered_alike_in_chunks(keys: list[bytes], chunk: int) -> None:
    blob = np.frombuffer(b"".join(keys) or b"", dtype=np.uint8)
    lengths = np.array([len(k) for k in keys], dtype=np.int64)
    starts = (np.cumsum(lengths) - lengths).astype(np.uint64)
    picked = list(range(0, len(keys), 2))  # every other key, laid end to end
    offsets = np.zeros(len(picked) + 1, dtype=np.uint64)
    np.cumsum(lengths[picked], out=offsets[1:])
    out = _gathered(blob, starts[picked], lengths[picked], offsets, chunk=chunk)
    assert out.tobytes() == b"".join(keys[i] for i in picked)
