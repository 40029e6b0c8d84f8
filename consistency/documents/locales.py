"""Locale tags: validating them and guessing them from file paths.

A tag is written BCP-47 style with ``-`` (``de-CH``, ``zh-Hant``); ``_`` is
accepted on input.  Validation asks babel (CLDR) whether it knows the
locale, and rejects aliases babel would silently substitute (``src`` would
become Sardinian, ``und`` English) so that ordinary path names are not taken
for languages.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import PurePath

from consistency.errors import LocaleError

__all__ = ["AMBIGUOUS_CODES", "known_locale", "locale_from_path", "normalize_locale", "version_locale"]

_TAG = re.compile(
    r"(?P<lang>[A-Za-z]{2,3})"
    r"(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?"
)

#: Locale codes that are also common English words or directory names.  A
#: path part equal to one of them is used only when no other part names a
#: locale (``docs/it/notes.md`` is still Italian).
AMBIGUOUS_CODES = _AMBIGUOUS = frozenset(
    """am an as be he hi id is it ml mr ms my no om or os ps sa se sh si so st to
    ts ur we yo ast bas fur lag mas mer new""".split()
)

_ANDROID_REGION = re.compile(r"^([A-Za-z]{2,3})-r([A-Z]{2})$")

#: Identifiers babel accepts that are not languages.
_NOT_LANGUAGES = frozenset({"root", "und", "mul", "zxx"})


def normalize_locale(tag: str) -> str:
    """Validate ``tag`` and return it in normalized form.

    Raises :class:`~consistency.errors.LocaleError` for an unknown tag.

    >>> normalize_locale("de_ch")
    'de-CH'
    >>> normalize_locale("zh-hant")
    'zh-Hant'
    """
    result = known_locale(tag)
    if result is None:
        raise LocaleError(f"unknown locale {tag!r}{_suggestion(tag.strip())}")
    return result


def known_locale(tag: str) -> str | None:
    """The normalized form of ``tag`` if babel knows that exact locale, else ``None``.

    >>> known_locale("pt_br"), known_locale("src"), known_locale("notes")
    ('pt-BR', None, None)
    """
    return _validate(tag.strip())


def version_locale(name: str, locale: str | None, *, default: str | None = None) -> str:
    """A loaded version's locale: ``locale`` if given (``--locale``), else the one its path names,
    else ``default`` (a base bundle or neutral file: English), else a one-line error.

    >>> version_locale("messages_de.properties", None), version_locale("Strings.resx", None, default="en")
    ('de', 'en')
    """
    if locale is not None:
        return normalize_locale(locale)
    tag = locale_from_path(name) or default
    if tag is None:
        raise LocaleError(f"{name}: cannot tell the locale from the path; pass --locale {name}=TAG")
    return tag


def locale_from_path(path: str | os.PathLike[str]) -> str | None:
    """Guess the locale of a file from its path, or return ``None``.

    Looks, in this order, at the suffix before the extension
    (``article.ja.md``), the suffix of a directory (``pages.ja/…``), the whole
    file stem (``ja.md``, ``de_CH.txt``) and then whole directory names from
    the nearest to the farthest (``content/de-CH/x.md``).  Names that are
    also common words (``is``, ``it``, ``no``…) count only when nothing
    better is found.

    >>> locale_from_path("article.ja.md")
    'ja'
    >>> locale_from_path("pages.ja/common/tar.md")
    'ja'
    >>> locale_from_path("docs/api.md") is None
    True
    """
    deferred: list[str] = []
    for candidate, strong in _candidates(PurePath(os.fspath(path))):
        tag = _validate(candidate)
        if tag is None:
            continue
        if not strong and candidate.lower() in _AMBIGUOUS:
            deferred.append(tag)
            continue
        return tag
    return deferred[0] if deferred else None


def _candidates(path: PurePath) -> list[tuple[str, bool]]:
    """Path parts that may name a locale, best first, with a strength flag.

    A *strong* candidate is a dotted suffix (``article.ja``, ``pages.ja``):
    someone put it there to name a language.
    """
    stem_parts = path.name.split(".")
    stem = ".".join(stem_parts[:-1]) if len(stem_parts) > 1 else path.name
    directories = [part for part in reversed(path.parent.parts) if part not in ("", ".", "..", "/")]
    strong: list[tuple[str, bool]] = []
    if "." in stem:
        strong.append((stem.rsplit(".", 1)[1], True))
    platform = [(tag, True) for tag in map(_platform_folder, directories) if tag]
    strong += [(part.rsplit(".", 1)[1], True) for part in directories if "." in part.strip(".")]
    weak = [(stem, False)] + [(part, False) for part in directories]
    if "_" in stem:  # Flutter app_de.arb, intl_pt_BR.arb
        head, _, tail = stem.partition("_")
        weak += [(tail, False)] + ([(tail.split("_", 1)[1], False)] if "_" in tail else [])
    return platform + strong + weak


#: The legacy ISO 639 codes Android's resource folders still use (Java's java.util.Locale).
_ANDROID_LEGACY = frozenset({"iw", "in", "ji"})


def _platform_folder(part: str) -> str | None:
    """The locale an Android or Apple resource folder names.

    >>> _platform_folder("values-pt-rBR"), _platform_folder("values-b+sr+Latn"), _platform_folder("pt-BR.lproj")
    ('pt-rBR', 'b+sr+Latn', 'pt-BR')
    >>> _platform_folder("values-iw"), _platform_folder("values-in-rID")
    ('he', 'id-rID')
    """
    if part.lower().endswith(".lproj"):
        return part[: -len(".lproj")]
    if part.startswith("values-"):
        qualifiers = part[len("values-"):]
        if qualifiers.startswith("b+"):
            return qualifiers.split("-", 1)[0]
        lang, _, rest = qualifiers.partition("-")
        if lang in _ANDROID_LEGACY:
            # Android keeps Java's legacy codes (values-iw, values-in, values-ji); CLDR's language
            # aliases say what they are now (he, id, yi)
            parsed = _parse(lang)
            lang = parsed.language if parsed is not None else lang
        region = rest.split("-", 1)[0]
        return f"{lang}-{region}" if re.fullmatch(r"r[A-Z]{2}", region) else lang
    return None


@lru_cache(maxsize=512)
def _validate(tag: str) -> str | None:
    """The normalized form of ``tag`` if babel knows it exactly, else ``None``.

    Android's resource qualifiers are accepted: ``pt-rBR`` is pt-BR, ``b+sr+Latn`` sr-Latn."""
    if tag.startswith("b+"):
        tag = tag[2:].replace("+", "-")
    tag = _ANDROID_REGION.sub(r"\1-\2", tag)
    match = _TAG.fullmatch(tag)
    if match is None or match["lang"].lower() in _NOT_LANGUAGES:
        return None
    lang = match["lang"].lower()
    script = match["script"].title() if match["script"] else None
    region = match["region"].upper() if match["region"] else None
    parsed = _parse(tag)
    if parsed is None or parsed.language != lang:
        return None
    if script and parsed.script != script:
        return None
    if region and parsed.territory != region:
        return None
    return "-".join(part for part in (lang, script, region) if part)


def _parse(tag: str):  # -> babel.Locale | None
    """``babel.Locale.parse`` that returns ``None`` instead of raising."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _suggestion(tag: str) -> str:
    """``" (did you mean 'he'?)"`` for a deprecated code babel maps to another."""
    match = _TAG.fullmatch(tag)
    if match is None or match["lang"].lower() in _NOT_LANGUAGES:
        return ""
    parsed = _parse(match["lang"])
    if parsed is None or parsed.language == match["lang"].lower():
        return ""
    return f" (did you mean {parsed.language!r}?)"
