"""Language packs: one TOML data file per language for what CLDR lacks.

See ``packs/README.md`` for the tables a pack may hold.  A locale without a
pack of its own still gets every CLDR table; only spelled-out numbers,
qualifiers, counters and aliases are missing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError
from .datafiles import locale_data

__all__ = ["Pack", "available_packs", "digraphic", "everyday_units", "has_pack", "lists_own_words", "load_pack",
           "shared_unit_alternatives"]

QUALIFIERS = {"approx", "at_least", "more_than", "less_than", "at_most", "almost", "only"}


@dataclass(frozen=True)
class DatePattern:
    pattern: str
    kind: str
    map: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Pack:
    """The parsed language pack of one language (all surfaces casefolded)."""

    language: str
    words: dict[str, int] = field(default_factory=dict)
    multipliers: dict[str, int] = field(default_factory=dict)
    connectors: tuple[str, ...] = ()
    needs_unit: frozenset[str] = frozenset()
    #: number words may be written together (dreiundzwanzig, tvåtusen); else only apart
    glued: bool = True
    #: multiplier forms that alone are a vague plural (bg хиляди, "thousands"), not a number
    plural_multipliers: frozenset[str] = frozenset()
    plural_scales: tuple[str, ...] = ()
    half_suffix: tuple[str, ...] = ()
    glued_units: tuple[str, ...] = ()
    #: endings a number word takes and is read without (hu kétszázan, "two hundred of them")
    word_endings: tuple[str, ...] = ()
    scale_connectors: tuple[str, ...] = ()
    cjk_digits: dict[str, int] = field(default_factory=dict)
    cjk_small: dict[str, int] = field(default_factory=dict)
    cjk_big: dict[str, int] = field(default_factory=dict)
    excluded: tuple[str, ...] = ()
    scales: dict[str, int] = field(default_factory=dict)
    vague: dict[str, tuple[int, int]] = field(default_factory=dict)
    qualifiers_before: dict[str, str] = field(default_factory=dict)
    qualifiers_after: dict[str, str] = field(default_factory=dict)
    # a qualifier word is no qualifier after these words (de "ein Paket über 8 Milliarden": über = worth);
    # a word ending in a listed form counts (Hilfspaket), casefolded
    qualifiers_unless_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: qualifier words ("hasta", up to) that right after a figure join it to the next one (a range,
    #: or a change and its result: "creció en 15 millones hasta 85 millones")
    qualifiers_after_figure: tuple[str, ...] = ()
    currencies: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    counters: tuple[str, ...] = ()
    counter_units: dict[str, str] = field(default_factory=dict)
    range_connectors: tuple[str, ...] = ()
    range_prefix: tuple[str, ...] = ()
    # "grew by 450,000 to 12 million": after these words "X to Y" is a change and its result, no range
    change_prefix: tuple[str, ...] = ()
    between_connectors: tuple[str, ...] = ()
    percent_words: tuple[str, ...] = ()
    #: words that say "per cent" before the number (th ร้อยละ 20, zh 百分之二十)
    percent_before: tuple[str, ...] = ()
    #: unit words that may mean another unit (percentage points: per cent, or points; el βαθμούς:
    #: degrees, or points): read as either, whichever the other version has
    unit_alternatives: dict[str, str] = field(default_factory=dict)
    #: words after a unit that say "per" another, beside CLDR's per patterns (en "an hour": 85 miles
    #: an hour)
    per_units: dict[str, str] = field(default_factory=dict)
    ordinal_prefix: tuple[str, ...] = ()
    ordinal_suffix: tuple[str, ...] = ()
    dot_ordinal: bool = False
    ordinal_before: frozenset[str] = frozenset()
    dates: tuple[DatePattern, ...] = ()
    noise: tuple[str, ...] = ()
    unit_prefixes: dict[str, str] = field(default_factory=dict)
    #: unit symbols that are also common words (it, es ha, "has"): a year before them stays a year
    unit_homographs: frozenset[str] = frozenset()
    range_suffix: dict[str, int] = field(default_factory=dict)
    # names and quotes (see packs/README.md: [quotes], [speech], [names])
    quote_marks: tuple[str, ...] = ()  # pairs, opening then closing mark ("„“", "「」")
    quote_terms_before: tuple[str, ...] = ()  # "calls it", "als": a quotation after them is a term
    speech_verbs: tuple[str, ...] = ()  # 述べた, sagte, said (matched as word prefixes in Latin scripts)
    speech_pronouns: tuple[str, ...] = ()  # sie, she, 彼女: a speaker named earlier
    speech_not_after: frozenset[str] = frozenset()  # of, von, told: a name after them is no speaker
    name_titles: frozenset[str] = frozenset()  # Präsident, President, Mr (casefolded)
    name_honorifics: tuple[str, ...] = ()  # 氏, さん, 씨: written after a name
    name_particles: frozenset[str] = frozenset()  # von, van, de, bin: lower-case words inside a name
    name_stopwords: frozenset[str] = frozenset()  # capitalised words that are never names (casefolded)
    name_suffixes: tuple[str, ...] = ()  # inflection glued to a name: Microsofts, Trump's, Путина
    #: the endings that replace a name's final -a (pl Ariana: Ariany, Arianę, Arianie)
    name_a_endings: tuple[str, ...] = ()
    name_particles_after: tuple[str, ...] = ()  # case particles after a name without a space (ko 은, 는)
    capitalised_nouns: bool = False  # every noun is capitalised (de): capitals are no evidence of a name
    duals: dict[str, str] = field(default_factory=dict)  # ar عامان: two years, CLDR's duals aside
    own_words: bool = False  # the pack lists its number words itself (else they are ICU's)


def available_packs() -> list[str]:
    """Language codes that have a pack."""
    return sorted(_pack_languages())


def has_pack(language: str) -> bool:
    """Whether ``language`` has a pack of its own (what it lacks then comes from CLDR and ICU)."""
    return language in _pack_languages()


@lru_cache(maxsize=1)
def _pack_languages() -> frozenset[str]:
    root = resources.files("consistency.locale").joinpath("packs")
    return frozenset(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml"))


def _fold(mapping: dict | None) -> dict:
    return {str(k).casefold(): v for k, v in (mapping or {}).items()}


def _check_qualifiers(lang: str, mapping: dict[str, str]) -> dict[str, str]:
    for word, qual in mapping.items():
        if qual not in QUALIFIERS:
            raise ConfigError(
                f"language pack {lang}: qualifier {word!r} has unknown type {qual!r} "
                f"(valid: {', '.join(sorted(QUALIFIERS))})"
            )
    return mapping


def parse_pack(data: dict, *, language: str) -> Pack:
    """Build a :class:`Pack` from the decoded TOML of a pack file."""
    numbers = data.get("numbers", {})
    quals = data.get("qualifiers", {})
    ranges = data.get("ranges", {})
    ordinals = data.get("ordinals", {})
    vague = {k.casefold(): (int(v[0]), int(v[1])) for k, v in (data.get("vague") or {}).items()}
    dates = tuple(
        DatePattern(pattern=d["pattern"], kind=d.get("kind", "year"), map=_fold(d.get("map")))
        for d in data.get("dates", [])
    )
    return Pack(
        language=language,
        # extra_words: forms ICU does not write, added to its words (hu két, the "two" before a noun)
        words={**_fold(numbers.get("words")), **_fold(numbers.get("extra_words"))},
        multipliers=_fold(numbers.get("multipliers")),
        connectors=tuple(c.casefold() for c in numbers.get("connectors", [])),
        needs_unit=frozenset(w.casefold() for w in numbers.get("needs_unit", [])),
        glued=bool(numbers.get("glued", True)),
        plural_multipliers=frozenset(w.casefold() for w in numbers.get("plural_multipliers", [])),
        plural_scales=tuple(w.casefold() for w in numbers.get("plural_scales", [])),
        half_suffix=tuple(numbers.get("half_suffix", [])),
        glued_units=tuple(w.casefold() for w in numbers.get("glued_units", [])),
        word_endings=tuple(w.casefold() for w in numbers.get("endings", [])),
        scale_connectors=tuple(w.casefold() for w in numbers.get("scale_connectors", [])),
        cjk_digits=dict(numbers.get("cjk_digits", {})),
        cjk_small=dict(numbers.get("cjk_small", {})),
        cjk_big=dict(numbers.get("cjk_big", {})),
        excluded=tuple(numbers.get("excluded", [])),
        scales=_fold(data.get("scales")),
        vague=vague,
        qualifiers_before=_check_qualifiers(language, _fold(quals.get("before"))),
        qualifiers_after=_check_qualifiers(language, _fold(quals.get("after"))),
        qualifiers_unless_after={
            k: tuple(w.casefold() for w in v) for k, v in _fold(quals.get("unless_after")).items()
        },
        qualifiers_after_figure=tuple(str(w).casefold() for w in quals.get("connector_after_figure", [])),
        currencies={k.casefold(): str(v).upper() for k, v in (data.get("currencies") or {}).items()},
        units=_fold(data.get("units")),
        duals=_fold(data.get("duals")),
        counters=tuple((data.get("counters") or {}).get("words", [])),
        counter_units=dict((data.get("counters") or {}).get("units", {})),
        range_connectors=tuple(ranges.get("connectors", [])),
        range_prefix=tuple(p.casefold() for p in ranges.get("prefix", [])),
        change_prefix=tuple(p.casefold() for p in ranges.get("change_prefix", [])),
        between_connectors=tuple(p.casefold() for p in ranges.get("between_connectors", [])),
        percent_words=tuple(w.casefold() for w in (data.get("percent") or {}).get("words", [])),
        percent_before=tuple(w.casefold() for w in (data.get("percent") or {}).get("before", [])),
        unit_alternatives={k: str(v) for k, v in _fold(data.get("unit_alternatives")).items()},
        per_units={k: str(v) for k, v in _fold(data.get("per_units")).items()},
        ordinal_prefix=tuple(ordinals.get("prefix", [])),
        ordinal_suffix=tuple(ordinals.get("suffix", [])),
        dot_ordinal=bool(ordinals.get("dot_ordinal", False)),
        ordinal_before=frozenset(w.casefold() for w in ordinals.get("before", [])),
        dates=dates,
        unit_prefixes=dict(data.get("unit_prefixes") or {}),
        unit_homographs=frozenset(str(w).casefold() for w in (data.get("homographs") or {}).get("units", [])),
        range_suffix={k: int(v) for k, v in ((data.get("numbers") or {}).get("range_suffix") or {}).items()},
        noise=tuple((data.get("noise") or {}).get("patterns", [])),
        **_text_tables(data, language),
    )


def _text_tables(data: dict, language: str) -> dict:
    """The [quotes], [speech] and [names] tables (names and quotes)."""
    quotes = data.get("quotes") or {}
    speech = data.get("speech") or {}
    names = data.get("names") or {}
    marks = tuple(str(m) for m in quotes.get("marks", []))
    for pair in marks:
        if len(pair) != 2:
            raise ConfigError(
                f"language pack {language}: [quotes] marks must be pairs of two characters "
                f"(an opening and a closing mark), not {pair!r}"
            )
    return dict(
        quote_marks=marks,
        quote_terms_before=tuple(str(v).casefold() for v in quotes.get("term_before", [])),
        speech_verbs=tuple(str(v).casefold() for v in speech.get("verbs", [])),
        speech_pronouns=tuple(str(v).casefold() for v in speech.get("pronouns", [])),
        speech_not_after=frozenset(str(v).casefold() for v in speech.get("not_after", [])),
        name_titles=frozenset(str(v).casefold() for v in names.get("titles", [])),
        name_honorifics=tuple(names.get("honorifics", [])),
        name_particles=frozenset(str(v).casefold() for v in names.get("particles", [])),
        name_stopwords=frozenset(str(v).casefold() for v in names.get("stopwords", [])),
        name_suffixes=tuple(sorted((str(v) for v in names.get("suffixes", [])), key=len, reverse=True)),
        name_a_endings=tuple(sorted((str(v) for v in names.get("a_endings", [])), key=len, reverse=True))
        or _inflection_a_endings(language),
        name_particles_after=tuple(sorted((str(v) for v in names.get("particles_after", [])), key=len, reverse=True)),
        capitalised_nouns=bool(names.get("capitalised_nouns", False)),
    )


@lru_cache(maxsize=64)
def load_pack(language: str) -> Pack:
    """The pack of ``language`` (``"de"``); a language without one gets the number words ICU
    spells out (:mod:`consistency.locale.spellout`), else an empty pack.  Read once per process
    and kept on disk between processes (:func:`consistency.builds.built`)."""
    from ..builds import built

    return built("pack", language, lambda: _load_pack(language))


#: The [numbers] keys by which a pack lists its number words itself, in place of ICU's.
_OWN_WORD_KEYS = ("words", "multipliers", "cjk_digits", "cjk_small", "cjk_big")


def _load_pack(language: str) -> Pack:
    root = resources.files("consistency.locale").joinpath("packs")
    source = root.joinpath(f"{language}.toml")
    data: dict = _read_pack(source, language) if source.is_file() else {}
    if isinstance(base := data.pop("extends", None), str):
        # yue extends zh: the other language's pack, each table of this one added to its table
        # (a key of this pack wins), its lists of patterns (dates, noise) after this pack's own
        data = _extended(_read_pack(root.joinpath(f"{base}.toml"), base), data)
    # [numbers] words (en, de…) or CJK numerals (ja) replace ICU's words; a [numbers] table with
    # only other keys (glued_units, extra_words, needs_unit) adds to them
    numbers = data.setdefault("numbers", {})
    own_words = any(key in numbers for key in _OWN_WORD_KEYS)
    if not own_words:  # no number words of its own: those ICU spells out
        from .spellout import lexicon

        icu_words = lexicon(language)
        if icu_words is not None:
            for key in ("words", "multipliers", "connectors", "glued", "plural_multipliers"):
                numbers.setdefault(key, icu_words[key])
            numbers["needs_unit"] = [*icu_words["needs_unit"], *numbers.get("needs_unit", [])]
    if not own_words and (oblique := _oblique_words(language, numbers.get("words", {}))):
        # ar عشرين, خمسة وعشرين: ICU writes the tens in the nominative (عشرون), text mostly in the
        # oblique case, after a preposition or a verb (inflection.toml [plural_endings])
        numbers["extra_words"] = {**oblique, **numbers.get("extra_words", {})}
    if not own_words and (declined := _number_cases().get(language)):
        # cs dvou, pěti; et kahe, kaheks: the cases ICU does not decline (data/number_cases.toml);
        # a word for 0 or 1, or of two letters, is a figure only with a unit after it (ga sé: six,
        # and "he"), as ICU's are (locale/spellout.py)
        numbers["extra_words"] = {**declined, **numbers.get("extra_words", {})}
        short = [w for w, v in declined.items() if v <= 1 or len(w) <= 2]
        numbers["needs_unit"] = [*numbers.get("needs_unit", []), *short]
    if not own_words and (mutations := _initial_mutations(language, numbers)):
        # cy dwy flynedd, ddau, dair, thri, dwy fil; ga dhá, thrí, gcúig (inflection.toml
        # [initial_mutations]): a short form is a figure only with a unit after it
        words, multipliers = mutations
        numbers["extra_words"] = {**words, **numbers.get("extra_words", {})}
        numbers["multipliers"] = {**multipliers, **numbers.get("multipliers", {})}
        numbers["needs_unit"] = [*numbers.get("needs_unit", []), *(w for w, v in words.items() if len(w) <= 3 or v <= 1)]
    if (letters := digraphic(language)) is not None:
        # sr: ICU's Cyrillic words, and the same words in the Latin alphabet (data/digraphic.toml)
        table = str.maketrans(letters)
        for key in ("words", "multipliers", "extra_words"):
            if isinstance(numbers.get(key), dict):
                numbers[key] = {**{w.translate(table): v for w, v in numbers[key].items()}, **numbers[key]}
        for key in ("connectors", "needs_unit", "plural_multipliers"):
            if isinstance(numbers.get(key), list):
                numbers[key] = list(dict.fromkeys([*numbers[key], *(w.translate(table) for w in numbers[key])]))
    if alternatives := shared_unit_alternatives().get(language):
        # fo stig: degrees, or points (locale/data/unit_alternatives.toml); the pack's own win
        data["unit_alternatives"] = {**alternatives, **data.get("unit_alternatives", {})}
    if "scale_connectors" not in numbers and (connectors := _scale_connectors().get(language)):
        numbers["scale_connectors"] = connectors  # gl millóns de euros: locale/data/scale_connectors.toml
    return replace(parse_pack(data, language=language), own_words=own_words)


def _initial_mutations(language: str, numbers: dict) -> tuple[dict[str, int], dict[str, int]] | None:
    """The number words and multipliers of ``numbers`` (ICU's, the data's declined ones) in each
    form the initial mutations of ``language`` give them (:mod:`consistency.locale.mutations`), or
    None for a language without them."""
    from .mutations import mutated, mutates

    if not mutates(language):
        return None
    words = {w: int(v) for key in ("words", "extra_words") if isinstance(numbers.get(key), dict)
             for w, v in numbers[key].items()}
    multipliers = {w: int(v) for w, v in (numbers.get("multipliers") or {}).items()}
    return mutated(language, words), mutated(language, multipliers)


def _read_pack(source, language: str) -> dict:
    """The decoded TOML of a pack file; a malformed one is a one-line :class:`ConfigError`."""
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"language pack {language}.toml: {exc}") from exc


def _data(name: str) -> dict:
    """The decoded ``locale/data/<name>.toml`` (:func:`~consistency.locale.datafiles.locale_data`)."""
    return locale_data(name)


def shared_unit_alternatives() -> dict[str, dict[str, str]]:
    """``locale/data/unit_alternatives.toml``: language -> {unit word -> its other unit} (fo stig:
    degrees, or points), read by every language, a pack's own table winning."""
    return {lang: {str(w): str(u) for w, u in words.items()} for lang, words in _data("unit_alternatives").items()}


