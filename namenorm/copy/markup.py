"""Which characters of a document are prose: markup-aware masking before scanning.

:func:`layout` parses a document (``text``, ``markdown`` or ``html``) with a
real parser and returns a :class:`Layout`: the text with every character
that is not prose replaced by :data:`MASK` (offsets stay those of the input),
the spans of block quotes (scanned, not rewritten unless quotations are
fixed), of HTML elements kept as written (``lang`` naming another language
than the copy's, ``<cite>``) and of headings.

Never prose: front matter, code (spans, blocks, ``<code>``, ``<pre>``...),
link and image destinations, reference labels, HTML tags and attributes
other than ``alt`` and ``title``, entities, comments, URLs and e-mail
addresses (``linkify-it-py``), @handles, #hashtags, and passages switched off
(:data:`OFF`/:data:`ON`). A link or image title is prose in Markdown as in
HTML. Markdown is parsed by ``markdown-it-py``, HTML by ``html.parser``. A
space reference between runs of prose (``&nbsp;``) reads as spaces, so a
name across it is one name; edits keep the reference as written.

Left out: quotation marks in running text (``namenorm.copy.rules``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from ..errors import InvalidInputError

if TYPE_CHECKING:
    from linkify_it import LinkifyIt
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["FORMATS", "MASK", "OFF", "ON", "Layout", "layout"]

#: Input formats copy normalization reads.
FORMATS: tuple[str, ...] = ("text", "markdown", "html")
#: What a character that is not prose becomes in :attr:`Layout.masked`.
MASK = "\ufffc"
#: Ignore markers: a passage between them is left alone (the comment form in every
#: format; the bracket form in plain text).
OFF = "<!-- namenorm: off -->"
ON = "<!-- namenorm: on -->"
_MARKER = re.compile(
    r"<!--\s*namenorm:\s*(off|on)\s*-->|\[\s*namenorm:\s*(off|on)\s*\]", re.IGNORECASE
)
_HANDLE = re.compile(r"(?<![\w@#/.])[@#][^\W_][\w.\-]*\w|(?<![\w@#/.])[@#][^\W_]")
#: HTML elements whose content is never prose, and those that quote.
_CODE_ELEMENTS = frozenset(
    "script style code pre kbd samp var textarea template svg math noscript".split()
)
_QUOTE_ELEMENTS = frozenset(["blockquote", "q"])
_HEADING_ELEMENTS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: Elements whose ``lang`` is the document's, which the copy's language overrides.
_DOCUMENT_ELEMENTS = frozenset(["html", "body"])
_PROSE_ATTRIBUTES = re.compile(
    r"""\s(?:alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE
)


_Span = tuple[int, int]


@dataclass(frozen=True)
class Layout:
    """A document as the scanner sees it."""

    #: the input with every non-prose character replaced by :data:`MASK`
    masked: str
    #: spans of block quotes (scanned, not rewritten unless quotations are fixed)
    quoted: tuple[_Span, ...]
    #: spans never rewritten: HTML elements in another language than the copy's
    #: (``lang``) and titles of works (``<cite>``)
    kept: tuple[_Span, ...] = ()
    #: spans of headings (Markdown ``#`` and setext headings, HTML ``h1``-``h6``)
    headings: tuple[_Span, ...] = ()


def layout(text: str, format: str = "text", *, lang: str | None = None) -> Layout:
    """Parse ``text`` as ``format`` and mask what is not prose (see the module docstring).

    ``lang`` is the copy's language: an HTML element whose ``lang`` attribute
    names another one is kept as written (``None``: none is).
    """
    if format not in FORMATS:
        raise InvalidInputError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    chars = list(text)
    quoted: list[_Span] = []
    kept: list[_Span] = []
    headings: list[_Span] = []
    if format == "markdown":
        _markdown(text, chars, quoted, headings)
    elif format == "html":
        _html(text, chars, quoted, kept, headings, lang)
    _markers(text, chars, bracket=format == "text")
    for start, end in _links(text):
        _mask(chars, start, end)
    for found in _HANDLE.finditer(text):
        _mask(chars, found.start(), found.end())
    if format != "text":
        _spaces(text, chars)
    return Layout("".join(chars), tuple(quoted), tuple(kept), tuple(headings))


