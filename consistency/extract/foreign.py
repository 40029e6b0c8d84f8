"""Foreign spellings of Japanese loanwords, from the optional ``ja`` extra.

``pip install 'claim-consistency[ja]'`` installs `cutlet
<https://github.com/polm/cutlet>`_ and the UniDic dictionary (``unidic-lite``,
about 250 MB installed), whose entries for katakana loanwords carry the word
they come from: ``バークレイズ`` -> ``Barclay``, ``ウォルシュ`` -> ``Walsh``,
``マイクロソフト`` -> ``Micro soft``.  Name matching
(:mod:`consistency.engine.checks.names`) uses such a spelling as one *more*
candidate beside the built-in transliteration (:mod:`.translit`), never
instead of it: UniDic also knows wrong ones (``ラバーン`` -> ``Rubber n``,
``ドイツ`` -> ``Duits``), and none at all for most names.

Without the extra everything works as before; :func:`foreign_spelling`
returns ``None``.  cutlet is imported the first time a katakana name is
compared with a Latin one, or when a check of a Japanese version asks
whether the extra is there (:func:`missing_extra_notes`); never when this
module is imported, never for a check without Japanese.
"""

from __future__ import annotations

from functools import lru_cache

from ..locale.tags import language

__all__ = ["foreign_spelling", "foreign_name", "japanese_extra_available", "missing_extra_notes", "JA_EXTRA_NOTE",
           "NO_NOTES_ENV"]

#: set to 1 to silence the notes about missing extras
NO_NOTES_ENV = "CLAIM_CONSISTENCY_NO_NOTES"

ICU_EXTRA_NOTE = (
    "claim-consistency: note: names in text without spaces between words (Thai, Lao, Khmer, Burmese) are "
    "found without word boundaries; pip install 'claim-consistency[icu]' adds ICU's word breaks (about 50 MB)"
)
JA_EXTRA_NOTE = (
    "claim-consistency: note: Japanese names are matched with the built-in transliteration; "
    "pip install 'claim-consistency[ja]' adds UniDic's foreign spellings (about 250 MB)"
)


@lru_cache(maxsize=1)
def _cutlets():
    """(foreign, plain) :class:`cutlet.Cutlet` instances, or ``None`` without the extra."""
    try:
        import cutlet

        foreign = cutlet.Cutlet()
        foreign.use_foreign_spelling = True
        plain = cutlet.Cutlet()
        plain.use_foreign_spelling = False
    except Exception:  # noqa: BLE001 - not installed, no dictionary, a broken build: fall back
        return None
    return foreign, plain


def japanese_extra_available() -> bool:
    """Is the ``ja`` extra (cutlet with a UniDic dictionary) installed and working?

    Tries to load it (once per process: about 20 ms where it is installed), so
    call it only when Japanese is checked.
    """
    return _cutlets() is not None


def _pieces(text: str) -> list[str]:
    from .translit import ascii_fold

    return ["".join(ch for ch in ascii_fold(p) if ch.isalnum()) for p in text.replace("/", " ").split()]


@lru_cache(maxsize=16384)
def foreign_spelling(word: str) -> str | None:
    """The word a katakana loanword comes from, as UniDic spells it: ASCII,
    lower case, without spaces (``マイクロソフト`` -> ``microsoft``).

    ``None`` without the ``ja`` extra, for a word UniDic has no foreign
    spelling of (``ニューヨーク`` stays ``Nyuuyooku``), and for one whose
    spelling is foreign only in part (``ラバーン`` -> ``Rubber n``): half
    English, half romaji compares badly with either.
    """
    if not word:
        return None
    pair = _cutlets()
    if pair is None:
        return None
    foreign, plain = pair
    try:
        spelled, romaji = foreign.romaji(word), plain.romaji(word)
    except Exception:  # noqa: BLE001 - a word MeCab cannot take is simply not known
        return None
    a, b = _pieces(spelled), _pieces(romaji)
    if not a or a == b:
        return None
    if len(a) == len(b) and any(x == y for x, y in zip(a, b)):
        return None  # partly foreign
    out = "".join(a)
    return out if out.isascii() and out.isalpha() else None


@lru_cache(maxsize=16384)
def foreign_name(text: str) -> tuple[str, tuple[str, ...]]:
    """A katakana name with each word that has a foreign spelling so spelled
    (``ジョン・ウォルシュ`` -> ``john walsh``; the others stay katakana), and those
    spellings; ``("", ())`` when no word has one, and always without the extra."""
    words = [w for w in text.replace("･", "・").replace("＝", "・").split("・") if w]
    spelled = [foreign_spelling(w) for w in words]
    if not any(spelled):
        return "", ()
    return " ".join(s or w for s, w in zip(spelled, words)), tuple(s for s in spelled if s)


def missing_extra_notes(locales) -> list[str]:
    """The notes to show for checking ``locales`` (tags such as ``ja``, ``ja-JP``): one per
    optional extra that would improve the check and is not installed; none when the
    environment variable ``CLAIM_CONSISTENCY_NO_NOTES`` is set (to anything but 0 or empty)."""
    import os

    if os.environ.get(NO_NOTES_ENV, "") not in ("", "0"):
        return []
    notes = []
    tags = [str(tag) for tag in locales if tag]
    if any(language(tag) == "ja" for tag in tags) and not japanese_extra_available():
        notes.append(JA_EXTRA_NOTE)
    if any(_unspaced(tag) for tag in tags):
        from ..locale.words import icu_available

        if not icu_available():
            notes.append(ICU_EXTRA_NOTE)
    return notes


def _unspaced(tag: str) -> bool:
    """Is ``tag``'s language written in a script without spaces between words (CLDR's likely
    script: th Thai, lo Lao, km Khmer, my Myanmar, shn...)?"""
    from babel.core import get_global

    from ..locale.words import UNSPACED_SCRIPTS

    likely = get_global("likely_subtags").get(language(tag), "")
    return any(f"_{script}" in likely for script in UNSPACED_SCRIPTS)
