"""The initial consonant mutations of the Celtic languages: ``locale/data/inflection.toml``
(``[initial_mutations]``, ``[mutation_exceptions]``, ``[mutation_digraphs]``).

A Welsh, Irish or Scottish Gaelic word changes its first consonant after certain words, numbers
included (cy ``dwy flynedd``, two years, from ``blynedd``; ga ``dhá bhliain``). The number words
(:mod:`consistency.locale.packs`) and unit names (:mod:`consistency.locale.cldr`) of these
languages are read in every mutated form. Kept apart from :mod:`consistency.locale.inflection`,
which reads the language packs, so that the packs can read this.

>>> mutated("cy", {"blynedd": "year"}) == {"flynedd": "year", "mlynedd": "year"}
True
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

from .datafiles import locale_data

__all__ = ["mutated"]

V = TypeVar("V")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[tuple[str, str], ...]], dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    data = locale_data("inflection")
    return ({lang: tuple((str(a), str(b)) for a, b in pairs) for lang, pairs in data.get("initial_mutations", {}).items()},
            {lang: frozenset(map(str, words)) for lang, words in data.get("mutation_exceptions", {}).items()},
            {lang: tuple(map(str, letters)) for lang, letters in data.get("mutation_digraphs", {}).items()})


def mutates(language: str) -> bool:
    """Whether ``language`` has initial mutations in the data."""
    return language in _tables()[0]


def mutated(language: str, words: Mapping[str, V]) -> dict[str, V]:
    """Each word of ``words`` (a phrase: its first word) in the forms the initial mutations of
    ``language`` give it, with its value.  A form of two values (cy ``filiwn``: ``biliwn`` or
    ``miliwn`` softened), a form that is already a key, and an exception (cy ``ddim``, "not") are
    left out; a word starting with letters the language treats as one (cy ``chwech``) takes no
    rule of its first letter."""
    rules_of, exceptions, digraphs_of = _tables()
    rules = rules_of.get(language)
    if not rules:
        return {}
    digraphs = digraphs_of.get(language, ())
    skip = exceptions.get(language, frozenset())
    out: dict[str, V] = {}
    clash: set[str] = set()
    for word, value in words.items():
        low = word.casefold()
        for old, new in rules:
            if not low.startswith(old) or any(low.startswith(d) and d.startswith(old) and d != old for d in digraphs):
                continue  # cy chwech is no c mutated, ga bhliain no b to lenite again
            form = new + word[len(old):]
            if word[:1].isupper():
                form = form[:1].upper() + form[1:]
            if form.casefold() in skip or form in words:
                continue
            if form in out and out[form] != value:
                clash.add(form)
            out.setdefault(form, value)
    return {form: value for form, value in out.items() if form not in clash}
