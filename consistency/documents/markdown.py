"""Markdown loader: markdown-it-py for the block structure, own inline masking.

markdown-it gives each block token a range of source lines (``token.map``)
but no character offsets, so the loader walks those lines itself: it blanks
container markers (``>``, list bullets), heading markers and table pipes,
then scans the inline content for code spans, links, autolinks, inline HTML,
emphasis markers and character references.  Code blocks, front matter, link
reference definitions and thematic breaks produce no block; HTML blocks are
read with the HTML loader.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from consistency.documents.masking import (
    BOM,
    Candidate,
    ProseView,
    decode_reference,
    finish_blocks,
    line_bounds,
)
from consistency.documents.suppression import Directive, parse_directive
from consistency.model import Block

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt

__all__ = ["parse_markdown"]

_LIST_MARKER = re.compile(r"(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)(?:[ \t]+\[[ xX]\](?=[ \t]|$))?")
_ATX_OPEN = re.compile(r"[ ]{0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"(?:(?<=[ \t])|^)#+[ \t]*$")


@lru_cache(maxsize=1)
def _angle_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Autolinks and inline HTML, compiled at the first ``<`` of a process's Markdown."""
    autolink = re.compile(
        r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>"
        r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
    )
    inline_html = re.compile(
        r"<(?:!--(?P<comment>.*?)-->"
        r"|[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
        r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
        r"|/[A-Za-z][A-Za-z0-9-]*\s*>"
        r"|\?.*?\?>|![A-Za-z][^>]*>|!\[CDATA\[.*?\]\]>)",
        re.DOTALL,
    )
    return autolink, inline_html


_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CITATION = re.compile(r"\[(?:\^[^\]\s]+|[0-9]{1,3}(?:[,–-][0-9]{1,3})*)\]")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: How far a link's closing bracket or parenthesis is looked for.
_LINK_WINDOW = 4000
#: markdown-it's nesting guard (its "default" preset's; CommonMark's 20 dropped a list ten levels
#: deep).  The parser recurses once per level; content nested deeper is read line by line.
_MAX_NESTING = 100
#: The container markers that open a line nested beyond the guard.
_CONTAINER_MARKERS = re.compile(r"(?:[ \t]*(?:>|(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)))+[ \t]*")


def parse_markdown(text: str) -> tuple[Block, ...]:
    """Split a Markdown document into blocks.

    Kinds: ``heading``, ``paragraph`` (also in block quotes), ``list_item``
    and ``table_row``, plus those of the HTML loader for HTML blocks.
    """
    view = ProseView(text)
    starts, ends = line_bounds(text)
    skipped = _front_matter_lines(text, starts, ends)
    if skipped:
        source = "\n" * skipped + (text[starts[skipped] :] if skipped < len(starts) else "")
    else:
        source = text.removeprefix(BOM)
    walker = _Walker(view, starts, ends)
    tokens = _parser().parse(source)
    walker.walk(tokens)
    if any(token.level >= _MAX_NESTING - 1 for token in tokens):
        walker.read_too_deep(skipped)
    return finish_blocks(view, sorted(walker.candidates, key=lambda c: c.start), walker.directives)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """A CommonMark parser with tables and strikethrough, raw HTML allowed, that stops at the block
    tokens: the walker reads no inline token's children (it masks inline syntax itself), and their
    parse took half of markdown-it's time (84 -> 39 ms over the repository's 69 Markdown files,
    every block token the same)."""
    from markdown_it import MarkdownIt

    return (MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
            .disable(["inline", "text_join"]))


def _front_matter_lines(text: str, starts: list[int], ends: list[int]) -> int:
    """Number of lines of YAML (``---``) or TOML (``+++``) front matter."""
    first = text[starts[0] : ends[0]].removeprefix(BOM).rstrip()
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for line in range(1, len(starts)):
        if text[starts[line] : ends[line]].rstrip() in closers:
            return line + 1
    return 0


