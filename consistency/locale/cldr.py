"""Locale tables derived from CLDR through babel, built lazily and cached.

babel can *format* ``800億``, ``80 Milliarden`` or ``80 Mrd.`` but cannot parse
them; this module builds the reverse tables (surface form -> value) for any
locale babel ships: number symbols, compact scale words, currency symbols and
names, unit display names mapped to pint units, month names and the percent
sign.  Everything here is CLDR; what CLDR lacks lives in the language packs
(:mod:`consistency.locale.packs`).

This module is longer than 600 lines: it reads one area of CLDR's data per function (numbers,
currencies, units and their cases, months, quarters, date formats), each small, and they share
the locale parsing and the cache of :func:`tables`.
"""

from __future__ import annotations

import json
import unicodedata
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from ..errors import LocaleError

__all__ = ["LocaleTables", "tables", "normalize_tag", "parse_locale"]

#: Characters that act as a group separator wherever the locale's own is a space.
SPACE_GROUPS = "\u00a0\u202f\u2009\u2007 "
APOSTROPHES = "'\u2019\u02bc"


@lru_cache(maxsize=1)
def group_substitutes() -> dict[str, tuple[str, ...]]:
    """What writers type for a group separator their keyboard lacks (``locale/data/separators.toml``):
    ``{"\u066c": ("\u060c",)}``, the Arabic comma for the Arabic thousands separator."""
    return _substitutes("group")


def decimal_substitutes() -> dict[str, tuple[str, ...]]:
    """What writers type for a decimal separator their keyboard lacks: ``{"\u066b": ("\u060c",)}``."""
    return _substitutes("decimal")


@lru_cache(maxsize=2)
def _substitutes(kind: str) -> dict[str, tuple[str, ...]]:
    from .datafiles import locale_data

    return {key: tuple(values) for key, values in locale_data("separators").get(kind, {}).items()}


def typed_decimals(tab: LocaleTables) -> str:
    """The substitutes ``tab``'s locale may type for one of its decimal separators (the Arabic comma
    for ٫ in ar, fa, ps), none that is a decimal separator of its own."""
    return "".join(dict.fromkeys(v for key, values in decimal_substitutes().items() if key in tab.decimals
                                 for v in values if v not in tab.decimals and v != tab.decimal))


def typed_groups(tab: LocaleTables, accepted: str) -> str:
    """The substitutes of the separators in ``accepted`` that ``tab``'s locale reads as group
    separators: none that is a decimal separator of the locale (:data:`LocaleTables.decimals`)."""
    out: list[str] = []
    for key, values in group_substitutes().items():
        if key in accepted:
            out.extend(v for v in values if v not in tab.decimals and v != tab.decimal and v not in out)
    return "".join(out)


def normalize_tag(tag: str) -> str:
    """``de_ch`` / ``de-CH`` -> ``de-CH``; raises :class:`LocaleError` if babel has no such locale."""
    return str(parse_locale(tag)).replace("_", "-")


def list_conjunction(tag: str) -> str | None:
    """The word CLDR's list pattern for two items joins them with (``{0} and {1}``: ``and``; fa
    ``و``, th ``และ``), or None where that is punctuation (ja ``、``).

    >>> list_conjunction("de"), list_conjunction("ja")
    ('und', None)
    """
    try:
        pattern = str(parse_locale(tag).list_patterns["standard"]["2"])
    except (KeyError, LocaleError):
        return None
    word = pattern.replace("{0}", "").replace("{1}", "").strip()
    return word if any(ch.isalpha() for ch in word) else None


@lru_cache(maxsize=256)
def parse_locale(tag: str):
    """The babel :class:`~babel.Locale` for a BCP 47 or POSIX tag."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    cleaned = (tag or "").strip().replace("-", "_")
    if not cleaned or not re.fullmatch(r"[A-Za-z]{2,8}(?:_[A-Za-z0-9]{1,8})*", cleaned):
        raise LocaleError(f"unknown locale {tag!r}")
    try:
        return Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError) as exc:
        raise LocaleError(f"unknown locale {tag!r}") from exc


def _plain(obj):
    """Turn babel's lazy ``LocaleDataDict`` trees into plain dicts."""
    if hasattr(obj, "items") and not isinstance(obj, str):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


