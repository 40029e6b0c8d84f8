"""What a pattern needs before it can match: a cheap test that lets a search be skipped.

A paragraph is searched with some twenty date patterns per locale, and four paragraphs in five of
a news article hold no digit, which most of those patterns need.  :func:`needs_digit` reads a
pattern's syntax tree once (the standard library's parser, after the ``regex`` module's own syntax
is rewritten into a form it reads) and says whether every match holds a digit; the extractor then
skips the pattern on text without one.  The answer errs one way only: ``False`` whenever the
pattern cannot be read or a digit is not certain, so a skipped search never had a match.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

import regex

_sre_parse: Any
_c: Any
try:  # the standard library's pattern parser (re._parser since 3.11), private: checked at run time
    _sre_parse = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - an interpreter without it: nothing is skipped
    _sre_parse = _c = None

#: ``\p{L}``, ``\P{Thai}``: properties the standard parser does not know, read as a class with
#: letters in it (which no claim of "a digit is certain" can rest on)
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Z]")
#: a digit as the regex module reads ``\d`` (Unicode's decimal digits): both the patterns' digits
#: and the text's are asked of it, so the two never disagree
DIGIT = regex.compile(r"\d")
#: named groups (the ``regex`` module allows a name twice, the standard parser does not)
_NAMED = regex.compile(r"\(\?P?<(?![=!])\w+>")


@lru_cache(maxsize=4096)
def needs_digit(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` (``regex`` syntax) holds a digit (:data:`DIGIT`).
    Conservative: ``False`` when unsure.

    >>> needs_digit(r"(?P<day>\\d{1,2})\\. (?:März|April)")
    True
    >>> needs_digit(r"(?:mid-)?(?P<month>March|April)(?: (?P<year>\\d{4}))?")
    False
    """
    if _sre_parse is None:
        return False
    plain = _NAMED.sub("(?:", _PROPERTY.sub(r"\\w", pattern))
    std = re.IGNORECASE if flags & regex.IGNORECASE else 0
    try:
        tree = _sre_parse.parse(plain, std | (re.VERBOSE if flags & regex.VERBOSE else 0))
    except Exception:  # noqa: BLE001 - syntax only the regex module reads: nothing is certain
        return False
    return _sequence(list(tree))


def _sequence(items) -> bool:
    return any(_node(op, av) for op, av in items)


def _node(op, av) -> bool:
    if op is _c.LITERAL:
        return _is_digit(av)
    if op is _c.IN:
        return _digit_set(av)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        return low >= 1 and _sequence(sub)
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is _c.BRANCH:
        return all(_sequence(branch) for branch in av[1])
    return False  # assertions, anchors, any character, back-references: no digit of their own


def _is_digit(code: int) -> bool:
    return DIGIT.fullmatch(chr(code)) is not None


def _digit_set(items) -> bool:
    if not items:
        return False
    for op, av in items:
        if op is _c.LITERAL:
            if not _is_digit(av):
                return False
        elif op is _c.RANGE:
            low, high = av
            if high - low > 64 or not all(_is_digit(c) for c in range(low, high + 1)):
                return False
        elif op is _c.CATEGORY:
            if av not in (_c.CATEGORY_DIGIT, _c.CATEGORY_UNI_DIGIT):
                return False
        else:  # a negated set, a set with letters in it
            return False
    return True


#: ``regex.compile`` with a fast cache: the module-level ``regex.search(pattern, text)`` looks its
#: pattern up in the regex module's own cache at about 4 µs a call, which the extractor pays tens
#: of thousands of times per article (the compiled pattern's search costs less).  For literal
#: patterns written in the code, never for patterns built from input.
compiled = lru_cache(maxsize=256)(regex.compile)
