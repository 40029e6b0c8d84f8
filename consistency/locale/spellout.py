"""Spelled-out numbers of every language ICU writes them in, from a table generated from ICU.

A language pack lists the number words of its language by hand (``[numbers] words``); twelve
languages have one.  ICU's rule-based number format (RBNF) spells numbers out in some eighty
languages, with the genders and grammatical cases a language declines them in (Polish ``dwa``,
``dwie``, ``dwóch``, ``dwoma``…; Finnish in all fifteen cases).  ``locale/data/spellout.json``
holds, for every language ICU has spell-out rules for, what the figure extractor needs, written
from ICU by ``python -m consistency.locale.spellout --write`` (PyICU, the ``icu`` extra, is needed
only for writing it and for the test that checks it):

- ``words``: every form ICU's cardinal rule sets (``%spellout-numbering``,
  ``%spellout-cardinal-*``, not the ``-plural`` ones, which count pluralia tantum and whose forms
  are a text's vague "hundreds", fi ``satoja``) give 0-99 and the hundreds 100-900, written as one word
  (``dwadzieścia``, ``kahdeksantoista``, ``tjugoett``; soft hyphens removed);
- ``multipliers``: the words for 100, 1,000, 10⁶, 10⁹ and 10¹² in every form they take after
  another number word (``tysiące``, ``tysięcy`` in ``dwa tysiące``, ``pięć tysięcy``);
- ``plural_multipliers``: the multiplier forms ICU writes only after two or more (bg ``хиляди``),
  which alone are a vague amount ("thousands"), not a number;
- ``connectors``: the short words that join number words in ICU's own output (Bulgarian
  ``двадесет и един``), at most three letters;
- ``dot_ordinals`` (beside the languages): the languages whose ICU ordinal format is digits and a
  period (da, fi, pl, cs, tr ``16.``), so that ``16. hul`` is an ordinal, not a count;
- ``ordinals`` (beside the languages): ICU's spelled-out ordinals of the 1st to the 21st, the words
  a century is named by (ar ``القرن التاسع عشر``, hu ``tizenkilencedik század``);
- ``glued``: whether ICU writes number words together (it marks the parts with soft hyphens:
  Swedish ``två­tusen``); where it does not, two number words must be apart to be read as one
  number (Persian ``سینه``, "chest", is not ``سی`` 30 + ``نه`` 9).

:func:`~consistency.locale.packs.load_pack` gives a language without number words of its own
these; a pack's words always win.  Words for 0 and 1 (which are also articles: Swedish ``en
vecka``, Hungarian ``egy``) and words of one or two letters are figures only with a unit or
currency after them (``needs_unit``), as in the hand-written packs.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["build", "dot_ordinal", "lexicon", "ordinal_words"]

_TABLE_FILE = "data/spellout.json"
_MULTIPLIERS = (100, 1000, 10**6, 10**9, 10**12)
_SOFT_HYPHEN = "\u00ad"
_ZWSP = "\u200b"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    try:
        with resources.files("consistency.locale").joinpath(_TABLE_FILE).open(encoding="utf-8") as fh:
            return json.load(fh)
    except (FileNotFoundError, OSError, ValueError):
        return {"languages": {}}


def lexicon(language: str) -> dict[str, Any] | None:
    """``{"words": {word: value}, "multipliers": {word: value}, "connectors": [...],
    "needs_unit": [...]}`` for ``language``, or None when ICU has no spell-out rules for it."""
    entry = _table()["languages"].get(language)
    if entry is None:
        return None
    words: dict[str, int] = _with_apostrophes(entry["words"])
    multipliers: dict[str, int] = _with_apostrophes(entry["multipliers"])
    short = [w for w, v in words.items() if v <= 1 or len(w) <= 2]
    return {**entry, "words": words, "multipliers": multipliers,
            "needs_unit": sorted(set(short) | {w for w, v in multipliers.items() if len(w) <= 2})}


#: the apostrophes text writes for the one ICU writes inside a word (U+02BC, Ukrainian ``пʼять``)
_APOSTROPHES = ("ʼ", "’", "'")


def _with_apostrophes(words: dict[str, int]) -> dict[str, int]:
    """``words`` and, for a word ICU writes with the modifier letter apostrophe (Ukrainian ``пʼять``,
    five), the same word with the right single quotation mark and the typewriter apostrophe that
    text writes there (``п’ять``, ``п'ять``)."""
    out = dict(words)
    for word, value in words.items():
        if _APOSTROPHES[0] in word:
            for mark in _APOSTROPHES[1:]:
                out.setdefault(word.replace(_APOSTROPHES[0], mark), value)
    return out


def _tokens(form: str) -> list[str]:
    """The morphemes of an ICU form: words, and the parts ICU marks with a soft hyphen or (Thai)
    a zero-width space inside a word (Swedish ``två\u00adtusen``)."""
    return form.replace(_SOFT_HYPHEN, " ").replace(_ZWSP, " ").casefold().split()


def _written(form: str) -> str:
    """An ICU form as text writes it: soft hyphens and zero-width spaces removed."""
    return " ".join(form.replace(_SOFT_HYPHEN, "").replace(_ZWSP, "").casefold().split())


def _cardinal_rule_sets(formatter) -> list[str]:
    names = [str(formatter.getRuleSetName(i)) for i in range(formatter.getNumberOfRuleSetNames())]
    # the plural rule sets count pluralia tantum (fi "kahdet housut", two pairs of trousers); their
    # forms are what a text writes for vague plurals ("satoja", hundreds; "tuhansia", thousands)
    return [n for n in names if n == "%spellout-numbering"
            or (n.startswith("%spellout-cardinal") and "plural" not in n)]


def _language_entry(icu, language: str) -> dict[str, Any] | None:
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(language))
    actual = formatter.getLocale(icu.ULocDataLocaleType.ACTUAL_LOCALE).getName()
    if actual.split("_")[0] != language:
        return None  # ICU falls back to another language's rules
    rule_sets = _cardinal_rule_sets(formatter)
    if not rule_sets:
        return None

    def forms(n: int) -> list[str]:
        out = []
        for name in rule_sets:
            formatter.setDefaultRuleSet(icu.UnicodeString(name))
            out.append(str(formatter.format(n)))
        return out

    words: dict[str, int] = {}
    glued = False  # does the language write number words together (sv tvåtusen, fi kaksisataa)?
    for n in [*range(100), *range(100, 1000, 100), 2000, 5000]:
        for form in forms(n):
            glued = glued or _SOFT_HYPHEN in form or _ZWSP in form
            if n < 1000:
                words.setdefault(_written(form), n)  # dwadzieścia, tjugoett, двадесет и един
    multipliers: dict[str, int] = {}
    singular: set[str] = set()  # the forms "one thousand" takes: a number on their own (bg хиляда)
    for m in _MULTIPLIERS:
        for k in (1, 2, 3, 5):
            for form in forms(k * m):
                tokens = _tokens(form)
                if len(tokens) == 1 and k == 1 and tokens[0] not in words:
                    multipliers.setdefault(tokens[0], m)
                    singular.add(tokens[0])
                elif len(tokens) == 2 and words.get(tokens[0]) == k:
                    multipliers.setdefault(tokens[1], m)
                    if k == 1:
                        singular.add(tokens[1])
    # the joining words: inside ICU's forms, never at either end (bg и, ro şi, vi lẻ), or glued
    # to the next number word (ar و, he ו)
    samples = (21, 101, 102, 121, 1001, 1021, 2021, 1121, 2001)
    inner: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    edges: set[str] = set()
    for n in samples:
        for form in forms(n):
            tokens = _written(form).split()
            edges.update((tokens[0], tokens[-1]))
            for position, token in enumerate(tokens):
                if 0 < position < len(tokens) - 1:
                    inner[token] = inner.get(token, 0) + 1
                if token not in words and token not in multipliers:
                    for cut in (1, 2):
                        if len(token) > cut + 1 and token[cut:] in words and token[:cut].isalpha():
                            prefixes[token[:cut]] = prefixes.get(token[:cut], 0) + 1
    known = set(words) | set(multipliers)
    connectors = sorted({t for t, count in inner.items()
                         if count >= 3 and t not in edges and t not in known and len(t) <= 3 and t.isalpha()}
                        | {c for c, count in prefixes.items() if count >= 3 and c not in known})
    # the form a hundred takes before more words (el εκατό, εκατόν ένα): the rest of h + r
    for h in range(100, 1000, 100):
        for r in (1, 2, 21):
            for form in forms(h + r):
                tokens = _written(form).split()
                for cut in range(1, len(tokens)):
                    rest = tokens[cut:]
                    while len(rest) > 1 and rest[0] in connectors:
                        rest = rest[1:]
                    head = " ".join(tokens[:cut])
                    if words.get(" ".join(rest)) == r and head not in words and head not in multipliers:
                        words[head] = h
                        break
    # a plural form alone is a vague amount (bg хиляди, "thousands"), not a number
    plural = sorted(w for w in multipliers if w not in singular and w not in words)
    # ICU's Romanian rules write şapte, şi with the cedilla; Romanian is written with the comma below
    # (ICU's own exemplar characters: ș ț): each word also as the exemplars spell it
    respell = _exemplar_spelling(icu, language)
    for table in (words, multipliers):
        for word, value in list(table.items()):
            table.setdefault(respell(word), value)
    connectors = sorted({*connectors, *map(respell, connectors)})
    plural = sorted({*plural, *map(respell, plural)})
    return {"words": dict(sorted(words.items())), "multipliers": dict(sorted(multipliers.items())),
            "connectors": connectors, "glued": glued, "plural_multipliers": plural}


