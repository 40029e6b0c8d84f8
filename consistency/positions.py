"""Offsets to 1-based line and column numbers (code points, as SARIF's unicodeCodePoints)."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Maps a code-point offset of a text to ``(line, column)``, both 1-based.

    A line ends after ``\\n``; ``\\r\\n`` counts as one break (the ``\\r`` is the
    last column of its line).

    >>> LineIndex("ab\\ncd").position(3)
    (2, 1)
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
