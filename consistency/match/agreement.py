"""When do two claims from two versions state the same thing?

Figures agree when their intervals overlap after conversion to a common unit,
within the rounding each side's written precision allows; currencies must be
equal; dates compare as intervals, fiscal periods as labels.

>>> from consistency.extract import extract_claims
>>> ja = extract_claims("800億ドル", "ja")[0]
>>> de = extract_claims("80 Milliarden Dollar", "de")[0]
>>> agree(ja, de)
True
>>> agree(ja, extract_claims("8 Milliarden Dollar", "de")[0])
False
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from ..display import describe_value
from ..model import COUNTED_UNITS, Claim, ClaimKind, Qualifier

__all__ = ["DEFAULT_RELATIVE_TOLERANCE", "THRESHOLD_REACH", "UNIT_READINGS", "agree", "comparable", "claim_key",
           "counts_alike"]

#: Claim kinds whose values can be compared with each other.
_NUMERIC = {ClaimKind.COUNT, ClaimKind.QUANTITY, ClaimKind.MONEY, ClaimKind.PERCENT, ClaimKind.DURATION,
            ClaimKind.ORDINAL}
_HALF = Decimal("0.5")

#: kinds compared only with their own kind
_POSITIONS = {ClaimKind.DATE, ClaimKind.ORDINAL}

#: QTY001's ``relative_tolerance`` when no rule sets it: the one home of this default
DEFAULT_RELATIVE_TOLERANCE = 0.02


def _has_readings(c: Claim) -> bool:
    """Can ``c`` be read another way (:func:`_readings`)?"""
    return c.alt_unit is not None or bool(c.alt_scale) or _as_century(c) is not None


#: the centuries a count of centuries may name by position (the 1st to the 21st)
_CENTURIES = range(1, 22)


def _as_century(c: Claim) -> Claim | None:
    """A whole count of centuries read as that century (``C19``), or ``None``.  Many languages write
    a century's ordinal as the bare number (kk ``19 ғасырдағы``, ba ``19 быуат``, in the 19th
    century; fa ``قرن ۱۹``, id ``abad 19``), which reads as 19 centuries; a translator turning "the
    19th century" into a span of 19 centuries is no error anyone makes, so the two agree."""
    if c.kind is not ClaimKind.DURATION or c.unit != "century" or c.qualifier is not None or c.value is None:
        return None
    if c.value != c.value.to_integral_value() or int(c.value) not in _CENTURIES:
        return None
    from dataclasses import replace

    return replace(c, kind=ClaimKind.DATE, value=None, low=None, high=None, unit=None, precision=None,
                   label=f"C{int(c.value)}", alt_unit=None, alt_scale=0)


def _readings(c: Claim) -> list[Claim]:
    """The claim, and the claim read with its alternative unit (ポンド as weight, es-MX ``$`` as US
    dollars) or its digits' alternative grouping (ar ``150.000`` as 150,000)."""
    if not _has_readings(c):
        return [c]
    from dataclasses import replace

    plain = replace(c, alt_unit=None, alt_scale=0)
    out = [plain]
    if c.alt_unit is not None:
        # another currency (an ISO code: es-MX $ as US dollars) stays money; a unit (ポンド as
        # weight) is a quantity
        money = c.kind is ClaimKind.MONEY and c.alt_unit.isupper()
        out.append(replace(plain, kind=ClaimKind.MONEY if money else ClaimKind.QUANTITY, unit=c.alt_unit))
    if c.alt_scale:
        out.append(replace(plain, **{f: _scaled(getattr(c, f), c.alt_scale) for f in ("value", "low", "high", "precision")}))
    if (century := _as_century(c)) is not None:
        out.append(century)
    return out


def _scaled(x, exponent: int):
    return x.scaleb(exponent) if isinstance(x, Decimal) else x


def comparable(a: Claim, b: Claim) -> bool:
    """Do ``a`` and ``b`` measure the same kind of thing (so a disagreement is an error)?"""
    if _has_readings(a) or _has_readings(b):
        return any(_comparable(x, y) for x in _readings(a) for y in _readings(b))
    return _comparable(a, b)


def _yearless(c: Claim) -> bool:
    """A date with a month and no year (``--04``, ``--04-01``)."""
    return (c.label or "").startswith("--")


def _has_month(c: Claim) -> bool:
    """A date whose label names a month (``2017-12``, ``--04``), not a year, a quarter or a decade."""
    label = c.label or ""
    return label.startswith("--") or (len(label) >= 7 and label[4] == "-" and label[5:7].isdigit())


