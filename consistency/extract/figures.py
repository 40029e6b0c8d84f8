"""Extraction of figures (counts, quantities, money, percentages, durations, dates).

One :class:`Extractor` per locale, compiled once from CLDR tables and the
language pack and cached.  The text is scanned in passes over a same-length
working copy, so every offset found is an offset into the caller's text:

1. width folding (full-width digits to ASCII, no-break spaces to NBSP);
2. masking of what is never prose: URLs, e-mail addresses, code spans,
   placeholders (``%d``, ``{n}``, ``{{x}}``), IP addresses, version strings,
   phone numbers, clock times;
3. dates and periods from the pack's date patterns (``2022年後半``, ``Q3 2024``);
4. words that contain numerals but state no figure (``一部``, ``十分``);
5. numbers (digits, CJK numerals, spelled-out words, vague amounts), each
   extended by its context: range, scale word, percent, currency, unit,
   counter and qualifiers before and after.

This module is longer than 600 lines: most of it is one class, the compiled extractor of
a locale (:class:`Extractor`, some 650 lines), whose methods share its compiled patterns and
CLDR tables; cut into modules, that state would become public for a single caller.
"""

from __future__ import annotations

import calendar
import os
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache, partial
from collections.abc import Mapping
from typing import Any, cast

import regex

from ..locale.cldr import (ISO_DATE, date_patterns, day_period_clock, normalize_tag, per_unit_names, per_unit_prefixes,
                           percent_words_before, quarter_names, tables, typed_groups, units_before_number)
from ..locale.calendars import clock_prepositions, clock_words, clock_words_after, era_of
from ..locale.inflection import inflection
from ..locale.packs import everyday_scales, load_pack
from ..locale.scripts import ATTACHING, WORD_END, WORD_START
from ..model import Claim, ClaimKind, Qualifier
from ..nonprose import FIGURE_NOISE_BY_CHAR, FIGURE_NOISE_DIGITS
from .loanwords import english_glued_scales, loanword_power, loanword_scales, r_for_l_languages
from .patterns import DIGIT, compiled, needs_digit, needs_words
from .numbers import BIDI_MARKS, MAX_EXPONENT, MINUS_SIGNS, normalize_text, parse_cjk, parse_digits, parse_words
from .weekdays import day_names

__all__ = ["Extractor", "extract", "extractor"]

TIME_UNITS = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "calendar_quarter", "calendar_decade", "century",
     "millisecond", "microsecond", "nanosecond"}
)
_SP = "[ \u00a0]"
#: the word after a number, for :mod:`.loanwords` (a whole word of at most twelve letters: text
#: written without spaces offers none)
_NEXT_WORD = regex.compile(_SP + r"?([\p{L}\p{M}]{1,12})(?![\p{L}\p{M}])")
#: the same, with a noun-class prefix of up to eight letters (nd abangamamiliyoni)
_NEXT_PREFIXED = regex.compile(_SP + r"?([\p{L}\p{M}]{1,20})(?![\p{L}\p{M}])")
_LATIN_LETTER = regex.compile(r"\p{Latin}")
#: an abbreviation glued to an amount (£2.8bn), for :func:`.loanwords.english_glued_scales`
_ENGLISH_GLUED = regex.compile(r"([A-Za-z]{2})(?![\p{L}\p{N}])")
#: a number just before a scale word, whose scale it is (``2.25 billion ene``: Ewe "like", no 4)
_AFTER_NUMBER = regex.compile(r"\p{N}" + _SP + r"?\Z")
#: what :meth:`Extractor._nothing_follows` reads after a number word: spaces, the next word, one more
#: character (a word longer than 20 letters is cut, which only makes a partial match likelier)
_FOLLOWING = regex.compile(r"[ \u00a0]{0,3}[\p{L}\p{M}]{0,20}.?", regex.DOTALL)
#: what lets a pattern see outside the text it matches: an anchor, a word boundary, a lookbehind (a
#: named group ``(?<name>`` too, to be sure), ``$`` or ``^`` (escaped ones, ``[^`` and ``\\`` aside)
_LOOKS_AROUND = regex.compile(r"(?<!\\)(?:\\\\)*(?:\\[AbBGKmMzZ]|\(\?<|\$|(?<!\[)\^)")
#: up to two words of at most three letters before a number: a Bantu language's concords
#: between a noun and its number (nso "dimilione tse 5.69", tn "dimilione di le 5.69")
_CONCORDS = regex.compile(r"(?<![\p{L}\p{M}])(?:\p{Ll}{1,3}" + _SP + r"){1,2}\Z")
#: the word before a number (a whole word of at most twelve letters), for :mod:`.loanwords`
_PREVIOUS_WORD = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]{1,12})" + _SP + r"?\Z")
#: the same, with a noun-class prefix of up to eight letters (nd abangamamiliyoni)
_PREVIOUS_PREFIXED = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]{1,20})" + _SP + r"?\Z")
# How far one number token may run: a number has at most this many digit groups after its first
# (10^60, the largest figure read, has 20 groups of three; Indian grouping uses two-digit groups),
# CJK characters after its first, words after its first.  Unbounded, a line of 20,000 numbers
# separated by spaces ("1 2 3 …" reads as one grouped token each time the search resumes) cost
# time quadratic in its length.
_MAX_GROUPS = 40
#: Chinese's general classifier, which a count takes and an ordinal does not (两个世纪, 十九世纪)
_CLASSIFIERS = "个個"
#: a century's number in Han numerals, 2 to 22 (十九, 二十一)
_HAN_CENTURY = "(?:二十[一二]?|十[一二三四五六七八九]?|[二三四五六七八九])"  # 一 alone: 上一世纪, the last century
_MAX_CJK = 96  # digits count here too: 10^60 written out has 61
_MAX_WORDS = 16
_APPROX = Decimal("0.05")
#: a hundred, a thousand, a million, a billion, a trillion
_ROUND_SCALES = frozenset(Decimal(10) ** k for k in (2, 3, 6, 9, 12))
_PLAIN_LIMIT = Decimal(1_000_000)
#: a period after a number and a word in lower case (da "16. hul")
_DOT_THEN_LOWER = regex.compile(r"\.[ \u00a0]+\p{Ll}")
#: a token of one to three digits, a period or comma, and two digits (15.00, 2,53), or a comma and
#: one (1,8: a decimal comma where the comma groups; a period and one digit is as often a date, fi 30.9)
_OTHER_DECIMAL = regex.compile(r"\d{1,3}[.,]\d{2}|\d{1,3},\d")

def _short_count(num: "_Num") -> bool:
    """Is ``num`` a number word of two letters for a count of 10-99 (da ``ti``, tr ``on``, fa
    ``ده``: ten), which, where the pack says it needs a unit, is read weak without one?  Not an
    article's "one", a lone hundred or thousand, nor the longer words a pack lists as homographs
    or elided forms (de ``acht``, it ``sei``, ``sett.``); a bare count below ten is never reported
    missing (:func:`consistency.match.clusters.informative`), so its word (ga ``sé``, six and
    "he") is read only before a unit."""
    return num.source == "words" and num.value is not None and 10 <= num.value < 100 \
        and num.value == num.value.to_integral() and num.end - num.start <= 2


def _noise_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in FIGURE_NOISE_DIGITS.finditer(text)] if DIGIT.search(text) else []
    for needle, rx in FIGURE_NOISE_BY_CHAR:
        if needle in text:
            spans.extend(m.span() for m in rx.finditer(text))
    return sorted(spans)


def _merge(spans):
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _blank(text: str, spans) -> str:
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)


#: After a word in a script that does not attach words (Latin, Cyrillic, Greek, the Indic scripts,
#: Hebrew, Armenian, Georgian, Ethiopic…; locale/scripts.py: ATTACHING): no letter, mark or digit
#: may follow (Mon. must not match in Montag, bn মি, metres, in মিলিয়ন, million), but a letter of
#: an attaching script may (2GWの, 달러의).
_END = WORD_END


#: After a whole word of any script that separates words by spaces.
_WORD_END = r"(?!(?![\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}])[\p{L}\p{M}])"


_CLAUSE_END = regex.compile(r"[\s\u00a0]*(?:[\p{Po}\p{Pe}\p{Pf}]|\Z)")


def _key(word: str) -> str:
    """Dictionary key of a surface: width-folded, casefolded, any run of
    spaces or NBSPs one NBSP; Turkish İ, whose full case folding is i and a combining dot, is i
    (a pattern matches it for i: :func:`_lit`)."""
    return compiled(r"[ \u00a0]+").sub("\u00a0", normalize_text(word).casefold().replace("i\u0307", "i"))


def _lookup(table: Mapping[str, Any], surface: str) -> Any:
    """``table``'s entry for a surface a case-insensitive pattern matched: by :func:`_key`, or,
    where that finds none, with a capital I read as Turkish and Azerbaijani read it, the capital
    of ı (tr ``5 YIL``, keyed yıl: the regex module's case-insensitive match joins I and ı)."""
    key = _key(surface)
    return table[key] if key in table else table[_key(surface.replace("I", "\u0131"))]


#: ZERO WIDTH NON-JOINER, a Default_Ignorable_Code_Point that Persian writes inside words (CLDR
#: ``میلی‌متر``) and text as often leaves out (``میلیمتر``); UTS #18 lets a match ignore it.
_ZWNJ = "\u200c"


def _keyed(mapping: dict) -> dict:
    """``mapping`` by :func:`_key`, each key written with a ZWNJ also without it."""
    out = {_key(k): v for k, v in mapping.items()}
    for key, value in list(out.items()):
        if _ZWNJ in key:
            out.setdefault(key.replace(_ZWNJ, ""), value)
    return out


def _lit(word: str, full_case: bool = False) -> str:
    """A literal for a regex, where a space or NBSP matches either.  With ``full_case``, each run
    of letters that is the full case folding of one character matches that character too
    (``dreissig`` matches ``dreißig``, ``five`` its ligature ``ﬁve``): what the regex module's
    FULLCASE flag does, without its cost (it made the search for number words five times slower)."""
    if not full_case:
        return "".join("[ \u00a0]" if ch in " \u00a0" else regex.escape(ch) for ch in word)
    folds = _multi_folds()

    def build(i: int) -> str:
        out = []
        while i < len(word):
            ch = word[i]
            # Turkish and Azerbaijani write i's capital with a dot (İki yüz, "two hundred"), which
            # no simple case folding joins to i
            one = "[ \u00a0]" if ch in " \u00a0" else "[iİ]" if ch == "i" else regex.escape(ch)
            alts = [(f, chars) for f, chars in folds.get(ch, ()) if word.startswith(f, i)]
            if not alts:
                out.append(one)
                i += 1
                continue
            branches = [one + build(i + 1)]
            branches += ["[" + "".join(regex.escape(c) for c in chars) + "]" + build(i + len(f)) for f, chars in alts]
            out.append("(?:" + "|".join(branches) + ")")
            break
        return "".join(out)

    return build(0)


@lru_cache(maxsize=1)
def _multi_folds() -> dict[str, list[tuple[str, str]]]:
    """Characters whose full case folding is more than one character (ß -> ss, ﬁ -> fi, ᾳ -> αι),
    indexed by the folding's first character: first -> [(folding, characters)].  All of them are
    in the Basic Multilingual Plane (Unicode's CaseFolding.txt, status F)."""
    by_fold: dict[str, str] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        folded = ch.casefold()
        if len(folded) > 1:
            by_fold[folded] = by_fold.get(folded, "") + ch
    out: dict[str, list[tuple[str, str]]] = {}
    for folded, chars in sorted(by_fold.items(), key=lambda kv: -len(kv[0])):
        out.setdefault(folded[0], []).append((folded, chars))
    return out


_ALPHA_END = regex.compile(rf".*(?:\p{{M}}|(?![{ATTACHING}])\p{{L}})$")
_SPACELESS = regex.compile(r"[\p{Line_Break=SA}\p{M}]+")
_ALPHA_START = regex.compile(rf"(?![{ATTACHING}])\p{{L}}")
_SHORT_SPACED = regex.compile(
    r"(?:(?![\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}])[\p{L}\p{M}]){1,2}\.?")
_LEFT = r"(?<![\p{L}\p{M}])"


