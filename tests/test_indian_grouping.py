"""Locales whose CLDR decimal pattern groups the Indian way (#,##,##0) also read the Western
3-3 grouping, which their own CLDR currency patterns and news text use (issue: 1,000,000 रुपये
was read as 1 and 000,000)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.extract import extract_claims, parse_number

INDIAN = sorted(
    tag for tag in locale_identifiers()
    if Locale.parse(tag).decimal_formats[None].grouping == (3, 2)
)


def test_there_are_indian_grouping_locales():
    assert {"hi", "mr", "ta", "ml", "dv"} <= set(INDIAN)


@pytest.mark.parametrize("text, locale, value, unit", [
    ("1,000,000 रुपये", "hi", Decimal(10**6), "INR"),
    ("10,00,000 रुपये", "hi", Decimal(10**6), "INR"),
    ("$1,200,000", "mr", Decimal(1_200_000), "USD"),
    ("1,50,000", "en-IN", Decimal(150_000), None),
])
def test_either_grouping_is_one_number(text, locale, value, unit):
    claims = extract_claims(text, locale)
    assert [(c.value, c.unit) for c in claims] == [(value, unit)]


def test_a_broken_grouping_is_still_not_one_number():
    # 1,00,0000 is neither grouping: not read as ten million
    assert all(c.value != Decimal(10**7) for c in extract_claims("1,00,0000", "hi"))


@settings(max_examples=200, deadline=None)
@given(locale=st.sampled_from(INDIAN), value=st.integers(min_value=1000, max_value=10**12))
def test_western_grouping_parses_back_in_indian_locales(locale, value):
    western = format_decimal(value, locale="en")  # 1,234,567
    symbols = Locale.parse(locale).number_symbols["latn"]
    text = western.replace(",", symbols["group"])
    assert parse_number(text, locale) == value