def _comparable(a: Claim, b: Claim) -> bool:
    if a.kind in _POSITIONS or b.kind in _POSITIONS:
        if a.kind is ClaimKind.DATE and b.kind is ClaimKind.DATE and (
                _yearless(a) and not _has_month(b) or _yearless(b) and not _has_month(a)):
            return False  # a month of no year (zh 4月初, early April) says nothing of a year (2005)
        return a.kind is b.kind  # a date with a date, an ordinal (16th) with an ordinal
    if a.kind not in _NUMERIC or b.kind not in _NUMERIC:
        return False
    if _same_bare_value(a, b):
        return True
    if a.kind is ClaimKind.MONEY or b.kind is ClaimKind.MONEY:
        return a.kind is b.kind and a.unit == b.unit
    if a.kind is ClaimKind.PERCENT or b.kind is ClaimKind.PERCENT:
        return a.kind is b.kind
    if a.kind is ClaimKind.COUNT or b.kind is ClaimKind.COUNT:
        # a count of points is a count (5.6 points against th 5.6, whose word for points is unread)
        return a.kind is b.kind or _same_bare_value(a, b) or bool({a.unit, b.unit} & COUNTED_UNITS)
    if a.unit == b.unit:
        return True
    if a.unit in UNIT_READINGS or b.unit in UNIT_READINGS:
        from ..units import compatible as _compatible

        return any(x is not None and y is not None and _compatible(x, y)
                   for x in _readings_of(a.unit) for y in _readings_of(b.unit))
    if _AMBIGUOUS_DEGREE in (a.unit, b.unit) and {a.unit, b.unit} <= {_AMBIGUOUS_DEGREE, *_TEMPERATURES}:
        return True
    from ..units import compatible

    return a.unit is not None and b.unit is not None and compatible(a.unit, b.unit)


#: the units of counts: none, or a counted unit
_COUNTS = {None, *COUNTED_UNITS}


def counts_alike(a: Claim, b: Claim) -> bool:
    """Do ``a`` and ``b`` count things alike: both bare, or a bare count and a count of points
    (5.6 points against th 5.6, whose word for points is unread)?"""
    return {a.unit, b.unit} <= _COUNTS


def _readings_of(unit: str | None) -> tuple[str | None, ...]:
    """The unit and, for an ambiguous unit (``ton``, ``キロ``), each unit it may stand for."""
    return UNIT_READINGS.get(unit, (unit,)) if unit is not None else (unit,)


def _same_bare_value(a: Claim, b: Claim) -> bool:
    """One side dropped the unit or currency but kept the figure (1100万 for
    £11 million): the same value, so the figures correspond and agree."""
    if (a.kind is ClaimKind.COUNT) == (b.kind is ClaimKind.COUNT) or ClaimKind.ORDINAL in (a.kind, b.kind):
        return False
    return a.value is not None and a.value == b.value and (abs(a.value) >= 10 or bool({a.unit, b.unit} & COUNTED_UNITS))


def _bounds(c: Claim) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """The claim's interval widened by half its written precision where the text
    committed to a value, not to a threshold (``über 2`` stays open at 2)."""
    low, high = cast("Decimal | None", c.low), cast("Decimal | None", c.high)  # a figure: no dates here
    lo_open, hi_open = c.low_open, c.high_open
    if c.precision is not None and c.qualifier in (None, Qualifier.ONLY, Qualifier.RANGE, Qualifier.SEVERAL):
        half = c.precision * _HALF
        low = None if low is None else low - half
        high = None if high is None else high + half
        # what rounds to 2 lies in [1.5, 2.5); a figure with more digits than Decimal's 28 keeps
        # its bound where adding half a unit changes nothing, and is then closed (it equals itself)
        hi_open = high is not None and c.high is not None and high > cast(Decimal, c.high)
    return low, lo_open, high, hi_open


def _one_sided(c: Claim) -> str | None:
    if c.low is not None and c.high is None:
        return "low"
    if c.high is not None and c.low is None:
        return "high"
    return None


def _threshold(c: Claim):
    """The stated threshold as a point widened by half its written precision."""
    point = cast(Decimal, c.low if c.low is not None else c.high)  # one-sided: one bound is set
    half = (c.precision or Decimal(0)) * _HALF
    return point - half, False, point + half, bool(half)


#: How far a one-sided figure ("more than X", "at least X", "less than X", "up to X") reaches when it is
#: compared with a figure that has both bounds: up to 1.5 × X, down to X / 1.5. "More than 2 GW" agrees
#: with 2.4 GW, not with 20 GW; "up to 100 km/h" agrees with 80 km/h, not with 20 km/h.
THRESHOLD_REACH = Decimal("1.5")


