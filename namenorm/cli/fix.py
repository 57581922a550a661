"""``namenorm fix``: bring the names in text files to house style (``namenorm.copy``).

By default prints a unified diff of the changes; ``--check`` lists them and
exits 1 if there are any (for CI and pre-commit hooks); ``--in-place``
rewrites the files atomically. Files keep their encoding, BOM and line
endings; only the names change. The format (plain text, Markdown, HTML) is
picked from each file's extension unless ``--format`` says otherwise.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import click

from ..csvio import Encoding, atomic_binary, detect_encoding, given_encoding
from ..errors import UnknownLanguageError
from .options import library_errors, load_registry, registry_option, stdin_bytes, stdout_bytes

__all__ = ["fix", "format_of"]

#: File extensions and the format they are read in (anything else is plain text).
EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_of(path: str, given: str | None) -> str:
    """The format to read ``path`` in: ``given``, else by extension, else ``text``."""
    if given:
        return given
    return EXTENSIONS.get(Path(path).suffix.lower(), "text")


@dataclass
class _Document:
    name: str
    text: str
    encoding: Encoding


def _read(path: str, encoding: str | None) -> _Document:
    if path == "-":
        data = stdin_bytes().read()
        name = "<stdin>"
    else:
        data = Path(path).read_bytes()
        name = path
    found = given_encoding(encoding, data) if encoding else detect_encoding(data)
    try:
        text = data[len(found.bom) :].decode(found.codec)
    except UnicodeDecodeError as exc:
        raise click.ClickException(
            f"cannot read {name} as {found.codec}: bytes {exc.object[exc.start : exc.start + 4]!r} "
            "do not decode; pass --encoding"
        ) from exc
    return _Document(name, text, found)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@click.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True)
)
@click.option(
    "--lang",
    default="en",
    show_default=True,
    help="Language the copy is written in: en, be, ru, pl, ...",
)
@click.option(
    "--diff",
    "mode",
    flag_value="diff",
    default=True,
    help="Print a unified diff of the changes (default).",
)
@click.option(
    "--check", "mode", flag_value="check", help="List the changes; exit 1 if there are any."
)
@click.option(
    "--in-place",
    "mode",
    flag_value="in-place",
    help="Rewrite the files (- writes the fixed text to standard output).",
)
@click.option(
    "--format",
    "text_format",
    type=click.Choice(["text", "markdown", "html"]),
    help="Format of the files (default: by extension: .md Markdown, .html HTML, else text).",
)
@click.option(
    "--quotes",
    type=click.Choice(["keep", "fix"]),
    default="keep",
    show_default=True,
    help="Leave text in quotation marks and block quotes as written, or fix it too.",
)
@click.option("--encoding", metavar="NAME", help="Encoding of the files (default: detected).")
@registry_option
def fix(
    files: tuple[str, ...],
    lang: str,
    mode: str,
    text_format: str | None,
    quotes: str,
    encoding: str | None,
    registry_path: Path | None,
) -> None:
    """Bring every registry name in text FILES to house style.

    Only names in prose change: titles, possessives, capitals, code, link
    targets, URLs, quotations and every other byte stay as they are.
    Ambiguous mentions are left alone.

    \b
    Examples:
      namenorm fix article.txt                # show the diff
      namenorm fix --check drafts/*.md        # exit 1 if a name is off-style
      namenorm fix --in-place article.txt
      namenorm fix --quotes fix post.md       # Markdown, quotations too
      namenorm fix --lang ru --in-place - < статья.txt > fixed.txt
    """
    from ..copy import normalize_text

    registry = load_registry(registry_path)
    changed = 0
    for path in files:
        with library_errors():
            document = _read(path, encoding)
        try:
            result = normalize_text(
                document.text,
                lang,
                registry,
                format=format_of(path, text_format),
                quotes=quotes,
            )
        except UnknownLanguageError as exc:
            raise click.BadParameter(str(exc), param_hint="--lang") from exc
        if result.text != document.text:
            changed += 1
        if mode == "diff":
            diff = difflib.unified_diff(
                document.text.splitlines(keepends=True),
                result.text.splitlines(keepends=True),
                fromfile=f"a/{document.name}",
                tofile=f"b/{document.name}",
            )
            for line in diff:
                click.echo(
                    line if line.endswith("\n") else line + "\n\\ No newline at end of file\n",
                    nl=False,
                )
        elif mode == "check":
            for edit in result.edits:
                row, column = _position(document.text, edit.start)
                click.echo(
                    f"{document.name}:{row}:{column}: {edit.original!r} -> "
                    f"{edit.replacement!r} ({edit.id}, {edit.score:.1f})"
                )
        elif path == "-":
            stdout_bytes().write(
                document.encoding.bom + result.text.encode(document.encoding.codec)
            )
        elif result.text != document.text:
            with library_errors(), atomic_binary(path) as out:
                out.write(document.encoding.bom + result.text.encode(document.encoding.codec))
            click.echo(f"fixed {document.name}: {len(result.edits)} names", err=True)
    if mode == "check" and changed:
        noun = "file" if changed == 1 else "files"
        click.echo(f"{changed} {noun} would change", err=True)
        raise SystemExit(1)
