"""Which writing system a letter belongs to: the one script detector.

Letters are classified by their Unicode ``Script`` property into the ISO 15924 codes of
:data:`SCRIPTS` (``Kana`` stands for Hiragana and Katakana together); other letters and
non-letters have no script here.  The classification is cached per code point in a
``str.translate`` table, so counting the scripts of a long text costs one ``translate``.

- :func:`letter_script`: the script of one character (the name extractor: which script a name
  is written in);
- :func:`script_counts`: how many letters of each script a text has (the alignment: a block's
  dominant script, :func:`consistency.match.align.script_of`);
- :func:`unmix_homoglyphs`: a word written in the letters of two scripts that look alike (Latin
  and Cyrillic, Latin and Greek), in one script (``locale/data/homoglyphs.toml``);
- :data:`ATTACHING`: the scripts whose letters may follow a number or a unit word without a space
  between them, as the inside of a regex character class; :data:`WORD_END` and :data:`WORD_START`,
  the lookarounds that say a word ends or begins by it.

>>> letter_script("W"), letter_script("ウ"), letter_script("う"), letter_script("한"), letter_script("7")
('Latn', 'Kana', 'Kana', 'Hang', None)
>>> script_counts("Noelle Walshは来日した")
{'Latn': 11, 'Kana': 3, 'Hani': 2}
"""

from __future__ import annotations

from functools import lru_cache

import unicodedata

import regex

from .datafiles import locale_data

__all__ = ["ATTACHING", "SCRIPTS", "WORD_END", "WORD_START", "letter_script", "month_spellings", "script_counts", "unmix_homoglyphs"]

#: Scripts whose words a number, a unit or a scale word may be followed by without a space: those
#: written without spaces (Han, kana, the South-East Asian scripts of line-break class SA: 2GWの,
#: 5kmを) and those that attach particles and suffixes to a word (Hangul 달러의, Arabic يوما).  In
#: every other script (Latin, Cyrillic, Greek, the Indic scripts, Hebrew, Armenian, Georgian,
#: Ethiopic…) a letter right after a word continues that word.  A regex class body: ``[{ATTACHING}]``.
ATTACHING = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Line_Break=SA}\p{Arabic}"

#: Regex lookarounds: a word ends (begins) here unless a mark, a digit or a letter of a script that
#: does not attach words follows (precedes): ``Mon.`` is no word in ``Montag``, ``2GWの`` is one.
WORD_END = rf"(?![\p{{M}}\p{{N}}]|(?![{ATTACHING}])\p{{L}})"
WORD_START = rf"(?<![\p{{M}}\p{{N}}]|(?![{ATTACHING}])\p{{L}})"

#: The scripts told apart, in tie-breaking order.
SCRIPTS: tuple[str, ...] = (
    "Latn", "Hani", "Kana", "Hang", "Cyrl", "Grek", "Arab", "Hebr", "Deva",
    "Beng", "Guru", "Gujr", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai",
    "Laoo", "Khmr", "Mymr", "Tibt", "Geor", "Armn", "Ethi",
)  # fmt: skip
_PATTERNS = tuple(
    regex.compile(r"[\p{Hiragana}\p{Katakana}]" if code == "Kana" else rf"\p{{Script={code}}}")
    for code in SCRIPTS
)
_LETTER = regex.compile(r"\p{L}")
_CODE_BASE = 0xE000  # each script maps to one private-use character
_SAMPLE = 400  # count at most about this many characters of a long text


class _ScriptTable(dict):
    """A ``str.translate`` table filled lazily: code point → one private-use character naming
    its script, or ``None`` (deleted) for non-letters and letters of other scripts."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        code: str | None = None
        if _LETTER.match(ch):
            for k, pattern in enumerate(_PATTERNS):
                if pattern.match(ch):
                    code = chr(_CODE_BASE + k)
                    break
        self[cp] = code
        return code


_TABLE = _ScriptTable()


def letter_script(ch: str) -> str | None:
    """The ISO 15924 code of the letter ``ch``'s script (``Kana`` for kana), or None."""
    code = _TABLE[ord(ch)]
    return SCRIPTS[ord(code) - _CODE_BASE] if code is not None else None


