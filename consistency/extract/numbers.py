"""Parsing numbers as a locale writes them: digits, CJK numerals, spelled-out words.

>>> parse_number("2.000,5", "de")
Decimal('2000.5')
>>> parse_number("2'000.5", "de-CH")
Decimal('2000.5')
>>> parse_number("1,50,000", "hi")
Decimal('150000')
>>> parse_number("1億2万", "ja")
Decimal('100020000')
>>> parse_number("dreiundzwanzig", "de")
Decimal('23')
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from ..errors import ParseError
from ..locale.cldr import APOSTROPHES, SPACE_GROUPS, LocaleTables, normalize_tag, tables, typed_decimals, typed_groups
from ..locale.packs import Pack, load_pack
from ..locale.scripts import unmix_homoglyphs

__all__ = ["parse_number", "parse_digits", "parse_cjk", "parse_words", "normalize_text"]

BIDI_MARKS = "\u200e\u200f\u061c"
MINUS_SIGNS = "-\u2212\u2012\u2013\ufe63\uff0d"
_NBSP = "\u00a0"
#: The Arabic script's decimal and group separators (CLDR's arab and arabext numbering systems:
#: ٤٫٥, ١٬٠٠٠), which mean the same in every locale that writes them.
ARABIC_DECIMAL, ARABIC_GROUP = "\u066b", "\u066c"


class _FoldTable(dict):
    """``str.translate`` table: full-width/half-width forms to their plain
    character, every script's decimal digits to ASCII digits, no-break and thin spaces to NBSP,
    ideographic space to a space.

    Every character maps to exactly one character, so offsets into the
    normalized text are offsets into the original."""

    def __missing__(self, code: int):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        result: int | None = code
        if char in "\u202f\u2009\u2007\u00a0":
            result = 0xA0
        elif decomposition.startswith(("<wide>", "<narrow>")):
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) == 1:
                result = ord(folded)
        elif code == 0x3000 or char in BIDI_MARKS or code == 0x200B:
            result = 0x20  # ideographic space, bidi marks, zero-width space
        elif code > 0x7F and unicodedata.category(char) == "Nd":
            result = 0x30 + unicodedata.decimal(char)  # ۲۰۱۸, २०१८, ๒๐๑๘: dates and years read as 2018
        self[code] = result
        return result


_FOLD = _FoldTable()


def normalize_text(text: str) -> str:
    """NFKC's width folding, one character for one character (offsets survive);
    bidi marks and zero-width spaces read as spaces; a word that mixes look-alike letters of two
    scripts in one of them (:func:`~consistency.locale.scripts.unmix_homoglyphs`);
    a quotation mark or apostrophe between two
    Hebrew letters is the gershayim or geresh it was typed for.

    >>> normalize_text("８００億ドル")
    '800億ドル'
    """
    if text.isascii():
        return text
    text = unmix_homoglyphs(text.translate(_FOLD))  # sr "чeтири": a Latin e among Cyrillic letters
    if _HEBREW_LETTER.search(text):
        # Hebrew abbreviations as keyboards type them: a quotation mark for the gershayim (ק"מ,
        # ק“מ for CLDR's ק״מ, km; ש"ח, shekels), an apostrophe for the geresh inside a word
        text = _TYPED_GERSHAYIM.sub("\u05f4", text)
        text = _TYPED_GERESH.sub("\u05f3", text)
    return text


_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_TYPED_GERSHAYIM = re.compile(r"(?<=[\u05d0-\u05ea])[\"“”](?=[\u05d0-\u05ea])")
_TYPED_GERESH = re.compile(r"(?<=[\u05d0-\u05ea])['‘’](?=[\u05d0-\u05ea])")


def _group_classes(tab: LocaleTables) -> str:
    """Characters accepted as a group separator in ``tab``'s locale."""
    accepted = {_NBSP}
    # the locale's own group separator, and those its regional variants write with the same
    # decimal separator (pt reads pt-PT's 820 000 beside its own 820.000)
    for group in tab.group.strip(BIDI_MARKS) + tab.regional_groups:
        if group in SPACE_GROUPS:
            accepted.update(" " + _NBSP)
        elif group in APOSTROPHES:
            accepted.update(APOSTROPHES)
        else:
            accepted.add(group)
    if tab.decimal == ",":
        # where the decimal sign is a comma, a period between groups of three is a group separator
        # whatever CLDR's own is: gl, whose CLDR groups with a space, is mostly written 2.400 and
        # 12.000 as Spanish is; fr, pt-PT, nb, ru text often so.  It cannot be read as a decimal sign
        # there, and a grouping must be strict (1.5 and 19.30 are none)
        accepted.add(".")
    elif tab.decimal == ".":
        # and where it is a period, a comma between groups of three is one, as the English source
        # a translation keeps writes it ($26,750 in to, xh, whose CLDR groups with a space)
        accepted.add(",")
    accepted.discard(tab.decimal)
    accepted.add(ARABIC_GROUP)  # the Arabic script's own separators mean one thing in every locale
    accepted.update(typed_groups(tab, "".join(accepted)))  # ، typed for ٬ (locale/data/separators.toml)
    return "".join(sorted(accepted))