def everyday_units(language: str) -> dict[str, str]:
    """``locale/data/everyday_units.toml``: unit surface (casefolded) -> pint unit, the words everyday
    writing uses for a unit where CLDR lists only its formal names (ca ``quilos``, tr ``kilo``)."""
    return {str(word).casefold(): unit for unit, by_language in _data("everyday_units").items()
            for word in by_language.get(language, ())}


def everyday_months(language: str) -> dict[str, int]:
    """``locale/data/everyday_months.toml``: the month names news writes where CLDR lists others
    (mi ``Mahuru``, September, beside CLDR's ``Hepetema``), as :func:`~consistency.locale.cldr.
    month_spellings` writes them -> 1..12."""
    from .scripts import month_spellings

    return {form: int(n) for name, n in _data("everyday_months").get(language, {}).items()
            for form in month_spellings(str(name))}


def everyday_scales(language: str) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """``locale/data/everyday_scales.toml``: the scale words news writes beside CLDR's (mr
    ``दशलक्ष``), the stems of those a noun-class prefix comes before (xh ``gidi``: izigidi,
    kwezigidi), and those written before the number (ig ``nde 20``; bo ``ས་ཡ་20``, with the tsheg
    that ends a Tibetan syllable or without it), each -> its power of ten."""
    data = _data("everyday_scales")
    before: dict[str, int] = {}
    for w, v in data["before"].get(language, {}).items():
        before[str(w).casefold()] = int(v)
        if "\u0f40" <= str(w)[-1:] <= "\u0fbc":  # a Tibetan letter ends it: also with its tsheg
            before[str(w) + "\u0f0b"] = int(v)
    return ({str(w).casefold(): int(v) for w, v in data["words"].get(language, {}).items()},
            {str(w).casefold(): int(v) for w, v in data["stems"].get(language, {}).items()}, before)


