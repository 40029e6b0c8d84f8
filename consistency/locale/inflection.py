"""Languages that inflect nouns with suffixes: ``locale/data/inflection.toml``.

Read by the figure extractor (a unit word may take a case ending: Finnish ``35 millimetrin``) and
by the name rules (a name may take one: Hungarian ``Tuskyra``, Basque ``Mastodonek``), for the
languages listed there that have no language pack of their own.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Inflection", "inflection"]


@dataclass(frozen=True)
class Inflection:
    languages: frozenset[str]
    min_stem: int
    max_ending: int
    #: languages that write a name's genitive with a bare -s
    genitive_s: frozenset[str] = frozenset()

    def takes_endings(self, language: str) -> bool:
        from .packs import lists_own_words

        return language in self.languages and not lists_own_words(language)


@lru_cache(maxsize=1)
def inflection() -> Inflection:
    data = tomllib.loads(resources.files("consistency.locale").joinpath("data/inflection.toml").read_text("utf-8"))
    return Inflection(frozenset(data["languages"]), int(data["min_stem"]), int(data["max_ending"]),
                      frozenset(data.get("genitive_s", ())))
