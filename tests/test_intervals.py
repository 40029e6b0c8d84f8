"""Intervals that hide no error (issue 11 item 2): approximations as wide as the written
precision, qualifier words read in their context, a change and its result, thresholds that
reach only so far."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency import extract_claims
from consistency.match.agreement import THRESHOLD_REACH, agree
from consistency.model import Qualifier


def one(text: str, locale: str):
    claims = extract_claims(text, locale)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "same"),
    [
        # the rounding of the written figure, not ±1 of its last digit
        ("about 2 million visitors", "en", "etwa 3 Millionen Besucher", "de", False),
        ("about 2 million visitors", "en", "etwa 2,3 Millionen Besucher", "de", True),
        ("about 2 million visitors", "en", "2,4 Millionen Besucher", "de", True),
        ("around 40 km", "en", "rund 50 km", "de", False),
        ("around 40 km", "en", "rund 42 km", "de", True),
        # 5 % where the figure is written more precisely than its rounding
        ("about 3.5 percent", "en", "rund 3,6 Prozent", "de", True),
        ("about 3.5 percent", "en", "rund 4 Prozent", "de", True),
        ("about 3.5 percent", "en", "rund 4,5 Prozent", "de", False),
    ],
)
def test_an_approximation_is_as_wide_as_its_rounding(a, la, b, lb, same):
    assert agree(one(a, la), one(b, lb)) is same


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("Die Regierung beschloss ein Hilfspaket über 8 Milliarden Euro.", False),
        ("Er stellte einen Scheck über 500 Euro aus.", False),
        ("Sie erhielt eine Rechnung über 1.200 Euro.", False),
        ("Das Paket kostet über 8 Milliarden Euro.", True),
        ("Es kamen über 500 Besucher.", True),
    ],
)
def test_german_ueber_after_a_package_or_bill_names_its_worth(text, qualified):
    c = one(text, "de")
    assert (c.qualifier is not None) is qualified
    if not qualified:
        assert c.low == c.high == c.value


def test_a_package_worth_eight_billion_against_eighty_billion_is_reported():
    de = one("Die Regierung beschloss ein Hilfspaket über 8 Milliarden Euro.", "de")
    assert not agree(de, one("The government approved an aid package of 80 billion euros.", "en"))
    assert agree(de, one("The government approved an aid package of 8 billion euros.", "en"))


def test_by_x_to_y_is_a_change_and_a_result():
    claims = extract_claims("The population grew by 450,000 to 12 million.", "en")
    assert [(c.value, c.qualifier) for c in claims] == [(Decimal(450000), None), (Decimal("1.2E+7"), None)]
    # a range without "by" stays a range
    (r,) = extract_claims("It will cost 10 to 12 million dollars.", "en")
    assert (r.low, r.high) == (Decimal("1E+7"), Decimal("1.2E+7"))


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "same"),
    [
        ("more than 2 GW", "en", "2,4 GW", "de", True),
        ("more than 2 GW", "en", "20 GW", "de", False),
        ("at least 1.5 m", "en", "1,8 m", "de", True),
        ("at least 1.5 m", "en", "15 m", "de", False),
        ("up to 100 km/h", "en", "80 km/h", "de", True),
        ("up to 100 km/h", "en", "20 km/h", "de", False),
        ("less than 1 percent", "en", "0,8 Prozent", "de", True),
        # two thresholds in the same direction compare their bounds
        ("more than 2 GW", "en", "über 2 GW", "de", True),
        ("more than 2 GW", "en", "über 20 GW", "de", False),
    ],
)
def test_a_threshold_reaches_only_so_far(a, la, b, lb, same):
    assert agree(one(a, la), one(b, lb)) is same
    assert agree(one(b, lb), one(a, la)) is same


@given(st.integers(min_value=1, max_value=10_000))
def test_a_threshold_agrees_up_to_its_reach_and_not_beyond(bound):
    threshold = one(f"more than {bound} tonnes", "en")
    inside = one(f"{bound * THRESHOLD_REACH:f} tonnes", "en")
    beyond = one(f"{bound * THRESHOLD_REACH * 2:f} tonnes", "en")
    assert agree(threshold, inside)
    assert not agree(threshold, beyond)


@pytest.mark.parametrize(("text", "alone", "locale"), [
    ("El presupuesto creció en 15 millones de euros hasta 85 millones de euros.", "hasta 85 millones", "es"),
    ("Le budget a augmenté de 15 millions d’euros jusqu’à 85 millions d’euros.", "jusqu’à 85 millions", "fr"),
    ("Il bilancio è cresciuto di 15 milioni di euro fino a 85 milioni di euro.", "fino a 85 milioni", "it"),
    ("O orçamento cresceu 15 milhões de euros até 85 milhões de euros.", "até 85 milhões", "pt"),
])
def test_up_to_after_a_figure_joins_a_change_to_its_result(text, alone, locale):
    """``hasta`` (up to) right after a figure is "to" (pack key connector_after_figure): the
    result of a change, not a ceiling that a wrong result would agree with; alone, a ceiling."""
    claims = extract_claims(text, locale)
    assert [(c.value, c.qualifier) for c in claims] == [(Decimal("1.5E+7"), None), (Decimal("8.5E+7"), None)]
    assert one(alone, locale).qualifier is Qualifier.AT_MOST


@pytest.mark.parametrize(("a", "la", "b", "lb", "same"), [
    # a conversion written as a round number: what rounds to its last non-zero digit, within 10 %
    ("a lake 40 miles from the city", "en", "um lago a 60 km da cidade", "pt", True),  # 64.4 km
    ("a town 200 miles to the north", "en", "uma vila 300 km a norte", "pt", True),    # 321.9 km
    ("a bear of 550 pounds", "en", "un orso di 250 chili", "it", True),                 # 249.5 kg
    ("1,500 miles away", "en", "a 2000 km de distância", "pt", False),                  # 2,414 km
    ("a lake 40 miles from the city", "en", "um lago a 50 km da cidade", "pt", False),
    ("a lake 40 miles from the city", "en", "um lago a 40 km da cidade", "pt", False),  # not converted
    ("a 60 km stretch", "en", "un tratto di 60 miglia", "it", False),
])
def test_a_conversion_may_be_rounded_to_a_round_number(a, la, b, lb, same):
    assert agree(one(a, la), one(b, lb)) is same
    assert agree(one(b, lb), one(a, la)) is same


@pytest.mark.parametrize(("a", "la", "b", "lb"), [
    ("The dam is 330 feet high.", "en", "Die Staumauer ist 200 Meter hoch.", "de"),
    ("The road is 5 miles long.", "en", "La route mesure 5 kilomètres.", "fr"),
    ("It weighs 550 pounds.", "en", "Es wiegt 550 Kilo.", "de"),
    # millimetres written for centimetres, the conversion rounded (10 inches: 25.4 cm, not 25 mm)
    ("Rosa will bring up to 10 inches of rain.", "en", "Rosa trará até 25 mm de chuva.", "pt"),
    # a range converted wrongly at both ends (1 to 4 inches: 2.5 to 10 cm)
    ("Locally, 1 to 4 inches of rain will fall.", "en", "Localmente, cairão 2,5 a 10 mm de chuva.", "pt"),
])
def test_a_conversion_gone_wrong_is_one_mismatch_not_two_missing_figures(a, la, b, lb, tmp_path):
    import consistency

    paths = [tmp_path / f"a.{la}.txt", tmp_path / f"a.{lb}.txt"]
    for path, text in zip(paths, (a, b)):
        path.write_text(text + "\n", encoding="utf-8")
    report = consistency.check([str(p) for p in paths], history=False, cache=False)
    assert [f.rule for f in report.findings] == ["QTY001"]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "same"),
    [
        # two ranges state two figures each: overlapping is not agreeing
        ("children aged 11 to 18", "en", "niños de entre 11 y 180 años", "es", False),
        ("children aged 11 to 18", "en", "niños de entre 11 y 18 años", "es", True),
        ("2 to 4 inches of rain", "en", "2,5-10 cm di pioggia", "it", False),    # 2 inches is 5 cm
        ("2 to 4 inches of rain", "en", "5-10 cm di pioggia", "it", True),       # each end converted
        ("1 to 4 inches of rain", "en", "3 a 10 cm de lluvia", "es", True),      # each end rounded
    ],
)
def test_two_ranges_agree_end_by_end(a, la, b, lb, same):
    x = [c for c in extract_claims(a, la) if c.qualifier is Qualifier.RANGE]
    y = [c for c in extract_claims(b, lb) if c.qualifier is Qualifier.RANGE]
    assert len(x) == len(y) == 1, (x, y)
    assert agree(x[0], y[0]) is same