def _number_cases() -> dict[str, dict[str, int]]:
    return {lang: {str(w): int(v) for w, v in words.items()} for lang, words in _data("number_cases")["words"].items()}


def digraphic(language: str) -> dict[str, str] | None:
    """``locale/data/digraphic.toml``: where ``language`` is written in two scripts letter for
    letter (sr), its Cyrillic letters and their Latin ones; else None."""
    letters = _data("digraphic").get(language)
    return {str(k): str(v) for k, v in letters.items()} if letters is not None else None


def _scale_connectors() -> dict[str, list[str]]:
    return {lang: [str(w) for w in words] for lang, words in _data("scale_connectors")["scale_connectors"].items()}


def reads_number_words(language: str) -> bool:
    """Whether numbers spelled out in ``language`` can be read: its pack or ICU's spell-out rules
    give number words, or CJK numerals (50 of NTREX-128's languages have neither: Galician, Basque,
    Urdu, Marathi, Yoruba…)."""
    pack = load_pack(language)
    return bool(pack.words or pack.cjk_digits)


def _extended(base: dict, own: dict) -> dict:
    out = {key: value for key, value in base.items() if key != "language"}
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*value, *out[key]]
        else:
            out[key] = value
    return out


def lists_own_words(language: str) -> bool:
    """Whether ``language`` has a pack with number words of its own, written against CLDR's unit
    names alone (so the rules that derive forms CLDR lacks, case endings and relative-time words,
    stay off for it)."""
    return load_pack(language).own_words  # False without a pack file