#: A space groups digits in every locale, as SI and ISO 80000 write numbers (116 123, 1 000 000);
#: where the locale itself does not group with it, in at most this many groups, ending the token
#: (a list of numbers, 99 100 101 102 …, is no number)
SI_SPACE_GROUPS = 3


@lru_cache(maxsize=256)
def _symbols(tag: str) -> tuple[str, str, int, int, bool, str]:
    """The decimal sign, the group signs, the primary and secondary group sizes, whether a space
    groups only as SI writes it (not a group sign of the locale), and what is typed for a decimal
    sign where it cannot group (:func:`~consistency.locale.cldr.typed_decimals`)."""
    tab = tables(tag)
    groups = _group_classes(tab)
    si_space = " " not in groups
    return tab.decimal.strip(BIDI_MARKS), groups + (" " if si_space else ""), tab.primary_group, \
        tab.secondary_group, si_space, typed_decimals(tab)


def parse_digits(token: str, tag: str, *, period_decimal: bool = False) -> tuple[Decimal, int, int] | None:
    """Parse the longest valid prefix of a digit token in ``tag``'s conventions.

    Returns ``(value, decimals, consumed)`` or ``None`` when not even one digit
    parses.  Grouping is strict: groups of three (Indian: twos then a three),
    so en ``1,2`` is the number 1 followed by something else, never 12.
    ``period_decimal``: a period the locale cannot read (no decimal sign, no
    group of three after it) is an English decimal point (:func:`_period_end`);
    the caller decides from the context, where a parse stopped at a period.
    """
    decimal, groups, primary, secondary, si_space, typed_decimal = _symbols(tag)
    n = len(token)
    i = 0
    while i < n and token[i].isdigit():
        i += 1
    if i == 0:
        return None
    first = i
    int_digits = token[:i]
    consumed = i
    # Grouped integer part
    group_char = None
    sizes: list[int] = []
    j = i
    while j < n and token[j] in groups and (group_char is None or token[j] == group_char or
                                           (token[j] in SPACE_GROUPS and group_char in SPACE_GROUPS)):
        k = j + 1
        while k < n and token[k].isdigit():
            k += 1
        size = k - j - 1
        if size == 0:
            break
        sizes.append(size)
        group_char = group_char or token[j]
        j = k
    if sizes:
        # Indian-grouping locales (CLDR #,##,##0: hi, mr, ta, ml, or, dv, en-IN…) also write the
        # Western 3-3 grouping: CLDR's own currency patterns do in most of them (dv ¤ #,##0.00),
        # and so does news text.  1,000,000 cannot be an Indian grouping, so accepting either
        # is unambiguous.
        # The other way round, lakhs and crores are written with commas beyond the locales CLDR
        # groups so (ur, en, ne text: 2,10,000): 2,10,000 cannot be a Western grouping either.
        valid = _valid_grouping(first, sizes, primary, secondary) or (
            secondary != primary and _valid_grouping(first, sizes, primary, primary)) or (
            group_char == "," and primary == 3 and len(sizes) > 1 and _valid_grouping(first, sizes, 3, 2))
        if valid and si_space and group_char == " " and (len(sizes) > SI_SPACE_GROUPS or token[j:j + 1] == " "):
            valid = False  # 99 100 101 102 …: a list, not one number
        if valid:
            # take all groups
            digits = "".join(ch for ch in token[:j] if ch.isdigit())
            int_digits, consumed = digits, j
        elif group_char is not None and group_char in typed_decimal and sizes == [1] and j == n:
            # ps ۲،۸: the Arabic comma typed for the decimal sign, where it cannot group (one digit
            # after it: ckb ٥٥،٦٠ خولەک is "55, 60 minutes")
            return _finish(int_digits, token[first + 1:j], j)
        else:
            # the grouping is not a number: stop before the first separator, unless that is an
            # English decimal point
            end = _period_end(token, first, decimal, groups) if period_decimal else None
            return _finish(int_digits, token[first + 1:end] if end else "", end or consumed)
    elif period_decimal and (end := _period_end(token, first, decimal, groups)):
        return _finish(int_digits, token[first + 1:end], end)
    # Fraction
    if consumed < n - 1 and token[consumed] in (decimal, ARABIC_DECIMAL) and token[consumed + 1].isdigit():
        k = consumed + 1
        while k < n and token[k].isdigit():
            k += 1
        return _finish(int_digits, token[consumed + 1 : k], k)
    return _finish(int_digits, "", consumed)


