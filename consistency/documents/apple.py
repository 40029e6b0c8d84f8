"""Apple ``.strings`` files (``de.lproj/Localizable.strings``) and String Catalogs (``.xcstrings``).

``.strings``: one block per ``"key" = "value";`` pair, keyed by the key; comments (``/* */``,
``//``) are skipped; escapes (``\\"``, ``\\n``, ``\\U00A0``) are decoded in place; UTF-8 or
UTF-16 with a byte-order mark.  The locale comes from the ``.lproj`` folder (``pt-BR.lproj``,
``zh-Hans.lproj``); ``Base.lproj`` and ``en.lproj`` are English unless ``--locale`` says
otherwise.  A binary property list is refused with a one-line error.

``.stringsdict`` (an XML property list of plural rules): see :func:`load_stringsdict`.

``.xcstrings`` (one JSON file holding every language): see :func:`load_xcstrings`.

>>> doc = load_strings("de.lproj/Localizable.strings", text='/* size */\\n"size" = "5 GB";\\n')
>>> doc.locale, [(b.key, b.text, b.start) for b in doc.blocks]
('de', [('size', '5 GB', 21)])
"""

from __future__ import annotations

import html
import os
import re
from pathlib import PurePath

from consistency.documents.keyed import Entry, blocks_of, decode_in_place
from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.reading import read_text
from consistency.errors import InputError, LocaleError
from consistency.model import Document

__all__ = ["load_strings", "load_stringsdict", "load_xcstrings", "xcstrings_locales"]

