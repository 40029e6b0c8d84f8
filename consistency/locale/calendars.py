"""Calendars whose years a language writes where others write Gregorian ones:
``locale/data/calendars.toml`` (CLDR's calendar preference and era offsets, which babel lacks).

Read by the figure extractor: Thai ``ปี 2557`` is 2014; and the words before a time of day
(``locale/data/clock.toml``: fi ``klo 15`` is no count).
"""

from __future__ import annotations

from functools import lru_cache

from .datafiles import locale_data

__all__ = ["clock_prepositions", "clock_words", "era_of", "eras"]


@lru_cache(maxsize=1)
def eras() -> dict:
    """Every entry of locale/data/calendars.toml, by language."""
    return locale_data("calendars")


def era_of(language: str) -> dict | None:
    """The calendar ``language`` writes its years in (``calendar``, ``region``, ``offset`` of its
    era from the Gregorian year, the era's abbreviations ``markers``), where it is not the
    Gregorian one."""
    return eras().get(language)


@lru_cache(maxsize=1)
def _clock() -> dict[str, dict[str, list[str]]]:
    return locale_data("clock")


def clock_words(language: str) -> tuple[str, ...]:
    """The words after which ``language`` writes a time of day (fi ``klo``, sv ``kl.``):
    ``locale/data/clock.toml``."""
    return tuple(_clock()["before"].get(language, ()))


def clock_words_after(language: str) -> tuple[str, ...]:
    """The words ``language`` writes after a time of day (hu ``órakor``, lt ``val.``):
    ``locale/data/clock.toml``."""
    return tuple(_clock().get("after", {}).get(language, ()))


def clock_offset(language: str) -> int:
    """The hours ``language`` counts its clock from (sw 6: saa 1 is 7 o'clock), else 0:
    ``locale/data/clock.toml``."""
    hours = _clock().get("offset", {}).get(language, 0)
    return hours if isinstance(hours, int) else 0


def clock_prepositions(language: str) -> tuple[str, ...]:
    """The prepositions before a time of day written with the word for an hour (nl ``om 15 uur``):
    ``locale/data/clock.toml``."""
    return tuple(_clock()["at"].get(language, ()))


def day_period_marks(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The marks of an hour and of its minutes ``language``'s news writes after a day period beside
    CLDR's own (zh ``上午5点``, ``7點55分``): ``locale/data/clock.toml`` ``[day_period_marks]``."""
    marks: list = _clock().get("day_period_marks", {}).get(language) or [[], []]
    return tuple(marks[0]), tuple(marks[1])
