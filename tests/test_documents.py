"""Tests of the document loaders (consistency.documents)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.documents import (
    MAX_BYTES,
    document_format,
    known_locale,
    load_document,
    locale_from_path,
    normalize_locale,
    parse_blocks,
    read_text,
)
from consistency.documents.suppression import parse_directive
from consistency.errors import ConsistencyError, InputError, LocaleError
from consistency.model import Block, Document

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


# -- helpers ---------------------------------------------------------------


def assert_block_contract(text: str, blocks: tuple[Block, ...], *, references: bool = False) -> None:
    """Every block is a same-length, masked view of its span of ``text``.

    With ``references``, a character may also differ where the file has a
    character reference (``&euro;`` -> ``€`` followed by spaces).
    """
    previous_end = 0
    for index, block in enumerate(blocks):
        assert block.index == index
        assert 0 <= block.start < block.end <= len(text)
        assert len(block.text) == block.end - block.start
        assert block.start >= previous_end, "blocks overlap or are out of order"
        previous_end = block.end
        assert not block.text[0].isspace() and not block.text[-1].isspace()
        if text.startswith("\ufeff"):
            assert block.start > 0, "the byte order mark is not prose"
        for offset, char in enumerate(block.text):
            original = text[block.start + offset]
            if char == original or char == " ":
                continue
            assert references and "&" in text[max(0, block.start + offset - 40) : block.start + offset + 1], (
                f"block {index} changed {original!r} to {char!r} at {block.start + offset}"
            )


def texts(blocks: tuple[Block, ...]) -> list[str]:
    """Block texts with runs of blanks collapsed, for readable assertions."""
    return [collapse(block.text) for block in blocks]


def collapse(text: str) -> str:
    """Runs of spaces, tabs and line breaks (not no-break spaces) as one space."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def md(text: str) -> tuple[Block, ...]:
    blocks = parse_blocks(text, format="markdown")
    assert_block_contract(text, blocks, references=True)
    return blocks


def html(text: str) -> tuple[Block, ...]:
    blocks = parse_blocks(text, format="html")
    assert_block_contract(text, blocks, references=True)
    return blocks


def txt(text: str) -> tuple[Block, ...]:
    blocks = parse_blocks(text, format="text")
    assert_block_contract(text, blocks)
    return blocks


def span(text: str, block: Block) -> str:
    return text[block.start : block.end]


# -- locale_from_path ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("article.ja.md", "ja"),
        ("ja.md", "ja"),
        ("ja/article.md", "ja"),
        ("pages.ja/common/tar.md", "ja"),
        ("content/de-CH/x.md", "de-CH"),
        ("de_CH.txt", "de-CH"),
        ("zh_hant.md", "zh-Hant"),
        ("content/pt-br/post.html", "pt-BR"),
        ("article.en-GB.md", "en-GB"),
        ("/srv/site/content/fr/news/launch.md", "fr"),
        # a dotted suffix on a directory beats a file name that is a locale code
        ("pages.ja/common/ar.md", "ja"),
        ("pages.de/linux/tr.md", "de"),
        # words that are also locale codes count only when nothing better exists
        ("it/notes.md", "it"),
        ("ja/it/notes.md", "ja"),
        ("article.it.md", "it"),
        ("de/no/draft.md", "de"),
    ],
)
def test_locale_from_path(path: str, expected: str) -> None:
    assert locale_from_path(path) == expected
    assert locale_from_path(Path(path)) == expected


@pytest.mark.parametrize(
    "path",
    [
        "notes.md",
        "docs/api.md",
        "src/readme.md",  # babel would alias "src" to Sardinian
        "pages/common/tar.md",
        "README",
        "root/x.md",
        "und/x.md",
        "x.md",
    ],
)
def test_locale_from_path_none(path: str) -> None:
    assert locale_from_path(path) is None


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ja", "ja"),
        ("de_ch", "de-CH"),
        ("DE-ch", "de-CH"),
        ("zh-hant", "zh-Hant"),
        ("zh-TW", "zh-TW"),
        ("es-419", "es-419"),
    ],
)
def test_normalize_locale(tag: str, expected: str) -> None:
    assert normalize_locale(tag) == expected


