"""Project Fluent files (``locales/de/main.ftl``).

One block per message value and per attribute, keyed ``id`` and ``id.attribute`` (terms:
``-brand``), as the Fluent syntax 1.0 defines them: an entry starts at the beginning of a line
with its identifier and ``=``; its pattern goes on over the following indented lines; an
indented line starting with ``.name =`` is an attribute; ``#`` comments and blank lines lie
between entries. Placeables (``{ $count }``, ``{ -brand }``, ``{ NUMBER($x) }``) are
placeholders, blanked; in a select expression (``{ $n -> [one] … *[other] … }``) the text of the
default variant (``*[…]``) is kept, as only ``other`` is compared elsewhere, and the rest of the
expression blanked. A line that is neither (a junk entry, in Fluent's terms) is skipped, as
Fluent skips it.

The locale comes from the path (``locales/de/main.ftl``, ``de.ftl``); ``--locale`` overrides it.

>>> doc = load_fluent("de.ftl", text="# Speicher\\nfree = { $n } GB frei\\n    von 5 GB\\n")
>>> doc.locale, [(b.key, b.text.split()) for b in doc.blocks]
('de', [('free', ['GB', 'frei', 'von', '5', 'GB'])])
"""

from __future__ import annotations

import os
import re

from consistency.documents.keyed import Entry, blocks_of
from consistency.documents.locales import version_locale
from consistency.documents.reading import read_text
from consistency.model import Document

__all__ = ["load_fluent"]

_ENTRY = re.compile(r"(-?[A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*")
_ATTRIBUTE = re.compile(r"[ \t]+\.([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*")
_DEFAULT_VARIANT = re.compile(r"\*\[[^\]\n]*\][ \t]*")
_OTHER_VARIANT = re.compile(r"\n[ \t]*\[[^\]\n]*\]")


def load_fluent(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from a Fluent ``.ftl`` file."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    entries = list(_entries(text))
    blocks = blocks_of(text, entries, lambda e: _masked(text, e.start, e.end), "string")
    return Document(path=name, locale=version_locale(name, locale), text=text, blocks=blocks)


def _entries(text: str):
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    key: str | None = None
    start = end = 0
    entry_id = ""
    for i, line in enumerate(lines):
        at = offsets[i]
        body = line.rstrip("\r\n")
        if not body.strip():
            continue  # a blank line may sit inside a pattern; the next indented line goes on
        if body[0] in " \t":
            attr = _ATTRIBUTE.match(body)
            if attr and entry_id:
                if key is not None:
                    yield Entry(key, start, end)
                key, start, end = f"{entry_id}.{attr.group(1)}", at + attr.end(), at + len(body)
            elif key is not None:
                end = at + len(body)  # the pattern goes on
            continue
        if key is not None:
            yield Entry(key, start, end)
        key, entry_id = None, ""
        match = _ENTRY.match(body)
        if match is not None:  # a message or a term; else a comment or junk
            entry_id = match.group(1)
            key, start, end = entry_id, at + match.end(), at + len(body)
    if key is not None:
        yield Entry(key, start, end)


def _masked(text: str, start: int, end: int) -> list[str]:
    """The pattern ``text[start:end]`` with its placeables blanked, but for a select
    expression's default variant, whose text stays."""
    chars = list(text[start:end])
    i, n = 0, len(chars)
    while i < n:
        if chars[i] != "{":
            i += 1
            continue
        close, depth = i, 0
        for close in range(i, n):
            depth += chars[close] == "{"
            depth -= chars[close] == "}"
            if depth == 0:
                break
        inner = "".join(chars[i:close + 1])
        keep: tuple[int, int] | None = None
        if "->" in inner and (default := _DEFAULT_VARIANT.search(inner)) is not None:
            other = _OTHER_VARIANT.search(inner, default.end())
            keep = (i + default.end(), i + (other.start() if other else len(inner) - 1))
        for k in range(i, close + 1):
            if keep is None or not keep[0] <= k < keep[1]:
                chars[k] = "\n" if chars[k] == "\n" else " "
        if keep is not None:  # placeables inside the kept variant are blanked in turn
            chars[keep[0]:keep[1]] = _masked("".join(chars), keep[0], keep[1])
        i = close + 1
    return chars
