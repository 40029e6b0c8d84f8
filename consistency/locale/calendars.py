"""Calendars whose years a language writes where others write Gregorian ones:
``locale/data/calendars.toml`` (CLDR's calendar preference and era offsets, which babel lacks).

Read by the figure extractor: Thai ``ปี 2557`` is 2014.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

__all__ = ["era_of", "eras"]


@lru_cache(maxsize=1)
def eras() -> dict:
    """Every entry of locale/data/calendars.toml, by language."""
    return tomllib.loads(resources.files("consistency.locale").joinpath("data/calendars.toml").read_text("utf-8"))


def era_of(language: str) -> dict | None:
    """The calendar ``language`` writes its years in (``calendar``, ``region``, ``offset`` of its
    era from the Gregorian year, the era's abbreviations ``markers``), where it is not the
    Gregorian one."""
    return eras().get(language)
