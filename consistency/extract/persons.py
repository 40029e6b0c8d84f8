"""Whether a version's text treats a full name as a person's (:func:`looks_like_person`).

The checks of names (NAM001, NAM003) and of spellings (NAM002) ask it of every full name they
compare, so it reads each version's text through indexes built once per text: its words written
in lower case, and where each word starts.
"""

from __future__ import annotations

from array import array
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .names import Mention

__all__ = ["looks_like_person"]


@lru_cache(maxsize=16)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (its common words)."""
    return frozenset(filter(str.islower, set(_LETTERS.findall(text))))  # each word once: most recur


def looks_like_person(text: str, person: Mention) -> bool:
    """Whether the version's text treats a full name as a person's: a title is written before it
    (``Präsidentin``, ``Dr.``), or the surname stands alone elsewhere (``… Walsh said``), as news
    writes a person on second mention; and no word of it is a common word of the text (written
    in lower case there: ``court`` in ``Supreme Court``, ``europäischen`` in ``Europäischen
    Parlament``). Translated names of organisations and places (European Parliament /
    Parlamento Europeo) are told from people this way.

    Asked once per name and text: every mention of a person asks again, and each answer reads
    every place the surname is written (a long article named often grew with the square of its
    length)."""
    answers = _answers(text)
    key = (person.text, bool(person.title))
    if key not in answers:
        answers[key] = _looks_like_person(text, *key)
    return answers[key]


@lru_cache(maxsize=16)
def _answers(text: str) -> dict[tuple[str, bool], bool]:
    """:func:`looks_like_person`'s answers for ``text`` so far, by (name, whether a title precedes it)."""
    return {}


def _looks_like_person(text: str, name: str, titled: bool) -> bool:
    words = _NAME_WORDS.findall(name)
    if len(words) < 2:
        return False
    if any(w.lower() != w and w.lower() in _lower_case_words(text) for w in words):
        return False
    if titled:
        return True
    surname, given = words[-1], words[-2]
    if len(surname) < 3 or not surname[0].isalpha():
        alone = len(regex.findall(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(surname)}", text))
        together = len(regex.findall(
            rf"(?<![\p{{L}}\p{{M}}]){regex.escape(given)}[\s・･＝]+{regex.escape(surname)}", text))
        return alone > together
    # the same counts through an index of the text's word starts (a scan of the whole text for
    # each person made a long version's check grow with the square of its length)
    alone = together = last_end = 0
    for p in _word_starts(text, _LOWER.match(surname) is not None).get(surname[:3], ()):
        if not text.startswith(surname, p):
            continue
        alone += 1
        j = p
        while j > 0 and _NAME_GAP.match(text[j - 1]):
            j -= 1
        start = j - len(given)
        if j < p and start >= last_end and text.startswith(given, start) and (
                start == 0 or not _LETTER_OR_MARK.match(text[start - 1])):
            together += 1
            last_end = p + len(surname)
    return alone > together


_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_NAME_WORDS = regex.compile(r"[\p{L}\p{M}’'-]+")
_NAME_GAP = regex.compile(r"[\s・･＝]")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")


@lru_cache(maxsize=16)
def _word_starts(text: str, lower: bool) -> dict[str, array[int]]:
    """Where each word of ``text`` starts (a letter after no letter or mark), by its first three
    characters: the words whose first letter is lower case (``\\p{Ll}``) where ``lower``, else the
    others.  A surname is looked for among the words that start as it does: most words of a text in
    Latin or Cyrillic letters start in lower case, and a surname seldom does."""
    index: dict[str, array[int]] = {}  # 8 bytes a position, not a Python int's 28
    known = index.get  # not a defaultdict: its factory, a Python call, cost as much as the scan
    for m in (_LOWER_WORD_START if lower else _OTHER_WORD_START).finditer(text):  # one match per word
        at = m.start()
        key = text[at:at + 3]
        positions = known(key)
        if positions is None:
            positions = index[key] = array("q")
        positions.append(at)
    return index


#: a word (a letter after no letter or mark, and the letters and marks after it) whose first letter
#: is lower case, and one whose first letter is not
_LOWER_WORD_START = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*")
_OTHER_WORD_START = regex.compile(r"(?<![\p{L}\p{M}])[^\P{L}\p{Ll}][\p{L}\p{M}]*")
_LOWER = regex.compile(r"\p{Ll}")