def _oblique_words(language: str, words: dict) -> dict[str, int]:
    """``words`` (ICU's number words) with each word in a sound plural's nominative ending put in
    the oblique (``locale/data/inflection.toml`` [plural_endings]: ar عشرون -> عشرين); read here,
    not through :mod:`.inflection`, which asks this module which languages have packs."""
    endings = [(str(a), str(b)) for a, b in _data("inflection").get("plural_endings", {}).get(language, [])]
    out: dict[str, int] = {}
    for word, value in words.items():
        for nominative, oblique in endings:
            parts = str(word).split(" ")
            if any(p.endswith(nominative) for p in parts):
                out.setdefault(" ".join(p[:-len(nominative)] + oblique if p.endswith(nominative) else p for p in parts), value)
    return {w: v for w, v in out.items() if w not in words}


def _inflection_a_endings(language: str | None) -> tuple[str, ...]:
    """A language without a pack of its own: the name endings of ``locale/data/inflection.toml``
    (read here, not through :mod:`.inflection`, which asks this module which languages have packs)."""
    return _name_a_endings().get(language or "", ())


@lru_cache(maxsize=1)
def _name_a_endings() -> dict[str, tuple[str, ...]]:
    return {lang: tuple(sorted(map(str, endings), key=len, reverse=True))
            for lang, endings in _data("inflection").get("name_a_endings", {}).items()}
