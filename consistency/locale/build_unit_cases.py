"""Generates ``consistency/locale/data/unit_cases.json`` from ICU: CLDR's unit names in the
grammatical cases of the languages that decline them (``<unitPattern case="genitive">``), which
babel does not carry.  Greek writes ``2,4 εκατομμυρίων`` and ``6 μέτρων`` (genitive), Russian
``5 километрами``, Finnish ``35 millimetrin``, Hungarian ``5 méterrel``, Hindi ``वर्षों``
(oblique): babel knows only the nominative forms (``μέτρα``, ``километры``).  Read by
:func:`consistency.locale.cldr.tables` beside the nominative names, which win where a written
form is both.

    python -m consistency.locale.build_unit_cases --write

PyICU is needed only here and for the test that checks the shipped table.
"""

from __future__ import annotations

from .generate import main

__all__ = ["build"]

FILE = "data/unit_cases.json"
#: ICU's tables of unit names, by width: long names carry the cases
_WIDTHS = ("units", "unitsShort")


def build() -> dict:
    """The table, from ICU's unit resource bundle, for every language babel knows:
    ``{"icu_version": …, "languages": {language: {written form, case folded: CLDR unit id}}}``,
    the forms of every case ICU lists for a unit (a form two units share is left out)."""
    import icu
    from babel.localedata import locale_identifiers

    from .cldr import unit_ids

    known = unit_ids()  # the units a figure is read in (cldr_units.json)
    major = icu.ICU_VERSION.split(".")[0]
    bundle_name = f"icudt{major}l-unit"
    languages = sorted({tag.split("_")[0] for tag in locale_identifiers()})
    out: dict[str, dict[str, str]] = {}
    for language in languages:
        try:
            bundle = icu.ResourceBundle(bundle_name, icu.Locale(language))
        except icu.ICUError:
            continue
        if bundle.getLocale().getLanguage() != language:
            continue  # a fallback's data: not this language's
        units_of: dict[str, set[str]] = {}
        for width in _WIDTHS:
            try:
                table = bundle.get(width)
            except icu.ICUError:
                continue
            for category in _children(icu, table):
                for unit in _children(icu, category):
                    cases = _child(icu, unit, "case")
                    if cases is None:
                        continue
                    unit_id = f"{category.getKey()}-{unit.getKey()}"
                    if unit_id not in known:
                        continue
                    for case in _children(icu, cases):
                        for plural in _children(icu, case, tables=False):
                            pattern = plural.getString()
                            if "{0}" not in pattern:
                                continue
                            surface = pattern.replace("{0}", "").strip(" \u00a0\u202f").casefold()
                            if surface:
                                units_of.setdefault(surface, set()).add(unit_id)
        forms = {surface: next(iter(ids)) for surface, ids in sorted(units_of.items()) if len(ids) == 1}
        if forms:
            out[language] = forms
    return {"icu_version": icu.ICU_VERSION, "languages": out}


def _children(icu, table, *, tables: bool = True):
    want = icu.UResType.TABLE if tables else icu.UResType.STRING
    for i in range(table.getSize()):
        child = table.get(i)
        if child.getType() == want:
            yield child


def _child(icu, table, key: str):
    for i in range(table.getSize()):
        child = table.get(i)
        if child.getKey() == key and child.getType() == icu.UResType.TABLE:
            return child
    return None


def _main(argv: list[str] | None = None) -> int:
    def describe(data: dict) -> str:
        langs = data["languages"]
        return f"{sum(map(len, langs.values()))} case forms of units in {len(langs)} languages (ICU {data['icu_version']})"

    return main(argv, module="consistency.locale.build_unit_cases", doc=__doc__ or "", file=FILE, build=build,
                describe=describe, sort_keys=True)


if __name__ == "__main__":
    raise SystemExit(_main())
