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

from decimal import Decimal

from .model import Claim, ClaimKind, Qualifier

__all__ = ["UNIT_READINGS", "agree", "comparable", "claim_key", "describe_value"]

#: Claim kinds whose values can be compared with each other.
_NUMERIC = {ClaimKind.COUNT, ClaimKind.QUANTITY, ClaimKind.MONEY, ClaimKind.PERCENT, ClaimKind.DURATION}
_HALF = Decimal("0.5")


def _readings(c: Claim) -> list[Claim]:
    """The claim, and the claim read with its alternative unit (ポンド as weight)."""
    if c.alt_unit is None:
        return [c]
    from dataclasses import replace

    return [replace(c, alt_unit=None), replace(c, kind=ClaimKind.QUANTITY, unit=c.alt_unit, alt_unit=None)]


def comparable(a: Claim, b: Claim) -> bool:
    """Do ``a`` and ``b`` measure the same kind of thing (so a disagreement is an error)?"""
    if a.alt_unit or b.alt_unit:
        return any(_comparable(x, y) for x in _readings(a) for y in _readings(b))
    return _comparable(a, b)


def _comparable(a: Claim, b: Claim) -> bool:
    if a.kind is ClaimKind.DATE or b.kind is ClaimKind.DATE:
        return a.kind is b.kind
    if a.kind not in _NUMERIC or b.kind not in _NUMERIC:
        return False
    if _same_bare_value(a, b):
        return True
    if a.kind is ClaimKind.MONEY or b.kind is ClaimKind.MONEY:
        return a.kind is b.kind and a.unit == b.unit
    if a.kind is ClaimKind.PERCENT or b.kind is ClaimKind.PERCENT:
        return a.kind is b.kind
    if a.kind is ClaimKind.COUNT or b.kind is ClaimKind.COUNT:
        return a.kind is b.kind or _same_bare_value(a, b)
    if a.unit == b.unit:
        return True
    if a.unit in UNIT_READINGS or b.unit in UNIT_READINGS:
        from .units import compatible as _compatible

        return any(_compatible(x, y) for x in UNIT_READINGS.get(a.unit, (a.unit,))
                   for y in UNIT_READINGS.get(b.unit, (b.unit,)))
    if _AMBIGUOUS_DEGREE in (a.unit, b.unit) and {a.unit, b.unit} <= {_AMBIGUOUS_DEGREE, *_TEMPERATURES}:
        return True
    from .units import compatible

    return compatible(a.unit, b.unit)


def _same_bare_value(a: Claim, b: Claim) -> bool:
    """One side dropped the unit or currency but kept the figure (1100万 for
    £11 million): the same value, so the figures correspond and agree."""
    if (a.kind is ClaimKind.COUNT) == (b.kind is ClaimKind.COUNT):
        return False
    return a.value is not None and a.value == b.value and abs(a.value) >= 10


def _bounds(c: Claim) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """The claim's interval widened by half its written precision where the text
    committed to a value, not to a threshold (``über 2`` stays open at 2)."""
    low, high = c.low, c.high
    lo_open, hi_open = c.low_open, c.high_open
    if c.precision is not None and c.qualifier in (None, Qualifier.ONLY, Qualifier.RANGE, Qualifier.SEVERAL):
        half = c.precision * _HALF
        low = None if low is None else low - half
        high = None if high is None else high + half
        # what rounds to 2 lies in [1.5, 2.5); a figure with more digits than Decimal's 28 keeps
        # its bound where adding half a unit changes nothing, and is then closed (it equals itself)
        hi_open = high is not None and c.high is not None and high > c.high
    return low, lo_open, high, hi_open


def _one_sided(c: Claim) -> str | None:
    if c.low is not None and c.high is None:
        return "low"
    if c.high is not None and c.low is None:
        return "high"
    return None


def _threshold(c: Claim):
    """The stated threshold as a point widened by half its written precision."""
    point = c.low if c.low is not None else c.high
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
    from .units import convert

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


def agree(a: Claim, b: Claim, *, relative_tolerance: float | Decimal = Decimal("0.02")) -> bool:
    """Do two comparable claims state compatible values?

    ``relative_tolerance`` is extra slack applied only when the units differ
    (one side was converted: 550 pounds ≈ 250 kg, 85 mph ≈ 136 km/h).
    """
    if a.alt_unit or b.alt_unit:
        return any(
            _comparable(x, y) and agree(x, y, relative_tolerance=relative_tolerance)
            for x in _readings(a) for y in _readings(b)
        )
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
            for ua in UNIT_READINGS.get(a.unit, (a.unit,)) for ub in UNIT_READINGS.get(b.unit, (b.unit,))
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


def _agree_plain(a: Claim, b: Claim, relative_tolerance) -> bool:
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
    if a.unit != b.unit:
        rel = Decimal(str(relative_tolerance))
        ba, bb = _widen(ba, rel), _widen(bb, rel)
    return _overlap(ba, bb)


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
    return not (a.high < b.low or b.high < a.low)


