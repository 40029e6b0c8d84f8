"""Android string resources (``res/values-*/strings.xml``).

One block per ``<string>``, keyed by its ``name``; a ``<string-array>`` gives one block per
``<item>`` (``name.0``, ``name.1``…); a ``<plurals>`` gives its ``quantity="other"`` item,
keyed by its name (see :mod:`consistency.documents.keyed` on plural forms).  Strings marked
``translatable="false"`` are left out.  Inline markup (``<b>``, ``<xliff:g>``) is blanked,
CDATA markers too, XML references and Android's backslash escapes (``\\'``, ``\\"``, ``\\n``,
``\\@``, ``\\uXXXX``) are decoded in place.

The locale comes from the resource folder: ``values-ja``, ``values-pt-rBR`` (pt-BR),
``values-b+sr+Latn`` (sr-Latn); the default folder ``values`` holds the app's default
language, read as English unless ``--locale res/values/strings.xml=TAG`` says otherwise.
Parsed safely (no DTD, no entities: :mod:`consistency.documents.xmlscan`).

>>> xml = '<resources><string name="size">5\\\\u00a0GB</string></resources>'
>>> doc = load_android("res/values-de/strings.xml", text=xml)
>>> doc.locale, [(b.key, b.text) for b in doc.blocks]
('de', [('size', '5\\xa0     GB')])
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

from consistency.documents.keyed import Entry, blocks_of, decode_in_place
from consistency.documents.locales import locale_from_path, normalize_locale
from consistency.documents.reading import read_text
from consistency.documents.xmlscan import content, scan
from consistency.errors import LocaleError
from consistency.model import Document

__all__ = ["load_android"]

_WANTED = frozenset({"string", "item"})
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t"}


def _decode(match: re.Match[str]) -> str:
    if match.group(1):
        return chr(int(match.group(1), 16))
    return _SIMPLE.get(match.group(2), match.group(2))


def load_android(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from an Android ``strings.xml``."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    _root, elements = scan(name, text, _WANTED, root="resources", what="an Android resource file")
    chars: dict[Entry, list[str]] = {}
    counters: dict[str, int] = {}
    for el in elements:
        if el.name == "string":
            if el.ancestors != ("resources",) or el.attrs.get("translatable") == "false":
                continue
            key = el.attrs.get("name", "")
        else:  # <item> of a <string-array> or <plurals>
            if len(el.ancestors) != 2 or el.ancestor_attrs[-1].get("translatable") == "false":
                continue
            parent, base = el.ancestors[-1], el.ancestor_attrs[-1].get("name", "")
            if parent == "plurals":
                if el.attrs.get("quantity") != "other":
                    continue
                key = base
            elif parent == "string-array":
                key = f"{base}.{counters.get(base, 0)}"
                counters[base] = counters.get(base, 0) + 1
            else:
                continue
        start, end, raw = content(text, el)
        decoded = decode_in_place("".join(raw), 0, len(raw), _ESCAPE, _decode)
        chars[Entry(key, start, end)] = decoded
    blocks = blocks_of(text, chars, lambda e: chars[e], "string")
    return Document(path=name, locale=_locale(name, locale), text=text, blocks=blocks)


def _locale(name: str, locale: str | None) -> str:
    if locale is not None:
        return normalize_locale(locale)
    tag = locale_from_path(name)
    if tag is None and PurePath(name).parent.name == "values":
        return "en"
    if tag is None:
        raise LocaleError(f"{name}: cannot tell the locale from the resource folder; pass --locale {name}=TAG")
    return tag