@pytest.mark.parametrize("tag", ["xx", "english", "", "root", "und", "de-XX", "de_CH_1901"])
def test_normalize_locale_rejects(tag: str) -> None:
    with pytest.raises(LocaleError, match="unknown locale"):
        normalize_locale(tag)


def test_known_locale() -> None:
    assert known_locale("pt_br") == "pt-BR"
    assert known_locale("src") is None  # babel would alias it to Sardinian
    assert known_locale("notes") is None


def test_normalize_locale_suggests_current_code() -> None:
    with pytest.raises(LocaleError, match="did you mean 'he'"):
        normalize_locale("iw")


# -- read_text -------------------------------------------------------------


def test_read_text_missing(tmp_path: Path) -> None:
    path = tmp_path / "article.de.md"
    with pytest.raises(InputError, match=r"article\.de\.md: no such file$"):
        read_text(path)


def test_read_text_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_read_text_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: no 20 MB written to disk
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match=r"too large .*limit is 20 MB"):
        read_text(path)


def test_read_text_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x00\x01")
    with pytest.raises(InputError, match=r"binary file \(NUL byte at offset 6\)"):
        read_text(path)


def test_read_text_utf16(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Hallo".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        read_text(path)


def test_read_text_invalid_utf8_message(tmp_path: Path) -> None:
    path = tmp_path / "article.de.md"
    path.write_bytes(b"Preis: 12 \xff Euro")
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: not valid UTF-8 (byte 0xff at offset 10)"
    assert "\n" not in str(info.value)


def test_input_error_is_oserror_and_consistency_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(ConsistencyError):
        read_text(tmp_path / "nope.txt")


def test_read_text_keeps_bom_and_crlf_and_does_not_modify(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    data = "\ufeffZeile eins\r\nZeile zwei\r\n".encode()
    path.write_bytes(data)
    before = os.stat(path).st_mtime_ns
    text = read_text(path)
    assert text == "\ufeffZeile eins\r\nZeile zwei\r\n"
    assert path.read_bytes() == data
    assert os.stat(path).st_mtime_ns == before


# -- load_document -----------------------------------------------------------


def test_document_format() -> None:
    assert document_format("a.md") == "markdown"
    assert document_format("a.markdown") == "markdown"
    assert document_format("a.HTML") == "html"
    assert document_format("a.htm") == "html"
    assert document_format("a.txt") == "text"
    assert document_format("a.rst") == "text"


def test_load_document_markdown_fixture() -> None:
    doc = load_document(FIXTURES / "article.en.md")
    assert isinstance(doc, Document)
    assert doc.locale == "en"
    assert doc.path == str(FIXTURES / "article.en.md")
    assert doc.text == (FIXTURES / "article.en.md").read_text(encoding="utf-8")
    assert_block_contract(doc.text, doc.blocks)
    kinds = [block.kind for block in doc.blocks]
    assert kinds == [
        "heading",
        "paragraph",
        "paragraph",
        "list_item",
        "list_item",
        "paragraph",
        "table_row",
        "table_row",
        "paragraph",
    ]
    joined = " ".join(texts(doc.blocks))
    assert "title:" not in joined  # front matter
    assert "panels = 1200" not in joined  # fenced code
    assert "https" not in joined and "report-2023" not in joined and "Report 2023" not in joined
    assert "phase_2" not in joined
    assert "info@energy" not in joined and "www.example.org" not in joined
    assert texts(doc.blocks)[1].endswith("according to the city energy office .")
    assert doc.blocks[2].suppressed == frozenset({"QTY001"})
    assert all(not block.suppressed for i, block in enumerate(doc.blocks) if i != 2)


def test_load_document_html_fixture() -> None:
    doc = load_document(FIXTURES / "article.de.html")
    assert doc.locale == "de"
    assert_block_contract(doc.text, doc.blocks, references=True)
    kinds = [block.kind for block in doc.blocks]
    assert kinds == ["heading", "paragraph", "paragraph", "list_item", "list_item"]
    assert texts(doc.blocks)[0] == "Solarstrom im Hafenviertel"
    assert "2,5\xa0" in doc.blocks[1].text
    assert texts(doc.blocks)[3] == "Kosten: 3,1\xa0 Mio.\xa0 €"
    assert doc.blocks[2].suppressed == frozenset({"QTY001"})
    assert "1200" not in " ".join(texts(doc.blocks))


def test_load_document_text_fixture_with_explicit_locale() -> None:
    doc = load_document(FIXTURES / "notes.txt", locale="en_GB")
    assert doc.locale == "en-GB"
    assert texts(doc.blocks) == [
        "The storage hall holds 340 pallets.",
        "Deliveries arrive every 3 days; see for details. Write to with questions.",
    ]


def test_load_document_crlf_fixture() -> None:
    doc = load_document(FIXTURES / "crlf.de.txt")
    assert doc.locale == "de"
    assert "\r\n" in doc.text  # CRLF not normalized
    assert [block.text for block in doc.blocks] == [
        "Erste Zeile mit 12 Kisten.\r\nZweite Zeile.",
        "Dritter Absatz: 7 Paletten.",
    ]
    assert_block_contract(doc.text, doc.blocks)


def test_load_document_explicit_locale_overrides_path() -> None:
    assert load_document("article.ja.md", locale="de", text="Hallo").locale == "de"


def test_load_document_unknown_explicit_locale() -> None:
    with pytest.raises(LocaleError, match="unknown locale 'xx'"):
        load_document("article.ja.md", locale="xx", text="Hallo")


def test_load_document_without_locale_suggests_option() -> None:
    with pytest.raises(LocaleError, match=r"--locale notes\.md=TAG"):
        load_document("notes.md", text="Hallo")


def test_load_document_html_lang_fallback() -> None:
    doc = load_document("page.html", text='<html lang="pt-br"><body><p>Olá</p></body></html>')
    assert doc.locale == "pt-BR"


def test_load_document_reads_errors_as_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_document(tmp_path / "article.de.md")


def test_import_is_light() -> None:
    code = "import sys, consistency.documents; print('markdown_it' in sys.modules, 'babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert result.stdout.split() == ["False", "False"]


# -- text loader -------------------------------------------------------------


def test_text_paragraphs_and_whitespace_lines() -> None:
    text = "  First line\nstill first.  \n \t\n\n\u3000\nSecond.\n\n"
    blocks = txt(text)
    assert [block.text for block in blocks] == ["First line\nstill first.", "Second."]
    assert blocks[0].start == 2
    assert all(block.kind == "paragraph" for block in blocks)


def test_text_crlf_offsets() -> None:
    text = "Alpha 1.\r\n\r\nBeta 2.\r\nGamma 3.\r\n"
    blocks = txt(text)
    assert [span(text, block) for block in blocks] == ["Alpha 1.", "Beta 2.\r\nGamma 3."]
    assert blocks[1].start == text.index("Beta")


def test_text_bom_not_in_block_but_counted() -> None:
    text = "\ufeffErster Satz."
    (block,) = txt(text)
    assert block.start == 1 and block.text == "Erster Satz."


def test_text_empty_and_blank() -> None:
    assert txt("") == ()
    assert txt("\n \r\n\t") == ()
    assert txt("\ufeff") == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("see https://example.org/a_(b) now", "see now"),
        ("see (https://example.org/x). Then", "see ( ). Then"),
        ("www.example.org/p?q=1 has 3 items", "has 3 items"),
        ("mail team.lead+x@example.co.uk today", "mail today"),
        ("Hello {name}, you have %d new and %(count)s old and %1$s", "Hello , you have new and old and"),
        ("Host {{host}} at ${port}", "Host at"),
        ("100%ige Tochter, 50 % der Stimmen, 10%-Punkte", "100%ige Tochter, 50 % der Stimmen, 10%-Punkte"),
        ("5 {0} 6", "5 6"),
        ("%ld rows, {% if x %}7{% endif %} and {{< ref 8 >}}", "rows, 7 and"),
        ("Heading 9 {#sec-9 .wide}", "Heading 9"),
    ],
)
def test_text_masks_non_prose(source: str, expected: str) -> None:
    assert texts(txt(source)) == [expected]


