"""Generates ``consistency/locale/data/regional.json`` (read by :mod:`consistency.locale.regional`)
from babel's CLDR data: the unit and month names the regional variants of each language write
and its base locale does not, the group separators they write with the base locale's decimal
separator, and whether one of them writes the base locale's decimal separator as its group separator.  Variants in another script (en-Dsrt, sr-Latn) are their own locales, not read here.

    python -m consistency.locale.build_regional --write

``tests/test_languages.py`` fails when the shipped table no longer matches babel's data.
"""

from __future__ import annotations


from .regional import EXCLUDED, FILE

__all__ = ["build"]


def _script(tag: str) -> str:
    """The Unicode script ``tag`` is written in: its script subtag or CLDR's likely one, Hans and
    Hant both Hani."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    parts = tag.split("_")
    script = next((p for p in parts[1:] if len(p) == 4), None)
    if script is None:
        full = likely.get(tag) or likely.get(parts[0]) or ""
        script = next((p for p in full.split("_")[1:] if len(p) == 4), "")
    return "Hani" if script in ("Hans", "Hant") else script


def build(languages: set[str] | None = None) -> dict:
    """The table, from babel's data (slow: every regional locale is read); ``languages`` limits it."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    from .cldr import compact_scales, month_names, unit_names

    by_language: dict[str, list[str]] = {}
    for tag in sorted(locale_identifiers()):
        language, _, rest = tag.partition("_")
        # a variant in another script (en_Dsrt's Deseret months, sr_Latn) is no text of the base
        # locale; zh_Hant is (Han either way)
        if rest and (languages is None or language in languages) and _script(tag) == _script(language):
            by_language.setdefault(language, []).append(tag)
    units: dict[str, dict[str, str]] = {}
    months: dict[str, dict[str, int]] = {}
    groups: dict[str, str] = {}
    decimal_groups: dict[str, str] = {}
    for language, tags in sorted(by_language.items()):
        try:
            base = Locale.parse(language)
        except Exception:  # noqa: BLE001 - a regional locale whose language babel lacks
            continue
        base_units = unit_names(base._data)
        base_months = month_names(base._data)
        # a variant's unit that is a scale word of the base (es-US's Scandinavian mile "mil", the
        # Spanish thousand) is left out: the base's texts write it as the scale
        base_scales = compact_scales(dict(base._data))
        base_symbols = base._data.get("number_symbols", {}).get("latn", {})
        extra_groups = ""
        extra_units: dict[str, str] = {}
        extra_months: dict[str, int] = {}
        for tag in tags:
            data = Locale.parse(tag)._data
            symbols = data.get("number_symbols", {}).get("latn", {})
            group = symbols.get("group", "")
            # pt-PT's 820 000 in pt, whose own group is a period: read where the decimal is the same
            if symbols.get("decimal") == base_symbols.get("decimal") and group \
                    and group != base_symbols.get("group") and group not in extra_groups:
                extra_groups += group
            # ar-MA's 150.000 is 150,000 where ar writes 150.000 for 150: the base's decimal sign is
            # a variant's group separator
            if group and group == base_symbols.get("decimal"):
                decimal_groups[language] = group
            for surface, unit in unit_names(data, widths=("long", "short")).items():
                if surface not in base_units and surface not in base_scales and surface not in EXCLUDED and len(surface) > 2 \
                        and not surface.startswith("/"):
                    extra_units.setdefault(surface, unit)
            for name, number in month_names(data).items():
                if name not in base_months:
                    extra_months.setdefault(name, number)
        if extra_units:
            units[language] = dict(sorted(extra_units.items()))
        if extra_months:
            months[language] = dict(sorted(extra_months.items()))
        if extra_groups:
            groups[language] = "".join(sorted(extra_groups))
    import babel

    return {"_comment": "written by `python -m consistency.locale.build_regional --write` from babel's CLDR data; "
                        "do not edit", "babel": babel.__version__, "units": units, "months": months,
            "groups": groups, "decimal_groups": dict(sorted(decimal_groups.items()))}


def _main(argv: list[str] | None = None) -> int:
    from .generate import main

    return main(argv, module="consistency.locale.build_regional", doc=__doc__ or "", file=FILE, build=build,
                describe=lambda d: f"{sum(len(v) for v in d['units'].values())} unit and "
                                   f"{sum(len(v) for v in d['months'].values())} month names of regional variants")

if __name__ == "__main__":
    raise SystemExit(_main())
