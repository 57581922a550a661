"""The review queue: proposals appended atomically beside the registry, and
accepted into it only through the registry's own validation."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from namenorm import Registry
from namenorm import proposals as queue
from namenorm.errors import NotFoundError, RegistryError
from namenorm.proposals import queue as queue_file
from tests.conftest import FIXTURES

SMALL = FIXTURES / "registry" / "small.csv"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    registry = tmp_path / "variants.csv"
    shutil.copyfile(SMALL, registry)
    return registry, queue.queue_path(registry)


def test_the_queue_lives_beside_the_registry(tmp_path: Path) -> None:
    assert (
        queue.queue_path(tmp_path / "data" / "variants.csv") == tmp_path / "data" / "proposals.csv"
    )


def test_submit_appends_and_keeps_one_of_each_spelling(files: tuple[Path, Path]) -> None:
    _, path = files
    first = queue.new_proposal("Ihar Losik", entity_id="losik-ihar", kind="person", preferred=True)
    again = queue.new_proposal("ihar  losik", entity_id="losik-ihar", kind="person")
    assert queue.submit(path, [first]) == [first]
    assert queue.submit(path, [again]) == [first]
    assert queue.read_queue(path) == [first]
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(queue.QUEUE_COLUMNS)
    assert not list(path.parent.glob("*.part"))


def test_concurrent_submissions_lose_nothing(files: tuple[Path, Path]) -> None:
    _, path = files
    made = [queue.new_proposal(f"Name Number{i}") for i in range(40)]
    threads = [threading.Thread(target=queue.submit, args=(path, [p])) for p in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(p.proposal for p in queue.read_queue(path)) == sorted(p.proposal for p in made)


def test_a_full_queue_refuses_more(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, path = files
    monkeypatch.setattr(queue_file, "MAX_QUEUE", 1)
    queue.submit(path, [queue.new_proposal("One Name")])
    with pytest.raises(queue.QueueFullError, match="holds 1 proposals"):
        queue.submit(path, [queue.new_proposal("Two Name")])
    assert len(queue.read_queue(path)) == 1


def test_accept_appends_to_the_registry_and_empties_the_queue(files: tuple[Path, Path]) -> None:
    registry, path = files
    before = registry.read_bytes()
    p = queue.new_proposal("Ihar Losik", entity_id="losik-ihar", kind="person", preferred=True)
    v = queue.new_proposal("Babarika", entity_id="babaryka-viktar", kind="person")
    queue.submit(path, [p, v])
    done = queue.accept(path, registry, [p.proposal, v.proposal])
    assert [a.proposal for a in done.added] == [p.proposal, v.proposal]
    assert registry.read_bytes() == before + (
        b"losik-ihar,person,en,Ihar Losik,1\nbabaryka-viktar,person,en,Babarika,\n"
    )
    assert queue.read_queue(path) == []
    assert Registry.from_csv(registry).resolve("Ihar Losik").id == "losik-ihar"  # type: ignore[union-attr]


def test_accept_validates_and_writes_nothing_on_a_problem(files: tuple[Path, Path]) -> None:
    registry, path = files
    before = registry.read_bytes()
    cyrillic_only = queue.new_proposal("Ігар Лосік", entity_id="losik-ihar", kind="person")
    queue.submit(path, [cyrillic_only])
    with pytest.raises(RegistryError) as caught:
        queue.accept(path, registry, [cyrillic_only.proposal])
    assert [p.field for p in caught.value.problems] == ["preferred"]
    assert "'losik-ihar' has no preferred en name" in str(caught.value)
    assert registry.read_bytes() == before
    assert queue.read_queue(path) == [cyrillic_only]


def test_unassigned_proposals_need_an_entity(files: tuple[Path, Path], tmp_path: Path) -> None:
    registry, path = files
    unmatched = tmp_path / "todo.csv"
    unmatched.write_text(
        "value,count,status,candidates\nHrodno,4,unmatched,\nBabariko,2,ambiguous,a b\n", "utf-8"
    )
    made = queue.from_unmatched(unmatched)
    assert [(p.name, p.id, p.context, p.source) for p in made] == [
        ("Hrodno", "", "unmatched 4 times", "clean:todo.csv"),
        ("Babariko", "", "ambiguous 2 times; candidates a b", "clean:todo.csv"),
    ]
    queue.submit(path, made)
    with pytest.raises(queue.ProposalError, match="has no entity"):
        queue.accept(path, registry, [made[0].proposal])
    done = queue.accept(
        path,
        registry,
        [made[0].proposal],
        assign={made[0].proposal: {"id": "hrodna", "kind": "place"}},
    )
    assert [(a.id, a.kind, a.lang, a.name) for a in done.added] == [
        ("hrodna", "place", "en", "Hrodno")
    ]
    assert [p.name for p in queue.read_queue(path)] == ["Babariko"]


def test_reject_and_unknown_ids(files: tuple[Path, Path]) -> None:
    _, path = files
    p = queue.new_proposal("Some Name")
    queue.submit(path, [p])
    with pytest.raises(NotFoundError, match="no proposal 'ffffffffffff'"):
        queue.reject(path, ["ffffffffffff"])
    assert queue.reject(path, [p.proposal]) == [p]
    assert queue.read_queue(path) == []


def test_a_broken_queue_file_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "proposals.csv"
    path.write_text(",".join(queue.QUEUE_COLUMNS) + "\nnot-an-id,,,,X,,,,\n", "utf-8")
    with pytest.raises(queue.QueueError, match=r"proposals.csv:2: proposal: bad proposal ID"):
        queue.read_queue(path)
    path.write_text("id,name\n", "utf-8")
    with pytest.raises(queue.QueueError, match=r"proposals.csv:1: \(header\): missing column"):
        queue.read_queue(path)
