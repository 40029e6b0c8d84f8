"""Generates ``consistency/locale/data/short_names.json`` from ICU: CLDR's short names of
territories (``alt="short"``: en ``US``, ``UK``; ro ``S.U.A.``; es ``EE. UU.``; nl ``VS``; el
``ΗΠΑ``; pt ``EUA``), which babel does not carry and news writes far more often than the long
names (``United States``).  Read by the gazetteer (:func:`consistency.extract.vocabulary.gazetteer`).

    python -m consistency.locale.build_short_names --write

PyICU is needed only here and for the test that checks the shipped table.
"""

from __future__ import annotations


__all__ = ["build"]

FILE = "data/short_names.json"


def build() -> dict:
    """The table, from ICU (``LocaleDisplayNames`` with ``LENGTH_SHORT``), for every language babel
    knows: the short names that differ from CLDR's long ones."""
    import icu
    from babel import Locale
    from babel.localedata import locale_identifiers

    languages = sorted({tag.split("_")[0] for tag in locale_identifiers()})
    codes = sorted(str(c) for c in Locale.parse("en").territories if str(c).isalpha() and len(str(c)) == 2)
    out: dict[str, dict[str, str]] = {}
    for language in languages:
        locale = icu.Locale(language)
        short = icu.LocaleDisplayNames.createInstance(locale, [icu.UDisplayContext.LENGTH_SHORT])
        full = icu.LocaleDisplayNames.createInstance(locale, [icu.UDisplayContext.LENGTH_FULL])
        # where CLDR has no short form the two are the same (and a language ICU lacks falls back)
        names = {code: name for code in codes
                 if (name := str(short.regionDisplayName(code))) and name != str(full.regionDisplayName(code))}
        if names:
            out[language] = names
    return {"_comment": "written by `python -m consistency.locale.build_short_names --write` from ICU; do not edit",
            "icu": icu.ICU_VERSION, "names": out}


def _main(argv: list[str] | None = None) -> int:
    from .generate import main

    return main(argv, module="consistency.locale.build_short_names", doc=__doc__ or "", file=FILE, build=build,
                describe=lambda d: f"{sum(len(v) for v in d['names'].values())} short names of "
                                   f"{len(d['names'])} languages", sort_keys=True)

if __name__ == "__main__":
    raise SystemExit(_main())