def claim_key(c: Claim) -> str:
    """A stable, locale-free key of a claim's normalized value (for fingerprints and anchors)."""
    return describe_value(c)


def describe_value(c: Claim) -> str:
    """The normalized value shown to people: ``8E+10 USD``, ``(2, ∞) gigawatt``, ``2022-H2``."""
    if c.kind is ClaimKind.DATE:
        return c.label or (c.low.isoformat() if c.low else "?")
    unit = f" {c.unit}" if c.unit else ""
    if c.value is not None and c.low == c.high == c.value:
        return f"{c.value}{unit}"
    lo = "-∞" if c.low is None else str(c.low)
    hi = "∞" if c.high is None else str(c.high)
    left = "(" if c.low is None or c.low_open else "["
    right = ")" if c.high is None or c.high_open else "]"
    return f"{left}{lo}, {hi}{right}{unit}"


# --------------------------------------------------------------------------- for people

_SCALES = ((12, "trillion"), (9, "billion"), (6, "million"))
_UNIT_SYMBOLS = {"percent": "%", "degree_Celsius": "°C", "degree_Fahrenheit": "°F", "degree": "°"}
_PARTS = {"begin": "early {}", "mid": "mid-{}", "end": "late {}"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def display_value(c: Claim) -> str:
    """The value as a reader writes it, for human reports (the JSON keeps :func:`describe_value`).

    >>> from consistency.extract import extract_claims
    >>> [display_value(c) for c in extract_claims("800億ドル、2022年後半、約3.5%", "ja")]
    ['80 billion USD', 'H2 2022', '3.325–3.675%']
    >>> [display_value(c) for c in extract_claims("über 2 GW für 380.000 Haushalte, 1 Monat", "de")]
    ['more than 2 gigawatts', '380,000', '1 month']
    """
    if c.kind is ClaimKind.DATE:
        return _display_date(c.label) if c.label else (c.low.isoformat() if c.low else "?")
    unit = _UNIT_SYMBOLS.get(c.unit or "", (c.unit or "").replace("_", " "))
    if unit and c.unit not in _UNIT_SYMBOLS and (c.value is None or c.value != 1) and unit.islower():
        unit = _plural(unit)
    unit = f" {unit}" if unit and unit != "%" else unit
    if c.value is not None and c.low == c.high == c.value:
        return _number(c.value) + unit
    if c.low is not None and c.high is not None:
        exponent = _scale_of(max(abs(c.low), abs(c.high)))
        low, high = _number(c.low, exponent, word=False), _number(c.high, exponent)
        return f"{low}–{high}{unit}"
    if c.low is not None:
        return ("more than " if c.low_open else "at least ") + _number(c.low) + unit
    if c.high is not None:
        return ("less than " if c.high_open else "at most ") + _number(c.high) + unit
    return "any" + unit


_IRREGULAR = {"foot": "feet", "inch": "inches", "century": "centuries", "square foot": "square feet",
              "square inch": "square inches", "cubic foot": "cubic feet", "Hertz": "hertz", "hertz": "hertz"}


def _plural(unit: str) -> str:
    """``month`` -> ``months``, ``kilometer/hour`` -> ``kilometers/hour``, ``foot`` -> ``feet``."""
    head, slash, tail = unit.partition("/")
    if head in _IRREGULAR:
        head = _IRREGULAR[head]
    elif not head.endswith(("s", "x")) and head[-1:].isalpha():
        head += "s"
    return head + slash + tail


def _scale_of(value) -> int | None:
    for exponent, _word in _SCALES:
        if value >= Decimal(10) ** exponent:
            return exponent
    return None


def _number(value, exponent: int | None = -1, *, word: bool = True) -> str:
    """``4.2E+9`` -> ``4.2 billion``; ``380000`` -> ``380,000``; ``3.325`` -> ``3.325``."""
    if exponent == -1:
        exponent = _scale_of(abs(value))
    if exponent is None:
        return f"{Decimal(value).normalize():,f}" if value == value.to_integral_value() or abs(value) >= 1 \
            else f"{Decimal(value).normalize():f}"
    scaled = (Decimal(value) / (Decimal(10) ** exponent)).normalize()
    text = f"{scaled:,f}"
    return f"{text} {dict(_SCALES)[exponent]}" if word else text


def _display_date(label: str) -> str:
    """``2022-H2`` -> ``H2 2022``, ``2027-begin`` -> ``early 2027``, ``2022-03`` -> ``March 2022``, ``C9`` ->
    ``9th century``; other labels (ISO dates, ``FY2028``) as they are."""
    import re

    if m := re.fullmatch(r"(\d{4}s?)-(begin|mid|end)", label):
        return _PARTS[m.group(2)].format(m.group(1))
    if m := re.fullmatch(r"(\d{4})-([HQ]\d)", label):
        return f"{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    if m := re.fullmatch(r"C(\d+)", label):
        n = int(m.group(1))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    return label