# -- markdown loader -----------------------------------------------------------


def test_markdown_code_spans_are_masked() -> None:
    text = "Run `ls -l 42` then ``a ` b 7`` and 3 more"
    (block,) = md(text)
    assert texts((block,)) == ["Run then and 3 more"]
    assert block.text.index("3 more") == text.index("3 more") - block.start


def test_markdown_code_only_paragraph_has_no_block() -> None:
    assert texts(md("- List files:\n\n`ls {{path}}`\n")) == ["List files:"]


def test_markdown_link_targets_masked_text_kept() -> None:
    text = 'See [the 2023 report](https://x.example/r?id=9 "Title 5") and ![a chart of 4 bars](img/c.png).'
    (block,) = md(text)
    assert texts((block,)) == ["See the 2023 report and a chart of 4 bars ."]
    start = text.index("the 2023 report")
    assert block.text[start - block.start : start - block.start + 15] == "the 2023 report"


def test_markdown_reference_links_autolinks_and_footnotes() -> None:
    text = (
        "A [b 1][ref] c <https://d.example/7> e <f@g.example> h[^8] i [2] j [k].\n\n"
        "[ref]: https://z.example/3\n"
    )
    assert texts(md(text)) == ["A b 1 c e h i j k ."]


def test_markdown_bracketed_number_that_is_a_link_keeps_its_text() -> None:
    assert texts(md("See [12](https://x.example/12) and note[3].")) == ["See 12 and note ."]


