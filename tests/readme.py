"""The README and the reference documents in ``docs/``, for the tests that
check what they say."""

from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def doc(name: str) -> str:
    """The text of ``docs/<name>.md``."""
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The README text from the ``## `` heading that starts with ``heading`` to the next one."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## " + heading.removeprefix("## "))
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def run_doctests(text: str, name: str) -> doctest.TestResults:
    """Run the ``>>>`` examples of ``text`` (a document) like ``doctest.testfile``."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)