_TOKEN = re.compile(
    r'\s*(?:(/\*.*?\*/)|(//[^\n]*)|"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_.$:/-]+)|([=;]))', re.DOTALL
)
_ESCAPE = re.compile(r"\\(?:[uU]([0-9a-fA-F]{4})|(.))", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r"}


def _decode(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return " " if 0xD800 <= code <= 0xDFFF else chr(code)
    return _SIMPLE.get(match.group(2), match.group(2))


def load_strings(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from an Apple ``.strings`` file."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name, utf16=True)
    entries = list(_pairs(name, text))
    blocks = blocks_of(text, entries, lambda e: decode_in_place(text, e.start, e.end, _ESCAPE, _decode), "string")
    return Document(path=name, locale=_locale(name, locale), text=text, blocks=blocks)


def _pairs(name: str, text: str):
    pos = 1 if text.startswith("\ufeff") else 0
    state, key = "key", ""
    n = len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            if text[pos:].strip():
                line = text.count("\n", 0, pos) + 1
                raise InputError(f"{name}:{line}: malformed .strings file near {text[pos:pos + 20].strip()!r}")
            break
        pos = m.end()
        if m.group(1) or m.group(2):
            continue
        token = m.group(5)
        word = m.group(3) if m.group(3) is not None else m.group(4)
        expected = {"key": "word", "eq": "=", "value": "word", "semi": ";"}[state]
        got = token or "word"
        if got != expected:
            line = text.count("\n", 0, m.start()) + 1
            raise InputError(f"{name}:{line}: malformed .strings file: expected {expected!r}, found {got!r}")
        if state == "key":
            key, state = word or "", "eq"
        elif state == "eq":
            state = "value"
        elif state == "value":
            start = m.start(3) if m.group(3) is not None else m.start(4)
            yield Entry(_unescape(key), start, start + len(word or ""))
            state = "semi"
        else:
            state = "key"
    if state != "key":
        raise InputError(f"{name}: malformed .strings file: it ends inside a key-value pair")


def _unescape(raw: str) -> str:
    return _ESCAPE.sub(lambda m: _decode(m), raw)


def _locale(name: str, locale: str | None) -> str:
    if locale is not None:
        return normalize_locale(locale)
    tag = locale_from_path(name)
    if tag is None and PurePath(name).parent.name.casefold() == "base.lproj":
        return "en"
    if tag is None:
        raise LocaleError(f"{name}: cannot tell the locale from the .lproj folder; pass --locale {name}=TAG")
    return tag


# --------------------------------------------------------------------------- .stringsdict


def load_stringsdict(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's plural strings from an Apple ``.stringsdict`` property list.

    Each top-level key holds a format (``NSStringLocalizedFormatKey``, keyed by the top-level
    key) and a dictionary per variable whose ``other`` form is compared (keyed
    ``KEY/VARIABLE``), as for every plural format (see :mod:`consistency.documents.keyed`).
    Parsed with expat: the DOCTYPE naming Apple's DTD is allowed, no DTD is read and no entity
    may be declared; a binary property list is refused with a one-line error.
    """
    from consistency.documents.xmlscan import content, scan

    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    _root, elements = scan(name, text, frozenset({"key", "string"}), root="plist", what="a .stringsdict file",
                           doctype_allowed=True)
    keys: dict[int, str] = {}  # the last <key> at each depth
    chars: dict[Entry, list[str]] = {}
    for el in elements:
        depth = len(el.ancestors)
        if el.name == "key":
            keys[depth] = html.unescape(text[el.start:el.end]).strip()
            continue
        if depth == 3 and keys.get(3) == "NSStringLocalizedFormatKey":
            key = keys.get(2, "")
        elif depth == 4 and keys.get(4) == "other":
            key = f"{keys.get(2, '')}/{keys.get(3, '')}"
        else:
            continue
        start, end, raw = content(text, el)
        chars[Entry(key, start, end)] = raw
    blocks = blocks_of(text, chars, lambda e: chars[e], "string")
    return Document(path=name, locale=_locale(name, locale), text=text, blocks=blocks)


# --------------------------------------------------------------------------- String Catalogs


def xcstrings_locales(path: str | os.PathLike[str], text: str | None = None) -> list[str]:
    """The locales of a String Catalog, its source language first."""
    data = _catalog(os.fspath(path), text)
    source = data.get("sourceLanguage") or "en"
    found: list[str] = [source]
    for entry in (data.get("strings") or {}).values():
        for lang in ((entry or {}).get("localizations") or {}):
            if lang not in found:
                found.append(lang)
    return found


def load_xcstrings(path: str | os.PathLike[str], *, language: str, text: str | None = None) -> Document:
    """The version in ``language`` (a key of the catalog's ``localizations``) of a String Catalog.

    One block per string's ``stringUnit`` value, keyed by the string's key; plural variations
    keep their ``other`` form.  The source language's strings without a localization of their
    own are their keys (Xcode's convention): their blocks are the keys' spans.
    """
    from consistency.documents.jsonres import JSON_ESCAPE
    from consistency.documents.jsonres import json_decode
    from consistency.documents.jsonres import scan_strings

    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    data = _catalog(name, text)
    source = data.get("sourceLanguage") or "en"
    entries = []
    localized = set()
    key_spans = {}
    for keys, start, end in scan_strings(text, keys=True):
        if len(keys) == 3 and keys[0] == "strings" and keys[2] == "":
            key_spans[keys[1]] = (start, end)
            continue
        # strings.KEY.localizations.LANG.stringUnit.value
        # strings.KEY.localizations.LANG.variations.plural.other.stringUnit.value
        if len(keys) < 6 or keys[0] != "strings" or keys[2] != "localizations" or keys[3] != language:
            continue
        rest = keys[4:]
        if rest == ("stringUnit", "value") or rest == ("variations", "plural", "other", "stringUnit", "value"):
            entries.append(Entry(keys[1], start, end))
            localized.add(keys[1])
    if language == source:  # Xcode's convention: a source string without a localization is its key
        entries += [Entry(k, *span) for k, span in key_spans.items() if k not in localized]
        entries.sort(key=lambda e: e.start)
    tag = known_locale(language)
    if tag is None:
        raise LocaleError(f"{name}: unknown locale {language!r} in the String Catalog")
    blocks = blocks_of(text, entries, lambda e: decode_in_place(text, e.start, e.end, JSON_ESCAPE, json_decode),
                       "string")
    return Document(path=name, locale=tag, text=text, blocks=blocks)


def _catalog(name: str, text: str | None) -> dict:
    if text is None:
        text = read_text(name)
    from consistency.documents.jsonres import parse_json

    data = parse_json(name, text)
    if not isinstance(data, dict) or not isinstance(data.get("strings"), dict):
        raise InputError(f"{name}: not a String Catalog (no \"strings\" object)")
    return data
