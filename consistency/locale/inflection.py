"""Languages that inflect nouns with suffixes: ``locale/data/inflection.toml``.

Read by the figure extractor (a unit word may take a case ending: Finnish ``35 millimetrin``) and
by the name rules (a name may take one: Hungarian ``Tuskyra``, Basque ``Mastodonek``), for the
languages listed there that have no language pack of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .datafiles import locale_data

__all__ = ["Inflection", "inflection"]


@dataclass(frozen=True)
class Inflection:
    languages: frozenset[str]
    min_stem: int
    max_ending: int
    #: languages that write a name's genitive with a bare -s
    genitive_s: frozenset[str] = frozenset()
    #: language -> (nominative, oblique) endings of a dual word
    dual_endings: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: language -> the short words it writes glued before a word (ar و, ب, ال)
    proclitics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: language -> its article written glued to the word (ar ال: العامين, القرن)
    articles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: language -> (nominative, oblique) endings of a sound plural (ar العشرون, العشرين)
    plural_endings: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: languages that write a proper name's case ending after an apostrophe (tr Washington'da)
    apostrophe_suffixes: frozenset[str] = frozenset()
    #: language -> (masculine ending, its feminine endings in every case) of surnames (cs Kowalski,
    #: Kowalská, Kowalskou; Merkel, Merkelová)
    feminine_surnames: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)
    #: languages of Brahmic scripts that write case endings and postpositions glued to a noun (mr
    #: शतकात, ne शताब्दीमा)
    glued_postpositions: frozenset[str] = frozenset()
    #: language -> (letters, as it writes them) in every foreign name (az g: q, Varga: Varqa)
    name_respellings: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: languages whose month names of three or four letters take a one-letter case ending (sr
    #: 12. јуна, sl 12. maja, et 12. mail)
    short_month_endings: frozenset[str] = frozenset()
    #: language -> the case endings it puts on a foreign name, after it or for its final vowel (pl
    #: Juanem, Aguery; cs San Diegu)
    name_endings: dict[str, frozenset[str]] = field(default_factory=dict)
    #: languages that write a noun-class prefix on a noun, a borrowed one too (nso dimilione)
    class_prefixes: frozenset[str] = frozenset()
    #: languages that join a prefix to a numeral with a hyphen (zu ngo-2018, abangu-20)
    hyphen_prefixes: frozenset[str] = frozenset()
    #: language -> the nominative endings another case replaces on a month's name (lv septembris)
    nominative_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: language -> (article, as a proclitic writes it together with the article) (ar ال, لل:
    #: للاتحاد, "for the union")
    article_contractions: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def dual_forms(self, language: str, word: str) -> list[str]:
        """``word`` (a dual as CLDR writes it) in the other cases of ``language``: ar ``سنتان``
        -> ``سنتين``; each word of a phrase takes the ending (``سنتان ضوئيتان``)."""
        return _in_other_case(self.dual_endings.get(language, ()), word)

    def oblique_forms(self, language: str, phrase: str) -> list[str]:
        """``phrase`` with each word in a sound plural's nominative put in the oblique case (ar
        ``الحادي والعشرون`` -> ``الحادي والعشرين``); empty where nothing changes."""
        return _in_other_case(self.plural_endings.get(language, ()), phrase)

    def takes_endings(self, language: str) -> bool:
        from .packs import lists_own_words

        return language in self.languages and not lists_own_words(language)


def _in_other_case(endings: tuple[tuple[str, str], ...], phrase: str) -> list[str]:
    """``phrase`` with every word that ends in a pair's first ending given its second, once per pair
    that changes a word."""
    out = []
    for nominative, oblique in endings:
        parts = phrase.split(" ")
        if any(p.endswith(nominative) for p in parts):
            out.append(" ".join(p[:-len(nominative)] + oblique if p.endswith(nominative) else p for p in parts))
    return out


@lru_cache(maxsize=1)
def inflection() -> Inflection:
    data = locale_data("inflection")
    return Inflection(frozenset(data["languages"]), int(data["min_stem"]), int(data["max_ending"]),
                      frozenset(data.get("genitive_s", ())),
                      {lang: tuple((str(a), str(b)) for a, b in pairs)
                       for lang, pairs in data.get("dual_endings", {}).items()},
                      {lang: tuple(map(str, words)) for lang, words in data.get("proclitics", {}).items()},
                      {lang: tuple(map(str, words)) for lang, words in data.get("articles", {}).items()},
                      {lang: tuple((str(a), str(b)) for a, b in pairs)
                       for lang, pairs in data.get("plural_endings", {}).items()},
                      frozenset(data.get("apostrophe_suffixes", ())),
                      {lang: tuple((str(e[0]), tuple(map(str, e[1:]))) for e in entries)
                       for lang, entries in data.get("feminine_surnames", {}).items()},
                      frozenset(data.get("glued_postpositions", ())),
                      {lang: tuple((str(a), str(b)) for a, b in pairs)
                       for lang, pairs in data.get("name_respellings", {}).items()},
                      frozenset(data.get("short_month_endings", ())),
                      {lang: frozenset(map(str, endings)) for lang, endings in data.get("name_endings", {}).items()},
                      frozenset(data.get("class_prefixes", ())), frozenset(data.get("hyphen_prefixes", ())),
                      {lang: tuple(map(str, endings)) for lang, endings in data.get("nominative_endings", {}).items()},
                      {lang: tuple((str(a), str(b)) for a, b in pairs)
                       for lang, pairs in data.get("article_contractions", {}).items()})
