"""The prose view of a document, shared by every loader.

A :class:`ProseView` holds one character per code point of the file text.
Loaders blank out what is not prose (markup, code, URLs, placeholders) by
writing spaces, so that a block's text keeps the length of its span and
every offset stays valid.  Line breaks inside blanked regions are kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from consistency.documents.suppression import Directive, assign_directives
from consistency.model import Block
from consistency.nonprose import NON_PROSE, NON_PROSE_NEEDS, URL_TRAILER

__all__ = [
    "BOM",
    "Candidate",
    "NON_PROSE",
    "ProseView",
    "decode_reference",
    "finish_blocks",
    "line_bounds",
]

BOM = "\ufeff"

_CLOSERS = {")": "(", "]": "[", "}": "{"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_bounds(text: str, *, universal: bool = True) -> tuple[list[int], list[int]]:
    """Start and end offsets of every line (ends exclude the line break).

    With ``universal`` a lone ``\\r`` also ends a line (as in markdown-it);
    otherwise only ``\\n`` does (as in :mod:`html.parser`).
    """
    starts, ends = [0], []
    breaks = _LINE_BREAK if universal else re.compile(r"\r?\n")
    for match in breaks.finditer(text):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(text))
    return starts, ends


def decode_reference(raw: str) -> str | None:
    """The text of an HTML character reference, or ``None`` if it is unknown.

    >>> decode_reference("&euro;"), decode_reference("&#x20AC;"), decode_reference("&bogus;")
    ('€', '€', None)
    """
    decoded = html.unescape(raw)
    if decoded == raw or len(decoded) > len(raw):
        return None
    return decoded


class ProseView:
    """A mutable, same-length copy of a text where non-prose becomes spaces."""

    def __init__(self, text: str) -> None:
        """Start from the text itself; the byte order mark is never prose."""
        self.text = text
        self.chars = list(text)
        if text.startswith(BOM):
            self.chars[0] = " "

    def mask(self, start: int, end: int) -> None:
        """Blank ``[start, end)``, keeping line breaks."""
        chars = self.chars
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "

    def reveal(self, start: int, end: int) -> None:
        """Copy the file text back into ``[start, end)`` (never the BOM)."""
        self.chars[start:end] = self.text[start:end]
        if start == 0 and self.text.startswith(BOM) and end > 0:
            self.chars[0] = " "

    def put(self, start: int, end: int, decoded: str) -> None:
        """Write ``decoded`` at ``start`` and blank the rest of ``[start, end)``."""
        self.mask(start, end)
        self.chars[start : start + len(decoded)] = decoded

    def mask_non_prose(self, start: int, end: int) -> None:
        """Blank URLs, e-mail addresses and placeholders in the file text."""
        if all(self.text.find(needed, start, end) < 0 for needed in NON_PROSE_NEEDS):
            return  # the pattern's e-mail branch is tried at every word: not where there is no @
        for match in NON_PROSE.finditer(self.text, start, end):
            stop = match.end()
            if match.group().startswith(("http", "ftp", "www")):
                stop = _trim_url(self.text, match.start(), stop)
            self.mask(match.start(), stop)

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without leading and trailing blanks (may be empty)."""
        chars = self.chars
        while start < end and chars[start].isspace():
            start += 1
        while end > start and chars[end - 1].isspace():
            end -= 1
        return start, end


class Candidate(NamedTuple):
    """A block before trimming: its kind, prose span and outer span.

    The outer span includes the block's markup; it decides which block an
    inline suppression comment belongs to.
    """

    kind: str
    start: int
    end: int
    outer_start: int
    outer_end: int


def finish_blocks(
    view: ProseView, candidates: Iterable[Candidate], directives: Sequence[Directive] = ()
) -> tuple[Block, ...]:
    """Trim the candidates, drop blank ones, attach suppressions, number them."""
    kept: list[tuple[str, int, int]] = []
    outer: list[tuple[int, int]] = []
    for candidate in candidates:
        start, end = view.trimmed(candidate.start, candidate.end)
        if start < end:
            kept.append((candidate.kind, start, end))
            outer.append((candidate.outer_start, candidate.outer_end))
    suppressed = assign_directives(outer, list(directives))
    return tuple(
        Block(
            index=index,
            kind=kind,
            start=start,
            end=end,
            text="".join(view.chars[start:end]),
            suppressed=suppressed[index],
        )
        for index, (kind, start, end) in enumerate(kept)
    )


def _trim_url(text: str, start: int, end: int) -> int:
    """End of a URL without trailing punctuation (``example.com).`` -> ``example.com``).

    A closing parenthesis or bracket stays when the URL opened it
    (``…/Mercury_(planet)``).
    """
    while end > start + 1 and text[end - 1] in URL_TRAILER:
        last = text[end - 1]
        if last in _CLOSERS and text.count(_CLOSERS[last], start, end) >= text.count(last, start, end):
            break
        end -= 1
    return end
