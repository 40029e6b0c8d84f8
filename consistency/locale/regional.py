"""What the regional variants of a language write that its base locale does not: unit and month
names, and group separators.

CLDR gives ``en`` the American spellings (``kilometers``, ``liters``) and puts the British ones
(``kilometres``, ``litres``, ``kph``) in ``en-GB``, ``en-AU``, ``en-IN`` …; Spanish ``setiembre``
is in ``es-PE``.  An article tagged ``en`` may be written in any of them, so the extractor of a
language reads the unit and month names of all its regional variants, its own winning.

Reading every regional locale of babel takes about a second per language, too slow for a cold
start, so the table is generated once into ``data/regional.json``:

    python -m consistency.locale.build_regional --write

and ``tests/test_regional.py`` fails when the shipped table no longer matches babel's data.

The same goes for numbers: Portuguese from Portugal groups ``820 000`` where ``pt`` (Brazil)
writes ``820.000``; with the same decimal comma, either is unambiguous, so ``pt`` reads both.
Where a variant groups with the base's decimal sign (Moroccan Arabic's ``150.000`` is 150,000;
``ar`` reads 150), the number is ambiguous and keeps both readings (:func:`decimal_as_group`).

Left out: variants in another script (``en-Dsrt``'s Deseret month names; ``sr-Latn`` is a locale
of its own), narrow unit forms and surfaces of one or two letters (``h``; they are ambiguous
across variants), surfaces that are not unit names in running text (``EXCLUDED``: ``bus.`` is a
bushel only in tables), and any surface the base locale already maps.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["EXCLUDED", "decimal_as_group", "regional_groups", "regional_months", "regional_units"]

FILE = "data/regional.json"

#: Surfaces of regional variants that are ordinary words or table-only abbreviations in prose.
EXCLUDED = frozenset({"bus.", "hrs", "hr", "yr", "yrs", "min.", "sec.", "pt", "pts", "lb.", "oz."})


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.files("consistency.locale").joinpath(FILE).open(encoding="utf-8") as fh:
        return json.load(fh)


def regional_units(language: str) -> dict[str, str]:
    """Unit surface (casefolded) -> pint unit, from the regional variants of ``language`` only."""
    return _data()["units"].get(language, {})


def regional_months(language: str) -> dict[str, int]:
    """Month name (casefolded) -> 1..12, from the regional variants of ``language`` only."""
    return _data()["months"].get(language, {})


def regional_groups(language: str) -> str:
    """The group separators the regional variants of ``language`` write with its own decimal
    separator (pt: pt-PT's no-break space, so ``820 000``; en: en-CH's apostrophe)."""
    return _data().get("groups", {}).get(language, "")


def decimal_as_group(language: str) -> str:
    """The base locale's decimal separator when a regional variant of ``language`` writes it as its
    group separator, else ``""``: ar ``.`` (ar-MA writes ``150.000`` for 150,000), es ``,`` (es-MX),
    en ``.`` (en-DE); de, ja and ru none.  A number written with it and exactly three digits after
    (``150.000``) may be read either way."""
    return _data().get("decimal_groups", {}).get(language, "")
