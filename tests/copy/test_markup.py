"""Markup-aware scanning: what is prose in text, Markdown and HTML, and a property test
that normalization keeps the structure of any Markdown or HTML document."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from namenorm import Registry
from namenorm.copy import MASK, InvalidInputError, layout, normalize_text

pytestmark = pytest.mark.filterwarnings("ignore")


def prose(text: str, format: str) -> str:
    return layout(text, format).masked.replace(MASK, "~")


def test_link_and_image_titles_are_prose_in_markdown_as_in_html(shipped: Registry) -> None:
    text = (
        '![Kolesnikova](/img/kolesnikova.jpg "Maria Kolesnikova, 13 December") '
        "[x](<https://x.org/kolesnikova a> 'Kolesnikova (x)') [y](/a_(b) (Kolesnikova))\n\n"
        '[ref]: https://x.org/kolesnikova "Kolesnikova on the border"\n'
    )
    masked = prose(text, "markdown")
    assert "kolesnikova" not in masked  # every destination is masked
    assert masked.count("Kolesnikova") == 5
    assert '"Maria Kolesnikova, 13 December"' not in masked  # the quotes are not prose
    assert normalize_text(text, format="markdown").text == text.replace(
        "Kolesnikova", "Kalesnikava"
    )
    html = '<img src="/k.jpg" alt="Kolesnikova" title="Maria Kolesnikova">'
    assert normalize_text(html, format="html").text == html.replace("Kolesnikova", "Kalesnikava")


def test_html_in_another_language_and_titles_of_works_are_kept(shipped: Registry) -> None:
    text = (
        '<p lang="en">Lukashenko: <i lang="de">Lukaschenko lässt Tichanowski frei</i>, '
        '<span lang="en-GB">Lukashenko</span>, <cite>Lukashenko, a Biography</cite>.</p>'
    )
    found = layout(text, "html", lang="en")
    assert [text[a:b] for a, b in found.kept] == [
        "Lukaschenko lässt Tichanowski frei",
        "Lukashenko, a Biography",
    ]
    assert normalize_text(text, format="html").text == text.replace(
        "Lukashenko: ", "Lukashenka: "
    ).replace(">Lukashenko<", ">Lukashenka<")
    # the document's own language is the copy's, whatever <html lang> says
    page = '<html lang="de"><body><p>Lukashenko</p></body></html>'
    assert normalize_text(page, format="html").text == page.replace("Lukashenko", "Lukashenka")
    assert normalize_text(text, "de", format="html").text.count("Lukaschenko") == 1


def test_headings_are_reported() -> None:
    assert layout("# One\n\ntext\n\nTwo\n---\n", "markdown").headings == ((0, 6), (13, 17))
    html = "<h1>One</h1><p>text</p><h3>Two <b>x</b></h3>"
    assert [html[a:b] for a, b in layout(html, "html").headings] == ["One", "Two <b>x</b>"]


def test_markdown_masks_code_targets_front_matter_and_handles() -> None:
    text = (
        "---\ntitle: Lukashenko\n---\n"
        "[Lukashenko](https://x.org/lukashenko) `Lukashenko` @lukashenko #lukashenko\n\n"
        "```\nLukashenko\n```\n\n[ref]: https://x.org/lukashenko\n"
    )
    masked = prose(text, "markdown")
    assert masked.count("Lukashenko") == 1
    assert masked.index("Lukashenko") == text.index("[Lukashenko]") + 1
    assert len(masked) == len(text)


@pytest.mark.parametrize("format", ["markdown", "html"])
def test_a_space_written_as_a_character_reference_is_a_space(format: str) -> None:
    text = (
        "Svetlana&nbsp;Tikhanovskaya and `a&nbsp;b`"
        if format == "markdown"
        else ("<p>Svetlana&nbsp;Tikhanovskaya and <code>a&nbsp;b</code></p>")
    )
    masked = prose(text, format)
    assert "Svetlana      Tikhanovskaya" in masked
    assert "a      b" not in masked


def test_names_around_a_non_breaking_space_reference(shipped: Registry) -> None:
    text = "<p>Svetlana&nbsp;Tikhanovskaya; Grodno&#160;Azot; in&nbsp;Grodno</p>"
    assert normalize_text(text, format="html").text == (
        "<p>Sviatlana&nbsp;Tsikhanouskaya; Grodno&#160;Azot; in&nbsp;Hrodna</p>"
    )


def test_html_keeps_text_alt_and_title_only() -> None:
    text = (
        '<p data-x="Lukashenko"><img alt="Lukashenko" src="lukashenko.jpg">'
        "<code>Lukashenko</code><script>Lukashenko</script>Lukashenko &amp;"
        '<a href="mailto:l@x.org" title="Lukashenko">l@x.org</a></p>'
    )
    masked = prose(text, "html")
    assert masked.count("Lukashenko") == 3
    assert "l@x.org" not in masked and "&amp;" not in masked


def test_plain_text_masks_urls_e_mail_handles_and_off_passages() -> None:
    text = "See https://x.org/Lukashenko, l.ukashenko@x.org, @Lukashenko. [namenorm: off]Lukashenko[namenorm: on] Lukashenko"
    assert prose(text, "text").count("Lukashenko") == 1


def test_block_quotes_are_quotations() -> None:
    text = "Lukashenko\n\n> Lukashenko said\n\nLukashenko\n"
    assert len(layout(text, "markdown").quoted) == 1


def test_unknown_format() -> None:
    with pytest.raises(InvalidInputError, match="unknown format 'pdf'"):
        layout("x", "pdf")


# -- the property: same structure, changes only inside reported edits ----------------
_WORDS = st.sampled_from(
    "Lukashenko Kolesnikova Grodno Minsk Tikhanovskaya Babariko Viktor Svetlana said in "
    "the and Azot FC @babariko #Lukashenko https://x.org/lukashenko Mr. President".split()
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)
_MD_BLOCK = st.one_of(
    _SENTENCE,
    _SENTENCE.map(lambda s: f"# {s}"),
    _SENTENCE.map(lambda s: f"> {s}"),
    _SENTENCE.map(lambda s: f"- {s}"),
    st.tuples(_SENTENCE, _SENTENCE).map(
        lambda t: f"[{t[0]}](https://x.org/{t[1].replace(' ', '-')})"
    ),
    st.tuples(_SENTENCE, _SENTENCE).map(
        lambda t: f'[{t[0]}](https://x.org/{t[1].replace(" ", "-")} "{t[1]}")'
    ),
    _SENTENCE.map(lambda s: f"![{s}](/img/{s.replace(' ', '_')}.jpg)"),
    _SENTENCE.map(lambda s: f"![{s}](/img/{s.replace(' ', '_')}.jpg '{s}')"),
    _SENTENCE.map(lambda s: f'[r]: /{s.replace(" ", "_")} "{s}"\n\n[{s}][r]'),
    _SENTENCE.map(lambda s: f"`{s}` and **{s}**"),
    _SENTENCE.map(lambda s: f"```\n{s}\n```"),
    _SENTENCE.map(lambda s: f'"{s}," she said.'),
)
_HTML_BLOCK = st.one_of(
    _SENTENCE.map(lambda s: f"<p>{s}</p>"),
    st.tuples(_SENTENCE, _SENTENCE).map(
        lambda t: f'<a href="/{t[1]}" title="{t[0]}" data-n="{t[1]}">{t[0]}</a>'
    ),
    _SENTENCE.map(lambda s: f'<img alt="{s}" src="{s}.jpg">'),
    _SENTENCE.map(lambda s: f"<code>{s}</code><pre>{s}</pre><script>{s}</script>"),
    _SENTENCE.map(lambda s: f"<blockquote>{s}</blockquote> &amp; {s}"),
    _SENTENCE.map(lambda s: f'<h2>{s}</h2><i lang="de">{s}</i><cite>{s}</cite>'),
)


def markdown_structure(text: str) -> list[tuple[object, ...]]:
    """Block types, link and image targets and code, in order."""
    shape: list[tuple[object, ...]] = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        shape.append(
            (token.type, token.content if "code" in token.type or token.type == "fence" else "")
        )
        for child in token.children or []:
            target = child.attrs.get("href") or child.attrs.get("src") or ""
            code = child.content if child.type == "code_inline" else ""
            shape.append((child.type, target, code))
    return shape


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.shape: list[tuple[object, ...]] = []
        self.code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = [(k, v) for k, v in attrs if k not in ("alt", "title")]
        self.shape.append(("start", tag, tuple(kept)))
        self.code += tag in ("code", "pre", "script")

    def handle_endtag(self, tag: str) -> None:
        self.shape.append(("end", tag))
        self.code -= tag in ("code", "pre", "script")

    def handle_data(self, data: str) -> None:
        if self.code:
            self.shape.append(("code", data))


def html_structure(text: str) -> list[tuple[object, ...]]:
    parser = _Shape()
    parser.feed(text)
    parser.close()
    return parser.shape


def changed_only_inside_edits(before: str, after: str, edits: tuple[object, ...]) -> bool:
    position = 0
    rebuilt = []
    for edit in edits:
        rebuilt.append(before[position : edit.start])  # type: ignore[attr-defined]
        rebuilt.append(edit.replacement)  # type: ignore[attr-defined]
        position = edit.end  # type: ignore[attr-defined]
    rebuilt.append(before[position:])
    return "".join(rebuilt) == after


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blocks=st.lists(_MD_BLOCK, min_size=1, max_size=5))
def test_markdown_keeps_its_structure(shipped: Registry, blocks: list[str]) -> None:
    text = "\n\n".join(blocks) + "\n"
    result = normalize_text(text, "en", shipped, format="markdown")
    assert markdown_structure(result.text) == markdown_structure(text)
    assert changed_only_inside_edits(text, result.text, result.edits)
    for edit in result.edits:
        assert not re.search(r"[\[\]()`<>]", edit.original)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blocks=st.lists(_HTML_BLOCK, min_size=1, max_size=5))
def test_html_keeps_its_structure(shipped: Registry, blocks: list[str]) -> None:
    text = "\n".join(blocks)
    result = normalize_text(text, "en", shipped, format="html")
    assert html_structure(result.text) == html_structure(text)
    assert changed_only_inside_edits(text, result.text, result.edits)
    for edit in result.edits:
        assert "<" not in edit.original and "&" not in edit.original
    kept = layout(text, "html", lang="en").kept
    assert not any(a < e.end and e.start < b for a, b in kept for e in result.edits)


def test_links_are_read_on_the_whole_run_around_them() -> None:
    """A long run (a URL with a long path before its dot) is read from its start."""
    url = "https://example.org/" + "lukashenko-" * 40 + "x.html"
    text = f"See {url} and press.gomel@example.by, not Lukashenko."
    masked = layout(text, "text").masked
    assert masked.startswith("See " + MASK * len(url) + " and " + MASK * 22 + ",")
    assert masked.endswith("not Lukashenko.")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["x", " ", "\n", ".", "@", "a.by", "://", "www.", "https://t.me/a", "e@x.org", "("]
        ),
        max_size=30,
    ).map("".join)
)
def test_links_found_run_by_run_as_line_by_line(text: str) -> None:
    from namenorm.copy.markup import _linkifier, _links

    expected = [
        (line.start() + m.index, line.start() + m.last_index)
        for line in re.finditer(r"[^\n]+", text)
        for m in _linkifier().match(line.group()) or []
    ]
    assert _links(text) == expected