def script_counts(text: str, *, sample: bool = True) -> dict[str, int]:
    """How many letters of each script ``text`` has, in order of first appearance; a long text
    is sampled at an even stride (about 400 characters) unless ``sample`` is False."""
    if sample and len(text) > _SAMPLE:
        text = text[:: len(text) // _SAMPLE + 1]
    deleted = _latin1_not_letters()
    if deleted is not None:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            pass
        else:  # English, German, French...: one table lookup per byte, not per code point in a dict
            n = len(raw.translate(None, deleted))
            return {"Latn": n} if n else {}
    return _counts(text)


def _counts(text: str) -> dict[str, int]:
    """:func:`script_counts` of the whole of ``text``, read through :data:`_TABLE`."""
    codes = text.translate(_TABLE)
    # counted per script present (one to three in most texts), in order of first appearance: a
    # Counter's set-up cost more than the count of a sentence
    return {SCRIPTS[ord(code) - _CODE_BASE]: codes.count(code) for code in dict.fromkeys(codes)}


@lru_cache(maxsize=1)
def _latin1_not_letters() -> bytes | None:
    """The Latin-1 characters :data:`_TABLE` deletes (no letter, or a letter of no script told
    apart: ``µ``), where it maps every other one to Latin, as it does; else None."""
    codes = [_TABLE[cp] for cp in range(256)]
    if any(code is not None and SCRIPTS[ord(code) - _CODE_BASE] != "Latn" for code in codes):
        return None  # pragma: no cover - a Unicode database that puts a Latin-1 letter in another script
    return bytes(cp for cp, code in enumerate(codes) if code is None)


_WORD = regex.compile(r"[\p{L}\p{M}]+")


@lru_cache(maxsize=1)
def _homoglyphs() -> tuple[regex.Pattern[str], dict[str, regex.Pattern[str]], dict[tuple[str, str], dict[int, str]]]:
    """What ``locale/data/homoglyphs.toml`` says: a pattern that finds a letter of one script next
    to a letter of another that has look-alikes in it (marks between them allowed), a pattern per
    script for its letters, and a translate table per (script, script) pair: each letter of the
    first to its look-alike in the second."""
    data = locale_data("homoglyphs")
    tables: dict[tuple[str, str], dict[int, str]] = {}
    for name, pairs in data.items():
        first, second = name.split("-")
        tables[first, second] = {ord(a): b for a, b in pairs.items()}
        tables[second, first] = {ord(b): a for a, b in pairs.items()}
    scripts = sorted({s for pair in tables for s in pair})
    mixed = regex.compile("|".join(rf"\p{{{a}}}\p{{M}}*\p{{{b}}}" for a, b in sorted(tables)))
    return mixed, {s: regex.compile(rf"\p{{{s}}}") for s in scripts}, tables


@lru_cache(maxsize=1)
def _other_than_latin() -> regex.Pattern[str]:
    """A letter of a script with look-alikes other than Latin.  A mixed word holds letters of two
    scripts of a pair, so at least one not Latin: a text without such a letter has none, and one
    search for a single class costs a tenth of searching for every pair."""
    scripts = sorted({s for pair in _homoglyphs()[2] for s in pair} - {"Latin"})
    return regex.compile("[" + "".join(rf"\p{{{s}}}" for s in scripts) + "]")


def unmix_homoglyphs(text: str) -> str:
    """``text`` with each word that mixes the letters of two scripts written in one: the script
    every letter of the other has a look-alike in (``locale/data/homoglyphs.toml``: Latin and
    Cyrillic, Latin and Greek), and where both could be, the one the word writes more of (a tie:
    the one the whole text writes more of); one character for one, so offsets survive.

    >>> unmix_homoglyphs("чeтири дaнa") == "четири дана"
    True
    >>> unmix_homoglyphs("ƒe etͻ")
    'ƒe etɔ'
    >>> unmix_homoglyphs("Instagramга, Дракons")
    'Instagramга, Дракons'
    >>> unmix_homoglyphs("Toмaс") == "Томас"  # three Latin letters, but м has no Latin look-alike
    True
    """
    if _other_than_latin().search(text) is None:
        return text  # most text: no word there mixes two scripts
    mixed = _homoglyphs()[0]
    while mixed.search(text):
        # a word settled moves the text's count, which may settle a tie in another: again until
        # nothing changes (each pass leaves fewer mixed words)
        unmixed = _unmix_once(text)
        if unmixed == text:
            break
        text = unmixed
    return text


def _unmix_once(text: str) -> str:
    _mixed, letters, tables = _homoglyphs()
    out = list(text)
    whole: dict[str, int] = {}  # the text's letters of each script, which settle a tie in a word
    for m in _WORD.finditer(text):
        word = m.group()
        found = {s: pattern.findall(word) for s, pattern in letters.items()}
        counts = {s: len(chars) for s, chars in found.items() if chars}
        if len(counts) < 2:
            continue
        # the scripts the word can be written in: every letter of the others has a look-alike in it
        # (sr "Toмaс": the Latin T, o, a have Cyrillic ones, м has no Latin one)
        targets = [t for t in counts if all((table := tables.get((s, t))) is not None
                                            and all(ord(ch) in table for ch in found[s]) for s in counts if s != t)]
        if len(targets) > 1:  # either way: the script the word writes more of, else the text's
            targets.sort(key=counts.__getitem__, reverse=True)
            if counts[targets[0]] == counts[targets[1]]:
                for t in targets[:2]:
                    if t not in whole:
                        whole[t] = len(letters[t].findall(text))
                if whole[targets[0]] == whole[targets[1]]:
                    continue
                targets.sort(key=lambda t: (counts[t], whole.get(t, -1)), reverse=True)
        if not targets:
            continue
        major = targets[0]
        for s in counts:
            if s != major:
                word = word.translate(tables[s, major])
        out[m.start():m.end()] = word
    return "".join(out)


#: Devanagari's and Gujarati's candra vowels (the open o and e of English loanwords: ऑक्टोबर,
#: ઑગસ્ટ), which text as often writes with the plain letter or sign: candra -> plain
_CANDRA = str.maketrans({"\u0911": "\u0913", "\u0949": "\u094b", "\u090d": "\u090f", "\u0945": "\u0947",
                         "\u0a91": "\u0a93", "\u0ac9": "\u0acb", "\u0a8d": "\u0a8f", "\u0ac5": "\u0ac7"})


def month_spellings(name: str) -> set[str]:
    """A month's name as text writes it: casefolded then recomposed (Greek Μαΐου folds ΐ into
    three code points); with the typewriter apostrophe for CLDR's typographic one (ca d’octubre);
    with the plain vowel for a candra one (gu ઑક્ટોબર, ઓક્ટોબર; mr ऑगस्ट, ओगस्ट)."""
    folded = unicodedata.normalize("NFC", name.casefold())
    return {folded, folded.replace("\u2019", "'"), folded.translate(_CANDRA)}
