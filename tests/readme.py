"""Sections of README.md, for the tests that check what the README says."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def section(heading: str) -> str:
    """The README text from the ``## `` heading that starts with ``heading`` to the next one."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## " + heading.removeprefix("## "))
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def run_doctests(text: str, name: str) -> doctest.TestResults:
    """Run the ``>>>`` examples of ``text`` (a README section) like ``doctest.testfile``."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, name, str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)
