"""Generates ``consistency/locale/data/icu_months.json``: the Gregorian month names ICU's copy of
CLDR gives a language and babel's does not.

The two libraries ship different releases of CLDR, and month names change between releases while
the old ones stay in use.  Sinhala is the largest case: babel's CLDR has the traditional names
(``බිනර`` for September), ICU's the loanwords news writes (``සැප්තැම්බර්``); Persian's ezafe forms
(``ژانویهٔ``), Bengali's older spellings (``জানুয়ারী``), Kikuyu's and Northern Sotho's names of
either release, and so on.  An article may be written with either, so the extractor of a language
reads both, babel's winning where a name is in both.

    python -m consistency.locale.build_icu_months --write

Left out: languages ICU has no data of its own for (it falls back to another locale's names), its
root placeholders (``M09``), names with a digit (dz ``12``), abbreviations of two letters (kok
``नो``), and what :func:`~consistency.locale.
cldr.month_names` leaves out of babel's (ASCII abbreviations under three letters).  PyICU is needed
only here and for the test that checks the shipped table.
"""

from __future__ import annotations

__all__ = ["build"]

FILE = "data/icu_months.json"


def build() -> dict:
    """The table: language -> month name (casefolded, as :func:`~consistency.locale.cldr.month_names`
    writes them) -> 1..12, and the full (wide) ones among them per language."""
    import icu
    from babel.localedata import locale_identifiers

    from .cldr import month_names, parse_locale

    available = set(icu.Locale.getAvailableLocales())
    symbols = icu.DateFormatSymbols
    contexts = {"format": symbols.FORMAT, "stand-alone": symbols.STANDALONE}
    widths = {"wide": symbols.WIDE, "abbreviated": symbols.ABBREVIATED}
    months: dict[str, dict[str, int]] = {}
    wide: dict[str, list[str]] = {}
    for language in sorted({tag for tag in locale_identifiers() if "_" not in tag} & available):
        own = month_names(parse_locale(language)._data)
        written = symbols(icu.Locale(language))
        data = {"months": {context: {width: {n: str(name) for n, name in enumerate(written.getMonths(c, w), 1)
                                             if not any(ch.isdigit() for ch in str(name))}
                                     for width, w in widths.items()}
                           for context, c in contexts.items()}}
        full = month_names({"months": {context: {"wide": data["months"][context]["wide"]} for context in contexts}})
        # an abbreviation of two letters is a word as often as a month (kok नो)
        new = {name: n for name, n in month_names(data).items() if name not in own and (name in full or len(name) >= 3)}
        if new:
            months[language] = new
            wide[language] = sorted(name for name in new if name in full)
    return {"_comment": "written by `python -m consistency.locale.build_icu_months --write` from ICU; do not edit",
            "icu": icu.ICU_VERSION, "months": months, "wide": wide}


def _main(argv: list[str] | None = None) -> int:
    from .generate import main

    return main(argv, module="consistency.locale.build_icu_months", doc=__doc__ or "", file=FILE, build=build,
                describe=lambda d: f"{sum(len(v) for v in d['months'].values())} month names of "
                                   f"{len(d['months'])} languages", sort_keys=True)


if __name__ == "__main__":
    raise SystemExit(_main())