def _period_end(token: str, first: int, decimal: str, groups: str) -> int | None:
    """Where the fraction ends if the period after the first digits of ``token`` is a decimal
    point written the English way in a locale whose decimal sign is another (``2.52 juta``, ``ERA
    van 2.53``): one period, followed by digits that are no group of three (as a group separator
    it would need three) and by no other separator and digit (``1.2.3``, ``24.12.2019`` are no
    decimals); else None.

    >>> _period_end("2.52", 1, ",", "."), _period_end("1.500", 1, ",", "."), _period_end("2.5", 1, ".", ",")
    (4, None, None)
    """
    if decimal == "." or first >= len(token) - 1 or token[first] != ".":
        return None
    k = first + 1
    while k < len(token) and token[k].isdigit():
        k += 1
    if k - first - 1 in (0, 3):
        return None
    if k < len(token) - 1 and token[k] in groups + decimal + ".," and token[k + 1].isdigit():
        return None
    return k


def _valid_grouping(first: int, sizes: list[int], primary: int, secondary: int) -> bool:
    """``1,50,000``: first group 1..secondary digits, then secondary-sized groups, then primary."""
    if sizes[-1] != primary:
        return False
    if any(s != secondary for s in sizes[:-1]):
        return False
    return 1 <= first <= (secondary if len(sizes) > 1 else max(primary, secondary))


def _finish(int_digits: str, frac_digits: str, consumed: int) -> tuple[Decimal, int, int]:
    text = int_digits + ("." + frac_digits if frac_digits else "")
    return Decimal(text), len(frac_digits), consumed


# --- CJK numerals ---------------------------------------------------------------

def parse_cjk(token: str, pack: Pack, tag: str = "ja") -> tuple[Decimal, Decimal] | None:
    """Parse a CJK numeral, mixed forms included, into ``(value, precision)``.

    ``三百五十万`` -> 3 500 000 (precision 10⁵), ``1兆2000億``, ``1.2万亿`` = 1.2 × 10¹²,
    ``1億2万`` = 100 020 000.
    """
    digits, small, big = pack.cjk_digits, pack.cjk_small, pack.cjk_big
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    number_prec = Decimal(1)
    last_prec = Decimal(1)
    last_was_big = False
    seen = False
    i, n = 0, len(token)
    while i < n:
        ch = token[i]
        if ch.isdigit():
            parsed = parse_digits(token[i:], tag)
            if parsed is None:  # pragma: no cover - isdigit guarantees a digit
                return None
            value, decimals, used = parsed
            number = value
            number_prec = Decimal(1).scaleb(-decimals)
            i += used
            last_was_big = False
            seen = True
            continue
        if ch in digits:
            number = Decimal(digits[ch])
            number_prec = Decimal(1)
            last_was_big = False
            seen = True
        elif ch in small:
            mult = small[ch]
            section += (number if number is not None else Decimal(1)) * mult
            number_prec = Decimal(mult)
            last_prec = number_prec
            number = None
            last_was_big = False
            seen = True
        elif ch in big:
            scale = Decimal(1).scaleb(big[ch])
            chunk = section + (number if number is not None else Decimal(0))
            if chunk == 0 and last_was_big:
                total *= scale  # 万亿: a big unit applied to the one before
                last_prec *= scale
            else:
                if chunk == 0:
                    chunk = Decimal(1)
                prec = number_prec if number is not None else last_prec
                total += chunk * scale
                last_prec = prec * scale
            section = Decimal(0)
            number = None
            last_was_big = True
        elif ch in " \u00a0":
            pass  # Korean 1조 2000억; 1 万 5 千 (the scanner allows a space only beside a unit)
        else:
            return None
        i += 1
    if not seen:
        return None
    if number is not None or section:
        total += section + (number or Decimal(0))
        last_prec = number_prec if number is not None else last_prec
    return total, last_prec


# --- spelled-out numbers ---------------------------------------------------------

def _morphemes(pack: Pack) -> list[tuple[str, int, bool]]:
    items = [(w, v, False) for w, v in pack.words.items()]
    items += [(w, v, True) for w, v in pack.multipliers.items()]
    return sorted(items, key=lambda t: -len(t[0]))


@lru_cache(maxsize=64)
def _sorted_morphemes(language: str) -> tuple[tuple[str, int, bool], ...]:
    return tuple(_morphemes(load_pack(language)))


