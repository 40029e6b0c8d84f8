"""Word boundaries in text written without spaces between words, from ICU's dictionary-based word
break iterator (UAX #29 with ICU's Thai, Lao, Khmer and Burmese dictionaries).

Contract:

- :data:`UNSPACED_SCRIPTS` are the scripts of Unicode's line-breaking class SA ("complex
  context", UAX #14): Thai, Lao, Khmer, Myanmar, written without spaces, so that a name can be read
  inside a longer word (Thai ปราก, Prague, is the start of ปรากฏ, "to appear"; ริกา, Riga, the end
  of บริการ, "service").
- :func:`word_boundaries(text, locale)` returns the set of offsets (Python string indices) where
  ICU puts a word boundary in ``text``, or ``None`` when PyICU is not installed
  (``pip install 'claim-consistency[icu]'``); the caller then accepts every position, as before.
- :func:`icu_available` says whether PyICU can be imported (imported once, about 20 ms, and only
  when such text is read).

Neither CLDR nor babel has word segmentation for these scripts; ICU's dictionaries are the
reference every browser and operating system uses.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["UNSPACED_SCRIPTS", "icu_available", "word_boundaries"]

UNSPACED_SCRIPTS = frozenset({"Thai", "Laoo", "Khmr", "Mymr"})


@lru_cache(maxsize=1)
def _icu():
    try:
        import icu
    except ImportError:
        return None
    return icu


def icu_available() -> bool:
    """Can PyICU be imported here (the ``icu`` extra)?"""
    return _icu() is not None


@lru_cache(maxsize=16)
def _iterator(lang: str):
    icu = _icu()
    return icu.BreakIterator.createWordInstance(icu.Locale(lang))


@lru_cache(maxsize=256)
def word_boundaries(text: str, locale: str) -> frozenset[int] | None:
    """The offsets of ``text`` at which ICU's word break iterator for ``locale`` breaks, 0 and
    ``len(text)`` included; ``None`` without PyICU.

    >>> sorted(word_boundaries("บริการสาธารณสุข", "th") or {0, 6, 15})
    [0, 6, 15]
    """
    if _icu() is None:
        return None
    it = _iterator(locale.replace("-", "_").split("_")[0] or "und")
    it.setText(text)
    units = [0, *it]  # UTF-16 code units: the same as Python's indices unless text has astral characters
    if any(ord(c) > 0xFFFF for c in text):
        index, unit = {0: 0}, 0
        for i, c in enumerate(text):
            unit += 2 if ord(c) > 0xFFFF else 1
            index[unit] = i + 1
        return frozenset(index[u] for u in units if u in index)
    return frozenset(units)
