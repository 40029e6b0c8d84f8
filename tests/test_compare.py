"""``consistency.match.agreement``: when do two figures from two versions state the same thing?

The pairs are the examples of the design (its *Claims* and *Comparison* sections)
and of the shared corpus README: unit conversions, scale words, regrouped
large numbers agree; a changed value, scale, unit, currency, qualifier
direction or period does not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from consistency.match.agreement import agree, claim_key, comparable
from consistency.extract import extract_claims
from consistency.model import ClaimKind


def claim(text: str, locale: str):
    claims = extract_claims(text, locale)
    assert claims, f"no claim in {text!r} ({locale})"
    return claims[0]


AGREE = [
    # conversions between units (NTREX German converts)
    (("550 pounds", "en"), ("250 Kilo", "de")),
    (("85 mph", "en"), ("136 km/h", "de")),
    (("5 miles", "en"), ("8 km", "de")),
    (("385 miles", "en"), ("620 Kilometer", "de")),
    (("2 GW", "en"), ("2.000 Megawatt", "de")),
    (("2 Gigawatt", "de"), ("2ギガワット", "ja")),
    # scale words across languages
    (("80 Mrd. Dollar", "de"), ("800億ドル", "ja")),
    (("80 Milliarden Dollar", "de"), ("800億ドル", "ja")),
    (("$80 billion", "en"), ("800億ドル", "ja")),
    (("$80 billion", "en"), ("80 Milliarden Dollar", "de")),
    (("80 milliards de dollars", "fr"), ("$80 billion", "en")),
    # Japanese regroups large numbers
    (("380,000", "en"), ("38万", "ja")),
    (("£125m", "en"), ("1億2,500万ポンド", "ja")),
    (("£11 million", "en"), ("1100万ポンド", "ja")),
    # the same figure in another number format
    (("1.234,5 Kilometer", "de"), ("1’234.5 Kilometer", "de-CH")),
    (("12,5 %", "fr"), ("12.5%", "en")),
    # same measure, words and digits
    (("sechs Monate", "de"), ("6か月", "ja")),
    (("elf Filialen", "de"), ("11 stores", "en")),
    # thresholds in the same direction with the same figure
    (("über 2 Gigawatt", "de"), ("2ギガワット以上", "ja")),
    # periods as intervals: the second half of 2022 includes its end
    (("2022年後半", "ja"), ("Ende 2022", "de")),
    (("2025会計年度", "ja"), ("Geschäftsjahr 2025", "de")),
]

DISAGREE = [
    # opposite thresholds around the same figure: (2, ∞) and [1.8, 2)
    (("über 2 GW", "de"), ("knapp 2 GW", "de")),
    # a unit a thousand times smaller
    (("2 GW", "en"), ("2 MW", "en")),
    (("2ギガワット", "ja"), ("2 Megawatt", "de")),
    # a scale word off by ten
    (("8 Milliarden Dollar", "de"), ("800億ドル", "ja")),
    (("80 Milliarden Dollar", "de"), ("80億ドル", "ja")),
    # another number of months
    (("sechs Monate", "de"), ("neun Monate", "de")),
    (("sechs Monaten", "de"), ("9か月", "ja")),
    # thresholds in the same direction but with different figures
    (("über 2 Gigawatt", "de"), ("3ギガワット以上", "ja")),
    # another fiscal year
    (("2025会計年度", "ja"), ("Geschäftsjahr 2026", "de")),
    # periods that do not overlap
    (("2022年後半", "ja"), ("Anfang 2022", "de")),
    (("Ende 2022", "de"), ("2021年後半", "ja")),
]


@pytest.mark.parametrize("a, b", AGREE, ids=[f"{a[0]}~{b[0]}" for a, b in AGREE])
def test_figures_that_state_the_same_thing_agree(a, b):
    ca, cb = claim(*a), claim(*b)
    assert comparable(ca, cb), (ca, cb)
    assert agree(ca, cb), (ca, cb)
    assert agree(cb, ca), "agree() must be symmetric"


@pytest.mark.parametrize("a, b", DISAGREE, ids=[f"{a[0]}!{b[0]}" for a, b in DISAGREE])
def test_figures_that_state_different_things_disagree(a, b):
    ca, cb = claim(*a), claim(*b)
    assert comparable(ca, cb), "a wrong figure of the same measure is a finding, so it must be comparable"
    assert not agree(ca, cb), (ca, cb)
    assert not agree(cb, ca), "agree() must be symmetric"


@pytest.mark.parametrize(
    "a, b",
    [
        (("$5 million", "en"), ("5 Millionen Euro", "de")),
        (("80 Milliarden Dollar", "de"), ("800億ユーロ", "ja")),
        (("€80 billion", "en"), ("80 milliards de dollars", "fr")),
    ],
)
def test_amounts_in_different_currencies_are_not_comparable(a, b):
    """Currencies are their own dimension: never converted, never equal."""
    ca, cb = claim(*a), claim(*b)
    assert ca.kind is cb.kind is ClaimKind.MONEY
    assert ca.unit != cb.unit
    assert not comparable(ca, cb)
    assert not agree(ca, cb)


@pytest.mark.parametrize(
    "a, b",
    [
        (("2 GW", "en"), ("6か月", "ja")),  # power and time
        (("12 Prozent", "de"), ("12 Kilometer", "de")),  # a share and a length
        (("2022年後半", "ja"), ("2022 Kilometer", "de")),  # a date and a length
        (("$80 billion", "en"), ("80 Milliarden Kilometer", "de")),  # money and a length, same value
    ],
)
def test_different_measures_are_not_comparable(a, b):
    ca, cb = claim(*a), claim(*b)
    assert not comparable(ca, cb), (ca, cb)


def test_the_design_examples_have_the_documented_values():
    """The normalized values behind the comparisons (``über 2 GW`` = (2, ∞) GW)."""
    over = claim("über 2 GW", "de")
    assert (over.low, over.high, over.low_open, over.unit) == (Decimal(2), None, True, "gigawatt")
    oku = claim("800億ドル", "ja")
    assert (oku.value, oku.unit) == (Decimal("8E+10"), "USD")
    assert claim_key(oku) == claim_key(claim("80 Mrd. Dollar", "de")) == "8E+10 USD"
    half = claim("2022年後半", "ja")
    assert (half.low.isoformat(), half.high.isoformat()) == ("2022-07-01", "2022-12-31")
    assert claim("38万", "ja").value == claim("380,000", "en").value == Decimal(380000)


def test_rounding_allowed_by_written_precision():
    """``800億`` is exact to 10⁸: $80.04 billion rounds to it, $80.6 billion does not."""
    oku = claim("800億ドル", "ja")
    assert agree(oku, claim("$80.04 billion", "en"))
    assert not agree(oku, claim("$80.6 billion", "en"))
    # a converted figure (1,000 miles = 1,609 km) needs the relative tolerance
    miles, km = claim("1,000 miles", "en"), claim("1.600 Kilometer", "de")
    assert agree(miles, km, relative_tolerance=Decimal("0.02"))
    assert not agree(miles, km, relative_tolerance=Decimal("0"))
    assert not agree(miles, claim("1.300 Kilometer", "de"))


def test_the_same_number_with_another_unit_is_the_partner_of_a_unit_slip():
    # 385 km could also be a wrong conversion of 85 miles (within a factor of ten), but the same
    # number with another unit is the closer slip: the unit word was mistranslated
    from test_names import bundle, findings

    an = bundle(en="The storm was 385 kilometres off the coast, with winds of 85 mph.",
                de="Der Sturm war 385 Meilen vor der Küste, mit Winden von 85 Meilen.")
    assert [f.message for f in findings(an, "QTY001")] == [
        "de gives 385 miles where en gives 385 kilometers (a tie: as many versions give each value; en is the "
        "reference only as the first version — declare the source to settle it)"]


@pytest.mark.parametrize(
    "en, de, message",
    [
        # a range whose unit word was mistranslated: the same bounds, another unit
        ("Up to 1 to 4 inches of rain will fall.", "Es fallen bis zu 1 bis 4 Zentimeter Regen.",
         "de gives 1–4 centimeters where en gives 1–4 inches"),
        # the same number with a unit of another dimension: a unit word mistranslated, though the
        # two cannot be converted into each other
        ("The town expects 80 degrees on Tuesday.", "Die Stadt erwartet am Dienstag 80 Prozent.",
         "de gives 80% where en gives 80 °"),
        ("The crates weigh 10 to 40 kilograms.", "Die Kisten wiegen 10 bis 40 Zoll.",
         "de gives 10–40 inches where en gives 10–40 kilograms"),
    ],
)
def test_a_unit_word_mistranslated_with_the_number_kept_is_a_mismatch(en, de, message):
    """The digits are the same on both sides, so the figure is not missing: the unit changed."""
    from test_names import bundle, findings

    an = bundle(en=en, de=de)
    assert [f.message.split(" (")[0] for f in findings(an, "QTY001")] == [message]
    assert findings(an, "QTY002") == []


def test_a_currency_and_a_unit_that_share_a_word_are_no_unit_slip():
    """``pounds`` is money in one version and weight in the other (pt ``libras``): the same number
    with a currency and a unit is a word read two ways, far more often than a translator's slip."""
    from test_names import bundle, findings

    an = bundle(en="The firm paid £125 million for the chain.", pt="A empresa pagou 125 milhões de libras pela cadeia.")
    assert findings(an, "QTY001") == []


