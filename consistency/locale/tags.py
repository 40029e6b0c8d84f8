"""Locale tags as values: the one place that takes a tag apart.

Tags are BCP-47 style (``de-CH``, ``zh-Hant-TW``); ``_`` is accepted as the separator on input
(``pt_BR``, as gettext and Android write them).  Validation against CLDR and guessing a tag
from a path live in :mod:`consistency.documents.locales`; this module only reads a tag.

>>> language("pt_BR"), script("zh-Hant-TW"), region("zh-Hant-TW"), region("es-419")
('pt', 'Hant', 'TW', '419')
>>> same_language("de-CH", "DE"), fallbacks("sr-Latn-RS")
(True, ['sr-Latn-RS', 'sr-Latn', 'sr'])
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["fallbacks", "is_version_of", "language", "region", "same_language", "script", "subtags"]


def subtags(tag: str) -> list[str]:
    """The tag's subtags, in order (``pt_BR`` -> ``['pt', 'BR']``)."""
    return [part for part in tag.strip().replace("_", "-").split("-") if part]


@lru_cache(maxsize=512)
def language(tag: str) -> str:
    """The language subtag, case-folded: ``de-CH`` -> ``de``.  Cached: the extractors ask it of
    every block's locale (30,000 times in a check of NTREX en/de/ja)."""
    parts = subtags(tag)
    return parts[0].casefold() if parts else ""


def script(tag: str) -> str | None:
    """The script subtag (four letters), title-cased, or None: ``sr-Latn`` -> ``Latn``."""
    for part in subtags(tag)[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    return None


def region(tag: str) -> str | None:
    """The region subtag (two letters or three digits), or None: ``es-419`` -> ``419``."""
    for part in subtags(tag)[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            return part.upper()
    return None


def same_language(a: str, b: str) -> bool:
    """Whether two tags name the same language (``de-CH`` and ``de``)."""
    return language(a) == language(b)


def is_version_of(tag: str, source: str) -> bool:
    """Whether a version tagged ``tag`` is in the source locale ``source``: the same tag, or
    ``source`` names the language alone (``en`` takes ``en-GB``; ``pt-BR`` does not take ``pt-PT``).

    >>> is_version_of("en-GB", "en"), is_version_of("pt-PT", "pt-BR"), is_version_of("DE", "de")
    (True, False, True)
    """
    wanted = source.casefold()
    return tag.casefold() == wanted or language(tag) == wanted


def fallbacks(tag: str) -> list[str]:
    """The tag, then each shorter prefix of it: where locale data is looked up in turn."""
    parts = subtags(tag)
    return ["-".join(parts[:i]) for i in range(len(parts), 0, -1)]
