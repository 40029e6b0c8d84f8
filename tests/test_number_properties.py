"""Laws of number parsing over every locale babel ships (hypothesis).

format then parse returns the value; compact formats parse back within their
rounding; currency amounts parse back to amount and currency; extraction never
raises on arbitrary text.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from babel.localedata import locale_identifiers
from babel.numbers import format_compact_decimal, format_currency, format_decimal, get_currency_precision
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from consistency.extract import extract_claims, extractor, parse_number
from consistency.locale.cldr import tables

LOCALES = sorted(locale_identifiers())
locales = st.sampled_from(LOCALES)
amounts = st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(locale=locales, value=amounts)
def test_format_decimal_parses_back(locale, value):
    text = format_decimal(value, locale=locale, decimal_quantization=False)
    # babel 2.19 writes Swiss numbers with one group separator only ("1000000'000" for 10^9 in
    # en_CH, de_CH) although their CLDR pattern is #,##0 (groups of 3): such output is no
    # reference for how the locale groups, so it is skipped, not accepted by the parser
    assume(_grouped_as_the_pattern_says(text, locale))
    assert parse_number(text, locale) == value


def _grouped_as_the_pattern_says(text: str, locale: str) -> bool:
    import re

    from babel import Locale

    pattern = Locale.parse(locale).decimal_formats.get(None)
    primary, secondary = pattern.grouping if pattern is not None else (3, 3)
    symbols = Locale.parse(locale).number_symbols.get("latn", {})
    integer = text.split(symbols.get("decimal", "."))[0]
    groups = [g for g in re.split(r"\D+", integer) if g]
    if len(groups) < 2:
        return True
    return len(groups[-1]) == primary and all(len(g) == secondary for g in groups[1:-1]) \
        and 1 <= len(groups[0]) <= secondary


@settings(max_examples=300, deadline=None)
@given(locale=locales, value=st.integers(min_value=-10**9, max_value=10**9))
def test_negative_and_positive_integers_parse_back(locale, value):
    text = format_decimal(value, locale=locale)
    assert parse_number(text, locale) == value


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    locale=locales,
    mantissa=st.integers(min_value=1, max_value=999),
    exponent=st.integers(min_value=3, max_value=12),
    width=st.sampled_from(["short", "long"]),
)
def test_compact_formats_parse_back_within_rounding(locale, mantissa, exponent, width):
    value = Decimal(mantissa).scaleb(exponent)
    try:
        text = format_compact_decimal(value, format_type=width, locale=locale, fraction_digits=2)
    except KeyError:  # babel has no compact format of that width for this locale
        assume(False)
    assume(any(ch.isdigit() for ch in text))
    # babel 2.x misformats compact patterns whose word comes before the number
    # (sw "elfu 0": 1000 -> "elfu 10"), so those cannot serve as a reference;
    # tests/test_extract.py checks prefix scale words on hand-written cases.
    assume(not (tables(locale).prefix_scales and not text.lstrip("\u200e\u200f")[:1].isdigit()))
    # babel also counts the zeros of a negative subpattern (sw "0B;-0B" for 10^9: 1e9 -> "10B"), so
    # its output for those patterns is no reference either (test_a_compact_pattern_with_a_negative_part)
    assume(not _has_negative_subpattern(locale, width, value))
    # no compact form for this magnitude (de writes 2000 as "2000"): a plain number, which may also be
    # a year; the format_decimal properties above cover plain numbers
    assume(not text.strip().isdigit())
    # Where a locale's own CLDR data spells a scale word like one of its unit
    # symbols (Ladin "1m" is a thousand, "m" is also its month), the text is
    # ambiguous and the unit wins; such cases say nothing about parsing.
    ex = extractor(locale)
    word = "".join(ch for ch in text if not (ch.isdigit() or ch in ".,\u00a0 ")).casefold()
    assume(not word or word not in ex.units)
    # CLDR gives some words two scales in one locale (ne-IN long "0 करोड" is 10⁶,
    # short is 10⁷); no parser can honour both.
    assume(word.replace(" ", "\u00a0") not in tables(locale).conflicting_scales)
    claims = [c for c in extract_claims(text, locale) if c.kind.value != "date"]
    assert len(claims) == 1, (text, claims)
    claim = claims[0]
    # Compact formats round to the shown digits: the value must be within half a step of the text.
    assert claim.value is not None
    assert abs(claim.value - value) <= claim.precision / 2 + value * Decimal("0.005"), (text, claim)


CURRENCIES = ["USD", "EUR", "JPY", "GBP", "CHF", "CNY", "INR", "KRW", "RUB", "BRL"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(locale=locales, currency=st.sampled_from(CURRENCIES), value=st.decimals(min_value=1, max_value=10**9, places=2))
def test_format_currency_parses_back(locale, currency, value):
    text = format_currency(value, currency, locale=locale)
    # babel 2.19's Swiss grouping again ("$ 1000000'000.00" in de_CH, found by the fuzz profile)
    assume(_grouped_as_the_pattern_says(text, locale))
    claims = [c for c in extract_claims(text, locale) if c.kind.value == "money"]
    assert len(claims) == 1, (text, extract_claims(text, locale))
    assert claims[0].unit == currency, text
    # babel rounds to the currency's digits (JPY has none), half to even
    digits = get_currency_precision(currency)
    shown = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    assert claims[0].value == shown, text


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=200), locale=st.sampled_from(["en", "de", "ja", "zh", "ko", "fr", "ru", "hi", "ar", "de-CH"]))
def test_extraction_never_raises(text, locale):
    for claim in extract_claims(text, locale):
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text == text[claim.start:claim.end]


NUMERIC_ALPHABET = "0123456789.,'’ \u00a0\u202f-–〜万億兆百千十一二三%$€¥ GWMrdbnmkiloProzent年月"


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=NUMERIC_ALPHABET, max_size=60), locale=st.sampled_from(["en", "de", "ja", "zh", "fr"]))
@example(text="0  ¥", locale="en")  # found by the fuzz profile: padding squeezed out of the claim's text
def test_extraction_never_raises_on_number_soup(text, locale):
    for claim in extract_claims(text, locale):
        assert claim.text == text[claim.start:claim.end]


#: the letters, marks and signs the class-prefix scales, loose days, centuries and primes read
PREFIX_ALPHABET = ("0123456789.,-' ’′″°abdegilmnorstuyzḽ dimilione miriyoni gidi Oktoba Satumba 世纪个十九세기"
                   "ខែតុលាເດືອນຕຸລາ១២ მილიონზე")  # the word for a month before its name (km, lo), ka endings


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=PREFIX_ALPHABET, max_size=60),
       locale=st.sampled_from(["nso", "tn", "zu", "xh", "ss", "nd", "sn", "mi", "sw", "ha", "so", "lv", "et", "zh", "ko",
                               "km", "lo", "ka", "kk"]))
@example(text="60-l", locale="et")  # a one-letter ending after a hyphen, read from a stem's match
def test_extraction_never_raises_on_prefixes_days_and_centuries(text, locale):
    for claim in extract_claims(text, locale):
        assert claim.text == text[claim.start:claim.end]


@given(word=st.text(max_size=24), prefixed=st.booleans(), r_for_l=st.booleans(), alphabetic=st.booleans())
def test_a_loanword_names_a_scale_or_none(word, prefixed, r_for_l, alphabetic):
    from consistency.extract.loanwords import loanword_power, loanword_scales

    power = loanword_power(word, loanword_scales(), alphabetic=alphabetic, prefixed=prefixed, r_for_l=r_for_l)
    assert power in (0, 6, 9, 12)


def _has_negative_subpattern(locale: str, width: str, value: Decimal) -> bool:
    from babel import Locale

    formats = Locale.parse(locale.replace("-", "_")).compact_decimal_formats.get(width, {})
    return any(";" in str(getattr(p, "pattern", p)) for patterns in formats.values()
               for key, p in patterns.items() if len(key) - 1 <= value.adjusted() < len(key) + 2)


def test_a_compact_pattern_with_a_negative_part():
    # CLDR's Swahili writes a billion "0B;-0B": the word is B, after the positive subpattern's one zero
    # (found by the fuzz profile: it was read as no scale word at all)
    assert [c.value for c in extract_claims("Gharama ni 1B.", "sw")] == [Decimal(10) ** 9]
    assert [c.value for c in extract_claims("Gharama ni 10B.", "sw")] == [Decimal(10) ** 10]
