"""What a pattern needs before it can match: a cheap test that lets a search be skipped.

A paragraph is searched with some twenty date patterns per locale, and four paragraphs in five of
a news article hold no digit, which most of those patterns need, and fewer still a month's name.
:func:`needs_digit` and :func:`needs_words` read a pattern's syntax tree once (the standard
library's parser, after the ``regex`` module's own syntax is rewritten into a form it reads) and
say whether every match holds a digit, or one of some words; the extractor then skips the pattern
on text without one.  The answers err one way only: nothing is said whenever the pattern cannot be
read or a digit or word is not certain, so a skipped search never had a match.
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
#: syntax the standard parser reads as literal text where the regex module does not: a fuzzy
#: constraint (``(?:March){e<=1}``; a named character, ``\N{…}``, is left out with them)
_FUZZY = regex.compile(r"\{[^}]*[a-z]")


@lru_cache(maxsize=4096)
def needs_digit(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` (``regex`` syntax) holds a digit (:data:`DIGIT`).
    Conservative: ``False`` when unsure.

    >>> needs_digit(r"(?P<day>\\d{1,2})\\. (?:März|April)")
    True
    >>> needs_digit(r"(?:mid-)?(?P<month>March|April)(?: (?P<year>\\d{4}))?")
    False
    """
    tree = _parsed(pattern, flags)
    return tree is not None and _sequence(tree)


def _parsed(pattern: str, flags: int) -> list | None:
    """``pattern``'s syntax tree as the standard library's parser reads it, where it reads it as the
    regex module does (properties as letters, a name given twice once), else None."""
    plain = _NAMED.sub("(?:", _PROPERTY.sub(r"\\w", pattern))
    if _sre_parse is None or _FUZZY.search(plain):
        return None
    std = re.IGNORECASE if flags & regex.IGNORECASE else 0
    try:
        return list(_sre_parse.parse(plain, std | (re.VERBOSE if flags & regex.VERBOSE else 0)))
    except Exception:  # noqa: BLE001 - syntax only the regex module reads: nothing is certain
        return None


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


#: the shortest word :func:`needs_words` offers: a shorter one is in most texts, and saves no search
MIN_NEEDED_WORD = 3


@lru_cache(maxsize=4096)
def needs_words(pattern: str, flags: int = 0) -> WordFinder | None:
    """A pattern that finds one of the words every match of ``pattern`` (``regex`` syntax, ``flags``)
    holds, each of :data:`MIN_NEEDED_WORD` letters or more, written as the pattern writes it and
    compared as it compares (with its flags); None when there are no such words or they cannot be
    told.  Text where it finds nothing holds no match: seven of an English extractor's date
    patterns need a month's name (``March``, ``Mar``), which most paragraphs do not write.
    The same words give the same (one) pattern.

    >>> needs_words(r"(?P<day>\\d{1,2})\\. (?:März|April)").pattern
    'April|März'
    >>> needs_words(r"(?:the\\s+)?(?P<decade>\\d{4})s") is None  # "the" is optional, "s" too short
    True
    """
    tree = _parsed(pattern, flags)
    words = _sequence_words(tree) if tree is not None else None
    if words is None or min(map(len, words)) < MIN_NEEDED_WORD:
        return None
    if not flags & (regex.FULLCASE | regex.V1):
        words = _shortest_parts(words)
    return _word_finder(tuple(sorted(words, key=lambda w: (-len(w), w))), flags)


def _shortest_parts(words: frozenset[str]) -> frozenset[str]:
    """``words`` without those that hold another of them (``September`` holds ``Sep``): a text holds
    one of the rest exactly where it holds one of ``words``, and a search for 13 German month
    abbreviations takes half the time of one for their 37 names and abbreviations.  Compared
    character by character (no full case folding, under which ``ß`` matches ``ss``), a text that
    holds a word holds each part of it."""
    kept: list[str] = []
    for word in sorted(words, key=len):
        if not any(part in word for part in kept):
            kept.append(word)
    return frozenset(kept)