def _exemplar_spelling(icu, language: str):
    """A function writing each letter that is not among ``language``'s exemplar characters (ICU's
    LocaleData) as the exemplar letter with the same base and another mark, where there is exactly
    one (ro ş → ș, ţ → ț); other letters are kept."""
    import unicodedata

    try:
        exemplars = icu.LocaleData(language).getExemplarSet(0, icu.ULocaleDataExemplarSetType.ES_STANDARD)
    except icu.ICUError:
        return lambda word: word
    letters = {str(c) for c in exemplars if len(str(c)) == 1}

    def base(c: str) -> str:
        return unicodedata.normalize("NFD", c)[0]

    by_base: dict[str, list[str]] = {}
    for c in letters:
        if base(c) != c:
            by_base.setdefault(base(c), []).append(c)

    def respell(word: str) -> str:
        out = []
        for c in word:
            if c not in letters and base(c) != c and len(by_base.get(base(c), ())) == 1:
                out.append(by_base[base(c)][0])
            else:
                out.append(c)
        return "".join(out)

    return respell


def build() -> dict[str, Any]:
    """The table, from ICU (needs PyICU: ``pip install 'claim-consistency[icu]'``)."""
    import icu
    from babel.localedata import locale_identifiers

    languages = sorted({tag.split("_")[0] for tag in locale_identifiers()})
    out = {}
    for language in languages:
        entry = _language_entry(icu, language)
        if entry is not None and entry["words"]:
            out[language] = entry
    ordinals = {language: table for language in languages if (table := _ordinal_words(icu, language))}
    return {"icu_version": icu.ICU_VERSION, "languages": out,
            "dot_ordinals": [language for language in languages if _writes_dot_ordinals(icu, language)],
            "ordinals": ordinals}