def _alt(words, *, boundary: bool = True, left: bool = False, full_case: bool = False) -> str:
    """A regex alternation of literal words, longest first, case-insensitive by flag.

    Words ending in an alphabetic letter get a lookahead so that ``Mon.`` does
    not match inside ``Montag``; CJK words need none (and Korean attaches
    particles: 달러의).  ``left=True`` adds the same guard before words that
    start with such a letter.  Words are grouped by the guards they need, so a
    table of a thousand unit names compiles with four lookarounds, not a
    thousand (building an extractor went from 0.25 s to a fraction of it)."""
    groups: dict[tuple[bool, str], list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if not word:
            continue
        guard_left = left and bool(_ALPHA_START.match(word))
        guard_end = r"(?!\p{M})"  # never half a letter: Lao ປ (a pound) is not the start of ປີ (year)
        if boundary and _ALPHA_END.match(word):
            guard_end = _END
        elif boundary and _SHORT_SPACED.fullmatch(word):
            # a one- or two-letter word of another script that separates words (Arabic د, a unit
            # abbreviation) is a whole word, not the start of one (دولار); a longer word may take
            # the suffixes those languages attach (يوما)
            guard_end = _WORD_END
        groups.setdefault((guard_left, guard_end), []).append(_lit(word, full_case))
    if not groups:
        return "(?!)"
    parts = []
    for (guard_left, guard_end), items in groups.items():
        body = "(?:" + "|".join(items) + ")"
        parts.append((_LEFT if guard_left else "") + body + guard_end)
    return "(?:" + "|".join(parts) + ")"


def _with_endings(stems, max_ending: int, *, marks: bool = False) -> str:
    """``|(stem…)ending``: a second alternative for a unit or scale pattern, its stem in a group of
    its own (:func:`_unit_surface`), followed by an ending of up to ``max_ending`` letters (with
    ``marks``, letters and marks: a Brahmic script's vowel signs); empty without stems."""
    if not stems:
        return ""
    ending = r"[\p{L}\p{M}]" if marks else r"\p{L}"
    return ("|(" + "|".join(_lit(w) for w in sorted(stems, key=len, reverse=True))
            + ")" + ending + "{1," + str(max_ending) + r"}(?![\p{L}\p{M}\p{N}])")


#: a virama (or a Malayalam chillu's) at a word's end, which a vowel sign replaces before a
#: glued postposition (ta மில்லியன் → மில்லியனுக்கு)
_VIRAMA_END = regex.compile(r"[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca]$")


#: a vowel before a word's final consonant that an ending drops (:func:`_fleeting_stem`)
_FLEETING = regex.compile(r"[^aeiouäöüõаеиоуяєі][aeoаео][^\W\daeiouäöüõаеиоуяєі]$")

#: a final vowel (or Cyrillic soft sign: ky сентябрь, 30-сентябрда) a case ending replaces
#: (:func:`_final_vowel_stem`)
_FINAL_VOWEL = regex.compile(r"[^\W\daeiouაეიოუ][aeiouაეიოუь]$")


def _fleeting_stem(word: str) -> str | None:
    """``word`` without the vowel before its last consonant, where an ending drops it (a fleeting
    vowel: sl september, septembra; et meeter, 1,98-meetrine), else ``None``; for the months' stems,
    the unit words' and (:func:`_final_vowel_stem`) the scale words'."""
    return word[:-2] + word[-1] if _FLEETING.search(word) else None


def _final_vowel_stem(word: str) -> str | None:
    """``word`` without the final vowel an ending replaces (ka ივლისი: 20 ივლისს; მილიონი: 20,4
    მილიონზე), else ``None``."""
    return word[:-1] if _FINAL_VOWEL.search(word) else None

#: the shortest stem of a unit word's forms that takes their endings (:func:`_shared_stems`)
_UNIT_STEM = 6


def _shared_stems(words, values: dict, min_stem: int) -> dict:
    """The longest beginning the words of one value (a scale's power, a unit) share, where two or more
    words have it, it is no word itself and at least ``min_stem`` letters long; stem -> value.

    >>> _shared_stems(["milljarður", "milljarðar", "milljón"], {"milljarður": 9, "milljarðar": 9, "milljón": 6}, 5)
    {'milljarð': 9}
    """
    by_value: dict[int, list[str]] = {}
    for word in words:
        by_value.setdefault(values[word], []).append(word)
    stems = {}
    for value, forms in by_value.items():
        stem = os.path.commonprefix(forms) if len(forms) > 1 else ""
        if len(stem) >= min_stem and stem not in values:
            stems[stem] = value
    return stems


def _scale_alt(words) -> str:
    """Like :func:`_alt` for scale words: abbreviations (Mrd., Tsd.) take their
    period; a long word does not ("billion." ends a sentence)."""
    abbreviations: list[str] = []
    long_words: list[str] = []
    other: list[str] = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if _ALPHA_END.match(word):
            (abbreviations if len(word) <= 4 else long_words).append(_lit(word))
        else:
            other.append(_lit(word))
    parts = []
    if long_words:
        parts.append("(?:" + "|".join(long_words) + ")" + _END)
    if abbreviations:
        parts.append("(?:" + "|".join(abbreviations) + r")(?:\.|" + _END + ")")
    if other:
        parts.append("(?:" + "|".join(other) + ")")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass
class _Num:
    start: int
    end: int
    value: Decimal | None
    precision: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    source: str = "digits"  # digits | cjk | words | vague | plural_scale
    scaled: bool = False
    alt_scale: int = 0  # 150.000 where a regional variant groups with the decimal sign: also ×10³
    weak: bool = False  # 15.00, 2.53 in it: no number of the locale, read the other way but never reported


class Extractor:
    """Figure extraction for one locale.  Build with :func:`extractor`."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        tab = tables(tag)
        pack = load_pack(tab.language)
        self.tab, self.pack = tab, pack
        from ..locale.spellout import dot_ordinal

        self.dot_ordinals = dot_ordinal(tab.language)  # 16. is the 16th (ICU's %digits-ordinal)
        self.compound_gap = _compound_gap(tag)  # 1 m 82 cm, 2 hours and 30 minutes
        self.era = era_of(tab.language)  # th: years of the Buddhist era (locale/data/calendars.toml)
        from ..locale.regional import decimal_as_group

        # ar 150.000 is 150 here and 150,000 in ar-MA: such a number keeps both readings; so does
        # es-MX 20.000, 20 by its own CLDR data and 20,000 as Spanish writes it elsewhere (a regional
        # locale whose decimal sign is its language's group sign)
        ambiguous = decimal_as_group(tab.language)
        decimal = tab.decimal.strip(BIDI_MARKS)
        if tab.tag != tab.language and tables(tab.language).group.strip(BIDI_MARKS) == decimal:
            ambiguous = decimal
        if decimal == "," and tab.group.strip(BIDI_MARKS) != ",":
            # and English's grouping, which a translation keeps from its source in every language:
            # sq "7,000 tonësh", vi "10,000": 7 here, and 7,000 as the source wrote it
            ambiguous = ","
        self.ambiguous_decimal = ambiguous if ambiguous and ambiguous == decimal else ""
        # digits grouped by threes with that sign, as the variant writes them (150.000, 1.500.000)
        self.variant_grouped_re = regex.compile(
            r"\d{1,3}(?:" + regex.escape(self.ambiguous_decimal) + r"\d{3})+(?!\d)") if self.ambiguous_decimal else None
        from babel.numbers import list_currencies

        self.iso_codes = frozenset(list_currencies())
        #: whether a day of the week is named with a number word (vi Thứ Hai, Monday, "the second";
        #: he יום שני): day names are then blanked before figures are read
        days = {name.casefold() for name in day_names(tag)}
        numbered = bool({w for name in days for w in name.split()} & {_key(w) for w in pack.words}) or any(
            ch in pack.cjk_digits for name in days for ch in name)  # zh 星期四: Thursday, no 4
        proclitics = inflection().proclitics.get(tab.language)
        self.numbered_days = regex.compile(
            WORD_START + (f"(?:{_alt(proclitics, boundary=False)})?" if proclitics else "")
            + "(" + _alt(days) + ")", regex.IGNORECASE) if numbered else None
        from babel import Locale

        from ..locale.cldr import unit_case_names, unit_plural_forms

        cldr_locale = Locale.parse(tab.tag.replace("-", "_"))
        self.plural_category = cldr_locale.plural_form
        self.year_suffix_re = _year_suffix(cldr_locale)
        self.year_forms = {_key(k): v for k, v in unit_plural_forms(tab.tag, "duration-year").items()}
        self.century_forms = {_key(k): v for k, v in unit_plural_forms(tab.tag, "duration-century").items()}
        #: the forms of "year" in CLDR's grammatical cases that no count takes in the nominative
        #: (sv ``års``, ru ``году``): after a year-like number, the year's noun (``1997 års match``)
        self.year_cases = frozenset(_key(k) for k, unit in unit_case_names(tab.language).items()
                                    if unit == "year") - set(self.year_forms)
        everyday, scale_stems, before = everyday_scales(tab.language)  # mr दशलक्ष; xh (izi)gidi; ig nde 20
        #: scale words written before the number: CLDR's (sw milioni 5) and the data's (ig nde 20)
        self.prefix_scales: dict[str, int] = {**before, **tab.prefix_scales}
        self.scales: dict[str, int] = _keyed({**everyday, **tab.scales, **pack.scales})
        #: the longest case ending a month's name may take here (0: none; :meth:`_inflected_months`)
        rule = inflection()
        takes_endings = rule.takes_endings(tab.language)
        self.month_endings = rule.max_ending if takes_endings else 0
        #: million, billion, trillion borrowed from English, read after the locale's own scale
        #: words (hi मिलियन, bn মিলিয়ন, ml മില്യൺ; :mod:`.loanwords`)
        self.loan_scales = loanword_scales()
        #: loanwords in the Latin, Cyrillic or Greek alphabet where no scale word of the locale
        #: names a million after a number (ee miliɔn, wo milyoŋ); before a number where CLDR
        #: writes its scale words so or has none
        words_after = {power for word, power in self.scales.items() if len(word) > 1}  # not M, B
        self.alphabetic_loans = 6 not in words_after
        self.prefix_loans = bool(tab.prefix_scales) or not any(power >= 6 for power in words_after)
        #: a noun-class prefix on a loanword (nso dimilione), concords before its number (tn
        #: dimilione di le 5.69), r for l (mi miriona); a prefix joined to a numeral by a hyphen
        #: (nd amamiliyoni angu-20.4), read only after a scale word: elsewhere the noun before the
        #: number is a unit CLDR does not name (zu eminyakeni engu-32, "32 years"), and the bare
        #: number would be compared with the other versions' years: inflection.toml,
        #: loanword_scales.toml
        self.class_prefixes = tab.language in rule.class_prefixes
        self.r_for_l = tab.language in r_for_l_languages()
        #: the native scale stems a class prefix comes before (everyday_scales.toml [stems]: xh
        #: izigidi, kwezigidi, with the locative -ni or without), the shortest prefix first: xh
        #: yezi-gidigidi is a billion, not yezigidi-gidi
        self.class_stem_re = regex.compile(
            r"\p{Ll}{0,8}?(" + "|".join(map(regex.escape, sorted(scale_stems, key=len, reverse=True))) + r")(?:ni)?",
            regex.IGNORECASE
        ) if scale_stems and self.class_prefixes else None
        self.class_stems = scale_stems
        #: a language that glues case endings to a numeral with a hyphen (et 60-l, fi 5-n)
        self.hyphen_endings = tab.language in rule.languages
        self.hyphen_prefix_re = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Ll}{0,7}[aeiou]-\Z") \
            if tab.language in rule.hyphen_prefixes else None
        # surfaces are folded like the text (CLDR's ￥ is matched as ¥)
        self.currencies: dict[str, str] = _keyed({**tab.currencies, **pack.currencies})
        #: the currency a surface names in English where this locale reads it as another: a bare $ is
        #: the peso in es-MX, the Canadian dollar in fr-CA, the New Taiwan dollar in zh-TW, and a
        #: translation keeps the $ of a source that meant US dollars; such a figure reads either way
        english = {} if tab.language == "en" and tab.tag == "en" else _keyed(tables("en").currencies)
        self.other_currency = {k: english[k] for k, code in self.currencies.items()
                               if english.get(k, code) != code}
        # a pack maps a CLDR surface to "" to say it is no unit in prose (ja 度 counts times)
        self.units: dict[str, str] = _keyed({k: v for k, v in {**tab.units, **pack.units}.items() if v})
        for word in pack.percent_words + tab.percent_signs:
            self.units[_key(word)] = "percent"
        #: a unit word's other reading (40 percentage points: per cent, or points), the claim's
        #: ``alt_unit``: the figure agrees with either
        self.unit_alternatives: dict[str, str] = _keyed(pack.unit_alternatives)
        # a number word that is also a unit word (hu hét: seven, and week) is a figure only
        # with a unit after it
        self.needs_unit = pack.needs_unit | {w for w in pack.words if _key(w) in self.units}
        #: a word for a hundred, a thousand, a million… standing alone is weak where the pack (if
        #: any) lists no vague amounts: as often "hundreds", "thousands" (hu "több ezer ház", tr
        #: "yüzlerce", whose "several" the tool does not know) as that exact figure
        self.bare_round_weak = not pack.vague
        # Thai, Lao, Khmer and Burmese write words without spaces (Unicode line-breaking class SA):
        # a number word stands between letters (th ทำงานสี่วัน, "works four days"), so it is read
        # without word boundaries, and only as a figure with a unit, currency or scale after it
        self.spaceless = bool(pack.words) and all(_SPACELESS.fullmatch(w) for w in pack.words)
        for surface, unit in list(self.units.items()):
            if "°" in surface:  # º (ordinal indicator) is often typed for the degree sign
                self.units.setdefault(surface.replace("°", "º"), unit)
        # single-letter scales (k, m, b, t) only glued and after a currency
        short_scales = {w for w in self.scales if len(w) == 1 and w.isascii()}
        self.glued_scales = short_scales
        flags = regex.IGNORECASE | regex.V0
        # A CLDR scale word that is also a unit of this locale (Catalan kM and km, Czech mil. and
        # the mile mil) is read as the scale only as CLDR writes it: its case, and its period.
        forms = {_key(k): v for k, v in tab.scale_forms.items()}
        shadowing = {w for w in self.scales if w in self.units and w in forms and w not in pack.scales}
        exact = [forms[w] for w in shadowing]
        exact_alt = ("|(?-i:" + _alt([f for f in exact if f.endswith(".")], boundary=False)
                     + "|" + _scale_alt([f for f in exact if not f.endswith(".")]) + ")") if exact else ""
        inflected_scales = ""
        #: the stems the forms of one scale word share (is milljarður, milljarðar: milljarð), which
        #: take the endings of its other cases (milljarða, milljörðum is not read)
        self.scale_stems: dict[str, int] = {}
        if takes_endings:
            # fi 200 miljardin, 3,5 miljoonalla: a scale word takes a case ending as a unit word does
            # (below); abbreviations (milj., mrd.) do not
            long_scales = [w for w in self.scales if len(w) >= max(5, rule.min_stem) and _ALPHA_END.match(w)]
            self.scale_stems = _shared_stems(long_scales, self.scales, max(5, rule.min_stem))
            # and a word without the final vowel an ending replaces (ka მილიონი: 20,4 მილიონზე, "over
            # 20.4 million"; as the months' :meth:`_month_stems`), else a unit's shorter name with an
            # ending would take the word (მილი, a mile)
            for w in long_scales:
                if len(w) > max(5, rule.min_stem) and (stem := _final_vowel_stem(w)) and stem not in self.scales:
                    self.scale_stems.setdefault(stem, self.scales[w])
            inflected_scales = _with_endings([*long_scales, *self.scale_stems], rule.max_ending)
        elif tab.language in rule.glued_postpositions:
            # ta 20.4 மில்லியனுக்கும் ("more than 20.4 million"), te 2.8 బిలియన్ల: a postposition
            # glued to a scale word follows it, or replaces its final virama with a vowel sign
            self.scale_stems = {_VIRAMA_END.sub("", w): v for w, v in self.scales.items()
                                if len(w) >= 3 and not w.isascii() and not w.endswith(".")}
            inflected_scales = _with_endings(list(self.scale_stems), 2 * rule.max_ending, marks=True)
        self.scale_re = regex.compile(
            _SP + "?" + "(?:(" + _scale_alt([w for w in self.scales if w not in short_scales and w not in shadowing])
            + exact_alt + ")" + inflected_scales + ")", flags
        )
        # th ร้อยละ 20 (the pack), tr yüzde 20, eu ehuneko 20 (CLDR's pattern for a percentage)
        percent_before = (*pack.percent_before, *percent_words_before(tag))
        self.percent_before_re = regex.compile(
            "(?:" + _alt(percent_before, boundary=False) + ")" + _SP + r"?\Z", flags
        ) if percent_before else None
        self.prefix_scale_re = regex.compile(
            "(" + _alt(self.prefix_scales, boundary=False) + ")" + _SP + r"?\Z", flags
        ) if self.prefix_scales else None
        self.glued_scale_re = regex.compile(
            "\u00a0?(" + _scale_alt(short_scales) + r")(?![\p{L}\p{N}])", flags
        ) if short_scales else None
        # 2 GW, 2GW, 7,000-ton
        # short ASCII symbols keep their case (5G is no gram, 5 g is); words fold case
        short = [u for u in self.units if len(u) <= 2 and u.isascii()]
        cased = sorted({w for k, w in self._surfaces(tab, pack) if _key(w) in short}, key=len, reverse=True)
        words = [u for u in self.units if u not in short]
        inflected = ""
        if takes_endings:
            # a language that inflects with suffixes and has no pack listing the forms: a long unit
            # word may take an ending (fi 35 millimetrin, pl 5-kilometrowy; locale/data/inflection.toml),
            # and so may the stem its forms share (et kilomeeter, kilomeetrit: 64 kilomeetri)
            long_words = [w for w in words if len(w) >= rule.min_stem and _ALPHA_END.match(w)]
            # a stem of six letters or more: a shorter one is as often another word's start (is hest-,
            # horsepower, and hestur, a horse; sl mili-, millilitre, and milijarda)
            single = [w for w in long_words if " " not in w and "\u00a0" not in w]
            stems = _shared_stems(single, self.units, max(_UNIT_STEM, rule.min_stem))
            # and a word's stem without the vowel an ending drops (a fleeting vowel, as in the
            # months' :meth:`_month_stems`: et meeter, 1,98-meetrine; sl, hr liter, litrov, litrima)
            for w in single:
                if len(w) >= rule.min_stem + 1 and (stem := _fleeting_stem(w)) and stem not in self.units:
                    stems.setdefault(stem, self.units[w])
            self.units.update(stems)
            inflected = _with_endings([*long_words, *stems], rule.max_ending)
        # a symbol of one or two letters before an apostrophe and a letter is an elided word (ny "10
        # m'malo", in places), except where the language writes a case ending so (tr "100 m'lik",
        # 100-metre); a word keeps its possessive (en "a day's worth"). A lookahead, no lookbehind:
        # the pre-check of what may follow a number (follow_res) needs patterns that look no further back
        elided = "" if tab.language in rule.apostrophe_suffixes else r"(?!['\u2019]\p{L})"
        self.unit_re = regex.compile(
            # full case folding: the table's keys are casefolded, so de Fuß is the key fuss
            "(?:" + _SP + "{0,2}|-)(?:(" + _alt(words, full_case=True) + "|(?-i:" + _alt(cased) + ")" + elided + ")" + inflected + ")", flags
        )
        #: what CLDR writes after a unit for "per" another (gl ``250 l/m2``, ``por metro cadrado``;
        #: en ``per square meter``), and a pack's [per_units] (en ``an hour``): the unit is then
        #: one unit per the other; each also with the typewriter apostrophe (it ``all'ora`` for
        #: CLDR's ``all’ora``)
        per = {**per_unit_names(tab.tag), **pack.per_units}
        self.per_units: dict[str, str] = _keyed({**{k.replace("’", "'"): v for k, v in per.items()}, **per})
        self.per_re = regex.compile(_SP + "?(" + _alt(self.per_units) + r")(?!\p{N})", flags)
        #: where CLDR writes a unit's name before the number (sw ``kilomita 3.5``, ha, si, ak, to)
        self.unit_before_re = regex.compile(
            "(" + _alt(words, left=True) + "|(?-i:" + _alt(cased, left=True) + "))" + _SP + r"\Z", flags
        ) if units_before_number(tab.tag) else None
        # CLDR's names of past currencies carry their years ("afghan afghani (1927–2002)"): no text
        # writes a figure's currency that way, and they made the largest patterns of all
        currency_words = [w for w in self.currencies if "(" not in w]
        # a short cased currency symbol that is also a unit of this locale (sr-Latn KM, the
        # convertible mark, and km) is the currency only as CLDR writes it, with its case; a word
        # that is both (ja ポンド, de Pfund) stays both, the unit an alternative
        shadowed = {w for w in currency_words if w in self.units and len(w) <= 3 and w != w.upper()}
        exact = sorted({str(v) for v in self._cldr_currency_symbols() if _key(str(v)) in shadowed})
        self.currency_after_re = regex.compile(
            _SP + "{0,2}(" + _alt([w for w in currency_words if w not in shadowed])
            + ("|(?-i:" + _alt(exact) + ")" if exact else "") + r"|(?-i:[A-Z]{3})(?![\p{L}]))", flags
        )
        # before a number: symbols ($, US$, ₩) and short letter symbols (元, kr, Fr.); never a name
        # (keys hold NBSPs: "armenian dram"), nor a past currency ("afghan afghani (1927–2002)")
        symbols = [
            s for s in currency_words
            if (not compiled(r"^[\p{L} \u00a0.'’&-]+$").match(s) and "(" not in s) or (len(s) <= 2 and s.isascii())
            or (normalize_text(s) in {normalize_text(x) for x in tab.currency_symbols}
                and not (len(s) == 3 and s.isascii() and s.isalpha()))  # ALL is Albania's code, "all" a word
        ]
        self.currency_before_re = regex.compile(
            "(" + _alt(symbols, boundary=False, left=True) + r"|(?<![\p{L}])(?-i:[A-Z]{3})|(?<![\p{L}])(?-i:[A-Z]{1,2})\$)" + _SP + r"?\Z",
            flags,
        )
        self.counter_re = regex.compile(
            "(?:" + _SP + "?|-)(" + _alt(pack.counters) + ")", flags
        ) if pack.counters else None
        self.of_re = regex.compile(
            _SP + "+(" + _alt(pack.scale_connectors) + ")" + _SP + "*", flags
        ) if pack.scale_connectors else None
        self.qual_after = {_key(k): v for k, v in pack.qualifiers_after.items()}
        self.qual_before = {_key(k): v for k, v in pack.qualifiers_before.items()}
        self.vague = {_key(k): v for k, v in pack.vague.items()}
        # words that are two of a unit (ar سنتان and, by the dual-ending rule, سنتين; he שבועיים)
        duals = {**tab.duals, **pack.duals}
        for word, unit in list(duals.items()):
            for form in inflection().dual_forms(tab.language, word):
                duals.setdefault(form, unit)
        self.duals: dict[str, str] = _keyed(duals)
        # a multiplier word (hundert, száz) after a vague word scales it as a scale word does
        self.multiplier_exponents = {_key(k): len(str(int(v))) - 1 for k, v in pack.multipliers.items()
                                     if int(v) >= 10 and str(int(v)).rstrip("0") == "1"}
        self.multiplier_re = regex.compile(
            _SP + "+(" + _alt(self.multiplier_exponents) + ")", flags
        ) if self.vague and self.multiplier_exponents else None
        self.qual_after_re = regex.compile(_SP + "?(" + _alt(pack.qualifiers_after) + ")", flags)
        self.qual_before_re = regex.compile(
            "(" + _alt(pack.qualifiers_before, boundary=False, left=True) + ")" + _SP + r"*\Z", flags
        )
        # a dash between two numbers is a range in every language (CLDR's range pattern {0}–{1})
        connectors = list(dict.fromkeys([*pack.range_connectors, "-", "–", "—"]))
        self.range_re = regex.compile(_SP + "*(" + _alt(connectors) + ")" + _SP + "*", flags)
        self.between_prefix_re = regex.compile(
            "(?<![\\p{L}])(" + _alt(pack.range_prefix, boundary=False) + ")" + _SP + r"+\Z", flags
        ) if pack.range_prefix else None
        self.change_prefix_re = regex.compile(
            "(?<![\\p{L}])(" + _alt(pack.change_prefix, boundary=False) + ")" + _SP + r"+\Z", flags
        ) if pack.change_prefix else None
        self.qual_unless_after = {_key(k): v for k, v in pack.qualifiers_unless_after.items()}
        self.qual_after_figure = frozenset(_key(k) for k in pack.qualifiers_after_figure)
        self.between_conn_re = regex.compile(
            _SP + "+(" + _alt(pack.between_connectors) + ")" + _SP + "+", flags
        ) if pack.between_connectors else None
        # built once: the blanked ordinals and the centuries below both read them
        self.articles = inflection().articles.get(tab.language) or ()  # ar ال, glued to its word
        self.ordinal_forms = self._ordinal_forms()
        self.century_words = [w for w, unit in self.units.items()
                              if unit == "century" and len(w) > 2 and not w.endswith(".")]
        # a count of centuries with a classifier (zh 两个世纪, yue 兩個世紀): the noun without it
        # names the century itself (19世纪, 十九世纪)
        self.century_bare = sorted({w[1:] for w, unit in self.units.items()
                                    if unit == "century" and w[:1] in _CLASSIFIERS and len(w) > 2})
        ordinal_words = self._spelled_ordinals()  # whole words: fi kaksitoista holds toista
        excluded = [_alt(pack.excluded)] if pack.excluded else []
        excluded += [_alt(ordinal_words, left=True)] if ordinal_words else []
        self.excluded_re = regex.compile("|".join(excluded), regex.IGNORECASE) if excluded else None
        #: the words every excluded phrase or ordinal holds (en ``first``, ``hundred``): the search,
        #: which tries every place of the text, is skipped where none is (nine NTREX paragraphs in ten)
        self.excluded_needs_words = needs_words(self.excluded_re.pattern, self.excluded_re.flags) \
            if self.excluded_re is not None else None
        self.ordinal_suffix_re = regex.compile(
            _SP + "?(" + _alt(pack.ordinal_suffix, boundary=False) + ")"
        ) if pack.ordinal_suffix else None
        # ja 時速85マイル (the pack); ko 제곱미터당 250리터, 주당 40시간 (CLDR's per patterns before a figure)
        prefixes = {**per_unit_prefixes(tab.tag), **pack.unit_prefixes}
        self.unit_prefixes = {_key(k): v for k, v in prefixes.items()}
        self.unit_prefix_re = regex.compile(
            "(" + _alt(prefixes, boundary=False) + ")" + _SP + r"?\Z"
        ) if prefixes else None
        self.unit_prefix_reach = max((len(k) for k in prefixes), default=0) + 1
        self.range_suffix_re = regex.compile(
            _SP + "?(" + _alt(pack.range_suffix, boundary=False) + ")"
        ) if pack.range_suffix else None
        self.core_re = self._core_regex()
        #: every pattern :meth:`_figure` matches at a figure's end, for :meth:`_nothing_follows`;
        #: None where one could look behind its start or ahead to the text's end (an anchor)
        follow = [rx for rx in (self.range_re, self.between_conn_re, self.scale_re, self.ordinal_suffix_re,
                                self.unit_re, self.currency_after_re, self.counter_re, self.range_suffix_re)
                  if rx is not None]
        self.follow_res: tuple[regex.Pattern, ...] | None = tuple(follow) if not any(
            _LOOKS_AROUND.search(rx.pattern) for rx in follow) else None
        #: :meth:`_nothing_follows` by the text after a number word (its next word): the same words
        #: follow "a" and "an" again and again
        self.follow_cache: dict[str, bool] = {}
        noise = list(pack.noise)
        clock = clock_words(tab.language)
        if clock:  # klo 15, kl. 15.30: a time of day (locale/data/clock.toml)
            noise.append(rf"(?<![\p{{L}}\p{{M}}]){_alt(clock)}[ \u00a0]*(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
                         rf"(?!\d|[.,:]\d|[\p{{L}}\p{{M}}])")
        after = clock_words_after(tab.language)
        if after:  # hu 13 órakor, lt 15 val.: a time of day, the word after it
            noise.append(rf"(?<![\d.,:])(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?[ \u00a0]*{_alt(after)}")
        periods, hour_marks, minute_marks = day_period_clock(tag)
        if periods and hour_marks:  # zh 上午5点, ja 午前5時, ko 오전 7시 55분: a day period, an hour, its minutes
            minute = rf"(?:[ \u00a0]*[0-5]?\d[ \u00a0]*{_alt(minute_marks, boundary=False)})?" if minute_marks else ""
            hour = rf"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?[ \u00a0]*{_alt(hour_marks, boundary=False)}{minute}"
            noise.append(rf"{_alt(periods, boundary=False, left=True)}[ \u00a0]*{hour}")
            # or the period after it (vi 5 giờ sáng, 5 in the morning), a whole word
            noise.append(rf"(?<![\d.,:]){hour}[ \u00a0]*{_alt(periods)}")
        hours = [w for w, unit in self.units.items() if unit == "hour"]
        at = clock_prepositions(tab.language)
        if at and hours:  # om 15 uur, в 15 часов: the preposition, a number and the word for an hour
            noise.append(rf"(?<![\p{{L}}\p{{M}}]){_alt(at)}[ \u00a0]+(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
                         rf"[ \u00a0]*{_alt(hours)}")
        self.noise_re = regex.compile("|".join(f"(?:{p})" for p in noise), regex.IGNORECASE | regex.V0) \
            if noise else None
        #: whether every clock time of :attr:`noise_re` holds a digit (all do): skipped on text without one
        self.noise_needs_digit = self.noise_re is not None and needs_digit(self.noise_re.pattern, self.noise_re.flags)
        self.date_res = self._date_regexes()
        #: which date patterns need a digit: skipped on text without one (most paragraphs)
        self.date_needs_digit = tuple(needs_digit(rx.pattern, rx.flags) for rx, _kind, _map in self.date_res)
        self._without_digit_of: tuple[bool, ...] | None = None  # :meth:`_dates_without_digit`, kept
        self._without_digit: list[int] = []
        #: the words a date pattern needs (a month's name), found by one pattern per set of words:
        #: skipped on text without one (most paragraphs)
        self.date_needs_words = tuple(needs_words(rx.pattern, rx.flags) for rx, _kind, _map in self.date_res)

    # -- compilation ---------------------------------------------------------------
    def _core_regex(self, *, literal_folds: bool = True) -> regex.Pattern:
        """Numbers in digits and in words.  Number words are matched with their full case folding
        written into the literals (:func:`_lit`); ``literal_folds=False`` uses the regex module's
        FULLCASE flag instead, five times slower: the tests compare the two."""
        pack = self.pack
        alt = partial(_alt, full_case=literal_folds)
        parts = []
        if pack.vague:  # first: 十数 and 十几 are vague, not 10 followed by a word
            # th หลายร้อยคน ("several hundred people") is vague, not ร้อย 100: no boundary where
            # words are written without spaces
            boundary = not (pack.cjk_digits or pack.cjk_big or self.spaceless)
            pre = r"(?<![\p{L}\p{M}])" if boundary else ""
            parts.append(rf"(?P<vague>{pre}{alt(pack.vague, boundary=boundary)})")
        # a word starts after no letter, or after a proclitic that does (ar وثماني عشرة, "and eighteen")
        start = r"(?<![\p{L}\p{M}])"
        proclitics = inflection().proclitics.get(self.tab.language)
        if proclitics:
            start = rf"(?:{start}|(?<={start}{alt(proclitics, boundary=False)}))"
        # right after the article glued to a word, itself after any proclitic (ar العامين, بالعامين)
        after_article = (rf"(?<=(?<![\p{{L}}\p{{M}}]){'(?:' + alt(proclitics, boundary=False) + ')?' if proclitics else ''}"
                         rf"{alt(self.articles, boundary=False)})") if self.articles else None
        if self.duals:
            # a dual is two with the article or without (ar العامين), and never an ordinal
            dual_start = rf"(?:{start}|{after_article})" if after_article else start
            parts.append(rf"(?P<dual>{dual_start}{alt(self.duals)})")
        if pack.cjk_digits or pack.cjk_big:
            digits = "".join(regex.escape(c) for c in {**pack.cjk_digits, **pack.cjk_small})
            big = "".join(regex.escape(c) for c in pack.cjk_big)
            d = f"[0-9{digits}]" if digits else "[0-9]"
            units = big + "".join(regex.escape(c) for c in pack.cjk_small)
            # "1 万 5 千ドル": some texts put a space between digits and numeral units
            parts.append(
                rf"(?P<cjk>{d}(?:[0-9{digits}]|[.,](?=[0-9])|[ ]?[{units}]|(?<=[{units}])[ ](?=[0-9{digits}])"
                rf"|(?<=[0-9])[ \u00a0](?=[0-9]{{3}}(?![0-9]))){{0,{_MAX_CJK}}})"
            )
        seps = ".,'’\u00a0 \u066b\u066c" + self.tab.decimal + self.tab.group
        seps = "".join(sorted(set(seps + typed_groups(self.tab, seps)) - set("\u200e\u200f\u061c")))
        parts.append(r"(?P<num>\d+(?:[" + regex.escape(seps) + r"]\d+){0," + str(_MAX_GROUPS) + "})")
        if pack.words:
            # and ICU's words joined by a connector written with hyphens (ee blaeve-vɔ-ɖekɛ, 21)
            hyphened = [w.replace(f" {c} ", f"-{c}-") for w in pack.words for c in pack.connectors if f" {c} " in w]
            morph = alt(list(pack.words) + list(pack.multipliers) + hyphened, boundary=False)
            conn = alt(pack.connectors, boundary=False) if pack.connectors else "(?!)"
            glued = alt(pack.glued_units, boundary=False) if pack.glued_units else "(?!)"
            # an ending the word takes and is read without, ending the word (hu kétszázan)
            ending = alt(pack.word_endings) if pack.word_endings else "(?!)"
            left, right = (r"", r"") if self.spaceless else (start, rf"(?:(?![\p{{L}}\p{{M}}])|(?={glued})|(?={ending}))")
            small = [w for w, v in pack.words.items() if 3 <= v <= 19]
            if after_article and small and not self.spaceless:
                # ar الأيام الأربع, الفرق العشرة ("the four days", "the ten teams"): the article before a
                # cardinal of 3-19, whose ordinals are other words (الرابع, العاشر); not before the tens,
                # which are also ordinals (العشرين, the twentieth), nor the hundred (في المائة, per cent)
                left = rf"(?:{left}|{after_article}(?={alt(small)}(?![\p{{L}}\p{{M}}])))"  # not الثلاثين
            parts.append(
                rf"(?P<words>{left}{morph}"
                rf"(?:(?:[ \u00a0]+{conn}[ \u00a0]+|-{conn}-|{conn}|[ \u00a0-]){'?' if pack.glued else ''}{morph}){{0,{_MAX_WORDS}}}"
                rf"{right})"
            )
        if pack.plural_scales:
            parts.append(rf"(?P<pscale>(?<![\p{{L}}]){alt(pack.plural_scales)})")
        # dreißig matches the folded pack word dreissig
        flags = regex.IGNORECASE | regex.V0 | (0 if literal_folds else regex.FULLCASE)
        return regex.compile("|".join(parts), flags)

    def _date_regexes(self) -> list[tuple[regex.Pattern, str, dict]]:
        # a month name is a whole word, in every script that separates words (Persian می is May,
        # not the start of میلیون); in scripts written without spaces it may be followed by text
        months = ("(?:" + self._month_word + "(?:" + _alt(self.tab.months) + _WORD_END + self._inflected_months() + "))"
                  if self.tab.months else "(?!)")
        macros = {
            # not after a digit and a separator (1,2017; 3.2017), but after punctuation (，2017年
            # is ,2017年 once width-folded)
            "{YEAR}": r"(?<![\d'’]|\d[.,])(?:1[89]\d\d|20\d\d|2100)(?!\d|[.,]\d)",
            # a year inside a numeric date (14.3.2023), whose separator may be a period
            "{YEARN}": r"(?:1[89]\d\d|20\d\d|2100)(?!\d|[.,]\d)",
            # a decade or a hundred before a suffix that says so (fi 1600-luku, sv 1600-talet):
            # every round year since 1000; {YEAR} alone starts at 1800
            "{DECADE}": r"(?<![\d'’]|\d[.,])(?:1\d\d0|20\d0)(?!\d|[.,]\d)",
            "{MONTH}": months,
            # a month's name with a case ending CLDR's pattern glues to it (mn MMM'ын': 9-р сарын)
            "{MONTHG}": "(?:" + _alt(self.tab.months, boundary=False) + ")" if self.tab.months else "(?!)",
            "{DAY}": r"(?:3[01]|[12]\d|0?[1-9])",
            "{NUM}": r"\d+",
            # an elided century (anni '80): the apostrophe, and what autocorrect and keyboards put
            # there (a left quotation mark ‘, the modifier letter ʼ)
            "{APOS}": "['\u2019\u2018\u02bc]",
        }
        out = []
        # the pack's patterns first (they win a tie), then the locale's own CLDR date formats and
        # ISO 8601, which every locale reads (see locale/cldr.py date_patterns)
        sources = [(dp.pattern, dp.kind, dp.map) for dp in self.pack.dates]
        sources += [(pattern, kind, {}) for pattern, kind in date_patterns(self.tag)] + [(ISO_DATE, "day", {})]
        if not any(dp.kind == "century" for dp in self.pack.dates):
            sources += [(pattern, "century", {}) for pattern in self._century_patterns()]
            spelled, ordinals = self._spelled_century_patterns()
            ordinal_map: dict[str, object] = dict(ordinals)
            sources += [(pattern, "century", ordinal_map) for pattern in spelled]
            if (grammar := self._century_by_grammar()) is not None:
                sources.append((grammar, "century_form", {}))
        if not any(dp.kind == "quarter" for dp in self.pack.dates) and (quarters := quarter_names(self.tag)):
            # CLDR's names of the quarters, with the year after them if there is one (vi quý 2 năm
            # 2018, cs 2. čtvrtletí 2018, ca 2n trimestre de 2018): the 2 is no count
            # an abbreviation of three characters or fewer (Q3, ee k3) only with its year
            year = r"[ \u00a0]+(?:\p{L}{1,4}[ \u00a0]+)?(?P<year>{YEAR})"
            names = _alt([q for q in quarters if len(q) > 3], boundary=True)
            short = _alt([q for q in quarters if len(q) <= 3], boundary=True)
            sources.append((rf"(?<![\p{{L}}\p{{N}}])(?:(?P<quarter>{names})(?:{year})?|(?P<quarter>{short}){year})",
                            "quarter", dict(quarters)))
        if not any(dp.kind == "month" for dp in self.pack.dates) and (
                numbered := [m for m in self.tab.months if DIGIT.search(m)]):
            # a month whose name holds its number (vi tháng 10, October) alone: a month, not a count
            sources.append((rf"(?<![\p{{L}}\p{{N}}])(?P<month>{_alt(numbered)})(?!\p{{N}})", "month", {}))
        if not any(dp.kind == "day" for dp in self.pack.dates) and (loose := self._loose_days()):
            sources += [(pattern, "day_loose", {}) for pattern in loose]
        if (english := self._english_months()):
            # news in many Latin-script languages keeps the English month (ny "chisankho cha
            # October 1", zu "ngo-September 29"): read after the locale's own patterns, capitalised,
            # with a day or a year (never May, also a word: fil "may 5 na tao", there are five)
            name = "(?-i:(?P<month>" + "|".join(sorted(english, key=len, reverse=True)) + "))"
            folded: dict[str, object] = {k.casefold(): v for k, v in english.items()}
            sources += [
                (rf"(?<![\p{{L}}\p{{N}}]){name}[ \u00a0]+(?P<day>{{DAY}})(?!\d|[.,]\d)"
                 rf"(?:,?[ \u00a0]+(?P<year>{{YEAR}}))?", "day", folded),
                (rf"(?<![\d.,])(?P<day>{{DAY}})(?:st|nd|rd|th)?[ \u00a0]+{name}(?:,?[ \u00a0]+(?P<year>{{YEAR}}))?"
                 rf"(?![\p{{L}}])", "day", folded),
                (rf"(?<![\p{{L}}\p{{N}}]){name}[ \u00a0]+(?P<year>{{YEAR}})", "month", folded),
            ]
        if self.era is not None:  # th ปี 2557, พ.ศ. 2557: the Buddhist era's 2014
            words = [*self.era["markers"], *(w for w, unit in self.units.items() if unit == "year")]
            sources.append((rf"(?:{_alt(words, boundary=False)})[ \u00a0]*(?P<era_year>2[3-6]\d\d)(?!\d|[.,]\d)",
                            "era", {}))
        for pattern, kind, mapping in sources:
            for key, value in macros.items():
                pattern = pattern.replace(key, value)
            out.append((regex.compile(pattern, regex.IGNORECASE | regex.V0), kind, mapping))
        if not any(dp.kind == "year" for dp in self.pack.dates):  # every locale gets years
            out.append((regex.compile(f"(?P<year>{macros['{YEAR}']})", regex.V0), "year", {}))
        return out

    def _century_patterns(self) -> list[str]:
        """Centuries written with CLDR's word for a century (``duration-century``), in the forms
        Europe's and Asia's languages share: a Roman numeral before or after it (it ``XIX secolo``,
        pl ``XIX wieku``, es ``siglo XIX``, ro ``secolul al XIX-lea``), an ordinal number before it
        (bg ``19-ти век``, cs ``19. století``) or a number after it and an ordinal word (id ``abad
        ke-19``, th ``ศตวรรษที่ 19``).  A number with no ordinal mark before the word counts
        centuries (``2 secoli``), and one right after it is no century: Polish ``wiek`` is also an
        age (``w wieku 17 lat``, "at the age of 17").  Also: an ordinal mark apart from the number
        in scripts other than Latin (ne ``19 औं शताब्दी``), a hyphen where the language glues
        endings (ky ``19-кылымда``), the word with an ending or a proclitic before the number (sq
        ``shekullin e 19-të``, he ``במאה ה-19``), CLDR's abbreviation after a Roman numeral (lt
        ``XIX a.``) and Chinese's noun without the classifier a count takes (zh ``19世纪``)."""
        words = self.century_words
        if not words:
            return []
        after = "(?:" + _alt(words, boundary=False, left=True) + ")"  # a whole word where words are spaced
        # before a number, a word of four letters or more may take an ending (sq shekullin e 19-të, so
        # qarnigii 19aad); a shorter one may be the start of another word (hy դարձնի, "make it")
        long_words = [w for w in words if len(w) >= 4]
        ending = rf"(?:{_alt(long_words, boundary=False, left=True)}\p{{L}}{{1,3}})" if long_words else "(?!)"
        # after a Roman numeral or an ordinal, the word may take the case ending its language glues
        # to it (tr 19. yüzyılda, sr 19. веку, az XIX əsrdə, mr 19व्या शतकात)
        ended = self._ended_century()
        extra = []
        if self.articles:  # ar القرن 19, "the century 19": with the article, a number right after it
            the = rf"(?<![\p{{L}}\p{{M}}])(?:{_alt(self.articles, boundary=False)})(?:{_alt(words, boundary=False)})"
            extra.append(rf"{the}[ \u00a0]+(?P<century>[12]?\d)(?!\d|[.,]\d)")
        roman = r"(?-i:(?P<roman>(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})))"
        space = r"[ \u00a0]+"
        years = _alt([w for w, unit in self.units.items() if unit == "year"] or ["\uffff"], boundary=False)
        rule = inflection()
        if (proclitics := rule.proclitics.get(self.tab.language)):
            # he במאה ה-19, "in the century the 19th": the word with what its language glues before it
            after = rf"(?<![\p{{L}}\p{{M}}])(?:{_alt(proclitics, boundary=False)})?(?:{_alt(words, boundary=False)})"
        # CLDR's abbreviations after a Roman numeral of two letters or more (lt XIX a., ro XIX sec.,
        # ru XIX в.): one letter may be a pronoun or an initial
        abbreviations = [w for w, unit in self.units.items() if unit == "century" and w.endswith(".") and len(w) > 1]
        if abbreviations:
            extra.append(rf"(?<![\p{{L}}\p{{N}}])(?-i:(?P<roman>(?=[IVX]{{2}})X{{0,2}}(?:IX|IV|V?I{{0,3}}))){space}"
                         rf"(?:{_alt(abbreviations, boundary=False)})(?![\p{{L}}\p{{N}}])")
        # an ordinal mark written apart from the number, in scripts other than Latin (ne 19 औं
        # शताब्दी, si 19 වන සියවස, ur 19 ویں صدی, tt 19 нчы гасыр), never a scale or unit word nor the
        # first word of CLDR's own count (ro 20 de secole)
        not_marks = [*self.scales, *self.units, *(w.split()[0] for w in words if " " in w)]
        mark = r"(?:[\p{Lo}\p{M}]{1,4}|(?:(?!\p{Latin})\p{Ll}){1,3})"
        extra.append(rf"(?<![\d.,])(?P<century>[12]?\d)[ \u00a0](?!(?:{_alt(not_marks, boundary=False)})[ \u00a0])"
                     rf"{mark}{space}{ended}(?![\p{{L}}\p{{M}}])")
        if self.tab.language in rule.languages:
            # a hyphen marks the ordinal where the language glues endings (ky 19-кылымда, uz 19-asrda)
            extra.append(rf"(?<![\d.,])(?P<century>[12]?\d)[-\u2011]{ended}(?![\p{{L}}\p{{M}}])")
        if self.century_bare:  # zh 19世纪, 十九世纪 (a count: 两个世纪)
            extra.append(rf"(?<![\d.,{''.join(_HAN_DIGITS)}])(?P<century>[12]?\d|{_HAN_CENTURY})[ \u00a0]?"
                         rf"(?:{_alt(self.century_bare, boundary=False)})")
        return [
            rf"(?<![\p{{L}}\p{{N}}]){roman}(?:\.|-?\p{{Ll}}{{1,3}}|º)?{space}{ended}(?![\p{{L}}\p{{M}}])",
            # the word may take an ending (ro secolului al XIX-lea)
            rf"{after}\p{{L}}{{0,4}}{space}(?:\p{{L}}{{1,3}}{space})?{roman}(?:-\p{{L}}{{1,3}})?(?![\p{{L}}\p{{N}}])",
            # an ordinal mark: a period, letters (el 19ο, es 19.º, tr 19'uncu) or a Brahmic script's
            # suffix (hi 19वीं)
            rf"(?<![\d.,])(?P<century>[12]?\d)(?:\.|-?\p{{Ll}}{{1,3}}|º|[\p{{Lo}}\p{{M}}]{{1,4}}){space}{ended}"
            rf"(?![\p{{L}}\p{{M}}])",
            # not a range after it (pl "w wieku od 11 do 18 lat", at the age of 11 to 18)
            rf"(?:{after}|{ending})(?:{space}|(?<=[\p{{Thai}}\p{{Lao}}\p{{Khmer}}\p{{Myanmar}}]))[\p{{L}}\p{{M}}]{{1,4}}[ \u00a0-]*"
            rf"(?P<century>[12]?\d)(?!\d|[.,]\d)(?![ \u00a0]+\p{{L}}{{1,3}}[ \u00a0]+\d)",
            # or the number alone after it (vi thế kỷ 19, pt século 19, so qarnigii 19aad), unless a
            # word for years follows (pl "w wieku 17 lat", at the age of 17)
            rf"(?:{after}|{ending}){space}(?P<century>[12]?\d)(?!\d|[.,]\d|[-\u2013]\d|{space}(?:{years})(?![\p{{L}}\p{{M}}]))",
            *extra,
        ]

    def _loose_days(self) -> list[str]:
        """A day and the locale's month in either order, whatever CLDR's patterns say: news
        translated from English keeps its order (sw ``Oktoba 1``, te ``అక్టోబర్ 1``, fa-AF ``1
        اکتوبر``), with a short word between (ha ``30 ga Satumba``, to ``30 ʻo Sepitema``) or an ending
        glued to either (so ``30ka Sebteembar``, ``Oktoobarta 1``; kn ``ಅಕ್ಟೋಬರ್ 1ರ``); a full name
        only takes the ending.  Read after CLDR's own patterns, and never where a unit, currency,
        scale or counter follows the day (:meth:`_date_claim`: ``im Mai 3 Prozent``)."""
        # CLDR's full names, of three letters or more: an abbreviation or a two-letter name is as
        # often a word (ee afɔ, a foot; fil may, "with"; mr मे, Theresa May)
        names = [m for m in sorted(self._wide_months & set(self.tab.months)) if len(m) >= 3]
        if not names:
            return []
        full = [m for m in names if len(m) >= self._shortest_ended_month and " " not in m]
        # a Latin name with or without its marks, as keyboards and spellings keep them (to Sēpitema:
        # Sepitema, and Sepitemá with the definite accent; ig Novemba: Nọvemba)
        loose = [_markless(m) for m in names if _LATIN_LETTER.search(m)]
        # the ending may begin with a vowel sign on the name's last letter (gu નવેમ્બરે, in November)
        ended = "|".join(_lit(m) for m in sorted(full, key=len, reverse=True))
        # a Bantu locative or possessive prefix in place of the name's lowercase augment, the stem
        # capitalised as CLDR writes it (ss iNyoni: kuNyoni, ngeMphala)
        stems = "|".join(f"(?-i:{_lit(stem)})" for stem in sorted(self._prefixed_month_stems, key=len, reverse=True))
        month = (f"{self._month_word}(?:{_alt(names, boundary=True)}"
                 + (f"|(?:{ended})[\\p{{L}}\\p{{M}}]{{1,3}}" if full else "")
                 + ("|(?:" + "|".join(loose) + r")(?![\p{L}\p{M}])" if loose else "")
                 + (rf"|(?<![\p{{L}}\p{{M}}])\p{{Ll}}{{1,4}}-?(?:{stems})" if stems else "") + ")")
        start = r"(?:(?<![\p{L}\p{M}])|(?=(?-i:\p{Lu}|(?![\p{Ll}\p{Lt}])\p{L})\p{L}{4}))"
        hyphen = r"(?:(?<!-)|(?<=(?<![\p{L}\p{M}])\p{Ll}{1,7}[aeiou]-))" if self.hyphen_prefix_re is not None else "(?<!-)"
        year = r"(?:,?[ \u00a0]+(?P<year>{YEAR}))?"
        # no score's first number (4-1, 4 -1, 4 - 1)
        day_end = r"(?!\d|[.,]\d|[ \u00a0]?[-\u2013][ \u00a0]?\d)(?:[\p{L}\p{M}]{1,3})?(?![\p{L}\p{M}\p{N}])"
        # where Bantu concords stand between a noun and its number (tn Lwetse a le 29, di 30 tsa
        # Lwetse; inflection.toml class_prefixes), up to two short words between the month and its day
        concords = r"(?:\p{Ll}{1,3}[ \u00a0]+){0,2}" if self.class_prefixes else ""
        between = concords or r"(?:[\p{L}\p{Lm}]{1,2}[ \u00a0]+)?"
        return [
            rf"{start}(?P<month>{month})[ \u00a0]+{concords}(?P<day>{{DAY}}){day_end}{year}",
            # not the second number of a score (be 4-1 у лютым); after a class prefix's hyphen where the
            # language joins one to a numeral (ss ngo-30)
            rf"(?<![\d.,\u2013]){hyphen}(?P<day>{{DAY}})(?!\d)(?:\.|[\p{{L}}\p{{M}}]{{1,3}})?[ \u00a0]+{between}"
            rf"(?P<month>{month})(?![\p{{L}}\p{{M}}]){year}",
        ]

    def _ended_century(self) -> str:
        """A century word after a numeral: as CLDR writes it, or, where its language glues case
        endings or postpositions to a noun (``locale/data/inflection.toml``: ``languages``,
        ``glued_postpositions``), followed by up to ``max_ending`` letters, also after the stem its
        forms share (hr stoljeće, stoljeća: stoljeć-u)."""
        rule = inflection()
        words = self.century_words
        language = self.tab.language
        if language not in rule.languages and language not in rule.glued_postpositions:
            return "(?:" + _alt(words, boundary=False) + ")"
        stems = [*_shared_stems(words, dict.fromkeys(words, "century"), 3)]
        if language in rule.glued_postpositions:  # si සියවස් -> සියවසේ: a vowel sign for the virama
            stems += [w[:-1] for w in words if _VIRAMA_END.search(w)]
        # no guard after the word: an ending may begin with a vowel sign (mr शतक-ात); the patterns
        # end in one (no letter or mark after the ending)
        alternation = "|".join(_lit(w) for w in sorted({*words, *stems}, key=len, reverse=True))
        return f"(?:{alternation})" + rf"(?:[\p{{L}}\p{{M}}]{{1,{rule.max_ending}}})?"

    @staticmethod
    def _ordinal(num: _Num, start: int, end: int, text: str) -> Claim | None:
        """A position written in digits (16th, 16. hul, 第16): compared with the other versions'
        ordinals, never reported missing (an ordinal is as often spelled out)."""
        if num.value is None or num.source not in ("digits", "cjk") or num.value != num.value.to_integral_value():
            return None
        return Claim(kind=ClaimKind.ORDINAL, start=start, end=end, text=text[start:end], value=num.value,
                     low=num.value, high=num.value, precision=Decimal(1))

    def _ordinal_forms(self) -> dict[str, int]:
        """ICU's spelled-out ordinals of the 1st-21st (the generated table), each also in the
        oblique case of the language's plurals (ar ``العشرون``, ``العشرين``): written form -> n."""
        from ..locale.spellout import ordinal_words

        rule = inflection()
        forms = ordinal_words(self.tab.language)
        for word, n in list(forms.items()):
            for form in rule.oblique_forms(self.tab.language, word):
                forms.setdefault(form, n)
        return forms

    def _spelled_ordinals(self) -> list[str]:
        """ICU's spelled-out ordinals, which are no counts: ar ``السابعة عشرة`` ("the seventeenth")
        holds ``عشرة`` (ten), tr ``on dokuzuncu`` holds ``on``.  Forms that are also a number word,
        a unit (es ``segundo``, en ``second``) or a scale word stay readable."""
        keep = set(map(_key, self.pack.words)) | set(self.units) | set(self.scales)
        return [f for f in self.ordinal_forms if _key(f) not in keep and not any(c.isdigit() for c in f)]

    def _spelled_century_patterns(self) -> tuple[list[str], dict[str, int]]:
        """Centuries named by an ordinal word, from ICU's spelled-out ordinals (the generated
        table): after the word for a century (ar ``القرن التاسع عشر``, with the article the
        language glues to it and the oblique case of its plurals, ``القرن العشرين``) or before it
        (hu ``tizenkilencedik század``, tr ``on dokuzuncu yüzyıl``).  The patterns and the map
        from each written ordinal to its number."""
        words, ordinals = self.century_words, self.ordinal_forms
        if not words or not ordinals:
            return [], {}
        century = "(?:" + _alt(words, boundary=False) + ")"
        article = f"(?:{_alt(self.articles, boundary=False)})?" if self.articles else ""
        spelled = "(?P<century>" + _alt(list(ordinals), boundary=False) + ")"
        edge = r"(?<![\p{L}\p{M}])"
        return [
            rf"{edge}{article}{century}[ \u00a0]+{spelled}(?![\p{{L}}\p{{M}}])",
            rf"{edge}{spelled}[ \u00a0]+{century}(?![\p{{L}}\p{{M}}])",
        ], ordinals

    def _century_by_grammar(self) -> str | None:
        """A number and a form of CLDR's word for a century that a count of that number never
        takes (:meth:`_date_claim` asks the plural rules): bg ``през 19 век``, "in the 19th
        century" (a count of 19 would be ``19 века``); ru ``19 век``.  A form every count takes
        (cs ``století``) says nothing and is left out, as are abbreviations."""
        every = {"zero", "one", "two", "few", "many", "other"}
        forms = [w for w, cats in self.century_forms.items()
                 if len(w) > 2 and not w.endswith(".") and not every <= cats and w in self.units]
        if not forms:
            return None
        return (rf"(?<![\d.,])(?P<century>[12]?\d)[ \u00a0]+(?P<cword>{_alt(forms, boundary=False)})"
                rf"(?![\p{{L}}\p{{M}}])")

    # -- passes --------------------------------------------------------------------
    def extract(self, text: str) -> list[Claim]:
        if "  " not in text:
            return self._extract(text)
        # Loaders keep a block as long as its span in the file: a decoded escape or reference
        # (`\u00a0`, `&nbsp;`) and blanked markup (`**2** GW`) leave runs of padding that would
        # part a number from its unit.  Read the text with the padding squeezed, and map the
        # claims back onto the block.
        squeezed, where = _squeeze(text)
        out = []
        for c in self._extract(squeezed):
            start, end = where[c.start], where[c.end - 1] + 1
            out.append(replace(c, start=start, end=end, text=text[start:end]))  # the text as the block has it
        return out

    def _extract(self, text: str) -> list[Claim]:
        work = normalize_text(text)
        # a record or version number shape that is a date this locale writes (2023-03-14, and
        # 14.3.2023 where CLDR's format is d.M.y) is read as that date, not blanked
        spans = [sp for sp in _noise_spans(work) if not self._is_date(work, *sp)]
        work = _blank(work, _merge(spans))
        # the pack's noise and clock times are blanked after the dates are read: a date CLDR ends
        # with a period is one where a word follows (fi "12.6. klo 18"), and "klo" is that word
        digits = DIGIT.search(work) is not None
        clock = [m.span() for m in self.noise_re.finditer(work)] \
            if self.noise_re is not None and (digits or not self.noise_needs_digit) else []
        claims: list[Claim] = []
        date_spans: list[tuple[int, int]] = []
        for dated in self._dates(work, text, digits):
            if any(s < dated.end and dated.start < e for s, e in clock):
                continue  # a clock time is no date
            claims.append(dated)
            date_spans.append((dated.start, dated.end))
        if self.numbered_days is not None:  # vi thứ Hai tuần trước: Monday last week, no two weeks
            clock += [m.span(1) for m in self.numbered_days.finditer(work)]
        work = _blank(work, _merge(sorted(date_spans + clock)))
        if self.excluded_re is not None and (self.excluded_needs_words is None
                                             or self.excluded_needs_words.search(work)):
            work = _blank(work, [m.span() for m in self.excluded_re.finditer(work) if not self._ends_unit(work, m)])
        pos = 0
        while True:
            m = self.core_re.search(work, pos)
            if m is None:
                break
            claim: Claim | None
            try:
                claim, resume = self._figure(m, work, text)
            except ArithmeticError:  # decimal Overflow/InvalidOperation: a number out of any range
                claim, resume = None, m.end()
            if claim is not None and not _in_range(claim):
                claim = None
            if claim is not None:
                claims.append(claim)
            pos = max(resume, m.start() + 1)
        claims.sort(key=lambda c: (c.start, c.end))
        return _merge_compounds(claims, text, self.compound_gap)

    # -- dates ------------------------------------------------------------------------
    def _is_date(self, work: str, start: int, end: int) -> bool:
        """Whether a date of this locale starts at ``start`` and covers ``work[start:end]``."""
        for rx, kind, _mapping in self.date_res:
            if kind in ("day", "month") and (m := rx.match(work, start)) is not None and m.end() >= end:
                return True
        return False

    def _dates_without_digit(self) -> list[int]:
        """The date patterns that may match text without a digit (a few of some twenty), by
        :attr:`date_needs_digit`: four paragraphs in five are searched with these only."""
        if self._without_digit_of is not self.date_needs_digit:
            self._without_digit = [i for i, digit in enumerate(self.date_needs_digit) if not digit]
            self._without_digit_of = self.date_needs_digit
        return self._without_digit

    def _dates(self, work: str, text: str, digits: bool) -> list[Claim]:
        """The dates of ``work`` (``text`` normalized, its noise blanked); ``digits``: whether it
        holds a digit (:data:`DIGIT`)."""
        found = []
        has_words: dict[object, bool] = {}  # one search per set of words (a month's names): a WordFinder
        date_res, needs_words = self.date_res, self.date_needs_words
        for priority in range(len(date_res)) if digits else self._dates_without_digit():
            rx, kind, mapping = date_res[priority]
            words = needs_words[priority]
            if words is not None:
                if words not in has_words:
                    has_words[words] = words.search(work) is not None
                if not has_words[words]:
                    continue
            for m in rx.finditer(work):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), priority, m, kind, mapping))
        found.sort(key=lambda t: (t[0], t[1], t[2]))
        taken_until = -1
        claims = []
        for start, _neg, _p, m, kind, mapping in found:
            if start < taken_until:
                continue
            claim = self._date_claim(m, kind, mapping, work, text)
            if claim is None:
                continue
            claims.append(claim)
            taken_until = m.end()
        return claims

    def _date_claim(self, m, kind: str, mapping: dict, work: str, text: str) -> Claim | None:
        groups = {k: v for k, v in m.groupdict().items() if v is not None}

        def mapped(name: str):
            raw = groups.get(name)
            if raw is None:
                return None
            key = raw.casefold()
            if key in mapping:
                return mapping[key]
            key = compiled(r"\s+").sub(" ", key)
            if key in mapping:
                return mapping[key]
            return raw

        if kind == "day_loose":  # :meth:`_loose_days`: no day where a unit follows (im Mai 3 Prozent)
            if m.start("day") > m.start("month") and self._figure_follows(work, m.end("day")):
                return None  # (a month after the day: gu 29મી માર્ચના, its ordinal મી no metre)
            kind = "day"
        year = int(groups["year"]) if "year" in groups else None
        if "era_year" in groups:
            year = int(groups["era_year"]) - cast(dict, self.era)["offset"]
        end = m.end()
        if kind == "year" and m.end("year") == m.end():  # a bare year, nothing after it
            named = self._year_word_end(work, m.end(), year)
            if named is not None:
                end = named  # pl "w 2014 roku", bg "през 2014 година": the year 2014
            elif self._figure_follows(work, m.end()) and not self._homograph_follows(work, m.end()):
                return None  # "2025 Mitarbeiter": a count, not a year
            qb = self.qual_before_re.search(work, max(0, m.start() - 24), m.start())
            if qb and not (self.qual_before.get(_key(qb.group(1))) == "at_most"
                           and _CLAUSE_END.match(work, m.end())):
                return None  # "etwa 2000 Soldaten", "some 2000", "até 2030 pessoas": a count
            # an upper bound on a year that ends its clause is a time limit: pt "até 2030.", es "hasta
            # 2030,", en "up to 2030."
            if m.start() > 0 and compiled(r"[\p{Latin}\p{Cyrillic}\p{Greek}_-]").match(work[m.start() - 1]):
                return None  # Windows2000, COVID-2019: part of a name
            if compiled(r"[\p{Latin}\p{Cyrillic}\p{Greek}]").match(work[m.end():m.end() + 1]):
                return None  # 1800H, 2000mAh: a figure with a glued word
        label = None
        low = high = None
        if kind == "fiscal_year":
            label = "FY" + compiled(r"\s").sub("", groups["fy"])
        elif kind == "quarter":
            q = mapped("quarter")
            q = _small_int(q)
            if q is None or not 1 <= q <= 4:
                return None
            label = f"Q{q}" if year is None else f"{year}-Q{q}"
            if year is not None:
                low, high = date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        elif kind == "half":
            h = _small_int(mapped("half"))
            if year is None or h not in (1, 2):
                return None
            label = f"{year}-H{h}"
            low, high = (date(year, 1, 1), date(year, 6, 30)) if h == 1 else (date(year, 7, 1), date(year, 12, 31))
        elif kind == "part":
            part = mapped("part")
            if year is None or part not in ("begin", "mid", "end"):
                return None
            label = f"{year}-{part}"
            low, high = {
                "begin": (date(year, 1, 1), date(year, 3, 31)),
                "mid": (date(year, 5, 1), date(year, 8, 31)),
                "end": (date(year, 10, 1), date(year, 12, 31)),
            }[part]
        elif kind in ("day", "month"):
            month = _small_int(mapped("month")) if mapped("month") != groups.get("month") else None
            month = month or self._month(groups.get("month"))
            if month is None:
                return None
            if kind == "day":
                day = int(groups["day"])
                if year is None:
                    label = f"--{month:02d}-{day:02d}"
                else:
                    try:
                        low = high = date(year, month, day)
                    except ValueError:
                        return None
                    label = low.isoformat()
            elif year is None:
                label = f"--{month:02d}"  # 3月: March of an unstated year
            else:
                low, high = date(year, month, 1), _month_end(year, month)
                label = f"{year}-{month:02d}"
        elif kind == "years":
            if year is None:
                return None
            raw = groups["year2"]
            end = int(raw) if len(raw) == 4 else (year // 100) * 100 + int(raw)
            if end <= year or end - year > 100:
                return None
            low, high, label = date(year, 1, 1), date(end, 12, 31), f"{year}/{end}"
        elif kind in ("century", "century_form"):
            c = _roman(groups["roman"]) if "roman" in groups else _small_int(mapped("century"))  # a pack may map words
            if c is None:
                return None
            if kind == "century_form" and self.plural_category(c) in self.century_forms.get(_key(groups["cword"]), ()):
                return None  # bg 2 века, ru 21 век: a form a count of that number takes
            if not 1 <= c <= 22:
                return None
            low, high, label = date((c - 1) * 100 + 1, 1, 1), date(c * 100, 12, 31), f"C{c}"
        elif kind == "decade":
            if "decade" in groups:
                start = int(groups["decade"])
            else:  # anni '80, jaren tachtig (a pack's map gives "80"): the 1930s to the 1990s only,
                two = mapped("decade2")  # '20 and '10 may be this century's as well as the last's
                if not (isinstance(two, str) and two.isdigit() and 30 <= int(two) <= 90):
                    return None
                start = 1900 + int(two)
            if start % 10:
                return None
            part = mapped("part")
            # a round hundred names its hundred years as well as its first ten (sv 1800-talet, fi
            # 1800-luku, en the 1900s: the 19th and 20th centuries): read as the wider span
            scale = 10 if start % 100 == 0 else 1
            first, last = {"begin": (0, 3), "mid": (3, 7), "end": (6, 9)}.get(part, (0, 9))
            low, high = date(start + first * scale, 1, 1), date(start + last * scale + scale - 1, 12, 31)
            label = f"{start}s" + (f"-{part}" if part in ("begin", "mid", "end") else "")
        elif kind in ("year", "era"):
            if year is None:
                return None
            low, high, label = date(year, 1, 1), date(year, 12, 31), str(year)
        else:  # pragma: no cover - pack validation
            return None
        return Claim(
            kind=ClaimKind.DATE, start=m.start(), end=end, text=text[m.start():end],
            value=None, low=low, high=high, label=label, weak="weak" in groups,
        )

    def _inflected_months(self) -> str:
        """``|(month…)ending``: in a language that inflects nouns with suffixes and has no pack, a
        month's name of five letters or more may take a case ending as a unit word does (Estonian
        ``14. märtsil``, on March 14; ``locale/data/inflection.toml``; so may its stem without a
        fleeting vowel, :meth:`_month_stems`: ``oktoobril``, ``30. septembra``); a shorter name (of
        three or four letters) a one-letter ending only (sr ``12. јуна``, ``маја``, ``марта``; sl
        ``maja``; sk ``mája``: a longer one would make words of them, sr ``мајка``, ``мајор``,
        ``јунак``); empty elsewhere."""
        if not self.month_endings:
            return ""
        stems = [m for m in self.tab.months if len(m) >= 5 and _ALPHA_END.match(m)]
        # at a word's start: cs "posledních" holds "led" (leden), pl "optymistyczny" "styczn"
        out = _with_endings([*stems, *self._month_stems], self.month_endings).replace(
            "|(", r"|(?<![\p{L}\p{M}])(?:", 1)
        if short := self._short_months:
            out += r"|(?<![\p{L}\p{M}])" + _with_endings(short, 1)[1:].replace("(", "(?:", 1)
        return out

    @cached_property
    def _month_word(self) -> str:
        """Where the locale's months are written in a script without spaces (Thai, Lao, Khmer), its
        CLDR word for a month (km ខែ, lo ເດືອນ, th เดือน), which text writes before a month's name
        (km ថ្ងៃទី 1 ខែតុលា, lo ວັນທີ 1 ເດືອນຕຸລາ: on October 1): a pattern of it and an optional
        space, read before a month's name and left out of its lookup (:meth:`_month`); else ``""``.
        Not a word of one letter (my လ, which follows the name) nor an abbreviation (lo ດ.)."""
        return "(?:" + "|".join(_lit(w) for w in self._month_words) + r")?[ \u00a0]?" if self._month_words else ""

    @cached_property
    def _month_words(self) -> tuple[str, ...]:
        """The words of :meth:`_month_word`, longest first."""
        from ..locale.cldr import unit_plural_forms

        if not any(_SPACELESS.fullmatch(m) for m in self.tab.months):
            return ()
        words = [w for w in unit_plural_forms(self.tab.tag, "duration-month")
                 if len(w) >= 2 and _SPACELESS.fullmatch(w)]
        return tuple(sorted(words, key=len, reverse=True))

    @cached_property
    def _prefixed_month_stems(self) -> dict[str, int]:
        """Where a Bantu language writes noun-class prefixes (``inflection.toml`` ``class_prefixes``),
        the months whose CLDR name is a lowercase augment and a capitalised stem (ss ``iNyoni``,
        ``iMphala``): stem as CLDR writes it -> month.  A locative or possessive prefix takes the
        augment's place (``kuNyoni``, in September; ``ngeMphala``), the stem keeping its capital
        (lowercase, ``tinyoni`` are birds)."""
        if not self.class_prefixes:
            return {}
        out: dict[str, int] = {}
        for name, n in self._cldr_wide_months:
            if (m := _AUGMENTED.fullmatch(name)) is not None and len(m.group(1)) >= 4:
                out.setdefault(m.group(1), n)
        return out

    @cached_property
    def _cldr_wide_months(self) -> tuple[tuple[str, int], ...]:
        """babel's CLDR full (wide) month names of this locale, format then stand-alone, as CLDR
        writes them: (name, month)."""
        from ..locale.cldr import parse_locale

        months = parse_locale(self.tab.tag).months
        return tuple((str(name), int(n)) for context in ("format", "stand-alone")
                     for n, name in months.get(context, {}).get("wide", {}).items())

    @cached_property
    def _shortest_ended_month(self) -> int:
        """The shortest full month name that takes an ending in :meth:`_loose_days`: five letters,
        three where postpositions are glued to a noun (gu 11 જૂનના, of June 11)."""
        return 3 if self.tab.language in inflection().glued_postpositions else 5

    @cached_property
    def _markless_months(self) -> dict[str, int]:
        """The months' Latin names without their marks: name -> month (to ``sepitema``)."""
        return {_strip_marks(m): n for m, n in self.tab.months.items() if _LATIN_LETTER.search(m)}

    @cached_property
    def _short_months(self) -> dict[str, int]:
        """The months' full names (CLDR's wide forms) of three or four letters where the language
        gives them a one-letter case ending (``short_month_endings`` of
        ``locale/data/inflection.toml``): name -> month."""
        if not self.month_endings or self.tab.language not in inflection().short_month_endings:
            return {}
        wide = self._wide_months
        return {m: n for m, n in self.tab.months.items() if m in wide and 3 <= len(m) < 5 and m.isalpha()}

    @cached_property
    def _wide_months(self) -> frozenset[str]:
        """CLDR's full (wide) month names of this locale, format and stand-alone, in every spelling
        text writes them (:func:`~consistency.locale.scripts.month_spellings`), with those of ICU's
        release of CLDR (:func:`~consistency.locale.cldr.icu_wide_months`) and the names news writes
        where CLDR lists others (``locale/data/everyday_months.toml``)."""
        from ..locale.cldr import icu_wide_months
        from ..locale.packs import everyday_months
        from ..locale.scripts import month_spellings

        return frozenset(form for name, _n in self._cldr_wide_months for form in month_spellings(name)) \
            | icu_wide_months(self.tab.language) | frozenset(everyday_months(self.tab.language))

    @cached_property
    def _month_stems(self) -> dict[str, int]:
        """The stems of the months whose name ends in a vowel and a consonant, without that vowel,
        where the language drops it before an ending (a fleeting vowel: sl september, 30.
        septembra; sr septembar, septembra; et oktoober, oktoobri), and the stem CLDR's forms of a
        month share: stem -> month."""
        stems = {stem: n for m, n in self.tab.months.items()
                 if len(m) >= 5 and (stem := _fleeting_stem(m)) and stem not in self.tab.months}
        # a name without the final vowel an ending replaces (ka ივლისი: 20 ივლისს, on July 20)
        for m, n in self.tab.months.items():
            if len(m) >= 5 and " " not in m and (stem := _final_vowel_stem(m)):
                stems.setdefault(stem, n)
        # a nominative ending another case replaces (lv septembris: 30. septembrī, 1. oktobra)
        for ending in inflection().nominative_endings.get(self.tab.language, ()):
            for m, n in self.tab.months.items():
                if m.endswith(ending) and len(m) - len(ending) >= 4 and " " not in m:
                    stems.setdefault(m[:-len(ending)], n)
        # and the stem the forms of one month share (lt birželis, birželio: biržel-į, the accusative)
        words = [m for m in self.tab.months if " " not in m and _ALPHA_END.match(m) and len(m) >= 5]
        for stem, n in _shared_stems(words, self.tab.months, 5).items():
            stems.setdefault(stem, n)
        return stems

    @cached_property
    def _month_forms(self) -> dict[str, int]:
        """The months' names and their stems (:meth:`_month_stems`), a name winning: form -> month."""
        return {**self._month_stems, **self.tab.months}

    def _english_months(self) -> dict[str, int]:
        """English month names (CLDR's, capitalised) → 1..12 where the locale writes the Latin
        script and is not English, leaving out May and any name the locale's own months already
        read; else empty."""
        if self.tab.language == "en" or not any(_LATIN_LETTER.search(m) for m in self.tab.months):
            return {}
        from ..locale.cldr import parse_locale

        wide = parse_locale("en").months["format"]["wide"]
        return {str(name): int(n) for n, name in wide.items()
                if n != 5 and str(name).casefold() not in self.tab.months}

    def _month(self, raw: str | None) -> int | None:
        if raw is None:
            return None
        if raw.isdigit():
            value = int(raw)
            return value if 1 <= value <= 12 else None
        key = unicodedata.normalize("NFC", raw.casefold())
        for word in self._month_words:  # km ខែតុលា: the word for a month, then the name
            if key.startswith(word) and key != word:
                key = key[len(word):].lstrip(" \u00a0")
                break
        found = self.tab.months.get(key) or self.tab.months.get(key.rstrip("."))
        if found is None and self.month_endings:  # märtsil: märts and a case ending; septembr-a
            stems = self._month_forms
            found = next((stems[key[:-k]] for k in range(1, self.month_endings + 1)
                          if len(key) - k >= 4 and key[:-k] in stems), None)
            if found is None:  # a short name, one letter more
                found = self._short_months.get(key[:-1])
        if found is None and self._prefixed_month_stems and (m := _PREFIXED_MONTH.fullmatch(raw)) is not None:
            found = self._prefixed_month_stems.get(m.group(1))  # ss kuNyoni: ku- and iNyoni's stem
        if found is None:  # a Latin name written with other marks (to Sepitemá: :meth:`_loose_days`)
            found = self._markless_months.get(_strip_marks(key))
        if found is None:  # a full name with an ending (so Oktoobarta 1, gu જૂનના: :meth:`_loose_days`)
            found = next((self.tab.months[key[:-k]] for k in (1, 2, 3)
                          if len(key) - k >= self._shortest_ended_month and key[:-k] in self.tab.months), None)
        return found

    def _cldr_currency_symbols(self) -> list[str]:
        """CLDR's currency symbols of this locale as written (case kept)."""
        from ..locale.cldr import parse_locale

        return [v for v in parse_locale(self.tab.tag).currency_symbols.values() if isinstance(v, str)]

    def _year_word_end(self, work: str, pos: int, year: int | None) -> int | None:
        """Where a word for "year" after a year-like number ends, when CLDR's grammar says it names
        the year rather than counts years.

        A count agrees with its number: CLDR gives each form of ``duration-year`` the plural
        categories it serves (pl ``2014 lat`` "2014 years", ``many``).  A form the number's
        category never takes is the noun of a calendar year (pl ``2014 roku`` "of the year 2014",
        bg ``2014 година``, uk ``2014 року``), in every locale CLDR has plural rules for; so is a
        form of another grammatical case (sv ``1997 års match``, ru ``в 2018 году``).
        """
        if year is None:
            return None
        if self.year_suffix_re is not None and (suffix := self.year_suffix_re.match(work, pos)) is not None:
            return suffix.end()  # bg 1953 г., lv 2014. g.: CLDR's format of a year alone
        um = self.unit_re.match(work, pos)
        if um is None or self.units.get(_key(_unit_surface(um))) != "year":
            return None
        word = _key(um.group(1) or "")
        if word in self.year_cases:
            return um.end()  # sv "1997 års match", "the 1997 match"; ru "в 2018 году", "in 2018"
        forms = self.year_forms.get(word)
        if not forms or self.plural_category(year) in forms:
            return None
        return um.end()

    def _figure_follows(self, work: str, pos: int) -> bool:
        """Does a unit, currency, percent, counter or scale word follow ``pos``?"""
        for rx in (self.unit_re, self.scale_re, self.counter_re):
            if rx is not None and rx.match(work, pos):
                return True
        m = self.currency_after_re.match(work, pos)
        return bool(m and self._currency_code(m.group(1)))

    def _nothing_follows(self, work: str, start: int, pos: int) -> bool:
        """Whether no pattern :meth:`_figure` reads after a figure can match at ``pos`` and no unit
        or per cent written before the figure at ``start`` can either.  Exact: a pattern that cannot
        even partly match the next word (and the character after it) matches nothing longer that
        starts with it; the answer is kept per next word."""
        if self.follow_res is None:
            return False
        if self.unit_before_re is not None and self.unit_before_re.search(work, max(0, start - 40), start):
            return False
        if self.percent_before_re is not None and self.percent_before_re.search(work, max(0, start - 12), start):
            return False
        if self.loan_scales and self._loanword_scale(work, pos) is not None:
            return False
        following = work[pos:cast(Any, _FOLLOWING.match(work, pos)).end()]
        nothing = self.follow_cache.get(following)
        if nothing is None:
            nothing = all(rx.match(following, partial=True) is None for rx in self.follow_res)
            if len(self.follow_cache) >= 50_000:
                self.follow_cache.clear()
            self.follow_cache[following] = nothing
        return nothing

    def _homograph_follows(self, work: str, pos: int) -> bool:
        """Is the unit after ``pos`` a symbol the pack says is also a common word (it "nel 2019 ha
        vinto": ha is "has" there, not hectares)?"""
        return bool(self.pack.unit_homographs) and self._unit_after(work, pos) in self.pack.unit_homographs

    def _unit_after(self, work: str, pos: int) -> str | None:
        """The unit word at ``pos`` as :attr:`units` keys it, or None."""
        um = self.unit_re.match(work, pos)
        return None if um is None else _key(_unit_surface(um))

    def _decimal_context(self, work: str, start: int, end: int) -> bool:
        """Whether the number at ``start:end`` (with a period this locale cannot read) states an
        amount: a currency or a scale word before it (``milyon 1.6``), or a scale word, a currency,
        a percent or a unit other than one of time after it (``2.52 juta``, ``£2.8 miliar``, ``2.5
        км``).  Times and dates that write a period (``9.30 uur``, ``klo 19.30``, ``30.9``) are no
        decimals."""
        if self.currency_before_re.search(work, max(0, start - 8), start) or self._prefix_scale(work, start, False):
            return True
        if self.scale_re is not None and self.scale_re.match(work, end) or self._loanword_scale(work, end):
            return True
        ca = self.currency_after_re.match(work, end)
        if ca and self._currency_code(ca.group(1)):
            return True
        # a unit of time may follow a clock time or a date (9.30 uur); a rate (km/h) is no unit of time
        unit = self._unit_after(work, end)
        return unit is not None and self.units[unit] not in TIME_UNITS

    def _loanword_scale(self, work: str, pos: int) -> tuple[int, int] | None:
        """The power of ten and end of a scale word borrowed from English at ``pos`` (ml
        ``മില്യൺ``; :mod:`.loanwords`), unless the word is one of the locale's units (el
        ``μιλίων``, of miles, has a million's letters)."""
        lm = (_NEXT_PREFIXED if self.class_prefixes else _NEXT_WORD).match(work, pos)
        if lm is None:
            return None
        if self.class_stem_re is not None and (sm := self.class_stem_re.fullmatch(lm.group(1))):
            return self.class_stems[sm.group(1).casefold()], lm.end()  # xh izigidi, kwezigidi
        if not (power := loanword_power(lm.group(1), self.loan_scales, alphabetic=self.alphabetic_loans,
                                        prefixed=self.class_prefixes, r_for_l=self.r_for_l)):
            return None
        if (um := self.unit_re.match(work, pos)) is not None and um.end() >= lm.end():
            return None
        return power, lm.end()

    def _prefix_scale(self, work: str, start: int, words: bool) -> tuple[int, int] | None:
        """The power of ten and start of a scale word written before the figure at ``start``: one
        of CLDR's (Swahili ``milioni 5``, Dzongkha ``སྟོང་ཕྲག 1``), or, where CLDR writes them so or
        has none, a loanword (Oromo ``miliyoona 125``); ``words``: the figure is spelled out."""
        if self.prefix_scale_re is not None and (ps := self.prefix_scale_re.search(work, max(0, start - 24), start)):
            power = self.prefix_scales[ps.group(1).casefold()]
            # before number words only a million or more: a thousand is a word of the language's
            # own numbers (Ewe akpe eve kple wuiadre, 2017), which the number words read or miss whole
            if (power >= 6 or not words) and not _AFTER_NUMBER.search(work, max(0, ps.start() - 2), ps.start()):
                return power, ps.start()
        if (self.prefix_loans or self.class_prefixes) and not words:  # a Bantu noun before its number
            previous, reach = (_PREVIOUS_PREFIXED, 22) if self.class_prefixes else (_PREVIOUS_WORD, 14)
            for end in self._before_concords(work, start):
                if (pw := previous.search(work, max(0, end - reach), end)) \
                        and (loan := self._loanword_scale(work, pw.start())) is not None \
                        and not _AFTER_NUMBER.search(work, max(0, pw.start() - 2), pw.start()):
                    return loan[0], pw.start()
        return None

    def _scaled_after_prefix(self, work: str, start: int, end: int) -> bool:
        """A number a noun-class prefix joins with a hyphen and a scale word follows (nd ``abangu-20
        miliyoni``): a figure, where letters glued to a number otherwise make a code."""
        return self.hyphen_prefix_re is not None and self.hyphen_prefix_re.search(work, max(0, start - 9), start) \
            is not None and (self.scale_re is not None and self.scale_re.match(work, end) is not None
                             or self._loanword_scale(work, end) is not None)

    def _before_concords(self, work: str, start: int) -> list[int]:
        """Where the word before a number may end: right before it, and in the languages that write
        noun-class prefixes, also before a prefix its hyphen joins to it (nd ``angu-20.4``) and up
        to two words of at most three letters, the concords between a noun and its number (nso
        ``dimilione tse 5.69``, tn ``dimilione di le 5.69``)."""
        ends = [start]
        if not self.class_prefixes:
            return ends
        if self.hyphen_prefix_re is not None and (hp := self.hyphen_prefix_re.search(work, max(0, start - 9), start)):
            ends.append(start := hp.start())
        if (cm := _CONCORDS.search(work, max(0, start - 9), start)) is not None and cm.start() < start:
            ends.append(cm.start())
        return ends

    # -- figures --------------------------------------------------------------------
    def _core(self, m, work: str) -> _Num | None:
        kind = m.lastgroup
        s, e = m.span()
        token = m.group()
        if kind == "cjk":
            token = token.rstrip(" .,")
            e = s + len(token)
            if all(c.isdigit() or c in ".,' \u00a0" for c in token):
                kind = "num"
            else:
                parsed = parse_cjk(token, self.pack, self.tag)
                if parsed is None:
                    return None
                value, precision = parsed
                has_big = any(c in self.pack.cjk_big for c in token)
                return _Num(s, e, value, precision, source="cjk", scaled=has_big)
        if kind == "num":
            digits = parse_digits(token, self.tag)
            grouped = self.variant_grouped_re.match(token) if self.variant_grouped_re is not None else None
            groups = grouped.group().count(self.ambiguous_decimal) if grouped else 0
            if grouped is not None and groups >= 2:
                # ar 1.500.000: two decimal signs make no number here, so it is ar-MA's grouping
                digits = (Decimal(compiled(r"\D").sub("", grouped.group())), 0, grouped.end())
            if digits is not None and token[digits[2]:digits[2] + 1] == "." \
                    and self._decimal_context(work, s, s + len(token)):
                # stopped at a period this locale cannot read, before an amount: an English decimal point
                digits = parse_digits(token, self.tag, period_decimal=True)
            if digits is None:
                return None
            number, decimals, used = digits
            if used < len(token) and _OTHER_DECIMAL.fullmatch(token) and token[used] != self.tab.decimal:
                # it 15.00, 2.53, en 2,53: one or two digits, a separator and two more make no number
                # of this locale (a group has three digits): a time of day (alle 15.00) or a decimal
                # written the other way (ERA di 2.53).  Read as that decimal, weak: it agrees with
                # the same figure in another version and is never reported on its own.  Before a
                # unit of time it is a clock time (9.30 uur) and no figure at all.
                unit = self._unit_after(work, e)
                if unit is not None and self.units[unit] in TIME_UNITS:
                    return None
                return _Num(s, e, Decimal(token.replace(",", ".")), Decimal("0.01"), weak=True)
            # ar 150.000: read as 150 here, and as ar-MA's 150,000
            alt = 3 if (grouped is not None and groups == 1 and decimals == 3 and used == grouped.end()
                        and token[used:used + 1] != self.ambiguous_decimal) else 0
            return _Num(s, s + used, number, Decimal(1).scaleb(-decimals), alt_scale=alt)
        if kind == "words":
            worded = parse_words(token, self.pack.language)
            if worded is None:
                # take the longest prefix that is a number
                words = compiled(r"([ \u00a0-])").split(token)
                while words and worded is None:
                    words = words[:-2] if len(words) > 2 else []
                    candidate = "".join(words)
                    worded = parse_words(candidate, self.pack.language) if candidate else None
                if worded is None:
                    return None
                token = "".join(words)
                e = s + len(token)
            return _Num(s, e, worded, Decimal(1), source="words")
        if kind == "vague":
            lo, hi = _lookup(self.vague, token)
            return _Num(s, e, None, Decimal(1), Decimal(lo), Decimal(hi), source="vague")
        if kind == "pscale":
            return _Num(s, e, None, Decimal(1), Decimal(2), Decimal(999), source="pscale")
        if kind == "dual":
            return _Num(s, e, Decimal(2), Decimal(1), source="dual")
        return None

    def _figure(self, m, work: str, text: str) -> tuple[Claim | None, int]:
        num = self._core(m, work)
        if num is None:
            return None, m.end()
        s = num.start
        exponent = 0
        # currency before: $80, US$ 5, USD1.00, 5 € handled below
        currency = None
        other_currency = None  # what the symbol names in English, where that is another currency
        cb = self.currency_before_re.search(work, max(0, s - 8), s)
        if cb:
            currency = self._currency_code(cb.group(1))
            if currency:
                s = cb.start()
                other_currency = self.other_currency.get(_key(cb.group(1)))
        if num.source in ("digits", "words") and (scaled := self._prefix_scale(work, s, num.source == "words")) is not None:
            exponent, s = scaled  # Swahili milioni 5, milioni tatu; Hausa biliyan €3.1
        # a pack's ordinal prefix first: 第16, and ka მე-16, whose hyphen the next rule reads
        if self.pack.ordinal_prefix and (prefix := next((p for p in self.pack.ordinal_prefix if work.endswith(p, 0, s)), None)):
            return self._ordinal(num, s - len(prefix), num.end, text), num.end
        # Glued to letters: model names and codes (GPT-4, COVID-19, A320, H100), not figures. Hebrew
        # writes a hyphen (maqaf) between a one-letter prefix and digits: ב-2027 is "in 2027",
        # כ-350,000 "about 350,000" (its codes are written in Latin letters).
        if num.source in ("digits", "cjk") and s == num.start and s > 0:
            before = work[s - 1]
            if (compiled(r"[\p{Latin}\p{Cyrillic}_]").match(before) or (
                before in "-/" and s > 1 and compiled(r"(?!\p{Hebrew})[\p{L}\p{M}\p{N}]").match(work[s - 2])
            )) and not self._scaled_after_prefix(work, s, num.end) \
                    and not _NUMBERS_JOINED.search(work, max(0, s - 12), s):
                return None, num.end
        pos = num.end
        if num.source == "words" and not currency and not exponent and not _short_count(num) \
                and work[num.start:pos].casefold() in self.needs_unit and self._nothing_follows(work, s, pos):
            # a number word that needs a unit ("a", "an", "one"), with no unit, currency, scale,
            # counter, range or ordinal suffix able to start after it, nor a unit or per cent
            # before it, is no figure: what the checks below find, at a seventh of their cost
            return None, num.end
        qualifier: Qualifier | None = None
        # range: 2–3 GW, 2〜3ギガワット, 2 bis 3
        second: _Num | None = None
        if self.range_re is not None and num.source in ("digits", "cjk", "words") and not (
            self.change_prefix_re is not None and self.change_prefix_re.search(work, max(0, s - 12), s)
        ):
            r = self.range_re.match(work, pos)
            if r and r.end() > pos:
                m2 = self.core_re.match(work, r.end())
                if m2 is not None and m2.lastgroup in ("num", "cjk", "words"):
                    cand = self._core(m2, work)
                    if cand is not None and cand.value is not None and num.value is not None:
                        if cand.value < num.value and r.group(1) in "-–—":
                            return None, cand.end  # a score (4-1, 5–0), not a range
                        second = cand
                        pos = cand.end
        if second is None and self.between_prefix_re is not None and self.between_conn_re is not None:
            if self.between_prefix_re.search(work, max(0, s - 20), s):
                r = self.between_conn_re.match(work, pos)
                if r:
                    m2 = self.core_re.match(work, r.end())
                    if m2 is not None and m2.lastgroup in ("num", "cjk", "words"):
                        cand = self._core(m2, work)
                        if cand is not None and cand.value is not None:
                            second = cand
                            pos = cand.end
        # scale word
        if not num.scaled and not exponent and num.source != "dual":
            sm = self.scale_re.match(work, pos)
            while sm and exponent < 24:  # stacked: लाख करोड़ = 10⁵ × 10⁷
                exponent += self._scale(_unit_surface(sm))
                pos = sm.end()
                sm = self.scale_re.match(work, pos)
            if not exponent and (loan := self._loanword_scale(work, pos)) is not None:
                exponent, pos = loan
        if num.source == "vague" and not exponent and self.multiplier_re is not None:
            mm = self.multiplier_re.match(work, pos)
            if mm:  # mehrere hundert, több száz, flere hundrede: [2, 9] × 100
                exponent, pos = _lookup(self.multiplier_exponents, mm.group(1)), mm.end()
        if num.source == "pscale":
            exponent = self._scale(work[num.start:num.end])
        if (exponent or num.scaled) and self.of_re is not None:  # billions of dollars, millions d'euros
            of = self.of_re.match(work, pos)
            if of and (self.currency_after_re.match(work, of.end()) or self.unit_re.match(work, of.end())):
                pos = of.end()
        if not exponent and not num.scaled and self.glued_scale_re is not None and num.source == "digits":
            gm = self.glued_scale_re.match(work, pos)
            # $5m, €500m; without a currency only where the letter is no unit (5k, 5K; 5m is metres)
            if gm and (currency or gm.group(1).isupper() or _key(gm.group(1).rstrip(".")) not in self.units):
                exponent = self._scale(gm.group(1))
                pos = gm.end()
        if not exponent and not num.scaled and currency and num.source == "digits" and (
                em := _ENGLISH_GLUED.match(work, pos)) and (power := english_glued_scales().get(em.group(1).casefold())):
            exponent, pos = power, em.end()  # mr £2.8bn: English news' abbreviation, after a currency
        # what follows: percent/unit, currency, counter
        if self.ordinal_suffix_re is not None and not currency and not exponent:
            om = self.ordinal_suffix_re.match(work, pos)
            um_probe = self.unit_re.match(work, pos)
            # glued, an ordinal suffix wins over a unit as long (21st is no 21 stones)
            if om and (not um_probe or om.end() > um_probe.end() or (om.end() == um_probe.end() and om.start(1) == pos)) and (
                not om.group(1)[-1:].isascii() or not work[om.end():om.end() + 1].isalpha()
            ):
                return self._ordinal(num, s, om.end(), text), om.end()  # 16th, 2度目, 50周年: a position
        unit = None
        alt_unit = None
        um: Any
        ca: Any
        cm: Any
        if num.source == "dual":  # the word is its own unit
            unit = _lookup(self.duals, work[num.start:num.end])
            um = ca = cm = None
        else:
            um = self.unit_re.match(work, pos)
            if um is not None and self.hyphen_endings and work.startswith("-", pos) and len(_unit_surface(um)) == 1:
                um = None  # et "60-l minutit", fi "5-n": a case ending after a hyphen, no litre or metre
            ca = self.currency_after_re.match(work, pos)
            cm = self.counter_re.match(work, pos) if self.counter_re is not None else None
        ca_code = self._currency_code(ca.group(1)) if ca else None
        counter = None
        if cm and (not um or cm.end() > um.end()) and (not ca_code or cm.end() > ca.end()):
            counter = cm.group(1)  # the longer word wins: 19-year-old, 1年生 are counts
            pos = cm.end()
            alt_unit = self.pack.counter_units.get(counter)  # 45度: 45 times, or 45 degrees
        elif ca_code and (not um or ca.end() >= um.end()) and currency is None:
            currency = ca_code
            pos = ca.end()
            alt_unit = self.units.get(_key(ca.group(1)))  # ポンド, Pfund: money or weight
            other_currency = self.other_currency.get(_key(ca.group(1)))
        elif um:
            unit = _lookup(self.units, _unit_surface(um))
            surface = _key(_unit_surface(um))
            pos = um.end()
            alt_unit = self.unit_alternatives.get(surface)
            if "/" not in unit and unit != "percent" and (pm := self.per_re.match(work, pos)):
                # 250 l/m2 of rain: a litre per square metre (a length, as many millimetres); the
                # plain unit stays its other reading (40 hours per week against 40 Wochenstunden)
                unit, alt_unit, pos = f"{unit}/{_lookup(self.per_units, pm.group(1))}", alt_unit or unit, pm.end()
        if unit is None and not currency and counter is None and self.unit_before_re is not None:
            ub = self.unit_before_re.search(work, max(0, s - 40), s)
            if ub:  # sw mita 3.5, kilomita 3.5: the unit's name before the number, as CLDR writes it
                unit, s = _lookup(self.units, ub.group(1)), ub.start()
        if unit is None and not currency and counter is None and self.percent_before_re is not None:
            pb = self.percent_before_re.search(work, max(0, s - 12), s)
            if pb:  # th ร้อยละ 20, zh 百分之二十: the word for per cent before the number
                unit, s = "percent", pb.start()
        if second is None and num.value is not None and not currency and not exponent \
                and (pf := _PRIME_FEET.match(work, num.end)) and not _DEGREE_BEFORE.search(work, max(0, s - 2), s):
            # 6′6″ (bg, en): feet and inches with the prime and double prime, read in inches; not
            # an angle's minutes and seconds (40°26′46″)
            num = replace(num, value=num.value * 12 + int(pf.group(1)), end=pf.end())
            unit, alt_unit, pos = "inch", None, pf.end()
        if unit == "foot" and second is None and num.value is not None and (fi := _FOOT_INCHES.match(work, pos)):
            # en 6-foot-6, 5-foot-11: a height in feet and inches, read in inches
            num = replace(num, value=num.value * 12 + int(fi.group(1)), end=fi.end())
            unit, pos = "inch", fi.end()
        if self.unit_prefix_re is not None and unit is not None and not currency:
            up = self.unit_prefix_re.search(work, max(0, s - self.unit_prefix_reach), s)
            if up and "/" not in unit:  # 時速85マイル = 85 mile/hour; 時速136キロ = km/h
                per = _lookup(self.unit_prefixes, up.group(1))
                speed = per in ("hour", "minute", "second")  # キロ before a time: kilometres, not kilograms
                unit = ("kilometer" if speed and unit in ("kilogram", "kilo") else unit) + "/" + per
                s = up.start()
        range_top = None
        if self.range_suffix_re is not None and unit is None and not currency and num.value is not None:
            rs = self.range_suffix_re.match(work, pos)
            if rs:  # 20代: someone in their twenties, [20, 29]
                range_top = num.value + self.pack.range_suffix[rs.group(1)]
                pos = rs.end()
        elif cm and unit is None and currency is None:
            counter = cm.group(1)
            pos = cm.end()
            alt_unit = self.pack.counter_units.get(counter)
        if num.source == "pscale" and currency is None and unit is None:
            return None, num.end
        if num.source == "words" and self.spaceless and unit and um and not (currency or counter or exponent) \
                and len(compiled(r"[\p{L}\p{M}]").findall(um.group())) < 2:
            # lo ຊາວອາເມລິກາ (Americans): ຊາວ is "people" and "twenty", ອ the start of the next word
            # and an ounce's abbreviation; in a script without spaces a number word needs a unit
            # longer than one letter
            return None, num.end
        has_context = bool(unit or currency or counter or exponent)
        if not has_context and num.source in ("digits", "cjk") and not second \
                and compiled(r"[\p{Latin}\p{Cyrillic}]").match(work[pos:pos + 1]):
            return None, pos  # 125th, 5G, 3D: glued to a word, not a figure
        # an article read as "one" (eine Woche, a year) is weak; acht Monate is not
        weak = num.source == "words" and num.value == 1 \
            and work[num.start:num.end].casefold() in self.needs_unit
        if weak and currency:
            return None, num.end  # "a $5 million grant": the article is no amount
        weak = weak or num.weak or (self.bare_round_weak and num.source == "words" and num.value in _ROUND_SCALES
                                    and not compiled(r"[\s\-]").search(work, num.start, num.end))
        half = Decimal(0)
        if self.pack.half_suffix and (unit or counter):
            hm = regex.match("|".join(regex.escape(h) for h in self.pack.half_suffix), work[pos:pos + 3])
            if hm:  # 1時間半 = 1.5 hours, 2年半
                half = Decimal("0.5")
                pos += hm.end()
        if num.source == "words" and not has_context:
            if self.spaceless:
                return None, num.end
            if m.group().casefold() in self.needs_unit or work[num.start:num.end].casefold() in self.needs_unit:
                if not _short_count(num):
                    return None, num.end
                # da/nb ti, tr on, fa ده (ten): a short number word that is also a common word
                # elsewhere, or was kept out as one, read without a unit, is weak: it agrees with
                # "ten" in another version, and is never reported as missing or as changed
                weak = True
        if num.source == "cjk" and not has_context and not num.scaled:
            token = work[num.start:num.end]
            if len(token) == 1 and not token.isdigit():
                return None, num.end  # a lone 二 or 三 with nothing after is a word
        if num.source == "vague" and not (exponent or unit or currency or counter):
            return None, num.end
        # ordinals: 3rd, 第3位, der 3. Platz
        if self.ordinal_suffix_re is not None and not has_context:
            om = self.ordinal_suffix_re.match(work, pos)
            if om and (not om.group(1)[-1:].isascii() or not work[om.end():om.end() + 1].isalpha()):
                return None, om.end()
        if self.pack.dot_ordinal and not has_context and num.source == "digits" and work[pos:pos + 1] == ".":
            prev = compiled(r"([\p{L}]+)" + _SP + r"+\Z").search(work, pos=max(0, s - 20), endpos=s)
            if prev and prev.group(1).casefold() in self.pack.ordinal_before:
                return self._ordinal(num, s, pos + 1, text), pos + 1  # der 3. Platz
        if self.dot_ordinals and not has_context and num.source == "digits" and _DOT_THEN_LOWER.match(work, pos):
            # da "på 16. hul", fi "16. reiällä": ICU writes ordinals so (a count ending its sentence
            # is followed by a capital)
            return self._ordinal(num, s, pos + 1, text), pos + 1
        # minus sign directly before
        negative = False
        if num.source == "digits" and s == num.start and s > 0 and work[s - 1] in MINUS_SIGNS:
            if (s < 2 or not compiled(r"[\p{L}\p{M}\p{N}]").match(text[s - 2])) and not (  # text: dates are blanked in work
                    self.hyphen_prefix_re is not None and _PREFIX_APART.search(text, max(0, s - 10), s - 1)):
                negative = True
                s -= 1
        # qualifiers
        qa = self.qual_after_re.match(work, pos)
        if qa:
            qualifier = Qualifier(_lookup(self.qual_after, qa.group(1)))
            pos = qa.end()
        qb = self.qual_before_re.search(work, max(0, s - 24), s)
        if qb and qualifier is None and not self._qualifier_is_noun_complement(work, qb):
            qualifier = Qualifier(_lookup(self.qual_before, qb.group(1)))
            s = qb.start()
        # build the interval
        scale = Decimal(1).scaleb(exponent)
        precision = num.precision * scale
        if unit == "percent":
            kind = ClaimKind.PERCENT
        elif currency:
            kind = ClaimKind.MONEY
        elif unit in TIME_UNITS:
            kind = ClaimKind.DURATION
        elif unit:
            kind = ClaimKind.QUANTITY
        else:
            kind = ClaimKind.COUNT
        value: Decimal | None
        low_open = high_open = False
        if num.value is None:  # vague
            value = None
            low, high = cast(Decimal, num.low) * scale, cast(Decimal, num.high) * scale  # vague: both set
            qualifier = Qualifier.SEVERAL
        elif range_top is not None:
            value = None
            low, high = num.value, range_top
            qualifier = Qualifier.SEVERAL
        elif second is not None:
            value = None
            a, b = num.value * scale, cast(Decimal, second.value) * scale
            low, high = min(a, b), max(a, b)
            precision = min(precision, second.precision * scale)
            qualifier = Qualifier.RANGE
        else:
            value = (num.value + half) * scale * (-1 if negative else 1)
            if half:
                precision = min(precision, Decimal("0.5") * scale)
            low, high, low_open, high_open = _interval(value, precision, qualifier)
        return Claim(
            kind=kind, start=s, end=pos, text=text[s:pos], value=_clean(value), low=_clean(low),
            high=_clean(high), unit=currency or unit, precision=_clean(precision), qualifier=qualifier,
            low_open=low_open, high_open=high_open, weak=weak,
            alt_unit=alt_unit or (other_currency if currency else None),
            alt_scale=num.alt_scale if value is not None and not half else 0,
        ), pos

    def _ends_unit(self, work: str, m) -> bool:
        """Is the excluded word ``m`` the end of a unit word written there (zh 百分点 stays unread
        alone, but 5个百分点 is five percentage points)?"""
        return any(_key(work[m.start() - k:m.end()]) in self.units for k in (1, 2) if m.start() >= k)

    def _qualifier_is_noun_complement(self, work: str, qb) -> bool:
        """``ein Hilfspaket über 8 Milliarden``: the pack says which words make the qualifier
        word a preposition of amount (worth), not a comparison; and which qualifier words right
        after a figure join it to the next (``15 millones hasta 85 millones``: to, not at most)."""
        if _key(qb.group(1)) in self.qual_after_figure and regex.search(
                r"\d[\d.,\u00a0 ]*" + _SP + r"*(?:[\p{L}’']+" + _SP + r"*){0,4}\Z", work,
                pos=max(0, qb.start() - 40), endpos=qb.start()):
            return True  # "creció en 15 millones de euros hasta 85": hasta joins a change to its result
        nouns = self.qual_unless_after.get(_key(qb.group(1)))
        if not nouns:
            return False
        before = compiled(r"(\p{L}+)" + _SP + r"*\Z").search(work, pos=max(0, qb.start() - 40), endpos=qb.start())
        return bool(before) and before.group(1).casefold().endswith(nouns)

    @staticmethod
    def _surfaces(tab, pack):
        """(key, surface as written) of every unit, for case-sensitive symbols."""
        from ..locale.cldr import unit_surfaces

        for surface in unit_surfaces(tab.tag):
            yield _key(surface), surface
        for surface in pack.units:
            yield _key(surface), surface
        for surface in (*pack.percent_words, *tab.percent_signs):  # da CLDR writes "pct.", texts "%"
            yield _key(surface), surface

    def _scale(self, surface: str) -> int:
        key = _key(surface)
        return self.scales.get(key, self.scales.get(key.rstrip("."), self.scale_stems.get(key, 0)))

    def _currency_code(self, surface: str | None) -> str | None:
        if not surface:
            return None
        code = self.currencies.get(_key(surface))
        if code:
            return code
        if surface.isupper() and surface.isalpha() and len(surface) == 3 and surface in self.iso_codes:
            return surface
        if surface.endswith("$") and surface[:-1].isupper():
            return {"US": "USD", "A": "AUD", "C": "CAD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "HK": "HKD", "S": "SGD", "R": "BRL", "MX": "MXN"}.get(surface[:-1])
        return None


#: A measure written in two units of one dimension, the second finer, is one measure: 6 feet 6
#: inches, 6フィート6インチ, 1 м 82 см, ۱ متر و ۹۸ سانتیمتر, 2 Stunden 30 Minuten.  Between them:
#: spaces, or the word for "and" of CLDR's list pattern (and, و, и, és), never a comma or "or"
#: (two years, three months or five months is a list); the finer part is less than one of the
#: coarser unit, which is a whole number of them (12 inches to the foot, 100 cm to the metre).
#: Minutes and seconds are left apart: sport writes a game clock 13:10 where another version
#: writes 13分10秒.
_COMPOUND_MAX_FACTOR = 1000
#: finer units that make no compound: seconds (a game clock, above) and arc seconds (6′6″ is a
#: height in feet and inches far more often than an angle, and read so: _PRIME_FEET)
_NO_COMPOUND = frozenset({"second", "arc_second"})


def _compound_gap(tag: str) -> regex.Pattern:
    """What may stand between the two parts of a compound measure in ``tag`` (see above)."""
    from ..locale.cldr import list_conjunction

    word = list_conjunction(tag)
    joined = f"(?:{regex.escape(word)}[ \u00a0]*)?" if word else ""
    return regex.compile(r"[ \u00a0]*" + joined, regex.IGNORECASE)


def _compound_factor(prev: Claim, c: Claim, text: str, gap: regex.Pattern) -> Decimal | None:
    """How many of ``c``'s unit make one of ``prev``'s, where the two are one measure written in
    two units (``gap`` between them: :func:`_compound_gap`), else None."""
    if (prev.unit is None or c.unit is None or prev.unit == c.unit or prev.kind is not c.kind
            or c.kind is ClaimKind.MONEY or prev.value is None or c.value is None
            or prev.qualifier is not None or c.qualifier is not None
            or prev.value != prev.value.to_integral_value() or prev.value < 0 or c.value < 0):
        return None
    if not gap.fullmatch(text, prev.end, c.start) or c.unit in _NO_COMPOUND:
        return None
    from ..units import conversion_factor

    factor = conversion_factor(prev.unit, c.unit)
    if factor is None:
        return None
    whole = factor.to_integral_value()
    if not 2 <= whole <= _COMPOUND_MAX_FACTOR or abs(factor - whole) > Decimal("1e-6") or c.value >= whole:
        return None
    return whole


#: the kinds of claim an amount written in two scale words can be (:func:`_scale_sum`)
_SUMMED = {ClaimKind.COUNT, ClaimKind.MONEY}


def _scale_sum(prev: Claim, c: Claim, text: str, gap: regex.Pattern) -> bool:
    """Whether ``c`` adds a smaller scale to ``prev``, one amount written in two scale words as
    Uyghur, Russian, Turkish and Persian news write them (ug ``3 مىليارد 100 مىليون``, ru ``3 млрд
    100 млн``, fa ``۳ میلیارد و ۱۰۰ میلیون``): both at least thousands, ``c`` below ``prev``'s
    last written digit, nothing but a space or the locale's "and" between them, and no other unit
    or currency on the first."""
    if (prev.kind not in _SUMMED or c.kind not in _SUMMED or prev.value is None or c.value is None
            or prev.precision is None or c.precision is None or prev.qualifier is not None
            or c.qualifier is not None or prev.weak or c.weak):
        return False
    if prev.unit is not None and prev.unit != c.unit:
        return False
    if not (Decimal(1000) <= c.precision < prev.precision and 0 < c.value < prev.precision):
        return False
    return (prev.value % prev.precision == 0 and prev.end < c.start
            and gap.fullmatch(text, prev.end, c.start) is not None)


#: the inches after a height's feet (6-foot-6): 0 to 11, nothing glued after them
_FOOT_INCHES = regex.compile(r"-(1[01]|\d)(?![\d.,]|-?\p{L})")

def _strip_marks(word: str) -> str:
    """``word`` without its combining marks (``sēpitemá`` -> ``sepitema``)."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)))


@lru_cache(maxsize=1)
def _letter_variants() -> dict[str, str]:
    """Each Latin letter -> itself and the precomposed letters made of it and marks (``e`` ->
    ``eèéêëēĕėęěẹẻẽếề…``), from Unicode's decompositions of Latin-1 to Latin Extended Additional."""
    out: dict[str, list[str]] = {}
    for cp in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha() and ch.islower():
            out.setdefault(base, [base]).append(ch)
    return {k: "".join(v) for k, v in out.items()}


def _markless(word: str) -> str:
    """A pattern of ``word`` whatever marks its Latin letters carry or lack: each letter any of its
    precomposed forms, followed by any combining marks."""
    variants = _letter_variants()
    out = []
    for ch in _strip_marks(word):
        alt = variants.get(ch)
        out.append((f"[{regex.escape(alt)}]" if alt else regex.escape(ch)) + r"\p{Mn}*")
    return "".join(out)


#: a month's CLDR name that is a lowercase augment and a capitalised stem (ss iNyoni)
_AUGMENTED = regex.compile(r"\p{Ll}{1,2}(\p{Lu}\p{Ll}+)")
#: a prefix and such a stem as text writes them (kuNyoni, nge-Mphala)
_PREFIXED_MONTH = regex.compile(r"\p{Ll}{1,4}-?(\p{Lu}\p{Ll}+)")
#: a noun-class prefix with its hyphen typed apart from the number (zu "abangu -384", xh "ibine
#: -2.94"): no minus sign
_PREFIX_APART = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}{1,8}[aeiou][ \u00a0]\Z")

#: a number and a short lower-case word joined to the number at the end by hyphens (1-of-4, 3-for-3,
#: 1-in-10; a word of a script without case, ne 4-को-1): the last number is no code's part, as in
#: GPT-4 or COVID-19
_NUMBERS_JOINED = regex.compile(r"(?<![\p{L}\p{N}\-])\p{N}+-(?:\p{Ll}|\p{Lo}|\p{M}){1,4}-\Z")

#: a height's feet and inches written with the prime and double prime (6′6″, 5′ 11″)
_PRIME_FEET = regex.compile(r"′[ \u00a0]?(1[01]|\d)″")
_DEGREE_BEFORE = regex.compile(r"°[ \u00a0]?\Z")

_PAREN = regex.compile(r"[ \u00a0]*[（(][ \u00a0]*")


_THIN = "\u00a0\u202f\u2009\u2007"
_PADDING = regex.compile(r"(?<=[\u00a0\u202f\u2009\u2007]) +| {2,}")


def _year_suffix(locale) -> regex.Pattern | None:
    """What CLDR writes right after a year, in its skeletons of a year alone and of a year and a
    month (bg ``y г.``, lv ``y. g.`` and ``y. 'gada'. MMMM``, lt ``y 'm'. LLLL``: 2009 m.; ru ``LLLL
    y г.``), as a pattern, when that holds a letter; a bare ``.`` (hu, sr ``y.``) could end a
    sentence."""
    literals: list[str] = []
    for skeleton in ("y", "yMMMM", "yMMMMd", "yMMM"):
        pattern = locale.datetime_skeletons.get(skeleton)
        text = getattr(pattern, "pattern", None) or (str(pattern) if pattern is not None else "")
        if text.count("y") != 1:
            continue
        after = text[text.index("y") + 1:]
        literal = compiled(r"^(?:'[^']*'|[^A-Za-z'])*").match(after).group().replace("'", "").rstrip(" ,")
        if compiled(r"\p{L}").search(literal) and literal not in literals:
            literals.append(literal)
    if not literals:
        return None
    alternatives = []
    for literal in sorted(literals, key=len, reverse=True):
        parts = [regex.escape(ch) if not ch.isspace() else r"[\s\u00a0\u202f]?" for ch in literal]
        if not literal[:1].isspace():
            parts.insert(0, r"[\s\u00a0\u202f]?")
        alternatives.append("".join(parts))
    return regex.compile("(?:" + "|".join(alternatives) + r")(?![\p{L}])", regex.IGNORECASE | regex.V0)


def _unit_surface(match: regex.Match) -> str:
    """The unit or scale word a ``unit_re`` or ``scale_re`` match read: as written, or the stem an
    ending followed."""
    return match.group(1) or match.group(2)


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` with padding squeezed, and for each of its characters the offset in ``text``:
    spaces right after a no-break or thin space are dropped, other runs of spaces become one.

    >>> _squeeze("2\u00a0     GB and  5")
    ('2\xa0GB and 5', [0, 1, 7, 8, 9, 10, 11, 12, 13, 15])
    """
    from .padding import squeeze

    return squeeze(text, _PADDING, lambda m: " " if m.start() > 0 and text[m.start() - 1] not in _THIN else "")


def _in_range(claim: Claim) -> bool:
    for value in (claim.value, claim.low, claim.high):
        if isinstance(value, Decimal) and value.is_finite() and value and value.adjusted() > MAX_EXPONENT:
            return False
    return True


def _merge_compounds(claims: list[Claim], text: str, gap: regex.Pattern) -> list[Claim]:
    """Merge "6 feet 6 inches" (or 6-foot-6) into one claim in the finer unit, add up
    "3 مىليارد 100 مىليون" (3 billion 100 million: :func:`_scale_sum`), and mark "$200 billion (£150 billion)" conversions as weak: a version that
    leaves the conversion out has dropped nothing."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (prev is not None and c.kind is ClaimKind.MONEY and prev.kind is ClaimKind.MONEY
                and c.unit != prev.unit and _PAREN.fullmatch(text, prev.end, c.start)):
            from dataclasses import replace

            c = replace(c, weak=True)
        if prev is not None and _scale_sum(prev, c, text, gap):
            value = cast(Decimal, prev.value) + cast(Decimal, c.value)
            out[-1] = Claim(kind=ClaimKind.MONEY if ClaimKind.MONEY in (prev.kind, c.kind) else c.kind,
                            start=prev.start, end=c.end, text=text[prev.start:c.end], value=value,
                            low=value, high=value, unit=c.unit or prev.unit, precision=c.precision)
            continue
        factor = _compound_factor(prev, c, text, gap) if prev is not None else None
        if prev is not None and factor is not None:
            value = cast(Decimal, prev.value) * factor + cast(Decimal, c.value)
            out[-1] = Claim(kind=c.kind, start=prev.start, end=c.end, text=text[prev.start:c.end],
                            value=value, low=value, high=value, unit=c.unit, precision=c.precision)
            continue
        out.append(c)
    return out


def _interval(value: Decimal, precision: Decimal, qualifier: Qualifier | None):
    if qualifier is None or qualifier is Qualifier.ONLY:
        return value, value, False, False
    if qualifier is Qualifier.APPROX:
        # "about 2 million": what rounds to the written figure, or 5 % of it where the figure is
        # written more precisely than that ("about 3.5 %" is 3.325-3.675); open at both ends, so
        # "about 2 million" (1.5-2.5) does not agree with "3 million" (2.5-3.5)
        slack = max(abs(value) * _APPROX, precision / 2)
        return value - slack, value + slack, True, True
    if qualifier is Qualifier.AT_LEAST:
        return value, None, False, False
    if qualifier is Qualifier.MORE_THAN:
        return value, None, True, False
    if qualifier is Qualifier.AT_MOST:
        return None, value, False, False
    if qualifier is Qualifier.LESS_THAN:
        return None, value, False, True
    if qualifier is Qualifier.ALMOST:
        return value * Decimal("0.9"), value, False, True
    return value, value, False, False  # pragma: no cover


def _clean(value):
    """One spelling per value: integers below a million plain (``380000``),
    larger round values in scientific form (``8E+10``), fractions normalized
    (``3.325``)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and abs(value) < _PLAIN_LIMIT:
            return value.quantize(Decimal(1))
        return value.normalize()
    return value


def _small_int(value) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        if value.isdigit():
            return int(value)
        if value and all(ch in _HAN_DIGITS for ch in value) and len(value) <= 3:
            # 一 to 九十九 (四, 十九, 二十一): the tens' digit before 十, the units' after it
            tens, ten, units = value.rpartition("十")
            if not ten:
                return _HAN_DIGITS.get(value) if len(value) == 1 else None
            high = _HAN_DIGITS.get(tens, 0) if tens else 1
            low = _HAN_DIGITS.get(units, 0) if units else 0
            return high * 10 + low if high and "十" not in tens + units else None
    return None


_HAN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _roman(numeral: str) -> int:
    """The value of a Roman numeral up to XXXIX (``XIX`` -> 19)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=64)
def extractor(locale: str) -> Extractor:
    """The compiled :class:`Extractor` of ``locale``, built once per process and kept on disk
    between processes (:func:`consistency.builds.built`)."""
    from ..builds import built

    tag = normalize_tag(locale)
    return built("figures", tag, lambda: Extractor(tag))


def extract(text: str, locale: str) -> list[Claim]:
    """Every figure stated in ``text``, written in ``locale``, in order.

    >>> [str(c.value) + " " + c.unit for c in extract("800億ドル", "ja")]
    ['8E+10 USD']
    >>> [c.label for c in extract("2022年後半", "ja")]
    ['2022-H2']
    """
    return extractor(locale).extract(text)
