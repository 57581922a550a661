"""``namenorm registry review``: list, accept, reject, and feed clean's unmatched values."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from namenorm.cli import cli

from .conftest import REGISTRY


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_import_list_accept_reject(tmp_path: Path) -> None:
    registry = tmp_path / "variants.csv"
    shutil.copyfile(REGISTRY, registry)
    todo = tmp_path / "todo.csv"
    todo.write_text(
        "value,count,status,candidates\nLukashenko Alexandr,5,unmatched,\nSmyth,2,unmatched,\n",
        "utf-8",
    )
    where = ("--registry", str(registry))
    assert run("registry", "review", *where, "import", str(todo)) == (
        0,
        f"{tmp_path / 'proposals.csv'}: 2 queued, 0 already there\n",
    )
    assert run("registry", "review", *where, "import", str(todo))[1].endswith(
        ": 0 queued, 2 already there\n"
    )
    code, listing = run("registry", "review", *where)
    assert code == 0
    lines = listing.splitlines()
    assert lines[0] == f"{tmp_path / 'proposals.csv'}: 2 proposals"
    assert "'Lukashenko Alexandr' -> (no entity yet)  [clean:todo.csv, " in lines[1]
    assert lines[2] == "    unmatched 5 times"
    first, second = lines[1].split()[0], lines[3].split()[0]

    code, out = run("registry", "review", *where, "accept", first)
    assert code == 2 and "has no entity; expected an id and kind" in out
    code, out = run(
        "registry",
        "review",
        *where,
        "accept",
        first,
        "--id",
        "lukashenka-alaksandr",
        "--kind",
        "person",
    )
    assert (code, out.splitlines()[0]) == (
        0,
        f"{registry}: added lukashenka-alaksandr,person,en,Lukashenko Alexandr",
    )
    assert registry.read_text(encoding="utf-8").endswith(
        "lukashenka-alaksandr,person,en,Lukashenko Alexandr,\n"
    )
    assert run("registry", "review", *where, "reject", second) == (
        0,
        f"rejected {second} 'Smyth'\n",
    )
    assert run("registry", "review", *where) == (0, f"{tmp_path / 'proposals.csv'}: 0 proposals\n")


def test_unknown_proposal_is_an_error(tmp_path: Path) -> None:
    registry = tmp_path / "variants.csv"
    shutil.copyfile(REGISTRY, registry)
    code, out = run("registry", "review", "--registry", str(registry), "reject", "abcdefabcdef")
    assert code == 1 and "no proposal 'abcdefabcdef'" in out
