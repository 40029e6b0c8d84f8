"""A light transliterator to Latin, and the phonetic keys names are matched by.

Names cross scripts when an article is translated: ``Barclays`` becomes
``バークレイズ``, ``Trump`` becomes ``トランプ``, ``트럼프`` or ``Трамп``.  This
module turns every script it can into plain ASCII Latin and then into a
*phonetic key* that forgets the differences a transliteration introduces
(``l``/``r``, ``b``/``v``, doubled letters, long vowels, the ``u`` and ``o``
Japanese adds after consonants), so that two spellings of one name end up
close:

>>> romanize("バークレイズ")
'baakureizu'
>>> romanize("트럼프"), romanize("Трамп"), romanize("Señor Müller")
('teureompeu', 'tramp', 'senor muller')
>>> phonetic_key("Barclays"), phonetic_key("バークレイズ")
('barkrais', 'bakureisu')
>>> skeleton(phonetic_key("Trump")) == skeleton(phonetic_key("トランプ"))
True

Data: ``locale/data/kana.json`` (kana to Hepburn) and ``locale/data/cyrillic.json``;
hangul is romanized by the Revised Romanization computed from its jamo; Greek, Arabic, Hebrew,
the Indic scripts, Thai, Armenian, Georgian and Thaana by ICU's transliterators (BGN/PCGN's where ICU
has them), through ``locale/data/translit.json``, which :mod:`consistency.locale.build_translit`
generates from ICU (so a check needs no ICU).  Han
characters are left alone: Chinese and Japanese kanji names are matched only
through vocabularies and the CLDR gazetteer (see :mod:`consistency.extract.names`).

Never decide on one score alone: :func:`name_similarity` combines an edit
similarity of the keys with one of their consonant skeletons, and callers
require the best *mutual* match among the names of an aligned passage.

The optional extra ``claim-consistency[ja]`` (cutlet and the UniDic dictionary
``unidic-lite``, about 250 MB installed) adds UniDic's foreign spellings of
katakana loanwords (``バークレイズ`` -> ``barclay``; :mod:`.foreign`).  Name
matching tries them as one more candidate beside this transliteration, never
instead of it, and only where the spelling is written like the Latin name:
UniDic also knows wrong ones (``ラバーン`` -> ``Rubber n``) and none for most
names (``ニューヨーク``).  Without the extra this module is all there is, and
``claim-consistency check`` says once, on stderr, which extra would help
(``CLAIM_CONSISTENCY_NO_NOTES=1`` silences it).
"""

from __future__ import annotations

import json
import unicodedata
from sys import intern

import regex
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

__all__ = ["romanize", "phonetic_key", "skeleton", "name_similarity", "ascii_fold"]


@lru_cache(maxsize=1)
def _kana() -> tuple[dict[str, str], int]:
    with resources.files("consistency.locale").joinpath("data/kana.json").open(encoding="utf-8") as fh:
        table = json.load(fh)["table"]
    return table, max(len(k) for k in table)


#: The letters ICU's tables cover all lie from Greek to Georgian (tests/test_names.py checks the shipped
#: table): text without one never reads ``translit.json`` (18 ms a process).
_ICU_FIRST, _ICU_LAST = "\u0370", "\u10ff"


@lru_cache(maxsize=1)
def _scripts() -> tuple[dict[str, tuple[dict[str, str], dict[str, str]]], dict[str, str]]:
    """``locale/data/translit.json`` (generated from ICU): per script its word-initial and
    in-word tables, and the script of every letter they cover."""
    try:
        with resources.files("consistency.locale").joinpath("data/translit.json").open(encoding="utf-8") as fh:
            data = json.load(fh)["scripts"]
    except (FileNotFoundError, OSError, ValueError):
        return {}, {}
    tables = {script: (entry["initial"], entry["medial"]) for script, entry in data.items()}
    owner = {seq[0]: script for script, (initial, _medial) in tables.items() for seq in initial}
    return tables, owner


def _icu_script(text: str, i: int, owner: dict[str, str], tables) -> tuple[str, int]:
    """The Latin of the letters of one ICU-table script at ``text[i]``: the longest sequence the
    table has (two letters, then one), word-initial or in-word as ``text`` has it."""
    initial, medial = tables[owner[text[i]]]
    starts_word = i == 0 or not (text[i - 1].isalpha() or unicodedata.combining(text[i - 1]))
    table = initial if starts_word else medial
    pair = text[i:i + 2]
    # a pair of letters (Greek ντ), or a letter and its mark (Devanagari क्, कि); not two letters
    # when the second has a mark of its own (र in रम्प goes alone, then म्)
    if len(pair) == 2 and pair in table and not (
            i + 2 < len(text) and unicodedata.category(text[i + 2]).startswith("M")
            and not unicodedata.category(pair[1]).startswith("M")):
        return table[pair], 2
    return table.get(text[i], initial.get(text[i], "")), 1


