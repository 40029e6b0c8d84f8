"""Burmese text in the Zawgyi font encoding, detected and read as Unicode; and digits typed for
the letters they look like.

Much Burmese text is written in Zawgyi, a font encoding that gives the Myanmar block's code points
other meanings and another order than Unicode's: the vowel sign ``ေ`` (U+1031) is typed before
the consonant it follows in Unicode, U+1039 is the visible killer (Unicode's U+103A), U+1060-U+1097
are stacked and variant forms.  Read as Unicode such text yields wrong figures: Zawgyi's
``႕`` (U+1095, the dot below) is Unicode's Shan digit five.

- :func:`zawgyi_score` says how much more likely a text is Zawgyi than Unicode: the sum, over its
  pairs of adjacent characters, of the log-ratios in ``data/zawgyi.json``
  (:mod:`consistency.locale.build_zawgyi` builds it from CLDR's Burmese and ICU's ``my-Zawgyi``);
  no ICU is needed.  A version is read as Zawgyi when its whole text scores above
  :data:`DOCUMENT_THRESHOLD`; a block of it that on its own scores below :data:`UNICODE_BLOCK`
  is left as written (a Unicode passage pasted into a Zawgyi article).
- :func:`reader` gives, for a Burmese (``my``) version, the :class:`Reader` that reads its blocks:
  ICU's ``Zawgyi-my`` transliterator converts them (``pip install 'claim-consistency[icu]'``;
  without it the text is read as written and ``claim-consistency check`` says once that Zawgyi
  was found, :func:`zawgyi_note`).  The conversion reorders and expands characters, so each
  block is converted syllable by syllable, and a span of the converted text maps back to the
  syllables it came from (:meth:`Reading.span`): findings point at the file as written.  The
  syllables are checked: converted one by one they must give ICU's conversion of the whole
  block, else the block is converted by runs between spaces, else as one piece.
- The **digit-for-letter rule**, in every Burmese version, Unicode or Zawgyi: the digits zero
  ``၀``, seven ``၇`` and four ``၄`` look like the letters wa ``ဝ``, ra ``ရ`` and the
  abbreviation ``၎`` and are typed for them.  A digit with no digit beside it is read as the
  letter when a vowel sign, medial or tone mark follows it (no digit takes one), or a letter
  that closes its syllable (a letter with the killer: ``၀င်``, "enter"; ``၄င်း`` is ``၎င်း``,
  "it"), and ``၀`` also when it stands between a Myanmar letter or sign and a Myanmar letter
  (``အ၀တ်``).  A digit next to another digit, or before a space or a letter that begins a
  syllable, stays a digit: ``၁၀ လ``, ``၅နှစ်`` and ``ဇူလိုင်၇ရက်`` are 10 months, 5 years and the
  7th of July.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, TypeVar

import regex

from .tags import language

__all__ = ["DOCUMENT_THRESHOLD", "UNICODE_BLOCK", "Reader", "Reading", "is_zawgyi", "read_through", "reader",
           "zawgyi_note", "zawgyi_score"]

#: a version whose text scores above this (natural log of the odds) is read as Zawgyi.  The
#: 1,997 sentences of a Zawgyi news translation score 37 to 312 (5th to 95th percentile; 1,992
#: of them above 5), the same converted to Unicode -410 to -51 (none above 0)
DOCUMENT_THRESHOLD = 5.0
#: a block of a Zawgyi version scoring below this on its own is Unicode and left as written
UNICODE_BLOCK = -10.0

ICU_NOTE = ("claim-consistency: note: Burmese text in the Zawgyi encoding was found ({paths}) and is read as "
            "written, so its figures and names may be misread; pip install 'claim-consistency[icu]' reads it "
            "as Unicode (about 50 MB)")

_FIRST, _LAST = 0x1000, 0x109F
_OTHER = " "


@lru_cache(maxsize=1)
def _pairs() -> dict[str, float]:
    with resources.files("consistency.locale").joinpath("data/zawgyi.json").open(encoding="utf-8") as fh:
        return json.load(fh)["pairs"]


def _state(ch: str) -> str:
    return ch if _FIRST <= ord(ch) <= _LAST else _OTHER


def zawgyi_score(text: str) -> float:
    """The log of the odds that ``text`` is Zawgyi rather than Unicode (0: no Myanmar character,
    or no telling pair).

    >>> zawgyi_score("ေမာင္ေမာင္") > 5 > 0 > zawgyi_score("မောင်မောင်")
    True
    """
    if not any(_FIRST <= ord(c) <= _LAST for c in text):
        return 0.0
    pairs = _pairs()
    get = pairs.get
    total = 0.0
    prev = _OTHER
    for ch in text:
        cur = _state(ch)
        if cur != _OTHER or prev != _OTHER:
            total += get(prev + cur, 0.0)
        prev = cur
    if prev != _OTHER:
        total += get(prev + _OTHER, 0.0)
    return total


def is_zawgyi(text: str) -> bool:
    """Is ``text`` Burmese written in the Zawgyi encoding (:data:`DOCUMENT_THRESHOLD`)?"""
    return zawgyi_score(text) > DOCUMENT_THRESHOLD


# ----------------------------------------------------------------------- conversion

@lru_cache(maxsize=1)
def _transliterator() -> Any:
    try:
        import icu

        return icu.Transliterator.createInstance("Zawgyi-my")
    except Exception:  # noqa: BLE001 - not installed, or an ICU without the transform: read as written
        return None


def icu_converts() -> bool:
    """Can Zawgyi be converted here (PyICU with ICU's ``Zawgyi-my`` transform)?"""
    return _transliterator() is not None


@lru_cache(maxsize=65536)
def _convert(piece: str) -> str:
    return _transliterator().transliterate(piece)


#: Zawgyi characters typed before the consonant they belong to: the vowel sign e, the medial ra
#: and its wide and stacked forms
_PREFIXES = frozenset("\u1031\u103b" + "".join(map(chr, range(0x107E, 0x1085))))
#: Zawgyi characters that begin a syllable: consonants, independent vowels, digits, punctuation
#: and symbols, and Zawgyi's letter variants (na, nya, ra, the great sa)
_STARTS = frozenset("".join(map(chr, range(0x1000, 0x102B))) + "\u103f" + "".join(map(chr, range(0x1040, 0x1050)))
                    + "\u106a\u106b\u1086\u108f\u1090")
_DIGITS = frozenset("၀၁၂၃၄၅၆၇၈၉")
#: what may stand between a final consonant and Zawgyi's killer (U+1039)
_BEFORE_KILLER = frozenset("\u1032\u1036\u1037\u1094\u1095")


def _syllable_starts(text: str) -> list[int]:
    """The offsets where a Zawgyi syllable (or a character outside the Myanmar block) begins."""
    starts = []
    n = len(text)
    for i, ch in enumerate(text):
        if not _FIRST <= ord(ch) <= _LAST:
            starts.append(i)
            continue
        prev = text[i - 1] if i else ""
        if ch in _PREFIXES:
            if prev not in _PREFIXES:
                starts.append(i)
            continue
        if ch not in _STARTS or prev in _PREFIXES or ch in _DIGITS and prev in _DIGITS:
            continue
        j = i + 1
        while j < n and text[j] in _BEFORE_KILLER:
            j += 1
        if j < n and text[j] == "\u1039":  # a final consonant: it ends the syllable before it
            continue
        starts.append(i)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def _run_starts(text: str) -> list[int]:
    """Coarser pieces: every character outside the Myanmar block, and each run of Myanmar ones."""
    return [i for i, ch in enumerate(text)
            if i == 0 or not _FIRST <= ord(ch) <= _LAST or not _FIRST <= ord(text[i - 1]) <= _LAST]


@dataclass(frozen=True, slots=True)
class Reading:
    """A text as read: ``text``, and for each of its characters the span of the text as written
    it comes from (``None``: one character for one, the same offsets)."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None
    length: int = 0  # of the text as written

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text as written that ``text[start:end]`` was read from."""
        if self.starts is None or self.ends is None:
            return start, end
        n = len(self.text)
        s = self.starts[start] if start < n else self.length
        if end <= start:
            return s, s
        return s, max(s, self.ends[min(end, n) - 1])

    def restore(self, item: Any, written: str) -> Any:
        """``item`` (a claim, a name mention: a dataclass with ``start``, ``end`` and ``text``)
        found in :attr:`text`, moved to the text as ``written``."""
        s, e = self.span(item.start, item.end)
        if (s, e) == (item.start, item.end) and written[s:e] == item.text:
            return item
        return replace(item, start=s, end=e, text=written[s:e])


def _pieces(text: str, starts: list[int]) -> Reading | None:
    """``text`` converted, with each character of the conversion mapped to the piece of ``text``
    it comes from.  The pieces begin at ``starts``; a piece whose conversion on its own is not
    what ICU writes for it inside the whole text (ICU reads some characters by their neighbours:
    ``၀`` after a digit stays a digit, alone it is the letter wa) is joined to up to three pieces
    before it and two after it until it is.  ``None`` when that fails."""
    whole = _convert(text)
    bounds = [*starts, len(text)]
    done: list[tuple[int, int, int]] = []  # (start, end, start in whole) of the pieces so far
    at = 0  # how far into ``whole`` the pieces so far reach
    i = 0
    while i < len(starts):
        for back in range(min(3, len(done)) + 1):
            s, p = (done[-back][0], done[-back][2]) if back else (bounds[i], at)
            for ahead in range(min(3, len(starts) - i)):
                e = bounds[i + 1 + ahead]
                piece = _convert(text[s:e])
                if whole.startswith(piece, p) and (e < len(text) or p + len(piece) == len(whole)):
                    del done[len(done) - back:]
                    done.append((s, e, p))
                    at, i = p + len(piece), i + 1 + ahead
                    break
            else:
                continue
            break
        else:
            return None
    first: list[int] = []
    last: list[int] = []
    for k, (s, e, p) in enumerate(done):
        _map_piece(text[s:e], whole[p:done[k + 1][2] if k + 1 < len(done) else len(whole)], s, first, last)
    return Reading(whole, tuple(first), tuple(last), len(text))


def _map_piece(written: str, read: str, at: int, first: list[int], last: list[int]) -> None:
    """Append the spans of ``written`` (at offset ``at``) that the characters of ``read``, its
    conversion, come from: what both begin and end with, character by character (a digit, a
    space); the rest from the rest."""
    size, n = len(read), len(written)
    pre = 0
    while pre < min(size, n) and read[pre] == written[pre]:
        pre += 1
    suf = 0
    while suf < min(size, n) - pre and read[size - 1 - suf] == written[n - 1 - suf]:
        suf += 1
    mid = (at + pre, at + n - suf) if pre < n - suf else (at, at + n)
    for k in range(size):
        if k < pre:
            first.append(at + k)
            last.append(at + k + 1)
        elif k >= size - suf:
            first.append(at + n - (size - k))
            last.append(at + n - (size - k) + 1)
        else:
            first.append(mid[0])
            last.append(mid[1])


def convert(text: str) -> Reading:
    """``text``, written in Zawgyi, as Unicode, with the map back (ICU must be there)."""
    if not text:
        return Reading(text)
    return _pieces(text, _syllable_starts(text)) or _pieces(text, _run_starts(text)) or _pieces(text, [0])  # type: ignore[return-value]


# ------------------------------------------------------------- the digit-for-letter rule

_LETTER_FOR = {"၀": "ဝ", "၇": "ရ", "၄": "၎"}
#: a digit glued into a word (no digit beside it): before a vowel sign, medial or tone mark,
#: or before a letter that ends its syllable (a letter with the killer: ``၀င်``, ``၄င်း``); and
#: ``၀`` between a Myanmar letter or sign and a Myanmar letter.  Seven and four between letters
#: stay digits: ``ဇူလိုင်၇ရက်`` is the 7th of July.
_GLUED_DIGIT = regex.compile(
    r"(?<![\u1040-\u1049])(?:[၀၇၄](?![\u1040-\u1049])"
    r"(?=[[\p{Mn}\p{Mc}]&&\p{Mymr}]|[\p{L}&&\p{Mymr}][\u1039\u103a])"
    r"|(?<=[[\p{L}\p{M}]&&\p{Mymr}])၀(?=[\p{L}&&\p{Mymr}]))", regex.V1)


def letters_for_digits(text: str) -> str:
    """``text`` with each digit typed for a letter written as that letter, one character for one.

    >>> letters_for_digits("၀န်ကြီး ၁၀ ဦး")  # the minister (wa), 10 people
    'ဝန်ကြီး ၁၀ ဦး'
    """
    if "၀" not in text and "၇" not in text and "၄" not in text:
        return text
    return _GLUED_DIGIT.sub(lambda m: _LETTER_FOR[m.group()], text)


# ----------------------------------------------------------------------------- reader

@dataclass(frozen=True, slots=True)
class Reader:
    """How the blocks of one Burmese version are read: converted from Zawgyi (``zawgyi``), and
    with digits typed for letters read as the letters."""

    zawgyi: bool

    def read(self, text: str) -> Reading:
        reading = Reading(text, length=len(text))
        if self.zawgyi and any(_FIRST <= ord(c) <= _LAST for c in text) and zawgyi_score(text) >= UNICODE_BLOCK:
            reading = convert(text)
        fixed = letters_for_digits(reading.text)
        return reading if fixed is reading.text else replace(reading, text=fixed)


def reader(text: str, locale: str) -> Reader | None:
    """The reader of a version's blocks, given its whole ``text``; ``None`` for a version that is
    read as written (not Burmese)."""
    if language(locale or "") != "my":
        return None
    return Reader(zawgyi=icu_converts() and is_zawgyi(text))


T = TypeVar("T")


def read_through(read: Reader | None, extract: Callable[..., list[T]], text: str, *args: Any, **kwargs: Any) -> list[T]:
    """``extract(text, *args, **kwargs)`` run on ``text`` as ``read`` reads it, each result's span
    (and ``text``) moved back to ``text`` as written."""
    if read is None:
        return extract(text, *args, **kwargs)
    reading = read.read(text)
    if reading.text is text:
        return extract(text, *args, **kwargs)
    return [reading.restore(item, text) for item in extract(reading.text, *args, **kwargs)]


def zawgyi_note(versions) -> str | None:
    """The note to show when a Burmese version among ``versions`` (``(path, locale)`` pairs) is
    written in Zawgyi and ICU is not there to convert it; ``None`` otherwise."""
    burmese = sorted({str(path) for path, locale in versions if language(str(locale or "")) == "my"})
    if not burmese or icu_converts():
        return None
    found = []
    for path in burmese:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except (OSError, ValueError):
            continue
        if is_zawgyi(text):
            found.append(path)
    if not found:
        return None
    shown = ", ".join(found[:3]) + (", …" if len(found) > 3 else "")
    return ICU_NOTE.format(paths=shown)
