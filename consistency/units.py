"""The pint registry used to compare quantities, built once and only when needed.

Extraction never imports pint (most runs compare figures in the same unit);
the first comparison across units builds the registry.  Units CLDR has and
pint lacks are defined here.
"""

from __future__ import annotations

from functools import lru_cache

#: Definitions added to pint's defaults.  pint's own ``quarter`` is a mass
#: (a quarter hundredweight) and its ``decade`` a ratio, so the calendar ones
#: get their own names.
EXTRA_DEFINITIONS = (
    "calendar_quarter = 3 * month",
    "calendar_decade = 10 * year",  # pint's own "decade" is a logarithmic ratio
)


@lru_cache(maxsize=1)
def registry():
    """The shared :class:`pint.UnitRegistry` (about 0.3 s to build on first use)."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=None)
    for line in EXTRA_DEFINITIONS:
        ureg.define(line)
    return ureg


@lru_cache(maxsize=4096)
def conversion_factor(source: str, target: str):
    """Multiplicative factor from ``source`` to ``target`` unit, or ``None`` when
    they measure different things.  Offsets (°F → °C) return ``None`` here; use
    :func:`convert` for those."""
    from decimal import Decimal

    ureg = registry()
    try:
        a, b = ureg.Unit(source), ureg.Unit(target)
    except Exception:
        return None
    if a.dimensionality != b.dimensionality:
        return None
    try:
        if ureg.Quantity(0, a).to(b).magnitude != 0:
            return None  # an offset scale (°F → °C): not a factor
        return Decimal(repr(ureg.Quantity(1, a).to(b).magnitude))
    except Exception:  # offset units pint refuses to multiply
        return None


def convert(value, source: str, target: str):
    """``value`` (Decimal) from ``source`` to ``target`` or ``None`` if incompatible."""
    from decimal import Decimal

    if source == target:
        return value
    factor = conversion_factor(source, target)
    if factor is not None:
        return value * factor
    ureg = registry()
    try:
        q = ureg.Quantity(float(value), ureg.Unit(source)).to(ureg.Unit(target))
    except Exception:
        return None
    return Decimal(repr(q.magnitude))


def compatible(source: str, target: str) -> bool:
    """Do both units measure the same dimension?"""
    if source == target:
        return True
    ureg = registry()
    try:
        return ureg.Unit(source).dimensionality == ureg.Unit(target).dimensionality
    except Exception:
        return False