@lru_cache(maxsize=1)
def _unit_map() -> dict:
    with resources.files("consistency.locale").joinpath("data/cldr_units.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class LocaleTables:
    """Reverse lookup tables of one locale.  Keys are casefolded surfaces."""

    tag: str
    language: str
    decimal: str
    group: str
    #: primary grouping size (3; 2 in ``#,#0``) and secondary (2 for Indian ``#,##,##0``)
    primary_group: int
    secondary_group: int
    plus_minus: str
    percent_signs: tuple[str, ...]
    #: scale word -> power of ten (``milliarden`` -> 9, ``億`` -> 8)
    scales: dict[str, int] = field(default_factory=dict)
    #: scale words to which CLDR gives two powers of ten in this locale (ne-IN करोड);
    #: the short format's wins
    conflicting_scales: frozenset[str] = frozenset()
    #: scale words written before the number in this locale's compact formats
    prefix_scales: dict[str, int] = field(default_factory=dict)
    #: each scale word as CLDR writes it (``kM``, ``mil.``): where a scale word is also a unit of
    #: the locale (ca ``km``, cs ``mil``), only this exact form is read as the scale
    scale_forms: dict[str, str] = field(default_factory=dict)
    #: currency surface -> ISO 4217 code (``$`` -> USD, ``us-dollar`` -> USD)
    currencies: dict[str, str] = field(default_factory=dict)
    #: CLDR currency symbols (casefolded): ``$``, ``元``, ``US$``; unlike names
    #: (ja ``金`` is gold), they may stand before a number
    currency_symbols: frozenset[str] = frozenset()
    #: unit surface -> pint unit expression (``gigawatt`` -> gigawatt)
    units: dict[str, str] = field(default_factory=dict)
    #: month name -> 1..12
    months: dict[str, int] = field(default_factory=dict)
    #: the decimal separators of every numbering system CLDR gives the locale (Urdu: ``.`` in latn,
    #: ``،`` in arab): a keyboard substitute for a group separator is never one of them
    decimals: frozenset[str] = frozenset()
    #: the group separators the regional variants write with this locale's decimal separator (pt:
    #: pt-PT's no-break space), read by a base locale only (locale/regional.py)
    regional_groups: str = ""
    #: word -> pint unit, for the words that are two of a unit (:func:`unit_duals`)
    duals: dict[str, str] = field(default_factory=dict)


def compact_scales(data: dict, *, prefix: bool = False, conflicts: set | None = None,
                    written: dict | None = None) -> dict[str, int]:
    """Scale words of the compact formats; ``prefix=True`` gives those written
    before the number (Dzongkha ``སྟོང་ཕྲག 1``), else those after it.  ``written`` receives each
    word as CLDR writes it, case and abbreviation period kept (``kM``, ``mil.``)."""
    out: dict[str, int] = {}
    conflicts = set() if conflicts is None else conflicts
    written = {} if written is None else written
    formats = _plain(data.get("compact_decimal_formats", {}))
    for width in ("short", "long"):
        for _plural, patterns in (formats.get(width) or {}).items():
            for key, pattern in patterns.items():
                text = str(getattr(pattern, "pattern", pattern))
                # the positive subpattern: sw "0B;-0B" (LDML: a negative one may follow a semicolon)
                text = text.split(";")[0].replace("\u200e", "").replace("\u200f", "").replace("\u061c", "")
                if "0" not in text:
                    continue
                zeros = text.count("0")
                exponent = len(key) - 1 - (zeros - 1)
                if exponent <= 0:
                    continue
                before_number = text.index("0") > 0 and text[: text.index("0")].strip("'\u00a0\u202f ¤") != ""
                if before_number != prefix:
                    continue
                word = re.sub(r"[0#]", "", text.replace("'", "")).strip(" \u00a0\u202f.,")
                word = re.sub(r"[ \u00a0\u202f]+", "\u00a0", word)
                word = word.replace("¤", "").strip()
                if word:
                    key = word.casefold()
                    if key in out and out[key] != exponent:
                        conflicts.add(key)
                    out.setdefault(key, exponent)
                    raw = re.sub(r"[0#¤]", "", text.replace("'", "")).strip(" \u00a0\u202f,")
                    written.setdefault(key, re.sub(r"[ \u00a0\u202f]+", "\u00a0", raw))
    return out


def _currencies(data: dict, territory: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    symbols = _plain(data.get("currency_symbols", {}))
    preferred: set[str] = set()
    if territory:
        from babel.numbers import get_territory_currencies

        try:
            preferred = set(get_territory_currencies(territory))
        except Exception:  # pragma: no cover - babel data gaps
            preferred = set()
    # Symbols: a symbol shared by several currencies goes to the locale's own.
    for code, symbol in symbols.items():
        if not symbol or len(code) != 3 or symbol == code:
            # a symbol that is the ISO code itself is read as codes are, in capitals: folded, en's
            # ALL, TRY and CUP would make "four all", "try" and "cup" money
            continue
        key = symbol.casefold()
        if key in out and out[key] in preferred:
            continue
        if key in out and code not in preferred and out[key] != code:
            # first come wins unless the newcomer is the territory's currency;
            # the ISO code of USD wins over historical ones that share '$'.
            if code != "USD":
                continue
        out[key] = code
    for code, name in _plain(data.get("currency_names", {})).items():
        if name and len(code) == 3:
            out.setdefault(name.casefold(), code)
    for code, forms in _plain(data.get("currency_names_plural", {})).items():
        if len(code) != 3:
            continue
        for name in (forms or {}).values():
            if name:
                out.setdefault(name.casefold(), code)
    return out


@lru_cache(maxsize=1)
def _english_symbols() -> dict[str, str]:
    """The currency symbols CLDR's English writes with a currency sign (``$``, ``£``, ``¥``, ``A$``,
    ``₹``), folded, to their codes: a translation from English keeps them (sw ``$37``, where CLDR's
    Swahili writes ``US$``), and every locale reads them after its own, which win (es-MX ``$`` is
    its peso)."""
    symbols = _plain(parse_locale("en")._data.get("currency_symbols", {}))
    return {str(symbol).casefold(): code for code, symbol in symbols.items()
            if len(code) == 3 and code != "XXX"  # XXX, no currency: ¤
            and any(unicodedata.category(ch) == "Sc" for ch in str(symbol or ""))}


@lru_cache(maxsize=64)
def units_before_number(tag: str) -> bool:
    """Whether CLDR writes a unit's name before the number in ``tag`` (Swahili ``kilomita 7``,
    Hausa ``kilomitoci 7``, Sinhala, Akan, Tongan), as its own patterns for a kilometre and a
    kilogram do."""
    from babel.units import format_unit

    loc = parse_locale(tag)
    try:
        written = [format_unit(7, unit, locale=loc, length="long") for unit in ("length-kilometer", "mass-kilogram")]
    except (KeyError, ValueError):
        return False
    return all(w.strip().lstrip("\u200e\u200f")[:1].isalpha() for w in written)


@lru_cache(maxsize=64)
def unit_surfaces(tag: str) -> tuple[str, ...]:
    """Unit surfaces of ``tag`` as CLDR writes them (case kept: ``GW``, ``g``)."""
    loc = parse_locale(tag)
    own = tuple(unit_names(loc._data, keep_case=True))
    if (loc.territory or loc.script) and str(loc) != loc.language:
        return own + unit_surfaces(loc.language)  # as tables() merges the base language
    return own


#: units whose CLDR names other units share in some languages, where prose means the other: the arc
#: minute and arc second are named as the minute and second of time in 25 languages (ru ``минут``,
#: bn ``মিনিট``), and news counts time far more often than angles
_SECOND_READINGS = frozenset({"angle-arc-minute", "angle-arc-second"})


def _letters(surface: str) -> int:
    """How many characters of ``surface`` are letters other than modifier letters (``ʻ``): or its
    length, for a symbol of no letters (``%``, ``°``)."""
    if not any(ch.isalpha() for ch in surface):
        return len(surface)
    return sum(1 for ch in surface if ch.isalpha() and unicodedata.category(ch) != "Lm")


def unit_names(data: Mapping[str, Any], *, keep_case: bool = False, widths: tuple[str, ...] = ("long", "short", "narrow")
           ) -> dict[str, str]:
    mapping = _unit_map()
    pint_names: dict[str, str] = mapping["units"]
    ambiguous = set(mapping["ambiguous_surfaces"])
    out: dict[str, str] = {}
    #: surface as CLDR writes it -> the units that name it so here; symbol -> its unit (pint's)
    shared: dict[str, set[str]] = {}
    symbol_of = {str(symbol): pint_names[unit_id] for unit_id, symbol in mapping["symbols"].items()}
    patterns = _plain(data.get("unit_patterns", {}))
    for unit_id, pint_name in sorted(pint_names.items(), key=lambda item: item[0] in _SECOND_READINGS):
        forms = patterns.get(unit_id) or {}
        for width in widths:
            for plural, pattern in (forms.get(width) or {}).items():
                if plural == "per" or not isinstance(pattern, str) or "{0}" not in pattern:
                    continue
                surface = pattern.replace("{0}", "").strip(" \u00a0\u202f")
                if not surface or surface.casefold() in ambiguous:
                    continue
                if width == "narrow" and (_letters(surface) < 2 or surface.isascii() and surface.islower()):
                    continue  # one letter (to ʻa, a day, and a particle), or lower-case ASCII
                out.setdefault(surface if keep_case else surface.casefold(), pint_name)
                shared.setdefault(surface, set()).add(pint_name)
    # a surface two units write alike, case and all, that is one's symbol reads as that one: ca
    # "1,98 m" is the metre (CLDR's Catalan also abbreviates the month m); MW and mW stay apart
    for surface, units in shared.items():
        if len(units) > 1 and (unit := symbol_of.get(surface)) in units:
            out[surface if keep_case else surface.casefold()] = unit
    return out


@lru_cache(maxsize=1)
def _root_rates() -> dict[str, str]:
    """The international symbols of CLDR's root locale for units of one unit per another (``km/h``,
    ``m/s``, ``mi/h``): every language's text writes them (pl ``137 km/h`` beside CLDR's
    ``km/godz.``), whatever its own CLDR data gives; a locale's own forms win."""
    return {surface: unit for surface, unit in unit_names(parse_locale("root")._data, widths=("short",)).items()
            if "/" in surface and surface.isascii()}


@lru_cache(maxsize=64)
def per_unit_names(tag: str) -> dict[str, str]:
    """What CLDR writes after a unit for "per" another unit, in ``tag`` and in the root locale,
    folded, to that unit's pint name: ``/m²``, ``por metro cadrado``, ``per square meter``, ``/h``
    (its ``per`` unit patterns). A text writes ``l/m2`` with the digit as often as ``l/m²``: both
    are read. A surface CLDR gives two units (en ``/m``: per metre, and per month) is none."""
    loc = parse_locale(tag)
    sources = [(loc._data, ("long", "short")), (parse_locale("root")._data, ("short",))]
    if (loc.territory or loc.script) and str(loc) != loc.language:
        sources.insert(1, (parse_locale(loc.language)._data, ("long", "short")))
    return _per_forms(sources, after=True)


@lru_cache(maxsize=64)
def per_unit_prefixes(tag: str) -> dict[str, str]:
    """What CLDR writes before a figure for "per" a unit, in ``tag`` (its ``per`` patterns that end
    with the figure: ko ``제곱미터당 {0}``, per square metre, ``주당 {0}``, per week; zh-Hant
    ``每平方公里 {0}``; and the words before the figure of a rate written around it, zh ``每小时``
    of ``每小时{0}公里``, ko ``시속``), to that unit's pint name; a surface CLDR gives two units is
    none."""
    data = parse_locale(tag)._data
    out = _per_forms([(data, ("long", "short"))], after=False)
    # a rate CLDR writes around its figure (zh 每小时{0}公里, ko 시속 {0}킬로미터: kilometres per
    # hour) gives its "per" too: the words before the figure, where those after it name the
    # numerator's unit (公里, kilometres) and the rate is that unit per another
    names = unit_names(data)
    mapping: dict[str, str] = _unit_map()["units"]
    patterns = _plain(data.get("unit_patterns", {}))
    for unit_id, pint_name in mapping.items():
        numerator, slash, denominator = pint_name.partition("/")
        if not slash:
            continue
        for width in ("long", "short"):
            for plural, pattern in ((patterns.get(unit_id) or {}).get(width) or {}).items():
                if plural == "per" or not isinstance(pattern, str) or pattern.count("{0}") != 1:
                    continue
                before, after = (part.strip(" \u00a0\u202f").casefold() for part in pattern.split("{0}"))
                if before and after and names.get(after) == numerator and out.get(before, denominator) == denominator:
                    out[before] = denominator
    return out


def _per_forms(sources: list[tuple[Mapping[str, Any], tuple[str, ...]]], *, after: bool) -> dict[str, str]:
    """The ``per`` surfaces of the unit patterns of ``sources`` (locale data, widths), folded, to
    their unit's pint name: those written after a figure (``{0}/m²``) or those written before one
    (``제곱미터당 {0}``), each with its plain digits too; a surface of two units is dropped."""
    mapping: dict[str, str] = _unit_map()["units"]
    out: dict[str, str] = {}
    dropped: set[str] = set()
    for data, widths in sources:
        patterns = _plain(data.get("unit_patterns", {}))
        for unit_id, pint_name in mapping.items():
            for width in widths:
                pattern = ((patterns.get(unit_id) or {}).get(width) or {}).get("per")
                if not isinstance(pattern, str):
                    continue
                written_after = pattern.startswith("{0}")
                if written_after is not after or not (written_after or pattern.endswith("{0}")):
                    continue  # after: {0}/m²; before: 제곱미터당 {0}; a figure inside is neither
                surface = pattern.replace("{0}", "").strip(" \u00a0\u202f").casefold()
                if not surface or surface in dropped:
                    continue
                for form in dict.fromkeys((surface, surface.translate(_SUPERSCRIPT_DIGITS))):
                    if out.get(form, pint_name) != pint_name:
                        dropped.add(form)
                        del out[form]
                    elif form not in dropped:
                        out[form] = pint_name
    return out


_SUPERSCRIPT_DIGITS = str.maketrans("²³", "23")


def unit_ids() -> frozenset[str]:
    """The CLDR unit ids a figure is read in (``length-meter``…; ``locale/data/cldr_units.json``)."""
    return frozenset(_unit_map()["units"])


@lru_cache(maxsize=1)
def _unit_cases() -> dict[str, dict[str, str]]:
    try:
        with resources.files("consistency.locale").joinpath("data/unit_cases.json").open(encoding="utf-8") as fh:
            return json.load(fh)["languages"]
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return {}


def unit_case_names(language: str) -> dict[str, str]:
    """CLDR's unit names in the grammatical cases ``language`` declines them in (el ``μέτρων``,
    ru ``километрами``, fi ``millimetrin``, hu ``méterrel``; generated from ICU into
    ``locale/data/unit_cases.json`` by :mod:`consistency.locale.build_unit_cases`): casefolded
    word -> pint unit.  Forms CLDR's ambiguity list names are left out, as for the nominatives."""
    mapping = _unit_map()
    pint_names: dict[str, str] = mapping["units"]
    ambiguous = set(mapping["ambiguous_surfaces"])
    return {surface: pint_names[unit_id] for surface, unit_id in _unit_cases().get(language, {}).items()
            if unit_id in pint_names and surface not in ambiguous}


def unit_duals(data: Mapping[str, Any]) -> dict[str, str]:
    """The words that say "two" of a unit on their own, where CLDR's pattern for the plural
    category ``two`` has no number in it (ar ``سنتان``, two years; he ``שבועיים``, two weeks):
    casefolded word -> pint unit."""
    mapping = _unit_map()
    out: dict[str, str] = {}
    patterns = _plain(data.get("unit_patterns", {}))
    for unit_id, pint_name in mapping["units"].items():
        for width in ("long", "short", "narrow"):
            pattern = ((patterns.get(unit_id) or {}).get(width) or {}).get("two")
            if isinstance(pattern, str) and "{0}" not in pattern and pattern.strip():
                out.setdefault(pattern.strip().casefold(), pint_name)
    return out


#: Cyrillic-script languages whose CLDR writes unit symbols in Latin letters (bg km, kg) although their
#: texts write them in Cyrillic (км, кг), as Russian's CLDR data does
_CYRILLIC_LATIN_SYMBOLS = frozenset({"bg", "mk", "sr", "be", "uk", "kk", "ky", "mn", "tg"})


def _cyrillic_symbols(data: Mapping[str, Any], language: str) -> dict[str, str]:
    """The Cyrillic symbols Russian's CLDR writes for the units this locale writes in Latin letters
    (bg ``km`` -> ``км``), two letters or more (``г`` is also "year"); in a language written in
    both scripts letter for letter (``locale/data/digraphic.toml``), also its own Latin symbols
    spelled in its Cyrillic letters (sr ``cm`` -> ``цм``, where Russian writes ``см``)."""
    from .packs import digraphic

    cased: dict[str, set[str]] = {}  # each folded symbol, and the units its spellings name (ML, mL)
    own: dict[str, str] = {}
    for surface, unit in unit_names(data, keep_case=True, widths=("short",)).items():
        cased.setdefault(surface.casefold(), set()).add(unit)
        own.setdefault(surface.casefold(), unit)  # as unit_names without keep_case gives them
    latin_units = {unit for surface, unit in own.items() if surface.isascii()}
    units_of: dict[str, set[str]] = {}
    for surface, unit in unit_names(parse_locale("ru")._data, keep_case=True, widths=("short",)).items():
        units_of.setdefault(surface.casefold(), set()).add(unit)
    # a symbol two units share once case is folded (Мл megalitre, мл millilitre) is left out
    out = {s: next(iter(us)) for s, us in units_of.items()
           if len(us) == 1 and next(iter(us)) in latin_units and len(s) >= 2 and s not in own}
    if (letters := digraphic(language)) is not None:
        to_cyrillic = {latin: cyrillic for cyrillic, latin in letters.items()}
        longest = sorted(to_cyrillic, key=len, reverse=True)
        for surface, unit in own.items():
            if len(surface) < 2 or not surface.isascii() or not surface.isalpha() or len(cased.get(surface, ())) > 1:
                continue  # and ML (megalitre) / mL (millilitre): one spelling in Cyrillic letters
            spelled, rest = "", surface.casefold()
            while rest and (latin := next((x for x in longest if rest.startswith(x)), None)) is not None:
                spelled, rest = spelled + to_cyrillic[latin], rest[len(latin):]
            if not rest and spelled not in own:
                out.setdefault(spelled, unit)
    return out


#: CLDR's relative-time fields and the units they name
_RELATIVE_FIELDS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
                    "month": "month", "year": "year"}


def relative_unit_names(data: Mapping[str, Any]) -> dict[str, str]:
    """Time-unit words of CLDR's relative-time fields ("in {0} days", "{0} days ago"), which
    hold forms the unit patterns lack: Swedish ``dagar`` (its day unit is ``dygn``), Finnish
    partitive ``päivää`` and genitive ``päivän``, Polish ``dni``, Hungarian ``nappal``.

    The word is what follows ``{0}``, less the words every field of the same direction ends
    with ("ago", ``sitten``, ``temu``).  A pattern that glues the number to its word
    (``{0}天后``) is left out: packs cover those languages.
    """
    fields = _plain(data.get("date_fields", {}))
    tails: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    for field_name, unit in _RELATIVE_FIELDS.items():
        for direction in ("future", "past"):
            for plural, pattern in (fields.get(field_name, {}).get(direction) or {}).items():
                if not isinstance(pattern, str) or "{0} " not in pattern:
                    continue
                words = pattern.split("{0}", 1)[1].split()
                if words:
                    tails.setdefault((direction, plural), []).append((unit, words))
    found: dict[str, list[str]] = {}
    for items in tails.values():
        common = 0  # words every field of this direction ends with
        while len(items) > 1 and all(len(w) > common + 1 for _u, w in items) and \
                len({tuple(w[len(w) - common - 1:]) for _u, w in items}) == 1:
            common += 1
        for unit, words in items:
            surface = " ".join(words[:len(words) - common] if common else words).strip(" .,")
            if surface and not any(ch in surface for ch in "{}"):
                units = found.setdefault(surface.casefold(), [])
                if unit not in units:
                    units.append(unit)
    # a word after the number that fields of several units write names none of them: it says "ago"
    # in agreement with the unit before the number (sw "miaka {0} iliyopita", "miezi {0}
    # iliyopita", "wiki {0} zilizopita": years, months, weeks ago)
    return {surface: units[0] for surface, units in found.items() if len(units) == 1}


@lru_cache(maxsize=64)
def unit_plural_forms(tag: str, unit_id: str) -> dict[str, frozenset[str]]:
    """The CLDR plural categories each written form of ``unit_id`` serves in ``tag``, in
    every width (pl ``duration-year``: ``rok`` one, ``lata`` few, ``lat`` many, ``roku`` other
    and so on); keys casefolded."""
    patterns = _plain(parse_locale(tag)._data.get("unit_patterns", {})).get(unit_id) or {}
    out: dict[str, set[str]] = {}
    for width in ("long", "short", "narrow"):
        for plural, pattern in (patterns.get(width) or {}).items():
            if plural == "per" or not isinstance(pattern, str) or "{0}" not in pattern:
                continue
            surface = pattern.replace("{0}", "").strip(" \u00a0\u202f").casefold()
            if surface:
                out.setdefault(surface, set()).add(plural)
    return {k: frozenset(v) for k, v in out.items()}


def month_names(data: Mapping[str, Any]) -> dict[str, int]:
    from .scripts import month_spellings

    out: dict[str, int] = {}
    months = _plain(data.get("months", {}))
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in ((months.get(context) or {}).get(width) or {}).items():
                if isinstance(name, str) and len(name.strip(".")) >= 3 or (
                    isinstance(name, str) and not name.isascii()
                ):
                    for form in month_spellings(name):
                        out.setdefault(form, int(number))
                        out.setdefault(form.rstrip("."), int(number))
    return out


@lru_cache(maxsize=1)
def _icu_months() -> dict:
    with resources.files("consistency.locale").joinpath("data/icu_months.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def icu_months(language: str) -> dict[str, int]:
    """The month names ICU's release of CLDR gives ``language`` and babel's does not (si
    ``සැප්තැම්බර්`` beside babel's ``බිනර``): name (casefolded) -> 1..12; ``locale/data/icu_months.json``,
    written by ``python -m consistency.locale.build_icu_months --write``."""
    return _icu_months()["months"].get(language, {})


def icu_wide_months(language: str) -> frozenset[str]:
    """The full (wide) names among :func:`icu_months`."""
    return frozenset(_icu_months()["wide"].get(language, ()))


@lru_cache(maxsize=64)
def percent_words_before(tag: str) -> tuple[str, ...]:
    """The word CLDR writes before a number for per cent (tr ``yüzde 7``, eu ``ehuneko 7``), if any."""
    from babel.units import format_unit

    try:
        written = format_unit(7, "concentr-percent", locale=parse_locale(tag), length="long")
    except (KeyError, ValueError):
        return ()
    before = written.split("7")[0].strip(" \u00a0\u200e\u200f")
    return (before,) if before[:1].isalpha() else ()


@lru_cache(maxsize=64)
def day_period_clock(tag: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What makes a number after a day period a time of day in ``tag``: CLDR's day periods of two
    letters or more (zh ``上午``, ``晚上``; ja ``午前``; ko ``오전``), the marks of an hour (the literal
    of its ``h`` and ``H`` patterns: zh ``时``, ja ``時``, ko ``시``) and of a minute (its short word for
    one, not in ASCII: ja ``分``, ko ``분``), with those ``locale/data/clock.toml`` adds (zh ``点``)."""
    from .calendars import day_period_marks

    loc = parse_locale(tag)
    periods = {str(name).casefold() for context in ("format", "stand-alone") for width in ("abbreviated", "wide")
               for name in _plain(loc.day_periods.get(context, {}).get(width, {})).values()
               if isinstance(name, str) and len(name.strip(". ")) >= 2}
    hours: set[str] = set()
    for key in ("h", "H"):
        pattern = loc.datetime_skeletons.get(key)
        if pattern is not None:
            text = str(getattr(pattern, "pattern", pattern))  # a quoted literal (vi HH 'giờ'), else no field letter
            literal = "".join(q if q else re.sub(r"[a-zA-Z]", "", plain)
                              for plain, q in re.findall(r"([^']+)|'([^']*)'", text)).strip(" \u00a0\u202f")
            if literal:
                hours.add(literal.casefold())
    minutes = {w for w in unit_plural_forms(tag, "duration-minute") if not w.isascii()}
    extra_hours, extra_minutes = day_period_marks(loc.language)
    return tuple(sorted(periods)), tuple(sorted(hours | set(extra_hours))), tuple(sorted(minutes | set(extra_minutes)))


@lru_cache(maxsize=64)
def quarter_names(tag: str) -> dict[str, int]:
    """CLDR's quarter names of ``tag`` (vi ``quý 2``, cs ``2. čtvrtletí``; format and stand-alone,
    wide and abbreviated), casefolded -> 1-4; a name of digits alone (narrow ``2``) is left out."""
    out: dict[str, int] = {}
    quarters = _plain(parse_locale(tag)._data.get("quarters", {}))
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in ((quarters.get(context) or {}).get(width) or {}).items():
                if isinstance(name, str) and not name.strip(". ").isdigit() and len(name) >= 2:
                    out.setdefault(unicodedata.normalize("NFC", name.casefold()), int(number))
    return out


#: CLDR date skeletons and formats read as dates in every locale: day-month-year, month-year and
#: day-month, wide and abbreviated months, and the numeric medium format in the locale's order.
_DATE_SKELETONS = ("yMMMMd", "yMMMd", "yMMMM", "yMMM", "MMMMd", "MMMd", "Md")
_DATE_FORMATS = ("long", "medium")


_BIDI = "[\u200e\u200f\u061c ]?"  # a bidi mark, or the space normalization makes of it
#: a quoted literal in parentheses in a CLDR date pattern (eu ``('e')``)
_OPTIONAL_LITERAL = re.compile(r"\('([^']+)'\)")


def _pattern_regex(pattern: str) -> tuple[str, str] | None:
    """A CLDR date pattern (``d. MMMM y``, ``y 'm'. MMMM d 'd'.``) as a regular expression over the
    extractor's macros ``{DAY}``, ``{MONTH}`` (``{MONTHG}`` where an ending is glued to it),
    ``{YEAR}``, and its kind (``day`` or ``month``); ``None`` for patterns this reader does not take
    (eras, two-digit years, weekdays, brackets other than a quoted letter in parentheses)."""
    out: list[str] = []
    fields: set[str] = set()
    last_field = ""
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "'":
            j = pattern.find("'", i + 1)
            if j < 0:
                return None
            literal = pattern[i + 1:j] or "'"
            out.append(re.escape(literal))
            i = j + 1
            continue
        if ch.isascii() and ch.isalpha():
            j = i
            while j < len(pattern) and pattern[j] == ch:
                j += 1
            run = j - i
            last_field = ch
            if ch == "d" and run <= 2:
                # a day may carry a case ending after a hyphen or apostrophe (hu 14-én, tr 14'ünde),
                # which then stands for the period that follows the day in the pattern
                # (no digit on either side: 125 is no day 25)
                if pattern[j:j + 1] == ".":
                    # before a month's name the period may be left out (fi 29 maaliskuuta, de 3 Oktober)
                    named = pattern[j + 1:].lstrip(" \u00a0\u202f").startswith(("MMM", "LLL"))
                    out.append(r"(?<![\d.,])(?P<day>{DAY})(?!\d)(?:[-'’]\p{L}{1,5}|\.)" + ("?" if named else ""))
                    j += 1
                else:
                    out.append(r"(?<![\d.,])(?P<day>{DAY})(?!\d)(?:[-'’]\p{L}{1,5})?")
                fields.add("d")
            elif ch in "ML" and run >= 3:
                # a month's name that begins the date is no short word's end (eu "guztira 18", in
                # all 18, ends in ira, September's abbreviation); a name of five letters or more may
                # follow a prefix (xh kukaNovemba 6), and one after a literal be glued to it (he d
                # בMMMM); a name CLDR glues a case ending to (mn MMM'ын': 9-р сарын) ends inside a word
                glued = pattern[j:j + 1] == "'" and pattern[j + 1:j + 2].isalpha()
                out.append(("" if out else r"(?:(?<![\p{L}\p{M}])|(?=(?-i:\p{Lu}|(?![\p{Ll}\p{Lt}])\p{L})\p{L}{4}))")
                           + ("(?P<month>{MONTHG})" if glued else "(?P<month>{MONTH})"))
                fields.add("M")
            elif ch in "ML" and run <= 2:
                out.append(r"(?P<month>0?[1-9]|1[0-2])")
                fields.add("M#")
            elif ch == "y" and run in (1, 4):
                # {YEAR} wants no period or comma before it; after one (d.M.y, MMM,y) {YEARN}
                glued = i > 0 and pattern[i - 1] not in " \u00a0\u202f"
                out.append("(?P<year>{YEARN})" if glued else "(?P<year>{YEAR})")
                fields.add("y")
            else:
                return None  # era (G), two-digit year, weekday, hour…
            i = j
            continue
        if ch == "(" and (optional := _OPTIONAL_LITERAL.match(pattern, i)):
            # eu y('e')'ko', d('a'): CLDR writes a letter the number's sound decides in parentheses
            # (2005eko, 2010ko); text writes it or not, never the parentheses
            out.append("(?:" + re.escape(optional.group(1)) + ")?")
            i = optional.end()
            continue
        if ch in "()[]":
            return None
        if ch in " \u00a0\u202f":
            out.append("[ \u00a0\u202f]+")
        elif ch == ",":
            out.append(",?")
        else:  # bidi marks may stand beside a separator (ar 14\u200f/03\u200f/2023)
            out.append(_BIDI + re.escape(ch) + _BIDI)
        i += 1
    if "d" in fields and ("M" in fields or "M#" in fields):
        if "M#" in fields and "y" not in fields:
            if not pattern.rstrip().endswith("."):
                return None  # 3.4 is no date
            # fi/de/nb d.M., cs d. M., hu M. d.: a numeric date without its year, which CLDR ends
            # with a period, is one where a word in lower case follows (fi 11.6. antamassaan);
            # before a capital or at the end of a text it may be a sentence's end or a section
            # number (4.4. Then): a weak date there (group ``weak``), which agrees with the same
            # date in another version and is never reported alone
            out.append(r"(?:(?=[ \u00a0\u202f]+(?-i:\p{Ll}))|(?P<weak>(?![\p{L}\p{N}])))")
        kind = "day"
    elif "M" in fields and "y" in fields and "d" not in fields:
        kind = "month"
    else:
        return None
    body = "".join(out).rstrip()
    if last_field == "d":
        # a day that ends the date is no score's or range's first number, nor a decimal's or a
        # grouped number's start (eu "otsailean 4-1", "irailean 7,1 magnitudeko"); a year may
        # follow it after a comma (pa ਅਕਤੂਬਰ 2,1968)
        body += r"(?![-–]\d|[.,]\d{1,3}(?!\d))"
    if "M#" in fields:  # a numeric date: no digit or separator before it, the year after a period
        body = body.replace("(?P<year>{YEAR})", "(?P<year>{YEARN})")
    # a trailing period belongs to the date only when no letter or digit follows (sr 2021. vs 2021.5)
    return body, kind


@lru_cache(maxsize=64)
def date_patterns(tag: str) -> tuple[tuple[str, str], ...]:
    """The locale's own CLDR date formats as ``(regex with macros, kind)``, longest first."""
    loc = parse_locale(tag)
    sources: list[str] = []
    skeletons = loc.datetime_skeletons
    for key in _DATE_SKELETONS:
        if key in skeletons:
            sources.append(str(getattr(skeletons[key], "pattern", skeletons[key])))
    for width in _DATE_FORMATS:
        sources.append(str(getattr(loc.date_formats[width], "pattern", loc.date_formats[width])))
    seen: dict[str, str] = {}
    for source in sources:
        source = source.replace("\u200e", "").replace("\u200f", "").replace("\u061c", "")
        converted = _pattern_regex(source)
        if converted is not None:
            seen.setdefault(converted[0], converted[1])
    return tuple(sorted(seen.items(), key=lambda item: -len(item[0])))


#: ISO 8601 calendar dates, read in every locale.
ISO_DATE = r"(?<![\d-])(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])"


@lru_cache(maxsize=64)
def tables(tag: str) -> LocaleTables:
    """The CLDR tables of ``tag`` (``"ja"``, ``"de-CH"``...), built once per process and kept on
    disk between processes (:func:`consistency.builds.built`)."""
    from ..builds import built

    return built("cldr", tag, lambda: _tables(tag))


def _tables(tag: str) -> LocaleTables:
    loc = parse_locale(tag)
    data = loc._data  # babel's public accessors cover only part of what we need
    symbols = _plain(data.get("number_symbols", {})).get("latn", {})
    decimal = symbols.get("decimal", ".")
    group = symbols.get("group", ",")
    pattern = getattr(loc.decimal_formats.get(None), "pattern", "#,##0.###")
    integer_part = pattern.split(";")[0].split(".")[0]
    parts = integer_part.split(",")
    primary = len(parts[-1]) if len(parts) >= 2 else 3
    secondary = len(parts[-2]) if len(parts) >= 3 else primary
    plus_minus = symbols.get("minusSign", "-") + symbols.get("plusSign", "+")
    percent = symbols.get("percentSign", "%")
    percent_signs = tuple(dict.fromkeys([percent.strip("\u200e\u200f\u061c"), "%", "\uff05"]))
    conflicts: set[str] = set()
    scale_forms: dict[str, str] = {}
    base = tables(loc.language) if (loc.territory or loc.script) and str(loc) != loc.language else None

    def merged(regional: dict, name: str) -> dict:
        # en-GB reads what en reads ($80 billion), its own data winning ($ is AUD in en-AU)
        return {**getattr(base, name), **regional} if base is not None else regional

    from .regional import regional_groups, regional_months, regional_units

    # a base locale also reads the unit and month names of its regional variants (en: kilometres,
    # kph from en-GB, en-AU…; es: setiembre from es-PE), its own winning; see locale/regional.py
    from .packs import everyday_months, everyday_units, lists_own_words

    # the relative-time words only where no pack was written against the unit names alone
    relative = relative_unit_names(data) if not lists_own_words(loc.language) else {}
    # the cases CLDR declines unit names in, below every nominative form (a form that is both is
    # read as the nominative's unit)
    units = unit_names(data) if base is not None else {
        **everyday_units(loc.language), **unit_case_names(loc.language), **relative, **regional_units(loc.language),
        **unit_names(data)}
    if base is None:
        from .mutations import mutated

        # cy flynedd, mlynedd (blynedd), ddiwrnod; ga bhliain (inflection.toml [initial_mutations])
        units = {**mutated(loc.language, units), **units}
    if base is None and loc.language in _CYRILLIC_LATIN_SYMBOLS:
        units = {**_cyrillic_symbols(data, loc.language), **units}
    if base is None:
        units = {**_root_rates(), **units}
    # and the names ICU's release of CLDR has and babel's not (si: the loanwords news writes), and
    # those news writes where CLDR lists others (mi Mahuru: locale/data/everyday_months.toml)
    months = month_names(data) if base is not None else {
        **everyday_months(loc.language), **regional_months(loc.language), **icu_months(loc.language),
        **month_names(data)}
    currencies = _currencies(data, loc.territory)
    if loc.language != "en":  # English's symbols after the locale's own (sw $37)
        currencies = {**_english_symbols(), **currencies}

    return LocaleTables(
        tag=str(loc).replace("_", "-"),
        language=loc.language,
        decimal=decimal,
        group=group,
        primary_group=primary,
        secondary_group=secondary,
        plus_minus=plus_minus,
        percent_signs=percent_signs,
        scales=merged(compact_scales(data, conflicts=conflicts, written=scale_forms), "scales"),
        scale_forms=merged(scale_forms, "scale_forms"),
        conflicting_scales=frozenset(conflicts),
        prefix_scales=compact_scales(data, prefix=True),
        currencies=merged(currencies, "currencies"),
        currency_symbols=frozenset(
            str(v).casefold() for k, v in _plain(data.get("currency_symbols", {})).items() if v and len(k) == 3
        ) | (base.currency_symbols if base is not None else frozenset()),
        units=merged(units, "units"),
        months=merged(months, "months"),
        duals=merged(unit_duals(data), "duals"),
        regional_groups=regional_groups(loc.language) if base is None else "",
        decimals=frozenset(
            str(v.get("decimal", "")).strip("\u200e\u200f\u061c") for v in _plain(data.get("number_symbols", {})).values()
            if isinstance(v, dict) and v.get("decimal")
        ),
    )
