"""What the regional variants of a language write that its base locale does not: unit and month names.

CLDR gives ``en`` the American spellings (``kilometers``, ``liters``) and puts the British ones
(``kilometres``, ``litres``, ``kph``) in ``en-GB``, ``en-AU``, ``en-IN`` …; Spanish ``setiembre``
is in ``es-PE``.  An article tagged ``en`` may be written in any of them, so the extractor of a
language reads the unit and month names of all its regional variants, its own winning.

Reading every regional locale of babel takes about a second per language, too slow for a cold
start, so the table is generated once into ``data/regional.json``:

    python -m consistency.locale.regional --write

and ``tests/test_regional.py`` fails when the shipped table no longer matches babel's data.

Left out: narrow unit forms and surfaces of one or two letters (``h``; they are ambiguous
across variants), surfaces that are not unit names in running text (``EXCLUDED``: ``bus.`` is a
bushel only in tables), and any surface the base locale already maps.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["regional_months", "regional_units", "build"]

_FILE = "data/regional.json"

#: Surfaces of regional variants that are ordinary words or table-only abbreviations in prose.
EXCLUDED = frozenset({"bus.", "hrs", "hr", "yr", "yrs", "min.", "sec.", "pt", "pts", "lb.", "oz."})


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.files("consistency.locale").joinpath(_FILE).open(encoding="utf-8") as fh:
        return json.load(fh)


def regional_units(language: str) -> dict[str, str]:
    """Unit surface (casefolded) -> pint unit, from the regional variants of ``language`` only."""
    return _data()["units"].get(language, {})


def regional_months(language: str) -> dict[str, int]:
    """Month name (casefolded) -> 1..12, from the regional variants of ``language`` only."""
    return _data()["months"].get(language, {})


def build(languages: set[str] | None = None) -> dict:
    """The table, from babel's data (slow: every regional locale is read); ``languages`` limits it."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    from .cldr import _months, _units

    by_language: dict[str, list[str]] = {}
    for tag in sorted(locale_identifiers()):
        language, _, rest = tag.partition("_")
        if rest and (languages is None or language in languages):
            by_language.setdefault(language, []).append(tag)
    units: dict[str, dict[str, str]] = {}
    months: dict[str, dict[str, int]] = {}
    for language, tags in sorted(by_language.items()):
        try:
            base = Locale.parse(language)
        except Exception:  # noqa: BLE001 - a regional locale whose language babel lacks
            continue
        base_units = _units(base._data)
        base_months = _months(base._data)
        extra_units: dict[str, str] = {}
        extra_months: dict[str, int] = {}
        for tag in tags:
            data = Locale.parse(tag)._data
            for surface, unit in _units(data, widths=("long", "short")).items():
                if surface not in base_units and surface not in EXCLUDED and len(surface) > 2 \
                        and not surface.startswith("/"):
                    extra_units.setdefault(surface, unit)
            for name, number in _months(data).items():
                if name not in base_months:
                    extra_months.setdefault(name, number)
        if extra_units:
            units[language] = dict(sorted(extra_units.items()))
        if extra_months:
            months[language] = dict(sorted(extra_months.items()))
    import babel

    return {"_comment": "written by `python -m consistency.locale.regional --write` from babel's CLDR data; "
                        "do not edit", "babel": babel.__version__, "units": units, "months": months}


def _main(argv: list[str] | None = None) -> int:
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m consistency.locale.regional", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite consistency/locale/{_FILE}")
    args = parser.parse_args(argv)
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    count = sum(len(v) for v in data["units"].values()), sum(len(v) for v in data["months"].values())
    if args.write:
        path = Path(__file__).parent / _FILE
        path.write_text(text, encoding="utf-8")
        print(f"wrote {count[0]} unit and {count[1]} month names of regional variants to {path}")
    else:
        print(f"{count[0]} unit and {count[1]} month names (use --write to save)")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
