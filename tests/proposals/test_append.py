"""Accepted rows are appended to the registry file, which keeps its bytes."""

from __future__ import annotations

from pathlib import Path

from namenorm import proposals as queue


def test_append_keeps_the_file_bytes(tmp_path: Path) -> None:
    registry = tmp_path / "variants.csv"
    registry.write_bytes(b'\xef\xbb\xbfid,kind,lang,name,preferred\r\nx-1,org,en,"A, B",1\r\n')
    p = queue.new_proposal("A B", entity_id="x-1", kind="org")
    added, present = queue.append_to_registry(registry, [p, p])
    assert (len(added), len(present)) == (1, 1)
    assert registry.read_bytes().endswith(b'"A, B",1\r\nx-1,org,en,A B,\r\n')
    assert registry.read_bytes().startswith(b"\xef\xbb\xbf")