class _Walker:
    """Walks the token stream, keeping the stack of open containers."""

    def __init__(self, view: ProseView, starts: list[int], ends: list[int]) -> None:
        self.view = view
        self.starts = starts
        self.ends = ends
        self.containers: list[tuple[str, int]] = []  # (marker, first line)
        self.candidates: list[Candidate] = []
        self.directives: list[Directive] = []
        self.covered: set[int] = set()  # lines some block token holds

    def walk(self, tokens: list[Any]) -> None:
        """Turn block tokens into candidates (in document order)."""
        for token in tokens:
            kind = token.type
            if token.map and kind not in ("blockquote_open", "list_item_open", "bullet_list_open",
                                          "ordered_list_open", "table_open", "thead_open", "tbody_open"):
                self.covered.update(range(*token.map))
            if kind == "blockquote_open":
                self.containers.append((">", token.map[0]))
            elif kind == "list_item_open":
                self.containers.append((token.markup, token.map[0]))
            elif kind in ("blockquote_close", "list_item_close"):
                self.containers.pop()
            elif kind == "heading_open":
                setext = token.markup in ("=", "-")
                self._block("heading", token.map, setext=setext, atx=not setext)
            elif kind == "paragraph_open":
                self._block(self._paragraph_kind(), token.map)
            elif kind == "tr_open":
                self._block("table_row", token.map, table=True)
            elif kind == "html_block":
                self._html_block(token.map)
            elif token.map and kind in ("fence", "code_block", "hr"):
                self.view.mask(self.starts[token.map[0]], self.ends[token.map[1] - 1])

    def read_too_deep(self, front_matter: int) -> None:
        """Read the lines markdown-it dropped beyond its nesting guard, one paragraph each.

        Only a line inside no block token can have been dropped: its container markers are
        blanked and the rest is read as a paragraph, so nothing is silently unchecked.
        """
        text = self.view.text
        for line in range(front_matter, len(self.starts)):
            if line in self.covered:
                continue
            start, end = self.starts[line], self.ends[line]
            markers = _CONTAINER_MARKERS.match(text, start, end)
            cursor = markers.end() if markers else start
            if cursor >= end or not text[cursor:end].strip():
                continue
            self.view.mask(start, cursor)
            _Inline(self, list(range(cursor, end)), table=False).scan()
            self.view.mask_non_prose(start, end)
            self.candidates.append(Candidate("paragraph", start, end, start, end))

    def _paragraph_kind(self) -> str:
        if self.containers and self.containers[-1][0] != ">":
            return "list_item"
        return "paragraph"

    def _html_block(self, lines: list[int]) -> None:
        start, end = self.starts[lines[0]], self.ends[lines[1] - 1]
        if self.containers:  # markers interleave with the HTML: read comments only
            self.view.mask(start, end)
            for match in _COMMENT.finditer(self.view.text, start, end):
                self._directive(match.group(1), match.start())
            return
        from consistency.documents.html import collect_html  # here: html.parser only for HTML blocks

        candidates, directives = collect_html(self.view, start, end)
        self.candidates += candidates
        self.directives += directives

    def _directive(self, comment: str, offset: int) -> None:
        directive = parse_directive(comment, offset)
        if directive is not None:
            self.directives.append(directive)

    def _block(
        self, kind: str, lines: list[int], *, setext: bool = False, atx: bool = False, table: bool = False
    ) -> None:
        """Blank the markup of the block on ``lines`` and record a candidate."""
        first, stop = lines
        positions: list[int] = []
        for line in range(first, stop):
            cursor, end = self._strip_containers(line), self.ends[line]
            if setext and line == stop - 1:
                self.view.mask(cursor, end)
                continue
            if atx and line == first:
                cursor, end = self._strip_atx(cursor, end)
            positions.extend(range(cursor, end))
            if line < stop - 1:
                positions.extend(range(self.ends[line], self.starts[line + 1]))
        _Inline(self, positions, table=table).scan()
        start, end = self.starts[first], self.ends[stop - 1]
        self.view.mask_non_prose(start, end)
        self.candidates.append(Candidate(kind, start, end, start, end))

    def _strip_containers(self, line: int) -> int:
        """Blank the container markers at the start of ``line``; return where content starts."""
        text, cursor, end = self.view.text, self.starts[line], self.ends[line]
        if cursor == 0 and text.startswith(BOM):
            cursor = 1
        for marker, first_line in self.containers:
            while cursor < end and text[cursor] in " \t":
                cursor += 1
            if marker == ">":
                if cursor < end and text[cursor] == ">":
                    self.view.mask(cursor, cursor + 1)
                    cursor += 1
            elif line == first_line:
                match = _LIST_MARKER.match(text, cursor, end)
                if match:
                    self.view.mask(cursor, match.end())
                    cursor = match.end()
        return cursor

    def _strip_atx(self, cursor: int, end: int) -> tuple[int, int]:
        """Blank the ``#`` markers of an ATX heading line; return the content span."""
        text = self.view.text
        opening = _ATX_OPEN.match(text, cursor, end)
        if opening is None:
            return cursor, end
        self.view.mask(cursor, opening.end())
        cursor = opening.end()
        closing = _ATX_CLOSE.search(text, cursor, end)
        if closing is not None:
            self.view.mask(closing.start(), end)
            end = closing.start()
        return cursor, end


