"""Inline suppression comments shared by the Markdown and HTML loaders.

``<!-- claim-consistency: disable=QTY001,NAM002 -->`` before a block (or
inside it) suppresses those rules for that block; ``disable`` alone
suppresses every rule (``'*'``).  ``disable-file=…`` anywhere in a file
applies to all its blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ALL_RULES", "Directive", "assign_directives", "parse_directive"]

#: The rule id that stands for every rule.
ALL_RULES = "*"

_DIRECTIVE = re.compile(
    r"\s*claim-consistency\s*:\s*(?P<scope>disable-file|disable)\b"
    r"(?:\s*=\s*(?P<rules>[^\n]*?))?\s*",
    re.IGNORECASE,
)
_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True, slots=True)
class Directive:
    """A parsed suppression comment: its offset, scope and rule ids."""

    offset: int
    whole_file: bool
    rules: frozenset[str]


def parse_directive(comment: str, offset: int = 0) -> Directive | None:
    """Parse the body of an HTML comment (without ``<!--``/``-->``).

    Returns ``None`` when the comment is not a claim-consistency directive.

    >>> parse_directive(" claim-consistency: disable=QTY001, NAM002 ").rules == {"QTY001", "NAM002"}
    True
    >>> parse_directive("claim-consistency: disable-file").rules
    frozenset({'*'})
    >>> parse_directive("an ordinary comment") is None
    True
    """
    match = _DIRECTIVE.fullmatch(comment)
    if match is None:
        return None
    rules = frozenset(_RULE.findall(match["rules"] or "")) or frozenset({ALL_RULES})
    return Directive(offset, match["scope"].lower() == "disable-file", rules)


def assign_directives(
    spans: list[tuple[int, int]], directives: list[Directive]
) -> list[frozenset[str]]:
    """The suppressed rule ids of each block, given the blocks' outer spans.

    ``spans`` are the blocks' outer ``(start, end)`` ranges (markup included)
    in document order.  A block directive applies to the block whose outer
    span contains it, otherwise to the first block that starts after it.
    File directives apply to every block.
    """
    whole_file = frozenset().union(*(d.rules for d in directives if d.whole_file))
    result = [set(whole_file) for _ in spans]
    for directive in directives:
        if directive.whole_file:
            continue
        target = _target(spans, directive.offset)
        if target is not None:
            result[target] |= directive.rules
    return [frozenset(rules) for rules in result]


def _target(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the block a directive at ``offset`` applies to."""
    for index, (start, end) in enumerate(spans):
        if start <= offset < end or start >= offset:
            return index
    return None
