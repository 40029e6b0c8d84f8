"""Scale words borrowed from English in languages whose CLDR data counts otherwise.

Contract: :func:`loanword_scales()` is the table of ``locale/data/loanword_scales.toml``:
consonant keys → power of ten.  :func:`loanword_power(word, table)` is the power of ten ``word``
names by that table, or 0: the word, romanized by :func:`~consistency.extract.translit.romanize`,
reduced to its consonants (``मिलियन`` → ``miliyana`` → ``mln``), and written with an ``i``, ``y``
or ``j`` right after its ``l`` (the *-llion* every borrowing keeps: ``milyan``, ``mlyn``,
Maltese ``biljun``; Persian ``ملوان``, "sailor", ``mlwan``, has the consonants and is no million).  It is asked only where the language's
own scale words (CLDR's compact formats and its pack) did not match, so CLDR's words always decide;
that holds also where CLDR names a million in another word than the news borrows (ml ``ദശലക്ഷം``
beside ``മില്യൺ``; ps ``میلیونه`` beside ``میلیونو``).  A word of the Latin, Cyrillic or Greek
alphabet is a loanword only where the caller says so (``alphabetic=True``: a language whose own
scale words name no million after a number, such as Ewe ``miliɔn``, Northern Ndebele ``miliyoni``,
Wolof ``milyoŋ``); elsewhere ``plan`` is no billion, and Irish ``bliana`` (years) and Mongolian
``милийн`` (of miles) and ``баллын`` (of points) no millions or billions.  Marks are taken off and
the letters of ``[letters]`` replaced before the consonants are read (``miḽiyoni``, ``milyoŋ``).
The English words themselves (``million``, ``billions``: ``[english]``) are read in every script;
:func:`english_glued_scales` gives the abbreviations English news glues to an amount (``bn``).  In
the Bantu languages (``inflection.toml`` ``class_prefixes``) a loanword may carry a noun-class
prefix of up to eight letters, after which it begins as a scale word does (nso ``dimilione``, nd
``abangamamiliyoni``); where a language's borrowings write r for l (:func:`r_for_l_languages`: mi
``miriona``, rw ``miriyoni``) a word is read as written and with its r as l.

>>> table = loanword_scales()
>>> loanword_power("मिलियन", table), loanword_power("বিলিয়ন", table), loanword_power("लोग", table)
(6, 9, 0)
>>> loanword_power("മില്യൺ", table), loanword_power("ملوان", table)
(6, 0)
>>> loanword_power("milyoŋ", table), loanword_power("milyoŋ", table, alphabetic=True)
(0, 6)
>>> loanword_power("милийн", table)
0
>>> loanword_power("dimilione", table, alphabetic=True, prefixed=True), loanword_power("miriona", table, alphabetic=True, r_for_l=True)
(6, 6)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Mapping

import regex

from ..locale.datafiles import locale_data
from .translit import romanize

__all__ = ["english_glued_scales", "loanword_power", "loanword_scales", "r_for_l_languages"]

_NOT_CONSONANT = regex.compile(r"[^a-z]|[aeiouyjhw]")
_DOUBLED = regex.compile(r"(.)\1+")
_ALPHABET = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")
_NOT_LETTER = regex.compile(r"[^a-z]")
_LLION = regex.compile(r"l+[iyj]")
#: where a scale word begins after a noun-class prefix, and how long the prefix may be (nd
#: abangama-miliyoni)
_INITIALS = frozenset("mbt")
_PREFIXED_START = regex.compile(r"(?:m|bh?|tr)i\p{M}*l")  # sn mabhiriyoni: bh, a breathy b
_MAX_PREFIX = 8


def _data() -> dict:
    return locale_data("loanword_scales")


def _table() -> dict[str, int]:
    return {str(k): int(v) for k, v in _data()["consonants"].items()}


@lru_cache(maxsize=1)
def _letters() -> dict[int, str]:
    return str.maketrans({str(k): str(v) for k, v in _data()["letters"].items()})


def loanword_scales() -> dict[str, int]:
    """The loanword table: consonants → power of ten."""
    return dict(_table())


@lru_cache(maxsize=1)
def english_glued_scales() -> dict[str, int]:
    """English journalistic abbreviations glued to an amount (``£2.8bn``) → power of ten."""
    return {str(k): int(v) for k, v in _data()["english_glued"].items()}


@lru_cache(maxsize=1)
def _english() -> dict[str, int]:
    return {str(k): int(v) for k, v in _data()["english"].items()}


@lru_cache(maxsize=4096)
def _consonants(word: str) -> str:
    """The word's consonants, or "" where its ``l`` is not followed by ``i``, ``y`` or ``j``."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", romanize(word).casefold()) if not unicodedata.combining(c))
    letters = _NOT_LETTER.sub("", bare.translate(_letters()))
    if not _LLION.search(letters):
        return ""
    return _DOUBLED.sub(r"\1", _NOT_CONSONANT.sub("", letters))


@lru_cache(maxsize=1)
def r_for_l_languages() -> frozenset[str]:
    """Languages whose borrowings write r for English l (mi miriona, rw miriyoni)."""
    return frozenset(map(str, _data().get("r_for_l", ())))


def loanword_power(word: str, table: Mapping[str, int], *, alphabetic: bool = False, prefixed: bool = False,
                   r_for_l: bool = False) -> int:
    """The power of ten ``word`` names as a borrowed scale word, else 0; a word of the Latin,
    Cyrillic or Greek alphabet only with ``alphabetic``.  With ``prefixed`` (a Bantu language's
    noun-class prefix, ``inflection.toml`` ``class_prefixes``), the word may begin with a prefix
    (nso ``dimilione``: ``milione``); with ``r_for_l``, its r may stand for l (mi ``miriona``)."""
    if not table or not word:
        return 0
    if (english := _english().get(word.casefold())) is not None:
        return english  # the English word itself (zu "20 million abantu")
    if not alphabetic and _ALPHABET.match(word):
        return 0
    if (power := table.get(_consonants(word), 0)) or not (prefixed or r_for_l):
        return power
    folded = word.casefold()
    # after a prefix, the word starts as a scale word does (mil-, bil-, tril-: ny anamwalira, "they
    # died", has a milliard's consonants after ana-)
    starts = [i for i in range(1, min(len(folded), _MAX_PREFIX + 1)) if folded[i] in _INITIALS] if prefixed else []
    for start in (0, *starts):
        rest = folded[start:]
        for candidate in (rest, rest.replace("r", "l")) if r_for_l else (rest,):
            if start and not _PREFIXED_START.match(unicodedata.normalize("NFKD", candidate)):
                continue
            if (power := table.get(_consonants(candidate), 0)):
                return power
    return 0