def test_markdown_nested_image_in_link() -> None:
    assert texts(md("[![logo 5](l.png)](https://x.example)")) == ["logo 5"]


def test_markdown_emphasis_escapes_and_inline_html() -> None:
    text = "**Bold** _it_ ~~old 3~~ \\*lit\\* <span class=\"n\">9</span> a &amp; b&nbsp;c"
    (block,) = md(text)
    assert collapse(block.text) == "Bold it old 3 *lit * 9 a & b\xa0 c"


def test_markdown_entity_keeps_offsets() -> None:
    text = "Preis 500&nbsp;&euro; netto"
    (block,) = md(text)
    offset = text.index("&euro;") - block.start
    assert block.text[offset : offset + 6] == "€     "
    assert block.text[offset - 6] == "\xa0"


def test_markdown_headings() -> None:
    text = "# Title 1 #\n\n## Sub 2\n\nSetext 3\n========\n\n#hashtag 4\n"
    blocks = md(text)
    assert [(b.kind, collapse(b.text)) for b in blocks] == [
        ("heading", "Title 1"),
        ("heading", "Sub 2"),
        ("heading", "Setext 3"),
        ("paragraph", "#hashtag 4"),
    ]
    assert blocks[0].start == 2 and blocks[0].end == 9


def test_markdown_lists_and_quotes() -> None:
    text = "- first 1\n- [x] done 2\n\n1. one\n2. two\n   2019. was a year\n\n> quoted 5\n> - quoted item 6\n"
    blocks = md(text)
    assert [(b.kind, collapse(b.text)) for b in blocks] == [
        ("list_item", "first 1"),
        ("list_item", "done 2"),
        ("list_item", "one"),
        ("list_item", "two 2019. was a year"),
        ("paragraph", "quoted 5"),
        ("list_item", "quoted item 6"),
    ]


def test_markdown_code_blocks_have_no_block() -> None:
    text = "Before.\n\n```\nfenced 1\n```\n\n~~~sh\nfenced 2\n~~~\n\n    indented 3\n\nAfter.\n"
    assert texts(md(text)) == ["Before.", "After."]


def test_markdown_tables_one_block_per_row() -> None:
    text = "| Year | Output |\n|:-----|-------:|\n| 2023 | 2.5 MW |\n| 2024 | `x|y` 3 MW \\| z |\n"
    blocks = md(text)
    assert [b.kind for b in blocks] == ["table_row"] * 3
    assert texts(blocks) == ["Year Output", "2023 2.5 MW", "2024 3 MW | z"]


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: 7 things\ncount: 12\n---\n",
        "+++\ntitle = \"7 things\"\n+++\n",
        "\ufeff---\ntitle: x 9\n...\n",
    ],
)
def test_markdown_front_matter_skipped(front: str) -> None:
    text = front + "\nBody 3.\n"
    assert texts(md(text)) == ["Body 3."]