#: Character references to a space (no-break, en, em, thin, figure, ...).
SPACE_REFERENCE = re.compile(
    r"&(?:nbsp|ensp|emsp|thinsp|numsp|#160|#x0*a0|#819[2-9]|#820[0-2]|#x200[0-9a]);",
    re.IGNORECASE,
)


def _spaces(text: str, chars: list[str]) -> None:
    """A character reference to a space between two runs of prose reads as spaces, so
    the words around it are one name ("Svetlana&nbsp;Tikhanovskaya"); the reference
    itself is never edited (an edit keeps what lies between a name's words)."""
    for found in SPACE_REFERENCE.finditer(text):
        start, end = found.span()
        if start > 0 and end < len(chars) and MASK not in (chars[start - 1], chars[end]):
            chars[start:end] = [" "] * (end - start)


def _mask(chars: list[str], start: int, end: int) -> None:
    for position in range(max(start, 0), min(end, len(chars))):
        if chars[position] not in "\n\r":
            chars[position] = MASK


# -- links, e-mail addresses, markers -------------------------------------------------
@cache
def _linkifier() -> LinkifyIt:
    from linkify_it import LinkifyIt

    return LinkifyIt()


#: What may make a link: a scheme, an e-mail @, or a dot before a lowercase
#: top-level-domain-like word (linkify-it then decides on the run around it).
_MAY_LINK = re.compile(r"://|@|[\w-]\.[a-z]{2,}|www\.", re.IGNORECASE)
_RUN_END = re.compile(r"\S*")
_RUN_TAIL = re.compile(r"\S*\Z")


def _links(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses (linkify-it, with fuzzy links and e-mail),
    looked for in the runs of non-space characters that may hold one (a link holds
    no space), each read with the character before and after it."""
    spans: list[tuple[int, int]] = []
    linkify = _linkifier()
    end = 0
    for hint in _MAY_LINK.finditer(text):
        if hint.start() < end:
            continue  # in the run just read
        start = _run_start(text, hint.start())
        end = _RUN_END.match(text, hint.end()).end()  # type: ignore[union-attr]
        offset = max(start - 1, 0)
        chunk = text[offset : end + 1]
        spans.extend((offset + m.index, offset + m.last_index) for m in linkify.match(chunk) or [])
    return spans


def _run_start(text: str, position: int) -> int:
    """Where the run of non-space characters that holds ``position`` starts."""
    window = 64
    while True:
        low = max(position - window, 0)
        found = _RUN_TAIL.search(text, low, position)
        if found is None:  # pragma: no cover - \S*\Z always matches
            return position
        if found.start() > low or low == 0:
            return found.start()
        window *= 4


def _markers(text: str, chars: list[str], *, bracket: bool) -> None:
    """Mask the markers and every passage between an off marker and the next on one."""
    off: int | None = None
    for found in _MARKER.finditer(text):
        state = (found.group(1) or found.group(2) or "").lower()
        if found.group(2) and not bracket:
            continue
        _mask(chars, found.start(), found.end())
        if state == "off" and off is None:
            off = found.end()
        elif state == "on" and off is not None:
            _mask(chars, off, found.start())
            off = None
    if off is not None:
        _mask(chars, off, len(chars))


# -- Markdown ---------------------------------------------------------------------------
@cache
def _markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (
        MarkdownIt("commonmark", {"linkify": True})
        .enable(["linkify", "table", "strikethrough"])
        .use(front_matter_plugin)
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _markdown(text: str, chars: list[str], quoted: list[_Span], headings: list[_Span]) -> None:
    """Mask all but the inline content of Markdown blocks, and inline non-prose."""
    starts = _line_starts(text)

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    prose = bytearray(len(text))  # 1 where inline content is
    covered = bytearray(len(starts) + 1)  # 1 on the lines of a block
    depth = 0
    heading = False
    for token in _markdown_parser().parse(text):
        if token.map:
            covered[token.map[0] : token.map[1]] = b"\x01" * (token.map[1] - token.map[0])
        if token.type == "blockquote_open":
            depth += 1
            if depth == 1 and token.map:
                quoted.append((offset(token.map[0]), offset(token.map[1])))
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "heading_open":
            heading = True
        elif token.type == "inline" and token.map:
            start, end = offset(token.map[0]), offset(token.map[1])
            prose[start:end] = b"\x01" * (end - start)
            _inline(text, start, end, token.children or [], chars)
            if heading:
                headings.append((start, end))
            heading = False
    for position, flag in enumerate(prose):
        if not flag and chars[position] not in "\n\r":
            chars[position] = MASK
    for line, flag in enumerate(covered[: len(starts)]):
        if not flag:  # a reference definition's title is prose, as a link's is
            found = _DEFINITION.match(text, offset(line), offset(line + 1))
            group = next((g for g in ("title", "t2", "t3") if found and found.group(g)), None)
            if found is not None and group is not None:
                _unmask(text, chars, found.start(group), found.end(group))


#: A reference definition on one line, and its title (``[label]: <url> "title"``).
_DEFINITION = re.compile(
    r""" {0,3}\[[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|\S+)[ \t]+"""
    r"""(?:"(?P<title>[^"\n]*)"|'(?P<t2>[^'\n]*)'|\((?P<t3>[^()\n]*)\))[ \t]*$""",
    re.MULTILINE,
)


