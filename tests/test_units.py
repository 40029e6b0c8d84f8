"""The unit table that keeps pint off the hot path: it agrees with pint and covers the data."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import units
from consistency.locale.cldr import per_unit_names

ROOT = Path(__file__).resolve().parents[1]
TABLE = units.table()["units"]
PAIRS = sorted((a, b) for a in TABLE for b in TABLE if a < b and TABLE[a][0] == TABLE[b][0])


def test_the_shipped_table_is_up_to_date_with_the_data():
    """Every unit the CLDR mapping, the packs and their prefixes can produce is in the table,
    and nothing else: a pack or mapping edit needs `python -m consistency.units --write`."""
    expected = units.build_table(units.known_units())["units"]
    assert sorted(TABLE) == sorted(expected), "run: python -m consistency.units --write"
    assert len(TABLE) > 100


def test_every_pair_of_one_dimension_converts_as_pint_does():
    ureg = units.registry()
    assert len(PAIRS) > 1000
    for a, b in PAIRS:
        for source, target in ((a, b), (b, a)):
            ours = units.convert(Decimal(7), source, target)
            try:
                q = ureg.Quantity(7.0, ureg.Unit(source)).to(ureg.Unit(target))
            except Exception:  # pint refuses (a temperature difference against a point on a scale)
                assert ours is None, (source, target)
                continue
            theirs = Decimal(repr(q.magnitude))
            assert ours is not None, (source, target)
            assert abs(ours - theirs) <= abs(theirs) * Decimal("1e-12"), (source, target, ours, theirs)
            assert units.compatible(source, target)


@settings(max_examples=200)
@given(
    value=st.decimals(min_value=-500, max_value=5000, places=2),
    pair=st.sampled_from([("degree_Fahrenheit", "degree_Celsius"), ("degree_Celsius", "degree_Fahrenheit"),
                          ("kelvin", "degree_Celsius"), ("degree_Celsius", "kelvin"),
                          ("degree_Fahrenheit", "kelvin")]),
)
def test_offset_scales_convert_as_pint_does(value, pair):
    ureg = units.registry()
    source, target = pair
    theirs = Decimal(repr(ureg.Quantity(float(value), ureg.Unit(source)).to(ureg.Unit(target)).magnitude))
    assert units.convert(value, source, target) == theirs
    assert units.conversion_factor(source, target) is None  # an offset is no factor


def test_the_unit_symbols_in_the_data_are_pints():
    # cldr_units.json "symbols": a surface two units share that is one's symbol reads as that one
    import json
    from importlib import resources

    data = json.loads(resources.files("consistency.locale").joinpath("data/cldr_units.json").read_text("utf-8"))
    registry = units.registry()
    assert data["symbols"]
    for unit_id, symbol in data["symbols"].items():
        assert registry.get_symbol(data["units"][unit_id]) == symbol, unit_id


def test_units_of_different_dimensions_do_not_convert():
    assert not units.compatible("gigawatt", "kilometer")
    assert units.convert(Decimal(1), "gigawatt", "kilometer") is None
    assert units.conversion_factor("hour", "meter") is None
    assert units.convert(Decimal(1), "degree_Celsius", "meter") is None


def test_a_unit_the_table_lacks_falls_back_to_pint():
    assert "furlong" not in TABLE
    assert units.convert(Decimal(1), "furlong", "meter") == Decimal(repr(units.registry().Quantity(1, "furlong").to("meter").magnitude))
    assert units.compatible("furlong", "mile")
    assert not units.compatible("furlong", "no_such_unit_name")


def test_a_check_across_units_does_not_import_pint():
    code = (
        "import sys\n"
        "from consistency.cli import main\n"
        "rc = main(['check', 'examples/solar-farm', '--format', 'json'])\n"
        "assert rc == 0, rc\n"
        "assert 'pint' not in sys.modules, 'pint was imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"CLAIM_CONSISTENCY_NO_NOTES": "1", "PATH": "/usr/bin:/bin",
                               "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize(("value", "source", "target", "expected"), [
    ("2", "gigawatt", "megawatt", "2000"),
    ("5", "mile", "kilometer", "8.04672"),
    ("550", "pound", "kilogram", "249.476"),
    ("6.5", "foot", "meter", "1.9812"),
])
def test_familiar_conversions(value, source, target, expected):
    got = units.convert(Decimal(value), source, target)
    assert abs(got - Decimal(expected)) < Decimal("0.001"), got


_PER_UNITS = sorted({u for tag in ("en", "es", "de", "ja") for u in per_unit_names(tag).values()})


@pytest.mark.parametrize("per", _PER_UNITS)
def test_one_unit_per_another_is_composed_from_the_table_as_pint_converts_it(per):
    """CLDR's "per" units after any unit of the table (250 l/m², 5 kg/m², 3 km/day): the composed
    unit converts as pint converts it, to itself and to the same composition in other units, and
    is compatible with what pint says it is compatible with."""
    ureg = units.registry()
    for num, other_num in (("liter", "gallon"), ("kilogram", "pound"), ("kilometer", "mile"), ("hour", "minute")):
        source, target = f"{num}/{per}", f"{other_num}/{per}"
        assert units._entry(source) is not None
        expected = ureg.Quantity(1, source).to(target).magnitude
        assert float(units.conversion_factor(source, target)) == pytest.approx(expected, rel=1e-12)
        for plain in ("millimeter", "kilogram", "hour", "dimensionless"):
            same = ureg.Unit(source).dimensionality == ureg.Unit(plain).dimensionality
            assert units.compatible(source, plain) is same, (source, plain)


def test_rain_in_litres_per_square_metre_is_a_length():
    """1 l/m² of rain is 1 mm: 250 l/m² is 9.84 inches, without pint."""
    assert units.convert(Decimal(250), "liter/meter**2", "millimeter") == pytest.approx(Decimal(250))
    assert abs(units.convert(Decimal(250), "liter/meter**2", "inch") - Decimal("9.8425")) < Decimal("0.001")
    assert units.convert(Decimal(250), "liter/meter**2", "liter") is None