def test_markdown_unclosed_front_matter_is_content() -> None:
    assert texts(md("---\nNot front matter 4.\n")) == ["Not front matter 4."]


def test_markdown_crlf_and_bom_offsets() -> None:
    text = "\ufeff# Kopf 1\r\n\r\nAbsatz mit `code` und 5 Punkten.\r\nZweite Zeile.\r\n"
    blocks = md(text)
    assert [span(text, b) for b in blocks] == ["Kopf 1", "Absatz mit `code` und 5 Punkten.\r\nZweite Zeile."]
    assert blocks[1].text.endswith("5 Punkten.\r\nZweite Zeile.")


def test_markdown_lone_cr_line_breaks() -> None:
    text = "# A 1\r\rB 2\r"
    assert texts(md(text)) == ["A 1", "B 2"]


def test_markdown_html_block_is_read_as_html() -> None:
    text = "Intro.\n\n<div>\n<p>Inside 4 &euro;</p>\n<script>x = 5</script>\n</div>\n\nOutro.\n"
    assert texts(md(text)) == ["Intro.", "Inside 4 €", "Outro."]


# -- suppression comments --------------------------------------------------------


def test_parse_directive() -> None:
    directive = parse_directive(" claim-consistency: disable=QTY001,NAM002 ", 7)
    assert directive is not None
    assert directive.rules == frozenset({"QTY001", "NAM002"})
    assert directive.offset == 7 and not directive.whole_file
    assert parse_directive("claim-consistency: disable").rules == frozenset({"*"})
    assert parse_directive("claim-consistency:disable-file = QTY001, quantity-mismatch").whole_file
    assert parse_directive("claim-consistency: disable-file").rules == frozenset({"*"})
    assert parse_directive(" TODO: check 5 ") is None
    assert parse_directive("claim-consistency: enable") is None


def test_markdown_suppression_applies_to_next_block_only() -> None:
    text = (
        "First 1.\n\n"
        "<!-- claim-consistency: disable=QTY001,NAM002 -->\n"
        "Second 2.\n\n"
        "<!-- claim-consistency: disable -->\n"
        "## Third 3\n\n"
        "Fourth <!-- claim-consistency: disable=DAT001 --> 4.\n\n"
        "Fifth 5.\n"
    )
    blocks = md(text)
    assert [b.suppressed for b in blocks] == [
        frozenset(),
        frozenset({"QTY001", "NAM002"}),
        frozenset({"*"}),
        frozenset({"DAT001"}),
        frozenset(),
    ]


def test_markdown_disable_file() -> None:
    text = "One 1.\n\nTwo 2.\n\n<!-- claim-consistency: disable-file=QTY002 -->\n"
    assert [b.suppressed for b in md(text)] == [frozenset({"QTY002"})] * 2


def test_markdown_suppression_on_list_item() -> None:
    text = "- a 1\n<!-- claim-consistency: disable=QTY001 -->\n- b 2\n"
    blocks = md(text)
    assert [b.suppressed for b in blocks][-1] == frozenset({"QTY001"})
    assert blocks[0].suppressed == frozenset()


def test_html_suppression() -> None:
    text = (
        "<p>One 1</p>\n<!-- claim-consistency: disable=QTY001 -->\n<p>Two 2</p>\n"
        "<p>Three <!-- claim-consistency: disable --> 3</p>\n<p>Four 4</p>\n"
        "<!--claim-consistency: disable-file=NAM001-->"
    )
    assert [b.suppressed for b in html(text)] == [
        frozenset({"NAM001"}),
        frozenset({"QTY001", "NAM001"}),
        frozenset({"*", "NAM001"}),
        frozenset({"NAM001"}),
    ]


# -- html loader -------------------------------------------------------------------


def test_html_entities_keep_offsets() -> None:
    text = "<p>500&nbsp;&euro; and &#8364;3 &#x20AC;4 &amp; &lt;b&gt; &bogus; R&D</p>"
    (block,) = html(text)
    assert block.start == 3
    assert block.text.startswith("500\xa0     €     ")
    assert collapse(block.text) == "500\xa0 € and € 3 € 4 & < b> &bogus; R&D"
    euro = text.index("&#8364;")
    assert block.text[euro - block.start] == "€"


