"""Days of the week named in text, from CLDR's day names (babel): ``Tuesday``, ``Dienstag``,
``火曜日``, ``星期二``, ``tiistaina``, ``يوم الثلاثاء``.

Contract: :func:`weekday_mentions(text, locale)` returns ``(start, end, text, day)`` for every wide
day name CLDR gives the locale (format and stand-alone), ``day`` 0 for Monday to 6 for Sunday. A
name CLDR capitalizes is matched with its capital only (Indonesian ``Minggu`` is Sunday,
``minggu`` a week); one it writes in lower case is matched in any case. A name made of a prefix
and another day's name (Persian ``پنجشنبه``, Thursday, ``پنج`` + ``شنبه``) is also read with a
zero-width non-joiner or a space between the two, as text writes it. In scripts that separate
words a name is a whole word (a case ending is not read: Russian ``в среду`` against CLDR's
``среда`` is no mention, and so compares with nothing). DAT002 compares them
(:func:`consistency.engine.checks.figures.check_weekday_mismatch`).

>>> [(text, day) for _s, _e, text, day in weekday_mentions("Am Dienstag, nicht am Montag", "de")]
[('Dienstag', 1), ('Montag', 0)]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..locale.scripts import WORD_END, WORD_START

__all__ = ["day_names", "weekday_mentions"]


@lru_cache(maxsize=64)
def day_names(locale: str) -> dict[str, int]:
    """CLDR's wide names of the days of the week (format and stand-alone), as CLDR writes them ->
    0 for Monday to 6 for Sunday."""
    from ..locale.cldr import parse_locale

    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for day, name in parse_locale(locale).days.get(context, {}).get("wide", {}).items():
            if name and len(name) >= 2:
                names.setdefault(str(name), int(day))
    return names


@lru_cache(maxsize=64)
def _pattern(locale: str) -> tuple[regex.Pattern | None, dict[str, int]]:
    """The pattern of the locale's day names and each name's day, kept on disk between processes
    (CLDR's day names need babel's whole locale data: 6 ms a locale, more than the check reads)."""
    from ..builds import built

    return built("weekdays", locale, lambda: _build_pattern(locale))


def _build_pattern(locale: str) -> tuple[regex.Pattern | None, dict[str, int]]:
    names = dict(day_names(locale))
    if not names:
        return None, {}
    # a day named by another day's name and a prefix (Persian پنجشنبه, Thursday, is پنج + شنبه):
    # text joins the two with nothing, a zero-width non-joiner or a space (پنج‌شنبه, پنج شنبه)
    for name, day in list(names.items()):
        for other in list(names):
            if other != name and name.endswith(other) and len(name) > len(other):
                prefix = name[: len(name) - len(other)].rstrip("\u200c ")
                for joiner in ("", "\u200c", " "):
                    names.setdefault(prefix + joiner + other, day)
    parts = []
    for name in sorted(names, key=len, reverse=True):
        literal = regex.escape(name)
        body = literal if name[0].isupper() or not name[0].isalpha() else f"(?i:{literal})"
        parts.append(body)
    return regex.compile(WORD_START + "(" + "|".join(parts) + ")" + WORD_END), {k.casefold(): v for k, v in names.items()}


def weekday_mentions(text: str, locale: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, text, day)`` of each day of the week named in ``text`` (Monday is 0)."""
    pattern, days = _pattern(locale)
    if pattern is None:
        return []
    return [(m.start(), m.end(), m.group(), days[m.group().casefold()]) for m in pattern.finditer(text)]