def _reach(c: Claim, bounds):
    side = _one_sided(c)
    low, lo_open, high, hi_open = bounds
    if side == "low" and low and low > 0:
        return low, lo_open, low * THRESHOLD_REACH, False
    if side == "high" and high and high > 0:
        return high / THRESHOLD_REACH, False, high, hi_open
    return bounds


def _convert_bounds(bounds, source: str | None, target: str | None):
    if source == target or source is None or target is None:
        return bounds
    from ..units import convert

    low, lo_open, high, hi_open = bounds
    low = None if low is None else convert(low, source, target)
    high = None if high is None else convert(high, source, target)
    if (bounds[0] is not None and low is None) or (bounds[2] is not None and high is None):
        return None
    if low is not None and high is not None and low > high:  # a decreasing conversion
        low, high, lo_open, hi_open = high, low, hi_open, lo_open
    return low, lo_open, high, hi_open


def _overlap(a, b) -> bool:
    a_lo, a_lo_open, a_hi, a_hi_open = a
    b_lo, b_lo_open, b_hi, b_hi_open = b
    # the larger low bound against the smaller high bound
    if a_lo is None:
        lo, lo_open = b_lo, b_lo_open
    elif b_lo is None or a_lo > b_lo:
        lo, lo_open = a_lo, a_lo_open
    elif b_lo > a_lo:
        lo, lo_open = b_lo, b_lo_open
    else:
        lo, lo_open = a_lo, a_lo_open or b_lo_open
    if a_hi is None:
        hi, hi_open = b_hi, b_hi_open
    elif b_hi is None or a_hi < b_hi:
        hi, hi_open = a_hi, a_hi_open
    elif b_hi < a_hi:
        hi, hi_open = b_hi, b_hi_open
    else:
        hi, hi_open = a_hi, a_hi_open or b_hi_open
    if lo is None or hi is None:
        return True
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def _widen(bounds, relative: Decimal):
    low, lo_open, high, hi_open = bounds
    if low is not None:
        low = low - abs(low) * relative
    if high is not None:
        high = high + abs(high) * relative
    return low, lo_open, high, hi_open


def agree(a: Claim, b: Claim, *, relative_tolerance: float | Decimal = DEFAULT_RELATIVE_TOLERANCE) -> bool:
    """Do two comparable claims state compatible values?

    ``relative_tolerance`` is extra slack applied only when the units differ
    (one side was converted: 550 pounds ≈ 250 kg, 85 mph ≈ 136 km/h).
    """
    if _has_readings(a) or _has_readings(b):
        return any(
            _comparable(x, y) and _agree_read(x, y, relative_tolerance)
            for x in _readings(a) for y in _readings(b)
        )
    return _agree_read(a, b, relative_tolerance)


def _agree_read(a: Claim, b: Claim, relative_tolerance: float | Decimal) -> bool:
    """:func:`agree` for one reading of each claim."""
    if a.kind is ClaimKind.DATE or b.kind is ClaimKind.DATE:
        return _dates_agree(a, b)
    if _same_bare_value(a, b):
        return True
    if _AMBIGUOUS_DEGREE in (a.unit, b.unit) and a.unit != b.unit or a.unit == b.unit == _AMBIGUOUS_DEGREE:
        # "80 degrees" in news is a temperature on an unstated scale
        # (and "10 degrees above average" a difference: 10 °F = 5.6 °C)
        return any(
            agree(_with_unit(a, ua), _with_unit(b, ub), relative_tolerance=relative_tolerance)
            for ua, ub in _degree_readings(a.unit, b.unit)
        ) or (a.unit == b.unit and _agree_plain(a, b, relative_tolerance))
    if a.unit in UNIT_READINGS or b.unit in UNIT_READINGS:
        return any(
            _agree_plain(_with_unit(a, ua), _with_unit(b, ub), relative_tolerance)
            for ua in _readings_of(a.unit) for ub in _readings_of(b.unit)
        )
    return _agree_plain(a, b, relative_tolerance)


_AMBIGUOUS_DEGREE = "degree"
_TEMPERATURES = ("degree_Celsius", "degree_Fahrenheit")
#: Units that news texts use for several quantities: "ton" is a short ton in
#: CLDR's English but usually a tonne or a long ton in news; ja "キロ" is a
#: kilometre or a kilogram.
UNIT_READINGS = {
    "ton": ("metric_ton", "ton", "long_ton"),
    "kilo": ("kilometer", "kilogram"),  # ja キロ: distance or weight
}