def test_html_kinds_and_skipped_elements() -> None:
    text = (
        "<html><head><title>T 0</title><style>p {x: 1}</style></head><body>\n"
        "<h2>Head 1</h2><p>Para <em>2</em> <code>x = 3</code></p>\n"
        "<ul><li>Item 4</li><li>Item <p>5a</p> 5b</li></ul>\n"
        "<table><tr><th>H 6</th><td>C 7</td></tr></table>\n"
        "<div>Loose 8<section>Deep 9</section></div>\n"
        "<blockquote>Quote 10</blockquote><dl><dt>T 11</dt><dd>D 12</dd></dl>\n"
        "<figure><figcaption>Cap 13</figcaption></figure>\n"
        "<pre>pre 14</pre><template>tpl 15</template><noscript>ns 16</noscript><script>var s = 17</script>\n"
        "</body></html>"
    )
    blocks = html(text)
    assert [(b.kind, collapse(b.text)) for b in blocks] == [
        ("heading", "Head 1"),
        ("paragraph", "Para 2"),
        ("list_item", "Item 4"),
        ("list_item", "Item"),
        ("paragraph", "5a"),
        ("list_item", "5b"),
        ("table_cell", "H 6"),
        ("table_cell", "C 7"),
        ("paragraph", "Loose 8"),
        ("paragraph", "Deep 9"),
        ("paragraph", "Quote 10"),
        ("paragraph", "T 11"),
        ("paragraph", "D 12"),
        ("paragraph", "Cap 13"),
    ]


def test_html_crlf_and_bom_offsets() -> None:
    text = "\ufeff<p>\r\nZeile 1\r\n<b>fett</b> 2\r\n</p>\r\n<p>Drei &amp; 3</p>"
    blocks = html(text)
    assert [span(text, b) for b in blocks] == ["Zeile 1\r\n<b>fett</b> 2", "Drei &amp; 3"]


def test_html_masks_urls_and_placeholders_in_text() -> None:
    text = "<p>Visit https://x.example/p now, {user} has %d items</p>"
    assert texts(html(text)) == ["Visit now, has items"]


def test_html_malformed_does_not_raise() -> None:
    text = "<p>Open <b>bold <i>nested</p><li>a<li>b</ul></div><p>after &#xZZ; & < 3"
    blocks = html(text)
    assert "after" in " ".join(texts(blocks))


# -- properties ------------------------------------------------------------------------

_MARKDOWN_ALPHABET = st.sampled_from(
    [*"ab xyz019", *"*_[]()#`-\n", "\r\n", "\r", "> ", "| ", "<", "!", "{", "}", "%d", "\\", "~~", "1. "]
    + ["\t", "漢", "字", "。", "\ufeff", "&amp;", "&euro;"]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_text_loader_law(text: str) -> None:
    txt(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MARKDOWN_ALPHABET, max_size=80).map("".join))
def test_markdown_loader_law(text: str) -> None:
    md(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"<>/p&;#x0a lib =\"'!-\n\r", "<p>", "</p>", "&amp;", "&euro;", "<!--", "-->", "漢", "\ufeff"]
        ),
        max_size=60,
    ).map("".join)
)
def test_html_loader_law(text: str) -> None:
    html(text)


NON_PROSE_PIECES = ["http", "https", "ftp", "://", "www", ".", "@", "{", "}", "{{", "%", "$", "s", "d", "1", "x",
                    "a.b", "name", "example.com", " ", "\n", "(", ")", "#", "-", "_", "ä"]


@given(st.lists(st.sampled_from(NON_PROSE_PIECES), max_size=12))
def test_every_non_prose_match_holds_what_the_skip_looks_for(pieces):
    """The loaders skip the search for URLs, e-mail addresses and placeholders in a passage with
    none of NON_PROSE_NEEDS: every match holds one."""
    from consistency.nonprose import NON_PROSE, NON_PROSE_NEEDS

    text = "".join(pieces)
    for match in NON_PROSE.finditer(text):
        assert any(needed in match.group() for needed in NON_PROSE_NEEDS), (text, match.group())