def _unmask(text: str, chars: list[str], start: int, end: int) -> None:
    chars[start:end] = text[start:end]


def _inline(text: str, start: int, end: int, children: list[Token], chars: list[str]) -> None:
    """Mask code, raw HTML, link and image targets and autolinks inside one block."""
    cursor = start
    auto = False
    for child in children:
        kind = child.type
        if kind == "text":
            found = text.find(child.content, cursor, end) if child.content else -1
            if found >= 0:
                if auto:
                    _mask(chars, found, found + len(child.content))
                cursor = found + len(child.content)
        elif kind == "code_inline":
            opening = text.find(child.markup, cursor, end)
            if opening >= 0:
                closing = text.find(child.markup, opening + len(child.markup), end)
                stop = end if closing < 0 else closing + len(child.markup)
                _mask(chars, opening, stop)
                cursor = stop
        elif kind == "html_inline":
            found = text.find(child.content, cursor, end)
            if found >= 0:
                _mask(chars, found, found + len(child.content))
                cursor = found + len(child.content)
        elif kind == "link_open":
            auto = child.markup in ("autolink", "linkify")
            if child.markup == "autolink":
                found = text.find("<", cursor, end)
                if found >= 0:
                    closing = text.find(">", found, end)
                    _mask(chars, found, end if closing < 0 else closing + 1)
                    cursor = end if closing < 0 else closing + 1
        elif kind == "link_close":
            if not auto:
                cursor = _target(text, cursor, end, chars)
            auto = False
        elif kind == "image":
            opening = text.find("![", cursor, end)
            if opening >= 0:
                closing = _closing_bracket(text, opening + 2, end)
                cursor = _target(text, closing, end, chars)


def _closing_bracket(text: str, position: int, end: int) -> int:
    """The position of the ``]`` that closes a bracket opened before ``position``."""
    level = 1
    while position < end:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            level += 1
        elif char == "]":
            level -= 1
            if not level:
                return position
        position += 1
    return end


