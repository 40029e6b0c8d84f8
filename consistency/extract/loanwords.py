"""Scale words borrowed from English in languages whose CLDR data counts otherwise.

Contract: :func:`loanword_scales(scales)` gives, for a language whose known scale words
``scales`` (CLDR's compact formats and its pack, word → power of ten) have none for a million —
the South Asian languages CLDR counts in lakhs and crores (hi, bn, gu, pa, mr, ne, ur…) and those
without compact formats — the table of ``locale/data/loanword_scales.toml``: consonant keys →
power of ten; otherwise an empty table, so that CLDR's own words always decide.
:func:`loanword_power(word, table)` is the power of ten ``word`` names by that table, or 0: the
word, romanized by :func:`~consistency.extract.translit.romanize`, reduced to its consonants
(``मिलियन`` → ``miliyana`` → ``mln``).  A word in Latin script is never a loanword here (a
Latin-script language has CLDR's words for a million; ``plan`` is no billion).

>>> table = loanword_scales({"लाख": 5, "करोड़": 7})
>>> loanword_power("मिलियन", table), loanword_power("বিলিয়ন", table), loanword_power("लोग", table)
(6, 9, 0)
>>> loanword_scales({"million": 6})
{}
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Mapping

import regex

from .translit import romanize

__all__ = ["loanword_power", "loanword_scales"]

_NOT_CONSONANT = regex.compile(r"[^a-z]|[aeiouyhw]")
_DOUBLED = regex.compile(r"(.)\1+")
_LATIN = regex.compile(r"\p{Latin}")


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    text = resources.files("consistency.locale").joinpath("data/loanword_scales.toml").read_text("utf-8")
    return {str(k): int(v) for k, v in tomllib.loads(text)["consonants"].items()}


def loanword_scales(scales: Mapping[str, int]) -> dict[str, int]:
    """The loanword table for a language with these scale words: empty where one names a million."""
    return {} if 6 in scales.values() else dict(_table())


@lru_cache(maxsize=4096)
def _consonants(word: str) -> str:
    return _DOUBLED.sub(r"\1", _NOT_CONSONANT.sub("", romanize(word).casefold()))


def loanword_power(word: str, table: Mapping[str, int]) -> int:
    """The power of ten ``word`` names as a borrowed scale word, else 0."""
    if not table or not word or _LATIN.match(word):
        return 0
    return table.get(_consonants(word), 0)
