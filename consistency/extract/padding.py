"""Reading a block across the padding its loader leaves.

Loaders keep each block exactly as long as its span in the file (so that every offset is a file
offset): a decoded escape or character reference (``\\u00a0``, ``&nbsp;``), a PO continuation
line or blanked markup leaves runs of spaces inside the text.  Readers that need the text as
written (figures, names) read a squeezed copy and map what they find back with the offsets
:func:`squeeze` returns.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

__all__ = ["squeeze"]


def squeeze(text: str, pattern: regex.Pattern[str], keep: Callable[[regex.Match[str]], str] = lambda m: ""
            ) -> tuple[str, list[int]]:
    """``text`` with every match of ``pattern`` replaced by ``keep(match)`` (at most as long as
    the match), and for each character of the result its offset in ``text``.

    >>> squeeze("a   b  c", regex.compile(" {2,}"), lambda m: " ")
    ('a b c', [0, 1, 4, 5, 7])
    """
    parts: list[str] = []
    where: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        parts.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        kept = keep(m)
        parts.append(kept)
        where.extend(range(m.start(), m.start() + len(kept)))
        pos = m.end()
    parts.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(parts), where