@lru_cache(maxsize=1)
def _cyrillic() -> dict[str, str]:
    with resources.files("consistency.locale").joinpath("data/cyrillic.json").open(encoding="utf-8") as fh:
        return json.load(fh)["table"]


# Revised Romanization of Korean: initials, medials, finals (and finals before a vowel)
_L = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
      "yu", "eu", "ui", "i"]
_T = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "l", "l", "p", "l", "m", "p", "p", "t", "t",
      "ng", "t", "t", "k", "t", "p", "t"]
_T_LIAISON = ["", "g", "kk", "gs", "n", "nj", "nh", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "lh", "m", "b",
              "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"]

_SPECIAL = {"’": "'", "ʼ": "'", "‘": "'", "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
            "ð": "d", "þ": "th", "œ": "oe", "Œ": "oe", "ı": "i"}


def ascii_fold(text: str) -> str:
    """Latin text without diacritics, lower case, typographic apostrophes as ASCII ones (``Erdoğan`` ->
    ``erdogan``, ``Straße`` -> ``strasse``, ``O’Hagan`` -> ``o'hagan``)."""
    if text.isascii():
        return intern(text.lower())  # one string per distinct word: mentions' tokens repeat
    return _fold_non_ascii(text)


@lru_cache(maxsize=16384)
def _fold_non_ascii(text: str) -> str:  # names repeat: a check folds the same words many times
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        out.append(_SPECIAL.get(ch, ch))
    return "".join(out).lower()


def _hangul(ch: str, nxt: str) -> str:
    s = ord(ch) - 0xAC00
    lead, vowel, tail = s // 588, (s % 588) // 28, s % 28
    final = _T[tail]
    if tail and nxt and "가" <= nxt <= "힣" and (ord(nxt) - 0xAC00) // 588 == 11:  # next begins with silent ㅇ
        final = _T_LIAISON[tail] if tail != 21 else "ng"
    return _L[lead] + _V[vowel] + final


@lru_cache(maxsize=16384)  # a name's words come back through an article, each read letter by letter
def romanize(text: str) -> str:
    """``text`` in lower-case ASCII Latin where the script allows (Han is kept as is)."""
    kana, longest = _kana()
    cyr = _cyrillic()
    out: list[str] = []
    i, n = 0, len(text)
    geminate = False
    while i < n:
        ch = text[i]
        if ch in "ッっ":
            geminate = True
            i += 1
            continue
        if ch == "ー":
            # a long vowel: repeat the last vowel written
            for prev in reversed("".join(out)):
                if prev in "aeiou":
                    out.append(prev)
                    break
            i += 1
            continue
        if ch in "・･＝=":
            out.append(" ")
            i += 1
            continue
        if "\u3040" <= ch <= "\u30ff":
            for size in range(min(longest, n - i), 0, -1):
                piece = text[i:i + size]
                if piece in kana:
                    roman = kana[piece]
                    if geminate and roman and roman[0] not in "aeiou":
                        roman = ("t" if roman.startswith("ch") else roman[0]) + roman
                    out.append(roman)
                    geminate = False
                    i += size
                    break
            else:
                i += 1
            continue
        geminate = False
        if "가" <= ch <= "힣":
            out.append(_hangul(ch, text[i + 1] if i + 1 < n else ""))
        elif "\u0400" <= ch <= "\u04ff":
            out.append(cyr.get(ch.lower(), ""))
        elif _ICU_FIRST <= ch <= _ICU_LAST and ch in (icu := _scripts())[1]:
            # Greek, Arabic, Hebrew, Indic, Thai…: ICU's transliteration, from the table
            tables, owner = icu
            roman, size = _icu_script(text, i, owner, tables)
            out.append(roman)
            i += size
            continue
        elif ch in "・･＝=":
            out.append(" ")
        else:
            out.append(ascii_fold(ch) if not ch.isascii() else ch.lower())
        i += 1
    return "".join(out)