class _Inline:
    """Blanks inline syntax in the content of one block.

    The content is the subsequence of file characters at ``positions``
    (container markers removed), so a pattern never sees a ``>`` or a list
    bullet that belongs to an enclosing block.
    """

    def __init__(self, walker: _Walker, positions: list[int], *, table: bool) -> None:
        self.walker = walker
        self.view = walker.view
        self.positions = positions
        self.content = "".join(walker.view.text[p] for p in positions)
        self.table = table
        self.tails: dict[int, int] = {}

    def mask(self, start: int, end: int) -> None:
        """Blank content ``[start, end)`` (content indices)."""
        if end > start:
            self.view.mask(self.positions[start], self.positions[end - 1] + 1)

    def scan(self) -> None:
        content, index = self.content, 0
        while index < len(content):
            if index in self.tails:
                end = self.tails.pop(index)
                self.mask(index, end)
                index = end
            else:
                index = self._step(content[index], index)

    def _step(self, char: str, index: int) -> int:
        """Handle the construct starting at ``index``; return the next index."""
        content = self.content
        following = content[index + 1] if index + 1 < len(content) else "\n"
        if char == "\\":
            self.mask(index, index + 1)
            return index + 2 if following in _PUNCTUATION else index + 1
        if char == "`":
            end, run = _code_span(content, index)
            self.mask(index, end or index + run)
            return end or index + run
        if char == "<":
            return self._angle(index)
        if char == "&":
            return self._entity(index)
        if char == "[" or (char == "!" and following == "["):
            return self._link(index if char == "[" else index + 1)
        if char in "*_" or (char == "~" and following == "~") or (char == "|" and self.table):
            end = index + 1
            while end < len(content) and content[end] == char:
                end += 1
            self.mask(index, end)
            return end
        return index + 1

    def _angle(self, index: int) -> int:
        """Autolinks and inline HTML (comments may be directives)."""
        autolink, inline_html = _angle_patterns()
        match = autolink.match(self.content, index) or inline_html.match(self.content, index)
        if match is None:
            return index + 1
        if match.re is inline_html and match["comment"] is not None:
            self.walker._directive(match["comment"], self.positions[index])
        self.mask(index, match.end())
        return match.end()

    def _entity(self, index: int) -> int:
        match = _ENTITY.match(self.content, index)
        decoded = decode_reference(match.group()) if match else None
        if match is None or decoded is None:
            return index + 1
        start = self.positions[index]
        self.view.put(start, self.positions[match.end() - 1] + 1, decoded)
        return match.end()

    def _link(self, opener: int) -> int:
        """``[text](target)``, ``[text][ref]``, ``[^note]``, ``[12]``: keep only the text."""
        content = self.content
        self.mask(opener - (opener > 0 and content[opener - 1] == "!"), opener + 1)
        close = _matching(content, opener, "[", "]")
        if close is None:
            return opener + 1
        after = content[close + 1] if close + 1 < len(content) else ""
        if after not in ("(", "[") and _CITATION.fullmatch(content, opener, close + 1):
            self.mask(opener, close + 1)  # a footnote or citation mark is not prose
            return close + 1
        tail_end = close + 1
        if after == "(":
            end = _matching(content, close + 1, "(", ")")
            tail_end = end + 1 if end is not None else tail_end
        elif after == "[":
            end = content.find("]", close + 2, close + 2 + _LINK_WINDOW)
            tail_end = end + 1 if end >= 0 else tail_end
        self.tails[close] = tail_end
        return opener + 1


def _code_span(content: str, index: int) -> tuple[int | None, int]:
    """End of the code span opened at ``index`` (or ``None``) and the opener's length."""
    run = index
    while run < len(content) and content[run] == "`":
        run += 1
    length, search = run - index, run
    while True:
        found = content.find("`" * length, search)
        if found < 0:
            return None, length
        end = found
        while end < len(content) and content[end] == "`":
            end += 1
        if end - found == length:
            return end, length
        search = end


def _matching(content: str, index: int, opener: str, closer: str) -> int | None:
    """Index of the bracket closing the one at ``index``, skipping escapes and code."""
    depth, position = 0, index
    limit = min(len(content), index + _LINK_WINDOW)
    while position < limit:
        char = content[position]
        if char == "\\":
            position += 2
            continue
        if char == "`":
            end, run = _code_span(content, position)
            position = end or position + run
            continue
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return None
