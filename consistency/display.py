"""How a claim's normalized value is written: for machines (:func:`describe_value`, the JSON
``value`` and fingerprints) and for people (:func:`display_value`, terminal, HTML and CSV reports).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from .model import Claim, ClaimKind

__all__ = ["describe_value", "display_value"]


def describe_value(c: Claim) -> str:
    """The normalized value shown to people: ``8E+10 USD``, ``(2, ∞) gigawatt``, ``2022-H2``."""
    if c.kind is ClaimKind.DATE:
        return c.label or (cast(date, c.low).isoformat() if c.low else "?")
    if c.kind is ClaimKind.ORDINAL:
        return f"#{c.value}"
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
#: units whose name is no English word
_UNIT_NAMES = {"score_point": "point"}
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
        return _display_date(c.label) if c.label else (cast(date, c.low).isoformat() if c.low else "?")
    if c.kind is ClaimKind.ORDINAL:
        n = int(cast(Decimal, c.value))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    unit = _UNIT_SYMBOLS.get(c.unit or "", _UNIT_NAMES.get(c.unit or "", (c.unit or "").replace("_", " ")))
    unit = unit.replace("**2", "²").replace("**3", "³")  # pint's meter**2: square metres as written
    if unit and c.unit not in _UNIT_SYMBOLS and (c.value is None or c.value != 1) and unit.islower():
        unit = _plural(unit)
    unit = f" {unit}" if unit and unit != "%" else unit
    if c.value is not None and c.low == c.high == c.value:
        return _number(c.value) + unit
    if c.low is not None and c.high is not None:
        exponent = _scale_of(max(abs(cast(Decimal, c.low)), abs(cast(Decimal, c.high))))
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