#: the characters whose case-insensitive matches in the regex module (simple case folding) all
#: :func:`case_fold` to their case folding: ASCII and Latin-1 but ``ß``, which the regex module also
#: matches with U+1DF95 (``tests/test_patterns.py`` checks every code point)
CASE_CHECKED = frozenset(map(chr, range(0x100))) - {"ß"}
#: the dotless and the dotted i, which the regex module matches with ``I`` and ``i`` and whose case
#: folding is another letter (``ı``) or two characters (``i̇``)
_I_FOLDS = str.maketrans({"ı": "i", "İ": "i"})


def case_fold(text: str) -> str:
    """``text`` case-folded, the Turkish i's as ``i``."""
    if "ı" in text or "İ" in text:
        text = text.translate(_I_FOLDS)
    return text.casefold()


class WordFinder:
    """Whether a text holds one of some words, compared as a pattern with ``flags`` compares them;
    ``pattern`` is that pattern (the words longest first).

    The regex module's search for an alternation of words tries every place of the text (10 µs
    for an English sentence and the month names); where the comparison is exact, or ignores case
    the simple way (no full case folding) and every character of the words is one of
    :data:`CASE_CHECKED`, the words are looked for with ``in`` in the text (:func:`case_fold`): each
    character the regex module takes for a word's character folds as that one does, so a text the
    pattern finds a word in holds the folded word (and a few more hold it, which only costs a
    search of the date pattern)."""

    __slots__ = ("pattern", "flags", "_plain", "_folded", "_regex")

    def __init__(self, words: tuple[str, ...], flags: int) -> None:
        self.pattern = "|".join(regex.escape(w) for w in words)
        self.flags = flags
        self._plain: tuple[str, ...] | None = None
        self._folded: tuple[str, ...] | None = None
        self._regex: regex.Pattern[str] | None = None
        if flags & (regex.FULLCASE | regex.V1):
            self._regex = regex.compile(self.pattern, flags)
        elif not flags & regex.IGNORECASE:
            self._plain = words
        elif all(ch in CASE_CHECKED for w in words for ch in w):
            self._folded = tuple(case_fold(w) for w in words)
        else:
            self._regex = regex.compile(self.pattern, flags)

    def search(self, text: str) -> bool | None:
        """True where ``text`` holds one of the words (or may: see the class), else None."""
        if self._folded is not None:
            folded = case_fold(text)
            return any(w in folded for w in self._folded) or None
        if self._plain is not None:
            return any(w in text for w in self._plain) or None
        assert self._regex is not None
        return self._regex.search(text) is not None or None


@lru_cache(maxsize=256)
def _word_finder(words: tuple[str, ...], flags: int) -> WordFinder:
    return WordFinder(words, flags)


def _sequence_words(items) -> frozenset[str] | None:
    """Words of which every match of the sequence ``items`` holds one: the literal runs and the
    items that need words, the choice whose shortest word is longest (then the fewest words)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        if op is not None and (words := _node_words(op, av)) is not None:
            options.append(words)
    return max(options, key=lambda ws: (min(map(len, ws)), -len(ws)), default=None)


def _node_words(op, av) -> frozenset[str] | None:
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        return _sequence_words(sub) if low >= 1 else None
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        # a group that sets its own flags ((?i:…)) compares otherwise than the finder would; one
        # that only turns case off ((?-i:…): de's English month names) matches a word the finder,
        # comparing as the pattern around it does, finds as well
        return None if add_flags or del_flags & ~re.IGNORECASE else _sequence_words(sub)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence_words(av)
    if op is _c.BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            needed = _sequence_words(branch)
            if needed is None:
                return None
            words |= needed
        return frozenset(words)
    return None  # a class, an assertion, an anchor, a back-reference: no word of its own


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