@pytest.mark.parametrize(
    "en, other, expected",
    [
        # points are no per cent: the translation changed the figure
        ("Support for the plan rose 12 points.", {"de": "Die Zustimmung stieg um 12 Prozent."},
         ["de gives 12% where en gives 12 points"]),
        # percentage points read as per cent (a translation writes them as %) or as points
        ("He won the district by 20 points.", {"de": "Er gewann den Bezirk mit 20 Prozentpunkten."}, []),
        ("She won by 40 percentage points.", {"ja": "彼女は40%の差で勝った。"}, []),
        ("She won by 40 percentage points.", {"es": "Ganó por 40 puntos."}, []),
        # a count of points where the translation's word for points is not read (cs has no pack):
        # the same count, however small
        ("He averaged 5.6 points a game.", {"cs": "V průměru zaznamenal 5,6 bodu na zápas."}, []),
        ("He averaged 5.6 points a game.", {"ru": "В среднем он набирал 5,6 очка за игру."}, []),
        # el βαθμούς and fo stig are degrees, and the points of a match (a pack's table; a data file)
        ("They trail the leaders by 8 points.", {"el": "Βρίσκονται 8 βαθμούς πίσω από τους πρωτοπόρους."}, []),
        ("They trail the leaders by 8 points.", {"fo": "Teir eru 8 stig aftanfyri."}, []),
    ],
)
def test_points_are_not_per_cent_but_percentage_points_are_either(en, other, expected):
    from test_names import bundle, findings

    an = bundle(en=en, **other)
    assert [f.message.split(" (")[0] for f in findings(an, "QTY001") + findings(an, "QTY002")] == expected


def test_an_iso_code_in_lower_case_is_a_word_not_money():
    """CLDR's English symbol of the lek is its code ``ALL``: in capitals a currency, folded a word."""
    assert [(c.kind, c.unit) for c in extract_claims("He took match four all-square.", "en")] == [(ClaimKind.COUNT, None)]
    assert [(c.kind, c.unit) for c in extract_claims("It cost 40 ALL.", "en")] == [(ClaimKind.MONEY, "ALL")]


def test_an_agreeing_figure_of_the_same_value_is_the_partner_before_one_it_merely_holds():
    """``up to 6 inches`` agrees with ``2から4インチ`` (the range lies below six) and with
    ``最大6インチ``; it pairs with the second, so the changed unit of the range is reported."""
    from test_names import bundle, findings

    an = bundle(en="Models predict 2 to 4 centimetres of rain, with up to 6 inches in places.",
                ja="モデルは2から4インチの雨、所により最大6インチを予測している。")
    assert [f.message.split(" (")[0] for f in findings(an, "QTY001")] == ["ja gives 2–4 inches where en gives 2–4 centimeters"]