# rewriting rules applied in order: Latin spelling and romaji both move to one
# rough sound alphabet (the sound distinctions Japanese and Korean lose go)
_RULES = (
    ("tsch", "c"), ("sch", "s"), ("shch", "s"), ("sh", "s"), ("ch", "c"), ("tch", "c"), ("ph", "f"), ("th", "t"),
    ("ck", "k"), ("gh", "g"), ("qu", "kw"), ("q", "k"), ("x", "ks"), ("dzh", "j"), ("zh", "j"), ("kh", "k"),
    ("tz", "s"), ("ts", "s"), ("z", "s"), ("v", "b"), ("l", "r"), ("y", "i"), ("w", "u"), ("j", "j"),
    ("eo", "o"), ("eu", "u"),
)


@lru_cache(maxsize=65536)  # a check asks for the same few thousand names' keys again and again
def _latin_key(text: str) -> str:
    s = "".join(ch for ch in text if "a" <= ch <= "z").replace("cz", "ts")
    # c before e, i, y sounds like s; otherwise like k (after the ch rule: C marks ch)
    s = s.replace("ch", "C")
    s = "".join(
        ("s" if i + 1 < len(s) and s[i + 1] in "eiy" else "k") if ch == "c" else ch for i, ch in enumerate(s)
    ).replace("C", "ch")
    for old, new in _RULES:
        s = s.replace(old, new)
    s = s.replace("np", "mp").replace("nb", "mb").replace("nm", "mm").replace("mb", "mp")
    out: list[str] = []
    for ch in s:
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def phonetic_key(text: str) -> str:
    """A rough sound key of ``text`` in any supported script (see the module doc)."""
    return _latin_key(romanize(text))


def skeleton(key: str) -> str:
    """The consonants of a phonetic key, doubled ones collapsed (``barkrais`` -> ``brkrs``)."""
    out: list[str] = []
    for ch in key:
        if ch in "aeiouh":
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def name_similarity(a: str, b: str) -> float:
    """How alike two names sound, 0..1: the mean of the edit similarity of their
    phonetic keys and of their consonant skeletons (0 when either has none).  Cached: the names of
    a bundle are compared pair by pair by several rules (40 % of NTREX's calls were repeats).

    >>> round(name_similarity("Barclays", "バークレイズ"), 2) > 0.7
    True
    >>> name_similarity("Barclays", "ゴールドマン") < 0.5
    True
    """
    ka, kb = phonetic_key(a), phonetic_key(b)
    best = _similarity(ka, kb)
    for merge in _merges_for(a, b):  # Davis and ديفيس: Arabic writes no v, p, g, e or o
        best = max(best, _similarity(ka.translate(merge), kb.translate(merge)))
    for x, y in ((a, b), (b, a)):
        folded = ascii_fold(x)
        if not folded.isascii() or not any(ch.isalpha() for ch in folded):
            continue
        every = folded
        for pattern, new in _VARIANTS:
            if pattern.search(folded):
                best = max(best, _similarity(_latin_key(pattern.sub(new, folded)), phonetic_key(y)))
                every = pattern.sub(new, every)
        if every != folded:  # Mother -> マザー needs two of them
            best = max(best, _similarity(_latin_key(every), phonetic_key(y)))
    return best


@lru_cache(maxsize=1)
def _sound_merges() -> tuple[tuple[regex.Pattern, dict[int, int]], ...]:
    """(a pattern finding the script, its key letters merged) per script of
    ``locale/data/sound_merges.toml``."""
    from ..locale.datafiles import locale_data

    return tuple((regex.compile(rf"\p{{Script={script}}}"), str.maketrans(merges))
                 for script, merges in locale_data("sound_merges").items())


def _merges_for(a: str, b: str) -> list[dict[int, int]]:
    return [merge for found, merge in _sound_merges() if found.search(a) or found.search(b)]


# spellings a transliteration may hear otherwise: Smith -> スミス, Rangers -> レンジャーズ
_VARIANTS = tuple(
    (regex.compile(old), new)
    for old, new in (("th", "s"), ("g(?=[eiy])", "j"), ("er$", "a"), ("(?<=[aeiou])r(?=[^aeiou]|$)", ""), ("ng", "n"))
)


def _similarity(ka: str, kb: str) -> float:
    if not ka or not kb:
        return 0.0
    sa, sb = skeleton(ka), skeleton(kb)
    edit = fuzz.ratio(ka, kb) / 100.0
    if not sa or not sb:
        return edit if sa == sb else edit / 2
    skel = fuzz.ratio(sa, sb) / 100.0
    if sa[0] != sb[0] and ka[0] != kb[0]:
        skel *= 0.8  # names rarely change their first sound
    return (edit + skel) / 2
