"""HTML loader built on the standard library's :class:`html.parser.HTMLParser`.

Every piece of text is mapped back to its file offset through
``getpos()`` and a table of line starts; tags become spaces and each
character reference is written as its decoded character followed by spaces
(``&euro;`` -> ``"€     "``), so that blocks keep the length of their spans.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from consistency.documents.masking import (
    Candidate,
    ProseView,
    decode_reference,
    finish_blocks,
    line_bounds,
)
from consistency.documents.suppression import Directive, parse_directive
from consistency.model import Block

__all__ = ["html_lang", "parse_html"]

_HEADINGS = {f"h{level}" for level in range(1, 7)}
#: Elements whose content is never prose.
_SKIP = frozenset(
    "script style code pre template noscript head title svg math textarea kbd samp var".split()
)
#: Elements that end the current block and start a new one.
_BOUNDARY = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html li main nav noscript ol p pre section summary table tbody td template tfoot
    th thead title tr ul""".split()
)
#: What a <head> may hold; any other start tag ends an unclosed head.
_HEAD_CONTENT = frozenset("title meta link style script base noscript template".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_KINDS = {"li": "list_item", "td": "table_cell", "th": "table_cell", **{h: "heading" for h in _HEADINGS}}
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?")
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def parse_html(text: str) -> tuple[Block, ...]:
    """Split an HTML document into blocks (headings, paragraphs, list items, cells)."""
    view = ProseView(text)
    candidates, directives = collect_html(view, 0, len(text))
    return finish_blocks(view, candidates, directives)


def html_lang(text: str) -> str | None:
    """The ``lang`` attribute of the ``<html>`` element, if any."""
    match = _LANG.search(text, 0, 65536)
    return match.group(1) if match else None


def collect_html(view: ProseView, start: int, end: int) -> tuple[list[Candidate], list[Directive]]:
    """Blank ``[start, end)`` of ``view`` and reveal the prose of the HTML there.

    Returns the block candidates and suppression directives found, with file
    offsets.  Used for whole HTML files and for HTML blocks in Markdown.
    """
    view.mask(start, end)
    collector = _Collector(view, start, end)
    collector.feed(_defuse_unclosed(view.text[start:end]))
    collector.close()
    collector.flush(end)
    for candidate in collector.candidates:
        view.mask_non_prose(candidate.start, candidate.end)
    return collector.candidates, collector.directives


#: Stands for a ``<`` that cannot open markup (same length, so offsets stay).
_INERT = "\ufffc"
_SECTION_OPEN = re.compile(r"<!\[[ \t\r\n\f]*([A-Za-z]*)")
_SECTION_CLOSE = {"cdata": re.compile(r"\][ \t\r\n\f]*\][ \t\r\n\f]*>"), "if": re.compile(r"\][ \t\r\n\f]*>")}


def _defuse_unclosed(text: str) -> str:
    """``text`` with every ``<`` that opens nothing made inert.

    A ``<`` after the last ``>``, a ``<!--`` after the last ``-->`` and a marked section
    (``<![CDATA[``, ``<![if …]>``) after the last closer of its kind can close nothing; the
    parser reads them as text anyway, but only after looking for their end once each, to the
    end of the input: 20,000 unclosed ``<!--`` cost seconds, growing with the square of their
    number.  Read as text directly, they cost nothing.
    """
    tail = text.find("<", text.rfind(">") + 1)
    head_end = tail if tail >= 0 else len(text)
    head = text[:head_end]
    comment_end = text.rfind("-->")
    first = head.find("<!--", comment_end + 3 if comment_end >= 0 else 0)
    if first >= 0:
        head = head[:first] + head[first:].replace("<!--", _INERT + "!--")
    if "<![" in head:
        # the parser's closers: ``]]>`` for CDATA and the like, ``]>`` for Word's ``<![if …]>``
        ends = {kind: max((m.end() for m in pattern.finditer(head)), default=0)
                for kind, pattern in _SECTION_CLOSE.items()}

        def defuse(match: re.Match[str]) -> str:
            kind = "if" if match.group(1).lower() in ("if", "else", "endif") else "cdata"
            return _INERT + match.group()[1:] if match.start() >= ends[kind] else match.group()

        head = _SECTION_OPEN.sub(defuse, head)
    return head + text[head_end:].replace("<", _INERT)


class _Collector(HTMLParser):
    """Turns parser events into revealed text, block candidates and directives."""

    def __init__(self, view: ProseView, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self._view = view
        self._base = start
        self._line_starts = line_bounds(view.text[start:end], universal=False)[0]
        self._stack: list[str] = []
        self._open: dict[str, int] = {}  # how many of each tag the stack holds
        self._kinds: list[str] = []  # the block kind inside each element of the stack
        self._skip_depth = 0  # how many elements of _SKIP are open
        self.candidates: list[Candidate] = []
        self.directives: list[Directive] = []
        self._outer_start = start
        self._seg_kind = "paragraph"
        self._seg_start: int | None = None
        self._seg_end = start

    # -- positions ---------------------------------------------------------

    def _here(self) -> int:
        """File offset of the event being handled."""
        line, column = self.getpos()
        return self._base + self._line_starts[line - 1] + column

    def _skipping(self) -> bool:
        return self._skip_depth > 0

    def _kind(self) -> str:
        return self._kinds[-1] if self._kinds else "paragraph"

    def _push(self, tag: str) -> None:
        """Open ``tag``; the counts make every question about the stack constant-time (a page
        of 20,000 nested elements was quadratic)."""
        self._stack.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1
        self._skip_depth += tag in _SKIP
        inherited = self._kinds[-1] if self._kinds else "paragraph"
        self._kinds.append(_KINDS.get(tag, "paragraph" if tag in _BOUNDARY else inherited))

    def _pop_to(self, tag: str) -> None:
        """Close the elements up to and including the innermost open ``tag``."""
        while self._stack:
            top = self._stack.pop()
            self._kinds.pop()
            self._open[top] -= 1
            self._skip_depth -= top in _SKIP
            if top == tag:
                return

    # -- blocks ------------------------------------------------------------

    def flush(self, offset: int) -> None:
        """End the current block (if it holds text) at a boundary at ``offset``."""
        if self._seg_start is not None:
            self.candidates.append(
                Candidate(self._seg_kind, self._seg_start, self._seg_end, self._outer_start, offset)
            )
        self._seg_start = None
        self._outer_start = offset

    def _text(self, start: int, end: int, blank: bool) -> None:
        """Record prose at ``[start, end)``; ``blank`` text does not open a block."""
        if self._seg_start is None:
            if blank:
                return
            self._seg_start = start
            self._seg_kind = self._kind()
        self._seg_end = end

    # -- parser events -----------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open.get("head") and tag not in _HEAD_CONTENT:
            # </head> is optional (HTML's implied end tags): <body> or any content closes the head
            self._pop_to("head")
        if tag in _BOUNDARY:
            self.flush(self._here())
        if tag not in _VOID:
            self._push(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BOUNDARY:
            self.flush(self._here())

    def handle_endtag(self, tag: str) -> None:
        if self._open.get(tag):
            self._pop_to(tag)
        if tag in _BOUNDARY:
            self.flush(self._here())

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        start = self._here()
        self._view.reveal(start, start + len(data))
        self._text(start, start + len(data), data.isspace())

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        if self._skipping():
            return
        start = self._here()
        match = _REFERENCE.match(self._view.text, start)
        if match is None:  # pragma: no cover - the parser matched one here
            return
        decoded = decode_reference(match.group())
        if decoded is None:
            self._view.reveal(start, match.end())
            self._text(start, match.end(), False)
        else:
            self._view.put(start, match.end(), decoded)
            self._text(start, match.end(), decoded.isspace())

    def handle_comment(self, data: str) -> None:
        directive = parse_directive(data, self._here())
        if directive is not None:
            self.directives.append(directive)
