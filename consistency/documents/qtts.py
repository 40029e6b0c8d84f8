"""Qt Linguist translation files (``app_de.ts``): like a PO file, each holds two versions.

Each ``<message>`` of a ``<context>`` is a unit, keyed by its context's ``<name>``, its
``<comment>`` (the disambiguation) and its ``<source>``: :func:`load_ts` gives the
``<translation>`` version, :func:`load_ts_source` the ``<source>`` version with the same keys.
A translation that is empty, ``type="obsolete"`` or ``type="vanished"`` is no unit; one
``type="unfinished"`` with text is compared (Linguist keeps the draft). A plural message
(``numerus="yes"``) gives its last ``<numerusform>`` (the general case, as ``other`` elsewhere)
against the source. Qt's ``%1``, ``%L1`` and ``%n`` are placeholders; inline markup is blanked and
XML references decoded in place. Parsed safely (a ``<!DOCTYPE TS>`` that only names itself is
allowed; no DTD subset, no entity: :mod:`consistency.documents.xmlscan`).

The translation's locale is ``language`` of ``<TS>`` (``de_DE``), else the file name's
(``app_de.ts``); the source's is ``sourcelanguage``, else English. A TypeScript file, which
shares the extension, is refused in one line (malformed XML, exit 2).

>>> xml = ('<TS version="2.1" language="de"><context><name>Main</name><message>'
...        '<source>5 GB free</source><translation>5 GB frei</translation></message></context></TS>')
>>> [(b.key, b.text) for b in load_ts("app_de.ts", text=xml).blocks]
[('Main\\x045 GB free', '5 GB frei')]
>>> load_ts_source("app_de.ts", text=xml).blocks[0].text
'5 GB free'
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from consistency.documents.locales import locale_from_path, normalize_locale
from consistency.documents.po import mask_placeholders
from consistency.documents.reading import read_text
from consistency.documents.xmlscan import Element, content, scan
from consistency.errors import LocaleError
from consistency.model import Block, Document

__all__ = ["load_ts", "load_ts_source"]

_WANTED = frozenset({"name", "message", "source", "comment", "translation", "numerusform"})


@dataclass
class _Unit:
    key: str
    source: Element
    translation: Element


def _units(name: str, text: str) -> tuple[dict[str, str], list[_Unit]]:
    root_attrs: dict[str, str] = {}
    _root, elements = scan(name, text, _WANTED, root="TS", what="a Qt Linguist file", doctype_allowed=True)
    units: list[_Unit] = []
    context = ""
    message: dict[str, Element] = {}
    forms: list[Element] = []
    message_context = ""

    def close() -> None:
        src, tr = message.get("source"), message.get("translation")
        if src is not None and tr is not None and tr.attrs.get("type") not in ("obsolete", "vanished"):
            chosen = forms[-1] if forms else tr
            if "".join(content(text, chosen)[2]).strip():
                comment = message.get("comment")
                note = text[comment.start:comment.end] if comment is not None else ""
                source_text = text[src.start:src.end]  # as written: the key of this unit in every version
                units.append(_Unit(f"{message_context}\x04{note + chr(4) if note else ''}{source_text}", src, chosen))

    for el in elements:
        if el.name == "name" and el.ancestors[-1:] == ("context",):
            context = text[el.start:el.end]
        elif el.name == "message":
            if message:
                close()
            message, forms, message_context = {"message": el}, [], context
        elif el.name in ("source", "comment", "translation") and el.ancestors[-1:] == ("message",):
            message[el.name] = el
        elif el.name == "numerusform" and el.ancestors[-1:] == ("translation",):
            forms.append(el)
    if message:
        close()
    if elements and elements[0].ancestor_attrs:
        root_attrs = elements[0].ancestor_attrs[0]
    return root_attrs, units


def _document(name: str, text: str, locale: str, units: list[_Unit], side: str) -> Document:
    blocks: list[Block] = []
    for unit in units:
        el = unit.source if side == "source" else unit.translation
        start, end, raw = content(text, el)
        masked = mask_placeholders(list("".join(raw)), qt=True)
        lead = len(masked) - len(masked.lstrip())
        trail = len(masked) - len(masked.rstrip())
        if not masked.strip():
            continue
        blocks.append(Block(index=len(blocks), kind=side, start=start + lead, end=end - trail,
                            text=masked[lead:len(masked) - trail], key=unit.key))
    return Document(path=name, locale=locale, text=text, blocks=tuple(blocks))


def load_ts(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """The translation version of a Qt Linguist file."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    attrs, units = _units(name, text)
    if locale is not None:
        tag = normalize_locale(locale)
    elif attrs.get("language"):
        tag = normalize_locale(attrs["language"])
    else:
        found = locale_from_path(name)
        if found is None:
            raise LocaleError(f"{name}: the file names no language (<TS language=…>); pass --locale {name}=TAG")
        tag = found
    return _document(name, text, tag, units, "translation")


def load_ts_source(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """The source version of a Qt Linguist file, keyed like :func:`load_ts`."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    attrs, units = _units(name, text)
    tag = normalize_locale(locale or attrs.get("sourcelanguage") or "en")
    return _document(name, text, tag, units, "source")