def _degree_readings(ua: str | None, ub: str | None) -> list[tuple[str | None, str | None]]:
    """Readings of a pair where one or both sides write bare degrees."""
    def options(u):
        return _TEMPERATURES if u == _AMBIGUOUS_DEGREE else (u,)

    pairs = [(x, y) for x in options(ua) for y in options(ub) if (x, y) != (ua, ub)]
    if ua == _AMBIGUOUS_DEGREE or ub == _AMBIGUOUS_DEGREE:
        pairs += [("delta_degree_Celsius", "delta_degree_Fahrenheit"), ("delta_degree_Fahrenheit", "delta_degree_Celsius")]
    return pairs


def _with_unit(c: Claim, unit: str | None) -> Claim:
    from dataclasses import replace

    return c if c.unit == unit else replace(c, unit=unit)


def _agree_plain(a: Claim, b: Claim, relative_tolerance, *, rounded: bool = False) -> bool:
    if a.qualifier is Qualifier.RANGE and b.qualifier is Qualifier.RANGE \
            and None not in (a.low, a.high, b.low, b.high):
        # two ranges state two figures each: "11 to 18" is no "11 y 180", though the two overlap
        return all(_agree_plain(_at(a, x), _at(b, y), relative_tolerance, rounded=rounded)
                   for x, y in ((a.low, b.low), (a.high, b.high)))
    ba = _bounds(a)
    bb = _bounds(b)
    if _one_sided(a) and _one_sided(b) and _one_sided(a) == _one_sided(b):
        # two thresholds in the same direction (über 2 GW, 2ギガワット以上) agree
        # only when the thresholds do: "at least 2" and "more than 3" overlap as
        # sets but state different figures
        ba, bb = _threshold(a), _threshold(b)
    elif _one_sided(a) or _one_sided(b):
        # "more than 86 °C" against an exact figure: true of 90 °C, but a version that says 200 °C
        # states another figure; a threshold reaches THRESHOLD_REACH times its bound, no further
        ba, bb = _reach(a, ba), _reach(b, bb)
    bb = _convert_bounds(bb, b.unit, a.unit)
    if bb is None:
        return False
    if a.unit != b.unit and not counts_alike(a, b):  # converted (a count of points is a count)
        rel = Decimal(str(relative_tolerance))
        if _overlap(_widen(ba, rel), _widen(bb, rel)):
            return True
        if rounded or not rel:
            return False
        # either side may be the other's conversion rounded to a round number (a tolerance of 0
        # asks for exact conversions: no rounding either)
        return any(x is not None and y is not None and _agree_plain(x, y, relative_tolerance, rounded=True)
                   for x, y in ((_as_rounded(a), b), (a, _as_rounded(b))))
    return _overlap(ba, bb)


#: A conversion is written as a round number (40 miles as 60 km, 200 miles as 300 km): a round
#: figure on one side of a conversion stands for what rounds to its last non-zero digit, within
#: this share of its value either way (300 km: 270-330, so 1,500 miles is no 2,000 km).
ROUND_CONVERSION = Decimal("0.1")


def _as_rounded(c: Claim) -> Claim | None:
    """``c`` read as a conversion rounded to its last non-zero digit, or None when it is no exact
    whole figure ending in zeros."""
    if c.value is None or c.precision != 1 or c.qualifier not in (None, Qualifier.ONLY) or c.low != c.high:
        return None
    whole = abs(c.value)
    if whole == 0 or whole % 10:
        return None
    step = Decimal(1)
    while whole % 10 == 0:
        whole, step = whole / 10, step * 10
    from dataclasses import replace

    return replace(c, precision=min(step, abs(c.value) * 2 * ROUND_CONVERSION))


def _at(c: Claim, bound) -> Claim:
    """One end of a range as a figure of its own (the range's written precision)."""
    from dataclasses import replace

    return replace(c, value=bound, low=bound, high=bound, qualifier=None, low_open=False, high_open=False)


def _dates_agree(a: Claim, b: Claim) -> bool:
    if a.low is None or b.low is None:
        # labels: fiscal years, quarters or days without a year
        la, lb = a.label or "", b.label or ""
        if la == lb:
            return True
        # "Q3" (no year) agrees with any third quarter; "--10-03" with any 3 October
        for short, full in ((la, lb), (lb, la)):
            if short and not short[0].isdigit() and full.endswith(short.lstrip("-")) and not short.startswith("FY"):
                return True
            if short.startswith("--") and full.endswith(short[1:]):
                return True
        return False
    return not (cast(date, a.high) < cast(date, b.low) or cast(date, b.high) < cast(date, a.low))


def claim_key(c: Claim) -> str:
    """A stable, locale-free key of a claim's normalized value (for fingerprints and anchors)."""
    return describe_value(c)