@lru_cache(maxsize=8192)
def parse_words(phrase: str, language: str) -> Decimal | None:
    """Value of a spelled-out number (``twenty-one``, ``dreiundzwanzig``,
    ``quatre-vingt-douze``), or ``None`` when ``phrase`` is not one.  Cached: the same few words
    (an article, ``one``, ``eine``) come back in every paragraph, and each reading tries the
    language's number words one by one."""
    pack = load_pack(language)
    morphs = _sorted_morphemes(language)
    connectors = sorted(pack.connectors, key=len, reverse=True)
    # Turkish and Azerbaijani İ is i's capital: casefold() would write it i and a combining dot
    text = phrase.replace("İ", "i").casefold().strip()
    for conn in connectors:  # ee blaeve-vɔ-ɖekɛ: ICU's blaeve vɔ ɖekɛ (21), the connector between hyphens
        text = text.replace(f"-{conn}-", f" {conn} ")
    if text in pack.plural_multipliers:
        return None  # bg хиляди alone: "thousands", a vague amount
    tokens: list[tuple[int, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in " -\u00a0\u2010" or (text[i] == "," and tokens):  # nine thousand, nine hundred
            i += 1
            continue
        for conn in connectors:
            if conn and text.startswith(conn, i) and tokens:
                rest = i + len(conn)
                if any(text.startswith(m, rest) or text[rest:rest + 1] in " -" for m, _v, _x in morphs):
                    i = rest
                    break
        else:
            for word, value, is_mult in morphs:
                if text.startswith(word, i):
                    tokens.append((value, is_mult))
                    i += len(word)
                    break
            else:
                return None
            continue
    if not tokens:
        return None
    return _combine(tokens, language)


def _combine(tokens: list[tuple[int, bool]], language: str) -> Decimal | None:
    total = 0
    section = 0
    last: int | None = None
    for value, is_mult in tokens:
        if is_mult:
            if value >= 1000:
                total += (section or 1) * value
                section = 0
            else:
                section = (section or 1) * value
            last = value
            continue
        if last is not None and last < 100 and not (
            # units before tens in German/Dutch (dreiundzwanzig), tens+units elsewhere
            (last < 10 and value >= 20 and value % 10 == 0)
            or (last >= 20 and last % 10 == 0 and value < 10)
            or (last >= 20 and last % 20 == 0 and value < 20)  # French quatre-vingt-douze
        ):
            return None
        section += value
        last = value
    return Decimal(total + section)


#: No figure a text states is beyond 10^60 (the largest named scales stop at 10^48 in CJK, 10^33 in
#: English); a longer run of digits is an identifier or noise, and Decimal arithmetic on it
#: (unit conversion, intervals) would overflow.  Such numbers are not claims.
MAX_EXPONENT = 60


def _in_range(value: Decimal, text: str, tag: str) -> Decimal:
    if value and value.is_finite() and value.adjusted() > MAX_EXPONENT:
        raise ParseError(f"not a number in {tag}: {text[:40]!r}… (beyond 10^{MAX_EXPONENT})")
    return value


def parse_number(text: str, locale: str) -> Decimal:
    """Parse a number written in ``locale`` strictly; raise :class:`ParseError` otherwise.

    Accepts locale digits with grouping, CJK numerals and, for languages with a
    pack, spelled-out numbers.  Scale words are *not* applied here (see
    :func:`consistency.extract`).
    """
    tag = normalize_tag(locale)
    raw = normalize_text(text).strip().strip(BIDI_MARKS)
    sign = 1
    cleaned = raw.replace(BIDI_MARKS[0], "").replace(BIDI_MARKS[1], "").replace(BIDI_MARKS[2], "")
    if cleaned[:1] in MINUS_SIGNS or cleaned[:1] == tables(tag).plus_minus[:1]:
        sign, cleaned = -1, cleaned[1:]
    elif cleaned[:1] == "+":
        cleaned = cleaned[1:]
    try:
        # isdecimal, not isdigit: ① and ² are digits to Python but no number's digits
        if cleaned and cleaned[0].isdecimal():
            parsed = parse_digits(cleaned, tag)
            if parsed and parsed[2] == len(cleaned):
                return _in_range(sign * parsed[0], text, tag)
        pack = load_pack(tables(tag).language)
        if pack.cjk_digits and cleaned:
            cjk = parse_cjk(cleaned, pack, tag)
            if cjk is not None:
                return _in_range(sign * cjk[0], text, tag)
        if pack.words and cleaned:
            words = parse_words(cleaned, pack.language)
            if words is not None:
                return _in_range(sign * words, text, tag)
    except ArithmeticError as exc:  # decimal.Overflow, InvalidOperation: beyond any number's range
        raise ParseError(f"not a number in {tag}: {text[:40]!r}… ({exc.__class__.__name__})") from None
    raise ParseError(f"not a number in {tag}: {text!r}")
