"""Plain-text loader: paragraphs separated by blank lines."""

from __future__ import annotations

from consistency.documents.masking import Candidate, ProseView, finish_blocks, line_bounds
from consistency.model import Block

__all__ = ["parse_text"]


def parse_text(text: str) -> tuple[Block, ...]:
    """Split ``text`` into paragraph blocks.

    A paragraph is a run of lines that are not blank (a blank line holds
    only whitespace); its span excludes surrounding whitespace and line
    breaks.  URLs, e-mail addresses and placeholders are blanked.

    >>> [b.text for b in parse_text("One.\\r\\nTwo.\\r\\n\\r\\nThree.\\r\\n")]
    ['One.\\r\\nTwo.', 'Three.']
    """
    view = ProseView(text)
    candidates = [
        Candidate("paragraph", start, end, start, end) for start, end in _paragraphs(view)
    ]
    for candidate in candidates:
        view.mask_non_prose(candidate.start, candidate.end)
    return finish_blocks(view, candidates)


def _paragraphs(view: ProseView) -> list[tuple[int, int]]:
    """Spans of runs of non-blank lines (BOM counted as blank)."""
    starts, ends = line_bounds(view.text)
    spans: list[tuple[int, int]] = []
    first: int | None = None
    last = 0
    for start, end in zip(starts, ends):
        blank = all(c.isspace() for c in view.chars[start:end])
        if blank and first is not None:
            spans.append((first, last))
            first = None
        elif not blank:
            first = start if first is None else first
            last = end
    if first is not None:
        spans.append((first, last))
    return spans
