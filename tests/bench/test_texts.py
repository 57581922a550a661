"""The copy test set ``bench/texts/copy/`` and the registries its labels were written for.

Each text names the commit whose ``data/variants.csv`` its expected output was
written against; the IDs of that file are frozen beside the set, so
``bench/text_accuracy.py`` can read each text against the entities its
labeller knew. These tests check the bookkeeping (not the copy code): the
frozen IDs are the commit's, and a change naming an entity added since is
counted apart in the current-registry reading and never made in the
labelled one.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bench.text_accuracy import Text, ids_at, labelled_ids, load, score

ROOT = Path(__file__).resolve().parents[2]
SALIHORSK_LABELLED_AT = "ac67379c53bb6f9767ccda42ecc67f98638e9ba1"  # 69 IDs, no Salihorsk


def _has_history(commit: str) -> bool:
    if shutil.which("git") is None:
        return False
    found = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True
    )
    return found.returncode == 0


def test_every_text_names_its_labelling_commit() -> None:
    commits = {item.registry for item in load()}
    assert commits
    for commit in commits:
        assert labelled_ids(commit), commit


@pytest.mark.parametrize("commit", sorted({item.registry for item in load()}))
def test_frozen_ids_are_those_of_the_commit(commit: str) -> None:
    if not _has_history(commit):
        pytest.skip(f"no git history with {commit[:7]} here")
    assert labelled_ids(commit) == ids_at(commit)


def test_an_entity_added_since_the_labels_is_counted_apart() -> None:
    assert "salihorsk" not in labelled_ids(SALIHORSK_LABELLED_AT)
    text = "Strikes in Soligorsk and Grodno.\n"
    item = Text(
        "unit.txt", "dev", "en", "text", text, text.replace("Grodno", "Hrodna"),
        SALIHORSK_LABELLED_AT,
    )  # fmt: skip
    labelled = score(item, "labelled")
    assert (labelled.made, labelled.correct, labelled.new, labelled.outside) == (1, 1, 0, 0)
    current = score(item, "current")
    assert (current.made, current.correct, current.new, current.outside) == (2, 1, 1, 1)
    assert (current.precision, current.precision_old, current.outside_old) == (0.5, 1.0, 0)