#: Inside ``( ... )`` after a link text: the destination, then a title in "", '' or ().
_TITLE = re.compile(
    r"""\s*(?:<(?:[^<>\n\\]|\\.)*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)\s+"""
    r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))\s*\Z""",
    re.DOTALL,
)


def _target(text: str, cursor: int, end: int, chars: list[str]) -> int:
    """Mask the ``(destination "title")`` or ``[label]`` after a link text's ``]``; the
    title stays prose."""
    bracket = text.find("]", cursor, end)
    if bracket < 0:
        return cursor
    after = bracket + 1
    if after < end and text[after] == "(":
        level, position = 0, after
        while position < end:
            char = text[position]
            if char == "\\":
                position += 2
                continue
            if char == "(":
                level += 1
            elif char == ")":
                level -= 1
                if not level:
                    break
            position += 1
        _mask(chars, after, position + 1)
        title = _TITLE.match(text, after + 1, position)
        if title is not None:  # the title is prose (it becomes an HTML title attribute)
            _unmask(text, chars, title.start(1) + 1, title.end(1) - 1)
        return position + 1
    if after < end and text[after] == "[":
        closing = text.find("]", after, end)
        stop = end if closing < 0 else closing + 1
        _mask(chars, after, stop)
        return stop
    return after


# -- HTML ----------------------------------------------------------------------------
class _Prose(HTMLParser):
    """Collects the source spans of prose: text outside code, and alt/title values."""

    def __init__(self, text: str, lang: str | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.lang = lang
        self.starts = _line_starts(text)
        self.spans: list[_Span] = []
        self.quotes: list[_Span] = []
        self.kept: list[_Span] = []
        self.headings: list[_Span] = []
        self.code = 0
        self.quoting: list[int] = []
        #: open elements that are kept (another language, a title of a work) or headings
        self.open: list[tuple[str, int, str]] = []

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.source_offset()
        raw = self.get_starttag_text() or ""
        if not self.code:
            for found in _PROSE_ATTRIBUTES.finditer(raw):
                group = next(g for g in (1, 2, 3) if found.group(g) is not None)
                self.spans.append((start + found.start(group), start + found.end(group)))
        if tag in _CODE_ELEMENTS and not raw.endswith("/>"):
            self.code += 1
        elif tag in _QUOTE_ELEMENTS:
            self.quoting.append(start)
        if not raw.endswith("/>"):
            role = self._role(tag, attrs)
            if role:
                self.open.append((tag, start + len(raw), role))

    def _role(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        """``kept`` for an element in another language than the copy's or a ``<cite>``,
        ``heading`` for ``h1``-``h6``, else empty."""
        if tag in _HEADING_ELEMENTS:
            return "heading"
        if tag == "cite":
            return "kept"
        written = next((v for k, v in attrs if k == "lang" and v), None)
        if self.lang is None or written is None or tag in _DOCUMENT_ELEMENTS:
            return ""
        primary = written.strip().lower().replace("_", "-").split("-")[0]
        return "kept" if primary and primary != self.lang else ""

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            _, start, role = self.open.pop()
            (self.kept if role == "kept" else self.headings).append((start, self.source_offset()))
        if tag in _CODE_ELEMENTS and self.code:
            self.code -= 1
        elif tag in _QUOTE_ELEMENTS and self.quoting:
            opened = self.quoting.pop()
            if not self.quoting:
                closing = self.text.find(">", self.source_offset())
                self.quotes.append((opened, len(self.text) if closing < 0 else closing + 1))

    def handle_data(self, data: str) -> None:
        if not self.code:
            start = self.source_offset()
            self.spans.append((start, start + len(data)))


def _html(
    text: str,
    chars: list[str],
    quoted: list[_Span],
    kept: list[_Span],
    headings: list[_Span],
    lang: str | None,
) -> None:
    parser = _Prose(text, lang)
    parser.feed(text)
    parser.close()
    kept.extend(sorted(parser.kept))
    headings.extend(sorted(parser.headings))
    prose = bytearray(len(text))
    for start, end in parser.spans:
        if text[start:end]:
            prose[start:end] = b"\x01" * (end - start)
    for position, flag in enumerate(prose):
        if not flag and chars[position] not in "\n\r":
            chars[position] = MASK
    quoted.extend(parser.quotes)
