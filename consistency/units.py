"""Unit conversion for comparing quantities, from a table generated from pint.

pint costs 0.3-0.9 s to import and build in every fresh process (a pre-commit hook, an xdist
worker, a CI job), and nearly every article compares a figure across units (`2 GW` against
`2.000 Megawatt`).  So the conversions come from ``locale/data/units.json``, written from pint by
``python -m consistency.units --write``: for every unit the extractors can produce (CLDR's unit
names, the packs' unit words and counters, the packs' unit prefixes composed with them, and the
names :mod:`consistency.match.agreement` uses), its dimensionality and its factor to pint's root units (a
float, as pint keeps it); a conversion is the ratio of two factors.  For offset scales (°C, °F) the
table holds pint's converter scale and offset, applied with the float operations pint applies.
``tests/test_units.py`` checks every pair in the table against pint (equal to 1e-12 relative: pint
composes factors in another order, so the last binary digit may differ) and that the table covers
every unit the data can produce.  One unit per another (``liter/meter**2``, read from CLDR's "per"
patterns: 250 l/m² of rain) is composed from the table's entries of both.  A unit not in the table
(a user's vocabulary, a composition the table lacks) falls back to pint, built once and only then:
results never depend on the table.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

__all__ = ["EXTRA_DEFINITIONS", "compatible", "conversion_factor", "convert", "known_units", "registry", "table"]

#: Definitions added to pint's defaults.  pint's own ``quarter`` is a mass
#: (a quarter hundredweight) and its ``decade`` a ratio, so the calendar ones
#: get their own names.
EXTRA_DEFINITIONS = (
    "calendar_quarter = 3 * month",
    "calendar_decade = 10 * year",  # pint's own "decade" is a logarithmic ratio
    # points of a score, an index or a poll (consistency.model.SCORE_POINT): a dimension of their
    # own (pint's "point" is the typographic length)
    "score_point = [score]",
    # CLDR's length-mile-scandinavian (sv, nb, nn "mil"; fi "peninkulma"; da "svensk mil"), which
    # pint lacks (its "mil" is a thousandth of an inch)
    "scandinavian_mile = 10 * kilometer",
)

#: unit names the comparison itself uses (temperature differences for bare "degrees")
EXTRA_NAMES = ("delta_degree_Celsius", "delta_degree_Fahrenheit", "kelvin")

_TABLE_FILE = "data/units.json"


@lru_cache(maxsize=1)
def registry():
    """The shared :class:`pint.UnitRegistry` (0.3-0.9 s to import and build): only for units
    the table does not know, and for writing the table."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=None)
    for line in EXTRA_DEFINITIONS:
        ureg.define(line)
    return ureg


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The generated table: ``units`` (name -> [dimensionality, factor or scale, offset or None]);
    empty when the file is missing."""
    try:
        with resources.files("consistency.locale").joinpath(_TABLE_FILE).open(encoding="utf-8") as fh:
            return json.load(fh)
    except (FileNotFoundError, OSError, ValueError):
        return {"units": {}}


@lru_cache(maxsize=4096)
def conversion_factor(source: str, target: str) -> Decimal | None:
    """Multiplicative factor from ``source`` to ``target`` unit, or ``None`` when
    they measure different things.  Offsets (°F → °C) return ``None`` here; use
    :func:`convert` for those."""
    a, b = _entry(source), _entry(target)
    if a is not None and b is not None:
        (dim_a, factor_a, offset_a), (dim_b, factor_b, offset_b) = a, b
        if dim_a != dim_b or offset_a is not None or offset_b is not None:
            return None
        return Decimal(repr(factor_a / factor_b))
    return _pint_factor(source, target)


@lru_cache(maxsize=4096)
def _entry(unit: str) -> tuple[frozenset[tuple[str, int]], float, float | None] | None:
    """``unit``'s (dimensions, factor, offset) from the table, or for one unit per another
    (``liter/meter**2``: 250 l/m² of rain, as CLDR's "per" patterns write it) composed from the
    table's entries of both; None where the table cannot say (pint then does)."""
    units = table()["units"]
    if unit in units:
        dim, factor, offset = units[unit]
        return _dimensions(dim), factor, offset
    num, slash, den = unit.partition("/")
    if not slash or num not in units or den not in units:
        return None
    (dim_a, factor_a, offset_a), (dim_b, factor_b, offset_b) = units[num], units[den]
    if offset_a is not None or offset_b is not None:
        return None  # °C per hour: no scale to compose
    dims = dict(_dimensions(dim_a))
    for name, power in _dimensions(dim_b):
        dims[name] = dims.get(name, 0) - power
    return frozenset((k, v) for k, v in dims.items() if v), factor_a / factor_b, None


@lru_cache(maxsize=256)
def _dimensions(text: str) -> frozenset[tuple[str, int]]:
    """pint's dimensionality as written (``[mass] / [length] ** 2``, ``1 / [time]``,
    ``dimensionless``) as (dimension, power) pairs."""
    import re

    out: dict[str, int] = {}
    for op, name, power in re.findall(r"([*/]?)\s*(\[\w+\])(?:\s*\*\*\s*(-?\d+))?", text):
        out[name] = out.get(name, 0) + (-1 if op == "/" else 1) * int(power or 1)
    return frozenset((k, v) for k, v in out.items() if v)


def _pint_factor(source: str, target: str) -> Decimal | None:
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
    if source == target:
        return value
    factor = conversion_factor(source, target)
    if factor is not None:
        return value * factor
    a, b = _entry(source), _entry(target)
    if a is not None and b is not None:
        (dim_a, scale_a, offset_a), (dim_b, scale_b, offset_b) = a, b
        if dim_a != dim_b or (offset_a is None and offset_b is None):
            return None
        if source.startswith("delta_") or target.startswith("delta_"):
            return None  # pint: a temperature difference is no point on an offset scale
        # pint's OffsetConverter: to the reference unit, then from it, in floats
        x = float(value) * scale_a + (offset_a or 0.0)
        return Decimal(repr((x - (offset_b or 0.0)) / scale_b))
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
    a, b = _entry(source), _entry(target)
    if a is not None and b is not None:
        return a[0] == b[0]
    ureg = registry()
    try:
        return ureg.Unit(source).dimensionality == ureg.Unit(target).dimensionality
    except Exception:
        return False


# ----------------------------------------------------------------------------- the table


def known_units() -> list[str]:
    """Every unit name the shipped data can make a claim carry, sorted."""
    import tomllib


    names: set[str] = set(EXTRA_NAMES)
    with resources.files("consistency.locale").joinpath("data/cldr_units.json").open(encoding="utf-8") as fh:
        names.update(v for v in json.load(fh)["units"].values() if v)
    prefixes: set[str] = set()
    for path in sorted(resources.files("consistency.locale").joinpath("packs").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".toml"):
            continue
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        names.update(v for v in (data.get("units") or {}).values() if isinstance(v, str) and v)
        names.update(v for v in ((data.get("counters") or {}).get("units") or {}).values() if isinstance(v, str) and v)
        names.update(v for v in (data.get("unit_alternatives") or {}).values() if isinstance(v, str) and v)
        prefixes.update(v for v in (data.get("unit_prefixes") or {}).values() if isinstance(v, str) and v)
    from .locale.packs import shared_unit_alternatives

    names.update(u for words in shared_unit_alternatives().values() for u in words.values() if u)
    base = sorted(names)
    # the extractor's composition for "時速85マイル": UNIT + "/" + prefix unit (kilo(gram) read as km)
    for prefix in prefixes:
        names.update(f"{'kilometer' if u in ('kilogram', 'kilo') else u}/{prefix}" for u in base)
    return sorted(names)


def build_table(names: Iterable[str]) -> dict[str, Any]:
    """The table for ``names`` from pint (units pint cannot parse are left out)."""
    import pint

    ureg = registry()
    units: dict[str, list] = {}
    for name in names:
        try:
            unit = ureg.Unit(name)
        except Exception:
            continue
        converter = None
        if len(unit._units) == 1:
            only = next(iter(unit._units))
            definition = ureg._units.get(only)
            converter = getattr(definition, "converter", None)
        offset = getattr(converter, "offset", None) if converter is not None else None
        if offset and converter is not None:  # an offset scale: pint's converter, applied as pint applies it
            units[name] = [str(unit.dimensionality), float(converter.scale), float(offset)]
        else:
            factor, _root = ureg.get_root_units(unit)
            units[name] = [str(unit.dimensionality), float(factor), None]
    return {"_comment": "written by `python -m consistency.units --write` from pint; do not edit",
            "pint": pint.__version__, "units": dict(sorted(units.items()))}


def _main(argv: list[str] | None = None) -> int:
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m consistency.units", description="write the unit table from pint")
    parser.add_argument("--write", action="store_true", help="rewrite consistency/locale/data/units.json")
    args = parser.parse_args(argv)
    data = build_table(known_units())
    text = "{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()
                             if k != "units")
    text += ',\n"units": {\n' + ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in data["units"].items())
    text += "\n}\n}\n"
    if args.write:
        path = Path(__file__).parent / "locale" / _TABLE_FILE
        path.write_text(text, encoding="utf-8")
        print(f"wrote {len(data['units'])} units to {path}")
    else:
        print(f"{len(data['units'])} units (use --write to save)")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
