"""TMX 1.4 translation memories: one file, many languages.

Each ``<tu>`` is a unit keyed by its ``tuid`` (or its position, ``tu-7``, without one); each
``<tuv xml:lang="…">`` holds that language's ``<seg>``.  :func:`tmx_locales` lists the
languages (the header's ``srclang`` first) and :func:`load_tmx` gives one language's version,
so one file makes a whole bundle.  Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``) are
blanked with their content; parsed safely (no DTD, no entities:
:mod:`consistency.documents.xmlscan`).

>>> tmx = ('<tmx version="1.4"><header srclang="en"/><body><tu tuid="t1">'
...        '<tuv xml:lang="en"><seg>2 GW</seg></tuv><tuv xml:lang="de-DE"><seg>2 GW</seg></tuv>'
...        '</tu></body></tmx>')
>>> tmx_locales("m.tmx", text=tmx), [(b.key, b.text) for b in load_tmx("m.tmx", language="de-DE", text=tmx).blocks]
(['en', 'de-DE'], [('t1', '2 GW')])
"""

from __future__ import annotations

import os

from consistency.documents.keyed import Entry, blocks_of
from consistency.documents.locales import known_locale
from consistency.documents.reading import read_text
from consistency.documents.xmlscan import Element, content, scan
from consistency.errors import InputError, LocaleError
from consistency.model import Document

__all__ = ["load_tmx", "tmx_locales"]

_WANTED = frozenset({"header", "tu", "seg", "bpt", "ept", "ph", "it", "ut"})
_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})


def _parsed(name: str, text: str | None) -> tuple[str, list[Element]]:
    if text is None:
        text = read_text(name)
    _root, elements = scan(name, text, _WANTED, root="tmx", what="a TMX file")
    return text, elements


def _lang(attrs: dict[str, str]) -> str | None:
    return attrs.get("xml:lang") or attrs.get("lang")


def tmx_locales(path: str | os.PathLike[str], *, text: str | None = None) -> list[str]:
    """The languages of a TMX file as written, the header's ``srclang`` first."""
    _text, elements = _parsed(os.fspath(path), text)
    found: list[str] = []
    for el in elements:
        if el.name == "header" and el.attrs.get("srclang") and el.attrs["srclang"] != "*all*":
            found.insert(0, el.attrs["srclang"])
        elif el.name == "seg" and el.ancestor_attrs:
            lang = _lang(el.ancestor_attrs[-1])
            if lang and lang.casefold() not in (f.casefold() for f in found):
                found.append(lang)
    return found


def load_tmx(path: str | os.PathLike[str], *, language: str, text: str | None = None) -> Document:
    """The version in ``language`` (as written in the file's ``xml:lang``) of a TMX file."""
    name = os.fspath(path)
    text, elements = _parsed(name, text)
    tag = known_locale(language)
    if tag is None:
        raise LocaleError(f"{name}: unknown locale {language!r} in the TMX file")
    units = 0
    key = ""
    chars: dict[Entry, list[str]] = {}
    codes: list[tuple[int, int]] = []
    for el in elements:
        if el.name == "tu":
            units += 1
            key = el.attrs.get("tuid") or f"tu-{units}"
        elif el.name in _CODE:
            codes.append((el.start, el.end))
        elif el.name == "seg" and el.ancestor_attrs \
                and (_lang(el.ancestor_attrs[-1]) or "").casefold() == language.casefold():
            start, end, raw = content(text, el)
            chars[Entry(key, start, end)] = raw
    for entry, raw in chars.items():  # native code inside inline elements is not text
        for a, b in codes:
            for i in range(max(a, entry.start), min(b, entry.end)):
                raw[i - entry.start] = " "
    if not chars and units:
        raise InputError(f"{name}: no segment in {language!r}")
    blocks = blocks_of(text, chars, lambda e: chars[e], "seg")
    return Document(path=name, locale=tag, text=text, blocks=blocks)
