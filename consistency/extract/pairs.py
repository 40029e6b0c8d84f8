"""Scores, records, game clocks, times of day and ratios: whole numbers joined by dashes or colons.

The figure extractor reads none of these as figures (:data:`consistency.nonprose.FIGURE_NOISE_DIGITS`
blanks ``38:17``, ``10:30``, ``13-21-3``; a dash before a smaller number is a score, ``4-1``, not a
range), since a score is no quantity and its two numbers mean nothing alone. Yet ``2-1`` turned
into ``2-10`` or ``12:55`` into ``12:50`` is as wrong as a changed figure. This module reads them
whole, for QTY003 (:func:`consistency.engine.checks.figures.check_pair_mismatch`):

- :func:`number_pairs(text, language)` returns every :class:`NumberPair` of ``text``: two or three
  numbers of one to three digits (any script's digits: ``٢-١``, ``２:１``), joined by one kind of dash
  (``-``, ``–``, ``—``) or by colons, spaces allowed around a dash (``1 - 0``); not inside a
  longer run of numbers and separators (dates ``14-03-2023``, ``1:50,000``, versions), not
  glued to a letter (``F-16``, ``COVID-19``) but for one of a script that attaches words
  (:data:`consistency.locale.scripts.ATTACHING`: ``２：１で``) and an English ``am``/``pm``
  (``2:30pm``), and not before a percent sign; and two numbers joined by the language's word for
  "to" where it writes scores so (``locale/data/score_joiners.toml``: ja ``5対3``, zh ``5比3``), and
  a time with a period after the language's clock word (``locale/data/clock.toml``: fi ``klo
  15.30``, sv ``kl. 19.45``);
- :func:`same_pair(a, b)` says whether two pairs state the same thing: the same numbers in any
  order (a score is written winner first in one language, home side first in another: ``lost
  1-2`` and ``2:1 verloren``), or the same time of day on a 12-hour and a 24-hour clock
  (``7:45`` and ``19:45``: two written minutes, hours up to 24).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..locale.scripts import ATTACHING
from ..locale.datafiles import locale_data

__all__ = ["NumberPair", "number_pairs", "same_pair"]

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d"
_PAIR = regex.compile(
    rf"(?<![\p{{N}}_.,:\uff1a/{_DASHES}]|(?![{ATTACHING}])\p{{L}}|[\p{{N}}][ \u00a0][{_DASHES}:][ \u00a0]?)"
    r"(\p{Nd}{1,3})"
    rf"(?:[ \u00a0]?([{_DASHES}])[ \u00a0]?|([:\uff1a]))"
    r"(\p{Nd}{1,3})"
    rf"(?:(?:[ \u00a0]?[{_DASHES}][ \u00a0]?|[:\uff1a])(\p{{Nd}}{{1,3}}))?"
    rf"(?![\p{{N}}_%٪]|(?![{ATTACHING}]|[aApP]\.?[mM]\b)\p{{L}}|[.,:\uff1a/{_DASHES}]\p{{N}}|[ \u00a0]?[{_DASHES}:][ \u00a0]?\p{{N}})"
)


@dataclass(frozen=True)
class NumberPair:
    """Two or three numbers written together; offsets into the text it was read from."""

    start: int
    end: int
    text: str
    numbers: tuple[int, ...]
    #: the last number is written with two digits after a colon (minutes of a time, ``19:05``)
    minutes: bool


def _alternation(words) -> str:
    """The words as a regex alternation, longest first."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _joiner_table() -> dict[str, tuple[str, ...]]:
    return {str(lang): tuple(map(str, words)) for lang, words in locale_data("score_joiners").items()}


@lru_cache(maxsize=32)
def _joined(language: str) -> regex.Pattern | None:
    """Two numbers joined by a word of ``language`` (ja 5対3), none where it has no such word."""
    words = _joiner_table().get(language)
    if not words:
        return None
    alternatives = _alternation(words)
    return regex.compile(rf"(?<![\p{{N}}.,:]|\p{{N}}(?:{alternatives}))(\p{{Nd}}{{1,3}})(?:{alternatives})(\p{{Nd}}{{1,3}})"
                         rf"(?![\p{{N}}%٪％]|[.,:]\p{{N}}|(?:{alternatives})\p{{N}})")


def number_pairs(text: str, language: str = "") -> list[NumberPair]:
    """Every score, record, game clock, time or ratio written in digits in ``text``; with
    ``language``, also those joined by its word for "to" (``locale/data/score_joiners.toml``:
    ja ``5対3``, zh ``5比3``, ko ``5대3``)."""
    out = []
    for m in _PAIR.finditer(text):
        numbers = tuple(int(g) for g in (m.group(1), m.group(4), m.group(5)) if g is not None)
        minutes = m.group(3) is not None and len(m.group(4)) == 2 and m.group(5) is None
        out.append(NumberPair(m.start(), m.end(), m.group(), numbers, minutes))
    joined = _joined(language) if language else None
    if joined is not None:
        out.extend(NumberPair(m.start(), m.end(), m.group(), (int(m.group(1)), int(m.group(2))), False)
                   for m in joined.finditer(text))
    clocked = _clocked(language) if language else None
    if clocked is not None:
        taken = {p.start for p in out}
        out.extend(NumberPair(m.start(1), m.end(), text[m.start(1):m.end()], (int(m.group(1)), int(m.group(2))), True)
                   for m in clocked.finditer(text) if m.start(1) not in taken)
    if joined is not None or clocked is not None:
        out.sort(key=lambda p: p.start)
    return out


@lru_cache(maxsize=32)
def _clocked(language: str) -> regex.Pattern | None:
    """A time of day with a period after the language's clock word (fi ``klo 15.30``, sv ``kl.
    19.45``, id ``pukul 15.00``; ``locale/data/clock.toml``), none where it has no such word."""
    from ..locale.calendars import clock_words

    words = clock_words(language)
    if not words:
        return None
    alternatives = _alternation(words)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternatives})[ \u00a0]*(\p{{Nd}}{{1,2}})[.:](\p{{Nd}}{{2}})"
                         r"(?![\p{N}]|[.:]\p{N})", regex.IGNORECASE)


def same_pair(a: NumberPair, b: NumberPair, a_offset: int = 0, b_offset: int = 0) -> bool:
    """The same numbers in any order, or the same time of day on a 12- and a 24-hour clock; a time
    written where the clock counts from dawn (``*_offset`` hours: Swahili 6) also as that time.

    >>> p, q, r = number_pairs("won 2-1, kick-off 7:45, final 1:2 at 19:45")[:2] + number_pairs("1:2")
    >>> same_pair(p, r), same_pair(q, number_pairs("um 19:45 Uhr")[0]), same_pair(p, number_pairs("2-10")[0])
    (True, True, False)
    """
    if sorted(a.numbers) == sorted(b.numbers):
        return True
    if len(a.numbers) == len(b.numbers) == 2 and (a.minutes or b.minutes) and a.numbers[1] == b.numbers[1]:
        h, k = a.numbers[0], b.numbers[0]
        return h <= 24 and k <= 24 and (h % 12 == k % 12 or (h + a_offset) % 12 == (k + b_offset) % 12)
    return False