#: the ordinals a century is named by (1st to 21st)
_CENTURIES = range(1, 22)


def _ordinal_words(icu, language: str) -> dict[str, int]:
    """``{written ordinal: n}`` for the 1st to the 21st in every spell-out ordinal rule set ICU has
    for ``language`` (ar ``التاسع عشر``, hu ``tizenkilencedik``, tr ``on dokuzuncu``, el
    ``δέκατος ένατος``): the words a century is named by.  A form two numbers share is left out."""
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(language))
    if formatter.getLocale(icu.ULocDataLocaleType.ACTUAL_LOCALE).getName().split("_")[0] != language:
        return {}
    names = [str(formatter.getRuleSetName(i)) for i in range(formatter.getNumberOfRuleSetNames())]
    seen: dict[str, set[int]] = {}
    for name in names:
        if "ordinal" not in name:
            continue
        formatter.setDefaultRuleSet(icu.UnicodeString(name))
        for n in _CENTURIES:
            seen.setdefault(_written(str(formatter.format(n))), set()).add(n)
    return {form: next(iter(ns)) for form, ns in sorted(seen.items()) if len(ns) == 1 and form}


def ordinal_words(language: str) -> dict[str, int]:
    """ICU's spelled-out ordinals 1st-21st of ``language`` (from the table, ``ordinals``)."""
    return dict(_table().get("ordinals", {}).get(language, {}))


def _writes_dot_ordinals(icu, language: str) -> bool:
    """Does ICU's ordinal format (``%digits-ordinal``) of ``language`` write a number and a period
    (da ``16.``, fi, pl, cs, tr), in its own rules rather than a fallback's?"""
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.ORDINAL, icu.Locale(language))
    if formatter.getLocale(icu.ULocDataLocaleType.ACTUAL_LOCALE).getName().split("_")[0] != language:
        return False
    return all(str(formatter.format(n)) == f"{n}." for n in (1, 2, 3, 16, 21, 100))


def dot_ordinal(language: str) -> bool:
    """Whether ICU writes ``language``'s ordinal numbers as digits and a period (``på 16. hul``,
    "at the 16th hole"; from the table, ``dot_ordinals``)."""
    return language in _table().get("dot_ordinals", ())


def _main(argv: list[str]) -> int:
    if argv != ["--write"]:
        print("usage: python -m consistency.locale.spellout --write", file=sys.stderr)
        return 2
    try:
        data = build()
    except ImportError:
        print("writing the table needs PyICU: pip install 'claim-consistency[icu]'", file=sys.stderr)
        return 2
    path = resources.files("consistency.locale").joinpath(_TABLE_FILE)
    with open(str(path), "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")
    print(f"wrote {path}: {len(data['languages'])} languages, ICU {data['icu_version']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
